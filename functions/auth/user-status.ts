import type { Context } from 'hono';
import { keys, tenantOf, tenantPrefix, type TenantRef } from '../../shared/keys.js';
import type { AppDeps, AppEnv } from '../http/env.js';
import { ProblemError } from '../http/problem.js';
import { MeteredStore } from '../store/metered-store.js';

/**
 * A disabled user's ID token stays valid until it expires (up to an hour). Every authenticated
 * request therefore checks the user's status in the table, read at most once per user per warm
 * function per `USER_STATUS_TTL_MS`: a user disabled elsewhere is refused within 5 minutes, one
 * disabled through this function at once. Cost: one eventually consistent GetItem of the status
 * attribute (0.5 RCU) per user per 5 minutes per warm function, sent with the function's own
 * credentials and reported as `x-auth-reads` (not in `x-ddb-*`, which stay the route's own cost).
 * Users without a row (operators, users of the local issuer only) are not refused.
 */
export const USER_STATUS_TTL_MS = 5 * 60_000;
const MAX_CACHED_USERS = 10_000;

type Entry = { disabled: boolean; readAt: number };
const caches = new WeakMap<AppDeps, Map<string, Entry>>();

function cacheOf(deps: AppDeps): Map<string, Entry> {
  let cache = caches.get(deps);
  if (!cache) {
    cache = new Map();
    caches.set(deps, cache);
  }
  return cache;
}

const cacheKey = (tenant: TenantRef, userId: string) => `${tenantPrefix(tenant)}#${userId}`;

/** After this function changes a user's status: the next request reads it again. */
export function forgetUserStatus(deps: AppDeps, tenant: TenantRef, userId: string): void {
  cacheOf(deps).delete(cacheKey(tenant, userId));
}

export async function assertUserActive(c: Context<AppEnv>): Promise<void> {
  const identity = c.var.identity;
  if (!identity.provinceCode) return; // operators belong to no tenant and have no user row
  const deps = c.var.deps;
  const tenant = tenantOf(identity);
  const key = cacheKey(tenant, identity.userId);
  const cache = cacheOf(deps);
  const now = deps.now().getTime();
  let entry = cache.get(key);
  if (!entry || now - entry.readAt >= USER_STATUS_TTL_MS) {
    const item = await new MeteredStore(deps.doc, deps.tableName).get({
      Key: keys.user(tenant, identity.userId),
      ProjectionExpression: '#status',
      ExpressionAttributeNames: { '#status': 'status' },
    });
    entry = { disabled: item?.status === 'disabled', readAt: now };
    cache.delete(key); // re-insert: Map order = recency, the oldest is dropped first
    cache.set(key, entry);
    if (cache.size > MAX_CACHED_USERS) cache.delete(cache.keys().next().value as string);
    c.header('x-auth-reads', '1');
  }
  if (entry.disabled) {
    throw new ProblemError('unauthenticated', {
      vi: 'Tài khoản đã bị vô hiệu hoá. Hãy liên hệ quản trị viên của đơn vị.',
      en: 'The account is disabled. Contact your unit’s administrator.',
    });
  }
}
