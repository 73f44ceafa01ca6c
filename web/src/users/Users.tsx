import { createResource, createSignal, For, Show } from 'solid-js';
import { formatDate } from '../../../shared/format.js';
import { can, roleLabels, type Role } from '../../../shared/roles.js';
import type { Invitation, InvitationCreated, User } from '../../../shared/users/schema.js';
import { api, ApiError } from '../api.js';
import { lang, t, ui } from '../i18n.js';
import { session } from '../session.js';
import { InvitationLink } from '../tenancy/InvitationLink.jsx';
import '../tenancy/tenancy.css';

type UsersPage = { tenant: { name: string; provinceName: string }; users: User[]; invitations: Invitation[]; grantableRoles: Role[] };

/** Admins: users and pending invitations of their own tenant; invite, revoke, disable. */
export function Users() {
  const allowed = () => {
    const s = session();
    return !!s && can(s.identity.role, 'tenant:admin');
  };
  const [page, { refetch }] = createResource(() => allowed() && session()!.token, () => api<UsersPage>('/api/tenancy/users'));
  const [email, setEmail] = createSignal('');
  const [name, setName] = createSignal('');
  const [role, setRole] = createSignal<Role | ''>('');
  const [agency, setAgency] = createSignal('');
  const [error, setError] = createSignal<string | null>(null);
  const [created, setCreated] = createSignal<InvitationCreated | null>(null);

  const run = async (fn: () => Promise<unknown>) => {
    setError(null);
    try {
      await fn();
      refetch();
    } catch (err) {
      setError(err instanceof ApiError ? err.text : String(err));
    }
  };

  const invite = (e: SubmitEvent) => {
    e.preventDefault();
    return run(async () => {
      const body = { email: email(), role: role() || page()?.grantableRoles.at(-1), ...(name() ? { name: name() } : {}), ...(agency() ? { agency: agency() } : {}) };
      setCreated(await api<InvitationCreated>('/api/tenancy/invitations', { method: 'POST', body: JSON.stringify(body) }));
      setEmail('');
      setName('');
      setAgency('');
    });
  };

  return (
    <section>
      <h1>{t({ vi: 'Người dùng và lời mời', en: 'Users and invitations' })}</h1>
      <Show when={allowed()} fallback={<p class="muted">{t({ vi: 'Chỉ quản trị viên của đơn vị dùng trang này.', en: 'Only the unit’s admins use this page.' })}</p>}>
        <Show when={page()} fallback={<p>{t(ui.loading)}</p>}>
          {(p) => (
            <>
              <p class="lead" data-testid="users-tenant">
                {p().tenant.name}
                {p().tenant.name !== p().tenant.provinceName ? `, ${p().tenant.provinceName}` : ''}
              </p>
              <Show when={error()}>
                <p class="error" role="alert">{error()}</p>
              </Show>
              <h2>{t({ vi: 'Người dùng', en: 'Users' })}</h2>
              <table class="table" data-testid="users">
                <thead>
                  <tr>
                    <th>{t({ vi: 'Họ và tên', en: 'Name' })}</th>
                    <th>{t(ui.email)}</th>
                    <th>{t({ vi: 'Vai trò', en: 'Role' })}</th>
                    <th>{t({ vi: 'Cơ quan', en: 'Agency' })}</th>
                    <th>{t({ vi: 'Ngày tạo', en: 'Created' })}</th>
                    <th>{t({ vi: 'Trạng thái', en: 'Status' })}</th>
                    <th />
                  </tr>
                </thead>
                <tbody>
                  <For each={p().users}>
                    {(u) => (
                      <tr data-email={u.email}>
                        <td>{u.name}</td>
                        <td>{u.email}</td>
                        <td>{roleLabels[u.role][lang()]}</td>
                        <td>{u.agency}</td>
                        <td>{formatDate(u.createdAt)}</td>
                        <td>
                          <span class={`badge ${u.status}`}>{u.status === 'active' ? t({ vi: 'Hoạt động', en: 'Active' }) : t({ vi: 'Đã vô hiệu hoá', en: 'Disabled' })}</span>
                        </td>
                        <td>
                          <Show when={u.status === 'active' && u.userId !== session()?.identity.userId}>
                            <button
                              class="button secondary"
                              onClick={() => {
                                if (!confirm(t({ vi: `Vô hiệu hoá tài khoản ${u.email}?`, en: `Disable ${u.email}?` }))) return;
                                void run(() => api(`/api/tenancy/users/${u.userId}/disable`, { method: 'POST', body: JSON.stringify({ version: u.version }) }));
                              }}
                            >
                              {t({ vi: 'Vô hiệu hoá', en: 'Disable' })}
                            </button>
                          </Show>
                        </td>
                      </tr>
                    )}
                  </For>
                </tbody>
              </table>

              <h2>{t({ vi: 'Lời mời đang chờ', en: 'Pending invitations' })}</h2>
              <Show when={p().invitations.length > 0} fallback={<p class="muted">{t({ vi: 'Không có lời mời nào đang chờ.', en: 'No pending invitations.' })}</p>}>
                <table class="table" data-testid="invitations">
                  <thead>
                    <tr>
                      <th>{t(ui.email)}</th>
                      <th>{t({ vi: 'Vai trò', en: 'Role' })}</th>
                      <th>{t({ vi: 'Người mời', en: 'Invited by' })}</th>
                      <th>{t({ vi: 'Hết hạn', en: 'Expires' })}</th>
                      <th />
                    </tr>
                  </thead>
                  <tbody>
                    <For each={p().invitations}>
                      {(i) => (
                        <tr data-email={i.email}>
                          <td>
                            {i.email}
                            <div class="hint">{i.name}</div>
                          </td>
                          <td>{roleLabels[i.role][lang()]}</td>
                          <td>{i.invitedBy.name ?? i.invitedBy.email}</td>
                          <td>
                            {formatDate(i.expiresAt)} <Show when={i.expired}><span class="badge expired">{t({ vi: 'Đã hết hạn', en: 'Expired' })}</span></Show>
                          </td>
                          <td>
                            <button class="button secondary" onClick={() => run(() => api(`/api/tenancy/invitations/${i.invitationId}/revoke`, { method: 'POST' }))}>
                              {t({ vi: 'Thu hồi', en: 'Revoke' })}
                            </button>
                          </td>
                        </tr>
                      )}
                    </For>
                  </tbody>
                </table>
              </Show>

              <h2>{t({ vi: 'Mời người dùng', en: 'Invite a user' })}</h2>
              <form class="form narrow" onSubmit={invite} data-testid="invite-form">
                <label>
                  {t(ui.email)}
                  <input name="email" type="email" required value={email()} onInput={(e) => setEmail(e.currentTarget.value)} />
                </label>
                <label>
                  {t({ vi: 'Họ và tên (không bắt buộc)', en: 'Name (optional)' })}
                  <input name="name" value={name()} onInput={(e) => setName(e.currentTarget.value)} />
                </label>
                <label>
                  {t({ vi: 'Vai trò', en: 'Role' })}
                  <select name="role" value={role() || (p().grantableRoles.at(-1) ?? '')} onChange={(e) => setRole(e.currentTarget.value as Role)}>
                    <For each={p().grantableRoles}>{(r) => <option value={r}>{roleLabels[r][lang()]}</option>}</For>
                  </select>
                </label>
                <label>
                  {t({ vi: 'Cơ quan (không bắt buộc)', en: 'Agency (optional)' })}
                  <input name="agency" value={agency()} onInput={(e) => setAgency(e.currentTarget.value)} />
                </label>
                <button class="button" type="submit">
                  {t({ vi: 'Tạo lời mời', en: 'Create invitation' })}
                </button>
              </form>
              <Show when={created()}>{(c) => <InvitationLink link={c().link} email={c().invitation.email} />}</Show>
            </>
          )}
        </Show>
      </Show>
    </section>
  );
}
