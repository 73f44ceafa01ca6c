import { Hono } from 'hono';
import { auditQuerySchema, type AuditEvent } from '../../shared/audit/schema.js';
import { auditMonthOf, tenancyKeys } from '../../shared/keys.js';
import type { AppEnv } from '../http/env.js';
import { validate } from '../http/validate.js';
import { requireAuth, requirePermission } from '../auth/middleware.js';
import { readTenant } from '../auth/tenant-scope.js';
import { badCursor, decodeCursor, encodeCursor } from '../store/cursor.js';
import { vietnamDayStart } from '../../shared/dates.js';

const SK_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z#[0-9A-HJKMNP-TV-Z]{26}$/;
const LIST = 'audit';

/**
 * Admins browse their tenant's audit log: one month partition, newest first, one Query per page.
 * `from`/`to` narrow the sort-key range; actor, entity and action filter within it. Province admins
 * may read one of their districts' logs with `?locality=` (read-only drill-down).
 */
export const auditRoutes = new Hono<AppEnv>().get('/', requireAuth, requirePermission('tenant:admin'), validate('query', auditQuerySchema), async (c) => {
  const q = c.req.valid('query');
  const tenant = await readTenant(c, q.locality);
  const month = q.month ?? q.from?.slice(0, 7) ?? q.to?.slice(0, 7) ?? auditMonthOf(c.var.deps.now());
  const pk = tenancyKeys.auditMonth(tenant, month).PK;
  // Partitions are Vietnam months and sort keys `<UTC ISO time>#<id>`: a Vietnam day range inside
  // the month is one key range of one partition.
  const lo = q.from ? vietnamDayStart(q.from).toISOString() : '0';
  const hi = q.to ? vietnamDayStart(new Date(Date.parse(`${q.to}T00:00:00Z`) + 86400_000).toISOString().slice(0, 10)).toISOString() : '~';

  // The shared codec checks the cursor's partition is the caller's tenant; it must also be this month's.
  const exclusiveStartKey = decodeCursor(q.cursor, LIST, 'table', tenant);
  if (exclusiveStartKey && (exclusiveStartKey.PK !== pk || !SK_PATTERN.test(exclusiveStartKey.SK ?? ''))) throw badCursor();

  const filters: string[] = [];
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = { ':pk': pk, ':lo': lo, ':hi': hi };
  if (q.actor) {
    names['#actor'] = 'actor';
    names['#email'] = 'email';
    names['#userId'] = 'userId';
    values[':actor'] = q.actor.toLowerCase();
    values[':actorId'] = q.actor;
    filters.push('(contains(#actor.#email, :actor) OR #actor.#userId = :actorId)');
  }
  if (q.entity) {
    names['#target'] = 'target';
    names['#entity'] = 'entity';
    values[':entity'] = q.entity;
    filters.push('#target.#entity = :entity');
  }
  if (q.action) {
    names['#action'] = 'action';
    values[':action'] = q.action;
    filters.push('#action = :action');
  }
  // One Query per page: DynamoDB applies Limit before the filters, so a filtered page may hold fewer
  // than `limit` events (and `nextCursor` continues the month); reading on to fill it would cost more
  // requests than the one this page promises.
  const limit = q.limit ?? 50;
  const { items, lastKey } = await c.var.store.query({
    KeyConditionExpression: 'PK = :pk AND SK BETWEEN :lo AND :hi',
    ...(filters.length ? { FilterExpression: filters.join(' AND '), ExpressionAttributeNames: names } : {}),
    ExpressionAttributeValues: values,
    ScanIndexForward: false,
    Limit: limit,
    ...(exclusiveStartKey ? { ExclusiveStartKey: exclusiveStartKey } : {}),
  });
  const events: AuditEvent[] = items.map((i) => ({
    auditId: i.auditId as string,
    at: i.at as string,
    actor: i.actor as AuditEvent['actor'],
    target: i.target as AuditEvent['target'],
    action: i.action as string,
    changes: (i.changes ?? {}) as AuditEvent['changes'],
  }));
  return c.json({ items: events, nextCursor: encodeCursor(LIST, lastKey), month, tenant });
});
