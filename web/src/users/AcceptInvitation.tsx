import { A } from '@solidjs/router';
import { createResource, createSignal, Match, Show, Switch } from 'solid-js';
import { formatDate } from '../../../shared/format.js';
import { roleLabels, type Role } from '../../../shared/roles.js';
import { api, ApiError } from '../api.js';
import { lang, t, ui } from '../i18n.js';
import '../tenancy/tenancy.css';

type Preview = { email: string; name?: string; role: Role; agency?: string; expiresAt: string; tenant: { name: string; provinceName: string; localityCode: string | null } };

/**
 * Public: the page an invitation link opens. The token is in the URL fragment (never sent to a
 * server in a request line or a Referer); the page posts it to preview, then to accept.
 */
export function AcceptInvitation() {
  const token = decodeURIComponent(location.hash.replace(/^#/, ''));
  const [preview] = createResource(() => api<Preview>('/api/tenancy/invitations/preview', { method: 'POST', body: JSON.stringify({ token }) }));
  const [name, setName] = createSignal<string | null>(null);
  const [password, setPassword] = createSignal('');
  const [confirm, setConfirm] = createSignal('');
  const [error, setError] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal(false);
  const [done, setDone] = createSignal(false);

  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    setError(null);
    if (password() !== confirm()) {
      setError(t({ vi: 'Hai lần nhập mật khẩu không khớp', en: 'The passwords do not match' }));
      return;
    }
    setBusy(true);
    try {
      await api('/api/tenancy/invitations/accept', { method: 'POST', body: JSON.stringify({ token, name: name() ?? preview()?.name ?? '', password: password() }) });
      setDone(true);
    } catch (err) {
      setError(err instanceof ApiError ? err.text : String(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="narrow" style={{ 'max-width': '30rem' }}>
      <h1>{t({ vi: 'Nhận lời mời và đặt mật khẩu', en: 'Accept the invitation and set a password' })}</h1>
      <Switch>
        <Match when={preview.loading}>
          <p>{t(ui.loading)}</p>
        </Match>
        <Match when={preview.error}>
          <p class="error" role="alert">
            {preview.error instanceof ApiError ? preview.error.text : String(preview.error)}
          </p>
        </Match>
        <Match when={done()}>
          <div class="panel success" data-testid="accepted">
            <p>{t({ vi: 'Đã tạo tài khoản. Bạn có thể đăng nhập bằng thư điện tử và mật khẩu vừa đặt.', en: 'Your account is ready. Sign in with your email and the password you set.' })}</p>
            <A class="button" href="/sign-in">
              {t(ui.signIn)}
            </A>
          </div>
        </Match>
        <Match when={preview()}>
          {(p) => (
            <>
              <div class="panel" data-testid="invitation-preview">
                <p>
                  {t({ vi: 'Lời mời tham gia', en: 'Invitation to' })} <strong>{p().tenant.name}</strong>
                  {p().tenant.localityCode ? `, ${p().tenant.provinceName}` : ''}
                </p>
                <p>
                  {t(ui.email)}: <strong>{p().email}</strong> · {t({ vi: 'Vai trò', en: 'Role' })}: <strong>{roleLabels[p().role][lang()]}</strong>
                </p>
                <p class="hint">
                  {t({ vi: 'Hết hạn ngày', en: 'Expires on' })} {formatDate(p().expiresAt)}
                </p>
              </div>
              <form class="form" onSubmit={submit}>
                <label>
                  {t({ vi: 'Họ và tên', en: 'Full name' })}
                  <input name="name" required value={name() ?? p().name ?? ''} onInput={(e) => setName(e.currentTarget.value)} />
                </label>
                <label>
                  {t(ui.password)}
                  <input name="password" type="password" autocomplete="new-password" required value={password()} onInput={(e) => setPassword(e.currentTarget.value)} />
                </label>
                <label>
                  {t({ vi: 'Nhập lại mật khẩu', en: 'Repeat the password' })}
                  <input name="confirm" type="password" autocomplete="new-password" required value={confirm()} onInput={(e) => setConfirm(e.currentTarget.value)} />
                </label>
                <p class="hint">
                  {t({ vi: 'Ít nhất 8 ký tự, có chữ hoa, chữ thường, chữ số và ký tự đặc biệt.', en: 'At least 8 characters with upper- and lower-case letters, a digit and a symbol.' })}
                </p>
                <Show when={error()}>
                  <p class="error" role="alert">{error()}</p>
                </Show>
                <button class="button" type="submit" disabled={busy()}>
                  {t({ vi: 'Tạo tài khoản', en: 'Create account' })}
                </button>
              </form>
            </>
          )}
        </Match>
      </Switch>
    </section>
  );
}
