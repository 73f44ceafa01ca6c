import { A } from '@solidjs/router';
import { createResource, createSignal, Match, Switch } from 'solid-js';
import { formatDate } from '../../../shared/format.js';
import { roleLabels } from '../../../shared/roles.js';
import { invitationPreviewSchema } from '../../../shared/users/schema.js';
import { api } from '../api.js';
import { lang, t, ui } from '../i18n.js';
import { createAction, ErrorAlert, Field, focusHeading, PasswordInput, SubmitButton } from '../ui/index.js';
import '../tenancy/tenancy.css';

/**
 * Public: the page an invitation link opens. The token is in the URL fragment (never sent to a
 * server in a request line or a Referer); the page posts it to preview, then to accept.
 */
export function AcceptInvitation() {
  focusHeading();
  const token = decodeURIComponent(location.hash.replace(/^#/, ''));
  const [preview] = createResource(() => api.post('/api/tenancy/invitations/preview', { token }, invitationPreviewSchema));
  const [name, setName] = createSignal<string | null>(null);
  const [password, setPassword] = createSignal('');
  const [confirm, setConfirm] = createSignal('');
  const action = createAction();
  const [done, setDone] = createSignal(false);

  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    if (password() !== confirm()) {
      action.setError({ vi: 'Hai lần nhập mật khẩu không khớp', en: 'The passwords do not match' });
      return;
    }
    const body = JSON.stringify({ token, name: name() ?? preview()?.name ?? '', password: password() });
    if (await action.run(() => api.send('/api/tenancy/invitations/accept', { method: 'POST', body }))) setDone(true);
  };

  return (
    <section class="narrow" style={{ 'max-width': '30rem' }}>
      <h1>{t({ vi: 'Nhận lời mời và đặt mật khẩu', en: 'Accept the invitation and set a password' })}</h1>
      <Switch>
        <Match when={preview.loading}>
          <p>{t(ui.loading)}</p>
        </Match>
        <Match when={preview.error}>
          <ErrorAlert error={preview.error} />
        </Match>
        <Match when={done()}>
          <div class="panel success" data-testid="accepted">
            <p>
              {t({
                vi: 'Đã tạo tài khoản. Bạn có thể đăng nhập bằng thư điện tử và mật khẩu vừa đặt.',
                en: 'Your account is ready. Sign in with your email and the password you set.',
              })}
            </p>
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
                <Field label={{ vi: 'Họ và tên', en: 'Full name' }}>
                  <input name="name" required value={name() ?? p().name ?? ''} onInput={(e) => setName(e.currentTarget.value)} />
                </Field>
                <PasswordInput
                  label={ui.password}
                  hint={{
                    vi: 'Ít nhất 8 ký tự, có chữ hoa, chữ thường, chữ số và ký tự đặc biệt.',
                    en: 'At least 8 characters with upper- and lower-case letters, a digit and a symbol.',
                  }}
                  name="password"
                  autocomplete="new-password"
                  value={password()}
                  onValue={setPassword}
                />
                <PasswordInput
                  label={{ vi: 'Nhập lại mật khẩu', en: 'Repeat the password' }}
                  name="confirm"
                  autocomplete="new-password"
                  value={confirm()}
                  onValue={setConfirm}
                />
                <ErrorAlert error={action.error()} labels={{ name: { vi: 'Họ và tên', en: 'Full name' }, password: ui.password }} />
                <SubmitButton label={{ vi: 'Tạo tài khoản', en: 'Create account' }} busy={action.busy()} />
              </form>
            </>
          )}
        </Match>
      </Switch>
    </section>
  );
}
