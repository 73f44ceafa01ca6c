import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** What a visitor's browser fetches before the sign-in page can draw: at most this much JS, gzip. */
export const FIRST_LOAD_BUDGET_GZIP_BYTES = 50 * 1024;
/** No chunk loaded later (a route's page, or code shared by routes, e.g. zod) is larger than this, gzip. */
export const CHUNK_BUDGET_GZIP_BYTES = 40 * 1024;

/** One entry of Vite's build manifest (web/dist/.vite/manifest.json), the fields used here. */
type ManifestChunk = {
  file: string;
  name?: string;
  src?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
};
type Manifest = Record<string, ManifestChunk>;

export type ChunkSize = { key: string; file: string; rawBytes: number; gzipBytes: number; route: boolean };
/** A route's first visit after the first load: its chunk and the chunks it imports that the first load did not bring. */
export type RouteVisit = { key: string; files: string[]; gzipBytes: number };
export type WebBundleReport = {
  /** JS the browser fetches for `/sign-in`: the entry chunk, and the sign-in chunk if it is its own, with all they import statically. */
  firstLoad: { files: string[]; rawBytes: number; gzipBytes: number; budgetBytes: number; withinBudget: boolean };
  /** Every JS chunk but the entry (route pages are `route: true`), largest first. */
  chunks: ChunkSize[];
  chunkBudgetBytes: number;
  /** Per route page, what its first visit fetches (information, not a budget), largest first. */
  routeVisits: RouteVisit[];
  /** Chunks over the per-chunk budget. */
  overBudget: ChunkSize[];
  /** JS files (any chunk) that contain a name from the official localities list: the list must be fetched, never bundled. */
  bundledLocalities: string[];
  /** First-load files that contain zod: validation must load with the pages that use it. */
  zodInFirstLoad: string[];
};

/** The sign-in page's module (its own chunk when it is lazy; otherwise it is inside the entry). */
const SIGN_IN_MODULE = 'src/pages/SignIn.tsx';
/** A commune of the current list (Hà Nội): present in any chunk that bundles the localities. */
const LOCALITY_PROBE = 'Phú Thượng';
/** zod's schemas carry their internals under `_zod`. */
const ZOD_PROBE = '_zod';

export const webDistDir = join(import.meta.dirname, '..', 'web', 'dist');

/** Reads the manifest of the last `vite build` and measures the budgets: raw and gzip (level 9) bytes. */
export function measureWebBundle(distDir = webDistDir): WebBundleReport {
  const manifestPath = join(distDir, '.vite', 'manifest.json');
  if (!existsSync(manifestPath)) throw new Error(`${manifestPath} is missing: run \`npx vite build\` first (npm test does)`);
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest;
  const sizes = new Map<string, { rawBytes: number; gzipBytes: number; text: string }>();
  const size = (file: string) => {
    let s = sizes.get(file);
    if (!s) {
      const bytes = readFileSync(join(distDir, file));
      s = { rawBytes: bytes.length, gzipBytes: gzipSync(bytes, { level: 9 }).length, text: bytes.toString('utf8') };
      sizes.set(file, s);
    }
    return s;
  };
  const chunk = (key: string): ManifestChunk => {
    const c = manifest[key];
    if (!c) throw new Error(`the manifest names ${key} but has no entry for it`);
    return c;
  };
  const withStaticImports = (keys: string[]): Set<string> => {
    const seen = new Set<string>();
    const visit = (key: string) => {
      if (seen.has(key)) return;
      seen.add(key);
      for (const dep of chunk(key).imports ?? []) visit(dep);
    };
    keys.forEach(visit);
    return seen;
  };

  const entries = Object.keys(manifest).filter((k) => manifest[k]?.isEntry);
  if (entries.length !== 1) throw new Error(`expected one entry in the manifest, found ${entries.length}`);
  const entryKey = entries[0] as string;
  const firstKeys = withStaticImports([entryKey, ...(manifest[SIGN_IN_MODULE] ? [SIGN_IN_MODULE] : [])]);
  const firstFiles = [...firstKeys].map((k) => chunk(k).file).filter((f) => f.endsWith('.js'));
  const firstRaw = firstFiles.reduce((n, f) => n + size(f).rawBytes, 0);
  const firstGzip = firstFiles.reduce((n, f) => n + size(f).gzipBytes, 0);

  const jsKeys = Object.keys(manifest).filter((k) => chunk(k).file.endsWith('.js'));
  const chunks = jsKeys
    .filter((k) => k !== entryKey)
    .map((key) => {
      const c = chunk(key);
      return { key, file: c.file, ...pick(size(c.file)), route: !!c.isDynamicEntry && key.startsWith('src/') };
    })
    .sort((a, b) => b.gzipBytes - a.gzipBytes);

  const routeVisits = chunks
    .filter((c) => c.route)
    .map((c) => {
      const files = [...withStaticImports([c.key])]
        .filter((k) => !firstKeys.has(k))
        .map((k) => chunk(k).file)
        .filter((f) => f.endsWith('.js'));
      return { key: c.key, files, gzipBytes: files.reduce((n, f) => n + size(f).gzipBytes, 0) };
    })
    .sort((a, b) => b.gzipBytes - a.gzipBytes);

  return {
    firstLoad: {
      files: firstFiles,
      rawBytes: firstRaw,
      gzipBytes: firstGzip,
      budgetBytes: FIRST_LOAD_BUDGET_GZIP_BYTES,
      withinBudget: firstGzip <= FIRST_LOAD_BUDGET_GZIP_BYTES,
    },
    chunks,
    chunkBudgetBytes: CHUNK_BUDGET_GZIP_BYTES,
    routeVisits,
    overBudget: chunks.filter((c) => c.gzipBytes > CHUNK_BUDGET_GZIP_BYTES),
    bundledLocalities: jsKeys.map((k) => chunk(k).file).filter((f) => size(f).text.includes(LOCALITY_PROBE)),
    zodInFirstLoad: firstFiles.filter((f) => size(f).text.includes(ZOD_PROBE)),
  };
}

