import { build } from 'esbuild';
import { esbuildOptions } from './esbuild.js';

/**
 * `node --import tsx infra/bundle-function.ts <entry> <outdir>`: bundles one function. CDK asks for a
 * bundle synchronously (infra/functions.ts) and esbuild runs plugins only in its asynchronous API,
 * so the build runs in a process of its own.
 */
const [entry, outdir] = process.argv.slice(2);
if (!entry || !outdir) throw new Error('usage: bundle-function.ts <entry> <outdir>');
await build({ ...esbuildOptions(entry), outdir });
