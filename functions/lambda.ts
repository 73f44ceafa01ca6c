import { handle } from 'hono/aws-lambda';
import { createApp } from './app.js';
import { archiveStorageFromEnv } from './archive/storage.js';
import type { AppDeps } from './http/env.js';
import { logUsageSink } from './http/usage.js';
import { createTokenVerifier, verifierConfigFromEnv } from './auth/verify.js';
import { CognitoIdentityDirectory } from './identity/cognito-directory.js';
import { mailConfigFromEnv, unsubscribeSecret } from './reminders/mailer.js';
import { createDocumentClient, dynamoConfigFromEnv } from './store/client.js';
import { tenantAccessFromEnv } from './store/scoped-credentials.js';

/** Deps from the Lambda environment (set by infra/): Cognito issuer, table name, archive bucket (ARCHIVE_BUCKET; S3_ENDPOINT only locally). */
export function depsFromEnv(env: NodeJS.ProcessEnv = process.env): AppDeps {
  const dynamo = dynamoConfigFromEnv(env);
  const region = env.AWS_REGION ?? 'ap-southeast-1';
  const mail = mailConfigFromEnv(env);
  return {
    doc: createDocumentClient(dynamo),
    tableName: dynamo.tableName,
    archive: archiveStorageFromEnv(env),
    verifyToken: createTokenVerifier(verifierConfigFromEnv(env)),
    // USER_POOL_ID: the Cognito pool invited users are created in (COGNITO_ENDPOINT only for emulators).
    directory: new CognitoIdentityDirectory({ userPoolId: env.USER_POOL_ID ?? '', region, endpoint: env.COGNITO_ENDPOINT || undefined }),
    now: () => new Date(),
    // Usage leaves as log lines; the usage function adds them up (no write on the request path).
    usage: logUsageSink,
    authConfig:
      env.AUTH_KIND === 'local'
        ? { kind: 'local', tokenUrl: env.AUTH_TOKEN_URL ?? `${env.AUTH_ISSUER}/token` }
        : { kind: 'cognito', region, userPoolId: env.USER_POOL_ID ?? '', clientId: env.AUTH_AUDIENCE ?? '' },
    version: env.APP_VERSION ?? 'dev',
    tenantAccess: tenantAccessFromEnv(env),
    // PEM bundle set by the stack from the environment's configuration (infra/environments.ts); none shipped.
    trustAnchorsPem: env.ARCHIVE_TRUST_ANCHORS_PEM || undefined,
    // SES_FROM set (infra/reminders.ts, with -c sesIdentity -c sesFrom): mails go out right after the commit.
    mail: mail ? { config: mail, appUrl: env.APP_URL ?? '', secret: unsubscribeSecret(env) } : null,
  };
}

let cached: ReturnType<typeof handle> | undefined;

/** API Gateway HTTP API (payload v2) entry. The app is built on the first call and reused. */
export const handler: ReturnType<typeof handle> = (event, context) => {
  cached ??= handle(createApp(depsFromEnv()));
  return cached(event, context);
};
