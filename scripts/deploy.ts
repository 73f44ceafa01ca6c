/**
 * One command per environment: `npm run deploy -- --env dev|staging|prod [--dry-run] [--yes]`.
 *
 *  1. tests     refuse without a green `npm test` of this commit (run it, or a marker of one)
 *  2. synth     `cdk synth` of PhoiHop-<env> (cdk-nag runs inside; a finding fails it)
 *  3. diff      `cdk diff` against the deployed stack (needs AWS credentials)
 *  4. confirm   prod asks you to type "prod" (unless --yes)
 *  5. deploy    `cdk deploy` of the synthesized assembly (staging/prod: CodeDeploy canary of the API)
 *  6. web       build web/dist and publish it without pruning (infra/web-publish.ts)
 *  7. smoke     `npm run smoke` against the stack's WebUrl
 *
 * `--dry-run` runs 1–2 for real, 3 when credentials are there, prints 4–7 and changes nothing; it
 * needs no AWS credentials. `--tests run|marker|skip` (or PHOIHOP_DEPLOY_TESTS): `run` (default) runs
 * `npm test` and records a marker for this commit; `marker` accepts that marker (CI: the test job's
 * artifact); `skip` only with --dry-run (the suite's own test of this script must not recurse).
 * `--record-green` only writes the marker (after `npm test` passed in the same job).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { environments, type EnvironmentName } from '../infra/environments.js';
import { repoRoot } from '../infra/functions.js';
import { planWebPublish, RELEASE_MANIFEST_KEY } from '../infra/web-publish.js';

export type TestsMode = 'run' | 'marker' | 'skip';

export type DeployOptions = {
  env: EnvironmentName;
  dryRun: boolean;
  yes: boolean;
  tests: TestsMode;
  /** `-c account=…`: pins the account (deploying with another account's credentials fails). */
  account?: string;
  alarmEmail?: string;
};

type Outputs = { WebUrl?: string; WebBucketName?: string; DistributionId?: string; DeploymentGroupName?: string };

const cdkBin = join(repoRoot, 'node_modules', '.bin', 'cdk');
const viteBin = join(repoRoot, 'node_modules', '.bin', 'vite');
// PHOIHOP_DEPLOY_MARKER_DIR: where CI unpacks the test job's artifact, or a test's empty folder.
const markerDir = process.env.PHOIHOP_DEPLOY_MARKER_DIR || join(repoRoot, '.data', 'deploy');
const markerFile = (commit: string) => join(markerDir, `green-${commit}.json`);

class Refused extends Error {}

