import type { Identity } from './identity.js';
import { PROVINCE_SCOPE, tenantOf, tenantPrefix } from './keys.js';
import { can } from './roles.js';

/**
 * Tenant isolation at IAM level (issue #8). After authentication the API assumes the tenant-data
 * role with these session tags; the role's policy (infra/tenant-role.ts) only allows DynamoDB items
 * whose partition key starts with `${province}#${district}#` and S3 objects under
 * `${province}/${district}/`. The tags are derived from the verified identity only, so a bug in a
 * route cannot reach another tenant's partition: DynamoDB answers AccessDenied.
 */
export const sessionTagKeys = ['province', 'district', 'access', 'reach'] as const;
export type SessionTagKey = (typeof sessionTagKeys)[number];
export type SessionTags = Record<SessionTagKey, string>;

/** `access`: may the session write its own tenant's items at all (viewers: no). */
export const ACCESS_WRITE = 'write';
export const ACCESS_READ = 'read';
/**
 * `reach`: beyond its own tenant, a province session may read its whole province (`province-read`),
 * and a province admin may also write its districts' tenant profile, users and audit partitions
 * (`province-admin`: approving sign-ups, inviting a district's first admin).
 */
export const REACH_OWN = 'own';
export const REACH_PROVINCE_READ = 'province-read';
export const REACH_PROVINCE_ADMIN = 'province-admin';

export function sessionTagsFor(identity: Identity): SessionTags {
  const t = tenantOf(identity);
  tenantPrefix(t); // validates both codes: a tag value can never widen the IAM pattern
  return {
    province: t.provinceCode,
    district: t.districtCode ?? PROVINCE_SCOPE,
    access: can(identity.role, 'tenant:write') ? ACCESS_WRITE : ACCESS_READ,
    reach: can(identity.role, 'province:admin')
      ? REACH_PROVINCE_ADMIN
      : can(identity.role, 'province:read')
        ? REACH_PROVINCE_READ
        : REACH_OWN,
  };
}

/** One cache entry per distinct tag set: every user of a tenant with the same rights shares it. */
export function sessionKey(tags: SessionTags): string {
  return sessionTagKeys.map((k) => tags[k]).join('|');
}

/**
 * STS role session name (≤ 64 chars of `[\w+=,.@-]`): shows the tenant in CloudTrail.
 * e.g. `t-19-164-write-own`.
 */
export function roleSessionName(tags: SessionTags): string {
  return `t-${tags.province}-${tags.district}-${tags.access}-${tags.reach}`;
}
