import type { Context } from 'hono';
import { Hono } from 'hono';
import { keys, tenancyKeys, tenantOf, tenantPrefix, type TenantRef } from '../../shared/keys.js';
import { findAnyProvince, findLocalityIn } from '../../shared/localities/index.js';
import { localityQuerySchema } from '../../shared/tenancy/schema.js';
import { grantableRoles, roleLabels } from '../../shared/roles.js';
import {
  acceptInvitationRequestSchema,
  invitationIdParamSchema,
  invitationTokenRequestSchema,
  inviteRequestSchema,
  userIdParamSchema,
  userSchema,
  versionBodySchema,
  type User,
} from '../../shared/users/schema.js';
import { auditPut, type AuditActor } from '../audit/record.js';
import type { AppEnv } from '../http/env.js';
import { ProblemError } from '../http/problem.js';
import { validate } from '../http/validate.js';
import { requireAuth, requirePermission } from '../auth/middleware.js';
import { DirectoryPasswordRejectedError, DirectoryUserExistsError } from '../identity/directory.js';
import { isConditionFailure, setVersionTag, staleVersion, versionCondition, withConflict } from '../store/versioning.js';
import { notFound } from '../auth/tenant-scope.js';
import { forgetUserStatus } from '../auth/user-status.js';
import { buildInvitation, hashToken, invitationView, isExpired, retirePending, tenantOfToken, type InvitationItem } from './invitations.js';

/**
 * The tenant an admin manages: always its own, from the token. A `?locality=` naming anything else
 * is refused with 404 (admins do not manage other tenants' users, not even province admins).
 */
export function adminTenant(c: Context<AppEnv>): TenantRef {
  const own = tenantOf(c.var.identity);
  const requested = c.req.query('locality');
  if (requested !== undefined && requested !== (own.localityCode ?? '')) throw notFound();
  return own;
}

/** A pending invitation of the admin's tenant, read to revoke or reissue it (404 when it is not pending). */
async function pendingInvitation(c: Context<AppEnv>, tenant: TenantRef, invitationId: string) {
  const key = tenancyKeys.invitation(tenant, invitationId);
  const item = (await c.var.store.get({ Key: key, ConsistentRead: true })) as InvitationItem | undefined;
  if (item?.status !== 'pending') throw notFound();
  return { key, item };
}

export function actorOf(c: Context<AppEnv>): AuditActor {
  const { userId, email, name, role } = c.var.identity;
  return { userId, email, name, role };
}

function tenantName(t: TenantRef) {
  const province = findAnyProvince(t.provinceCode);
  const locality = t.localityCode ? findLocalityIn(t.provinceCode, t.localityCode) : undefined;
  return { name: locality?.name ?? province?.name ?? '', provinceName: province?.name ?? '' };
}

function userView(item: Record<string, unknown>): User {
  return userSchema.parse(item);
}

const invitationGone = () =>
  new ProblemError('not-found', {
    vi: 'Lời mời không tồn tại, đã được dùng, đã bị thu hồi hoặc đã hết hạn. Hãy xin quản trị viên gửi lời mời mới.',
    en: 'The invitation does not exist, was used, revoked or has expired. Ask your administrator for a new one.',
  });

const admin = [requireAuth, requirePermission('tenant:admin')] as const;

