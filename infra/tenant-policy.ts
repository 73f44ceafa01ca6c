import { keys, provinceLeadingKeyPattern } from '../shared/keys.js';
import { ACCESS_WRITE, REACH_PROVINCE_ADMIN, REACH_PROVINCE_READ, type SessionTagKey } from '../shared/tenant-access.js';

/**
 * The tenant-data role's policy as plain IAM JSON (no CDK here): infra/tenant-role.ts attaches it,
 * and the test harness enforces the very same statements in front of DynamoDB Local
 * (test/support/iam-fence.ts), so every API test proves its calls pass the fence.
 */

/** `${aws:PrincipalTag/province}`: the session tag the API set from the verified identity. */
export const tagVar = (k: SessionTagKey) => `\${aws:PrincipalTag/${k}}`;
const P = tagVar('province');
const D = tagVar('locality');
const R = tagVar('rollup');

/**
 * DynamoDB actions by intent. Transactions need no action of their own: IAM authorizes each item
 * (PutItem, UpdateItem, DeleteItem, ConditionCheckItem; GetItem for TransactGetItems), with its
 * LeadingKeys. No Scan: `ForAllValues` would be vacuously true without a key.
 */
export const TENANT_READ_ACTIONS = ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query', 'dynamodb:ConditionCheckItem'];
export const TENANT_WRITE_ACTIONS = ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem'];

/**
 * The LeadingKeys patterns, written with session-tag variables. The tenant prefix is
 * `<province>#<district or P>` (shared/keys.ts `tenantPrefix`); the province-wide ones come from the
 * key module itself.
 */
export const leadingKeyPatterns = {
  /** Own tenant: `01#00103#*` (commune-level), `01#003#*` (district, history) or `19#P#*` (province). */
  own: `${P}#${D}#*`,
  /** A tenant's writes move its row of the current province's roll-up (`19#P#ROLLUP`, docs/data-model.md). */
  rollup: keys.rollupsOf(R).PK,
  /** Province staff read every locality of their province: `19#*`. */
  province: provinceLeadingKeyPattern(P),
  /** A province admin approves sign-ups and invites first admins: localities' profile, users, audit. */
  provinceAdmin: [`${P}#*#TENANT`, `${P}#*#USERS`, `${P}#*#AUDIT#*`],
  /** Every user of a tenant, viewers too, marks their notifications read, sets preferences and follows records. */
  personal: [`${P}#${D}#NOTIF#*`, `${P}#${D}#FOLLOW#*`],
};

/** Archive object keys (shared/keys.ts `s3Keys`): originals `01/00103/…`, uploads `incoming/01/00103/…`. */
export const archivePrefixPatterns = {
  own: `${P}/${D}/*`,
  incoming: `incoming/${P}/${D}/*`,
  province: `${P}/*`,
};

export type PolicyStatementJson = {
  Sid: string;
  Effect: 'Allow';
  Action: string[];
  Resource: string[];
  Condition?: Record<string, Record<string, string | string[]>>;
};

function leading(patterns: string | string[]) {
  return { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': Array.isArray(patterns) ? patterns : [patterns] } };
}

/**
 * @param tableArn the table's ARN (its indexes are `${tableArn}/index/*`)
 * @param objectArn ARN of archive objects matching a key pattern (`arn:aws:s3:::bucket/<pattern>`)
 */
export function tenantPolicyStatements(tableArn: string, objectArn: (pattern: string) => string): PolicyStatementJson[] {
  const table = [tableArn];
  const tableAndIndexes = [tableArn, `${tableArn}/index/*`];
  const writer = { StringEquals: { 'aws:PrincipalTag/access': ACCESS_WRITE } };
  const provinceReader = { StringEquals: { 'aws:PrincipalTag/reach': [REACH_PROVINCE_READ, REACH_PROVINCE_ADMIN] } };
  const provinceAdmin = { StringEquals: { 'aws:PrincipalTag/reach': REACH_PROVINCE_ADMIN, 'aws:PrincipalTag/access': ACCESS_WRITE } };
  const allow = (Sid: string, Action: string[], Resource: string[], Condition?: PolicyStatementJson['Condition']): PolicyStatementJson => ({
    Sid,
    Effect: 'Allow',
    Action,
    Resource,
    ...(Condition ? { Condition } : {}),
  });
  return [
    allow('OwnTenantRead', TENANT_READ_ACTIONS, tableAndIndexes, leading(leadingKeyPatterns.own)),
    allow('OwnTenantWrite', TENANT_WRITE_ACTIONS, table, { ...leading(leadingKeyPatterns.own), ...writer }),
    allow('OwnPersonalWrite', ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem'], table, leading(leadingKeyPatterns.personal)),
    allow('ProvinceRollupWrite', ['dynamodb:UpdateItem', 'dynamodb:PutItem'], table, { ...leading(leadingKeyPatterns.rollup), ...writer }),
    allow('ProvinceRead', TENANT_READ_ACTIONS, tableAndIndexes, { ...leading(leadingKeyPatterns.province), ...provinceReader }),
    allow('ProvinceAdminTenancyWrite', TENANT_WRITE_ACTIONS, table, { ...leading(leadingKeyPatterns.provinceAdmin), ...provinceAdmin }),
    // Originals and the tenant's own upload area; uploads are read back (hash, sniff) and copied.
    allow(
      'OwnArchiveRead',
      ['s3:GetObject', 's3:GetObjectVersion', 's3:GetObjectTagging'],
      [objectArn(archivePrefixPatterns.own), objectArn(archivePrefixPatterns.incoming)],
    ),
    allow('OwnArchiveWrite', ['s3:PutObject'], [objectArn(archivePrefixPatterns.own), objectArn(archivePrefixPatterns.incoming)], writer),
    // Only uploads are ever deleted; stored originals never (versioned, locked in prod).
    allow('OwnUploadDelete', ['s3:DeleteObject'], [objectArn(archivePrefixPatterns.incoming)], writer),
    allow('ProvinceArchiveRead', ['s3:GetObject', 's3:GetObjectVersion'], [objectArn(archivePrefixPatterns.province)], provinceReader),
  ];
}
