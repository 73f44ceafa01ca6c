import { createSignal, onCleanup } from 'solid-js';

/**
 * The keys of a WAI-ARIA combobox with a list box, for every type-ahead of the app: ↓ opens or
 * moves down, ↑ moves up, Enter picks the active option, Esc closes.
 */
export function comboboxKeydown<T>(
  e: KeyboardEvent,
  c: {
    open: () => boolean;
    setOpen: (open: boolean) => void;
    options: () => readonly T[];
    active: () => number;
    setActive: (f: (i: number) => number) => void;
    pick: (option: T) => void;
  },
) {
  const list = c.options();
  if (e.key === 'ArrowDown') {
    e.preventDefault();
    if (!c.open()) c.setOpen(true);
    else c.setActive((i) => Math.min(i + 1, list.length - 1));
  } else if (e.key === 'ArrowUp') {
    e.preventDefault();
    c.setActive((i) => Math.max(i - 1, 0));
  } else if (e.key === 'Enter' && c.open() && list[c.active()] !== undefined) {
    e.preventDefault();
    c.pick(list[c.active()]!);
  } else if (e.key === 'Escape' && c.open()) {
    e.preventDefault();
    c.setOpen(false);
  }
}

/**
 * The state every type-ahead keeps: the text as typed, the query it settles to once typing pauses for
 * `delay` ms (each keystroke does not ask the API), whether the list box is open and which option is
 * active. `initialQuery` null: nothing is searched before the first keystroke.
 */
export function createTypeAhead(delay: number, initialQuery: string | null = '') {
  const [text, setText] = createSignal('');
  const [query, setQuery] = createSignal(initialQuery);
  const [open, setOpen] = createSignal(false);
  const [active, setActive] = createSignal(0);
  let timer: ReturnType<typeof setTimeout> | undefined;
  onCleanup(() => clearTimeout(timer));
  /** Typing opens the list at its first option; the query follows when typing pauses. */
  const type = (value: string) => {
    setText(value);
    setOpen(true);
    setActive(0);
    clearTimeout(timer);
    timer = setTimeout(() => setQuery(value.trim()), delay);
  };
  /** The key handler of the input, over the options shown. */
  const keydown =
    <T>(options: () => readonly T[], pick: (option: T) => void) =>
    (e: KeyboardEvent) =>
      comboboxKeydown(e, { open, setOpen, options, active, setActive, pick });
  return { text, setText, query, setQuery, open, setOpen, active, setActive, type, keydown };
}
