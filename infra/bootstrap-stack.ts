import { Aws, CfnOutput, Duration, Stack, type StackProps } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type { Construct } from 'constructs';
import type { EnvironmentName } from './environments.js';
import { acknowledgeWildcardResources } from './nag.js';

/** GitHub Actions' OIDC issuer (host only, as IAM condition keys name it). */
export const GITHUB_OIDC_HOST = 'token.actions.githubusercontent.com';

/** The default qualifier of `cdk bootstrap`; the deploy roles may assume only its roles. */
export const DEFAULT_CDK_QUALIFIER = 'hnb659fds';

export type BootstrapStackProps = StackProps & {
  /** `owner/name` of the GitHub repository whose workflows may deploy. */
  repository: string;
  /** The environments this account hosts: one deploy role each. */
  environments: EnvironmentName[];
  /** An account has one provider per issuer URL: reuse it when it exists already. */
  existingProviderArn?: string;
  cdkQualifier?: string;
};

/**
 * Which workflow runs may take each role, as the `sub` claim of GitHub's OIDC token. The repository
 * sets its sub template to `repo`, `context`, `ref` once (docs/deploy.md), so the claim names both the
 * GitHub environment and the git ref: `repo:o/r:environment:prod:ref:refs/tags/v1.2.0`.
 * dev deploys from main only; staging and prod from release tags only.
 */
export function deploySubjects(repository: string, env: EnvironmentName): string[] {
  const ref = env === 'dev' ? 'refs/heads/main' : 'refs/tags/v*';
  return [`repo:${repository}:environment:${env}:ref:${ref}`];
}

/** Pull requests of the repository (same-repository branches; forks get no OIDC token). */
export function diffSubjects(repository: string): string[] {
  return [`repo:${repository}:pull_request:*`];
}

/**
 * Once per AWS account, before the pipeline's first run (`npx cdk deploy -c stack=bootstrap
 * -c githubRepo=owner/name`): GitHub's OIDC provider, one short-lived deploy role per environment,
 * and a diff role for pull requests. No access key exists anywhere.
 *
 * A deploy role may only assume the `cdk bootstrap` roles (CloudFormation does the deploying with its
 * execution policy), read its own stack's outputs, publish to its own web bucket and invalidate
 * CloudFront. Environments sharing an account share the CDK deploy role, so prod belongs in its own
 * account (docs/deploy.md).
 */
export class PhoiHopBootstrapStack extends Stack {
  readonly providerArn: string;
  readonly deployRoles = new Map<EnvironmentName, iam.Role>();
  readonly diffRole: iam.Role;

  constructor(scope: Construct, id: string, props: BootstrapStackProps) {
    super(scope, id, props);
    if (!/^[\w.-]+\/[\w.-]+$/.test(props.repository)) throw new Error(`githubRepo must be owner/name, got "${props.repository}"`);
    if (props.environments.length === 0) throw new Error('No environment for this account');
    const qualifier = props.cdkQualifier ?? DEFAULT_CDK_QUALIFIER;

    this.providerArn =
      props.existingProviderArn ??
      new iam.OidcProviderNative(this, 'GitHubOidc', { url: `https://${GITHUB_OIDC_HOST}`, clientIds: ['sts.amazonaws.com'] }).oidcProviderArn;

    const cdkRole = (kind: string) => `arn:${Aws.PARTITION}:iam::${Aws.ACCOUNT_ID}:role/cdk-${qualifier}-${kind}-role-${Aws.ACCOUNT_ID}-${Aws.REGION}`;
    const principal = (subjects: string[]) =>
      new iam.WebIdentityPrincipal(this.providerArn, {
        StringEquals: { [`${GITHUB_OIDC_HOST}:aud`]: 'sts.amazonaws.com' },
        StringLike: { [`${GITHUB_OIDC_HOST}:sub`]: subjects },
      });

    for (const env of props.environments) {
      const role = new iam.Role(this, `Deploy-${env}`, {
        roleName: `phoi-hop-github-deploy-${env}`,
        description: `GitHub Actions deploys PhoiHop-${env} (${props.repository})`,
        assumedBy: principal(deploySubjects(props.repository, env)),
        maxSessionDuration: Duration.hours(1),
      });
      role.addToPolicy(
        new iam.PolicyStatement({
          sid: 'CdkBootstrapRoles',
          actions: ['sts:AssumeRole', 'sts:TagSession'],
          resources: ['deploy', 'file-publishing', 'lookup'].map(cdkRole),
        }),
      );
      const stackArn = `arn:${Aws.PARTITION}:cloudformation:${Aws.REGION}:${Aws.ACCOUNT_ID}:stack/PhoiHop-${env}/*`;
      role.addToPolicy(new iam.PolicyStatement({ sid: 'StackOutputs', actions: ['cloudformation:DescribeStacks'], resources: [stackArn] }));
      // CloudFormation names the web bucket `phoihop-<env>-webbucket<hash>-<suffix>` (infra/web.ts).
      const webBucket = `arn:${Aws.PARTITION}:s3:::phoihop-${env}-webbucket*`;
      role.addToPolicy(new iam.PolicyStatement({ sid: 'WebBucketList', actions: ['s3:ListBucket'], resources: [webBucket] }));
      role.addToPolicy(
        new iam.PolicyStatement({
          sid: 'WebPublish',
          actions: ['s3:GetObject', 's3:PutObject', 's3:GetObjectTagging', 's3:PutObjectTagging'],
          resources: [`${webBucket}/*`],
        }),
      );
      const distributions = `arn:${Aws.PARTITION}:cloudfront::${Aws.ACCOUNT_ID}:distribution/*`;
      role.addToPolicy(
        new iam.PolicyStatement({ sid: 'WebInvalidate', actions: ['cloudfront:CreateInvalidation', 'cloudfront:GetInvalidation'], resources: [distributions] }),
      );
      acknowledgeWildcardResources(
        role,
        [stackArn, webBucket, `${webBucket}/*`, distributions],
        'Names CloudFormation generates per deploy: the stack id suffix, the web bucket suffix and the distribution id are ' +
          'unknown before the environment stack exists; each pattern is limited to this environment where the name allows.',
      );
      this.deployRoles.set(env, role);
      new CfnOutput(this, `DeployRoleArn${env}`, { value: role.roleArn, description: `GitHub environment "${env}": variable AWS_DEPLOY_ROLE_ARN` });
    }

    this.diffRole = new iam.Role(this, 'Diff', {
      roleName: 'phoi-hop-github-diff',
      description: `GitHub Actions: cdk diff for pull requests of ${props.repository} (read only)`,
      assumedBy: principal(diffSubjects(props.repository)),
      maxSessionDuration: Duration.hours(1),
    });
    // The lookup role is cdk bootstrap's read-only role; `cdk diff` reads the deployed template with it.
    this.diffRole.addToPolicy(new iam.PolicyStatement({ sid: 'CdkLookupRole', actions: ['sts:AssumeRole', 'sts:TagSession'], resources: [cdkRole('lookup')] }));
    new CfnOutput(this, 'DiffRoleArn', { value: this.diffRole.roleArn, description: 'Repository variable AWS_DIFF_ROLE_ARN (pull requests)' });
  }
}
