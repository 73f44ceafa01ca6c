import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { capabilityLoaders } from '../../functions/capabilities.js';
import { esbuildOptions, lambdaFunctions } from '../../infra/functions.js';

/**
 * What a cold start of the API evaluates: the modules reached from functions/lambda.ts by static
 * imports alone (esbuild's own import graph). Code behind `import()` is wrapped by esbuild and runs
 * on first use, so a capability's routes, services and zod schemas stay out of this set.
 */
async function everyRequestModules(): Promise<string[]> {
  // The bundling of `cdk synth`, with the graph written out instead of the files.
  const out = await build({ ...esbuildOptions(lambdaFunctions.api.entry), write: false, metafile: true, outdir: 'unused', logLevel: 'silent' });
  const inputs = out.metafile.inputs;
  const seen = new Set<string>();
  const queue = ['functions/lambda.ts'];
  while (queue.length) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const i of inputs[file]?.imports ?? []) if (i.kind === 'import-statement' && !i.external) queue.push(i.path);
  }
  return [...seen].filter((f) => !f.startsWith('node_modules/'));
}

describe('cold start of the API', () => {
  it('evaluates no capability: its routes, services and schemas load with its first request', async () => {
    const eager = await everyRequestModules();
    expect(eager).toContain('functions/app.ts');
    expect(eager).toContain('functions/auth/middleware.ts');
    // The adapters functions/lambda.ts builds the app's deps from (S3 storage, mail settings) load at
    // once; they build no schema and import their SDKs on first use.
    const depsAdapters = ['functions/archive/storage.ts', 'functions/archive/s3-config.ts', 'functions/archive/sniff.ts', 'functions/reminders/mailer.ts'];
    const capabilities = [...Object.keys(capabilityLoaders).map((p) => p.slice(1)), 'reminders'];
    const capabilityCode = eager.filter((f) => capabilities.some((cap) => f.startsWith(`functions/${cap}/`)) && !depsAdapters.includes(f));
    expect(capabilityCode).toEqual([]);
    // Schemas are built at import: no capability's, and not the identity claims (built by the first token check).
    expect(eager.filter((f) => /^shared\/.*schema\.ts$/.test(f))).toEqual([]);
    expect(eager).not.toContain('shared/identity.ts');
    expect(eager).not.toContain('functions/identity/cognito-directory.ts');
    expect(eager).not.toContain('functions/http/openapi.ts');
    expect(eager).not.toContain('functions/capability-routes.ts');
  });
});
