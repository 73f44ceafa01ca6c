import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { AssetHashType, type ILocalBundling, RemovalPolicy } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import type { Construct } from 'constructs';
import type { EnvironmentConfig } from './environments.js';
import { repoRoot } from './esbuild.js';

export { ENTRY_FILE, ESM_REQUIRE_BANNER, esbuildOptions, repoRoot } from './esbuild.js';

export const LAMBDA_RUNTIME = lambda.Runtime.NODEJS_22_X;
export const LAMBDA_ARCHITECTURE = lambda.Architecture.ARM_64;

/**
 * The AWS SDK v3 packages the code imports, taken from the Lambda nodejs22.x runtime instead of the
 * bundle. Bundled, the SDK alone is ~160 KB gzip and the API bundle ~255 KB, over the 200 KB budget;
 * external, the bundle is ~100 KB. The bundle test checks that these are the only imports left
 * unresolved.
 */
export const RUNTIME_PROVIDED_MODULES = [
  '@aws-sdk/client-cognito-identity-provider',
  '@aws-sdk/client-dynamodb',
  '@aws-sdk/client-s3',
  '@aws-sdk/client-sesv2',
  '@aws-sdk/client-sts',
  '@aws-sdk/lib-dynamodb',
  '@aws-sdk/s3-request-presigner',
];

/** Every Lambda function of the product: entry file and exported handler. The bundle budget applies to each. */
export const lambdaFunctions = {
  api: { entry: join(repoRoot, 'functions', 'lambda.ts'), handler: 'handler' },
  /** The daily reminder job (EventBridge Scheduler, infra/reminders.ts). */
  reminders: { entry: join(repoRoot, 'functions', 'reminders', 'lambda.ts'), handler: 'handler' },
  /** Per-tenant usage from the API's log lines (CloudWatch Logs subscription, infra/usage.ts). */
  usage: { entry: join(repoRoot, 'functions', 'usage', 'logs-lambda.ts'), handler: 'handler' },
} as const;

export type FunctionName = keyof typeof lambdaFunctions;

/**
 * Local esbuild (a devDependency; never Docker), run by infra/bundle-function.ts: CDK calls
 * `tryBundle` and uses Docker only when it answers false, which it never does (a failed build throws
 * and fails the synth). `entry` is a property, not only in the closure, because CDK caches bundles
 * within one synth by the JSON of the bundling options: two functions must not look alike there.
 */
class LocalEsbuild implements ILocalBundling {
  constructor(readonly entry: string) {}
  tryBundle(outputDir: string): boolean {
    execFileSync(process.execPath, ['--import', 'tsx', join(repoRoot, 'infra', 'bundle-function.ts'), this.entry, outputDir], {
      cwd: repoRoot,
      stdio: 'inherit',
    });
    return true;
  }
}

/**
 * One of the product's Lambda functions (`lambdaFunctions`): Node 22 on arm64, its code bundled by
 * `esbuildOptions` into `index.mjs` and `chunks/`. The asset is hashed by its output, as
 * NodejsFunction does (fingerprinting the repository would read node_modules).
 */
export class BundledFunction extends lambda.Function {
  readonly bundle: FunctionName;
  constructor(scope: Construct, id: string, bundle: FunctionName, props: Omit<lambda.FunctionProps, 'code' | 'handler' | 'runtime' | 'architecture'>) {
    const def = lambdaFunctions[bundle];
    super(scope, id, {
      ...props,
      runtime: LAMBDA_RUNTIME,
      architecture: LAMBDA_ARCHITECTURE,
      handler: `index.${def.handler}`,
      code: lambda.Code.fromAsset(repoRoot, {
        assetHashType: AssetHashType.OUTPUT,
        // Required by the type; never pulled, see LocalEsbuild.
        bundling: { image: LAMBDA_RUNTIME.bundlingImage, local: new LocalEsbuild(def.entry) },
      }),
    });
    this.bundle = bundle;
  }
}

/**
 * gzip budget of all the files of one function bundle, gzipped as one stream (infra/bundle-size.ts):
 * a tripwire for growth, not the cold-start measure itself (`npm run bench:cold-start` measures the
 * import; COLD_PATH_BUDGET_GZIP_BYTES guards what a cold start loads). 200 KB until the official unit
 * lists joined (~37 KB gzip); 225 KB until a round added code that runs only on demand: the PDF
 * signature verifier and text extraction, the import readers, the reminder events and storage-limit
 * checks. 285 KB since 06/12/2026 (the API was 276.7 KB after undo, backfill dates, sheets of reviews
 * and recommendations, event mail and the operator list), the last raise for code. 290 KB since
 * 07/12/2026 for no new code: the same API cut into chunks is 5.6 KB gzip more than in one file
 * (280.7 → 286.3 KB, measured on the same tree: the imports and exports between ~90 chunks, the
 * createRequire banner in each). The next growth moves
 * `/api/imports` and the .docx writer into a function of their own (~35 KB gzip out of this one).
 */
export const BUNDLE_BUDGET_GZIP_BYTES = 290 * 1024;

/**
 * gzip budget of what a cold start of one function reads, parses and compiles: the entry file and the
 * chunks it imports statically (for the API 102.6 KB on 07/12/2026: Hono, jose, zod's module, the
 * HTTP kit, the store, both localities lists). A static import of a capability, an SDK wrapper or an
 * export library would cross it; `npm run bench:cold-start` measures the time itself.
 */
export const COLD_PATH_BUDGET_GZIP_BYTES = 115 * 1024;

/**
 * A background function's log group (the environment's retention, kept in protected environments)
 * and its own role, which may write to that log group and nothing else until the caller adds more.
 */
export function ownLogsAndRole(scope: Construct, config: EnvironmentConfig, description: string) {
  const removalPolicy = config.protect ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;
  const logGroup = new logs.LogGroup(scope, 'Logs', { retention: config.logRetentionDays as unknown as logs.RetentionDays, removalPolicy });
  const role = new iam.Role(scope, 'Role', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'), description });
  role.addToPolicy(new iam.PolicyStatement({ sid: 'Logs', actions: ['logs:CreateLogStream', 'logs:PutLogEvents'], resources: [logGroup.logGroupArn] }));
  return { logGroup, role, removalPolicy };
}