export const userRoutes = new Hono<AppEnv>()
  /** Users and pending invitations of the admin's tenant: one Query of the USERS partition. */
  .get('/users', ...admin, validate('query', localityQuerySchema), async (c) => {
    const tenant = adminTenant(c);
    const now = c.var.deps.now();
    const { items } = await c.var.store.query({
      KeyConditionExpression: 'PK = :pk',
      ExpressionAttributeValues: { ':pk': tenancyKeys.usersPartition(tenant).PK },
    });
    const users = items.filter((i) => i.entity === 'user').map(userView);
    const invitations = items
      .filter((i) => i.entity === 'invitation' && i.status === 'pending')
      .map((i) => invitationView(i, now))
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
    users.sort((a, b) => (a.name ?? a.email).localeCompare(b.name ?? b.email, 'vi'));
    return c.json({ tenant: { ...tenant, ...tenantName(tenant) }, users, invitations, grantableRoles: grantableRoles[c.var.identity.role] });
  })

  /** Invite someone into the admin's own tenant; the link comes back (no email is sent). */
  .post('/invitations', ...admin, validate('json', inviteRequestSchema), async (c) => {
    const tenant = adminTenant(c);
    const body = c.req.valid('json');
    const identity = c.var.identity;
    if (!grantableRoles[identity.role].includes(body.role)) {
      throw new ProblemError('validation', { vi: 'Vai trò không mời được', en: 'Role cannot be granted' }, [
        {
          field: 'role',
          in: 'body',
          code: 'invalid_value',
          message_vi: `Bạn chỉ mời được: ${grantableRoles[identity.role].map((r) => roleLabels[r].vi).join(', ')}`,
          message_en: `You can invite only: ${grantableRoles[identity.role].map((r) => roleLabels[r].en).join(', ')}`,
        },
      ]);
    }
    const now = c.var.deps.now();
    // One Query: is this email already a user here, or invited and not yet expired?
    const { items: clash } = await c.var.store.query({
      KeyConditionExpression: 'PK = :pk',
      FilterExpression: 'email = :email AND (entity = :user OR (#status = :pending AND expiresAt > :now))',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: {
        ':pk': tenancyKeys.usersPartition(tenant).PK,
        ':email': body.email,
        ':user': 'user',
        ':pending': 'pending',
        ':now': Math.floor(now.getTime() / 1000),
      },
    });
    if (clash.length > 0) {
      throw new ProblemError(
        'conflict',
        clash[0]!.entity === 'user'
          ? { vi: `${body.email} đã là người dùng của đơn vị`, en: `${body.email} is already a user of this tenant` }
          : { vi: `${body.email} đã có lời mời còn hiệu lực`, en: `${body.email} already has a valid invitation` },
      );
    }
    const inv = buildInvitation({ tenant, ...body, invitedBy: actorOf(c), now, inviterTenant: tenant });
    await c.var.store.transactWrite([
      inv.put,
      ...inv.due,
      auditPut({
        tenant,
        actor: actorOf(c),
        entity: 'invitation',
        entityId: inv.item.invitationId,
        action: 'invite',
        after: redactInvitation(inv.item),
        at: now,
      }),
    ]);
    setVersionTag(c, inv.created);
    return c.json(inv.created, 201);
  })

  .post('/invitations/:invitationId/revoke', ...admin, validate('param', invitationIdParamSchema), async (c) => {
    const tenant = adminTenant(c);
    const { invitationId } = c.req.valid('param');
    const { key, item } = await pendingInvitation(c, tenant, invitationId);
    const now = c.var.deps.now();
    const after = { ...item, status: 'revoked', version: Number(item.version ?? 1) + 1 };
    await withConflict(
      () =>
        c.var.store.transactWrite([
          retirePending(key, now),
          auditPut({
            tenant,
            actor: actorOf(c),
            entity: 'invitation',
            entityId: invitationId,
            action: 'revoke',
            before: redactInvitation(item),
            after: redactInvitation(after),
            at: now,
          }),
        ]),
      notFound,
    );
    return c.json({ invitation: invitationView(after, now) });
  })

  /** Blocks a user's sign-in (directory first, then the table, both idempotent); tokens already issued stop working within 5 minutes. */
  .post('/users/:userId/disable', ...admin, validate('param', userIdParamSchema), validate('json', versionBodySchema), (c) =>
    setUserStatus(c, c.req.valid('param').userId, c.req.valid('json').version, 'disabled'),
  )

  /** Lets a disabled user sign in again. */
  .post('/users/:userId/enable', ...admin, validate('param', userIdParamSchema), validate('json', versionBodySchema), (c) =>
    setUserStatus(c, c.req.valid('param').userId, c.req.valid('json').version, 'active'),
  )

  /**
   * A new link for a pending or expired invitation (the old link stops working): resend, extend and
   * "show the link again" are this one operation, because only the token's hash is stored.
   */
  .post('/invitations/:invitationId/reissue', ...admin, validate('param', invitationIdParamSchema), async (c) => {
    const tenant = adminTenant(c);
    const { invitationId } = c.req.valid('param');
    const { key, item } = await pendingInvitation(c, tenant, invitationId);
    const now = c.var.deps.now();
    const inv = buildInvitation({ tenant, email: item.email, name: item.name, role: item.role, agency: item.agency, invitedBy: actorOf(c), now });
    const old = { ...item, status: 'revoked', replacedBy: inv.item.invitationId };
    await withConflict(
      () =>
        c.var.store.transactWrite([
          retirePending(key, now, inv.item.invitationId),
          inv.put,
          auditPut({
            tenant,
            actor: actorOf(c),
            entity: 'invitation',
            entityId: inv.item.invitationId,
            action: 'reissue',
            before: redactInvitation(old),
            after: redactInvitation(inv.item),
            at: now,
          }),
        ]),
      notFound,
    );
    setVersionTag(c, inv.created);
    return c.json(inv.created, 201);
  })

  /** Public: what an invitation link is for (the acceptance page shows it). One GetItem. */
  .post('/invitations/preview', validate('json', invitationTokenRequestSchema), async (c) => {
    const { token } = c.req.valid('json');
    const tenant = tenantOfToken(token);
    const item = await c.var.store.get({ Key: tenancyKeys.invitation(tenant, hashToken(token)), ConsistentRead: true });
    const now = c.var.deps.now();
    if (item?.status !== 'pending' || isExpired(item as InvitationItem, now)) throw invitationGone();
    const inv = invitationView(item, now);
    return c.json({
      email: inv.email,
      name: inv.name,
      role: inv.role,
      agency: inv.agency,
      expiresAt: inv.expiresAt,
      tenant: { ...tenant, ...tenantName(tenant) },
    });
  })

  /**
   * Public: accept an invitation, set the password, create the user (directory, then table).
   * The directory refuses a second account for the email, so a double submit creates one user;
   * if the table write fails the directory user is removed again.
   */
  .post('/invitations/accept', validate('json', acceptInvitationRequestSchema), async (c) => {
    const { token, name, password } = c.req.valid('json');
    const tenant = tenantOfToken(token);
    const key = tenancyKeys.invitation(tenant, hashToken(token));
    const item = (await c.var.store.get({ Key: key, ConsistentRead: true })) as InvitationItem | undefined;
    const now = c.var.deps.now();
    if (item?.status !== 'pending' || isExpired(item, now)) throw invitationGone();

    let sub: string;
    try {
      ({ sub } = await c.var.deps.directory.createUser({
        email: item.email,
        name,
        role: item.role,
        provinceCode: tenant.provinceCode,
        localityCode: tenant.localityCode,
        agency: item.agency,
        password,
      }));
    } catch (err) {
      if (err instanceof DirectoryUserExistsError) {
        throw new ProblemError('conflict', {
          vi: `Đã có tài khoản với thư điện tử ${item.email}. Hãy đăng nhập, hoặc liên hệ quản trị viên.`,
          en: `An account with ${item.email} already exists. Sign in, or contact your administrator.`,
        });
      }
      if (err instanceof DirectoryPasswordRejectedError) {
        throw new ProblemError('validation', { vi: 'Mật khẩu chưa đạt yêu cầu', en: 'Password rejected' }, [
          { field: 'password', in: 'body', code: 'invalid_format', message_vi: 'Mật khẩu chưa đạt chính sách mật khẩu', message_en: err.message },
        ]);
      }
      throw err;
    }

    const user = {
      ...keys.user(tenant, sub),
      entity: 'user',
      tenant: tenantPrefix(tenant),
      userId: sub,
      email: item.email,
      name,
      role: item.role,
      ...(item.agency ? { agency: item.agency } : {}),
      status: 'active',
      invitationId: item.invitationId,
      createdAt: now.toISOString(),
      version: 1,
    };
    const actor: AuditActor = { userId: sub, email: item.email, name, role: item.role };
    try {
      await c.var.store.transactWrite([
        { Put: { Item: user, ConditionExpression: 'attribute_not_exists(PK)' } },
        {
          Update: {
            Key: key,
            UpdateExpression: 'SET #status = :accepted, acceptedAt = :at, userId = :sub, #version = #version + :one',
            ConditionExpression: '#status = :pending',
            ExpressionAttributeNames: { '#status': 'status', '#version': 'version' },
            ExpressionAttributeValues: { ':accepted': 'accepted', ':pending': 'pending', ':at': now.toISOString(), ':sub': sub, ':one': 1 },
          },
        },
        auditPut({ tenant, actor, entity: 'user', entityId: sub, action: 'accept', after: user, at: now }),
      ]);
    } catch (err) {
      await c.var.deps.directory.deleteUser(item.email).catch(() => undefined);
      if (isConditionFailure(err)) throw invitationGone();
      throw err;
    }
    return c.json({ user: userView(user), tenant: { ...tenant, ...tenantName(tenant) } }, 201);
  });

