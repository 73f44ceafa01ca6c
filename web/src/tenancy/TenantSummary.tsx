import { Show } from 'solid-js';
import { formatDate } from '../../../shared/format.js';
import { t } from '../i18n.js';
import { tenantStatusLabels } from './labels.js';
import { endedOn, ownTenant } from './locality.jsx';

/** The signed-in user's tenant (name, level, province, status, validity), for the home page. */
export function TenantSummary() {
  return (
    <Show when={ownTenant()}>
      {(tn) => (
        <p data-testid="tenant-summary">
          {t({ vi: 'Đơn vị của bạn', en: 'Your unit' })}:{' '}
          <strong>
            {tn().name}
            {tn().kind !== 'province' ? `, ${tn().provinceName}` : ''}
          </strong>{' '}
          <span class={`badge ${tn().status}`}>{t(tenantStatusLabels[tn().status])}</span>
          <Show when={tn().validUntil}>
            {(until) => (
              <>
                {' '}
                <span class="badge expired" data-testid="tenant-ended" title={formatDate(until())}>
                  {t(endedOn)}
                </span>
              </>
            )}
          </Show>
        </p>
      )}
    </Show>
  );
}
