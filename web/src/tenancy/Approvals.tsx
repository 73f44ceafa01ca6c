import { createResource, createSignal, Show } from 'solid-js';
import { formatDate } from '../../../shared/format.js';
import { signUpListSchema, type Tenant, type TenantStatus } from '../../../shared/tenancy/schema.js';
import { decisionResultSchema, type InvitationCreated } from '../../../shared/users/schema.js';
import { api } from '../api.js';
import { t } from '../i18n.js';
import { Async, type Table, ConfirmDialog, createAction, DataTable, FormDialog, ErrorAlert, Field, GatedPage, SubmitButton } from '../ui/index.js';
import { InvitationLink } from './InvitationLink.jsx';
import { TenantStatusFilter } from './TenantStatusFilter.jsx';
import { tenantStatusLabels } from './labels.js';
import './tenancy.css';

type Decision = { tenant: Tenant; decision: 'approve' | 'reject' };

/** Province admin: the sign-ups of the province's communes, wards and special zones, pending first; approve or reject with a reason. */
export function Approvals() {
  return (
    <GatedPage title={{ vi: 'Phê duyệt đăng ký của xã, phường, đặc khu', en: 'Locality sign-up approvals' }} needs="province:admin">
      <SignupList />
    </GatedPage>
  );
}

function SignupList() {
  const [status, setStatus] = createSignal<TenantStatus | ''>('');
  const [list, { refetch }] = createResource(
    () => ({ status: status() }),
    (q) => api.get(`/api/tenancy/signups${q.status ? `?status=${q.status}` : ''}`, signUpListSchema).then((r) => r.items),
  );
  const [pending, setPending] = createSignal<Decision | null>(null);
  const [reason, setReason] = createSignal('');
  const [invited, setInvited] = createSignal<{ tenant: string; invitation: InvitationCreated } | null>(null);
  const action = createAction();

  const decide = async ({ tenant, decision }: Decision) => {
    const body = decision === 'approve' ? { decision, version: tenant.version } : { decision, version: tenant.version, reason: reason() };
    const res = await action.run(() => api.post(`/api/tenancy/signups/${tenant.localityCode}/decision`, body, decisionResultSchema));
    if (!res) return;
    if (res.invitation) setInvited({ tenant: tenant.name, invitation: res.invitation });
    setPending(null);
    setReason('');
    refetch();
  };

  const signupTable: Table<Tenant> = {
    columns: [
      {
        id: 'name',
        header: { vi: 'Đơn vị', en: 'Locality' },
        sort: (tn) => tn.name,
        cell: (tn) => (
          <>
            <strong>{tn.name}</strong>
            <div class="hint">{tn.localityCode}</div>
          </>
        ),
      },
      {
        id: 'agency',
        header: { vi: 'Cơ quan / người liên hệ', en: 'Agency / contact' },
        cell: (tn) => (
          <>
            {tn.agency}
            <div class="hint">
              {tn.contactName} · {tn.contactEmail}
            </div>
          </>
        ),
      },
      {
        id: 'requested',
        header: { vi: 'Ngày đăng ký', en: 'Requested' },
        descFirst: true,
        sort: (tn) => tn.requestedAt ?? tn.createdAt,
        cell: (tn) => formatDate(tn.requestedAt ?? tn.createdAt),
      },
      {
        id: 'status',
        header: { vi: 'Trạng thái', en: 'Status' },
        cell: (tn) => (
          <>
            <span class={`badge ${tn.status}`}>{t(tenantStatusLabels[tn.status])}</span>
            <Show when={tn.rejectionReason}>
              <div class="hint">{tn.rejectionReason}</div>
            </Show>
          </>
        ),
      },
      {
        id: 'actions',
        header: { vi: 'Thao tác', en: 'Actions' },
        hiddenHeader: true,
        cell: (tn) => (
          <Show when={tn.status === 'pending'}>
            <div class="row-actions">
              <SubmitButton
                type="button"
                label={{ vi: 'Phê duyệt', en: 'Approve' }}
                busy={action.busy()}
                onClick={() => setPending({ tenant: tn, decision: 'approve' })}
              />
              <button type="button" class="button secondary" onClick={() => setPending({ tenant: tn, decision: 'reject' })}>
                {t({ vi: 'Từ chối', en: 'Reject' })}
              </button>
            </div>
          </Show>
        ),
      },
    ],
    label: { vi: 'Đăng ký của các đơn vị', en: 'Sign-ups' },
    testId: 'signups',
    emptyTestId: 'no-signups',
    empty: { vi: 'Chưa có đăng ký nào.', en: 'No sign-ups yet.' },
    rowAttrs: (tn) => ({ 'data-locality': tn.localityCode ?? '' }),
  };

  const close = () => setPending(null);

  return (
    <>
      <Show when={!pending()}>
        <ErrorAlert error={action.error()} />
      </Show>
      <div class="filters">
        <TenantStatusFilter value={status()} onChange={setStatus} />
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
      <Async of={list}>{(tenants) => <DataTable rows={tenants()} {...signupTable} stack />}</Async>
      <ConfirmDialog
        open={pending()?.decision === 'approve'}
        title={{ vi: 'Phê duyệt đăng ký', en: 'Approve the sign-up' }}
        message={{
          vi: `${pending()?.tenant.name ?? ''} sẽ được kích hoạt và người đăng ký nhận lời mời làm quản trị viên của đơn vị. Không thể hủy phê duyệt.`,
          en: `${pending()?.tenant.name ?? ''} becomes active and its contact is invited as the unit's administrator. An approval cannot be undone.`,
        }}
        confirmLabel={{ vi: 'Phê duyệt', en: 'Approve' }}
        action={action}
        onConfirm={() => void decide(pending()!)}
        onCancel={close}
        testId="approve-dialog"
        confirmTestId="approve-confirm"
      />
      <FormDialog
        open={pending()?.decision === 'reject'}
        title={{ vi: 'Từ chối đăng ký', en: 'Reject the sign-up' }}
        submitLabel={{ vi: 'Xác nhận từ chối', en: 'Confirm rejection' }}
        action={action}
        onSubmit={() => void decide(pending()!)}
        onClose={close}
      >
        <p>{pending()?.tenant.name}</p>
        <Field label={{ vi: 'Lý do từ chối', en: 'Reason for rejecting' }}>
          <textarea name="reason" rows="3" required value={reason()} onInput={(e) => setReason(e.currentTarget.value)} />
        </Field>
      </FormDialog>
    </>
  );
}
