import { Show } from 'solid-js';
import { recommendationStatusLabels, planStatusLabels, overdueLabel } from '../../../shared/supervision/labels.js';
import type { PlanStatus, RecommendationStatus } from '../../../shared/supervision/schema.js';
import { ApiError } from '../api.js';
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

export function ErrorText(props: { error: unknown }) {
  return (
    <Show when={props.error}>
      <p class="error" role="alert">
        {props.error instanceof ApiError ? props.error.text : String(props.error)}
      </p>
    </Show>
  );
}

export const errorText = (err: unknown) => (err instanceof ApiError ? err.text : String(err));

/** The unit picker of province staff (read-only drill-down). */
export { LocalityPicker } from '../tenancy/locality.jsx';

export function SignInFirst() {
  return (
    <p class="muted">
      {t({ vi: 'Vui lòng đăng nhập để xem kế hoạch giám sát.', en: 'Sign in to see supervision plans.' })} <a href="/sign-in">{t({ vi: 'Đăng nhập', en: 'Sign in' })}</a>
    </p>
  );
}
