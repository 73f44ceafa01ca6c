import { afterAll, beforeAll, inject } from 'vitest';
import { type LocalStack, type LocalStackOptions, startLocalStack } from '../../functions/local/server.js';

/**
 * What `npm start` runs, without a data folder, on the suite's DynamoDB Local and S3-compatible
 * server (global setup): each caller names its own table (and bucket) in them.
 */
export function startSuiteStack(opts: Omit<LocalStackOptions, 'dataDir' | 'dynamoEndpoint' | 's3Endpoint'>): Promise<LocalStack> {
  return startLocalStack({ dataDir: null, dynamoEndpoint: inject('dynamoEndpoint'), s3Endpoint: inject('s3Endpoint'), ...opts });
}

/**
 * A stack started by `start` before the file's tests and stopped after them. `suite.stack` is set
 * once the hook has run: read it inside tests and hooks, never at the top of the file.
 */
export function stackSuite(start: () => Promise<LocalStack>): { stack: LocalStack } {
  const suite = {} as { stack: LocalStack };
  beforeAll(async () => {
    suite.stack = await start();
  });
  afterAll(() => suite.stack?.stop());
  return suite;
}
