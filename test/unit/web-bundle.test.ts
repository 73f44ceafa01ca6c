import { describe, expect, it } from 'vitest';
import { CHUNK_BUDGET_GZIP_BYTES, FIRST_LOAD_BUDGET_GZIP_BYTES, measureWebBundle } from '../../scripts/web-bundle-size.js';

// Reads the manifest of the web build `npm test` makes before vitest runs (`npx vite build` by hand).
describe('web bundle budgets (web/dist/.vite/manifest.json)', () => {
  const report = measureWebBundle();

  it('the sign-in page draws after at most 50 KB gzip of JS (entry and all it imports statically)', () => {
    expect(report.firstLoad.files.length).toBeGreaterThan(0);
    expect(report.firstLoad.gzipBytes).toBeLessThanOrEqual(FIRST_LOAD_BUDGET_GZIP_BYTES);
  });

  it('routes are split: each page is its own chunk, none over 40 KB gzip (nor any shared chunk)', () => {
    expect(report.chunks.filter((c) => c.route).length).toBeGreaterThanOrEqual(15);
    expect(report.overBudget.map((c) => `${c.key}: ${c.gzipBytes} B gzip`)).toEqual([]);
    for (const c of report.chunks) expect(c.gzipBytes, c.key).toBeLessThanOrEqual(CHUNK_BUDGET_GZIP_BYTES);
  });

  it('keeps zod out of the first load and the localities list out of every chunk', () => {
    expect(report.zodInFirstLoad).toEqual([]);
    expect(report.bundledLocalities).toEqual([]);
  });
});
