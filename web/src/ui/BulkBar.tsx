import { type JSX, Show } from 'solid-js';
import { t, type Text } from '../i18n.js';
import { ErrorAlert } from './ErrorAlert.jsx';
import { SubmitButton } from './Field.jsx';
import type { Selection } from './selection.js';
import './ui.css';

/** A record's checkbox: a native checkbox (Space toggles it) with a 44 px target and an accessible name. */
export function SelectBox(props: { selection: Selection; no: number; label: Text; disabled?: boolean; testId?: string }) {
  return (
    <label class="select-box" title={t(props.label)}>
      <input
        type="checkbox"
        checked={props.selection.has(props.no)}
        disabled={props.disabled}
        data-testid={props.testId}
        onChange={(e) => props.selection.set(props.no, e.currentTarget.checked)}
      />
      <span class="sr-only">{t(props.label)}</span>
    </label>
  );
}

/**
 * The change for the selected records: the page's fields (each "no change" by default), then one
 * button that applies it to all of them in one request (all or nothing). A refused change (a record
 * changed meanwhile, a move that is not allowed) is listed under it, naming the records.
 */
export function BulkBar(props: {
  /** The change the bar sends (createBulkChange): what is selected, what the records are called, the request's state. */
  change: { selection: Selection; noun: Text; action: { busy: () => boolean; error: () => unknown }; done: () => string };
  /** Every selectable key, for "select all". */
  selectable: number[];
  onApply: () => void;
  children: JSX.Element;
}) {
  const noun = () => props.change.noun;
  const count = () => props.change.selection.size();
  return (
    <form
      class="bulk-bar"
      data-testid="bulk-bar"
      aria-label={t({ vi: `Thay đổi nhiều ${noun().vi} cùng lúc`, en: `Change several ${noun().en} at once` })}
      onSubmit={(e) => {
        e.preventDefault();
        props.onApply();
      }}
    >
      <fieldset>
        <legend>{t({ vi: `Thay đổi nhiều ${noun().vi} cùng lúc`, en: `Change several ${noun().en} at once` })}</legend>
        <p class="bulk-count" role="status" data-testid="bulk-count">
          {t({ vi: `Đã chọn ${count()} ${noun().vi}`, en: `${count()} ${noun().en} selected` })}
          <Show when={props.change.done()}>{(d) => <> — {d()}</>}</Show>
        </p>
        <div class="actions">
          <button type="button" class="button secondary small" onClick={() => props.change.selection.all(props.selectable)} data-testid="bulk-all">
            {t({ vi: 'Chọn tất cả', en: 'Select all' })}
          </button>
          <button type="button" class="button secondary small" disabled={count() === 0} onClick={() => props.change.selection.clear()}>
            {t({ vi: 'Bỏ chọn', en: 'Clear' })}
          </button>
        </div>
        <div class="bulk-fields">{props.children}</div>
        <SubmitButton
          label={{ vi: `Áp dụng cho ${count()} ${noun().vi}`, en: `Apply to ${count()} ${noun().en}` }}
          busy={props.change.action.busy()}
          disabled={count() === 0}
          data-testid="bulk-apply"
        />
      </fieldset>
      <ErrorAlert error={props.change.action.error()} />
    </form>
  );
}