/** The audit keeps who was invited and as what, not the token hash (it is the item's id already). */
function redactInvitation(item: Record<string, unknown>) {
  const { invitationId: _id, ...rest } = item;
  return rest;
}

/** Disable or re-enable a user of the admin's tenant: directory first (idempotent), then the row and its audit in one transaction. */
async function setUserStatus(c: Context<AppEnv>, userId: string, version: number, status: 'disabled' | 'active') {
  const tenant = adminTenant(c);
  const key = keys.user(tenant, userId);
  const item = await c.var.store.get({ Key: key, ConsistentRead: true });
  if (!item) throw notFound();
  if (userId === c.var.identity.userId) {
    throw new ProblemError('conflict', { vi: 'Không thể tự thay đổi trạng thái tài khoản của mình', en: 'You cannot change your own account’s status' });
  }
  if ((item.status ?? 'active') === status) {
    throw new ProblemError(
      'conflict',
      status === 'disabled'
        ? { vi: 'Người dùng đã bị vô hiệu hoá', en: 'The user is already disabled' }
        : { vi: 'Người dùng đang hoạt động', en: 'The user is already active' },
    );
  }
  if (item.version !== version) throw staleVersion();
  const directory = c.var.deps.directory;
  await (status === 'disabled' ? directory.disableUser(item.email as string) : directory.enableUser(item.email as string));
  const now = c.var.deps.now();
  const at = now.toISOString();
  const after = { ...item, status, ...(status === 'disabled' ? { disabledAt: at } : { enabledAt: at }), updatedAt: at, version: version + 1 };
  const cond = versionCondition(version);
  await withConflict(() =>
    c.var.store.transactWrite([
      {
        Update: {
          Key: key,
          UpdateExpression: `SET #status = :status, ${status === 'disabled' ? 'disabledAt' : 'enabledAt'} = :at, updatedAt = :at, #version = :next`,
          ConditionExpression: cond.ConditionExpression,
          ExpressionAttributeNames: { ...cond.ExpressionAttributeNames, '#status': 'status' },
          ExpressionAttributeValues: { ...cond.ExpressionAttributeValues, ':status': status, ':at': at, ':next': version + 1 },
        },
      },
      auditPut({
        tenant,
        actor: actorOf(c),
        entity: 'user',
        entityId: userId,
        action: status === 'disabled' ? 'disable' : 'enable',
        before: item,
        after,
        at: now,
      }),
    ]),
  );
  forgetUserStatus(c.var.deps, tenant, userId);
  c.header('etag', `"${version + 1}"`);
  return c.json({ user: userView(after) });
}
