import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalStack } from '../../functions/local/server.js';
import { startWebStack } from '../support/browser.js';
import { freePort } from '../../functions/local/dynamodb-local.js';
import { runSmoke } from '../../scripts/smoke.js';

const repo = join(import.meta.dirname, '..', '..');
const tsx = join(repo, 'node_modules', '.bin', 'tsx');
const run = promisify(execFile);

let stack: LocalStack;

beforeAll(async () => {
  // What `npm start` runs (demo seed, local issuer, web app), on the suite's DynamoDB Local and S3 server.
  stack = await startWebStack('ops-smoke');
});
afterAll(() => stack?.stop());

describe('npm run smoke against the local server', () => {
  it('passes every check: health, config, localities, sign-in, a read per capability, write+delete, upload, SPA, headers', async () => {
    const lines: string[] = [];
    const { ok, checks } = await runSmoke({ baseUrl: stack.url, log: (l) => lines.push(l) });
    expect(
      checks.filter((c) => !c.ok),
      lines.join('\n'),
    ).toEqual([]);
    expect(ok).toBe(true);
    expect(checks.map((c) => c.name)).toEqual([
      'health',
      'config',
      'public localities',
      'sign-in',
      'read agreements',
      'read supervision',
      'read archive',
      'read audit',
      'read tenant',
      'write + delete (draft agreement)',
      'presigned upload round trip (archive)',
      'SPA fallback',
      'security headers',
    ]);
    expect(lines).toHaveLength(checks.length + 1); // a line per check and the verdict
  });

  it('runs as a command: a line per check, exit 0; exit 1 with the failing checks named', async () => {
    const env = { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' };
    const good = await run(tsx, ['scripts/smoke.ts', '--url', stack.url], { cwd: repo, env });
    expect(good.stdout).toMatch(/^ok {3}health — status ok/m);
    expect(good.stdout).toContain('smoke: all 13 checks passed');

    const wrong = await run(tsx, ['scripts/smoke.ts', '--url', stack.url, '--password', 'wrong-password'], { cwd: repo, env }).catch(
      (e: { code: number; stdout: string }) => e,
    );
    expect('code' in wrong && wrong.code).toBe(1);
    expect(wrong.stdout).toMatch(/^FAIL sign-in — local token: HTTP 401/m);
    expect(wrong.stdout).toMatch(/^FAIL read agreements — not signed in/m);

    const nobody = `http://127.0.0.1:${await freePort()}`;
    const down = await run(tsx, ['scripts/smoke.ts', '--url', nobody, '--timeout', '2000'], { cwd: repo, env }).catch(
      (e: { code: number; stdout: string }) => e,
    );
    expect('code' in down && down.code).toBe(1);
    expect(down.stdout).toMatch(/^FAIL health/m);
  });
});
