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
