import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { LogLevel, OutputFormat, type BundlingOptions } from 'aws-cdk-lib/aws-lambda-nodejs';

/** Repository root: NodejsFunction bundles from here with the root package-lock.json. */
export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * ESM bundles need `require` for the CommonJS parts of dependencies (`Dynamic require of node:https`
 * otherwise). See STACK-NOTES.md.
 */
export const ESM_REQUIRE_BANNER = "import { createRequire } from 'module'; const require = createRequire(import.meta.url);";

export const LAMBDA_RUNTIME = lambda.Runtime.NODEJS_22_X;
export const LAMBDA_ARCHITECTURE = lambda.Architecture.ARM_64;

/**
 * The AWS SDK v3 packages the code imports, taken from the Lambda nodejs22.x runtime instead of the
 * bundle (CDK's default for Node 18+). Bundled, the SDK alone is ~160 KB gzip and the API bundle
 * ~255 KB, over the 200 KB budget; external, the bundle is ~100 KB. The bundle test checks that these
 * are the only imports left unresolved.
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

/**
 * How every function is bundled: local esbuild (a devDependency; never Docker), minified ESM for
 * Node 22 with the createRequire banner, the AWS SDK from the runtime.
 */
export const bundling: BundlingOptions = {
  format: OutputFormat.ESM,
  target: 'node22',
  minify: true,
  sourceMap: false,
  mainFields: ['module', 'main'],
  banner: ESM_REQUIRE_BANNER,
  bundleAwsSDK: false,
  externalModules: ['@aws-sdk/*'],
  forceDockerBundling: false,
  logLevel: LogLevel.WARNING,
};

/** Every Lambda function of the product: entry file and exported handler. The bundle budget applies to each. */
export const lambdaFunctions = {
  api: { entry: join(repoRoot, 'functions', 'lambda.ts'), handler: 'handler' },
  /** The daily reminder job (EventBridge Scheduler, infra/reminders.ts). */
  reminders: { entry: join(repoRoot, 'functions', 'reminders', 'lambda.ts'), handler: 'handler' },
  /** Per-tenant usage from the API's log lines (CloudWatch Logs subscription, infra/usage.ts). */
  usage: { entry: join(repoRoot, 'functions', 'usage', 'logs-lambda.ts'), handler: 'handler' },
} as const;

/**
 * gzip budget of one function bundle: a tripwire for growth, not the cold-start measure itself
 * (`npm run bench:cold-start` measures the import; test/infra/bundle.test.ts keeps every AWS SDK but
 * DynamoDB out of the load path). 200 KB until the official unit lists joined (~37 KB gzip); 225 KB
 * until this round added code that runs only on demand: the PDF signature verifier and text
 * extraction, the import readers, the reminder events and storage-limit checks. Code reached only
 * through `await import()` is wrapped by esbuild and evaluated on first use, so it costs the cold
 * start its parse, not its evaluation; the largest such part is the .docx writer (~60 KB gzip).
 * 285 KB since 06/12/2026 (the API was 276.7 KB after undo, backfill dates, sheets of reviews and
 * recommendations, event mail and the operator list): the last raise. The next growth moves
 * `/api/imports` and the .docx writer into a function of their own (~35 KB gzip out of this one).
 */
export const BUNDLE_BUDGET_GZIP_BYTES = 285 * 1024;
