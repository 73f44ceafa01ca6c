import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BuildOptions, Plugin } from 'esbuild';

/**
 * How every Lambda function is bundled, apart from CDK (infra/bundle-function.ts loads this file
 * alone, without aws-cdk-lib; infra/functions.ts re-exports it).
 */

/** Repository root: every function is bundled from here (its package.json, tsconfig.json and node_modules). */
export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * ESM bundles need `require` for the CommonJS parts of dependencies (`Dynamic require of node:https`
 * otherwise). See STACK-NOTES.md.
 */
export const ESM_REQUIRE_BANNER = "import { createRequire } from 'module'; const require = createRequire(import.meta.url);";

/** The file Lambda loads (`index.handler`); the chunks it imports lie beside it in `chunks/`. */
export const ENTRY_FILE = 'index.mjs';

/**
 * JSON modules bundled as `JSON.parse('…')` instead of an object literal: V8 compiles a string
 * literal much faster than the same data as code, and every cold start compiles the localities
 * lists (~225 KB; `new vm.Script` of that chunk on this machine: 15 ms as code, 6 ms as a string).
 */
const jsonAsString: Plugin = {
  name: 'json-as-string',
  setup(build) {
    build.onLoad({ filter: /\.json$/ }, async ({ path }) => {
      const data: unknown = JSON.parse(await readFile(path, 'utf8'));
      // As esbuild's own JSON loader: the top-level keys are named exports too (`import * as catalog`).
      const keys = data && typeof data === 'object' && !Array.isArray(data) ? Object.keys(data) : [];
      const named = keys.map((k, i) => `const k${i} = data[${JSON.stringify(k)}];\nexport { k${i} as ${JSON.stringify(k)} };`);
      const contents = [`const data = JSON.parse(${JSON.stringify(JSON.stringify(data))});`, 'export default data;', ...named].join('\n');
      return { contents, loader: 'js' };
    });
  },
};

/**
 * How every function is bundled (the one definition: `cdk synth`, the bundle test, the cold-path
 * test and the cold-start bench use it): minified ESM for Node 22 with the createRequire banner, the
 * AWS SDK from the runtime, and split into chunks. Splitting is for the cold start: code behind an
 * `import()` (a capability, the .docx writer) goes to chunks of their own that Node reads, parses and
 * compiles on first use only, where one file made every cold start parse all of it.
 */
export function esbuildOptions(entry: string): BuildOptions & { entryPoints: Record<string, string> } {
  return {
    entryPoints: { index: entry },
    absWorkingDir: repoRoot,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node22',
    minify: true,
    splitting: true,
    outExtension: { '.js': '.mjs' },
    chunkNames: 'chunks/[name]-[hash]',
    mainFields: ['module', 'main'],
    banner: { js: ESM_REQUIRE_BANNER },
    external: ['@aws-sdk/*'],
    plugins: [jsonAsString],
    logLevel: 'warning',
  };
}
