import { type Context, Hono } from 'hono';
import { keys, type TenantRef } from '../../shared/keys.js';
import { findLocality, findProvince, listAsOf } from '../../shared/localities/index.js';
import { type DataEntryRequest, dataEntryRequestSchema, localityParamSchema, provinceParamSchema, tenantSchema } from '../../shared/tenancy/schema.js';
import { isHistoricalTenant, mayRead, needsTargetSession, sessionTagsForTarget } from '../../shared/tenant-access.js';
import { auditPut } from '../audit/record.js';
import type { AppEnv } from '../http/env.js';
import { validate } from '../http/validate.js';
import { requireAuth, requirePermission } from '../auth/middleware.js';
import { notFound } from '../auth/tenant-scope.js';
import { useTargetStore } from '../store/scoped-credentials.js';
import { staleVersion, withConflict } from '../store/versioning.js';
import { actorOf } from '../users/routes.js';

/**
 * A province admin opens a historical tenant for data entry, so that 2021–2025 records and scans can
 * be backfilled, and closes it again: a 2025 district of its province or of a province merged into it,
 * or the own tenant of a province merged into it (`06#P`, Bắc Kạn's province-level agreements). A
 * tenant that never signed up gets its profile here (active, history). The change is audited in the
 * historical tenant's log, and in the province's own log when the session reaches it (a merged
 * province's prefix is fenced apart from the successor's: docs/localities.md).
 */
export const dataEntryRoutes = new Hono<AppEnv>()
  .post(
    '/history/:localityCode/data-entry',
    requireAuth,
    requirePermission('province:admin'),
    validate('param', localityParamSchema),
    validate('json', dataEntryRequestSchema),
    async (c) => {
      const { localityCode } = c.req.valid('param');
      const district = findLocality(localityCode);
      if (district?.level !== 'district') throw notFound();
      const province = findProvince(district.provinceCode, '2025-03');
      return changeDataEntry(c, c.req.valid('json'), {
        target: { provinceCode: district.provinceCode, localityCode },
        profile: {
          kind: 'district',
          name: district.name,
          provinceName: province?.name ?? '',
          localityType: district.type,
          ...(district.validUntil ? { validUntil: district.validUntil } : {}),
        },
      });
    },
  )
  .post(
    '/history/provinces/:provinceCode/data-entry',
    requireAuth,
    requirePermission('province:admin'),
    validate('param', provinceParamSchema),
    validate('json', dataEntryRequestSchema),
    async (c) => {
      const { provinceCode } = c.req.valid('param');
      // Only a 2025 province that merged into another is history; a province in force is not.
      const province = findProvince(provinceCode, '2025-03');
      if (!province || findProvince(provinceCode)) throw notFound();
      return changeDataEntry(c, c.req.valid('json'), {
        target: { provinceCode, localityCode: null },
        profile: {
          kind: 'province',
          name: province.name,
          provinceName: province.name,
          localityType: province.name.startsWith('Thành phố') ? 'Thành phố' : 'Tỉnh',
          ...(province.validUntil ? { validUntil: province.validUntil } : {}),
        },
      });
    },
  );

type HistoricalUnit = {
  target: TenantRef;
  /** The profile written when the historical tenant never signed up. */
  profile: { kind: 'district' | 'province'; name: string; provinceName: string; localityType: string; validUntil?: string };
};

async function changeDataEntry(c: Context<AppEnv>, body: DataEntryRequest, { target, profile }: HistoricalUnit) {
  const identity = c.var.identity;
  if (!isHistoricalTenant(target) || !mayRead(identity, target)) throw notFound();
  const sameProvince = !needsTargetSession(identity, target);
  if (!sameProvince) await useTargetStore(c, sessionTagsForTarget(identity, target, 'write'));

  const k = keys.tenant(target);
  const before = await c.var.store.get({ Key: { PK: k.PK, SK: k.SK }, ConsistentRead: true });
  if (before && body.version !== undefined && before.version !== body.version) throw staleVersion();
  const now = c.var.deps.now();
  const at = now.toISOString();
  const actor = actorOf(c);
  const after: Record<string, unknown> = {
    ...(before ?? {
      entity: 'tenant',
      provinceCode: target.provinceCode,
      localityCode: target.localityCode,
      ...profile,
      status: 'active',
      localityListAsOf: listAsOf['2025-03'],
      createdAt: at,
    }),
    ...keys.tenant(target),
    dataEntryOpen: body.open,
    dataEntryChangedAt: at,
    dataEntryChangedBy: { userId: actor.userId, email: actor.email, ...(actor.name ? { name: actor.name } : {}) },
    updatedAt: at,
    version: ((before?.version as number | undefined) ?? 0) + 1,
  };
  const action = body.open ? 'open-data-entry' : 'close-data-entry';
  const entityId = `${target.provinceCode}-${target.localityCode ?? 'P'}`;
  const provinceTenant: TenantRef = { provinceCode: identity.provinceCode!, localityCode: null };
  await withConflict(() =>
    c.var.store.transactWrite([
      {
        Put: {
          Item: after,
          ConditionExpression: before ? '#version = :expected' : 'attribute_not_exists(PK)',
          ...(before ? { ExpressionAttributeNames: { '#version': 'version' }, ExpressionAttributeValues: { ':expected': before.version } } : {}),
        },
      },
      // The dashboard shows the state from the roll-up row it already reads (no extra item per tenant).
      {
        Update: {
          Key: keys.rollup(target),
          UpdateExpression: 'SET #open = :open, #entity = :entity',
          ExpressionAttributeNames: { '#open': 'dataEntryOpen', '#entity': 'entity' },
          ExpressionAttributeValues: { ':open': body.open, ':entity': 'rollup' },
        },
      },
      auditPut({ tenant: target, actor, entity: 'tenant', entityId, action, before: before ?? null, after, at: now }),
      ...(sameProvince ? [auditPut({ tenant: provinceTenant, actor, entity: 'tenant', entityId, action, before: before ?? null, after, at: now })] : []),
    ]),
  );
  return c.json({ tenant: tenantSchema.parse(after) });
}
