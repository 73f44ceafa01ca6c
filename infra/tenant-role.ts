import { Duration } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { acknowledgeWildcardResources } from './nag.js';
import { sessionTagKeys } from '../shared/tenant-access.js';
import { tenantPolicyStatements } from './tenant-policy.js';

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

    this.statements = tenantPolicyStatements(table.tableArn, (pattern) => archive.arnForObjects(pattern)).map((json) => iam.PolicyStatement.fromJson(json));
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
