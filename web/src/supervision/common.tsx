import { Show } from 'solid-js';
import { recommendationStatusLabels, planStatusLabels, overdueLabel } from '../../../shared/supervision/labels.js';
import type { PlanStatus, RecommendationStatus } from '../../../shared/supervision/schema.js';
import { t } from '../i18n.js';
import './supervision.css';

export function PlanStatusBadge(props: { status: PlanStatus }) {
  return <span class={`badge st-${props.status}`}>{t(planStatusLabels[props.status])}</span>;
}

export function RecStatusBadge(props: { status: RecommendationStatus; overdue?: boolean }) {
  return (
    <>
      <span class={`badge rec-${props.status}`} data-testid="rec-status">
        {t(recommendationStatusLabels[props.status])}
      </span>
      <Show when={props.overdue}>
        {' '}
        <span class="badge overdue" data-testid="rec-overdue">
          {t(overdueLabel)}
        </span>
      </Show>
    </>
  );
}

export function DemoBadge() {
  return <span class="badge demo">{t({ vi: 'Dữ liệu mẫu', en: 'Demo data' })}</span>;
}
