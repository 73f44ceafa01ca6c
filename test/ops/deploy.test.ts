import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const repo = join(import.meta.dirname, '..', '..');
const tsx = join(repo, 'node_modules', '.bin', 'tsx');
const run = promisify(execFile);

/** This machine's environment without any AWS credential source: the dry run must not need one. */
function withoutAws(): NodeJS.ProcessEnv {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !k.startsWith('AWS_') || k === 'AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'),
  );
  return { ...env, AWS_EC2_METADATA_DISABLED: 'true', AWS_CONFIG_FILE: '/nonexistent', AWS_SHARED_CREDENTIALS_FILE: '/nonexistent', PHOIHOP_DEPLOY_TESTS: '' };
}

describe('npm run deploy -- --env prod --dry-run (no AWS credentials)', () => {
  it('runs every step end to end and prints what it would do, deploying and publishing nothing', async () => {
    // --tests skip: this test runs inside `npm test`, which must not start `npm test` again.
    const { stdout } = await run(tsx, ['scripts/deploy.ts', '--env', 'prod', '--dry-run', '--tests', 'skip'], {
      cwd: repo,
      env: withoutAws(),
      timeout: 120_000,
    });
    const steps = [...stdout.matchAll(/^\[(\d)\/7\] (.+)$/gm)].map((m) => `${m[1]} ${m[2]}`);
    expect(steps).toEqual([
      '1 Tests: a green `npm test` of this commit',
      '2 Synthesize PhoiHop-prod (cdk-nag runs inside; any unacknowledged finding fails it)',
      '3 Diff against the deployed PhoiHop-prod',
      '4 Confirmation',
      '5 Deploy PhoiHop-prod',
      '6 Build and publish the web app (old assets kept, index.html last)',
      '7 Smoke test against the deployed URL',
    ]);
    expect(stdout).toContain('SKIPPED (--tests skip, dry run only)');
    expect(stdout).toMatch(/→ \d+ resources in cdk\.out\/deploy-prod; live alias yes; CodeDeploy groups 1/);
    expect(stdout).toContain('SKIPPED: no AWS credentials here. With them it runs: cdk diff --app cdk.out/deploy-prod --no-notices PhoiHop-prod');
    expect(stdout).toContain('DRY RUN, not done: ask to type "prod"');
    expect(stdout).toMatch(/DRY RUN, not done: cdk deploy --app cdk\.out\/deploy-prod .*PhoiHop-prod; CloudFormation waits while CodeDeploy shifts 10 %/);
    expect(stdout).toMatch(/would upload index\.html \(no-cache\)/);
    expect(stdout).toMatch(/would upload assets\/\S+\.js \(public, max-age=31536000, immutable\)/);
    expect(stdout).toContain('DRY RUN, not done: npm run smoke -- --url <WebUrl output>');
    expect(stdout).toContain('Dry run of PhoiHop-prod complete: nothing was deployed or published.');
    // Synthesized for real, with the commit as version; nothing was deployed, so no outputs exist.
    const template = JSON.parse(readFileSync(join(repo, 'cdk.out', 'deploy-prod', 'PhoiHop-prod.template.json'), 'utf8')) as {
      Resources: Record<string, { Type: string }>;
    };
    expect(Object.values(template.Resources).some((r) => r.Type === 'AWS::CodeDeploy::DeploymentGroup')).toBe(true);
    expect(existsSync(join(repo, 'cdk.out', 'deploy-prod', 'outputs.json'))).toBe(false);
  }, 120_000);

  it('refuses to skip the tests outside a dry run, and an unknown environment', async () => {
    const skip = await run(tsx, ['scripts/deploy.ts', '--env', 'dev', '--tests', 'skip'], { cwd: repo, env: withoutAws() }).catch(
      (e: { code: number; stderr: string }) => e,
    );
    expect('code' in skip && skip.code).toBe(1);
    // A dirty tree is refused first when there is one; otherwise the skip is.
    expect(skip.stderr).toMatch(/Refusing: (--tests skip is only for --dry-run|the working tree has uncommitted changes)/);
    const qa = await run(tsx, ['scripts/deploy.ts', '--env', 'qa', '--dry-run'], { cwd: repo, env: withoutAws() }).catch(
      (e: { code: number; stderr: string }) => e,
    );
    expect('code' in qa && qa.code).toBe(1);
    expect(qa.stderr).toContain('usage: npm run deploy -- --env dev|staging|prod');
  });

  it('refuses a marker-based deploy without a green run recorded for this commit', async () => {
    const r = await run(tsx, ['scripts/deploy.ts', '--env', 'staging', '--dry-run', '--tests', 'marker'], {
      cwd: repo,
      env: { ...withoutAws(), PHOIHOP_DEPLOY_MARKER_DIR: '/nonexistent-markers' },
    }).catch((e: { code: number; stdout: string; stderr: string }) => e);
    expect('code' in r && r.code).toBe(1);
    expect(r.stderr).toMatch(/Refusing: no green run recorded for [0-9a-f]{7}/);
  });
});
