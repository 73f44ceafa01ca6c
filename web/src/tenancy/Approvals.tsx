import { createResource, createSignal, For, Show } from 'solid-js';
import { formatDate } from '../../../shared/format.js';
import { can } from '../../../shared/roles.js';
import type { Tenant, TenantStatus } from '../../../shared/tenancy/schema.js';
import type { InvitationCreated } from '../../../shared/users/schema.js';
import { api, ApiError } from '../api.js';
import { t, ui } from '../i18n.js';
import { session } from '../session.js';
import { InvitationLink } from './InvitationLink.jsx';
import { tenantStatusLabels } from './labels.js';
import './tenancy.css';

/** Province admin: the sign-ups of the province's communes, wards and special zones, pending first; approve or reject with a reason. */
export function Approvals() {
  const [status, setStatus] = createSignal<TenantStatus | ''>('');
  const allowed = () => {
    const s = session();
    return !!s && can(s.identity.role, 'province:admin');
  };
  const [list, { refetch }] = createResource(
    () => (allowed() ? { status: status() } : false),
    (q) => api<{ tenants: Tenant[] }>(`/api/tenancy/signups${q.status ? `?status=${q.status}` : ''}`).then((r) => r.tenants),
  );
  const [error, setError] = createSignal<string | null>(null);
  const [rejecting, setRejecting] = createSignal<string | null>(null);
  const [reason, setReason] = createSignal('');
  const [invited, setInvited] = createSignal<{ tenant: string; invitation: InvitationCreated } | null>(null);

  const decide = async (tenant: Tenant, decision: 'approve' | 'reject') => {
    setError(null);
    try {
      const body = decision === 'approve' ? { decision, version: tenant.version } : { decision, version: tenant.version, reason: reason() };
      const res = await api<{ tenant: Tenant; invitation?: InvitationCreated }>(`/api/tenancy/signups/${tenant.localityCode}/decision`, {
        method: 'POST',
        body: JSON.stringify(body),
      });
      if (res.invitation) setInvited({ tenant: tenant.name, invitation: res.invitation });
      setRejecting(null);
      setReason('');
      refetch();
    } catch (err) {
      setError(err instanceof ApiError ? err.text : String(err));
    }
  };

  return (
    <section>
      <h1>{t({ vi: 'Phê duyệt đăng ký của xã, phường, đặc khu', en: 'Locality sign-up approvals' })}</h1>
      <Show when={allowed()} fallback={<p class="muted">{t({ vi: 'Chỉ quản trị viên cấp tỉnh dùng trang này.', en: 'Only province admins use this page.' })}</p>}>
        <div class="filters">
          <label>
            {t({ vi: 'Trạng thái', en: 'Status' })}
            <select value={status()} onChange={(e) => setStatus(e.currentTarget.value as TenantStatus | '')}>
              <option value="">{t({ vi: 'Tất cả', en: 'All' })}</option>
              <For each={Object.entries(tenantStatusLabels)}>{([k, label]) => <option value={k}>{t(label)}</option>}</For>
            </select>
          </label>
        </div>
        <Show when={invited()}>
          {(i) => (
            <>
              <p class="ok">
                {t({ vi: 'Đã phê duyệt', en: 'Approved' })} {i().tenant}.
              </p>
              <InvitationLink link={i().invitation.link} email={i().invitation.invitation.email} />
            </>
          )}
        </Show>
        <Show when={error()}>
          <p class="error" role="alert">{error()}</p>
        </Show>
        <Show when={!list.loading} fallback={<p>{t(ui.loading)}</p>}>
          <Show when={(list() ?? []).length > 0} fallback={<p class="muted" data-testid="no-signups">{t({ vi: 'Chưa có đăng ký nào.', en: 'No sign-ups yet.' })}</p>}>
            <table class="table" data-testid="signups">
              <thead>
                <tr>
                  <th>{t({ vi: 'Đơn vị', en: 'Locality' })}</th>
                  <th>{t({ vi: 'Cơ quan / người liên hệ', en: 'Agency / contact' })}</th>
                  <th>{t({ vi: 'Ngày đăng ký', en: 'Requested' })}</th>
                  <th>{t({ vi: 'Trạng thái', en: 'Status' })}</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                <For each={list()}>
                  {(tn) => (
                    <tr data-locality={tn.localityCode ?? ''}>
                      <td>
                        <strong>{tn.name}</strong>
                        <div class="hint">{tn.localityCode}</div>
                      </td>
                      <td>
                        {tn.agency}
                        <div class="hint">
                          {tn.contactName} · {tn.contactEmail}
                        </div>
                      </td>
                      <td>{formatDate(tn.requestedAt ?? tn.createdAt)}</td>
                      <td>
                        <span class={`badge ${tn.status}`}>{t(tenantStatusLabels[tn.status])}</span>
                        <Show when={tn.rejectionReason}>
                          <div class="hint">{tn.rejectionReason}</div>
                        </Show>
                      </td>
                      <td>
                        <Show when={tn.status === 'pending'}>
                          <div class="row-actions">
                            <button class="button" onClick={() => decide(tn, 'approve')}>
                              {t({ vi: 'Phê duyệt', en: 'Approve' })}
                            </button>
                            <button class="button secondary" onClick={() => setRejecting(rejecting() === tn.localityCode ? null : tn.localityCode)}>
                              {t({ vi: 'Từ chối', en: 'Reject' })}
                            </button>
                          </div>
                          <Show when={rejecting() === tn.localityCode}>
                            <div class="form" style={{ 'margin-top': '0.5rem' }}>
                              <textarea name="reason" rows="2" placeholder={t({ vi: 'Lý do từ chối', en: 'Reason for rejecting' })} value={reason()} onInput={(e) => setReason(e.currentTarget.value)} />
                              <button class="button" onClick={() => decide(tn, 'reject')}>
                                {t({ vi: 'Xác nhận từ chối', en: 'Confirm rejection' })}
                              </button>
                            </div>
                          </Show>
                        </Show>
                      </td>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
          </Show>
        </Show>
      </Show>
    </section>
  );
}