function sh(cmd: string, args: string[], opts: { capture?: boolean; env?: NodeJS.ProcessEnv } = {}) {
  const r = spawnSync(cmd, args, {
    cwd: repoRoot,
    encoding: 'utf8',
    stdio: opts.capture ? ['ignore', 'pipe', 'pipe'] : 'inherit',
    env: { ...process.env, CDK_DISABLE_VERSION_CHECK: 'true', ...opts.env },
  });
  return { code: r.status ?? 1, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
}

function git(args: string[]): string {
  const r = sh('git', args, { capture: true });
  if (r.code !== 0) throw new Refused(`git ${args.join(' ')} failed: ${r.stderr.trim()}`);
  return r.stdout.trim();
}

const shellQuote = (args: string[]) => args.map((a) => (/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, "'\\''")}'`)).join(' ');

/** Records that `npm test` passed on this exact commit with a clean tree. */
export function recordGreenRun(commit: string) {
  mkdirSync(markerDir, { recursive: true });
  writeFileSync(markerFile(commit), JSON.stringify({ commit, passedAt: new Date().toISOString(), command: 'npm test' }, null, 2));
}

/** AWS credentials answer STS? Bounded: a workstation without any must not hang on the metadata service. */
async function awsIdentity(): Promise<string | null> {
  // Lambda runs Node 22; the SDK's notice about Node 20 on a workstation is noise here.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const { STSClient, GetCallerIdentityCommand } = await import('@aws-sdk/client-sts');
  const sts = new STSClient({ region: process.env.AWS_REGION ?? 'ap-southeast-1', maxAttempts: 1 });
  try {
    const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timeout')), 8000).unref());
    const id = await Promise.race([sts.send(new GetCallerIdentityCommand({})), timeout]);
    return id.Arn ?? id.Account ?? 'unknown';
  } catch {
    return null;
  } finally {
    sts.destroy();
  }
}

export async function deploy(o: DeployOptions, log: (line: string) => void = (l) => console.log(l)): Promise<void> {
  const config = environments[o.env];
  const stackName = `PhoiHop-${o.env}`;
  const assembly = join('cdk.out', `deploy-${o.env}`);
  const outputsFile = join(assembly, 'outputs.json');
  const total = 7;
  let n = 0;
  const step = async (title: string, fn: () => Promise<string> | string) => {
    n += 1;
    log(`\n[${n}/${total}] ${title}`);
    const started = Date.now();
    const result = await fn();
    log(`      → ${result} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  };
  const would = (what: string) => `DRY RUN, not done: ${what}`;

  const commit = git(['rev-parse', 'HEAD']);
  const short = commit.slice(0, 7);
  const dirty = git(['status', '--porcelain']).length > 0;
  log(`Phối Hợp deploy: ${stackName} at ${short}${dirty ? ' (uncommitted changes)' : ''}${o.dryRun ? ' — DRY RUN: nothing is deployed or published' : ''}`);
  log(`API traffic: ${config.apiDeployment === 'all-at-once' ? 'all at once (no canary)' : 'CodeDeploy canary 10 % for 5 min, rollback on alarms'}`);
  if (dirty && !o.dryRun)
    throw new Refused('Refusing: the working tree has uncommitted changes; deploy a commit, so the green test run and the version name it.');

  await step('Tests: a green `npm test` of this commit', () => {
    if (o.tests === 'skip') {
      if (!o.dryRun) throw new Refused('Refusing: --tests skip is only for --dry-run.');
      return 'SKIPPED (--tests skip, dry run only)';
    }
    if (o.tests === 'marker') {
      const file = markerFile(commit);
      if (!existsSync(file))
        throw new Refused(`Refusing: no green run recorded for ${short} (${file}); run \`npm run deploy -- --env ${o.env}\` to test first.`);
      const marker = JSON.parse(readFileSync(file, 'utf8')) as { commit: string; passedAt: string };
      if (marker.commit !== commit) throw new Refused(`Refusing: the marker is for ${marker.commit}, not ${commit}.`);
      return `green run of ${short} recorded at ${marker.passedAt}`;
    }
    log('      npm test');
    const r = sh('npm', ['test']);
    if (r.code !== 0) throw new Refused('Refusing: npm test failed.');
    if (!dirty) recordGreenRun(commit);
    return `npm test passed${dirty ? ' (tree not clean: no marker recorded)' : `; marker ${markerFile(commit)}`}`;
  });

  const context = ['-c', `env=${o.env}`, '-c', `version=${short}`];
  if (o.account) context.push('-c', `account=${o.account}`);
  if (o.alarmEmail) context.push('-c', `alarmEmail=${o.alarmEmail}`);
  await step(`Synthesize ${stackName} (cdk-nag runs inside; any unacknowledged finding fails it)`, () => {
    const args = ['synth', ...context, '--output', assembly, '--quiet', '--no-notices', stackName];
    log(`      cdk ${shellQuote(args)}`);
    const r = sh(cdkBin, args, { capture: true });
    if (r.code !== 0) throw new Refused(`cdk synth failed:\n${r.stderr || r.stdout}`);
    const template = JSON.parse(readFileSync(join(repoRoot, assembly, `${stackName}.template.json`), 'utf8')) as {
      Resources: Record<string, { Type: string }>;
    };
    const types = Object.values(template.Resources).map((res) => res.Type);
    const groups = types.filter((t) => t === 'AWS::CodeDeploy::DeploymentGroup').length;
    return `${types.length} resources in ${assembly}; live alias ${types.includes('AWS::Lambda::Alias') ? 'yes' : 'NO'}; CodeDeploy groups ${groups}`;
  });

  const identity = await awsIdentity();
  const diffArgs = ['diff', '--app', assembly, '--no-notices', stackName];
  await step(`Diff against the deployed ${stackName}`, () => {
    if (!identity) {
      if (!o.dryRun) throw new Refused('Refusing: no AWS credentials (aws sso login --profile …, or OIDC in CI).');
      return `SKIPPED: no AWS credentials here. With them it runs: cdk ${shellQuote(diffArgs)}`;
    }
    log(`      as ${identity}: cdk ${shellQuote(diffArgs)}`);
    const r = sh(cdkBin, diffArgs);
    if (r.code !== 0) throw new Refused('cdk diff failed.');
    return 'diff shown above';
  });

  await step('Confirmation', async () => {
    if (o.env !== 'prod') return `not asked for ${o.env}`;
    if (o.yes) return 'prod confirmed by --yes';
    if (o.dryRun) return would('ask to type "prod" before deploying (--yes skips the question, e.g. in CI after the approval)');
    if (!process.stdin.isTTY) throw new Refused('Refusing: prod needs a confirmation; no terminal here (pass --yes after an approval).');
    const rl = createInterface({ input: process.stdin, output: process.stdout });
    const answer = await rl.question(`Deploy ${short} to ${stackName}? Type "prod" to continue: `);
    rl.close();
    if (answer.trim() !== 'prod') throw new Refused('Not confirmed.');
    return 'confirmed';
  });

  // Approval already given (prod prompt or --yes); otherwise let cdk ask before widening permissions.
  const approval = o.yes || o.env === 'prod' ? 'never' : 'broadening';
  const deployArgs = ['deploy', '--app', assembly, '--require-approval', approval, '--outputs-file', outputsFile, '--no-notices', stackName];
  await step(`Deploy ${stackName}`, () => {
    if (o.dryRun) {
      const canary =
        config.apiDeployment === 'all-at-once'
          ? ''
          : '; CloudFormation waits while CodeDeploy shifts 10 % for 5 min, rolling back on the FunctionErrors, Api5xx, ApiLatencyP99 alarms';
      return would(`cdk ${shellQuote(deployArgs)}${canary}`);
    }
    const r = sh(cdkBin, deployArgs);
    if (r.code !== 0) throw new Refused('cdk deploy failed (CloudFormation rolled back; a canary in alarm rolled back the alias).');
    return `deployed; outputs in ${outputsFile}`;
  });
  const outputs = (): Outputs => {
    const all = JSON.parse(readFileSync(join(repoRoot, outputsFile), 'utf8')) as Record<string, Outputs>;
    return all[stackName] ?? {};
  };

  await step('Build and publish the web app (old assets kept, index.html last)', async () => {
    // Built for this deploy next to its assembly: web/dist (which running tests serve) is left alone.
    const distDir = join(repoRoot, assembly, 'web');
    const r = sh(viteBin, ['build', '--logLevel', 'warn', '--outDir', distDir, '--emptyOutDir']);
    if (r.code !== 0) throw new Refused('vite build failed.');
    if (o.dryRun) {
      const plan = planWebPublish(distDir, short, null, new Date());
      for (const u of plan.uploads) log(`      would upload ${u.key} (${u.cacheControl})`);
      return would(
        `upload ${plan.uploads.length} files and ${RELEASE_MANIFEST_KEY} to the WebBucketName output; tag the files the previous release ` +
          `lists and this one drops as superseded (deleted after ${config.webAssetGraceDays} days); invalidate ${plan.invalidate.join(' ')}`,
      );
    }
    const { WebBucketName, DistributionId } = outputs();
    if (!WebBucketName || !DistributionId) throw new Refused(`Stack outputs WebBucketName/DistributionId missing in ${outputsFile}`);
    const [{ S3Client }, { CloudFrontClient }, { publishWeb }] = await Promise.all([
      import('@aws-sdk/client-s3'),
      import('@aws-sdk/client-cloudfront'),
      import('../infra/web-publish.js'),
    ]);
    const s3 = new S3Client({});
    const cloudfront = new CloudFrontClient({});
    try {
      const plan = await publishWeb({
        s3,
        bucket: WebBucketName,
        distDir,
        version: short,
        cloudfront: { client: cloudfront, distributionId: DistributionId },
        log: (l) => log(`      ${l}`),
      });
      return `published ${plan.uploads.length} files to ${WebBucketName}; ${plan.superseded.length} superseded`;
    } finally {
      s3.destroy();
      cloudfront.destroy();
    }
  });

  await step('Smoke test against the deployed URL', async () => {
    if (o.dryRun) return would('npm run smoke -- --url <WebUrl output> (smoke user from SMOKE_EMAIL / SMOKE_PASSWORD)');
    const { WebUrl } = outputs();
    if (!WebUrl) throw new Refused(`Stack output WebUrl missing in ${outputsFile}`);
    const { runSmoke } = await import('./smoke.js');
    const { ok, checks } = await runSmoke({
      baseUrl: WebUrl,
      email: process.env.SMOKE_EMAIL,
      password: process.env.SMOKE_PASSWORD,
      log: (l) => log(`      ${l}`),
    });
    if (!ok)
      throw new Refused(
        `Smoke test failed (${checks
          .filter((c) => !c.ok)
          .map((c) => c.name)
          .join(', ')}). Roll back: docs/deploy.md § Roll back.`,
      );
    return `${checks.length} checks passed against ${WebUrl}`;
  });

  log(o.dryRun ? `\nDry run of ${stackName} complete: nothing was deployed or published.` : `\n${stackName} deployed at ${short}.`);
}

