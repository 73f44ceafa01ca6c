import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { STORAGE_RETRY } from './retry.js';

export { STORAGE_RETRY } from './retry.js';

export type DynamoConfig = {
  tableName: string;
  endpoint?: string;
  region?: string;
  /** Tenant-scoped credentials (functions/store/scoped-credentials.ts); default: the process's own. */
  credentials?: () => Promise<{ accessKeyId: string; secretAccessKey: string; sessionToken?: string; expiration?: Date }>;
};

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
