import type { Context } from 'hono';
import { districtCodeSchema } from '../../shared/identity.js';
import { tenantOf, type TenantRef } from '../../shared/keys.js';
import { findDistrict } from '../../shared/localities/index.js';
import { can } from '../../shared/roles.js';
import type { AppEnv } from '../api/env.js';
import { ProblemError } from '../api/problem.js';

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
 * The tenant a read looks at. Districts read only themselves. Province staff read their own
 * province tenant, or — read-only drill-down — one district of their own province named by
 * `?district=NNN`. The province part always comes from the token, so no request can reach another
 * province; an unknown or foreign district answers 404 (nothing revealed).
 */
export function readTenant(c: Context<AppEnv>, requestedDistrict: string | undefined = c.req.query('district')): TenantRef {
  const identity = c.var.identity;
  if (!identity.provinceCode || !can(identity.role, 'tenant:read')) {
    throw new ProblemError('forbidden', { vi: 'Không có quyền xem dữ liệu đơn vị', en: 'Not allowed to read tenant data' });
  }
  const own = tenantOf(identity);
  if (requestedDistrict === undefined || requestedDistrict === '') return own;
  if (identity.districtCode !== null) {
    if (requestedDistrict === identity.districtCode) return own;
    throw notFound();
  }
  if (!can(identity.role, 'province:read')) throw notFound();
  if (!districtCodeSchema.safeParse(requestedDistrict).success || !findDistrict(identity.provinceCode, requestedDistrict)) {
    throw notFound();
  }
  return { provinceCode: identity.provinceCode, districtCode: requestedDistrict };
}

/** True when the caller reads a district other than its own tenant (province drill-down). */
export function isDrillDown(c: Context<AppEnv>, tenant: TenantRef): boolean {
  return c.var.identity.districtCode !== tenant.districtCode;
}
