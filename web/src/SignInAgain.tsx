import { createEffect, createSignal, Show } from 'solid-js';
import { signIn } from './auth.js';
import { t, ui } from './i18n.js';
import { registerSessionHooks, session } from './session.js';
import { createAction } from './ui/action.js';
import { FormDialog } from './ui/Dialog.jsx';
import { PasswordInput } from './ui/Field.jsx';

/**
 * When a session cannot be renewed silently (refresh token expired or revoked), the request that
 * found out waits while this dialog asks for the password over the page: nothing on the page is
 * touched, and once signed in the request is sent again. Cancel lets it fail as before. A sign-in
 * in another tab meanwhile answers the dialog too.
 */
export function SignInAgain() {
  const [pending, setPending] = createSignal<{ token: string | undefined; resolve: (ok: boolean) => void } | null>(null);
  const [password, setPassword] = createSignal('');
  const action = createAction();
  registerSessionHooks({
    signInAgain: () =>
      new Promise<boolean>((resolve) => {
        setPassword('');
        action.setError(null);
        setPending({ token: session()?.token, resolve });
      }),
  });
  const finish = (ok: boolean) => {
    pending()?.resolve(ok);
    setPending(null);
  };
  createEffect(() => {
    const asked = pending();
    const now = session();
    if (asked && now?.token !== asked.token) finish(!!now);
  });
  const submit = async () => {
    const email = session()?.identity.email;
    if (!email) return finish(false);
    await action.run(() => signIn(email, password()));
  };
  return (
    <FormDialog
      open={!!pending()}
      title={{ vi: 'Phiên đăng nhập đã hết hạn', en: 'Your session has expired' }}
      submitLabel={ui.signIn}
      busy={action.busy()}
      error={action.error()}
      onSubmit={() => void submit()}
      onClose={() => finish(false)}
      testId="sign-in-again"
    >
      <p>
        {t({
          vi: 'Nhập lại mật khẩu để tiếp tục. Những gì bạn đã nhập trên trang vẫn được giữ nguyên và sẽ được lưu sau khi đăng nhập.',
          en: 'Enter your password again to continue. What you typed on the page stays as it is and is saved once you are signed in.',
        })}
      </p>
      <Show when={session()}>
        {(s) => (
          <p data-testid="sign-in-again-email">
            {t(ui.email)}: <strong>{s().identity.email}</strong>
          </p>
        )}
      </Show>
      <PasswordInput label={ui.password} name="password" autocomplete="current-password" value={password()} onValue={setPassword} />
    </FormDialog>
  );
}
