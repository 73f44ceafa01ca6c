import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono, type MiddlewareHandler } from 'hono';
import { createRemoteJWKSet } from 'jose';
import { createApp, routeNotFound } from '../app.js';
import { capabilityLoaders } from '../capabilities.js';
import type { AppDeps } from '../http/env.js';
import { BufferedUsageSink } from '../http/usage.js';
import { createS3Client } from '../archive/s3-client.js';
import { archiveStorage } from '../archive/storage.js';
import { createTokenVerifier } from '../auth/verify.js';
import { LocalIdentityDirectory } from '../identity/local-directory.js';
import { createDocumentClient } from '../store/client.js';
import { ensureTable, freePort, startDynamoLocal, type DynamoLocal } from './dynamodb-local.js';
import { LOCAL_CLIENT_ID, LocalIdentityProvider } from './idp.js';
import { seedArchiveDemo } from '../demo/archive.js';
import { ensureBucket, LOCAL_ARCHIVE_BUCKET, startS3Local, type S3Local } from './s3-local.js';
import { rebuildDemoRollups, seedDemo } from '../demo/seed.js';
import { migrateDistrictRollupRows } from '../rollups/migrate-district-rows.js';
import { randomBytes } from 'node:crypto';
import { drainOutbox } from '../reminders/outbox.js';
import { runDaily } from '../reminders/daily.js';
import { MeteredStore } from '../store/metered-store.js';
import { startSesLocal, type SesLocal } from './ses-local.js';

export const LOCAL_TABLE_NAME = 'phoi-hop-local';

export type LocalStackOptions = {
  /** Where DynamoDB Local and the local issuer keep their data; null = in memory (tests). */
  dataDir: string | null;
  /** Reuse a running DynamoDB Local (tests share one); otherwise one is started and owned. */
  dynamoEndpoint?: string;
  tableName?: string;
  /** Reuse a running S3-compatible server (tests share one); otherwise s3rver is started in-process. */
  s3Endpoint?: string;
  archiveBucket?: string;
  /** Reuse a running SES v2 emulator (tests share one); otherwise one is started in-process. */
  sesEndpoint?: string;
  port?: number;
  /** Built web app to serve at `/`; omitted in API-only tests. */
  webDist?: string;
  seed?: boolean;
  now?: () => Date;
  log?: (line: string) => void;
};

export type LocalStack = {
  url: string;
  dynamoEndpoint: string;
  tableName: string;
  s3Endpoint: string;
  archiveBucket: string;
  idp: LocalIdentityProvider;
  deps: AppDeps;
  /** The SES v2 emulator: its page (`/`) shows the mail sent. */
  sesEndpoint: string;
  /** Runs the daily reminder job now (or at `now`), with digests to the SES emulator. */
  runReminders: (now?: Date) => ReturnType<typeof runDaily>;
  /** Sends what waits in the mail outbox (the 5-minute schedule on AWS). */
  sendOutbox: (now?: Date) => ReturnType<typeof drainOutbox>;
  stop: () => Promise<void>;
};

/**
 * Everything `npm start` runs, in one process: DynamoDB Local (child java process), the table from
 * the shared definition, the local identity provider, the demo seed, and one HTTP server that
 * mounts the same Hono app the Lambda handler mounts, plus the built web app.
 */
