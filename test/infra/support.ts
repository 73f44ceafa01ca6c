import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, Stack, Validations } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import type { IConstruct } from 'constructs';
import { beforeAll } from 'vitest';
import { buildApp } from '../../infra/build.js';
import type { EnvironmentName } from '../../infra/environments.js';

export type Violation = { plugin: string; rule: string; severity: string; paths: string[] };

export type SynthOptions = {
  /** Bundle the Lambda code with esbuild (slow-ish); skipped by default. */
  bundling?: boolean;
  /** CDK's built-in CloudFormation template validation (~10 s on first use); off by default. */
  cfnValidation?: boolean;
  context?: Record<string, unknown>;
};

/**
 * Synthesizes the real app (infra/build.ts: the stack plus cdk-nag's AWS Solutions checks) for one
 * environment, offline. Throws like `cdk synth` when cdk-nag reports an unacknowledged error.
 */
export function synth(env: EnvironmentName, opts: SynthOptions = {}) {
  const outdir = mkdtempSync(join(tmpdir(), `cdk-${env}-`));
  const app = new App({
    outdir,
    builtinCloudFormationValidation: opts.cfnValidation ?? false,
    context: { env, ...(opts.bundling ? {} : { 'aws:cdk:bundling-stacks': [] }), ...opts.context },
  });
  const { stack } = buildApp(app);
  const assembly = app.synth();
  const template = Template.fromJSON(assembly.getStackByName(stack.stackName).template);
  return { app, stack, template, assembly, violations: () => readViolations(assembly.directory) };
}

/** What `synth` returns. */
export type Synthesized = ReturnType<typeof synth>;

/**
 * `synth(env)` once, before the tests of the enclosing `describe`: the object returned here is
 * filled by then (read it inside tests, not while the file is collected).
 */
export function synthBeforeAll(env: EnvironmentName): Synthesized {
  const s = {} as Synthesized;
  beforeAll(() => {
    Object.assign(s, synth(env));
  });
  return s;
}

/** Every violation left in the validation report (acknowledged ones are not violations). */
export function readViolations(dir: string): Violation[] {
  const file = join(dir, 'validation-report.json');
  if (!existsSync(file)) return [];
  const report = JSON.parse(readFileSync(file, 'utf8')) as {
    pluginReports: { pluginName: string; violations: { ruleName: string; severity: string; violatingConstructs?: { constructPath: string }[] }[] }[];
  };
  return report.pluginReports.flatMap((p) =>
    p.violations.map((v) => ({
      plugin: p.pluginName,
      rule: v.ruleName,
      severity: v.severity,
      paths: (v.violatingConstructs ?? []).map((c) => c.constructPath),
    })),
  );
}

/** The findings cdk-nag reports when nothing is acknowledged (acknowledge() disabled for one synth). */
export function findingsWithoutAcknowledgements(env: EnvironmentName): Violation[] {
  const proto = Validations.prototype as unknown as { acknowledge: (...a: unknown[]) => void };
  const original = proto.acknowledge;
  proto.acknowledge = () => {};
  const outdir = mkdtempSync(join(tmpdir(), `cdk-noack-${env}-`));
  try {
    const app = new App({ outdir, builtinCloudFormationValidation: false, context: { env, 'aws:cdk:bundling-stacks': [] } });
    buildApp(app);
    try {
      app.synth();
    } catch {
      // expected: unacknowledged errors fail synthesis; the report is written first
    }
    return readViolations(outdir);
  } finally {
    proto.acknowledge = original;
  }
}

export type Acknowledgement = { path: string; id: string; reason: unknown };

/** Every `Validations.of(x).acknowledge({ id, reason })` recorded in the construct tree. */
export function acknowledgements(root: IConstruct): Acknowledgement[] {
  return root.node.findAll().flatMap((c) =>
    c.node.metadata
      .filter((m) => m.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
      // Recorded with the plugin namespace: `AwsSolutions::AwsSolutions-IAM5[...]`.
      .flatMap((m) => Object.entries(m.data as Record<string, unknown>).map(([id, reason]) => ({ path: c.node.path, id: id.replace(/^[^:]+::/, ''), reason }))),
  );
}

/** Resources of one type in a template, by logical id. */
export function resources(template: Template, type: string): Record<string, { Properties: Record<string, any>; [k: string]: any }> {
  return template.findResources(type) as never;
}

export function onlyResource(template: Template, type: string): { logicalId: string; Properties: Record<string, any>; [k: string]: any } {
  const all = Object.entries(resources(template, type));
  if (all.length !== 1) throw new Error(`expected one ${type}, found ${all.length}`);
  return { logicalId: all[0]![0], ...all[0]![1] };
}

/** The API function (the stack also has the reminder job's). */
export function apiFunction(template: Template): { logicalId: string; Properties: Record<string, any>; [k: string]: any } {
  const all = Object.entries(resources(template, 'AWS::Lambda::Function')).filter(([, r]) => String(r.Properties.FunctionName ?? '').endsWith('-api'));
  if (all.length !== 1) throw new Error(`expected one API function, found ${all.length}`);
  return { logicalId: all[0]![0], ...all[0]![1] };
}

export function logicalIdOf(construct: IConstruct): string {
  const child = (construct.node.defaultChild ?? construct) as never;
  return Stack.of(construct).getLogicalId(child);
}
