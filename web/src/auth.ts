import type { Identity } from '../../shared/identity.js';
import { api, ApiError } from './api.js';
import { setSession } from './session.js';

type AuthConfig = { kind: 'local'; tokenUrl: string } | { kind: 'cognito'; region: string; userPoolId: string; clientId: string };

/** Gets an ID token from the configured issuer (local issuer or Cognito), then asks the API who we are. */
export async function signIn(email: string, password: string): Promise<void> {
  const { auth } = await api<{ auth: AuthConfig }>('/api/config');
  const token = auth.kind === 'local' ? await localToken(auth.tokenUrl, email, password) : await cognitoToken(auth, email, password);
  // The session starts only once the API has confirmed who the token belongs to.
  const me = await api<{ identity: Identity }>('/api/me', { headers: { authorization: `Bearer ${token}` } });
  setSession({ token, identity: me.identity });
}

export function signOut() {
  setSession(null);
}

async function localToken(tokenUrl: string, email: string, password: string): Promise<string> {
  const res = await api<{ id_token: string }>(new URL(tokenUrl).pathname, { method: 'POST', body: JSON.stringify({ email, password }) });
  return res.id_token;
}

/** Cognito USER_PASSWORD_AUTH through the public InitiateAuth API (no SDK needed in the browser). */
async function cognitoToken(cfg: Extract<AuthConfig, { kind: 'cognito' }>, email: string, password: string): Promise<string> {
  const res = await fetch(`https://cognito-idp.${cfg.region}.amazonaws.com/`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'AWSCognitoIdentityProviderService.InitiateAuth' },
    body: JSON.stringify({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: cfg.clientId, AuthParameters: { USERNAME: email, PASSWORD: password } }),
  });
  const body = (await res.json()) as { AuthenticationResult?: { IdToken?: string }; message?: string };
  const token = body.AuthenticationResult?.IdToken;
  if (!res.ok || !token) {
    throw new ApiError({
      type: 'urn:phoi-hop:problem:unauthenticated',
      status: 401,
      title: body.message ?? 'Sign-in failed',
      title_vi: 'Đăng nhập không thành công',
    });
  }
  return token;
}
