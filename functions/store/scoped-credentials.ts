import type { S3Client } from '@aws-sdk/client-s3';
import type { AssumeRoleCommand, AssumeRoleCommandOutput } from '@aws-sdk/client-sts';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Context } from 'hono';
import type { Identity } from '../../shared/identity.js';
import { roleSessionName, sessionKey, sessionTagKeys, sessionTagsFor, type SessionTags } from '../../shared/tenant-access.js';
import type { AppEnv } from '../http/env.js';
import { ProblemError } from '../http/problem.js';
import { createDocumentClient, STORAGE_RETRY } from './client.js';
import { MeteredStore } from './metered-store.js';

/** Temporary credentials of one tenant session (the shape the AWS SDK clients accept). */
export type TenantCredentials = { accessKeyId: string; secretAccessKey: string; sessionToken: string; expiration: Date };

/** What the API needs from STS; tests pass a fake. */
export type StsLike = { send(command: AssumeRoleCommand): Promise<Pick<AssumeRoleCommandOutput, 'Credentials'>> };

/**
 * Per-tenant access on AWS (issue #8): `TENANT_ROLE_ARN` set → every authenticated request of a
 * tenant uses credentials from `sts:AssumeRole` on the tenant-data role with session tags derived
 * from the verified identity (`sessionTagsFor`). The role's policy only allows that tenant's
 * partitions (`dynamodb:LeadingKeys`) and archive prefix, so an application bug that builds another
 * tenant's key is refused by DynamoDB itself.
 */
export type TenantAccess = {
  /** Credentials for the identity's tenant session (cached until shortly before expiry). */
  credentials(identity: Identity): Promise<TenantCredentials>;
  /** A DocumentClient signing with those credentials (one per tenant session, reused). */
  doc(identity: Identity): Promise<DynamoDBDocumentClient>;
  /** The same for explicit tags: a read of history or of a merged province (sessionTagsForTarget). */
  docForTags(tags: SessionTags): Promise<DynamoDBDocumentClient>;
  /**
   * An S3 client signing with the session's credentials: the archive presigns, reads, copies and
   * deletes tenant objects only with it (the role's policy allows only the tenant's prefix).
   */
  s3ForTags(tags: SessionTags): Promise<S3Client>;
};

export type TenantAccessOptions = {
  roleArn: string;
  sts: StsLike;
  region?: string;
  /** Session length asked of STS; role chaining (Lambda role → tenant role) caps it at 1 h. */
  durationSeconds?: number;
  /** Credentials are renewed this long before they expire (default 15 min, longer than any presigned URL lives). */
  refreshMarginMs?: number;
  /** Tenant sessions kept per process (least recently used are dropped). */
  maxSessions?: number;
  now?: () => number;
  /** Builds the DocumentClient for a session (tests: a client for DynamoDB Local). */
  createDoc?: (credentials: () => Promise<TenantCredentials>) => DynamoDBDocumentClient;
  /** Builds the S3 client for a session (the Lambda entry passes the archive's client settings). */
  createS3?: (credentials: () => Promise<TenantCredentials>) => Promise<S3Client>;
};

type Session = {
  tags: SessionTags;
  current?: TenantCredentials;
  pending?: Promise<TenantCredentials>;
  doc?: DynamoDBDocumentClient;
  s3?: Promise<S3Client>;
};

