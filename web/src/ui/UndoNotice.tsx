import { createEffect, createSignal, onCleanup, Show } from 'solid-js';
import { formatDateTime } from '../../../shared/format.js';
import { t, type Text } from '../i18n.js';
import { createAction } from './action.js';
import { ErrorAlert } from './ErrorAlert.jsx';
import './ui.css';

/** The clock of the page, ticked when a window ends (one timer per notice, none while nothing can be undone). */
function untilPassed(until: () => string | null, offset: () => number) {
  const [now, setNow] = createSignal(Date.now());
  createEffect(() => {
    const u = until();
    if (!u) return;
    const ms = Date.parse(u) - offset() - Date.now();
    if (ms <= 0) return;
    const timer = setTimeout(() => setNow(Date.now()), ms + 50);
    onCleanup(() => clearTimeout(timer));
  });
  return () => {
    const u = until();
    return !u || Date.parse(u) - offset() <= now();
  };
}

/**
 * "Đã … · Hoàn tác" after a step the rules let its author take back: shown while the window lasts
 * (`until`, from the shared rule; null when the step cannot be undone) and gone when it ends. The
 * server decides again when the button is pressed, so a late press gets its plain 409. `clockOffset`
 * is the server's clock minus the browser's (ms): the window is the server's, whatever the PC's time.
 */
export function UndoNotice(props: { until: string | null; clockOffset?: number; message: Text; onUndo: () => Promise<unknown>; testId: string }) {
  const passed = untilPassed(
    () => props.until,
    () => props.clockOffset ?? 0,
  );
  const action = createAction();
  return (
    <Show when={!passed() || action.error()}>
      <div class="undo-notice" role="status" data-testid={props.testId}>
        <Show when={!passed()}>
          <span>{t(props.message)}</span>{' '}
          <button
            type="button"
            class="button secondary small"
            data-testid={`${props.testId}-undo`}
            disabled={action.busy()}
            onClick={() => void action.run(props.onUndo)}
          >
            {t({ vi: 'Hoàn tác', en: 'Undo' })}
          </button>{' '}
          <span class="muted">{t({ vi: `(được đến ${formatDateTime(props.until)})`, en: `(until ${formatDateTime(props.until)})` })}</span>
        </Show>
        <ErrorAlert error={action.error()} testId={`${props.testId}-error`} />
      </div>
    </Show>
  );
}
