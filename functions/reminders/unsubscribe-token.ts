import { createHmac, timingSafeEqual } from 'node:crypto';
import { userEventKinds, type EventKind } from '../../shared/reminders/schema.js';

/**
 * The one-click unsubscribe token in a digest: `<payload>.<signature>`, payload = base64url JSON of
 * the user's tenant prefix, user id, expiry and — in an event's mail — the event kind it turns off;
 * HMAC-SHA256 with `UNSUBSCRIBE_SECRET`. It proves itself — no sign-in — and says nothing that the
 * mail's reader does not know already. Without a kind it turns the daily digest off.
 */
export const UNSUBSCRIBE_TTL_DAYS = 30;

type Claims = { t: string; u: string; e: number; k?: string };

const sign = (secret: string, payload: string) => createHmac('sha256', secret).update(payload).digest('base64url');

export function unsubscribeToken(secret: string, tenant: string, userId: string, now: Date, kind?: EventKind): string {
  const claims: Claims = { t: tenant, u: userId, e: Math.floor(now.getTime() / 1000) + UNSUBSCRIBE_TTL_DAYS * 86400, ...(kind ? { k: kind } : {}) };
  const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
  return `${payload}.${sign(secret, payload)}`;
}

/** The claims of a genuine, unexpired token; null otherwise (the caller answers the same 404 for every reason). */
export function readUnsubscribeToken(secret: string, token: string, now: Date): { tenant: string; userId: string; kind?: EventKind } | null {
  const [payload, signature, extra] = token.split('.');
  if (!payload || !signature || extra !== undefined) return null;
  const expected = Buffer.from(sign(secret, payload));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  let claims: Claims;
  try {
    claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Claims;
  } catch {
    return null;
  }
  if (typeof claims.t !== 'string' || typeof claims.u !== 'string' || typeof claims.e !== 'number') return null;
  if (claims.e * 1000 <= now.getTime()) return null;
  if (!/^\d{2}#(\d{3}|\d{5}|P)$/.test(claims.t) || !/^[A-Za-z0-9-]{1,64}$/.test(claims.u)) return null;
  if (claims.k !== undefined && !(userEventKinds as readonly string[]).includes(claims.k)) return null;
  return { tenant: claims.t, userId: claims.u, ...(claims.k ? { kind: claims.k as EventKind } : {}) };
}
