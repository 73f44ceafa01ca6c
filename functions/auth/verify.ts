import { createRemoteJWKSet, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { identityFromClaims, type Identity } from '../../shared/identity.js';

export type TokenVerifier = (token: string) => Promise<Identity>;

export type VerifierConfig = {
  issuer: string;
  /** The app client id: Cognito puts it in the ID token's `aud`. */
  audience: string;
  /** JWKS: remote (Cognito or the local issuer's URL) or an in-process key set in tests. */
  keys: JWTVerifyGetKey;
};

/**
 * The one token check for AWS and local: signature against the issuer's JWKS, issuer, audience,
 * expiry, `token_use: id`, then the claims must form a valid identity.
 */
export function createTokenVerifier(cfg: VerifierConfig): TokenVerifier {
  return async (token) => {
    const { payload } = await jwtVerify(token, cfg.keys, {
      issuer: cfg.issuer,
      audience: cfg.audience,
      algorithms: ['RS256'],
      clockTolerance: 5,
    });
    if (payload.token_use !== 'id') throw new Error('not an ID token');
    return identityFromClaims(payload as Record<string, unknown>);
  };
}

/** Cognito's issuer and JWKS, or the local issuer's; chosen by environment only. */
export function verifierConfigFromEnv(env: NodeJS.ProcessEnv = process.env): VerifierConfig {
  const issuer = env.AUTH_ISSUER;
  const audience = env.AUTH_AUDIENCE;
  if (!issuer || !audience) throw new Error('AUTH_ISSUER and AUTH_AUDIENCE must be set');
  const jwksUrl = env.AUTH_JWKS_URL ?? `${issuer}/.well-known/jwks.json`;
  return { issuer, audience, keys: createRemoteJWKSet(new URL(jwksUrl)) };
}
