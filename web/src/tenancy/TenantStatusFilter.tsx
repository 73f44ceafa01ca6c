import { For } from 'solid-js';
import type { TenantStatus } from '../../../shared/tenancy/schema.js';
import { t } from '../i18n.js';
import { Field } from '../ui/index.js';
import { tenantStatusLabels } from './labels.js';

/** The status filter of a tenant list (sign-ups, the operator's tenants): all, or one status. */
export function TenantStatusFilter(props: { value: TenantStatus | ''; onChange: (status: TenantStatus | '') => void }) {
  return (
    <Field label={{ vi: 'Trạng thái', en: 'Status' }}>
      <select name="status" value={props.value} onChange={(e) => props.onChange(e.currentTarget.value as TenantStatus | '')}>
        <option value="">{t({ vi: 'Tất cả', en: 'All' })}</option>
        <For each={Object.entries(tenantStatusLabels)}>{([k, label]) => <option value={k}>{t(label)}</option>}</For>
      </select>
    </Field>
  );
}
