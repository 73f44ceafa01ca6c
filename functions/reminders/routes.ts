import { Hono, type Context } from 'hono';
import { keys, reminderKeys, supervisionKeys, tenantOf, tenantPrefix, type TenantRef } from '../../shared/keys.js';
import { findLocalityIn } from '../../shared/localities/index.js';
import {
  DEFAULT_PREFERENCES,
  followTargetSchema,
  notificationIdSchema,
  notificationQuerySchema,
  preferencesSchema,
  type Preferences,
} from '../../shared/reminders/schema.js';
import { can } from '../../shared/roles.js';
import { notFound } from '../auth/tenant-scope.js';
import { requireAuth } from '../auth/middleware.js';
import type { AppEnv } from '../http/env.js';
import { ProblemError } from '../http/problem.js';
import { validate } from '../http/validate.js';
import { badCursor, decodeCursor, encodeCursor } from '../store/cursor.js';
import { isConditionFailure } from '../store/versioning.js';
import { notificationView } from './notify.js';
import type { Recipient } from './recipients.js';
import { unsubscribeRoutes } from './unsubscribe.js';

/**
 * /api/notifications — the signed-in user's own notifications, e-mail preferences and follows.
 * Every key is built from the verified token (tenant and user id); nothing in the request names a
 * partition. A list page is one Query; the unread count is one Query of the sparse unread index.
 */

/** The caller's tenant and user id; operators act for no tenant and have no notifications. */
function me(c: Context<AppEnv>): { tenant: TenantRef; userId: string } {
  const identity = c.var.identity;
  if (!identity.provinceCode || !can(identity.role, 'tenant:read')) {
    throw new ProblemError('forbidden', { vi: 'Tài khoản này không có thông báo', en: 'This account has no notifications' });
  }
  return { tenant: tenantOf(identity), userId: identity.userId };
}

const UNREAD_CAP = 100;

// requireAuth on each route (not `use('*')`): the unsubscribe link beside them is public.
const signedIn = new Hono<AppEnv>()
  .get('/', requireAuth, validate('query', notificationQuerySchema), async (c) => {
    const { tenant, userId } = me(c);
    const q = c.req.valid('query');
    const unread = q.unread === 'true';
    const index = unread ? 'GSI2' : 'GSI1';
    const list = `notifications:${index}`;
    const pk = unread ? reminderKeys.notificationUnread(tenant, userId).GSI2PK : reminderKeys.notificationList(tenant, userId).GSI1PK;
    const start = decodeCursor(q.cursor, list, index, tenant);
    // The cursor must point into this user's own list, not merely this tenant.
    if (start && start[`${index}PK`] !== pk) throw badCursor();
    const page = await c.var.store.query({
      IndexName: index,
      KeyConditionExpression: `${index}PK = :pk`,
      ExpressionAttributeValues: { ':pk': pk, ...(q.kind ? { ':kind': q.kind } : {}) },
      ...(q.kind ? { FilterExpression: 'kind = :kind' } : {}),
      ScanIndexForward: false,
      Limit: q.limit,
      ...(start ? { ExclusiveStartKey: start } : {}),
    });
    return c.json({ items: page.items.map(notificationView), nextCursor: encodeCursor(list, page.lastKey) });
  })

  .get('/unread-count', requireAuth, async (c) => {
    const { tenant, userId } = me(c);
    const page = await unreadOf(c, tenant, userId, { ProjectionExpression: 'PK' });
    return c.json({ count: page.items.length, more: page.lastKey !== undefined });
  })

  .post('/read-all', requireAuth, async (c) => {
    const { tenant, userId } = me(c);
    const unread = await unreadOf(c, tenant, userId);
    const at = c.var.deps.now().toISOString();
    for (const item of unread.items) await markRead(c, tenant, userId, String(item.id), at);
    return c.json({ marked: unread.items.length, more: unread.lastKey !== undefined });
  })

  .post('/:id/read', requireAuth, validate('param', notificationIdSchema), async (c) => {
    const { tenant, userId } = me(c);
    await markRead(c, tenant, userId, c.req.valid('param').id, c.var.deps.now().toISOString());
    return c.body(null, 204);
  })

  .get('/preferences', requireAuth, async (c) => {
    const { tenant, userId } = me(c);
    return c.json(await readPreferences(c, tenant, userId));
  })

  .put('/preferences', requireAuth, validate('json', preferencesSchema), async (c) => {
    const { tenant, userId } = me(c);
    const prefs = c.req.valid('json');
    await c.var.store.put({
      Item: { ...reminderKeys.notificationPrefs(tenant, userId), entity: 'notification-prefs', ...prefs, updatedAt: c.var.deps.now().toISOString() },
    });
    return c.json(prefs);
  })

  .get('/follows/:type/:id', requireAuth, validate('param', followTargetSchema), async (c) => {
    const { tenant, userId } = me(c);
    const target = await followTarget(c, tenant, c.req.valid('param'));
    const followers = await c.var.store.queryAll({
      KeyConditionExpression: 'PK = :pk',
      ExpressionAttributeValues: { ':pk': reminderKeys.followers(target.in, target.key).PK },
    });
    return c.json({ following: followers.some((f) => f.SK === userId), followers: followers.length });
  })

  .put('/follows/:type/:id', requireAuth, validate('param', followTargetSchema), async (c) => {
    const { tenant, userId } = me(c);
    const target = await followTarget(c, tenant, c.req.valid('param'));
    const identity = c.var.identity;
    const recipient: Recipient = {
      tenant: tenantPrefix(tenant),
      userId,
      email: identity.email,
      ...(identity.name ? { name: identity.name } : {}),
      role: identity.role,
      agency: '',
    };
    await c.var.store.put({
      Item: { ...reminderKeys.follower(target.in, target.key, userId), entity: 'follower', recipient, since: c.var.deps.now().toISOString() },
    });
    return c.json({ following: true });
  })

  .delete('/follows/:type/:id', requireAuth, validate('param', followTargetSchema), async (c) => {
    const { tenant, userId } = me(c);
    const target = await followTarget(c, tenant, c.req.valid('param'));
    await c.var.store.delete({ Key: reminderKeys.follower(target.in, target.key, userId) });
    return c.json({ following: false });
  });

