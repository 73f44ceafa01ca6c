import { gzipSync } from 'node:zlib';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ensureTable } from '../../functions/local/dynamodb-local.js';
import { measureBundles, type BundleReport } from '../../infra/bundle-size.js';
import { BUNDLE_BUDGET_GZIP_BYTES, ESM_REQUIRE_BANNER, repoRoot, RUNTIME_PROVIDED_MODULES } from '../../infra/functions.js';

/** The one test that bundles: the real NodejsFunction bundling (local esbuild), measured and loaded. */
let reports: BundleReport[];
let cleanup: () => void;
beforeAll(() => {
  ({ reports, cleanup } = measureBundles());
}, 120_000);
afterAll(() => cleanup?.());

/** Runs an ES module script in a separate node; on failure reports the end of stderr (not the minified bundle). */
function run(script: string, opts: { env: NodeJS.ProcessEnv }): string {
  try {
    return execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: opts.env });
  } catch (err) {
    const stderr = String((err as { stderr?: string }).stderr ?? err);
    throw new Error(`bundle failed in node: ${stderr.slice(-600)}`);
  }
}

/** As in Lambda: the bundle alone in its folder, the AWS SDK provided from outside (the repository's node_modules). */
function taskDir(r: BundleReport): string {
  const dir = mkdtempSync(join(tmpdir(), 'lambda-task-'));
  copyFileSync(r.path, join(dir, r.file));
  symlinkSync(join(repoRoot, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return dir;
}

describe('Lambda bundles (as cdk synth builds them)', () => {
  it('bundles every function as one ESM file with the createRequire banner', () => {
    expect(reports.map((r) => [r.fn, r.file])).toEqual([
      ['PhoiHop-prod/Api/Function', 'index.mjs'],
      ['PhoiHop-prod/Reminders/Function', 'index.mjs'],
      ['PhoiHop-prod/Usage/Function', 'index.mjs'],
    ]);
    for (const r of reports) expect(readFileSync(r.path, 'utf8').startsWith(ESM_REQUIRE_BANNER)).toBe(true);
  });

  it('leaves only the runtime-provided AWS SDK packages unbundled', () => {
    for (const r of reports) {
      const code = readFileSync(r.path, 'utf8');
      const unresolved = new Set([...code.matchAll(/["'](@aws-sdk\/[\w-]+)["']/g)].map((m) => m[1]!));
      expect(unresolved.size).toBeGreaterThan(0);
      expect([...unresolved].filter((m) => !RUNTIME_PROVIDED_MODULES.includes(m))).toEqual([]);
      // Nothing else is imported from outside the bundle but Node's own modules.
      const imports = [...code.matchAll(/(?:^|[;}])\s*import\s*(?:[\w$*{}\s,]+from\s*)?["']([^"']+)["']/g)].map((m) => m[1]!);
      expect(imports).toEqual(expect.arrayContaining(['@aws-sdk/client-dynamodb', '@aws-sdk/lib-dynamodb']));
      expect(imports.filter((m) => !m.startsWith('@aws-sdk/') && !m.startsWith('node:') && m !== 'module')).toEqual([]);
      // Every cold start pays for a static import; S3, STS and Cognito are imported on first use only.
      expect([...new Set(imports.filter((m) => m.startsWith('@aws-sdk/')))].sort()).toEqual(['@aws-sdk/client-dynamodb', '@aws-sdk/lib-dynamodb']);
    }
  });

  it('stays within the 285 KB gzip budget', () => {
    for (const r of reports) {
      expect(r.budgetBytes).toBe(BUNDLE_BUDGET_GZIP_BYTES);
      expect(r.gzipBytes, `${r.fn} is ${r.gzipBytes} B gzip`).toBeLessThanOrEqual(BUNDLE_BUDGET_GZIP_BYTES);
    }
  });

  it('runs in a plain Node process as an ES module, answers /api/health from DynamoDB and loads a capability on first use', async () => {
    const endpoint = inject('dynamoEndpoint');
    await ensureTable(endpoint, 'bundle-test');
    for (const r of reports.filter((x) => x.fn.endsWith('/Api/Function'))) {
      // A separate node process: Node's own ESM loader and the bundled SDK, not the test runner's modules.
      // As in Lambda: the bundle alone in its folder, the AWS SDK provided from outside
      // (here the repository's node_modules stands in for the runtime's).
      const dir = taskDir(r);
      // /api/localities is a capability loaded on its first request: the bundle's dynamic import works.
      const script = `
        const { handler } = await import(${JSON.stringify(pathToFileURL(join(dir, r.file)).href)});
        const call = (path) => handler({ version: '2.0', routeKey: '$default', rawPath: path, rawQueryString: '', headers: { host: 'api' },
          requestContext: { http: { method: 'GET', path, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'test' }, requestId: 'r1',
            routeKey: '$default', stage: '$default', time: '', timeEpoch: 0, accountId: '1', apiId: 'a', domainName: 'api', domainPrefix: 'api' },
          isBase64Encoded: false }, {});
        const res = await call('/api/health');
        const localities = JSON.parse((await call('/api/localities')).body);
        console.log(JSON.stringify({ statusCode: res.statusCode, body: JSON.parse(res.body), provinces: localities.provinces.length }));`;
      const out = run(script, {
        env: {
          PATH: process.env.PATH,
          TABLE_NAME: 'bundle-test',
          ARCHIVE_BUCKET: 'bundle-test-archive',
          USER_POOL_ID: 'ap-southeast-1_test',
          DYNAMODB_ENDPOINT: endpoint,
          AWS_REGION: 'ap-southeast-1',
          AUTH_KIND: 'cognito',
          AUTH_ISSUER: 'https://cognito-idp.ap-southeast-1.amazonaws.com/ap-southeast-1_test',
          AUTH_AUDIENCE: 'client',
          APP_VERSION: 'bundle-test',
          LOG_REQUESTS: 'false',
          AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
        },
      });
      const res = JSON.parse(out.trim().split('\n').at(-1)!) as { statusCode: number; body: { status: string; version: string }; provinces: number };
      expect(res).toMatchObject({ statusCode: 200, body: { status: 'ok', version: 'bundle-test' }, provinces: 34 });
    }
  });

  it('runs the usage bundle in a plain Node process on a CloudWatch Logs delivery', async () => {
    const endpoint = inject('dynamoEndpoint');
    await ensureTable(endpoint, 'bundle-test-jobs');
    const r = reports.find((x) => x.fn.endsWith('/Usage/Function'))!;
    const line = JSON.stringify({ level: 'info', msg: 'tenant_usage', month: '2026-12', provinceCode: '01', localityCode: '00103', counts: { requests: 1 } });
    const batch = { messageType: 'DATA_MESSAGE', logGroup: 'api', logStream: 's', logEvents: [{ id: '1', timestamp: 0, message: `t\tid\tINFO\t${line}` }] };
    const data = gzipSync(JSON.stringify(batch)).toString('base64');
    const script = `
      const { handler } = await import(${JSON.stringify(pathToFileURL(join(taskDir(r), r.file)).href)});
      console.log(JSON.stringify(await handler({ awslogs: { data: ${JSON.stringify(data)} } })));`;
    const out = run(script, {
      env: { PATH: process.env.PATH, TABLE_NAME: 'bundle-test-jobs', DYNAMODB_ENDPOINT: endpoint, AWS_REGION: 'ap-southeast-1' },
    });
    expect(JSON.parse(out.trim().split('\n').at(-1)!)).toEqual({ entries: 1 });
  });

  it('runs the reminder job bundle in a plain Node process against an empty table', async () => {
    const endpoint = inject('dynamoEndpoint');
    await ensureTable(endpoint, 'bundle-test-jobs');
    const r = reports.find((x) => x.fn.endsWith('/Reminders/Function'))!;
    const dir = taskDir(r);
    const script = `
      const { handler } = await import(${JSON.stringify(pathToFileURL(join(dir, r.file)).href)});
      console.log(JSON.stringify(await handler()));`;
    const out = run(script, {
      env: {
        PATH: process.env.PATH,
        TABLE_NAME: 'bundle-test-jobs',
        DYNAMODB_ENDPOINT: endpoint,
        AWS_REGION: 'ap-southeast-1',
        AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      },
    });
    const summary = JSON.parse(out.trim().split('\n').at(-1)!) as Record<string, number>;
    // One Query per current province of the due index, nothing else: the table holds nothing due.
    expect(summary).toMatchObject({ entries: 0, tenants: 0, created: 0, digestsSent: 0, ddbRequests: 34 });
  });
});
