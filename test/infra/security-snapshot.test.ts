import { describe, expect, it } from 'vitest';
import { resources, synth } from './support.js';

/**
 * The prod template's security-relevant properties, as a reviewed snapshot: any change to who may
 * do what, encryption, public access, retention or authorization shows up as a diff in
 * `__snapshots__/prod-security.json` that a reviewer must accept (`npx vitest run -u`).
 * Code asset hashes and descriptions are left out so application changes do not churn it.
 */
function pick(o: Record<string, unknown> | undefined, keys: string[]) {
  return Object.fromEntries(keys.filter((k) => o?.[k] !== undefined).map((k) => [k, o![k]]));
}

describe('prod security snapshot', () => {
  it('matches the reviewed security-relevant properties', async () => {
    const { template } = synth('prod');
    const view: Record<string, unknown> = {};
    const each = (type: string, fn: (r: { Properties: Record<string, any>; [k: string]: any }) => unknown) =>
      Object.fromEntries(Object.entries(resources(template, type)).map(([id, r]) => [id, fn(r)]));
    /** What is kept of a stateful resource: its DeletionPolicy and the listed properties. */
    const stateful = (type: string, properties: string[]) => each(type, (r) => ({ ...pick(r, ['DeletionPolicy']), ...pick(r.Properties, properties) }));

    view.table = each('AWS::DynamoDB::GlobalTable', (r) => ({
      ...pick(r, ['DeletionPolicy', 'UpdateReplacePolicy']),
      SSESpecification: r.Properties.SSESpecification ?? 'AWS owned key (default)',
      Replicas: (r.Properties.Replicas as Record<string, unknown>[]).map((x) => pick(x, ['DeletionProtectionEnabled', 'PointInTimeRecoverySpecification'])),
    }));
    view.buckets = stateful('AWS::S3::Bucket', [
      'PublicAccessBlockConfiguration',
      'BucketEncryption',
      'VersioningConfiguration',
      'ObjectLockEnabled',
      'ObjectLockConfiguration',
      'OwnershipControls',
      'LoggingConfiguration',
      'CorsConfiguration',
    ]);
    view.bucketPolicies = each('AWS::S3::BucketPolicy', (r) => r.Properties.PolicyDocument);
    view.roles = each('AWS::IAM::Role', (r) => pick(r.Properties, ['AssumeRolePolicyDocument', 'ManagedPolicyArns', 'MaxSessionDuration', 'Policies']));
    view.policies = each('AWS::IAM::Policy', (r) => ({ Roles: r.Properties.Roles, PolicyDocument: r.Properties.PolicyDocument }));
    view.authorizers = each('AWS::ApiGatewayV2::Authorizer', (r) => pick(r.Properties, ['AuthorizerType', 'IdentitySource', 'JwtConfiguration']));
    view.routes = Object.fromEntries(
      Object.values(resources(template, 'AWS::ApiGatewayV2::Route'))
        .map((r) => [r.Properties.RouteKey as string, r.Properties.AuthorizationType as string])
        .sort(([a], [b]) => a!.localeCompare(b!)),
    );
    view.stage = each('AWS::ApiGatewayV2::Stage', (r) => pick(r.Properties, ['DefaultRouteSettings']));
    view.userPool = stateful('AWS::Cognito::UserPool', [
      'AdminCreateUserConfig',
      'DeletionProtection',
      'MfaConfiguration',
      'EnabledMfas',
      'Policies',
      'UsernameAttributes',
      'AccountRecoverySetting',
    ]);
    view.userPoolClient = each('AWS::Cognito::UserPoolClient', (r) =>
      pick(r.Properties, [
        'ExplicitAuthFlows',
        'GenerateSecret',
        'PreventUserExistenceErrors',
        'EnableTokenRevocation',
        'ReadAttributes',
        'WriteAttributes',
        'IdTokenValidity',
        'RefreshTokenValidity',
        'TokenValidityUnits',
      ]),
    );
    view.cloudfront = each('AWS::CloudFront::Distribution', (r) => {
      const d = r.Properties.DistributionConfig;
      return {
        ViewerCertificate: d.ViewerCertificate,
        Logging: d.Logging,
        DefaultCacheBehavior: pick(d.DefaultCacheBehavior, ['ViewerProtocolPolicy', 'ResponseHeadersPolicyId']),
        CacheBehaviors: (d.CacheBehaviors as Record<string, unknown>[]).map((b) =>
          pick(b, ['PathPattern', 'ViewerProtocolPolicy', 'ResponseHeadersPolicyId', 'CachePolicyId']),
        ),
        Origins: (d.Origins as Record<string, unknown>[]).map((o) => pick(o, ['OriginAccessControlId', 'CustomOriginConfig', 'S3OriginConfig'])),
      };
    });
    view.cachePolicies = each('AWS::CloudFront::CachePolicy', (r) => r.Properties.CachePolicyConfig);
    view.originAccessControl = each('AWS::CloudFront::OriginAccessControl', (r) => r.Properties.OriginAccessControlConfig);
    view.securityHeaders = each('AWS::CloudFront::ResponseHeadersPolicy', (r) => r.Properties.ResponseHeadersPolicyConfig.SecurityHeadersConfig);
    view.logGroups = each('AWS::Logs::LogGroup', (r) => ({ ...pick(r, ['DeletionPolicy']), ...pick(r.Properties, ['RetentionInDays']) }));
    view.kms = each('AWS::KMS::Key', (r) => pick(r.Properties, ['EnableKeyRotation', 'KeyPolicy']));
    view.sns = each('AWS::SNS::Topic', (r) => pick(r.Properties, ['KmsMasterKeyId']));
    view.snsPolicies = each('AWS::SNS::TopicPolicy', (r) => r.Properties.PolicyDocument);

    await expect(`${JSON.stringify(view, null, 2)}\n`).toMatchFileSnapshot('./__snapshots__/prod-security.json');
  });
});
