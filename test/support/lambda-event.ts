import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type { LambdaEvent } from 'hono/aws-lambda';
import { LOCAL_CLIENT_ID } from '../../functions/local/idp.js';
import type { LocalStack } from '../../functions/local/server.js';
import { startSuiteStack } from './local-stack.js';

/**
 * A local stack (DynamoDB Local, S3 server, local issuer) and the environment the Lambda entry reads
 * on AWS pointed at it: functions/lambda.ts is then configured exactly as in a deployed function.
 */
export async function startStackForLambda(tableName: string): Promise<LocalStack> {
  const stack = await startSuiteStack({ tableName });
  Object.assign(process.env, {
    TABLE_NAME: stack.tableName,
    DYNAMODB_ENDPOINT: stack.dynamoEndpoint,
    ARCHIVE_BUCKET: stack.archiveBucket,
    S3_ENDPOINT: stack.s3Endpoint,
    AUTH_ISSUER: `${stack.url}/local-idp`,
    AUTH_AUDIENCE: LOCAL_CLIENT_ID,
    AUTH_KIND: 'local',
  });
  return stack;
}

/** A GET as API Gateway HTTP API (payload v2) hands it to the Lambda handler. */
export function apiGatewayGet(path: string, headers: Record<string, string> = {}): LambdaEvent {
  const e: APIGatewayProxyEventV2 = {
    version: '2.0',
    routeKey: '$default',
    rawPath: path,
    rawQueryString: '',
    headers: { host: 'api.example.com', ...headers },
    requestContext: {
      accountId: '123456789012',
      apiId: 'api',
      domainName: 'api.example.com',
      domainPrefix: 'api',
      http: { method: 'GET', path, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'vitest' },
      requestId: 'req-1',
      routeKey: '$default',
      stage: '$default',
      time: '23/Nov/2026:10:00:00 +0000',
      timeEpoch: 0,
    },
    isBase64Encoded: false,
  };
  // The aws-lambda type says `body?: string`; hono's says `string | null`. Same wire shape.
  return e as unknown as LambdaEvent;
}
