import { For, type JSX, Show, splitProps } from 'solid-js';
import { t, type Text } from '../i18n.js';
import './ui.css';

/**
 * A labelled control: the label wraps the control (so it names it), an optional hint and the
 * field's error from a refused request.
 */
export function Field(props: { label: Text; hint?: Text; error?: string; class?: string; children: JSX.Element; testId?: string }) {
  return (
    // biome-ignore lint/a11y/noLabelWithoutControl: the control is the children
    <label class={`field ${props.class ?? ''}`} classList={{ invalid: !!props.error }} data-testid={props.testId}>
      <span class="field-label">{t(props.label)}</span>
      {props.children}
      <Show when={props.hint}>{(hint) => <span class="hint">{t(hint())}</span>}</Show>
      <Show when={props.error}>
        <span class="field-error">{props.error}</span>
      </Show>
    </label>
  );
}

export const busyText: Text = { vi: 'Đang xử lý…', en: 'Working…' };

/** A button that says it is working and cannot be pressed twice while a request runs. */
export function SubmitButton(
  props: { busy?: boolean; label: Text; secondary?: boolean; small?: boolean } & Omit<JSX.ButtonHTMLAttributes<HTMLButtonElement>, 'class'>,
) {
  const [own, rest] = splitProps(props, ['busy', 'label', 'secondary', 'small', 'type', 'disabled']);
  return (
    <button
      {...rest}
      type={own.type ?? 'submit'}
      class="button"
      classList={{ secondary: !!own.secondary, small: !!own.small }}
      disabled={own.busy || own.disabled}
      aria-busy={own.busy ? 'true' : undefined}
    >
      {own.busy ? t(busyText) : t(own.label)}
    </button>
  );
}

/** A required password input bound to a signal: the sign-in page, the sign-in-again dialog, the invitation. */
export function PasswordInput(props: {
  label: Text;
  hint?: Text;
  name: string;
  autocomplete: 'current-password' | 'new-password';
  value: string;
  onValue: (value: string) => void;
}) {
  return (
    <Input
      label={props.label}
      hint={props.hint}
      name={props.name}
      type="password"
      autocomplete={props.autocomplete}
      required
      value={props.value}
      onInput={(e) => props.onValue(e.currentTarget.value)}
    />
  );
}

type LabelProps = { label: Text; hint?: Text; fieldClass?: string };

type TextKey<F> = { [K in keyof F]: F[K] extends string ? K : never }[keyof F] & string;

/**
 * Binds text fields to a form store: `text('summary')` is the name (the key unless given), the
 * value and the input handler of the field that edits `form.summary` (spread into Input or TextArea).
 */
export function textBinder<F extends object>(form: F, set: (key: TextKey<F>, value: string) => void) {
  return (key: TextKey<F>, name: string = key) => ({
    name,
    get value() {
      return form[key] as string;
    },
    onInput: (e: { currentTarget: { value: string } }) => set(key, e.currentTarget.value),
  });
}

/** A control inside its Field: the label props go to the Field, every other attribute to the control. */
function labelled<A extends object>(control: (attributes: A) => JSX.Element) {
  return (props: LabelProps & A) => {
    const [own, rest] = splitProps(props, ['label', 'hint', 'fieldClass']);
    return (
      <Field label={own.label} hint={own.hint} class={own.fieldClass}>
        {control(rest as A)}
      </Field>
    );
  };
}

/** A labelled input on one line (any `<input>` attribute passes through). */
export const Input = labelled((attributes: JSX.InputHTMLAttributes<HTMLInputElement>) => <input {...attributes} />);

/** A labelled text area (any `<textarea>` attribute passes through). */
export const TextArea = labelled((attributes: JSX.TextareaHTMLAttributes<HTMLTextAreaElement>) => <textarea {...attributes} />);

type SelectProps<V extends string> = {
  label: Text;
  options: readonly V[];
  /** Each option's text: a vocabulary (`kindLabels`) or a function. */
  labels: { readonly [K in V]?: Text } | ((value: V) => string);
  value: string;
  name?: string;
  required?: boolean;
  testId?: string;
};

/**
 * A labelled drop-down over a fixed list (a vocabulary, the grantable roles). `blank` adds a first
 * option with the value '' ("Tất cả", "— Không đổi —"), which `onValue` then reports as ''. No
 * attribute spread: the select's value must be set after its options exist.
 */
export function Select<V extends string>(props: SelectProps<V> & { blank: Text; onValue: (value: V | '') => void }): JSX.Element;
export function Select<V extends string>(props: SelectProps<V> & { blank?: undefined; onValue: (value: V) => void }): JSX.Element;
export function Select<V extends string>(props: SelectProps<V> & { blank?: Text; onValue: (value: V) => void }) {
  const text = (value: V) => {
    const labels = props.labels;
    if (typeof labels === 'function') return labels(value);
    const label = labels[value];
    return label ? t(label) : value;
  };
  return (
    <Field label={props.label}>
      <select
        name={props.name}
        required={props.required}
        data-testid={props.testId}
        value={props.value}
        onChange={(e) => props.onValue(e.currentTarget.value as V)}
      >
        <Show when={props.blank}>{(blank) => <option value="">{t(blank())}</option>}</Show>
        <For each={props.options}>{(value) => <option value={value}>{text(value)}</option>}</For>
      </select>
    </Field>
  );
}
