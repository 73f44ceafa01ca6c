import { createRemoteJWKSet, jwtVerify, type JWTVerifyGetKey } from 'jose';
import type { Identity } from '../../shared/identity.js';

export type TokenVerifier = (token: string) => Promise<Identity>;

export type VerifierConfig = {
  issuer: string;
  /** The app client id: Cognito puts it in the ID token's `aud`. */
  audience: string;
  /** JWKS: remote (Cognito or the local issuer's URL) or an in-process key set in tests. */
  keys: JWTVerifyGetKey;
};

/** How many verified tokens a warm function remembers (the least recently used go first). */
export const VERIFIED_TOKEN_CACHE_SIZE = 1000;
const CLOCK_TOLERANCE_SECONDS = 5;

/**
 * The claims schema (zod) is built by the first token check, not by a cold start: public routes
 * (health, config, localities, sign-up) never need it, and building zod schemas is a measurable part
 * of a cold start (`npm run bench:cold-start`).
 */
let identityModule: Promise<typeof import('../../shared/identity.js')> | undefined;
function claimsSchema() {
  // A failed import is tried again by the next request, not remembered.
  identityModule ??= import('../../shared/identity.js').catch((err: unknown) => {
    identityModule = undefined;
    throw err;
  });
  return identityModule;
}

/**
 * The one token check for AWS and local: signature against the issuer's JWKS, issuer, audience,
 * expiry, `token_use: id`, then the claims must form a valid identity.
 *
 * A verified token is remembered until its own `exp`: the RSA check costs ~3 ms of CPU per request
 * (measured with a CPU profile of the HCM dashboard bench), and a browser sends the same ID token
 * for up to an hour. Only the exact token string hits the cache, so nothing unverified can; a disabled
 * user is refused by the status check after verification (functions/auth/user-status.ts), not here.
 * Cost of the choice: a signing key withdrawn from the JWKS stops new tokens at once, but tokens
 * already seen by a warm function stay valid until they expire (at most the ID token's life).
 */
export function createTokenVerifier(cfg: VerifierConfig, cacheSize = VERIFIED_TOKEN_CACHE_SIZE): TokenVerifier {
  const verified = new Map<string, { identity: Identity; exp: number }>();
  return async (token) => {
    const hit = verified.get(token);
    if (hit) {
      verified.delete(token);
      if (Date.now() / 1000 - CLOCK_TOLERANCE_SECONDS < hit.exp) {
        verified.set(token, hit); // most recently used last
        return hit.identity;
      }
    }
    const { payload } = await jwtVerify(token, cfg.keys, {
      issuer: cfg.issuer,
      audience: cfg.audience,
      algorithms: ['RS256'],
      clockTolerance: CLOCK_TOLERANCE_SECONDS,
    });
    if (payload.token_use !== 'id') throw new Error('not an ID token');
    const { identityFromClaims } = await claimsSchema();
    const identity = identityFromClaims(payload as Record<string, unknown>);
    // A token without `exp` never expires by itself: verify it every time rather than keep it.
    if (typeof payload.exp === 'number' && cacheSize > 0) {
      if (verified.size >= cacheSize) verified.delete(verified.keys().next().value as string);
      verified.set(token, { identity, exp: payload.exp });
    }
    return identity;
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
