import { handle } from 'hono/aws-lambda';
import { createApp } from './api/app.js';
import type { AppDeps } from './api/env.js';
import { createTokenVerifier, verifierConfigFromEnv } from './auth/verify.js';
import { createDocumentClient, dynamoConfigFromEnv } from './store/client.js';
import { tenantAccessFromEnv } from './store/scoped-credentials.js';

/** Deps from the Lambda environment (set by infra/): Cognito issuer, table name. */
export function depsFromEnv(env: NodeJS.ProcessEnv = process.env): AppDeps {
  const dynamo = dynamoConfigFromEnv(env);
  const region = env.AWS_REGION ?? 'ap-southeast-1';
  return {
    doc: createDocumentClient(dynamo),
    tableName: dynamo.tableName,
    verifyToken: createTokenVerifier(verifierConfigFromEnv(env)),
    now: () => new Date(),
    authConfig:
      env.AUTH_KIND === 'local'
        ? { kind: 'local', tokenUrl: env.AUTH_TOKEN_URL ?? `${env.AUTH_ISSUER}/token` }
        : { kind: 'cognito', region, userPoolId: env.USER_POOL_ID ?? '', clientId: env.AUTH_AUDIENCE ?? '' },
    version: env.APP_VERSION ?? 'dev',
    tenantAccess: tenantAccessFromEnv(env),
  };
}

let cached: ReturnType<typeof handle> | undefined;

/** API Gateway HTTP API (payload v2) entry. The app is built on the first call and reused. */
export const handler: ReturnType<typeof handle> = (event, context) => {
  cached ??= handle(createApp(depsFromEnv()));
  return cached(event, context);
};
