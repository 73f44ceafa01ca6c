import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

export type DynamoConfig = {
  tableName: string;
  endpoint?: string;
  region?: string;
  /** Tenant-scoped credentials (functions/store/scoped-credentials.ts); default: the process's own. */
  credentials?: () => Promise<{ accessKeyId: string; secretAccessKey: string; sessionToken?: string; expiration?: Date }>;
};

/**
 * Retries, chosen rather than defaulted: the SDK's standard mode (exponential backoff with jitter,
 * a retry quota per client so a storage outage does not multiply load) with 3 attempts in all;
 * throttling, 5xx and network errors are retried, a failed condition never is. A connection that
 * does not open in 2 s or a request unanswered in 8 s counts as failed, so three attempts end well
 * inside API Gateway's 29 s; what still fails becomes 429 or 503 with Retry-After
 * (functions/http/problem.ts).
 */
export const STORAGE_RETRY = {
  maxAttempts: 3,
  retryMode: 'standard',
  requestHandler: { connectionTimeout: 2000, requestTimeout: 8000 },
} as const;

/**
 * One DocumentClient per process. Locally `endpoint` points at DynamoDB Local; on AWS it is unset.
 * Nothing else differs between the two.
 */
export function createDocumentClient(cfg: DynamoConfig): DynamoDBDocumentClient {
  const client = new DynamoDBClient({
    region: cfg.region ?? process.env.AWS_REGION ?? 'ap-southeast-1',
    ...(cfg.endpoint ? { endpoint: cfg.endpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } } : {}),
    ...(cfg.credentials ? { credentials: cfg.credentials } : {}),
    ...STORAGE_RETRY,
  });
  return DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true, convertEmptyValues: false },
  });
}

export function dynamoConfigFromEnv(env: NodeJS.ProcessEnv = process.env): DynamoConfig {
  const tableName = env.TABLE_NAME;
  if (!tableName) throw new Error('TABLE_NAME is not set');
  return { tableName, endpoint: env.DYNAMODB_ENDPOINT || undefined, region: env.AWS_REGION };
}
