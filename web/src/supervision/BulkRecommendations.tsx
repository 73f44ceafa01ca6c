import { For } from 'solid-js';
import { recommendationStatusLabels } from '../../../shared/supervision/labels.js';
import type { BulkRecommendations as Body } from '../../../shared/supervision/schema.js';
import type { RecommendationView } from '../../../shared/supervision/views.js';
import { t } from '../i18n.js';
import { BulkBar, createBulkChange, DateInput, Field, type Selection } from '../ui/index.js';
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
  const bulk = createBulkChange({
    noun: { vi: 'kiến nghị', en: 'recommendations' },
    selection: props.selection,
    blank: { status: '', deadline: '', unit: '' } as { status: '' | (typeof moves)[number]; deadline: string; unit: string },
    reload: () => props.reload(),
  });
  const f = bulk.fields;

  const apply = () => {
    const body: Body = {
      recommendations: bulk.versions(props.recs),
      set: {
        ...(f.status ? { status: f.status as (typeof moves)[number] } : {}),
        ...(f.deadline ? { deadline: f.deadline } : {}),
        ...(f.unit.trim() ? { responsibleUnit: f.unit.trim() } : {}),
      },
    };
    return bulk.send(() => supervisionApi.bulkRecommendations(props.planId, body));
  };

  return (
    <BulkBar change={bulk} selectable={props.recs.filter((r) => r.status !== 'resolved').map((r) => r.no)} onApply={() => void apply()}>
      <Field label={{ vi: 'Trạng thái', en: 'Status' }}>
        <select value={f.status} onChange={(e) => bulk.setFields('status', e.currentTarget.value as (typeof moves)[number])} data-testid="bulk-status">
          <option value="">{t({ vi: '— Không đổi —', en: '— No change —' })}</option>
          <For each={moves}>{(m) => <option value={m}>{t(moveLabels[m])}</option>}</For>
        </select>
      </Field>
      <Field label={{ vi: 'Thời hạn mới', en: 'New deadline' }} hint={{ vi: 'Để trống: không đổi', en: 'Empty: no change' }}>
        <DateInput value={f.deadline} onValue={(v) => bulk.setFields('deadline', v)} data-testid="bulk-deadline" />
      </Field>
      <Field label={{ vi: 'Đơn vị chịu trách nhiệm mới', en: 'New responsible unit' }} hint={{ vi: 'Để trống: không đổi', en: 'Empty: no change' }}>
        <input type="text" maxlength="200" value={f.unit} onInput={(e) => bulk.setFields('unit', e.currentTarget.value)} data-testid="bulk-unit" />
      </Field>
    </BulkBar>
  );
}
