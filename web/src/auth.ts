import { api, ApiError, problemFrom } from './api.js';
import { registerSessionHooks, session, setSession } from './session.js';

type Schemas = typeof import('./session-schemas.js');
type AuthConfig = import('./session-schemas.js').AuthConfig;
type Tokens = { idToken: string; refreshToken?: string | undefined };

async function authConfig(): Promise<{ schemas: Schemas; auth: AuthConfig }> {
  const schemas = await import('./session-schemas.js');
  const { auth } = await api.get('/api/config', schemas.authConfigSchema);
  return { schemas, auth };
}

/**
 * Gets an ID token and a refresh token from the configured issuer (local issuer or Cognito), then
 * asks the API who we are. The response schemas (and zod) load when the form is submitted, not
 * with the sign-in page.
 */
export async function signIn(email: string, password: string): Promise<void> {
  const { schemas, auth } = await authConfig();
  const tokens =
    auth.kind === 'local'
      ? await localTokens(schemas, auth.tokenUrl, { email, password })
      : await cognitoAuth(auth, 'USER_PASSWORD_AUTH', { USERNAME: email, PASSWORD: password });
  // The session starts only once the API has confirmed who the token belongs to.
  const me = await api.get('/api/me', schemas.meSchema, { headers: { authorization: `Bearer ${tokens.idToken}` } });
  setSession({ token: tokens.idToken, refreshToken: tokens.refreshToken, identity: me.identity });
}

/**
 * A new ID token for the session's refresh token, without asking anyone. False when there is none
 * or the issuer refuses it (expired, revoked, user disabled); the session is then left as it is,
 * for the sign-in dialog to renew.
 */
export async function renewSession(): Promise<boolean> {
  const current = session();
  if (!current?.refreshToken) return false;
  const { schemas, auth } = await authConfig();
  const tokens =
    auth.kind === 'local'
      ? await localTokens(schemas, auth.tokenUrl, { grant_type: 'refresh_token', refresh_token: current.refreshToken })
      : await cognitoAuth(auth, 'REFRESH_TOKEN_AUTH', { REFRESH_TOKEN: current.refreshToken });
  const now = session();
  // Signed out (or in as someone else) meanwhile: that session wins.
  if (now?.refreshToken !== current.refreshToken) return !!now;
  setSession({ ...now, token: tokens.idToken, refreshToken: tokens.refreshToken ?? now.refreshToken });
  return true;
}

registerSessionHooks({ renew: renewSession });

/** Ends the session in every tab, and revokes its refresh token (best effort: the issuer may be unreachable). */
export function signOut() {
  const refreshToken = session()?.refreshToken;
  setSession(null);
  if (refreshToken) void revoke(refreshToken).catch(() => {});
}

async function revoke(refreshToken: string) {
  const { auth } = await authConfig();
  if (auth.kind === 'local') {
    await fetch(new URL(auth.tokenUrl).pathname.replace(/\/token$/, '/revoke'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token: refreshToken }),
    });
  } else {
    await cognitoCall(auth, 'RevokeToken', { ClientId: auth.clientId, Token: refreshToken });
  }
}

/** The local issuer's token endpoint; plain fetch, so a refused renewal never asks to renew itself. */
async function localTokens(schemas: Schemas, tokenUrl: string, body: object): Promise<Tokens> {
  const res = await fetch(new URL(tokenUrl).pathname, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (!res.ok) throw await problemFrom(res);
  const tokens = schemas.localTokenSchema.parse(await res.json());
  return { idToken: tokens.id_token, refreshToken: tokens.refresh_token };
}

type Cognito = Extract<AuthConfig, { kind: 'cognito' }>;

function cognitoCall(cfg: Cognito, target: string, body: object): Promise<Response> {
  return fetch(`https://cognito-idp.${cfg.region}.amazonaws.com/`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': `AWSCognitoIdentityProviderService.${target}` },
    body: JSON.stringify(body),
  });
}

/** Cognito InitiateAuth through the public API (no SDK needed in the browser). */
async function cognitoAuth(cfg: Cognito, flow: 'USER_PASSWORD_AUTH' | 'REFRESH_TOKEN_AUTH', params: Record<string, string>): Promise<Tokens> {
  const res = await cognitoCall(cfg, 'InitiateAuth', { AuthFlow: flow, ClientId: cfg.clientId, AuthParameters: params });
  const body = (await res.json().catch(() => ({}))) as { AuthenticationResult?: { IdToken?: unknown; RefreshToken?: unknown }; message?: unknown };
  const token = body.AuthenticationResult?.IdToken;
  if (!res.ok || typeof token !== 'string' || !token) {
    const message = typeof body.message === 'string' ? body.message : 'Sign-in failed';
    throw new ApiError({ type: 'urn:phoi-hop:problem:unauthenticated', status: 401, title: message, title_vi: 'Đăng nhập không thành công' });
  }
  const refresh = body.AuthenticationResult?.RefreshToken;
  return { idToken: token, refreshToken: typeof refresh === 'string' ? refresh : undefined };
}
