import type { Context } from 'aws-lambda';
import { apiGatewayGet, startStackForLambda } from '../support/lambda-event.js';
import { stackSuite } from '../support/local-stack.js';
import { describe, expect, it } from 'vitest';

/**
 * The Lambda entry with an API Gateway HTTP API (payload v2) event, configured only through the
 * environment as on AWS. The issuer is the local one, reached over HTTP like Cognito's JWKS.
 */
const suite = stackSuite(() => startStackForLambda('lambda-test'));

describe('Lambda handler (hono/aws-lambda)', () => {
  it('serves health through the API Gateway v2 adapter', async () => {
    const { handler } = await import('../../functions/lambda.js');
    const res = (await handler(apiGatewayGet('/api/health'), {} as Context)) as { statusCode: number; body: string; headers: Record<string, string> };
    expect(res.statusCode).toBe(200);
    expect(JSON.parse(res.body)).toMatchObject({ status: 'ok', storage: { table: 'lambda-test' } });
    expect(res.headers['x-ddb-requests']).toBe('1');
  });

  it('verifies a token from the issuer and answers /api/me', async () => {
    const tokenRes = await fetch(`${suite.stack.url}/local-idp/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin.thainguyen@demo.phoihop.vn', password: 'PhoiHop@2026' }),
    });
    const { id_token } = (await tokenRes.json()) as { id_token: string };
    const { handler } = await import('../../functions/lambda.js');
    const res = (await handler(apiGatewayGet('/api/me', { authorization: `Bearer ${id_token}` }), {} as Context)) as { statusCode: number; body: string };
    expect(res.statusCode).toBe(200);
    expect(JSON.parse(res.body).identity).toMatchObject({ role: 'province_admin', provinceCode: '19', localityCode: null });
  });

  it('returns problem+json for an unknown route', async () => {
    const { handler } = await import('../../functions/lambda.js');
    const res = (await handler(apiGatewayGet('/api/khong-ton-tai'), {} as Context)) as { statusCode: number; headers: Record<string, string> };
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
  });
});
