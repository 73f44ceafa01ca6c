import { createSignal, For, Index, Show } from 'solid-js';
import { createStore } from 'solid-js/store';
import { findingKindLabels } from '../../../shared/supervision/labels.js';
import { type FindingKind, findingKinds } from '../../../shared/supervision/schema.js';
import { vietnamToday } from '../../../shared/dates.js';
import { t } from '../i18n.js';
import { createAction, ErrorAlert, Field, SubmitButton, AddButton, DateInput, SubmitOrCancel, TextArea, textBinder } from '../ui/index.js';
import { newIdempotencyKey, supervisionApi } from './client.js';

/** `madeOn` (the day the recommendation was made) is asked when a recommendation is added, not when one is edited. */
export type RecRow = { content: string; responsibleUnit: string; deadline: string; madeOn?: string };
/** `madeOn` starts empty: the server dates the recommendation with its own today unless a day is chosen. */
export const emptyRec = (): RecRow => ({ content: '', responsibleUnit: '', deadline: '', madeOn: '' });

/** The body of a new recommendation from its row. */
const recBody = (r: RecRow) => ({
  content: r.content.trim(),
  responsibleUnit: r.responsibleUnit.trim(),
  deadline: r.deadline,
  ...(r.madeOn ? { madeOn: r.madeOn } : {}),
});

export function RecFields(props: { prefix: string; value: RecRow; set: (k: keyof RecRow, v: string) => void }) {
  return (
    <div class="sup-row">
      <label style={{ 'grid-column': 'span 2' }}>
        {t({ vi: 'Nội dung kiến nghị', en: 'Recommendation' })}
        <textarea name={`${props.prefix}-content`} rows="2" value={props.value.content} onInput={(e) => props.set('content', e.currentTarget.value)} />
      </label>
      <Field label={{ vi: 'Đơn vị chịu trách nhiệm', en: 'Responsible unit' }}>
        <input name={`${props.prefix}-unit`} value={props.value.responsibleUnit} onInput={(e) => props.set('responsibleUnit', e.currentTarget.value)} />
      </Field>
      <Field label={{ vi: 'Thời hạn', en: 'Deadline' }}>
        <DateInput name={`${props.prefix}-deadline`} value={props.value.deadline} onValue={(v) => props.set('deadline', v)} />
      </Field>
      <Show when={props.value.madeOn !== undefined}>
        <Field
          label={{ vi: 'Ngày diễn ra (ngày kiến nghị)', en: 'Date it happened (date made)' }}
          hint={{ vi: 'Để trống nếu là hôm nay; không trước ngày bắt đầu giám sát', en: 'Leave empty for today; not before the supervision began' }}
        >
          <DateInput name={`${props.prefix}-madeOn`} max={vietnamToday(new Date())} value={props.value.madeOn ?? ''} onValue={(v) => props.set('madeOn', v)} />
        </Field>
      </Show>
    </div>
  );
}

/** A finding with any number of recommendations, written in one transaction. */
export function FindingForm(props: { planId: string; reload: () => void }) {
  const [form, setForm] = createStore({ kind: 'shortcoming' as FindingKind, title: '', detail: '', recs: [emptyRec()] });
  const text = textBinder(form, (key, value) => setForm(key, value));
  const action = createAction();
  let key = newIdempotencyKey();
  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    const done = await action.run(() =>
      supervisionApi.addFinding(
        props.planId,
        {
          kind: form.kind,
          title: form.title.trim(),
          ...(form.detail.trim() ? { detail: form.detail.trim() } : {}),
          recommendations: form.recs.filter((r) => r.content.trim() || r.responsibleUnit.trim() || r.deadline).map(recBody),
        },
        key,
      ),
    );
    if (!done) return;
    key = newIdempotencyKey();
    setForm({ kind: 'shortcoming', title: '', detail: '', recs: [emptyRec()] });
    props.reload();
  };
  return (
    <form class="sup-form sup-card" onSubmit={submit} data-testid="finding-form">
      <h3>{t({ vi: 'Ghi nhận kết quả giám sát', en: 'Record a finding' })}</h3>
      <div class="sup-row">
        <Field label={{ vi: 'Loại', en: 'Kind' }}>
          <select name="finding-kind" value={form.kind} onChange={(e) => setForm('kind', e.currentTarget.value as FindingKind)}>
            <For each={findingKinds}>{(k) => <option value={k}>{t(findingKindLabels[k])}</option>}</For>
          </select>
        </Field>
        <label style={{ 'grid-column': 'span 2' }}>
          {t({ vi: 'Kết quả / nhận xét', en: 'Finding' })}
          <input name="finding-title" value={form.title} onInput={(e) => setForm('title', e.currentTarget.value)} />
        </label>
      </div>
      <TextArea label={{ vi: 'Chi tiết', en: 'Details' }} rows="2" {...text('detail', 'finding-detail')} />
      <Index each={form.recs}>
        {(r, i) => (
          <fieldset>
            <legend>
              {t({ vi: 'Kiến nghị', en: 'Recommendation' })} {i + 1}
            </legend>
            <RecFields prefix={`rec-${i}`} value={r()} set={(k, v) => setForm('recs', i, k, v)} />
          </fieldset>
        )}
      </Index>
      <div class="sup-actions">
        <AddButton
          secondary
          small
          testId="add-rec-row"
          label={{ vi: 'Thêm kiến nghị', en: 'Add recommendation' }}
          onClick={() => setForm('recs', (rows) => [...rows, emptyRec()])}
        />
        <SubmitButton label={{ vi: 'Lưu kết quả và kiến nghị', en: 'Save finding' }} busy={action.busy()} data-testid="save-finding" />
      </div>
      <ErrorAlert error={action.error()} />
    </form>
  );
}

export function AddRecommendation(props: { planId: string; findingNo: number; reload: () => void }) {
  const [open, setOpen] = createSignal(false);
  const [row, setRow] = createStore(emptyRec());
  const action = createAction();
  let key = newIdempotencyKey();
  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    const body = recBody(row);
    if (!(await action.run(() => supervisionApi.addRecommendation(props.planId, props.findingNo, body, key)))) return;
    key = newIdempotencyKey();
    setRow(emptyRec());
    setOpen(false);
    props.reload();
  };
  return (
    <Show
      when={open()}
      fallback={<AddButton small label={{ vi: 'Thêm kiến nghị cho kết quả này', en: 'Add a recommendation to this finding' }} onClick={() => setOpen(true)} />}
    >
      <form class="sup-inline" onSubmit={submit}>
        <RecFields prefix={`add-rec-${props.findingNo}`} value={row} set={(k, v) => setRow(k, v)} />
        <div class="sup-actions">
          <SubmitOrCancel small label={{ vi: 'Thêm', en: 'Add' }} busy={action.busy()} onCancel={() => setOpen(false)} />
        </div>
        <ErrorAlert error={action.error()} />
      </form>
    </Show>
  );
}
