/**
 * `npm run bench:cold-start`: what a Lambda cold start pays to import the API, next to two floors,
 * each in fresh Node processes (as a new Lambda sandbox would):
 *   - the API bundle exactly as `cdk synth` builds it (infra/bundle-size.ts: `index.mjs` and the
 *     chunks it imports; those behind `import()` are not read), SDK from node_modules;
 *   - the DynamoDB SDK alone (`@aws-sdk/client-dynamodb` + `@aws-sdk/lib-dynamodb`): every request needs it;
 *   - a bare Hono handler (`hono` + `hono/aws-lambda`), bundled the same way.
 * Prints medians and the ratio of the API to the SDK floor (goal ≤ 1.3×). `--runs N` (default 15).
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';
import { measureBundles } from '../infra/bundle-size.js';
import { ENTRY_FILE, esbuildOptions, repoRoot } from '../infra/functions.js';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '15' }, json: { type: 'string' } } });
const runs = Number(values.runs);
const dir = mkdtempSync(join(tmpdir(), 'cold-start-'));
symlinkSync(join(repoRoot, 'node_modules'), join(dir, 'node_modules'), 'dir');

const { reports, cleanup } = measureBundles();
const api = reports[0]!;
cpSync(api.dir, join(dir, 'api'), { recursive: true });
cleanup();

writeFileSync(join(dir, 'sdk-floor.mjs'), "import '@aws-sdk/client-dynamodb';\nimport '@aws-sdk/lib-dynamodb';\n");
mkdirSync(join(dir, 'src'), { recursive: true });
writeFileSync(
  join(dir, 'src', 'bare.ts'),
  "import { Hono } from 'hono';\nimport { handle } from 'hono/aws-lambda';\nexport const handler = handle(new Hono().get('/', (c) => c.text('ok')));\n",
);
// Bundled as the functions are (infra/functions.ts), into a folder of its own.
await build({ ...esbuildOptions(join(dir, 'src', 'bare.ts')), outdir: join(dir, 'bare'), nodePaths: [join(repoRoot, 'node_modules')] });

/**
 * Import time of one module in a fresh node, in ms (the process start itself is not counted): wall
 * clock, and the CPU time the process spent on it (user + system). On a busy machine the wall clock
 * also counts waiting for a core; the CPU time does not, so both are reported.
 */
function importMs(file: string): { wall: number; cpu: number } {
  const script = `const c = process.cpuUsage(); const t = performance.now(); await import(${JSON.stringify(pathToFileURL(join(dir, file)).href)}); const wall = performance.now() - t; const u = process.cpuUsage(c); console.log(JSON.stringify({ wall, cpu: (u.user + u.system) / 1000 }));`;
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH, AWS_REGION: 'ap-southeast-1', TABLE_NAME: 'cold', AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
  });
  return JSON.parse(out.trim().split('\n').at(-1)!) as { wall: number; cpu: number };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const cases = {
  'API bundle (functions/lambda.ts)': `api/${ENTRY_FILE}`,
  'DynamoDB SDK floor': 'sdk-floor.mjs',
  'bare Hono handler': `bare/${ENTRY_FILE}`,
} as const;
const samples: Record<string, { wall: number; cpu: number }[]> = {};
for (let i = 0; i < runs; i++) {
  // Interleaved, so a busy moment of the machine hits every case alike.
  for (const [name, file] of Object.entries(cases)) (samples[name] ??= []).push(importMs(file));
}
rmSync(dir, { recursive: true, force: true });

const floorWall = median(samples['DynamoDB SDK floor']!.map((x) => x.wall));
const floorCpu = median(samples['DynamoDB SDK floor']!.map((x) => x.cpu));
const rows = Object.entries(samples).map(([name, xs]) => {
  const wall = xs.map((x) => x.wall);
  const cpu = xs.map((x) => x.cpu);
  return { name, p50: median(wall), min: Math.min(...wall), ratio: median(wall) / floorWall, cpuP50: median(cpu), cpuRatio: median(cpu) / floorCpu };
});
const load = loadavg()[0]!.toFixed(1);
console.log(`Cold import, ${runs} fresh node processes each, load average ${load} on ${cpus().length} cores (ms; ratio to the SDK floor):`);
console.log(`  ${''.padEnd(34)} ${'wall p50'.padStart(9)} ${'wall min'.padStart(9)} ${'ratio'.padStart(6)}   ${'CPU p50'.padStart(8)} ${'ratio'.padStart(6)}`);
for (const r of rows) {
  console.log(
    `  ${r.name.padEnd(34)} ${r.p50.toFixed(1).padStart(9)} ${r.min.toFixed(1).padStart(9)} ${`${r.ratio.toFixed(2)}×`.padStart(6)}   ${r.cpuP50.toFixed(1).padStart(8)} ${`${r.cpuRatio.toFixed(2)}×`.padStart(6)}`,
  );
}
const api0 = rows[0]!;
console.log(
  `API bundle: cold path ${(api.coldPath.gzipBytes / 1024).toFixed(1)} KB gzip of ${(api.total.gzipBytes / 1024).toFixed(1)} KB. Goal: API ≤ 1.3× the floor → wall clock ${api0.ratio <= 1.3 ? 'met' : 'NOT met'}, CPU time ${api0.cpuRatio <= 1.3 ? 'met' : 'NOT met'}.`,
);
if (values.json) {
  const sizes = { apiGzipBytes: api.total.gzipBytes, apiColdPathGzipBytes: api.coldPath.gzipBytes };
  writeFileSync(values.json, JSON.stringify({ runs, loadAverage: Number(load), rows, ...sizes, node: process.version }, null, 2));
}