const pick = ({ rawBytes, gzipBytes }: { rawBytes: number; gzipBytes: number }) => ({ rawBytes, gzipBytes });
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

export function formatWebBundleReport(r: WebBundleReport): string {
  const ok = (b: boolean) => (b ? 'OK  ' : 'OVER');
  const routes = r.chunks.filter((c) => c.route);
  const largestRoute = routes[0];
  const largest = r.chunks[0];
  const lines = [
    `${ok(r.firstLoad.withinBudget)} web first load of /sign-in: ${kb(r.firstLoad.rawBytes)} raw, ${kb(r.firstLoad.gzipBytes)} gzip of JS ` +
      `(budget ${kb(r.firstLoad.budgetBytes)} gzip, ${((r.firstLoad.gzipBytes / r.firstLoad.budgetBytes) * 100).toFixed(0)}% used; ${r.firstLoad.files.join(', ')})`,
    `${ok(r.overBudget.length === 0)} web chunks loaded later: ${r.chunks.length} (${routes.length} route pages), budget ${kb(r.chunkBudgetBytes)} gzip each` +
      (largestRoute ? `; largest route chunk ${largestRoute.key}: ${kb(largestRoute.rawBytes)} raw, ${kb(largestRoute.gzipBytes)} gzip` : '') +
      (largest ? `; largest chunk of all ${largest.key}: ${kb(largest.rawBytes)} raw, ${kb(largest.gzipBytes)} gzip` : ''),
    ...(r.routeVisits[0]
      ? [
          `     heaviest first visit of a route: ${r.routeVisits[0].key}, ${kb(r.routeVisits[0].gzipBytes)} gzip in ${r.routeVisits[0].files.length} file(s) (zod and shared schemas included; cached for the next pages)`,
        ]
      : []),
    ...r.overBudget.map((c) => `OVER   ${c.key} (${c.file}): ${kb(c.gzipBytes)} gzip`),
    `${ok(r.bundledLocalities.length === 0)} localities list fetched, not bundled` +
      (r.bundledLocalities.length ? `: found in ${r.bundledLocalities.join(', ')}` : ''),
    `${ok(r.zodInFirstLoad.length === 0)} no zod in the first load` + (r.zodInFirstLoad.length ? `: found in ${r.zodInFirstLoad.join(', ')}` : ''),
  ];
  return lines.join('\n');
}

export const webBundleWithinBudget = (r: WebBundleReport): boolean =>
  r.firstLoad.withinBudget && r.overBudget.length === 0 && r.bundledLocalities.length === 0 && r.zodInFirstLoad.length === 0;
