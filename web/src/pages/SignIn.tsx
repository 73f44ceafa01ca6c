import { A, useNavigate } from '@solidjs/router';
import { createSignal, Show } from 'solid-js';
import { ApiError } from '../api.js';
import { signIn } from '../auth.js';
import { t, ui } from '../i18n.js';

export function SignIn() {
  const navigate = useNavigate();
  const [email, setEmail] = createSignal('');
  const [password, setPassword] = createSignal('');
  const [error, setError] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal(false);

  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await signIn(email(), password());
      navigate('/');
    } catch (err) {
      setError(err instanceof ApiError ? err.text : String(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="narrow">
      <h1>{t(ui.signIn)}</h1>
      <form onSubmit={submit} class="form">
        <label>
          {t(ui.email)}
          <input name="email" type="email" autocomplete="username" required value={email()} onInput={(e) => setEmail(e.currentTarget.value)} />
        </label>
        <label>
          {t(ui.password)}
          <input name="password" type="password" autocomplete="current-password" required value={password()} onInput={(e) => setPassword(e.currentTarget.value)} />
        </label>
        <Show when={error()}>
          <p class="error" role="alert">
            {error()}
          </p>
        </Show>
        <button class="button" type="submit" disabled={busy()}>
          {t(ui.signIn)}
        </button>
      </form>
      <p class="muted">
        {t({ vi: 'Đơn vị chưa có tài khoản?', en: 'Unit not on Phối Hợp yet?' })} <A href="/sign-up">{t({ vi: 'Đăng ký đơn vị', en: 'Sign up a locality' })}</A>
      </p>
    </section>
  );
}
