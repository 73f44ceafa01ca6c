import { createEffect, createUniqueId, type JSX, onCleanup, Show } from 'solid-js';
import { t, type Text } from '../i18n.js';
import type { Action } from './action.js';
import { ErrorAlert } from './ErrorAlert.jsx';
import { SubmitButton } from './Field.jsx';
import './ui.css';

/**
 * A modal dialog on the native <dialog> (showModal): the page behind is inert, so Tab stays inside;
 * Escape closes; focus goes to the first field (or the dialog) and back to where it was on close.
 */
export function Dialog(props: { open: boolean; title: Text; onClose: () => void; children: JSX.Element; testId?: string }) {
  let dialog: HTMLDialogElement | undefined;
  let returnTo: Element | null = null;
  const titleId = createUniqueId();
  createEffect(() => {
    if (!dialog) return;
    if (props.open && !dialog.open) {
      returnTo = document.activeElement;
      dialog.showModal();
      const first = dialog.querySelector<HTMLElement>('input, select, textarea, button:not(.dialog-cancel)');
      (first ?? dialog).focus();
    } else if (!props.open && dialog.open) {
      dialog.close();
    }
  });
  const restore = () => {
    if (returnTo instanceof HTMLElement && returnTo.isConnected) returnTo.focus();
    returnTo = null;
  };
  onCleanup(() => {
    if (dialog?.open) dialog.close();
  });
  return (
    <dialog
      ref={dialog}
      class="dialog"
      aria-labelledby={titleId}
      data-testid={props.testId}
      onCancel={(e) => {
        e.preventDefault();
        props.onClose();
      }}
      onClose={restore}
    >
      <Show when={props.open}>
        <h2 id={titleId}>{t(props.title)}</h2>
        {props.children}
      </Show>
    </dialog>
  );
}

export const cancelText: Text = { vi: 'Hủy', en: 'Cancel' };

/**
 * The write a dialog asks for: its busy state and its error show in the dialog, and closing the
 * dialog clears the error (it belonged to the request just given up). Without it, `busy`/`error`.
 */
type DialogAction = { action?: Action; busy?: boolean; error?: unknown };

function actionOf(props: DialogAction, close: () => void) {
  return {
    busy: () => (props.action ? props.action.busy() : props.busy),
    error: () => (props.action ? props.action.error() : props.error),
    close: () => {
      props.action?.setError(null);
      close();
    },
  };
}
export const confirmText: Text = { vi: 'Xác nhận', en: 'Confirm' };

/** A form's submit button and, after it, Cancel (which closes the form without a request). */
export function SubmitOrCancel(props: { label: Text; busy?: boolean; onCancel: () => void; small?: boolean }) {
  return (
    <>
      <SubmitButton small={props.small} label={props.label} busy={props.busy} />
      <button class="button secondary" classList={{ small: !!props.small }} type="button" onClick={() => props.onCancel()}>
        {t(cancelText)}
      </button>
    </>
  );
}

/** "Are you sure?" before a consequential write; shows the write's error inside the dialog. */
export function ConfirmDialog(
  props: DialogAction & {
    open: boolean;
    title: Text;
    message: Text;
    confirmLabel?: Text;
    onConfirm: () => void;
    onCancel: () => void;
    testId?: string;
    confirmTestId?: string;
  },
) {
  const write = actionOf(props, () => props.onCancel());
  return (
    <Dialog open={props.open} title={props.title} onClose={write.close} testId={props.testId}>
      <p>{t(props.message)}</p>
      <ErrorAlert error={write.error()} />
      <div class="dialog-actions">
        <button type="button" class="button secondary dialog-cancel" disabled={write.busy()} onClick={write.close}>
          {t(cancelText)}
        </button>
        <SubmitButton
          type="button"
          label={props.confirmLabel ?? confirmText}
          busy={write.busy()}
          data-testid={props.confirmTestId}
          onClick={() => props.onConfirm()}
        />
      </div>
    </Dialog>
  );
}

/** A dialog holding a small form (a reason, a note): its fields, the write's error, Cancel and the submit button. */
export function FormDialog(
  props: DialogAction & {
    open: boolean;
    title: Text;
    submitLabel: Text;
    onSubmit: () => void;
    onClose: () => void;
    children: JSX.Element;
    testId?: string;
  },
) {
  const write = actionOf(props, () => props.onClose());
  return (
    <Dialog open={props.open} title={props.title} onClose={write.close} testId={props.testId}>
      <form
        class="form"
        onSubmit={(e) => {
          e.preventDefault();
          props.onSubmit();
        }}
      >
        {props.children}
        <ErrorAlert error={write.error()} />
        <div class="dialog-actions">
          <button type="button" class="button secondary dialog-cancel" onClick={write.close}>
            {t(cancelText)}
          </button>
          <SubmitButton label={props.submitLabel} busy={write.busy()} />
        </div>
      </form>
    </Dialog>
  );
}
