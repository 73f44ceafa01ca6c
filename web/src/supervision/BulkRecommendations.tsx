import { createSignal, For } from 'solid-js';
import { recommendationStatusLabels } from '../../../shared/supervision/labels.js';
import type { BulkRecommendations as Body } from '../../../shared/supervision/schema.js';
import type { RecommendationView } from '../../../shared/supervision/views.js';
import { t } from '../i18n.js';
import { BulkBar, createAction, DateInput, Field, type Selection } from '../ui/index.js';
import { supervisionApi } from './client.js';

const moves = ['accepted', 'resolved', 'open'] as const;
const moveLabels = {
  accepted: recommendationStatusLabels.accepted,
  resolved: recommendationStatusLabels.resolved,
  open: { vi: 'Trả lời chưa đạt: trả lời lại', en: 'Answer not accepted: answer again' },
};

/**
 * The selected recommendations of a plan get the same status move, deadline or responsible unit in
 * one request, with the versions shown on the page; a 409 names the ones changed meanwhile.
 */
export function BulkRecommendations(props: { planId: string; recs: RecommendationView[]; selection: Selection; reload: () => void }) {
  const action = createAction();
  const [status, setStatus] = createSignal<'' | (typeof moves)[number]>('');
  const [deadline, setDeadline] = createSignal('');
  const [unit, setUnit] = createSignal('');
  const [done, setDone] = createSignal('');

  const apply = async () => {
    setDone('');
    const byNo = new Map(props.recs.map((r) => [r.no, r]));
    const body: Body = {
      recommendations: props.selection.keys().flatMap((no) => (byNo.has(no) ? [{ no, version: byNo.get(no)!.version }] : [])),
      set: {
        ...(status() ? { status: status() as (typeof moves)[number] } : {}),
        ...(deadline() ? { deadline: deadline() } : {}),
        ...(unit().trim() ? { responsibleUnit: unit().trim() } : {}),
      },
    };
    const r = await action.run(() => supervisionApi.bulkRecommendations(props.planId, body));
    if (!r) return;
    setDone(t({ vi: `đã cập nhật ${r.changed} kiến nghị`, en: `${r.changed} updated` }));
    props.selection.clear();
    setStatus('');
    setDeadline('');
    setUnit('');
    props.reload();
  };

  return (
    <BulkBar
      selection={props.selection}
      selectable={props.recs.filter((r) => r.status !== 'resolved').map((r) => r.no)}
      noun={{ vi: 'kiến nghị', en: 'recommendations' }}
      busy={action.busy()}
      error={action.error()}
      done={done()}
      onApply={() => void apply()}
    >
      <Field label={{ vi: 'Trạng thái', en: 'Status' }}>
        <select value={status()} onChange={(e) => setStatus(e.currentTarget.value as (typeof moves)[number])} data-testid="bulk-status">
          <option value="">{t({ vi: '— Không đổi —', en: '— No change —' })}</option>
          <For each={moves}>{(m) => <option value={m}>{t(moveLabels[m])}</option>}</For>
        </select>
      </Field>
      <Field label={{ vi: 'Thời hạn mới', en: 'New deadline' }} hint={{ vi: 'Để trống: không đổi', en: 'Empty: no change' }}>
        <DateInput value={deadline()} onValue={setDeadline} data-testid="bulk-deadline" />
      </Field>
      <Field label={{ vi: 'Đơn vị chịu trách nhiệm mới', en: 'New responsible unit' }} hint={{ vi: 'Để trống: không đổi', en: 'Empty: no change' }}>
        <input type="text" maxlength="200" value={unit()} onInput={(e) => setUnit(e.currentTarget.value)} data-testid="bulk-unit" />
      </Field>
    </BulkBar>
  );
}
