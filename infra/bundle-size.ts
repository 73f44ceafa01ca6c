import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { App } from 'aws-cdk-lib';
import type { Asset } from 'aws-cdk-lib/aws-s3-assets';
import { buildSync } from 'esbuild';
import { buildApp } from './build.js';
import { BUNDLE_BUDGET_GZIP_BYTES, BundledFunction, COLD_PATH_BUDGET_GZIP_BYTES, ENTRY_FILE } from './functions.js';

/** Raw and gzip size of some files of a bundle, against a gzip budget. */
export type SizeReport = { files: string[]; rawBytes: number; gzipBytes: number; budgetBytes: number; withinBudget: boolean };

export type BundleReport = {
  /** Construct path of the function, e.g. `PhoiHop-prod/Api/Function`. */
  fn: string;
  /** The file Lambda loads (`index.mjs`). */
  file: string;
  /** Absolute path of that file in the cloud assembly; the chunks it imports lie beside it. */
  path: string;
  /** The function's asset folder: the entry file and `chunks/`. */
  dir: string;
  /** Every file of the bundle. */
  total: SizeReport;
  /** What a cold start loads: the entry file and the chunks it imports statically, nothing behind `import()`. */
  coldPath: SizeReport;
  /** Both within their budgets. */
  withinBudget: boolean;
};

/**
 * Bundles every Lambda function exactly as `cdk synth` does (the real constructs of the prod stack,
 * local esbuild) and measures each bundle: all its files, and the part a cold start loads. Keeps
 * the assembly in `outdir` (a temp dir by default) so callers can load the bundle.
 */
export function measureBundles(opts: { env?: string; outdir?: string } = {}): { reports: BundleReport[]; outdir: string; cleanup: () => void } {
  const outdir = opts.outdir ?? mkdtempSync(join(tmpdir(), 'phoi-hop-bundle-'));
  // Validation plugins are not what this measures; the stack tests run them.
  const app = new App({ outdir, builtinCloudFormationValidation: false, context: { env: opts.env ?? 'prod' } });
  buildApp(app);
  const assembly = app.synth();
  const fns = app.node.findAll().filter((c): c is BundledFunction => c instanceof BundledFunction);
  const reports = fns.map((fn) => {
    const dir = join(assembly.directory, (fn.node.findChild('Code') as Asset).assetPath);
    const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.mjs'));
    const total = sizeOf(dir, files, BUNDLE_BUDGET_GZIP_BYTES);
    const coldPath = sizeOf(dir, staticImportsOf(dir, ENTRY_FILE), COLD_PATH_BUDGET_GZIP_BYTES);
    return { fn: fn.node.path, file: ENTRY_FILE, path: join(dir, ENTRY_FILE), dir, total, coldPath, withinBudget: total.withinBudget && coldPath.withinBudget };
  });
  return { reports, outdir, cleanup: () => rmSync(outdir, { recursive: true, force: true }) };
}

/**
 * gzip (level 9) of the files as one stream, in name order: comparable with the one-file bundle this
 * replaced, and not moved by how esbuild happens to cut the chunks (small files gzipped one by one
 * would each pay gzip's start-up again).
 */
function sizeOf(dir: string, files: string[], budgetBytes: number): SizeReport {
  const sorted = [...files].sort();
  const bytes = Buffer.concat(sorted.map((f) => readFileSync(join(dir, f))));
  const gzipBytes = gzipSync(bytes, { level: 9 }).length;
  return { files: sorted, rawBytes: bytes.length, gzipBytes, budgetBytes, withinBudget: gzipBytes <= budgetBytes };
}

/** The entry file and every chunk it reaches by static `import` (read from esbuild's own parse of the output). */
export function staticImportsOf(dir: string, entry: string): string[] {
  const { metafile } = buildSync({
    entryPoints: [join(dir, entry)],
    absWorkingDir: dir,
    bundle: true,
    write: false,
    metafile: true,
    format: 'esm',
    platform: 'node',
    outdir: 'unused',
    external: ['@aws-sdk/*'],
    logLevel: 'silent',
  });
  const seen = new Set<string>();
  const queue = [entry];
  while (queue.length) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const i of metafile.inputs[file]?.imports ?? []) if (i.kind === 'import-statement' && !i.external) queue.push(i.path);
  }
  return [...seen];
}

export function formatBundleReport(reports: BundleReport[]): string {
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  const line = (r: BundleReport, what: string, s: SizeReport) =>
    `${s.withinBudget ? 'OK  ' : 'OVER'} ${r.fn} ${what} (${s.files.length} file(s)): ${kb(s.rawBytes)} raw, ${kb(s.gzipBytes)} gzip ` +
    `(budget ${kb(s.budgetBytes)} gzip, ${((s.gzipBytes / s.budgetBytes) * 100).toFixed(0)}% used)`;
  return reports.flatMap((r) => [line(r, `cold path ${r.file} + static chunks`, r.coldPath), line(r, 'total', r.total)]).join('\n');
}
