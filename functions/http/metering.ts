import { createMiddleware } from 'hono/factory';
import { MeteredStore } from '../store/metered-store.js';
import type { AppEnv } from './env.js';

/**
 * Gives each API call its own metered store and reports what the call cost DynamoDB:
 * `x-ddb-requests`, `x-ddb-rcu`, `x-ddb-wcu`, `x-ddb-items` headers and one JSON log line.
 * Benchmarks and the "one read = one request" tests read these headers.
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
  c.header('x-request-id', c.var.requestId);
  c.header('x-ddb-requests', String(m.requests));
  c.header('x-ddb-rcu', String(round(m.readCapacity)));
  c.header('x-ddb-wcu', String(round(m.writeCapacity)));
  c.header('x-ddb-items', String(m.itemsRead));
  c.header('server-timing', `app;dur=${ms.toFixed(1)}`);
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
        tenant: c.var.identity ? `${c.var.identity.provinceCode ?? '-'}#${c.var.identity.localityCode ?? 'P'}` : undefined,
      }),
    );
  }
});

function round(n: number) {
  return Math.round(n * 100) / 100;
}
