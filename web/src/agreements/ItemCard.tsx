import { createSignal, For, Show } from 'solid-js';
import { type Item, itemStatuses, itemStatusInfo } from '../../../shared/agreements/schema.js';
import { formatDate } from '../../../shared/format.js';
import { api } from '../api.js';
import { t } from '../i18n.js';
import { createAction, Field, Input, DateInput, RecordPicker, SelectBox, type Selection, Select, SubmitOrCancel } from '../ui/index.js';
import { ErrorBox, ItemStatusBadge, ProgressBar, todayVN } from './common.jsx';

/** A content item: status, progress bar, deadline, timeline, evidence, and the progress form. */
export function ItemCard(props: { item: Item; agreementId: string; tracking: boolean; onSaved: () => void; selection?: Selection }) {
  const [open, setOpen] = createSignal(false);
  const [status, setStatus] = createSignal(props.item.status);
  const [progress, setProgress] = createSignal<string>('');
  const [noteOn, setNoteOn] = createSignal(todayVN());
  const [noteText, setNoteText] = createSignal('');
  const [docId, setDocId] = createSignal('');
  const [docLabel, setDocLabel] = createSignal('');
  const action = createAction();

  const save = async (e: SubmitEvent) => {
    e.preventDefault();
    const body: Record<string, unknown> = { version: props.item.version };
    if (status() !== props.item.status) body.status = status();
    if (progress() !== '') body.progress = Number(progress());
    if (noteText().trim()) body.note = { on: noteOn(), text: noteText().trim() };
    if (docId().trim() || docLabel().trim()) body.evidence = [...props.item.evidence, { docId: docId().trim().toUpperCase(), label: docLabel().trim() }];
    const saved = await action.run(() =>
      api.send(`/api/agreements/${props.agreementId}/items/${props.item.no}`, { method: 'PATCH', body: JSON.stringify(body) }),
    );
    if (saved === undefined) return;
    setOpen(false);
    setNoteText('');
    setProgress('');
    setDocId('');
    setDocLabel('');
    props.onSaved();
  };

  return (
    <div class="item-card" id={`item-${props.item.no}`} data-testid={`item-${props.item.no}`}>
      <div class="item-head">
        <Show when={props.selection}>
          {(sel) => (
            <SelectBox
              selection={sel()}
              no={props.item.no}
              label={{ vi: `Chọn nội dung ${props.item.no}`, en: `Select item ${props.item.no}` }}
              testId={`select-item-${props.item.no}`}
            />
          )}
        </Show>
        <span class="item-title">
          {props.item.no}. {props.item.title}
          <Show when={props.item.placeholder}>
            <span class="placeholder-note"> ({t({ vi: 'giữ chỗ: nguồn không nêu nội dung', en: 'placeholder: content not in the source' })})</span>
          </Show>
        </span>
        <span>
          <ItemStatusBadge status={props.item.status} overdue={props.item.overdue} />
        </span>
      </div>
      <Show when={props.item.description}>
        <p class="pre-line">{props.item.description}</p>
      </Show>
      <p class="muted">
        <Show when={props.item.lead}>
          {t({ vi: 'Chủ trì', en: 'Lead' })}: {props.item.lead!.name}
          {' · '}
        </Show>
        <Show when={props.item.cooperating.length}>
          {t({ vi: 'Phối hợp', en: 'With' })}: {props.item.cooperating.map((c) => c.name).join(', ')}
          {' · '}
        </Show>
        {t({ vi: 'Hạn', en: 'Due' })}: {formatDate(props.item.deadline)}
      </p>
      <ProgressBar value={props.item.progress} label={props.item.title} />
      <Show when={props.item.evidence.length}>
        <p class="muted">
          {t({ vi: 'Minh chứng', en: 'Evidence' })}: {props.item.evidence.map((e) => e.label).join('; ')}
        </p>
      </Show>
      <Show when={props.item.notes.length}>
        <ol class="timeline" data-testid="timeline">
          <For each={props.item.notes}>
            {(n) => (
              <li>
                <time>{formatDate(n.on)}</time>
                {n.text}{' '}
                <span class="muted">
                  ({t(itemStatusInfo[n.status])}, {n.progress}% — {n.by})
                </span>
              </li>
            )}
          </For>
        </ol>
      </Show>
      <Show when={props.tracking}>
        <Show
          when={open()}
          fallback={
            <button type="button" class="button link" data-testid="open-progress" onClick={() => setOpen(true)}>
              {t({ vi: 'Cập nhật tiến độ', en: 'Update progress' })}
            </button>
          }
        >
          <form class="inline-form" onSubmit={save} data-testid="progress-form">
            <Select
              label={{ vi: 'Trạng thái', en: 'Status' }}
              name="status"
              options={itemStatuses}
              labels={itemStatusInfo}
              value={status()}
              onValue={setStatus}
            />
            <Field label={{ vi: 'Tiến độ (%)', en: 'Progress (%)' }}>
              <input
                name="progress"
                type="number"
                min="0"
                max="100"
                style={{ width: '6rem' }}
                placeholder={String(props.item.progress)}
                value={progress()}
                onInput={(e) => setProgress(e.currentTarget.value)}
              />
            </Field>
            <Field label={{ vi: 'Ngày diễn ra', en: 'Date it happened' }}>
              <DateInput name="noteOn" max={todayVN()} value={noteOn()} onValue={setNoteOn} />
            </Field>
            <Field class="grow" label={{ vi: 'Ghi nhận', en: 'Note' }}>
              <input name="noteText" value={noteText()} onInput={(e) => setNoteText(e.currentTarget.value)} />
            </Field>
            <RecordPicker
              kind="document"
              name="docId"
              label={{ vi: 'Minh chứng: văn bản trong kho', en: 'Evidence: archived document' }}
              value={docId()}
              onPick={(r) => {
                setDocId(r?.id ?? '');
                if (r && !docLabel().trim()) setDocLabel(`${r.number} ${r.title}`.trim());
              }}
            />
            <Input
              label={{ vi: 'Tên minh chứng', en: 'Evidence label' }}
              name="docLabel"
              value={docLabel()}
              onInput={(e) => setDocLabel(e.currentTarget.value)}
            />
            <SubmitOrCancel label={{ vi: 'Lưu', en: 'Save' }} busy={action.busy()} onCancel={() => setOpen(false)} />
          </form>
          <ErrorBox error={action.error()} />
        </Show>
      </Show>
    </div>
  );
}
