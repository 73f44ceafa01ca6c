import { signUpDecided, signUpDue } from '../reminders/due-entries.js';
import { sendNow, signUpDecisionOutbox } from '../reminders/outbox.js';
import { MeteredStore } from '../store/metered-store.js';
import { vietnamToday } from '../../shared/dates.js';
import { Hono } from 'hono';
import { keys, tenancyKeys, type TenantRef } from '../../shared/keys.js';
import { CURRENT_LIST, findLocalityIn, findProvince, listAsOf, predecessorDistrict } from '../../shared/localities/index.js';
import {
  decisionRequestSchema,
  localityParamSchema,
  localityQuerySchema,
  provinceOnboardRequestSchema,
  signUpListQuerySchema,
  signUpRequestSchema,
  tenantSchema,
  type Tenant,
} from '../../shared/tenancy/schema.js';
import { auditPut, type AuditActor } from '../audit/record.js';
import type { AppEnv } from '../http/env.js';
import { ProblemError } from '../http/problem.js';
import { validate } from '../http/validate.js';
import { requireAuth, requirePermission } from '../auth/middleware.js';
import { isConditionFailure, staleVersion, withConflict } from '../store/versioning.js';
import { buildInvitation, invitationSentAudit } from '../users/invitations.js';
import { actorOf, userRoutes } from '../users/routes.js';
import { notFound, readTenant } from '../auth/tenant-scope.js';
import { dataEntryRoutes } from './data-entry.js';
import { operatorRoutes } from './operator.js';
import { signUpLocality } from './sign-up.js';

export function tenantView(item: Record<string, unknown>): Tenant {
  return tenantSchema.parse(item);
}

const alreadyDecided = () =>
  new ProblemError('conflict', {
    vi: 'Đăng ký này đã được xử lý (không còn ở trạng thái chờ duyệt)',
    en: 'This sign-up was already decided (it is no longer pending)',
  });

/**
 * Tenancy: public district sign-up, the province's approvals, the tenant profile, operator
 * onboarding of province tenants; users and invitations (functions/users) hang under the same path.
 */
