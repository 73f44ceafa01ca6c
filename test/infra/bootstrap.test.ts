import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { GITHUB_OIDC_HOST } from '../../infra/bootstrap-stack.js';
import { buildBootstrapApp } from '../../infra/build.js';
import { acknowledgements, readViolations, resources } from './support.js';

function synthBootstrap(context: Record<string, string>) {
  const outdir = mkdtempSync(join(tmpdir(), 'cdk-bootstrap-'));
  const app = new App({ outdir, context: { stack: 'bootstrap', ...context } });
  const { stack } = buildBootstrapApp(app);
  const assembly = app.synth();
  return { app, stack, assembly, template: Template.fromJSON(assembly.getStackByName(stack.stackName).template) };
}

type Statement = { Action: string | string[]; Resource: unknown; Condition?: Record<string, Record<string, unknown>> };

describe('bootstrap stack (-c stack=bootstrap): GitHub OIDC and deploy roles', () => {
  const s = synthBootstrap({ githubRepo: 'acme/phoi-hop' });
  const roles = resources(s.template, 'AWS::IAM::Role');
  const byName = (name: string) => Object.values(roles).find((r) => r.Properties.RoleName === name)!;

  it('creates the GitHub OIDC provider for sts.amazonaws.com, natively (no custom resource Lambda)', () => {
    s.template.resourceCountIs('AWS::IAM::OIDCProvider', 1);
    s.template.hasResourceProperties('AWS::IAM::OIDCProvider', { Url: `https://${GITHUB_OIDC_HOST}`, ClientIdList: ['sts.amazonaws.com'] });
    s.template.resourceCountIs('AWS::Lambda::Function', 0);
  });

  it.each([
    ['dev', 'repo:acme/phoi-hop:environment:dev:ref:refs/heads/main'],
    ['staging', 'repo:acme/phoi-hop:environment:staging:ref:refs/tags/v*'],
    ['prod', 'repo:acme/phoi-hop:environment:prod:ref:refs/tags/v*'],
  ])('lets only the %s environment of the repository, on its branch or tags, take its deploy role', (env, subject) => {
    const role = byName(`phoi-hop-github-deploy-${env}`);
    expect(role.Properties.MaxSessionDuration).toBe(3600);
    const [trust] = role.Properties.AssumeRolePolicyDocument.Statement as (Statement & { Principal: unknown })[];
    expect(trust).toMatchObject({
      Action: 'sts:AssumeRoleWithWebIdentity',
      Principal: { Federated: { Ref: expect.any(String) } },
      Condition: {
        StringEquals: { [`${GITHUB_OIDC_HOST}:aud`]: 'sts.amazonaws.com' },
        StringLike: { [`${GITHUB_OIDC_HOST}:sub`]: [subject] },
      },
    });
  });

  it('gives a deploy role only the cdk bootstrap roles, its stack outputs, its web bucket and invalidations', () => {
    const policies = Object.values(resources(s.template, 'AWS::IAM::Policy'));
    const devRoleId = Object.entries(roles).find(([, r]) => r.Properties.RoleName === 'phoi-hop-github-deploy-dev')![0];
    const policy = policies.find((p) => p.Properties.Roles.some((r: { Ref: string }) => r.Ref === devRoleId))!;
    const statements = policy.Properties.PolicyDocument.Statement as Statement[];
    const actions = statements.flatMap((st) => st.Action);
    expect(actions.sort()).toEqual(
      [
        'cloudformation:DescribeStacks',
        'cloudfront:CreateInvalidation',
        'cloudfront:GetInvalidation',
        's3:GetObject',
        's3:GetObjectTagging',
        's3:ListBucket',
        's3:PutObject',
        's3:PutObjectTagging',
        'sts:AssumeRole',
        'sts:TagSession',
      ].sort(),
    );
    const text = JSON.stringify(statements);
    expect(text).toContain('cdk-hnb659fds-deploy-role-');
    expect(text).toContain('phoihop-dev-webbucket');
    expect(text).toContain('stack/PhoiHop-dev/*');
    expect(text).not.toContain('prod');
    expect(actions.filter((a) => a.endsWith(':*') || a === '*')).toEqual([]);
  });

  it('lets pull requests only diff (the read-only cdk lookup role)', () => {
    const role = byName('phoi-hop-github-diff');
    expect(JSON.stringify(role.Properties.AssumeRolePolicyDocument)).toContain('repo:acme/phoi-hop:pull_request:*');
    const policy = Object.values(resources(s.template, 'AWS::IAM::Policy')).find((p) =>
      p.Properties.Roles.some((r: { Ref: string }) => roles[r.Ref] === role),
    )!;
    const statements = policy.Properties.PolicyDocument.Statement as Statement[];
    expect(statements).toHaveLength(1);
    expect(JSON.stringify(statements[0]!.Resource)).toContain('cdk-hnb659fds-lookup-role-');
  });

  it('passes cdk-nag with every acknowledgement explained', () => {
    expect(readViolations(s.assembly.directory)).toEqual([]);
    for (const a of acknowledgements(s.app)) expect(String(a.reason).length, a.id).toBeGreaterThanOrEqual(40);
  });

  it('hosts a subset of environments, reuses an existing provider, and refuses a missing or malformed repository', () => {
    const one = synthBootstrap({
      githubRepo: 'acme/phoi-hop',
      environments: 'prod',
      githubOidcProviderArn: 'arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com',
    });
    one.template.resourceCountIs('AWS::IAM::OIDCProvider', 0);
    expect(
      Object.values(resources(one.template, 'AWS::IAM::Role'))
        .map((r) => r.Properties.RoleName)
        .sort(),
    ).toEqual(['phoi-hop-github-deploy-prod', 'phoi-hop-github-diff']);
    expect(() => synthBootstrap({})).toThrow(/githubRepo/);
    expect(() => synthBootstrap({ githubRepo: 'not a repo' })).toThrow(/owner\/name/);
    expect(() => synthBootstrap({ githubRepo: 'acme/phoi-hop', environments: 'qa' })).toThrow(/Unknown env/);
  });
});
