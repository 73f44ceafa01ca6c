import { A, useLocation, useNavigate } from '@solidjs/router';
import { createSignal } from 'solid-js';
import { signIn } from '../auth.js';
import { returnPath } from '../session.js';
import { t, ui } from '../i18n.js';
import { createAction } from '../ui/action.js';
import { ErrorAlert } from '../ui/ErrorAlert.jsx';
import { Input, PasswordInput, SubmitButton } from '../ui/Field.jsx';
import { focusHeading } from '../ui/focus.js';

export function SignIn() {
  focusHeading();
  const navigate = useNavigate();
  const location = useLocation();
  const [email, setEmail] = createSignal('');
  const [password, setPassword] = createSignal('');
  const action = createAction();

  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    const signedIn = await action.attempt(() => signIn(email(), password()));
    if (signedIn) navigate(returnPath(location.search), { replace: true });
  };

  return (
    <section class="narrow">
      <h1>{t(ui.signIn)}</h1>
      <form onSubmit={submit} class="form">
        <Input label={ui.email} name="email" type="email" autocomplete="username" required value={email()} onInput={(e) => setEmail(e.currentTarget.value)} />
        <PasswordInput label={ui.password} name="password" autocomplete="current-password" value={password()} onValue={setPassword} />
        <ErrorAlert error={action.error()} />
        <SubmitButton label={ui.signIn} busy={action.busy()} />
      </form>
      <p class="muted">
        {t({ vi: 'Đơn vị chưa có tài khoản?', en: 'Unit not on Phối Hợp yet?' })} <A href="/sign-up">{t({ vi: 'Đăng ký đơn vị', en: 'Sign up a locality' })}</A>
      </p>
    </section>
  );
}
