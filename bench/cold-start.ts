/**
 * `npm run bench:cold-start`: what a Lambda cold start pays to import the API, next to two floors,
 * each in fresh Node processes (as a new Lambda sandbox would):
 *   - the API bundle exactly as `cdk synth` builds it (infra/bundle-size.ts), SDK from node_modules;
 *   - the DynamoDB SDK alone (`@aws-sdk/client-dynamodb` + `@aws-sdk/lib-dynamodb`): every request needs it;
 *   - a bare Hono handler (`hono` + `hono/aws-lambda`), bundled the same way.
 * Prints medians and the ratio of the API to the SDK floor (goal ≤ 1.3×). `--runs N` (default 15).
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';
import { measureBundles } from '../infra/bundle-size.js';
import { ESM_REQUIRE_BANNER, repoRoot } from '../infra/functions.js';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '15' }, json: { type: 'string' } } });
const runs = Number(values.runs);
const dir = mkdtempSync(join(tmpdir(), 'cold-start-'));
symlinkSync(join(repoRoot, 'node_modules'), join(dir, 'node_modules'), 'dir');

const { reports, cleanup } = measureBundles();
const api = reports[0]!;
copyFileSync(api.path, join(dir, 'api.mjs'));
cleanup();

writeFileSync(join(dir, 'sdk-floor.mjs'), "import '@aws-sdk/client-dynamodb';\nimport '@aws-sdk/lib-dynamodb';\n");
mkdirSync(join(dir, 'src'), { recursive: true });
writeFileSync(
  join(dir, 'src', 'bare.ts'),
  "import { Hono } from 'hono';\nimport { handle } from 'hono/aws-lambda';\nexport const handler = handle(new Hono().get('/', (c) => c.text('ok')));\n",
);
await build({
  entryPoints: [join(dir, 'src', 'bare.ts')],
  outfile: join(dir, 'bare.mjs'),
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  minify: true,
  banner: { js: ESM_REQUIRE_BANNER },
  nodePaths: [join(repoRoot, 'node_modules')],
  logLevel: 'warning',
});

/** Import time of one module in a fresh node, in ms (the process start itself is not counted). */
function importMs(file: string): number {
  const script = `const t = performance.now(); await import(${JSON.stringify(pathToFileURL(join(dir, file)).href)}); console.log(performance.now() - t);`;
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH, AWS_REGION: 'ap-southeast-1', TABLE_NAME: 'cold', AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
  });
  return Number(out.trim().split('\n').at(-1));
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const cases = { 'API bundle (functions/lambda.ts)': 'api.mjs', 'DynamoDB SDK floor': 'sdk-floor.mjs', 'bare Hono handler': 'bare.mjs' } as const;
const samples: Record<string, number[]> = {};
for (let i = 0; i < runs; i++) {
  // Interleaved, so a busy moment of the machine hits every case alike.
  for (const [name, file] of Object.entries(cases)) (samples[name] ??= []).push(importMs(file));
}
rmSync(dir, { recursive: true, force: true });

const floor = median(samples['DynamoDB SDK floor']!);
const rows = Object.entries(samples).map(([name, xs]) => ({ name, p50: median(xs), min: Math.min(...xs), ratio: median(xs) / floor }));
console.log(`Cold import, ${runs} fresh node processes each (median / min, ms; ratio to the SDK floor):`);
for (const r of rows) console.log(`  ${r.name.padEnd(34)} ${r.p50.toFixed(1).padStart(7)} / ${r.min.toFixed(1).padStart(7)}   ${r.ratio.toFixed(2)}×`);
console.log(`API bundle: ${(api.gzipBytes / 1024).toFixed(1)} KB gzip. Goal: API ≤ 1.3× the floor → ${rows[0]!.ratio <= 1.3 ? 'met' : 'NOT met'}.`);
if (values.json) writeFileSync(values.json, JSON.stringify({ runs, rows, apiGzipBytes: api.gzipBytes, node: process.version }, null, 2));
