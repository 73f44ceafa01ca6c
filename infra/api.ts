import { Aws, Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import * as apigw from 'aws-cdk-lib/aws-apigateway';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import type { Auth } from './auth.js';
import { trustAnchorsEnv, type EnvironmentConfig } from './environments.js';
import { BundledFunction } from './functions.js';
import { acknowledgeWildcardResources } from './nag.js';
import { appRoutes, gatewayRouteKeys } from './routes.js';
import { TENANT_READ_ACTIONS, TENANT_WRITE_ACTIONS } from './tenant-policy.js';
import { TenantDataRole } from './tenant-role.js';

export type ApiProps = {
  config: EnvironmentConfig;
  table: dynamodb.ITableV2;
  auth: Auth;
  /** Archive bucket name (deterministic, see ArchiveBucket.bucketName) and the bucket itself. */
  archiveBucketName: string;
  archive: s3.IBucket;
  version: string;
};

/**
 * Cognito admin actions of the identity directory (functions/identity/cognito-directory.ts: invite,
 * set password, disable, re-enable, sign out everywhere, delete). A test keeps this list equal to the commands
 * the directory sends.
 */
export const COGNITO_ADMIN_ACTIONS = [
  'cognito-idp:AdminCreateUser',
  'cognito-idp:AdminSetUserPassword',
  'cognito-idp:AdminDisableUser',
  'cognito-idp:AdminEnableUser',
  'cognito-idp:AdminUserGlobalSignOut',
  'cognito-idp:AdminDeleteUser',
];

/**
 * S3 actions of the archive (functions/archive/storage.ts): presigned PUT and GET, reading an upload
 * back, CopyObject (GetObject + GetObjectTagging on the source, PutObject on the target) and deleting
 * uploads. A test keeps this list covering the commands the archive sends.
 */
export const ARCHIVE_OBJECT_ACTIONS = ['s3:GetObject', 's3:GetObjectVersion', 's3:GetObjectTagging', 's3:PutObject', 's3:DeleteObject'];

/** The alias API Gateway integrates. */
export const LIVE_ALIAS = 'live';

/**
 * The API: one Lambda function (the Hono app of functions/app.ts through functions/lambda.ts)
 * behind an HTTP API. Routes the app protects with `requireAuth` also get API Gateway's JWT
 * authorizer (issuer = the user pool, audience = the web client); public routes have none.
 */
export class Api extends Construct {
  readonly fn: BundledFunction;
  /** `live`: the alias API Gateway calls; a deploy publishes a version and moves this alias. */
  readonly alias: lambda.Alias;
  readonly httpApi: apigwv2.HttpApi;
  readonly stage: apigwv2.HttpStage;
  readonly role: iam.Role;
  readonly tenantRole: TenantDataRole;
  readonly logGroup: logs.LogGroup;

  constructor(scope: Construct, id: string, props: ApiProps) {
    super(scope, id);
    const { config, table, auth } = props;
    const removalPolicy = config.protect ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;
    const retention = config.logRetentionDays as unknown as logs.RetentionDays;

    this.logGroup = new logs.LogGroup(this, 'FunctionLogs', { retention, removalPolicy });

    // Own role with exactly what the function needs (no managed policies).
    this.role = new iam.Role(this, 'FunctionRole', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: 'Phoi Hop API function',
    });
    this.role.addToPolicy(
      new iam.PolicyStatement({
        sid: 'Logs',
        actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
        resources: [this.logGroup.logGroupArn],
      }),
    );
    // Requests without a tenant (health, sign-up, invitations, operators) use the function's own
    // credentials: item access only, never Scan. Tenant requests use the tenant role below.
    // Per-tenant usage (`USAGE#<yyyy-mm>` items, functions/http/usage.ts: UpdateItem after each tenant
    // request; Query for GET /api/usage) also goes through this statement: those keys lie outside
    // every tenant's LeadingKeys fence on purpose, so a viewer's read-only session is still metered.
    this.role.addToPolicy(
      new iam.PolicyStatement({
        sid: 'TableItems',
        // Transactions are authorized per item action (Put/Update/Delete/ConditionCheckItem, GetItem).
        actions: [...TENANT_READ_ACTIONS, ...TENANT_WRITE_ACTIONS],
        resources: [table.tableArn, `${table.tableArn}/index/*`],
      }),
    );
    this.role.addToPolicy(
      new iam.PolicyStatement({
        sid: 'IdentityDirectory',
        actions: COGNITO_ADMIN_ACTIONS,
        resources: [auth.userPool.userPoolArn],
      }),
    );
    // The archive signs presigned PUT/GET URLs; by name, not reference (the bucket's CORS names the
    // CloudFront URL, which depends on this API: a reference would be a cycle).
    const archiveObjects = `arn:${Aws.PARTITION}:s3:::${props.archiveBucketName}/*`;
    this.role.addToPolicy(
      new iam.PolicyStatement({
        sid: 'ArchiveObjects',
        actions: ARCHIVE_OBJECT_ACTIONS,
        resources: [archiveObjects],
      }),
    );

    acknowledgeWildcardResources(
      this.role,
      [`${table.tableArn}/index/*`],
      'Index ARNs: the function queries the two GSIs of its own table (GSI1, GSI2); no other table or action wildcard.',
    );
    acknowledgeWildcardResources(
      this.role,
      [archiveObjects],
      "Objects of the archive bucket only: the archive capability presigns uploads and downloads with the function's " +
        'credentials until it signs with the tenant credentials (TenantDataRole fences the tenant prefix).',
    );

    this.tenantRole = new TenantDataRole(this, 'TenantData', { table, archive: props.archive, assumedBy: this.role });
    this.role.addToPolicy(
      new iam.PolicyStatement({
        sid: 'AssumeTenantRole',
        actions: ['sts:AssumeRole', 'sts:TagSession'],
        resources: [this.tenantRole.role.roleArn],
      }),
    );

    this.fn = new BundledFunction(this, 'Function', 'api', {
      functionName: `phoi-hop-${config.name}-api`,
      description: `Phoi Hop API (${config.name})`,
      memorySize: config.api.memoryMb,
      timeout: Duration.seconds(config.api.timeoutSeconds),
      role: this.role,
      logGroup: this.logGroup,
      environment: {
        TABLE_NAME: table.tableName,
        AUTH_KIND: 'cognito',
        AUTH_ISSUER: auth.issuer,
        AUTH_AUDIENCE: auth.client.userPoolClientId,
        USER_POOL_ID: auth.userPool.userPoolId,
        TENANT_ROLE_ARN: this.tenantRole.role.roleArn,
        ARCHIVE_BUCKET: props.archiveBucketName,
        APP_VERSION: props.version,
        LOG_REQUESTS: 'true',
        ...trustAnchorsEnv(config.archive.trustAnchorsPem),
      },
    });

    this.httpApi = new apigwv2.HttpApi(this, 'HttpApi', {
      apiName: `phoi-hop-${config.name}`,
      description: `Phoi Hop API (${config.name})`,
      createDefaultStage: false,
    });
    const accessLogs = new logs.LogGroup(this, 'AccessLogs', { retention, removalPolicy });
    this.stage = new apigwv2.HttpStage(this, 'Stage', {
      httpApi: this.httpApi,
      stageName: '$default',
      autoDeploy: true,
      throttle: { rateLimit: config.api.rateLimit, burstLimit: config.api.burstLimit },
      accessLogSettings: {
        destination: new apigwv2.LogGroupLogDestination(accessLogs),
        format: apigw.AccessLogFormat.custom(
          JSON.stringify({
            requestId: '$context.requestId',
            ip: '$context.identity.sourceIp',
            time: '$context.requestTime',
            method: '$context.httpMethod',
            route: '$context.routeKey',
            path: '$context.path',
            status: '$context.status',
            responseLength: '$context.responseLength',
            latencyMs: '$context.responseLatency',
            integrationLatencyMs: '$context.integrationLatency',
            authorizerError: '$context.authorizer.error',
            integrationError: '$context.integrationErrorMessage',
          }),
        ),
      },
    });

    // Every code or configuration change publishes a new version; API Gateway only ever calls the
    // alias, so staging and prod can shift it gradually (infra/progressive.ts) and dev at once.
    this.alias = new lambda.Alias(this, 'Live', { aliasName: LIVE_ALIAS, version: this.fn.currentVersion });

    const integration = new HttpLambdaIntegration('Lambda', this.alias, {
      payloadFormatVersion: apigwv2.PayloadFormatVersion.VERSION_2_0,
    });
    const authorizer = new HttpJwtAuthorizer('Cognito', auth.issuer, {
      authorizerName: 'cognito-id-token',
      jwtAudience: [auth.client.userPoolClientId],
    });
    this.httpApi.addRoutes({ path: '/api/{proxy+}', methods: [apigwv2.HttpMethod.ANY], integration, authorizer });

    const { publicRoutes } = appRoutes();
    const seen = new Set<string>();
    for (const route of publicRoutes) {
      for (const key of gatewayRouteKeys(route)) {
        const routeKey = `${key.method} ${key.path}`;
        if (seen.has(routeKey)) continue;
        seen.add(routeKey);
        const [created] = this.httpApi.addRoutes({
          path: key.path,
          methods: [key.method as apigwv2.HttpMethod],
          integration,
        });
        Validations.of(created!).acknowledge({
          id: 'AwsSolutions-APIG4',
          reason: `Public by design: the app serves ${route.method} ${route.path} without requireAuth (read from the Hono app), e.g. health, auth config, official localities, sign-up.`,
        });
      }
    }
  }
}