function parse(argv: string[]): DeployOptions | 'record-green' {
  const { values } = parseArgs({
    args: argv,
    options: {
      env: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      yes: { type: 'boolean', default: false },
      tests: { type: 'string' },
      account: { type: 'string' },
      'alarm-email': { type: 'string' },
      'record-green': { type: 'boolean', default: false },
    },
  });
  if (values['record-green']) return 'record-green';
  const env = values.env;
  if (!env || !(env in environments)) throw new Refused('usage: npm run deploy -- --env dev|staging|prod [--dry-run] [--yes] [--tests run|marker|skip]');
  const tests = values.tests ?? process.env.PHOIHOP_DEPLOY_TESTS ?? 'run';
  if (tests !== 'run' && tests !== 'marker' && tests !== 'skip') throw new Refused(`--tests is run, marker or skip, not "${tests}"`);
  return { env: env as EnvironmentName, dryRun: values['dry-run'], yes: values.yes, tests, account: values.account, alarmEmail: values['alarm-email'] };
}

async function main() {
  const parsed = parse(process.argv.slice(2));
  if (parsed === 'record-green') {
    if (git(['status', '--porcelain']).length > 0) throw new Refused('Refusing to record a green run for a tree with uncommitted changes.');
    const commit = git(['rev-parse', 'HEAD']);
    recordGreenRun(commit);
    console.log(`green run recorded for ${commit}: ${markerFile(commit)}`);
    return;
  }
  await deploy(parsed);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((err: unknown) => {
    console.error(err instanceof Refused ? `\n${err.message}` : err);
    process.exit(1);
  });
}
