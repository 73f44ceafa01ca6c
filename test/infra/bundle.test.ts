import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ensureTable } from '../../functions/local/dynamodb-local.js';
import { measureBundles, type BundleReport } from '../../infra/bundle-size.js';
import { BUNDLE_BUDGET_GZIP_BYTES, ESM_REQUIRE_BANNER } from '../../infra/functions.js';

/** The one test that bundles: the real NodejsFunction bundling (local esbuild), measured and loaded. */
let reports: BundleReport[];
let cleanup: () => void;
beforeAll(() => {
  ({ reports, cleanup } = measureBundles());
}, 120_000);
afterAll(() => cleanup?.());

describe('Lambda bundles (as cdk synth builds them)', () => {
  it('bundles every function as one ESM file with the createRequire banner', () => {
    expect(reports.map((r) => [r.fn, r.file])).toEqual([['PhoiHop-prod/Api/Function', 'index.mjs']]);
    for (const r of reports) expect(readFileSync(r.path, 'utf8').startsWith(ESM_REQUIRE_BANNER)).toBe(true);
  });

  it('stays within the 200 KB gzip budget', () => {
    for (const r of reports) {
      expect(r.budgetBytes).toBe(BUNDLE_BUDGET_GZIP_BYTES);
      expect(r.gzipBytes, `${r.fn} is ${r.gzipBytes} B gzip`).toBeLessThanOrEqual(BUNDLE_BUDGET_GZIP_BYTES);
    }
  });

  it('runs in a plain Node process as an ES module and answers /api/health from DynamoDB', async () => {
    const endpoint = inject('dynamoEndpoint');
    await ensureTable(endpoint, 'bundle-test');
    for (const r of reports) {
      // A separate node process: Node's own ESM loader and the bundled SDK, not the test runner's modules.
      const script = `
        const { handler } = await import(${JSON.stringify(pathToFileURL(r.path).href)});
        const path = '/api/health';
        const res = await handler({ version: '2.0', routeKey: '$default', rawPath: path, rawQueryString: '', headers: { host: 'api' },
          requestContext: { http: { method: 'GET', path, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'test' }, requestId: 'r1',
            routeKey: '$default', stage: '$default', time: '', timeEpoch: 0, accountId: '1', apiId: 'a', domainName: 'api', domainPrefix: 'api' },
          isBase64Encoded: false }, {});
        console.log(JSON.stringify({ statusCode: res.statusCode, body: JSON.parse(res.body) }));`;
      const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
        encoding: 'utf8',
        env: {
          PATH: process.env.PATH,
          TABLE_NAME: 'bundle-test',
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
      const res = JSON.parse(out.trim().split('\n').at(-1)!) as { statusCode: number; body: { status: string; version: string } };
      expect(res).toMatchObject({ statusCode: 200, body: { status: 'ok', version: 'bundle-test' } });
    }
  });
});
