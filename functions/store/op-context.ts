import type { Context } from 'hono';
import type { Identity } from '../../shared/identity.js';
import type { TenantRef } from '../../shared/keys.js';
import type { AppEnv } from '../http/env.js';
import type { MeteredStore } from './metered-store.js';

/**
 * What every write operation (`functions/<capability>/service/<operation>.ts`) works with: the
 * request's store (already fenced to the tenant), the tenant it acts on, who acts, and when. The
 * operation knows nothing of HTTP; routes build this and map the result to a response.
 */
export type OpContext = { store: MeteredStore; tenant: TenantRef; actor: Identity; now: Date };

export function opContext(c: Context<AppEnv>, tenant: TenantRef): OpContext {
  return { store: c.var.store, tenant, actor: c.var.identity, now: c.var.deps.now() };
}
