import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ARCHIVE_OBJECT_ACTIONS, COGNITO_ADMIN_ACTIONS } from '../../infra/api.js';
import { repoRoot } from '../../infra/functions.js';
import { describe, expect, it } from 'vitest';
import { environments, type EnvironmentName } from '../../infra/environments.js';
import { claimNames } from '../../shared/identity.js';
import { s3Keys } from '../../shared/keys.js';
import { sessionTagKeys } from '../../shared/tenant-access.js';
import { acknowledgements, apiFunction, findingsWithoutAcknowledgements, logicalIdOf, onlyResource, resources, synth, synthBeforeAll } from './support.js';

const envNames = Object.keys(environments) as EnvironmentName[];

describe.each(envNames)('stack for %s', (env) => {
  const config = environments[env];
  const s = synthBeforeAll(env);

  it('synthesizes offline: no lookups, no account, region pinned', () => {
    expect(s.assembly.manifest.missing ?? []).toEqual([]);
    expect(s.stack.region).toBe('ap-southeast-1');
    expect(s.stack.stackName).toBe(`PhoiHop-${env}`);
  });

  it('names every resource after the environment', () => {
    s.template.hasResourceProperties('AWS::DynamoDB::GlobalTable', { TableName: `phoi-hop-${env}` });
    s.template.hasResourceProperties('AWS::Lambda::Function', { FunctionName: `phoi-hop-${env}-api` });
    s.template.hasResourceProperties('AWS::Cognito::UserPool', { UserPoolName: `phoi-hop-${env}` });
    s.template.hasResourceProperties('AWS::ApiGatewayV2::Api', { Name: `phoi-hop-${env}` });
    s.template.hasResourceProperties('AWS::S3::Bucket', {
      BucketName: { 'Fn::Join': ['', [`phoi-hop-${env}-archive-`, { Ref: 'AWS::AccountId' }, '-', { Ref: 'AWS::Region' }]] },
    });
  });

  it('runs the API on nodejs22.x arm64 with the sizes and environment of this stage', () => {
    const fn = apiFunction(s.template);
    expect(fn.Properties).toMatchObject({
      Runtime: 'nodejs22.x',
      Architectures: ['arm64'],
      Handler: 'index.handler',
      MemorySize: config.api.memoryMb,
      Timeout: config.api.timeoutSeconds,
    });
    const vars = fn.Properties.Environment.Variables;
    expect(vars).toMatchObject({
      AUTH_KIND: 'cognito',
      TABLE_NAME: { Ref: logicalIdOf(s.stack.table.table) },
      USER_POOL_ID: { Ref: logicalIdOf(s.stack.auth.userPool) },
      AUTH_AUDIENCE: { Ref: logicalIdOf(s.stack.auth.client) },
      AUTH_ISSUER: { 'Fn::Join': ['', ['https://cognito-idp.ap-southeast-1.amazonaws.com/', { Ref: logicalIdOf(s.stack.auth.userPool) }]] },
      TENANT_ROLE_ARN: { 'Fn::GetAtt': [logicalIdOf(s.stack.api.tenantRole.role), 'Arn'] },
      ARCHIVE_BUCKET: { 'Fn::Join': ['', [`phoi-hop-${env}-archive-`, { Ref: 'AWS::AccountId' }, '-', { Ref: 'AWS::Region' }]] },
      APP_VERSION: 'unversioned',
    });
    // Its log group keeps logs for this stage's retention.
    const logGroupId = fn.Properties.LoggingConfig.LogGroup.Ref as string;
    expect(resources(s.template, 'AWS::Logs::LogGroup')[logGroupId]!.Properties.RetentionInDays).toBe(config.logRetentionDays);
  });

  it('throttles the HTTP API stage and writes its access log with the stage retention', () => {
    const stage = onlyResource(s.template, 'AWS::ApiGatewayV2::Stage');
    expect(stage.Properties).toMatchObject({
      StageName: '$default',
      DefaultRouteSettings: { ThrottlingRateLimit: config.api.rateLimit, ThrottlingBurstLimit: config.api.burstLimit },
    });
    const accessLogId = stage.Properties.AccessLogSettings.DestinationArn['Fn::GetAtt'][0] as string;
    expect(resources(s.template, 'AWS::Logs::LogGroup')[accessLogId]!.Properties.RetentionInDays).toBe(config.logRetentionDays);
    expect(JSON.parse(stage.Properties.AccessLogSettings.Format)).toMatchObject({ requestId: '$context.requestId', status: '$context.status' });
  });

  it('puts the Cognito JWT authorizer on protected routes and none on public ones', () => {
    const authorizer = onlyResource(s.template, 'AWS::ApiGatewayV2::Authorizer');
    expect(authorizer.Properties).toMatchObject({
      AuthorizerType: 'JWT',
      IdentitySource: ['$request.header.Authorization'],
      JwtConfiguration: {
        Audience: [{ Ref: logicalIdOf(s.stack.auth.client) }],
        Issuer: { 'Fn::Join': ['', ['https://cognito-idp.ap-southeast-1.amazonaws.com/', { Ref: logicalIdOf(s.stack.auth.userPool) }]] },
      },
    });
    const routes = Object.fromEntries(Object.values(resources(s.template, 'AWS::ApiGatewayV2::Route')).map((r) => [r.Properties.RouteKey, r.Properties]));
    expect(routes['ANY /api/{proxy+}']).toMatchObject({ AuthorizationType: 'JWT', AuthorizerId: { Ref: authorizer.logicalId } });
    for (const key of ['GET /api/health', 'GET /api/config', 'GET /api/localities', 'GET /api/localities/{p1}']) {
      expect(routes[key], key).toMatchObject({ AuthorizationType: 'NONE' });
    }
    // /api/me is protected by requireAuth in the app, so it has no public route of its own.
    expect(Object.keys(routes).filter((k) => k.includes('/api/me'))).toEqual([]);
  });

  it('signs users in by e-mail with the tenant claims, which users cannot write themselves', () => {
    const pool = onlyResource(s.template, 'AWS::Cognito::UserPool');
    expect(pool.Properties).toMatchObject({
      UsernameAttributes: ['email'],
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
      Policies: { PasswordPolicy: { MinimumLength: 12, RequireLowercase: true, RequireUppercase: true, RequireNumbers: true, RequireSymbols: true } },
    });
    const schemaNames = (pool.Properties.Schema as { Name: string }[]).map((a) => a.Name);
    for (const claim of Object.values(claimNames)) expect(schemaNames).toContain(claim.replace('custom:', ''));

    const client = onlyResource(s.template, 'AWS::Cognito::UserPoolClient');
    expect(client.Properties.GenerateSecret).toBe(false);
    expect(client.Properties.ExplicitAuthFlows).toEqual(expect.arrayContaining(['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH']));
    expect(client.Properties.ReadAttributes).toEqual(expect.arrayContaining(Object.values(claimNames)));
    expect((client.Properties.WriteAttributes as string[]).filter((a) => a.startsWith('custom:'))).toEqual([]);
    expect(client.Properties.RefreshTokenValidity).toBe(config.refreshTokenDays * 24 * 60);
  });

  it('keeps the archive private, encrypted, versioned, SSL-only, with lifecycle and CORS for the web origin', () => {
    const archiveId = logicalIdOf(s.stack.archive.bucket);
    const bucket = resources(s.template, 'AWS::S3::Bucket')[archiveId]!;
    expect(bucket.Properties).toMatchObject({
      PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
      BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] },
      VersioningConfiguration: { Status: 'Enabled' },
      LoggingConfiguration: { DestinationBucketName: { Ref: logicalIdOf(s.stack.logs.bucket) }, LogFilePrefix: 's3/archive/' },
    });
    const rules = bucket.Properties.LifecycleConfiguration.Rules as { Id: string }[];
    expect(rules.map((r) => r.Id)).toEqual(expect.arrayContaining(['abort-incomplete-uploads', 'infrequent-access']));
    const cors = bucket.Properties.CorsConfiguration.CorsRules[0];
    expect(cors.AllowedMethods).toEqual(expect.arrayContaining(['PUT', 'GET']));
    expect(cors.AllowedOrigins).toEqual([{ 'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [logicalIdOf(s.stack.web.distribution), 'DomainName'] }]] }]);
    // Uploads land in incoming/ (shared/keys.ts s3Keys.incoming) and expire if never completed.
    expect(rules).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          Id: 'expire-incoming',
          Prefix: `${s3Keys.incoming({ provinceCode: '19', localityCode: '164' }, 'u').split('/')[0]}/`,
          ExpirationInDays: 2,
        }),
      ]),
    );
    const archivePolicy = Object.values(resources(s.template, 'AWS::S3::BucketPolicy')).find((p) => p.Properties.Bucket.Ref === archiveId)!;
    const worm = (archivePolicy.Properties.PolicyDocument.Statement as { Sid?: string }[]).find((st) => st.Sid === 'OriginalsAreNeverDestroyed');
    if (config.archive.worm) {
      expect(bucket.Properties.ObjectLockEnabled).toBe(true);
      expect(bucket.Properties.ObjectLockConfiguration).toBeUndefined(); // no default retention: see environments.ts
      expect(worm).toMatchObject({ Effect: 'Deny', Principal: { AWS: '*' }, Action: ['s3:DeleteObjectVersion', 's3:BypassGovernanceRetention'] });
      // The deny covers every original (keys start with a province code) and never the upload area.
      const patterns = (worm as unknown as { Resource: { 'Fn::Join': [string, unknown[]] }[] }).Resource.map((r) => String(r['Fn::Join'][1].at(-1)));
      const original = s3Keys.object({ provinceCode: '19', localityCode: '164' }, 'D1', 1, 'U1');
      expect(patterns.some((p) => original.startsWith(p.replace(/^\//, '').replace(/\*$/, '')))).toBe(true);
      expect(patterns.some((p) => 'incoming/19/164/U1'.startsWith(p.replace(/^\//, '').replace(/\*$/, '')))).toBe(false);
      expect(bucket.Properties.VersioningConfiguration).toEqual({ Status: 'Enabled' });
    } else {
      expect(bucket.Properties.ObjectLockEnabled).toBeUndefined();
      expect(worm).toBeUndefined();
    }
    // Every bucket refuses plain HTTP.
    for (const [id, policy] of Object.entries(resources(s.template, 'AWS::S3::BucketPolicy'))) {
      expect(policy.Properties.PolicyDocument.Statement, id).toEqual(
        expect.arrayContaining([expect.objectContaining({ Effect: 'Deny', Action: 's3:*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]),
      );
    }
  });

  it('serves the web app through CloudFront with origin access control, security headers, SPA fallback and /api/*', () => {
    const dist = onlyResource(s.template, 'AWS::CloudFront::Distribution').Properties.DistributionConfig;
    const headersId = logicalIdOf(s.stack.web.headers);
    expect(dist.Origins.find((o: { S3OriginConfig?: unknown }) => o.S3OriginConfig)).toMatchObject({
      OriginAccessControlId: { 'Fn::GetAtt': [expect.any(String), 'Id'] },
    });
    expect(dist.DefaultCacheBehavior).toMatchObject({
      ViewerProtocolPolicy: 'redirect-to-https',
      ResponseHeadersPolicyId: { Ref: headersId },
      FunctionAssociations: [{ EventType: 'viewer-request' }],
    });
    const api = dist.CacheBehaviors.find((b: { PathPattern: string }) => b.PathPattern === '/api/*');
    expect(api).toMatchObject({
      CachePolicyId: { Ref: logicalIdOf(s.stack.web.apiCachePolicy) },
      OriginRequestPolicyId: 'b689b0a8-53d0-40ab-baf2-68738e2966ac', // Managed-AllViewerExceptHostHeader
      AllowedMethods: expect.arrayContaining(['POST', 'PUT', 'PATCH', 'DELETE']),
      ResponseHeadersPolicyId: { Ref: headersId },
    });
    expect(dist.CustomErrorResponses).toBeUndefined(); // API 404s stay problem+json
    // GET /api/me must reach the JWT authorizer with its Authorization header, and nothing is cached.
    const apiCache = onlyResource(s.template, 'AWS::CloudFront::CachePolicy').Properties.CachePolicyConfig;
    expect(apiCache).toMatchObject({
      DefaultTTL: 0,
      MinTTL: 0,
      MaxTTL: 1,
      ParametersInCacheKeyAndForwardedToOrigin: {
        HeadersConfig: { HeaderBehavior: 'whitelist', Headers: ['Authorization'] },
        QueryStringsConfig: { QueryStringBehavior: 'all' },
        CookiesConfig: { CookieBehavior: 'none' },
      },
    });
    const headers = onlyResource(s.template, 'AWS::CloudFront::ResponseHeadersPolicy').Properties.ResponseHeadersPolicyConfig.SecurityHeadersConfig;
    expect(headers).toMatchObject({
      StrictTransportSecurity: { AccessControlMaxAgeSec: 730 * 86400, IncludeSubdomains: true, Override: true },
      ContentTypeOptions: { Override: true },
      FrameOptions: { FrameOption: 'DENY' },
    });
    const csp = JSON.stringify(headers.ContentSecurityPolicy.ContentSecurityPolicy);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain('https://cognito-idp.ap-southeast-1.amazonaws.com');
    // The web bucket is readable only by this distribution.
    const webPolicy = Object.values(resources(s.template, 'AWS::S3::BucketPolicy')).find((p) => p.Properties.Bucket.Ref === logicalIdOf(s.stack.web.bucket))!;
    expect(webPolicy.Properties.PolicyDocument.Statement).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          Effect: 'Allow',
          Principal: { Service: 'cloudfront.amazonaws.com' },
          Action: 's3:GetObject',
          Condition: { StringEquals: { 'AWS:SourceArn': expect.anything() } },
        }),
      ]),
    );
  });

  it('lets only the API role assume the tenant role, and only with all session tags', () => {
    const role = resources(s.template, 'AWS::IAM::Role')[logicalIdOf(s.stack.api.tenantRole.role)]!;
    const [statement] = role.Properties.AssumeRolePolicyDocument.Statement;
    expect(statement).toMatchObject({
      Effect: 'Allow',
      Action: ['sts:AssumeRole', 'sts:TagSession'],
      Principal: { AWS: { 'Fn::GetAtt': [logicalIdOf(s.stack.api.role), 'Arn'] } },
      Condition: {
        Null: Object.fromEntries(sessionTagKeys.map((k) => [`aws:RequestTag/${k}`, 'false'])),
        'ForAllValues:StringEquals': { 'aws:TagKeys': [...sessionTagKeys] },
      },
    });
    expect(role.Properties.MaxSessionDuration).toBe(3600);
  });

  it('grants the API function Cognito admin actions on its own pool only', () => {
    const policy = resources(s.template, 'AWS::IAM::Policy');
    const fnPolicy = Object.values(policy).find((p) => p.Properties.Roles.some((r: { Ref: string }) => r.Ref === logicalIdOf(s.stack.api.role)))!;
    const cognito = fnPolicy.Properties.PolicyDocument.Statement.find((st: { Sid?: string }) => st.Sid === 'IdentityDirectory');
    expect(cognito.Action).toEqual(COGNITO_ADMIN_ACTIONS);
    expect(cognito.Resource).toEqual({ 'Fn::GetAtt': [logicalIdOf(s.stack.auth.userPool), 'Arn'] });
    const actions = fnPolicy.Properties.PolicyDocument.Statement.flatMap((st: { Action: string | string[] }) => st.Action);
    expect(actions).not.toContain('dynamodb:Scan');
    expect(actions.filter((a: string) => a.endsWith(':*'))).toEqual([]);
  });

  it(config.protect ? 'protects prod data: retain, deletion protection, PITR' : 'lets the stage be torn down', () => {
    const table = onlyResource(s.template, 'AWS::DynamoDB::GlobalTable');
    const pool = onlyResource(s.template, 'AWS::Cognito::UserPool');
    const archive = resources(s.template, 'AWS::S3::Bucket')[logicalIdOf(s.stack.archive.bucket)]!;
    expect(table.Properties.Replicas[0].PointInTimeRecoverySpecification).toEqual({ PointInTimeRecoveryEnabled: true });
    if (config.protect) {
      expect(table.DeletionPolicy).toBe('Retain');
      expect(table.Properties.Replicas[0].DeletionProtectionEnabled).toBe(true);
      expect(pool.DeletionPolicy).toBe('Retain');
      expect(pool.Properties.DeletionProtection).toBe('ACTIVE');
      expect(archive.DeletionPolicy).toBe('Retain');
      for (const lg of Object.values(resources(s.template, 'AWS::Logs::LogGroup'))) expect(lg.DeletionPolicy).toBe('Retain');
    } else {
      expect(table.DeletionPolicy).toBe('Delete');
      expect(pool.DeletionPolicy).toBe('Delete');
      expect(archive.DeletionPolicy).toBe('Delete');
    }
  });

  it(config.alarms ? 'alarms to an encrypted SNS topic' : 'has no alarms (dev)', () => {
    const alarms = Object.values(resources(s.template, 'AWS::CloudWatch::Alarm'));
    if (!config.alarms) {
      expect(alarms).toEqual([]);
      s.template.resourceCountIs('AWS::SNS::Topic', 0);
      return;
    }
    const topic = onlyResource(s.template, 'AWS::SNS::Topic');
    expect(topic.Properties.KmsMasterKeyId).toEqual({ 'Fn::GetAtt': [expect.any(String), 'Arn'] });
    s.template.hasResourceProperties('AWS::KMS::Key', { EnableKeyRotation: true });
    expect(alarms.map((a) => a.Properties.AlarmName).sort()).toEqual(
      [
        'Api5xx',
        'ApiLatencyP99',
        'FunctionErrors',
        'FunctionThrottles',
        'RemindersFailed',
        'RemindersParked',
        'TableSystemErrors',
        'TableThrottles',
        'UsageFailed',
      ].map((n) => `phoi-hop-${env}-${n}`),
    );
    for (const a of alarms) expect(a.Properties.AlarmActions).toEqual([{ Ref: topic.logicalId }]);
  });

  it('passes cdk-nag AWS Solutions with no unacknowledged finding, and CDK has no warning', () => {
    // synth() would have thrown on an unacknowledged error; warnings must be acknowledged too.
    expect(s.violations()).toEqual([]);
    const messages = s.assembly.getStackByName(s.stack.stackName).messages;
    expect(messages.filter((m) => m.level !== 'info').map((m) => `${m.level} ${m.id} ${String(m.entry.data)}`)).toEqual([]);
  });

  it('acknowledges exactly the findings cdk-nag reports, each with a reason', () => {
    const acks = acknowledgements(s.app);
    for (const a of acks) {
      expect(typeof a.reason, a.id).toBe('string');
      expect((a.reason as string).trim().length, `${a.path} ${a.id}`).toBeGreaterThanOrEqual(40);
    }
    const nagAcks = new Set(acks.filter((a) => a.id.startsWith('AwsSolutions-')).map((a) => a.id));
    const findings = new Set(
      findingsWithoutAcknowledgements(env)
        .filter((f) => f.plugin === 'AwsSolutions')
        .map((f) => f.rule),
    );
    expect([...nagAcks].sort()).toEqual([...findings].sort());
  });
});

describe('the function role grants what the code sends', () => {
  const source = (path: string) => readFileSync(join(repoRoot, path), 'utf8');
  const commandsIn = (code: string) => [...new Set([...code.matchAll(/new (?:\w+\.)?(\w+)Command\(/g)].map((m) => m[1]!))].sort();

  it('Cognito: exactly the admin commands of the identity directory', () => {
    const used = commandsIn(source('functions/identity/cognito-directory.ts')).map((c) => `cognito-idp:${c}`);
    expect(used.length).toBeGreaterThan(0);
    expect([...COGNITO_ADMIN_ACTIONS].sort()).toEqual(used);
  });

  it('S3: every command of the archive storage, on the archive objects', () => {
    const needs: Record<string, string[]> = {
      GetObject: ['s3:GetObject'],
      PutObject: ['s3:PutObject'],
      CopyObject: ['s3:GetObject', 's3:GetObjectTagging', 's3:PutObject'],
      DeleteObject: ['s3:DeleteObject'],
    };
    const used = commandsIn(source('functions/archive/storage.ts'));
    expect(used.length).toBeGreaterThan(0);
    for (const c of used) {
      expect(needs[c], `unknown S3 command ${c}: add its IAM actions here and in ARCHIVE_OBJECT_ACTIONS`).toBeDefined();
      expect(ARCHIVE_OBJECT_ACTIONS).toEqual(expect.arrayContaining(needs[c]!));
    }
  });
});

describe('stack options from context', () => {
  it('takes the region from context, never from the CLI fallback CDK_DEFAULT_REGION', () => {
    const saved = process.env.CDK_DEFAULT_REGION;
    process.env.CDK_DEFAULT_REGION = 'us-east-1'; // what `cdk synth` sets without an AWS profile
    try {
      expect(synth('dev').stack.region).toBe('ap-southeast-1');
      expect(synth('dev', { context: { region: 'ap-southeast-7' } }).stack.region).toBe('ap-southeast-7');
    } finally {
      if (saved === undefined) delete process.env.CDK_DEFAULT_REGION;
      else process.env.CDK_DEFAULT_REGION = saved;
    }
  });

  it('serves a custom domain with TLS 1.2+ and allows it in the archive CORS rule', () => {
    const certificateArn = 'arn:aws:acm:us-east-1:111122223333:certificate/0d1e2f3a-4b5c-6d7e-8f90-a1b2c3d4e5f6';
    const s = synth('prod', { context: { domainName: 'phoihop.example.gov.vn', certificateArn, version: 'abc1234' } });
    const dist = onlyResource(s.template, 'AWS::CloudFront::Distribution').Properties.DistributionConfig;
    expect(dist.Aliases).toEqual(['phoihop.example.gov.vn']);
    expect(dist.ViewerCertificate).toEqual({ AcmCertificateArn: certificateArn, MinimumProtocolVersion: 'TLSv1.2_2021', SslSupportMethod: 'sni-only' });
    const archive = resources(s.template, 'AWS::S3::Bucket')[logicalIdOf(s.stack.archive.bucket)]!;
    expect(archive.Properties.CorsConfiguration.CorsRules[0].AllowedOrigins).toContain('https://phoihop.example.gov.vn');
    expect(apiFunction(s.template).Properties.Environment.Variables.APP_VERSION).toBe('abc1234');
    expect(s.violations()).toEqual([]);
    expect(acknowledgements(s.app).map((a) => a.id)).not.toContain('AwsSolutions-CFR4');
  });

  it('refuses a certificate outside us-east-1 and an unknown environment', () => {
    expect(() => synth('prod', { context: { domainName: 'x.gov.vn', certificateArn: 'arn:aws:acm:ap-southeast-1:1:certificate/x' } })).toThrow(/us-east-1/);
    expect(() => synth('qa' as EnvironmentName)).toThrow(/Unknown env "qa"/);
  });
});

describe('prod template validation', () => {
  it("passes CDK's built-in CloudFormation validation too", () => {
    const s = synth('prod', { cfnValidation: true });
    expect(s.violations()).toEqual([]);
  });
});