export const tenancyRoutes = new Hono<AppEnv>()
  /**
   * Public sign-up of a commune-level unit: the tenant profile is created `pending`. One tenant per
   * unit: the conditional write refuses a second sign-up while one is pending or active (409); after
   * a rejection the unit may sign up again. Profile and audit record in one transaction.
   */
  .post('/signups', validate('json', signUpRequestSchema), async (c) => {
    const body = c.req.valid('json');
    const { province, locality: district } = signUpLocality(body, c.var.deps.now());
    const tenant: TenantRef = { provinceCode: body.provinceCode, localityCode: body.localityCode };
    const now = c.var.deps.now().toISOString();
    const profile = {
      entity: 'tenant',
      provinceCode: body.provinceCode,
      localityCode: body.localityCode,
      kind: 'commune',
      name: district.name,
      provinceName: province.name,
      status: 'pending',
      localityListAsOf: district.listAsOf,
      localityType: district.type,
      agency: body.agency,
      contactName: body.contactName,
      contactEmail: body.contactEmail,
      requestedAt: now,
      createdAt: now,
      updatedAt: now,
    };
    const k = keys.tenant(tenant);
    const names: Record<string, string> = { '#version': 'version', '#status': 'status' };
    const values: Record<string, unknown> = { ':zero': 0, ':one': 1, ':rejected': 'rejected' };
    const sets: string[] = ['#version = if_not_exists(#version, :zero) + :one', 'GSI1PK = :gsi1pk', 'GSI1SK = :gsi1sk'];
    values[':gsi1pk'] = k.GSI1PK;
    values[':gsi1sk'] = k.GSI1SK;
    for (const [field, value] of Object.entries(profile)) {
      names[`#${field}`] = field;
      values[`:${field}`] = value;
      sets.push(`#${field} = :${field}`);
    }
    const actor: AuditActor = { userId: 'public', email: body.contactEmail, name: body.contactName, role: 'public' };
    try {
      await c.var.store.transactWrite([
        {
          // An Update rather than a Put: after a rejection the version keeps counting, so a decision
          // made on the old sign-up's version cannot land on the new one.
          Update: {
            Key: { PK: k.PK, SK: k.SK },
            UpdateExpression: `SET ${sets.join(', ')} REMOVE decidedAt, decidedBy, rejectionReason`,
            ConditionExpression: 'attribute_not_exists(PK) OR #status = :rejected',
            ExpressionAttributeNames: names,
            ExpressionAttributeValues: values,
          },
        },
        auditPut({
          tenant,
          actor,
          entity: 'tenant',
          entityId: `${body.provinceCode}-${body.localityCode}`,
          action: 'sign-up',
          after: profile,
          at: new Date(now),
        }),
        // The province's admins are reminded until they decide (same transaction as the sign-up).
        ...signUpDue({ provinceCode: body.provinceCode, localityCode: null }, body.localityCode, district.name, vietnamToday(new Date(now))),
      ]);
    } catch (err) {
      if (isConditionFailure(err)) {
        throw new ProblemError('conflict', {
          vi: `${district.name} (${province.name}) đã được đăng ký. Mỗi đơn vị cấp xã chỉ có một tài khoản đơn vị; hãy liên hệ quản trị viên của đơn vị hoặc của tỉnh.`,
          en: `${district.name} (${province.name}) is already signed up. Each locality has one tenant; contact its administrator or the province's.`,
        });
      }
      throw err;
    }
    return c.json(
      {
        tenant: {
          provinceCode: body.provinceCode,
          localityCode: body.localityCode,
          name: district.name,
          provinceName: province.name,
          status: 'pending' as const,
          requestedAt: now,
          version: 1,
        },
      },
      201,
    );
  })

  /**
   * The province admin's list of its localities' tenants, pending first: one Query of GSI1. A province
   * has at most a few hundred units (its communes and, as history, its districts), so the list is one
   * page: `nextCursor` is always null (the one list contract, shared/paging.ts).
   */
  .get('/signups', requireAuth, requirePermission('province:admin'), validate('query', signUpListQuerySchema), async (c) => {
    const { status } = c.req.valid('query');
    const provinceCode = c.var.identity.provinceCode!;
    const { items } = await c.var.store.query({
      IndexName: 'GSI1',
      // Locality codes only (3 or 5 digits): the province's own profile (GSI1SK 'P') sorts outside.
      KeyConditionExpression: 'GSI1PK = :pk AND GSI1SK BETWEEN :lo AND :hi',
      ...(status ? { FilterExpression: '#status = :status', ExpressionAttributeNames: { '#status': 'status' } } : {}),
      ExpressionAttributeValues: {
        ':pk': tenancyKeys.tenantsOfProvince(provinceCode).GSI1PK,
        ':lo': '000',
        ':hi': '999',
        ...(status ? { ':status': status } : {}),
      },
    });
    const order = { pending: 0, active: 1, suspended: 2, rejected: 3 } as const;
    const tenants = items
      .map(tenantView)
      .sort((a, b) => order[a.status] - order[b.status] || (b.requestedAt ?? '').localeCompare(a.requestedAt ?? '') || a.name.localeCompare(b.name, 'vi'));
    return c.json({ items: tenants, nextCursor: null, provinceCode });
  })

  /**
   * Approve or reject a pending sign-up of the admin's own province. Approval activates the tenant
   * and invites its contact as the first locality admin; the link comes back to the province admin.
   */
  .post(
    '/signups/:localityCode/decision',
    requireAuth,
    requirePermission('province:admin'),
    validate('param', localityParamSchema),
    validate('json', decisionRequestSchema),
    async (c) => {
      const provinceCode = c.var.identity.provinceCode!;
      const { localityCode } = c.req.valid('param');
      const body = c.req.valid('json');
      // The province comes from the token: a district of another province is simply not found.
      if (!findLocalityIn(provinceCode, localityCode)) throw notFound();
      const tenant: TenantRef = { provinceCode, localityCode };
      const provinceTenant: TenantRef = { provinceCode, localityCode: null };
      const k = keys.tenant(tenant);
      const before = await c.var.store.get({ Key: { PK: k.PK, SK: k.SK }, ConsistentRead: true });
      if (!before) throw notFound();
      if (before.status !== 'pending') throw alreadyDecided();
      if (before.version !== body.version) throw staleVersion();

      const now = c.var.deps.now();
      const at = now.toISOString();
      const actor = actorOf(c);
      const decidedBy = { userId: actor.userId, email: actor.email, ...(actor.name ? { name: actor.name } : {}) };
      const status = body.decision === 'approve' ? 'active' : 'rejected';
      const after = {
        ...before,
        status,
        decidedAt: at,
        decidedBy,
        ...(body.decision === 'reject' ? { rejectionReason: body.reason } : {}),
        updatedAt: at,
        version: body.version + 1,
      };
      const entityId = `${provinceCode}-${localityCode}`;
      const action = body.decision;
      const invitation =
        body.decision === 'approve'
          ? buildInvitation({
              tenant,
              email: before.contactEmail as string,
              name: before.contactName as string | undefined,
              role: 'locality_admin',
              agency: before.agency as string | undefined,
              invitedBy: actor,
              now,
              inviterTenant: provinceTenant,
            })
          : null;
      // The applicant has no account, only the contact address: a mail tells them, queued in this
      // transaction (never lost, never for a decision that did not commit) and sent right after it.
      const mail = signUpDecisionOutbox({
        provinceCode,
        localityCode,
        version: body.version + 1,
        now,
        ...(invitation ? { invitationExpiresAt: new Date(invitation.item.expiresAt * 1000).toISOString() } : {}),
      });
      await withConflict(() =>
        c.var.store.transactWrite([
          mail.put,
          // The pending sign-up leaves the province's due list; the first admin's invitation enters it.
          ...signUpDecided(provinceTenant, localityCode),
          ...(invitation?.due ?? []),
          {
            Update: {
              Key: { PK: k.PK, SK: k.SK },
              UpdateExpression: `SET #status = :status, decidedAt = :at, decidedBy = :by, updatedAt = :at, #version = :next${body.decision === 'reject' ? ', rejectionReason = :reason' : ''}`,
              ConditionExpression: '#status = :pending AND #version = :expected',
              ExpressionAttributeNames: { '#status': 'status', '#version': 'version' },
              ExpressionAttributeValues: {
                ':status': status,
                ':at': at,
                ':by': decidedBy,
                ':next': body.version + 1,
                ':pending': 'pending',
                ':expected': body.version,
                ...(body.decision === 'reject' ? { ':reason': body.reason } : {}),
              },
            },
          },
          ...(invitation ? [invitation.put, invitationSentAudit(tenant, actor, invitation.item, now)] : []),
          // The change is recorded in the district's log and in the province's own log.
          auditPut({ tenant, actor, entity: 'tenant', entityId, action, before, after, at: now }),
          auditPut({ tenant: provinceTenant, actor, entity: 'tenant', entityId, action, before, after, at: now }),
        ]),
      );
      // The function's own credentials: the sender marks the outbox item and reads the profile it names.
      await sendNow(new MeteredStore(c.var.deps.doc, c.var.deps.tableName), [mail.ref], c.var.deps.mail, now);
      return c.json({ tenant: tenantView(after), ...(invitation ? { invitation: invitation.created } : {}) });
    },
  )

  /** The caller's tenant profile (province staff: `?locality=` of their own province, read-only). */
  .get('/tenant', requireAuth, requirePermission('tenant:read'), validate('query', localityQuerySchema), async (c) => {
    const tenant = await readTenant(c, c.req.valid('query').locality);
    const k = keys.tenant(tenant);
    const item = await c.var.store.get({ Key: { PK: k.PK, SK: k.SK } });
    if (!item) throw notFound();
    const view = tenantView(item);
    // Contact details of a sign-up are for the province and the tenant's admins.
    const canSeeContact = c.var.identity.role.endsWith('_admin');
    if (!canSeeContact) {
      delete view.contactEmail;
      delete view.contactName;
    }
    // A ward continues the records of the 2025 district its code lay in (read-only, `?locality=`).
    const predecessor = view.kind === 'commune' && view.localityCode ? predecessorDistrict(view.localityCode) : undefined;
    return c.json({
      tenant: view,
      ...(predecessor
        ? {
            predecessor: { provinceCode: predecessor.provinceCode, localityCode: predecessor.code, name: predecessor.name, validUntil: predecessor.validUntil },
          }
        : {}),
    });
  })

  /** Operator: create a province tenant (active) and invite its first province admin. */
  .post('/provinces', requireAuth, requirePermission('platform:operate'), validate('json', provinceOnboardRequestSchema), async (c) => {
    const body = c.req.valid('json');
    const province = findProvince(body.provinceCode, CURRENT_LIST);
    if (!province) {
      throw new ProblemError('validation', undefined, [
        {
          field: 'provinceCode',
          in: 'body',
          code: 'unknown-province',
          message_vi: 'Không có tỉnh/thành phố với mã này trong danh mục hiện hành (34 tỉnh, thành phố)',
          message_en: 'No province with this code in the current list (34 provinces)',
        },
      ]);
    }
    const tenant: TenantRef = { provinceCode: body.provinceCode, localityCode: null };
    const now = c.var.deps.now();
    const at = now.toISOString();
    const actor = actorOf(c);
    const profile = {
      entity: 'tenant',
      provinceCode: body.provinceCode,
      localityCode: null,
      kind: 'province',
      name: province.name,
      provinceName: province.name,
      status: 'active',
      localityListAsOf: listAsOf[CURRENT_LIST],
      createdAt: at,
      updatedAt: at,
      version: 1,
    };
    const invitation = buildInvitation({ tenant, email: body.adminEmail, name: body.adminName, role: 'province_admin', invitedBy: actor, now });
    try {
      await c.var.store.transactWrite([
        { Put: { Item: { ...keys.tenant(tenant), ...profile }, ConditionExpression: 'attribute_not_exists(PK)' } },
        invitation.put,
        auditPut({ tenant, actor, entity: 'tenant', entityId: `${body.provinceCode}-P`, action: 'create', after: profile, at: now }),
        invitationSentAudit(tenant, actor, invitation.item, now),
      ]);
    } catch (err) {
      if (isConditionFailure(err)) {
        throw new ProblemError('conflict', { vi: `${province.name} đã có đơn vị trên hệ thống`, en: `${province.name} already has a tenant` });
      }
      throw err;
    }
    return c.json({ tenant: tenantView(profile), invitation: invitation.created }, 201);
  })

  .route('/', dataEntryRoutes)
  .route('/', operatorRoutes)
  .route('/', userRoutes);