export async function startLocalStack(opts: LocalStackOptions): Promise<LocalStack> {
  const log = opts.log ?? (() => {});
  const tableName = opts.tableName ?? LOCAL_TABLE_NAME;
  const dynamo: DynamoLocal | null = opts.dynamoEndpoint
    ? null
    : await startDynamoLocal({ dataDir: opts.dataDir ? join(opts.dataDir, 'dynamodb') : undefined });
  const dynamoEndpoint = opts.dynamoEndpoint ?? dynamo!.endpoint;
  let s3Local: S3Local | null = null;
  let sesLocal: SesLocal | null = null;
  try {
    s3Local = opts.s3Endpoint ? null : await startS3Local({ dataDir: opts.dataDir ? join(opts.dataDir, 's3') : undefined });
    const s3Endpoint = opts.s3Endpoint ?? s3Local!.endpoint;
    const archiveBucket = opts.archiveBucket ?? LOCAL_ARCHIVE_BUCKET;
    const s3 = createS3Client({ endpoint: s3Endpoint });
    await ensureBucket(s3, archiveBucket);
    log(`S3 (s3rver): ${s3Endpoint} · bucket ${archiveBucket}`);
    sesLocal = opts.sesEndpoint ? null : await startSesLocal();
    const sesEndpoint = opts.sesEndpoint ?? sesLocal!.endpoint;
    log(`SES v2 (aws-ses-v2-local): ${sesEndpoint} — thư đã gửi / sent mail`);
    // Signs and checks the digests' unsubscribe links (on AWS: a Secrets Manager secret).
    process.env.UNSUBSCRIBE_SECRET ??= randomBytes(32).toString('base64url');
    log(`DynamoDB Local: ${dynamoEndpoint}`);
    const created = await ensureTable(dynamoEndpoint, tableName);
    log(`Bảng / table ${tableName}: ${created === 'created' ? 'đã tạo / created' : 'đã có / exists'}`);

    const port = opts.port ?? (await freePort());
    const url = `http://localhost:${port}`;
    const issuer = `${url}/local-idp`;
    const idp = await LocalIdentityProvider.open({ issuer, file: opts.dataDir ? join(opts.dataDir, 'local-idp.json') : null });
    const doc = createDocumentClient({ tableName, endpoint: dynamoEndpoint, region: 'local' });
    if (opts.dataDir && created !== 'created') {
      // A persisted table may hold roll-up rows of the first key shape (docs/data-model.md).
      const { migrated } = await migrateDistrictRollupRows(new MeteredStore(doc, tableName), new Date());
      if (migrated.length) log(`Tổng hợp / roll-ups: ${migrated.length} hàng cũ đã chuyển / old rows migrated`);
    }

    if (opts.seed !== false) {
      const { created: n } = await seedDemo({ doc, tableName, idp });
      log(`Dữ liệu mẫu / demo seed: ${n} mục mới / new items`);
      const archived = await seedArchiveDemo({ doc, tableName, archive: archiveStorage(s3, archiveBucket) });
      log(`Kho văn bản mẫu / demo archive: ${archived.created} văn bản mới / new documents`);
      await rebuildDemoRollups({ doc, tableName });
    }

    // Usage adds up in memory and is written every half second (one write per tenant, not per call).
    const usage = new BufferedUsageSink(doc, tableName, { flushMs: 500 });
    const deps: AppDeps = {
      doc,
      tableName,
      usage,
      archive: archiveStorage(s3, archiveBucket),
      // Verified exactly as Cognito tokens are: remote JWKS, issuer, audience.
      verifyToken: createTokenVerifier({ issuer, audience: LOCAL_CLIENT_ID, keys: createRemoteJWKSet(new URL(`${issuer}/.well-known/jwks.json`)) }),
      directory: new LocalIdentityDirectory(idp),
      now: opts.now ?? (() => new Date()),
      authConfig: { kind: 'local', tokenUrl: `${issuer}/token` },
      version: process.env.APP_VERSION ?? 'local',
      // Trust anchors for digital signatures, as on AWS: a PEM bundle in ARCHIVE_TRUST_ANCHORS_PEM (none shipped).
      trustAnchorsPem: process.env.ARCHIVE_TRUST_ANCHORS_PEM || undefined,
      // Mail goes to the SES v2 emulator through the same code as on AWS.
      mail: {
        config: { from: 'thongbao@phoihop.local', endpoint: sesEndpoint, region: 'ap-southeast-1' },
        appUrl: url,
        secret: process.env.UNSUBSCRIBE_SECRET!,
      },
    };

    const root = new Hono();
    root.notFound(routeNotFound);
    root.use('*', closeAfterUnreadBody);
    root.route('/local-idp', idp.routes());
    root.route('/', createApp(deps));
    // A long-lived server imports every capability at start, as a warm Lambda has after its first
    // requests: the first clicks (and a load test's first seconds) do not wait for a module to load.
    await Promise.all(Object.values(capabilityLoaders).map((load) => load()));
    if (opts.webDist && existsSync(opts.webDist)) {
      const rootDir = relative(process.cwd(), opts.webDist) || '.';
      root.use('/*', serveStatic({ root: rootDir }));
      // Client-side routes (e.g. /trang-thai) get the app shell.
      root.get('*', serveStatic({ root: rootDir, path: 'index.html' }));
    }

    const server: ServerType = await new Promise((resolve) => {
      const s = serve({ fetch: root.fetch, port, hostname: '127.0.0.1' }, () => resolve(s));
    });

    const runReminders = (at?: Date) =>
      runDaily({
        store: new MeteredStore(doc, tableName),
        now: at ?? deps.now(),
        mail: deps.mail!,
      });
    const sendOutbox = (at?: Date) => drainOutbox(new MeteredStore(doc, tableName), deps.mail!, at ?? deps.now());

    let stopped = false;
    return {
      url,
      sesEndpoint,
      runReminders,
      sendOutbox,
      dynamoEndpoint,
      tableName,
      s3Endpoint,
      archiveBucket,
      idp,
      deps,
      stop: async () => {
        if (stopped) return;
        stopped = true;
        const closed = new Promise<void>((r) => server.close(() => r()));
        // Keep-alive sockets would hold close() open until they time out.
        (server as { closeAllConnections?: () => void }).closeAllConnections?.();
        await closed;
        await usage.close().catch(() => {});
        doc.destroy();
        s3.destroy();
        await s3Local?.stop();
        await sesLocal?.stop();
        await dynamo?.stop();
      },
    };
  } catch (err) {
    await sesLocal?.stop();
    await s3Local?.stop();
    await dynamo?.stop();
    throw err;
  }
}

/**
 * Node keeps a keep-alive socket only if the request body was read to its end. An error answered
 * before reading it (413 from the body limit, 401 before a handler parsed JSON, 404) would leave the
 * unread bytes in the socket, and Node closes it under the client's next request ("other side
 * closed"). Such answers say `Connection: close`, so browsers and client pools open a fresh one.
 * (On AWS, API Gateway owns the client connection; this is the local server's concern only.)
 */
const closeAfterUnreadBody: MiddlewareHandler = async (c, next) => {
  await next();
  const length = Number(c.req.header('content-length') ?? 0);
  const hasBody = length > 0 || c.req.header('transfer-encoding') !== undefined;
  if (!hasBody || c.res.status < 400) return;
  if (c.res.status !== 413 && c.req.raw.bodyUsed) return;
  c.res = new Response(c.res.body, c.res);
  c.res.headers.set('connection', 'close');
};
