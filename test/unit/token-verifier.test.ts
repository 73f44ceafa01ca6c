import type { JWTVerifyGetKey } from 'jose';
import { describe, expect, it, vi } from 'vitest';
import { createTokenVerifier } from '../../functions/auth/verify.js';
import { LOCAL_CLIENT_ID, LocalIdentityProvider } from '../../functions/local/idp.js';

const ISSUER = 'http://localhost/local-idp';

async function setup(cacheSize?: number) {
  const idp = await LocalIdentityProvider.open({ issuer: ISSUER, file: null });
  const keySet = idp.localKeySet();
  let keyLookups = 0;
  // Counts the signature checks: jose asks for the key once per verification.
  const keys: JWTVerifyGetKey = (header, token) => {
    keyLookups += 1;
    return keySet(header, token);
  };
  const verify = createTokenVerifier({ issuer: ISSUER, audience: LOCAL_CLIENT_ID, keys }, cacheSize);
  const user = await idp.upsertUser({ email: 'can-bo@example.vn', password: 'mat-khau-1', role: 'locality_editor', provinceCode: '01', localityCode: '00103' });
  return { idp, user, verify, lookups: () => keyLookups };
}

describe('the token verifier remembers verified tokens until they expire', () => {
  it('checks the signature of a token once, then answers the same identity from memory', async () => {
    const { idp, user, verify, lookups } = await setup();
    const token = await idp.issueIdToken(user);
    const first = await verify(token);
    const second = await verify(token);
    expect(second).toEqual(first);
    expect(first).toMatchObject({ provinceCode: '01', localityCode: '00103', role: 'locality_editor' });
    expect(lookups()).toBe(1);
  });

  it('never answers a different or tampered token from memory', async () => {
    const { idp, user, verify, lookups } = await setup();
    const token = await idp.issueIdToken(user);
    await verify(token);
    const [head, payload, signature] = token.split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;
    const forged = [head, Buffer.from(JSON.stringify({ ...claims, 'custom:provinceCode': '79' })).toString('base64url'), signature].join('.');
    await expect(verify(forged)).rejects.toThrow();
    expect(lookups()).toBe(2);
  });

  it('refuses a remembered token once it has expired', async () => {
    const { idp, user, verify } = await setup();
    // Issued 3,600 s + 10 s ago: expired beyond the 5 s clock tolerance.
    const token = await idp.issueIdToken(user, new Date(Date.now() - 3_610_000));
    await expect(verify(token)).rejects.toThrow();
    const fresh = await idp.issueIdToken(user, new Date(Date.now() - 3_590_000));
    await expect(verify(fresh)).resolves.toMatchObject({ localityCode: '00103' });
    // Remembered while valid; after expiry the cache must not keep it alive.
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(Date.now() + 60_000);
      await expect(verify(fresh)).rejects.toThrow();
    } finally {
      vi.useRealTimers();
    }
  });

  it('holds at most the configured number of tokens, dropping the least recently used', async () => {
    const { idp, user, verify, lookups } = await setup(2);
    const [a, b, c] = await Promise.all([0, 1, 2].map((s) => idp.issueIdToken(user, new Date(Date.now() - s * 1000))));
    await verify(a!);
    await verify(b!);
    await verify(a!); // a is now the most recent
    await verify(c!); // evicts b
    expect(lookups()).toBe(3);
    await verify(a!);
    expect(lookups()).toBe(3);
    await verify(b!);
    expect(lookups()).toBe(4);
  });
});