export function createTenantAccess(opts: TenantAccessOptions): TenantAccess {
  const durationSeconds = opts.durationSeconds ?? 3600;
  // A presigned URL dies with the credentials that signed it: renew well before the longest URL (10 min) could outlive them.
  const margin = opts.refreshMarginMs ?? 15 * 60_000;
  const maxSessions = opts.maxSessions ?? 200;
  const now = opts.now ?? Date.now;
  const sessions = new Map<string, Session>();

  function sessionFor(tags: SessionTags): Session {
    const key = sessionKey(tags);
    let s = sessions.get(key);
    if (s) {
      sessions.delete(key); // re-insert: Map order = recency
    } else {
      s = { tags };
      if (sessions.size >= maxSessions) {
        const [oldestKey, oldest] = sessions.entries().next().value as [string, Session];
        sessions.delete(oldestKey);
        oldest.doc?.destroy();
        void oldest.s3?.then((c) => c.destroy());
      }
    }
    sessions.set(key, s);
    return s;
  }

  async function assume(tags: SessionTags): Promise<TenantCredentials> {
    // Imported on first use: public requests (health, config, localities) never need STS.
    const { AssumeRoleCommand } = await import('@aws-sdk/client-sts');
    const out = await opts.sts.send(
      new AssumeRoleCommand({
        RoleArn: opts.roleArn,
        RoleSessionName: roleSessionName(tags),
        DurationSeconds: durationSeconds,
        Tags: sessionTagKeys.map((Key) => ({ Key, Value: tags[Key] })),
      }),
    );
    const c = out.Credentials;
    if (!c?.AccessKeyId || !c.SecretAccessKey || !c.SessionToken || !c.Expiration) throw new Error('AssumeRole returned no credentials');
    return { accessKeyId: c.AccessKeyId, secretAccessKey: c.SecretAccessKey, sessionToken: c.SessionToken, expiration: new Date(c.Expiration) };
  }

  function credentialsOf(s: Session): Promise<TenantCredentials> {
    if (s.current && s.current.expiration.getTime() - now() > margin) return Promise.resolve(s.current);
    // One AssumeRole per session at a time, however many requests arrive together.
    s.pending ??= assume(s.tags).then(
      (c) => {
        s.current = c;
        s.pending = undefined;
        return c;
      },
      (err) => {
        s.pending = undefined;
        throw err;
      },
    );
    return s.pending;
  }

  const createDoc = opts.createDoc ?? ((credentials) => createDocumentClient({ tableName: '', region: opts.region, credentials }));

  async function docOf(s: Session): Promise<DynamoDBDocumentClient> {
    await credentialsOf(s); // fail here (→ 503) rather than inside a store call
    s.doc ??= createDoc(() => credentialsOf(s));
    return s.doc;
  }

  const createS3 =
    opts.createS3 ??
    (async (credentials: () => Promise<TenantCredentials>) => {
      const { S3Client } = await import('@aws-sdk/client-s3');
      return new S3Client({
        region: opts.region,
        credentials,
        requestChecksumCalculation: 'WHEN_REQUIRED',
        responseChecksumValidation: 'WHEN_REQUIRED',
        ...STORAGE_RETRY,
      });
    });

  async function s3Of(s: Session): Promise<S3Client> {
    await credentialsOf(s);
    s.s3 ??= createS3(() => credentialsOf(s));
    return s.s3;
  }

  return {
    credentials: (identity) => credentialsOf(sessionFor(sessionTagsFor(identity))),
    doc: (identity) => docOf(sessionFor(sessionTagsFor(identity))),
    docForTags: (tags) => docOf(sessionFor(tags)),
    s3ForTags: (tags) => s3Of(sessionFor(tags)),
  };
}

/** From the Lambda environment; undefined locally (no `TENANT_ROLE_ARN`): the single client is used. */
export function tenantAccessFromEnv(env: NodeJS.ProcessEnv = process.env): TenantAccess | undefined {
  const roleArn = env.TENANT_ROLE_ARN;
  if (!roleArn) return undefined;
  const region = env.AWS_REGION ?? 'ap-southeast-1';
  let client: Promise<{ send: StsLike['send'] }> | undefined;
  const sts: StsLike = {
    send: async (command) => {
      client ??= import('@aws-sdk/client-sts').then(({ STSClient }) => new STSClient({ region, ...STORAGE_RETRY }));
      return (await client).send(command);
    },
  };
  return createTenantAccess({ roleArn, region, sts });
}

/**
 * After `requireAuth`: the request's store signs with the tenant's scoped credentials. The new
 * store carries on the request's metering (`x-ddb-*`). Identities without a tenant (operators) and
 * local runs keep the process's client.
 */
const scopedStores = new WeakSet<MeteredStore>();

export async function useTenantStore(c: Context<AppEnv>): Promise<void> {
  const access = c.var.deps.tenantAccess;
  const identity = c.var.identity;
  // Already scoped: requireAuth can match twice (e.g. `/me` and `/me/*`).
  if (!access || !identity.provinceCode || scopedStores.has(c.var.store)) return;
  await swapStore(c, sessionTagsFor(identity), () => access.doc(identity));
}

/**
 * After an access check allowed a tenant other than the identity's own (auth/tenant-scope.ts): the
 * request's store signs with a session fenced to that tenant (read-only for a successor commune).
 */
export async function useTargetStore(c: Context<AppEnv>, tags: SessionTags): Promise<void> {
  const access = c.var.deps.tenantAccess;
  if (!access) return;
  await swapStore(c, tags, () => access.docForTags(tags));
}

async function swapStore(c: Context<AppEnv>, tags: SessionTags, docOf: () => Promise<DynamoDBDocumentClient>): Promise<void> {
  let doc: DynamoDBDocumentClient;
  try {
    doc = await docOf();
  } catch (err) {
    console.error(JSON.stringify({ level: 'error', msg: 'tenant credentials unavailable', error: String(err) }));
    throw new ProblemError('storage-unavailable', {
      vi: 'Không lấy được quyền truy cập dữ liệu của đơn vị',
      en: 'Could not obtain tenant-scoped data access',
    });
  }
  const previous = c.var.store;
  const store = new MeteredStore(doc, previous.tableName);
  Object.assign(store.metrics, previous.metrics);
  scopedStores.add(store);
  c.set('store', store);
  // The archive's S3 calls of this request use the same session (functions/archive/tenant-storage.ts).
  c.set('sessionTags', tags);
}
