import type { Identity } from './identity.js';
import { PROVINCE_SCOPE, rollupProvinceOf, tenantOf, tenantPrefix, type TenantRef } from './keys.js';
import { findProvince, predecessorDistrict } from './localities/index.js';
import { can } from './roles.js';

/**
 * Tenant isolation at IAM level. After authentication the API assumes the tenant-data role with these
 * session tags; the role's policy (infra/tenant-policy.ts) only allows DynamoDB items whose partition
 * key starts with `${province}#${locality}#` and S3 objects under `${province}/${locality}/`. The tags
 * are derived from the verified identity only (or, for a read of history, from the tenant an access
 * check allowed), so a bug in a route cannot reach another tenant's partition: DynamoDB answers
 * AccessDenied. `rollup` is the current province whose roll-up partition the tenant's writes move.
 */
export const sessionTagKeys = ['province', 'locality', 'access', 'reach', 'rollup'] as const;
export type SessionTagKey = (typeof sessionTagKeys)[number];
export type SessionTags = Record<SessionTagKey, string>;

/** `access`: may the session write its own tenant's items at all (viewers: no). */
export const ACCESS_WRITE = 'write';
export const ACCESS_READ = 'read';
/**
 * `reach`: beyond its own tenant, a province session may read its whole province (`province-read`),
 * and a province admin may also write its localities' tenant profile, users and audit partitions
 * (`province-admin`: approving sign-ups, inviting a locality's first admin, opening history).
 */
export const REACH_OWN = 'own';
export const REACH_PROVINCE_READ = 'province-read';
export const REACH_PROVINCE_ADMIN = 'province-admin';

export function sessionTagsFor(identity: Identity): SessionTags {
  const t = tenantOf(identity);
  tenantPrefix(t); // validates both codes: a tag value can never widen the IAM pattern
  return {
    province: t.provinceCode,
    locality: t.localityCode ?? PROVINCE_SCOPE,
    access: can(identity.role, 'tenant:write') ? ACCESS_WRITE : ACCESS_READ,
    reach: reachOf(identity),
    rollup: rollupProvinceOf(t),
  };
}

function reachOf(identity: Identity): string {
  if (can(identity.role, 'province:admin')) return REACH_PROVINCE_ADMIN;
  if (can(identity.role, 'province:read')) return REACH_PROVINCE_READ;
  return REACH_OWN;
}

/**
 * Tags for a session that acts on a tenant other than the identity's own, after the API checked that
 * the identity may (functions/auth/tenant-scope.ts): a successor commune reading its predecessor
 * district (read-only, that tenant only), or the staff of a current province acting on a merged
 * province's tenants (the same reach they have at home, fenced to that old province's prefix).
 */
export function sessionTagsForTarget(identity: Identity, target: TenantRef, intent: 'read' | 'write' = 'read'): SessionTags {
  tenantPrefix(target);
  const provinceWide = identity.localityCode === null;
  return {
    province: target.provinceCode,
    locality: provinceWide ? PROVINCE_SCOPE : (target.localityCode ?? PROVINCE_SCOPE),
    // Reads of history are read-only sessions; only a province admin's data-entry decision writes.
    access: intent === 'write' && provinceWide && can(identity.role, 'tenant:write') ? ACCESS_WRITE : ACCESS_READ,
    reach: provinceWide ? reachOf(identity) : REACH_OWN,
    rollup: rollupProvinceOf(target),
  };
}

/** One cache entry per distinct tag set: every user of a tenant with the same rights shares it. */
export function sessionKey(tags: SessionTags): string {
  return sessionTagKeys.map((k) => tags[k]).join('|');
}

/**
 * STS role session name (≤ 64 chars of `[\w+=,.@-]`): shows the tenant in CloudTrail.
 * e.g. `t-01-00103-write-own`.
 */
export function roleSessionName(tags: SessionTags): string {
  return `t-${tags.province}-${tags.locality}-${tags.access}-${tags.reach}`;
}

/**
 * Who may read which tenant, beside its own (DESIGN.md §5, docs/localities.md):
 * - province staff: every tenant of their province and of the 2025 provinces merged into it;
 * - a commune-level unit: the 2025 district its code lay in (its predecessor), read-only;
 * - nobody else. Pure function of the verified identity and the reference data.
 */
export function mayRead(identity: Identity, target: TenantRef): boolean {
  const own = tenantOf(identity);
  if (own.provinceCode === target.provinceCode && own.localityCode === target.localityCode) return true;
  if (own.localityCode === null) {
    if (!can(identity.role, 'province:read')) return false;
    return target.provinceCode === own.provinceCode || rollupProvinceOf(target) === own.provinceCode;
  }
  if (target.localityCode === null || !/^\d{3}$/.test(target.localityCode)) return false;
  const predecessor = predecessorDistrict(own.localityCode);
  return predecessor?.code === target.localityCode && predecessor.provinceCode === target.provinceCode;
}

/**
 * History: a 2025 district (3-digit code), or the tenant of a 2025 province that merged into
 * another. Read-only since 01/07/2025 unless the province opened it for data entry.
 */
export function isHistoricalTenant(t: TenantRef): boolean {
  if (t.localityCode !== null) return /^\d{3}$/.test(t.localityCode);
  return !findProvince(t.provinceCode);
}

/** True when a session for `target` needs tags other than the identity's own (see sessionTagsForTarget). */
export function needsTargetSession(identity: Identity, target: TenantRef): boolean {
  const own = tenantOf(identity);
  if (own.localityCode === null) return own.provinceCode !== target.provinceCode;
  return own.provinceCode !== target.provinceCode || own.localityCode !== target.localityCode;
}
