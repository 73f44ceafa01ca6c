import { createResource, Show } from 'solid-js';
import type { Tenant } from '../../../shared/tenancy/schema.js';
import { api } from '../api.js';
import { t } from '../i18n.js';
import { session } from '../session.js';
import { tenantStatusLabels } from './labels.js';

/** The signed-in user's tenant (name, province, status), for the home page. */
export function TenantSummary() {
  const [tenant] = createResource(
    () => (session()?.identity.provinceCode ? session()!.token : false),
    () => api<{ tenant: Tenant }>('/api/tenancy/tenant').then((r) => r.tenant),
  );
  return (
    <Show when={tenant()}>
      {(tn) => (
        <p data-testid="tenant-summary">
          {t({ vi: 'Đơn vị của bạn', en: 'Your unit' })}:{' '}
          <strong>
            {tn().name}
            {tn().kind === 'district' ? `, ${tn().provinceName}` : ''}
          </strong>{' '}
          <span class={`badge ${tn().status}`}>{t(tenantStatusLabels[tn().status])}</span>
        </p>
      )}
    </Show>
  );
}
