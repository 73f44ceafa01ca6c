import { t, type Text } from '../i18n.js';

const removeText: Text = { vi: 'Bỏ', en: 'Remove' };

/** "Bỏ / Remove" next to a repeated row of a form (a party, a session, a link…). */
export function RemoveButton(props: { onClick: () => void; label?: Text; small?: boolean }) {
  return (
    <button type="button" class="button link" classList={{ small: !!props.small }} onClick={() => props.onClick()}>
      {t(props.label ?? removeText)}
    </button>
  );
}

/** "+ Thêm … / + Add …" under a repeated row of a form. */
export function AddButton(props: { onClick: () => void; label: Text; testId?: string; secondary?: boolean; small?: boolean }) {
  return (
    <button
      type="button"
      class={props.secondary ? 'button secondary' : 'button link'}
      classList={{ small: !!props.small }}
      data-testid={props.testId}
      onClick={() => props.onClick()}
    >
      + {t(props.label)}
    </button>
  );
}
