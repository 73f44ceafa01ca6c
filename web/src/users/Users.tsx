import { createResource, createSignal, Show } from 'solid-js';
import { formatDate } from '../../../shared/format.js';
import { roleLabels } from '../../../shared/roles.js';
import { type Invitation, type InvitationCreated, invitationCreatedSchema, type User, usersPageSchema } from '../../../shared/users/schema.js';
import { api } from '../api.js';
import { lang, t, ui } from '../i18n.js';
import { session } from '../session.js';
import { Async, ConfirmDialog, createAction, DataTable, ErrorAlert, GatedPage, type Table } from '../ui/index.js';
import { InvitationLink } from '../tenancy/InvitationLink.jsx';
import { InviteForm } from './InviteForm.jsx';
import '../tenancy/tenancy.css';

const roleHeader = { vi: 'Vai trò', en: 'Role' };
const actionsHeader = { vi: 'Thao tác', en: 'Actions' };

/** Admins: users and pending invitations of their own tenant; invite, re-issue a link, revoke, disable, re-enable. */
export function Users() {
  return (
    <GatedPage title={{ vi: 'Người dùng và lời mời', en: 'Users and invitations' }} needs="tenant:admin">
      <UsersOfTenant />
    </GatedPage>
  );
}

function UsersOfTenant() {
  const [page, { refetch }] = createResource(() => api.get('/api/tenancy/users', usersPageSchema));
  const [disabling, setDisabling] = createSignal<User | null>(null);
  // The link is shown once, when issued (only its hash is stored): after a reload, "Cấp lại đường dẫn" issues a new one.
  const [reissued, setReissued] = createSignal<InvitationCreated | null>(null);
  const action = createAction();
  const run = async (work: () => Promise<unknown>) => {
    const done = await action.attempt(work);
    if (done) refetch();
    return done;
  };

  const usersTable: Table<User> = {
    columns: [
      { id: 'name', header: { vi: 'Họ và tên', en: 'Name' }, sort: (u) => u.name ?? '', cell: (u) => u.name },
      { id: 'email', header: ui.email, sort: (u) => u.email, cell: (u) => u.email },
      { id: 'role', header: roleHeader, cell: (u) => roleLabels[u.role][lang()] },
      { id: 'agency', header: { vi: 'Cơ quan', en: 'Agency' }, cell: (u) => u.agency },
      { id: 'created', header: { vi: 'Ngày tạo', en: 'Created' }, descFirst: true, sort: (u) => u.createdAt, cell: (u) => formatDate(u.createdAt) },
      {
        id: 'status',
        header: { vi: 'Trạng thái', en: 'Status' },
        cell: (u) => (
          <span class={`badge ${u.status}`}>{u.status === 'active' ? t({ vi: 'Hoạt động', en: 'Active' }) : t({ vi: 'Đã vô hiệu hoá', en: 'Disabled' })}</span>
        ),
      },
      {
        id: 'actions',
        header: actionsHeader,
        hiddenHeader: true,
        cell: (u) => (
          <Show when={u.userId !== session()?.identity.userId}>
            <Show
              when={u.status === 'active'}
              fallback={
                <button
                  type="button"
                  class="button secondary"
                  data-testid="enable-user"
                  onClick={() => run(() => api.send(`/api/tenancy/users/${u.userId}/enable`, { method: 'POST', body: JSON.stringify({ version: u.version }) }))}
                >
                  {t({ vi: 'Kích hoạt lại', en: 'Re-enable' })}
                </button>
              }
            >
              <button type="button" class="button secondary" onClick={() => setDisabling(u)}>
                {t({ vi: 'Vô hiệu hoá', en: 'Disable' })}
              </button>
            </Show>
          </Show>
        ),
      },
    ],
    label: { vi: 'Người dùng', en: 'Users' },
    testId: 'users',
    rowAttrs: (u) => ({ 'data-email': u.email }),
  };
  const invitationsTable: Table<Invitation> = {
    columns: [
      {
        id: 'email',
        header: ui.email,
        cell: (i) => (
          <>
            {i.email}
            <div class="hint">{i.name}</div>
          </>
        ),
      },
      { id: 'role', header: roleHeader, cell: (i) => roleLabels[i.role][lang()] },
      { id: 'by', header: { vi: 'Người mời', en: 'Invited by' }, cell: (i) => i.invitedBy.name ?? i.invitedBy.email },
      {
        id: 'expires',
        header: { vi: 'Hết hạn', en: 'Expires' },
        cell: (i) => (
          <>
            {formatDate(i.expiresAt)}{' '}
            <Show when={i.expired}>
              <span class="badge expired">{t({ vi: 'Đã hết hạn', en: 'Expired' })}</span>
            </Show>
          </>
        ),
      },
      {
        id: 'actions',
        header: actionsHeader,
        hiddenHeader: true,
        cell: (i) => (
          <>
            <button
              type="button"
              class="button secondary"
              data-testid="reissue-invitation"
              onClick={async () => {
                const next = await action.run(() => api.post(`/api/tenancy/invitations/${i.invitationId}/reissue`, {}, invitationCreatedSchema));
                if (next) {
                  setReissued(next);
                  refetch();
                }
              }}
            >
              {t({ vi: 'Cấp lại đường dẫn', en: 'New link' })}
            </button>{' '}
            <button
              type="button"
              class="button secondary"
              onClick={() => run(() => api.send(`/api/tenancy/invitations/${i.invitationId}/revoke`, { method: 'POST' }))}
            >
              {t({ vi: 'Thu hồi', en: 'Revoke' })}
            </button>
          </>
        ),
      },
    ],
    label: { vi: 'Lời mời đang chờ', en: 'Pending invitations' },
    testId: 'invitations',
    empty: { vi: 'Không có lời mời nào đang chờ.', en: 'No pending invitations.' },
    rowAttrs: (i) => ({ 'data-email': i.email }),
  };

  return (
    <Async of={page}>
      {(p) => (
        <>
          <p class="lead" data-testid="users-tenant">
            {p().tenant.name}
            {p().tenant.name !== p().tenant.provinceName ? `, ${p().tenant.provinceName}` : ''}
          </p>
          <Show when={!disabling()}>
            <ErrorAlert error={action.error()} />
          </Show>
          <DataTable rows={p().users} {...usersTable} heading stack />
          <DataTable rows={p().invitations} {...invitationsTable} heading stack />
          <Show when={reissued()}>{(c) => <InvitationLink link={c().link} email={c().invitation.email} />}</Show>
          <h2>{t({ vi: 'Mời người dùng', en: 'Invite a user' })}</h2>
          <InviteForm grantableRoles={p().grantableRoles} onInvited={() => refetch()} />
          <ConfirmDialog
            open={!!disabling()}
            title={{ vi: 'Vô hiệu hoá tài khoản', en: 'Disable the account' }}
            message={{ vi: `Vô hiệu hoá tài khoản ${disabling()?.email ?? ''}?`, en: `Disable ${disabling()?.email ?? ''}?` }}
            confirmLabel={{ vi: 'Vô hiệu hoá', en: 'Disable' }}
            action={action}
            confirmTestId="confirm-disable"
            onCancel={() => setDisabling(null)}
            onConfirm={async () => {
              const u = disabling();
              if (u && (await run(() => api.send(`/api/tenancy/users/${u.userId}/disable`, { method: 'POST', body: JSON.stringify({ version: u.version }) }))))
                setDisabling(null);
            }}
          />
        </>
      )}
    </Async>
  );
}
