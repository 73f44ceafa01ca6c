import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { App } from 'aws-cdk-lib';
import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import type { Asset } from 'aws-cdk-lib/aws-s3-assets';
import { buildApp } from './build.js';
import { BUNDLE_BUDGET_GZIP_BYTES } from './functions.js';

export type BundleReport = {
  /** Construct path of the function, e.g. `PhoiHop-prod/Api/Function`. */
  fn: string;
  file: string;
  /** Absolute path of the bundle in the cloud assembly. */
  path: string;
  rawBytes: number;
  gzipBytes: number;
  budgetBytes: number;
  withinBudget: boolean;
};

/**
 * Bundles every Lambda function exactly as `cdk synth` does (the real NodejsFunction constructs of
 * the prod stack, local esbuild) and measures each bundle: raw and gzip (level 9). Keeps the
 * assembly in `outdir` (a temp dir by default) so callers can load the bundle.
 */
export function measureBundles(opts: { env?: string; outdir?: string } = {}): { reports: BundleReport[]; outdir: string; cleanup: () => void } {
  const outdir = opts.outdir ?? mkdtempSync(join(tmpdir(), 'phoi-hop-bundle-'));
  // Validation plugins are not what this measures; the stack tests run them.
  const app = new App({ outdir, builtinCloudFormationValidation: false, context: { env: opts.env ?? 'prod' } });
  buildApp(app);
  const assembly = app.synth();
  const fns = app.node.findAll().filter((c): c is NodejsFunction => c instanceof NodejsFunction);
  const reports = fns.flatMap((fn) => {
    const asset = fn.node.findChild('Code') as Asset;
    const dir = join(assembly.directory, asset.assetPath);
    return readdirSync(dir)
      .filter((f) => /\.(m?js|cjs)$/.test(f))
      .map((file) => {
        const bytes = readFileSync(join(dir, file));
        const gzipBytes = gzipSync(bytes, { level: 9 }).length;
        return {
          fn: fn.node.path,
          file,
          path: join(dir, file),
          rawBytes: bytes.length,
          gzipBytes,
          budgetBytes: BUNDLE_BUDGET_GZIP_BYTES,
          withinBudget: gzipBytes <= BUNDLE_BUDGET_GZIP_BYTES,
        };
      });
  });
  return { reports, outdir, cleanup: () => rmSync(outdir, { recursive: true, force: true }) };
}

export function formatBundleReport(reports: BundleReport[]): string {
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  return reports
    .map(
      (r) =>
        `${r.withinBudget ? 'OK  ' : 'OVER'} ${r.fn}/${r.file}: ${kb(r.rawBytes)} raw, ${kb(r.gzipBytes)} gzip ` +
        `(budget ${kb(r.budgetBytes)} gzip, ${((r.gzipBytes / r.budgetBytes) * 100).toFixed(0)}% used)`,
    )
    .join('\n');
}