/** The unsubscribe link works without signing in; everything else needs the user's token. */
export const notificationRoutes = new Hono<AppEnv>().route('/unsubscribe', unsubscribeRoutes).route('/', signedIn);

/** The user's unread notifications (the unread index holds only those), at most UNREAD_CAP. */
function unreadOf(c: Context<AppEnv>, tenant: TenantRef, userId: string, projection: { ProjectionExpression?: string } = {}) {
  return c.var.store.query({
    IndexName: 'GSI2',
    KeyConditionExpression: 'GSI2PK = :pk',
    ExpressionAttributeValues: { ':pk': reminderKeys.notificationUnread(tenant, userId).GSI2PK },
    ...projection,
    Limit: UNREAD_CAP,
  });
}

async function markRead(c: Context<AppEnv>, tenant: TenantRef, userId: string, id: string, at: string) {
  try {
    await c.var.store.update({
      Key: reminderKeys.notification(tenant, userId, id),
      UpdateExpression: 'SET #read = :true, readAt = :at REMOVE GSI2PK, GSI2SK',
      ConditionExpression: 'attribute_exists(PK)',
      ExpressionAttributeNames: { '#read': 'read' },
      ExpressionAttributeValues: { ':true': true, ':at': at },
    });
  } catch (err) {
    if (isConditionFailure(err)) throw notFound();
    throw err;
  }
}

export async function readPreferences(c: Context<AppEnv>, tenant: TenantRef, userId: string): Promise<Preferences> {
  const item = await c.var.store.get({ Key: reminderKeys.notificationPrefs(tenant, userId) });
  const parsed = preferencesSchema.safeParse({ digest: item?.digest, email: item?.email });
  return parsed.success ? parsed.data : DEFAULT_PREFERENCES;
}

/**
 * Where the followers of a target live. An agreement or a plan of the caller's own tenant (404 when
 * it does not exist there); a locality only for province staff, and only a locality of their own
 * province — the follow is kept in the province's partition.
 */
async function followTarget(c: Context<AppEnv>, tenant: TenantRef, p: { type: 'agreement' | 'plan' | 'locality'; id: string }) {
  if (p.type === 'locality') {
    if (tenant.localityCode !== null || !can(c.var.identity.role, 'province:read') || !findLocalityIn(tenant.provinceCode, p.id)) throw notFound();
    return { in: tenant, key: `LOC#${p.id}` };
  }
  const key = p.type === 'agreement' ? keys.agreement(tenant, p.id) : supervisionKeys.plan(tenant, p.id);
  const exists = await c.var.store.get({ Key: key, ProjectionExpression: 'PK' });
  if (!exists) throw notFound();
  return { in: tenant, key: p.type === 'agreement' ? `AGR#${p.id}` : `SUP#${p.id}` };
}
