import { api, ApiError } from './api.js';
import { setSession } from './session.js';

type Schemas = typeof import('./session-schemas.js');
type AuthConfig = import('./session-schemas.js').AuthConfig;

/**
 * Gets an ID token from the configured issuer (local issuer or Cognito), then asks the API who we
 * are. The response schemas (and zod) load when the form is submitted, not with the sign-in page.
 */
export async function signIn(email: string, password: string): Promise<void> {
  const schemas = await import('./session-schemas.js');
  const { auth } = await api.get('/api/config', schemas.authConfigSchema);
  const token = auth.kind === 'local' ? await localToken(schemas, auth.tokenUrl, email, password) : await cognitoToken(auth, email, password);
  // The session starts only once the API has confirmed who the token belongs to.
  const me = await api.get('/api/me', schemas.meSchema, { headers: { authorization: `Bearer ${token}` } });
  setSession({ token, identity: me.identity });
}

export function signOut() {
  setSession(null);
}

async function localToken(schemas: Schemas, tokenUrl: string, email: string, password: string): Promise<string> {
  const res = await api.post(new URL(tokenUrl).pathname, { email, password }, schemas.localTokenSchema);
  return res.id_token;
}

/** Cognito USER_PASSWORD_AUTH through the public InitiateAuth API (no SDK needed in the browser). */
async function cognitoToken(cfg: Extract<AuthConfig, { kind: 'cognito' }>, email: string, password: string): Promise<string> {
  const res = await fetch(`https://cognito-idp.${cfg.region}.amazonaws.com/`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'AWSCognitoIdentityProviderService.InitiateAuth' },
    body: JSON.stringify({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: cfg.clientId, AuthParameters: { USERNAME: email, PASSWORD: password } }),
  });
  const body = (await res.json().catch(() => ({}))) as { AuthenticationResult?: { IdToken?: unknown }; message?: unknown };
  const token = body.AuthenticationResult?.IdToken;
  if (!res.ok || typeof token !== 'string' || !token) {
    const message = typeof body.message === 'string' ? body.message : 'Sign-in failed';
    throw new ApiError({ type: 'urn:phoi-hop:problem:unauthenticated', status: 401, title: message, title_vi: 'Đăng nhập không thành công' });
  }
  return token;
}
