import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import { vietnamMonth } from '../../shared/dates.js';
import { MeteredStore } from '../store/metered-store.js';
import type { AppEnv } from './env.js';
import { usageOf } from './usage.js';

/**
 * Gives each API call its own metered store and reports what the call cost DynamoDB:
 * `x-ddb-requests`, `x-ddb-rcu`, `x-ddb-wcu`, `x-ddb-items` headers and one JSON log line.
 * Benchmarks and the "one read = one request" tests read these headers.
 *
 * Then it hands the call's usage to the usage sink (functions/http/usage.ts): a log line on Lambda,
 * added up by the usage function; an in-memory buffer in the Node server. No write waits on the
 * answer (docs/operations.md, "Usage per tenant"). `RECORD_USAGE=false` turns it off.
 */
export const metering = createMiddleware<AppEnv>(async (c, next) => {
  const started = performance.now();
  const store = new MeteredStore(c.var.deps.doc, c.var.deps.tableName);
  c.set('store', store);
  c.set('requestId', c.req.header('x-request-id') ?? crypto.randomUUID());
  await next();
  // After authentication the store may have been replaced by a tenant-scoped one carrying these counts.
  const m = c.var.store.metrics;
  const ms = performance.now() - started;
  const identity = c.var.identity as AppEnv['Variables']['identity'] | undefined;
  const routePath = c.var.routePath ?? c.req.routePath;
  setHeaders(c, {
    'x-request-id': c.var.requestId,
    'x-ddb-requests': String(m.requests),
    'x-ddb-rcu': String(round(m.readCapacity)),
    'x-ddb-wcu': String(round(m.writeCapacity)),
    'x-ddb-items': String(m.itemsRead),
    'server-timing': `app;dur=${ms.toFixed(1)}`,
  });
  if (process.env.LOG_REQUESTS !== 'false') {
    console.log(
      JSON.stringify({
        level: 'info',
        msg: 'request',
        requestId: c.var.requestId,
        method: c.req.method,
        path: c.req.path,
        status: c.res.status,
        ms: Math.round(ms),
        ddb: { requests: m.requests, rcu: round(m.readCapacity), wcu: round(m.writeCapacity), items: m.itemsRead },
        route: routePath,
        tenant: identity ? `${identity.provinceCode ?? '-'}#${identity.localityCode ?? 'P'}` : undefined,
        province: identity?.provinceCode ?? undefined,
        locality: identity ? (identity.localityCode ?? (identity.provinceCode ? 'P' : undefined)) : undefined,
        role: identity?.role,
      }),
    );
  }
  // Usage is per tenant: anonymous calls (health, sign-up) and operators (no tenant) are not attributed.
  if (identity?.provinceCode && process.env.RECORD_USAGE !== 'false') {
    const { provinceCode, localityCode } = identity;
    c.var.deps.usage.add({ month: vietnamMonth(c.var.deps.now()), provinceCode, localityCode, counts: await usageOf(c, routePath) });
  }
});

function round(n: number) {
  return Math.round(n * 100) / 100;
}

/**
 * Headers added after the handler answered. `c.header()` on a finished response rebuilds it around
 * its body stream once per call, which turns the Node server's string fast path into a stream copy
 * (~2.5 ms on the HCM dashboard's 108 KB, CPU profile of `npm run bench -- --case hcm`). Setting them
 * on the response's own headers keeps the body as it is; responses with immutable headers (one
 * passed through from `fetch`) fall back to `c.header()`.
 */
function setHeaders(c: Context<AppEnv>, headers: Record<string, string>): void {
  try {
    for (const [name, value] of Object.entries(headers)) c.res.headers.set(name, value);
  } catch {
    for (const [name, value] of Object.entries(headers)) c.header(name, value);
  }
}
