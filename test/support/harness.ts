import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, inject } from 'vitest';
import { createApp } from '../../functions/app.js';
import { BufferedUsageSink } from '../../functions/http/usage.js';
import type { AppDeps } from '../../functions/http/env.js';
import { createS3Client } from '../../functions/archive/s3-client.js';
import { archiveStorage } from '../../functions/archive/storage.js';
import { createTokenVerifier } from '../../functions/auth/verify.js';
import { ensureTable } from '../../functions/local/dynamodb-local.js';
import { LOCAL_CLIENT_ID, LocalIdentityProvider, type LocalUser } from '../../functions/local/idp.js';
import { ensureBucket } from '../../functions/local/s3-local.js';
import { LocalIdentityDirectory } from '../../functions/identity/local-directory.js';
import { createDocumentClient } from '../../functions/store/client.js';
import type { Role } from '../../shared/roles.js';
import { fencedTenantAccess } from './iam-fence.js';

export const TEST_ISSUER = 'http://localhost:0/local-idp';

/**
 * An API under test: a fresh table in the shared DynamoDB Local, an in-memory local issuer and the
 * real app. Requests go through `app.request`, the same Hono app the servers mount.
 */
export async function createHarness(
  opts: { now?: () => Date; dynamoEndpoint?: string; s3Endpoint?: string; tenantAccess?: AppDeps['tenantAccess']; mail?: AppDeps['mail'] } = {},
) {
  const endpoint = opts.dynamoEndpoint ?? inject('dynamoEndpoint');
  const tableName = `t-${randomUUID().slice(0, 8)}`;
  await ensureTable(endpoint, tableName);
  const idp = await LocalIdentityProvider.open({ issuer: TEST_ISSUER, file: null });
  const doc = createDocumentClient({ tableName, endpoint, region: 'local' });
  // Each test file gets its own bucket in the shared S3-compatible server, as it gets its own table.
  const s3Endpoint = opts.s3Endpoint ?? inject('s3Endpoint');
  const s3 = createS3Client({ endpoint: s3Endpoint });
  const bucket = tableName;
  await ensureBucket(s3, bucket);
  // What the app does with the function's own S3 client (on AWS: the Lambda role); with the fence
  // on, tenant objects must never go through it.
  const ownS3Calls: string[] = [];
  s3.middlewareStack.add(
    (next, context) => async (args) => {
      ownS3Calls.push(context.commandName as string);
      return next(args);
    },
    { step: 'initialize', name: 'countOwnS3', priority: 'low' },
  );
  let clock = opts.now ?? (() => new Date());
  // As on AWS, authenticated tenant requests run behind the tenant role's IAM policy (LeadingKeys
  // fence, infra/tenant-policy.ts): a call AWS would refuse fails here too. IAM_FENCE=off disables it.
  const fence = process.env.IAM_FENCE === 'off' ? undefined : fencedTenantAccess({ endpoint, tableName, s3Endpoint });
  const deps: AppDeps = {
    tenantAccess: opts.tenantAccess ?? fence?.access,
    doc,
    tableName,
    archive: archiveStorage(s3, bucket),
    verifyToken: createTokenVerifier({ issuer: TEST_ISSUER, audience: LOCAL_CLIENT_ID, keys: idp.localKeySet() }),
    directory: new LocalIdentityDirectory(idp),
    now: () => clock(),
    // Written on `deps.usage.flush()`: a test reads usage after flushing, as the report would later.
    usage: new BufferedUsageSink(doc, tableName, { flushMs: 0 }),
    authConfig: { kind: 'local', tokenUrl: `${TEST_ISSUER}/token` },
    version: 'test',
    ...(opts.mail ? { mail: opts.mail } : {}),
  };
  const app = createApp(deps);

  /** Creates a user in the issuer and returns a bearer header for it. */
  async function userToken(u: { role: Role; provinceCode: string | null; localityCode: string | null; email?: string }) {
    const user: LocalUser = await idp.upsertUser({
      email: u.email ?? `${u.role}.${u.provinceCode ?? 'x'}${u.localityCode ?? ''}.${randomUUID().slice(0, 6)}@test.vn`,
      role: u.role,
      provinceCode: u.provinceCode,
      localityCode: u.localityCode,
      password: 'Test@12345',
    });
    return { user, headers: { authorization: `Bearer ${await idp.issueIdToken(user)}` } };
  }

  return {
    app,
    deps,
    doc,
    idp,
    tableName,
    endpoint,
    s3,
    s3Endpoint,
    bucket,
    userToken,
    /** Calls the IAM fence refused (each also failed its request like AccessDenied on AWS). */
    fenceViolations: () => fence?.violations ?? [],
    /** How many S3 requests went through tenant sessions (checked against the policy). */
    fencedS3Requests: () => fence?.checked.s3Requests ?? 0,
    /** Every S3 request of tenant sessions: IAM action and object ARN (`arn:aws:s3:::fenced-archive/<key>`). */
    fencedS3Log: () => fence?.s3Log ?? [],
    /** S3 commands sent with the function's own client (tests' own reads through `s3` count too). */
    ownS3Calls,
    setClock: (fn: () => Date) => (clock = fn),
    close: () => {
      fence?.close();
      doc.destroy();
      s3.destroy();
    },
  };
}

export type Harness = Awaited<ReturnType<typeof createHarness>>;

/**
 * A harness created before the file's tests and closed after them. The object returned is filled
 * once that hook has run: use it inside tests and hooks, and put a file's own set-up (users, seed
 * records) in a `beforeAll` after this call (hooks run in the order they are declared).
 */
export function harnessSuite(opts: Parameters<typeof createHarness>[0] = {}): Harness {
  const h = {} as Harness;
  beforeAll(async () => {
    Object.assign(h, await createHarness(opts));
  });
  afterAll(() => h.close?.());
  return h;
}

/** DynamoDB cost of one API call, read from the metering headers. */
export function ddbCost(res: Response) {
  return {
    requests: Number(res.headers.get('x-ddb-requests')),
    items: Number(res.headers.get('x-ddb-items')),
    rcu: Number(res.headers.get('x-ddb-rcu')),
    wcu: Number(res.headers.get('x-ddb-wcu')),
  };
}
