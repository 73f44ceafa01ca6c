import { type JSX, splitProps } from 'solid-js';

/** A row of filters that apply together when sent (Enter in a field, or its button), not at each keystroke. */
export function FilterForm(props: { onApply: () => void; children: JSX.Element } & Omit<JSX.FormHTMLAttributes<HTMLFormElement>, 'onSubmit' | 'class'>) {
  const [own, rest] = splitProps(props, ['onApply', 'children']);
  return (
    <form
      {...rest}
      class="filters"
      onSubmit={(e) => {
        e.preventDefault();
        own.onApply();
      }}
    >
      {own.children}
    </form>
  );
}
