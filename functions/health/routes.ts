import { Hono } from 'hono';
import type { AppEnv } from '../http/env.js';
import { ProblemError } from '../http/problem.js';

/** Public health: proves the API answers and the table is reachable (one GetItem). */
export const healthRoutes = new Hono<AppEnv>().get('/', async (c) => {
  const started = performance.now();
  try {
    await c.var.store.get({ Key: { PK: 'PLATFORM#HEALTH', SK: 'PING' } });
  } catch (err) {
    console.error(JSON.stringify({ level: 'error', msg: 'health: storage unreachable', error: String(err) }));
    throw new ProblemError('storage-unavailable', {
      vi: 'Không kết nối được cơ sở dữ liệu DynamoDB',
      en: 'DynamoDB is unreachable',
    });
  }
  return c.json({
    status: 'ok' as const,
    version: c.var.deps.version,
    time: c.var.deps.now().toISOString(),
    storage: { kind: 'dynamodb' as const, table: c.var.deps.tableName, latencyMs: Math.round(performance.now() - started) },
  });
});
