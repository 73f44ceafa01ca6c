import { createResource, For, Show } from 'solid-js';
import { recommendationStatusLabels, planStatusLabels, overdueLabel } from '../../../shared/supervision/labels.js';
import type { PlanStatus, RecommendationStatus } from '../../../shared/supervision/schema.js';
import { api, ApiError } from '../api.js';
import { t } from '../i18n.js';
import { session } from '../session.js';
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

type Locality = { province: { code: string; name: string; districts: { code: string; name: string }[] } };

/**
 * For province staff: read the province's own records, or drill into one of its districts
 * (read-only). District users never see it.
 */
export function DistrictPicker(props: { value: string | undefined; onChange: (d: string | undefined) => void }) {
  const province = () => {
    const s = session();
    return s && s.identity.localityCode === null && s.identity.provinceCode && s.identity.role.startsWith('province_') ? s.identity.provinceCode : null;
  };
  const [data] = createResource(province, (code) => api<Locality>(`/api/localities/${code}`));
  return (
    <Show when={province()}>
      <label>
        {t({ vi: 'Đơn vị xem', en: 'Viewing' })}
        <select data-testid="district-picker" value={props.value ?? ''} onChange={(e) => props.onChange(e.currentTarget.value || undefined)}>
          <option value="">{t({ vi: 'Cấp tỉnh (của tỉnh)', en: 'Province level (own)' })}</option>
          <For each={data()?.province.districts ?? []}>{(d) => <option value={d.code}>{d.name}</option>}</For>
        </select>
      </label>
    </Show>
  );
}

export function SignInFirst() {
  return (
    <p class="muted">
      {t({ vi: 'Vui lòng đăng nhập để xem kế hoạch giám sát.', en: 'Sign in to see supervision plans.' })} <a href="/sign-in">{t({ vi: 'Đăng nhập', en: 'Sign in' })}</a>
    </p>
  );
}
