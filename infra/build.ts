import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { PhoiHopBootstrapStack } from './bootstrap-stack.js';
import { environmentFromContext, environments, type EnvironmentName } from './environments.js';
import { PhoiHopStack } from './stack.js';

/**
 * The CDK app: one stack per environment, chosen with `-c env=dev|staging|prod`. Synthesis needs no AWS credentials and
 * no lookups (region from context, default ap-southeast-1; without credentials the account stays a
 * CloudFormation pseudo parameter).
 * cdk-nag's AWS Solutions checks run on every synth; an unacknowledged finding fails it.
 */
/** Singapore: the closest region to Vietnam with every service used here. */
export const DEFAULT_REGION = 'ap-southeast-1';

export function buildApp(app: App = new App()) {
  const config = environmentFromContext(app.node.tryGetContext('env'));
  const str = (key: string) => {
    const v = app.node.tryGetContext(key);
    return typeof v === 'string' && v.length > 0 ? v : undefined;
  };
  const stack = new PhoiHopStack(app, `PhoiHop-${config.name}`, {
    config,
    version: str('version'),
    alarmEmail: str('alarmEmail'),
    domain: domainFrom(str('domainName'), str('certificateArn')),
    mail: mailFrom(str('sesIdentity'), str('sesFrom')),
    // Region from context (cdk.json: ap-southeast-1), never from the CLI's fallback (it sets
    // CDK_DEFAULT_REGION=us-east-1 when no AWS profile is configured). `-c account=…` pins the account
    // (recommended for prod: deploying with another account's credentials then fails).
    env: { account: str('account') ?? process.env.CDK_DEFAULT_ACCOUNT, region: str('region') ?? DEFAULT_REGION },
    description: `Phoi Hop (${config.name}): table, archive, user pool, API, web hosting`,
  });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return { app, stack };
}

/**
 * `-c stack=bootstrap`: the once-per-account stack of the CI pipeline (GitHub OIDC provider and deploy
 * roles) instead of an environment. `-c githubRepo=owner/name` (required), `-c environments=dev,staging`
 * (the environments this account hosts; default all), `-c githubOidcProviderArn=…` (reuse a provider).
 */
export function buildBootstrapApp(app: App = new App()) {
  const str = (key: string) => {
    const v = app.node.tryGetContext(key);
    return typeof v === 'string' && v.length > 0 ? v : undefined;
  };
  const repository = str('githubRepo');
  if (!repository) throw new Error('-c githubRepo=owner/name is required for -c stack=bootstrap');
  const names = (str('environments') ?? Object.keys(environments).join(',')).split(',').map((n) => n.trim());
  for (const n of names) environmentFromContext(n); // refuses unknown names
  const stack = new PhoiHopBootstrapStack(app, 'PhoiHop-bootstrap', {
    repository,
    environments: names as EnvironmentName[],
    existingProviderArn: str('githubOidcProviderArn'),
    cdkQualifier: str('cdkQualifier'),
    env: { account: str('account') ?? process.env.CDK_DEFAULT_ACCOUNT, region: str('region') ?? DEFAULT_REGION },
    description: 'Phoi Hop CI: GitHub OIDC provider and short-lived deploy roles per environment',
  });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return { app, stack };
}

function mailFrom(identity: string | undefined, from: string | undefined) {
  if (!identity && !from) return undefined;
  if (!identity || !from) throw new Error('-c sesIdentity and -c sesFrom go together (a verified SES identity and an address of it)');
  return { identity, from };
}

function domainFrom(name: string | undefined, certificateArn: string | undefined) {
  if (!name && !certificateArn) return undefined;
  if (!name || !certificateArn) throw new Error('-c domainName and -c certificateArn go together (ACM certificate in us-east-1)');
  if (!certificateArn.startsWith('arn:aws:acm:us-east-1:')) throw new Error('CloudFront needs the ACM certificate in us-east-1');
  return { name, certificateArn };
}
