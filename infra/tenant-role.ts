import { Duration } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { acknowledgeWildcardResources } from './nag.js';
import { keys, provinceLeadingKeyPattern } from '../shared/keys.js';
import {
  ACCESS_WRITE,
  REACH_PROVINCE_ADMIN,
  REACH_PROVINCE_READ,
  sessionTagKeys,
  type SessionTagKey,
} from '../shared/tenant-access.js';

/** `${aws:PrincipalTag/province}`: the session tag the API set from the verified identity. */
export const tagVar = (k: SessionTagKey) => `\${aws:PrincipalTag/${k}}`;
const P = tagVar('province');
const D = tagVar('district');

/**
 * DynamoDB actions by intent. Transactions need no action of their own: IAM authorizes each item
 * (PutItem, UpdateItem, DeleteItem, ConditionCheckItem; GetItem for TransactGetItems), with its
 * LeadingKeys. No Scan: `ForAllValues` would be vacuously true without a key.
 */
export const TENANT_READ_ACTIONS = ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query', 'dynamodb:ConditionCheckItem'];
export const TENANT_WRITE_ACTIONS = ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem'];

/**
 * The LeadingKeys patterns of the policy, written with session-tag variables. The tenant prefix is
 * `<province>#<district or P>` (shared/keys.ts `tenantPrefix`); the province-wide ones come from the
 * key module itself.
 */
export const leadingKeyPatterns = {
  /** Own tenant: `19#164#*` (district) or `19#P#*` (province). Read, and write when access=write. */
  own: `${P}#${D}#*`,
  /** A district's writes move its row of the province roll-up (`19#P#ROLLUP`, docs/data-model.md). */
  rollup: keys.rollupsOf(P).PK,
  /** Province staff read every district of their province: `19#*`. */
  province: provinceLeadingKeyPattern(P),
  /** A province admin approves sign-ups and invites first admins: districts' profile, users, audit. */
  provinceAdmin: [`${P}#*#TENANT`, `${P}#*#USERS`, `${P}#*#AUDIT#*`],
};

export const archivePrefixPatterns = {
  own: `${P}/${D}/*`,
  province: `${P}/*`,
};

function leading(patterns: string | string[]) {
  return { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': Array.isArray(patterns) ? patterns : [patterns] } };
}

export type TenantDataRoleProps = {
  table: dynamodb.ITableV2;
  archive: s3.IBucket;
  /** The API function's role: the only principal that may assume this role. */
  assumedBy: iam.IRole;
};

/**
 * The role the API uses for every request made on behalf of a tenant. Its policy allows only items
 * and objects under the caller's own prefix (plus the documented province reach), decided by the
 * session tags the API passes to `sts:AssumeRole`. An application bug that builds a key for another
 * tenant gets AccessDenied from DynamoDB or S3.
 */
export class TenantDataRole extends Construct {
  readonly role: iam.Role;
  readonly statements: iam.PolicyStatement[];

  constructor(scope: Construct, id: string, props: TenantDataRoleProps) {
    super(scope, id);
    const { table, archive } = props;

    // Only the API role, and only with exactly our session tags, all present.
    const tagsPresent = Object.fromEntries(sessionTagKeys.map((k) => [`aws:RequestTag/${k}`, 'false']));
    this.role = new iam.Role(this, 'Role', {
      description: 'Phoi Hop API: tenant-scoped access (DynamoDB LeadingKeys and S3 prefix by session tags)',
      assumedBy: new iam.PrincipalWithConditions(new iam.ArnPrincipal(props.assumedBy.roleArn), {
        Null: tagsPresent,
        'ForAllValues:StringEquals': { 'aws:TagKeys': [...sessionTagKeys] },
      }).withSessionTags(),
      maxSessionDuration: Duration.hours(1),
    });

    const tableResources = [table.tableArn, `${table.tableArn}/index/*`];
    const objects = (pattern: string) => archive.arnForObjects(pattern);
    const writer = { StringEquals: { [`aws:PrincipalTag/access`]: ACCESS_WRITE } };
    const provinceReader = { StringEquals: { [`aws:PrincipalTag/reach`]: [REACH_PROVINCE_READ, REACH_PROVINCE_ADMIN] } };
    const provinceAdmin = { StringEquals: { [`aws:PrincipalTag/reach`]: REACH_PROVINCE_ADMIN, [`aws:PrincipalTag/access`]: ACCESS_WRITE } };

    this.statements = [
      new iam.PolicyStatement({
        sid: 'OwnTenantRead',
        actions: TENANT_READ_ACTIONS,
        resources: tableResources,
        conditions: leading(leadingKeyPatterns.own),
      }),
      new iam.PolicyStatement({
        sid: 'OwnTenantWrite',
        actions: TENANT_WRITE_ACTIONS,
        resources: [table.tableArn],
        conditions: { ...leading(leadingKeyPatterns.own), ...writer },
      }),
      new iam.PolicyStatement({
        sid: 'ProvinceRollupWrite',
        actions: ['dynamodb:UpdateItem', 'dynamodb:PutItem'],
        resources: [table.tableArn],
        conditions: { ...leading(leadingKeyPatterns.rollup), ...writer },
      }),
      new iam.PolicyStatement({
        sid: 'ProvinceRead',
        actions: TENANT_READ_ACTIONS,
        resources: tableResources,
        conditions: { ...leading(leadingKeyPatterns.province), ...provinceReader },
      }),
      new iam.PolicyStatement({
        sid: 'ProvinceAdminTenancyWrite',
        actions: TENANT_WRITE_ACTIONS,
        resources: [table.tableArn],
        conditions: { ...leading(leadingKeyPatterns.provinceAdmin), ...provinceAdmin },
      }),
      new iam.PolicyStatement({
        sid: 'OwnArchiveRead',
        actions: ['s3:GetObject', 's3:GetObjectVersion'],
        resources: [objects(archivePrefixPatterns.own)],
      }),
      new iam.PolicyStatement({
        sid: 'OwnArchiveWrite',
        actions: ['s3:PutObject', 's3:DeleteObject'],
        resources: [objects(archivePrefixPatterns.own)],
        conditions: writer,
      }),
      new iam.PolicyStatement({
        sid: 'ProvinceArchiveRead',
        actions: ['s3:GetObject', 's3:GetObjectVersion'],
        resources: [objects(archivePrefixPatterns.province)],
        conditions: provinceReader,
      }),
    ];
    const policy = new iam.Policy(this, 'Policy', { statements: this.statements });
    policy.attachToRole(this.role);

    acknowledgeWildcardResources(
      policy,
      this.statements.flatMap((st) => st.resources),
      'Tenant fence: each wildcard is the tail of a prefix built from session tags the API sets from the verified identity ' +
        '(province/district), so it spans one tenant or the documented province reach; table/index/* lets the same ' +
        'LeadingKeys conditions cover index queries.',
    );
  }
}
