import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatBundleReport, measureBundles } from '../infra/bundle-size.js';
import { formatWebBundleReport, measureWebBundle, webBundleWithinBudget } from './web-bundle-size.js';

/**
 * `npm run bundle-size`: bundles each Lambda function as `cdk synth` does and reports its size
 * against its gzip budget (infra/functions.ts); builds the web app (into a temp dir: web/dist, which running
 * tests may serve, is left alone) and reports the JS a visitor loads for /sign-in against 50 KB
 * gzip and every later chunk against 40 KB gzip. Exits 1 when anything is over budget.
 */
const started = performance.now();
const { reports, cleanup } = measureBundles();
try {
  console.log(formatBundleReport(reports));
  console.log(`(${reports.length} bundle(s), measured in ${((performance.now() - started) / 1000).toFixed(1)} s)`);
  if (reports.length === 0 || reports.some((r) => !r.withinBudget)) process.exitCode = 1;
} finally {
  cleanup();
}

const webStarted = performance.now();
const webDir = mkdtempSync(join(tmpdir(), 'phoi-hop-web-'));
try {
  const vite = join(import.meta.dirname, '..', 'node_modules', '.bin', 'vite');
  const build = spawnSync(vite, ['build', '--logLevel', 'warn', '--outDir', webDir, '--emptyOutDir'], { stdio: 'inherit' });
  if (build.status !== 0) throw new Error('vite build failed');
  const web = measureWebBundle(webDir);
  console.log(formatWebBundleReport(web));
  console.log(`(web app built and measured in ${((performance.now() - webStarted) / 1000).toFixed(1)} s)`);
  if (!webBundleWithinBudget(web)) process.exitCode = 1;
} finally {
  rmSync(webDir, { recursive: true, force: true });
}
