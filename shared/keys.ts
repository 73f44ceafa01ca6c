import type { Identity } from './identity.js';

/**
 * Key design. Every partition key (table and index) starts with the tenant's place:
 *   district tenant  `<province>#<district>`   e.g. `19#164`
 *   province tenant  `<province>#P`            e.g. `19#P`
 * so one IAM `dynamodb:LeadingKeys` pattern (`19#164#*`) fences a tenant, and `19#*` spans a
 * province. The tenant part is always derived from the verified identity (`tenantOf`), never from
 * request input. See docs/data-model.md for every access pattern.
 */

export const PROVINCE_SCOPE = 'P';

/** The Vietnam (UTC+7) calendar month `yyyy-mm` of an instant: audit logs are partitioned by it. */
export function auditMonthOf(at: string | Date): string {
  const ms = typeof at === 'string' ? Date.parse(at) : at.getTime();
  return new Date(ms + 7 * 3600_000).toISOString().slice(0, 7);
}

export type TenantRef = { provinceCode: string; districtCode: string | null };

export function tenantPrefix(t: TenantRef): string {
  if (!/^\d{2}$/.test(t.provinceCode)) throw new Error(`bad province code ${t.provinceCode}`);
  if (t.districtCode !== null && !/^\d{3}$/.test(t.districtCode)) throw new Error(`bad district code ${t.districtCode}`);
  return `${t.provinceCode}#${t.districtCode ?? PROVINCE_SCOPE}`;
}

/** The tenant an identity acts for. Operators act for no tenant. */
export function tenantOf(identity: Identity): TenantRef {
  if (!identity.provinceCode) throw new Error('identity has no tenant');
  return { provinceCode: identity.provinceCode, districtCode: identity.districtCode };
}

/** IAM LeadingKeys pattern fencing one tenant (used by infra's scoped role). */
export function leadingKeyPattern(t: TenantRef): string {
  return `${tenantPrefix(t)}#*`;
}

/** IAM LeadingKeys pattern spanning a province (province staff read their districts). */
export function provinceLeadingKeyPattern(provinceCode: string): string {
  return `${provinceCode}#*`;
}

export const keys = {
  /** Tenant profile (status pending/active/rejected) and, through GSI1, the province's tenant list. */
  tenant: (t: TenantRef) => ({
    PK: `${tenantPrefix(t)}#TENANT`,
    SK: 'PROFILE',
    GSI1PK: `${t.provinceCode}#TENANTS`,
    GSI1SK: t.districtCode ?? PROVINCE_SCOPE,
  }),
  /** Users of a tenant: one partition, so the users page is one Query. */
  user: (t: TenantRef, userId: string) => ({ PK: `${tenantPrefix(t)}#USERS`, SK: `USER#${userId}` }),
  usersOf: (t: TenantRef) => ({ PK: `${tenantPrefix(t)}#USERS`, SKPrefix: 'USER#' }),
  /** Agreement record partition: header, items, signing, reviews share it (one Query per page). */
  agreement: (t: TenantRef, id: string) => ({ PK: `${tenantPrefix(t)}#AGR#${id}`, SK: 'A' }),
  /** Agreement list index entry (GSI1 on the header item). */
  agreementList: (t: TenantRef) => ({ GSI1PK: `${tenantPrefix(t)}#AGR` }),
  supervisionPlan: (t: TenantRef, id: string) => ({ PK: `${tenantPrefix(t)}#SUP#${id}`, SK: 'P' }),
  supervisionList: (t: TenantRef) => ({ GSI1PK: `${tenantPrefix(t)}#SUP` }),
  document: (t: TenantRef, id: string) => ({ PK: `${tenantPrefix(t)}#DOC#${id}`, SK: 'D' }),
  documentList: (t: TenantRef) => ({ GSI1PK: `${tenantPrefix(t)}#DOC` }),
  /**
   * Append-only audit, one partition per tenant per month; SK sorts by time (UTC ISO). The month is
   * the Vietnam calendar month (UTC+7), so a day range chosen in Vietnam is always one partition.
   */
  audit: (t: TenantRef, at: string, id: string) => ({ PK: `${tenantPrefix(t)}#AUDIT#${auditMonthOf(at)}`, SK: `${at}#${id}` }),
  /** One small roll-up item per district in the province partition: dashboard = one Query. */
  rollup: (provinceCode: string, districtCode: string) => ({ PK: `${provinceCode}#P#ROLLUP`, SK: `D#${districtCode}` }),
  rollupsOf: (provinceCode: string) => ({ PK: `${provinceCode}#P#ROLLUP` }),
  /** Idempotency record for a create, scoped to the tenant; expires through TTL. */
  idempotency: (t: TenantRef, key: string) => ({ PK: `${tenantPrefix(t)}#IDEMP`, SK: key }),
};

/* Tenancy, users, invitations, audit browse (issue #3). */
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const HASH = /^[0-9a-f]{64}$/;

export const tenancyKeys = {
  /** The province's tenant list (GSI1 of the tenant profiles): sign-ups to approve, its districts. */
  tenantsOfProvince: (provinceCode: string) => {
    if (!/^\d{2}$/.test(provinceCode)) throw new Error(`bad province code ${provinceCode}`);
    return { GSI1PK: `${provinceCode}#TENANTS` };
  },
  /** Users and invitations of a tenant share one partition: the users page is one Query. */
  usersPartition: (t: TenantRef) => ({ PK: `${tenantPrefix(t)}#USERS` }),
  /** An invitation, keyed by the SHA-256 of its secret token (the token itself is never stored). */
  invitation: (t: TenantRef, tokenHash: string) => {
    if (!HASH.test(tokenHash)) throw new Error('bad invitation hash');
    return { PK: `${tenantPrefix(t)}#USERS`, SK: `INVITE#${tokenHash}` };
  },
  /** One month of a tenant's audit log (`yyyy-mm`, UTC month of the event time). */
  auditMonth: (t: TenantRef, month: string) => {
    if (!MONTH.test(month)) throw new Error(`bad month ${month}`);
    return { PK: `${tenantPrefix(t)}#AUDIT#${month}` };
  },
};
