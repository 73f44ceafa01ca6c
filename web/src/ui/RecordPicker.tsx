import { createResource, createUniqueId, For, Show } from 'solid-js';
import { t, type Text } from '../i18n.js';
import { createTypeAhead } from './combobox.js';
import { describeRecord, type RecordKind, type RecordRef, recordLabel, searchRecords } from './records.js';
import './ui.css';

const SHOWN = 10;

const placeholders: Record<RecordKind, Text> = {
  agreement: { vi: 'Gõ tên hoặc số văn bản, không cần dấu', en: 'Type the title or number, accents optional' },
  plan: { vi: 'Gõ chủ đề kế hoạch, không cần dấu', en: 'Type the plan’s topic, accents optional' },
  document: { vi: 'Gõ trích yếu hoặc số, ký hiệu, không cần dấu', en: 'Type the summary or number, accents optional' },
};

/**
 * Picks a record by typing part of its title or number (accents optional) instead of its id: a
 * WAI-ARIA combobox (↓/↑ move, Enter picks, Esc closes); once picked it shows the record's title
 * and number, with a button to pick another. The form keeps the id.
 */
export function RecordPicker(props: {
  kind: RecordKind;
  value: string;
  onPick: (record: RecordRef | null) => void;
  name: string;
  label: Text;
  locality?: string | undefined;
  required?: boolean;
  /** Show the label above the field (default); inline rows name the field for screen readers only. */
  inline?: boolean;
}) {
  const typeAhead = createTypeAhead(200, null);
  const { text, setText, query, setQuery, open, setOpen, active, setActive, type } = typeAhead;
  const listId = createUniqueId();

  const [matches] = createResource(
    () => (query() === null ? false : { q: query()!, kind: props.kind }),
    ({ q, kind }) => searchRecords(kind, q, props.locality),
  );
  const [current] = createResource(
    () => (props.value ? { id: props.value, kind: props.kind } : false),
    ({ id, kind }) => describeRecord(kind, id, props.locality),
  );
  const shown = () => (matches.error ? [] : (matches.latest ?? []).slice(0, SHOWN));

  const pick = (r: RecordRef) => {
    props.onPick(r);
    setText('');
    setOpen(false);
  };
  const keydown = typeAhead.keydown(shown, pick);
  const optionId = (i: number) => `${listId}-${i}`;

  const picker = () => (
    <Show
      when={props.value}
      fallback={
        <span class="picker">
          <input
            type="text"
            role="combobox"
            name={props.name}
            autocomplete="off"
            aria-label={t(props.label)}
            aria-autocomplete="list"
            aria-expanded={open() && shown().length > 0}
            aria-controls={listId}
            aria-activedescendant={open() && shown()[active()] ? optionId(active()) : undefined}
            required={props.required}
            placeholder={t(placeholders[props.kind])}
            value={text()}
            onInput={(e) => type(e.currentTarget.value)}
            onFocus={() => {
              if (query() === null) setQuery('');
              setOpen(true);
            }}
            onBlur={() => setTimeout(() => setOpen(false), 150)}
            onKeyDown={keydown}
          />
          <Show when={open()}>
            <div id={listId} role="listbox" class="listbox" aria-label={t(props.label)} data-testid="picker-options">
              <For
                each={shown()}
                fallback={
                  <div class="muted listbox-note">
                    {matches.loading ? t({ vi: 'Đang tìm…', en: 'Searching…' }) : t({ vi: 'Không có bản ghi nào khớp.', en: 'Nothing matches.' })}
                  </div>
                }
              >
                {(r, i) => (
                  <div
                    id={optionId(i())}
                    role="option"
                    tabIndex={-1}
                    aria-selected={i() === active()}
                    classList={{ active: i() === active() }}
                    onMouseDown={(e) => {
                      e.preventDefault();
                      pick(r);
                    }}
                    onMouseEnter={() => setActive(i())}
                  >
                    {r.title}
                    <Show when={r.number}>
                      <span class="muted"> · {r.number}</span>
                    </Show>
                  </div>
                )}
              </For>
            </div>
          </Show>
        </span>
      }
    >
      <span class="picker picked" data-testid="picked-record">
        <span>
          {current.loading ? '…' : current() ? recordLabel(current()!) : t({ vi: 'Bản ghi không còn hoặc không xem được', en: 'Record gone or out of reach' })}
        </span>
        <button
          type="button"
          class="button link"
          aria-label={`${t({ vi: 'Chọn lại', en: 'Pick another' })}: ${t(props.label)}`}
          onClick={() => props.onPick(null)}
        >
          {t({ vi: 'Chọn lại', en: 'Change' })}
        </button>
      </span>
    </Show>
  );
  // A div, not a label: a label would pass a click on its text to the "Change" button.
  return props.inline ? (
    picker()
  ) : (
    <div class="field" data-testid={`picker-${props.name}`}>
      <span class="field-label" aria-hidden="true">
        {t(props.label)}
      </span>
      {picker()}
    </div>
  );
}

/** A linked record by its title and number (for lists and detail pages). */
export function RecordName(props: { kind: RecordKind; id: string; locality?: string | undefined }) {
  const [record] = createResource(
    () => ({ kind: props.kind, id: props.id }),
    ({ kind, id }) => describeRecord(kind, id, props.locality),
  );
  return <>{record.loading ? '…' : record() ? recordLabel(record()!) : t({ vi: 'bản ghi không còn', en: 'record gone' })}</>;
}
