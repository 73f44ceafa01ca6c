import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type { LambdaEvent } from 'hono/aws-lambda';

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
