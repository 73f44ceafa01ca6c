import type { Context } from 'hono';
import { keys, tenantOf, tenantPrefix, type TenantRef } from '../../shared/keys.js';
import { findLocality, findProvince, successorCommunes } from '../../shared/localities/index.js';
import { can } from '../../shared/roles.js';
import { isHistoricalTenant, mayRead, needsTargetSession, sessionTagsForTarget } from '../../shared/tenant-access.js';
import type { AppEnv } from '../http/env.js';
import { ProblemError } from '../http/problem.js';
import { useTargetStore } from '../store/scoped-credentials.js';

/**
 * Which tenant a request acts on. Writes: always the caller's own, from the verified token. Reads:
 * the caller's own, or — named by `?locality=` — a tenant the caller may read (shared/tenant-access
 * `mayRead`: province staff their province and merged provinces; a commune its predecessor
 * district). Anything else answers 404, revealing nothing.
 */

export function notFound(): ProblemError {
  return new ProblemError('not-found', { vi: 'Không tìm thấy bản ghi', en: 'Record not found' });
}

/** The tenant a write acts on: always the caller's own, from the verified token. */
export function writeTenant(c: Context<AppEnv>): TenantRef {
  const identity = c.var.identity;
  if (!identity.provinceCode || !can(identity.role, 'tenant:write')) {
    throw new ProblemError('forbidden', { vi: 'Vai trò của bạn chỉ được xem', en: 'Your role is read-only' });
  }
  return tenantOf(identity);
}

/**
 * The tenant a read looks at (own, or `?locality=` when allowed). Reading another tenant swaps the
 * request's store to a session fenced to exactly that tenant when the own session does not reach it.
 */
export async function readTenant(c: Context<AppEnv>, requested: string | undefined = c.req.query('locality')): Promise<TenantRef> {
  const identity = c.var.identity;
  if (!identity.provinceCode || !can(identity.role, 'tenant:read')) {
    throw new ProblemError('forbidden', { vi: 'Không có quyền xem dữ liệu đơn vị', en: 'Not allowed to read tenant data' });
  }
  const own = tenantOf(identity);
  if (requested === undefined || requested === '' || requested === own.localityCode) return own;
  // Only a 3- or 5-digit code names a locality (the format localityCodeSchema checks).
  const locality = findLocality(requested);
  if (!locality) throw notFound();
  const target: TenantRef = { provinceCode: locality.provinceCode, localityCode: locality.code };
  if (!mayRead(identity, target)) throw notFound();
  if (needsTargetSession(identity, target)) await useTargetStore(c, sessionTagsForTarget(identity, target));
  return target;
}

/** True when the caller reads a tenant other than its own (drill-down or history): the page is read-only. */
export function isDrillDown(c: Context<AppEnv>, tenant: TenantRef): boolean {
  const own = tenantOf(c.var.identity);
  return own.provinceCode !== tenant.provinceCode || own.localityCode !== tenant.localityCode;
}

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * A historical tenant (a 2025 district, a merged province) is read-only for everyone unless its
 * province opened it for data entry. Costs one GetItem, and only for the users of such a tenant.
 */
export async function guardHistoricalWrite(c: Context<AppEnv>): Promise<void> {
  const identity = c.var.identity;
  if (!identity.provinceCode || !MUTATING.has(c.req.method)) return;
  const tenant = tenantOf(identity);
  if (!isHistoricalTenant(tenant)) return;
  const k = keys.tenant(tenant);
  const profile = await c.var.store.get({ Key: { PK: k.PK, SK: k.SK }, ConsistentRead: true });
  if (profile?.dataEntryOpen === true) return;
  throw historicalReadOnly(tenant, typeof profile?.name === 'string' ? profile.name : undefined);
}

export function historicalReadOnly(tenant: TenantRef, name?: string): ProblemError {
  const label = name ?? findLocality(tenant.localityCode ?? '')?.name ?? findProvince(tenant.provinceCode, '2025-03')?.name ?? tenantPrefix(tenant);
  const successors = tenant.localityCode ? successorCommunes(tenant.localityCode).map((l) => l.name) : [];
  const where = successors.length ? ` Hồ sơ được tiếp tục bởi: ${successors.join(', ')}.` : '';
  const whereEn = successors.length ? ` Its records are continued by: ${successors.join(', ')}.` : '';
  return new ProblemError('historical-read-only', {
    vi: `${label} đã kết thúc hoạt động từ 01/07/2025; hồ sơ chỉ để xem. Tỉnh có thể mở để nhập bổ sung hồ sơ 2021–2025.${where}`,
    en: `${label} ceased on 01/07/2025; its records are read-only. The province can open it to backfill 2021–2025 records.${whereEn}`,
  });
}
