import { formatBundleReport, measureBundles } from '../infra/bundle-size.js';

/**
 * `npm run bundle-size`: bundles each Lambda function as `cdk synth` does and reports its size
 * against the 200 KB gzip budget. Exits 1 when a function is over budget.
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
