import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { GetObjectCommandOutput, S3Client } from '@aws-sdk/client-s3';
import { s3ClientConfig } from './s3-config.js';
import type { FileKind } from '../../shared/archive/schema.js';
import { MAX_FILE_BYTES } from '../../shared/archive/limits.js';
import { FileSniffer } from './sniff.js';

/**
 * The archive's S3 access, identical against S3 on AWS and an S3-compatible server locally
 * (s3rver): only the endpoint differs. Browsers never get credentials, only short presigned URLs.
 */
export type ArchiveStorage = {
  bucket: string;
  /** The S3 client, created on first use: the S3 SDK and the presigner cost ~150 ms of every cold start. */
  client: () => Promise<S3Client>;
};

/** Storage over an existing client (the local server and tests create theirs up front). */
export function archiveStorage(s3: S3Client, bucket: string): ArchiveStorage {
  return { bucket, client: async () => s3 };
}

const s3Sdk = () => import('@aws-sdk/client-s3');

/** ARCHIVE_BUCKET (required) and S3_ENDPOINT (local only). */
export function archiveStorageFromEnv(env: NodeJS.ProcessEnv = process.env): ArchiveStorage {
  const bucket = env.ARCHIVE_BUCKET;
  if (!bucket) throw new Error('ARCHIVE_BUCKET is not set');
  let client: Promise<S3Client> | undefined;
  const config = { endpoint: env.S3_ENDPOINT || undefined, region: env.AWS_REGION };
  return { bucket, client: () => (client ??= s3Sdk().then(({ S3Client }) => new S3Client(s3ClientConfig(config)))) };
}

/**
 * A presigned PUT bound to the declared length and content type: S3 refuses a body of another size
 * or type (they are signed headers), and the URL dies after `expiresIn` seconds.
 */
export async function presignPut(
  st: ArchiveStorage,
  key: string,
  file: { contentType: string; size: number },
  opts: { now: Date; expiresIn: number },
): Promise<string> {
  const [{ PutObjectCommand }, { getSignedUrl }] = await Promise.all([s3Sdk(), import('@aws-sdk/s3-request-presigner')]);
  return getSignedUrl(await st.client(), new PutObjectCommand({ Bucket: st.bucket, Key: key, ContentType: file.contentType, ContentLength: file.size }), {
    expiresIn: opts.expiresIn,
    signingDate: opts.now,
    signableHeaders: new Set(['content-type', 'content-length']),
  });
}

/**
 * A short-lived GET for preview (inline) or download (attachment) under the original file name, of
 * exactly the stored version when S3 reported one at copy (pinned: a later object under the same
 * key is never served in its place).
 */
export async function presignGet(
  st: ArchiveStorage,
  key: string,
  file: { fileName: string; contentType: string; disposition: 'inline' | 'attachment'; versionId?: string },
  opts: { now: Date; expiresIn: number },
): Promise<string> {
  const [{ GetObjectCommand }, { getSignedUrl }] = await Promise.all([s3Sdk(), import('@aws-sdk/s3-request-presigner')]);
  return getSignedUrl(
    await st.client(),
    new GetObjectCommand({
      Bucket: st.bucket,
      Key: key,
      ...(file.versionId ? { VersionId: file.versionId } : {}),
      ResponseContentType: file.contentType,
      ResponseContentDisposition: contentDisposition(file.disposition, file.fileName),
      ResponseCacheControl: 'private, no-store',
    }),
    { expiresIn: opts.expiresIn, signingDate: opts.now },
  );
}

/** RFC 6266: an ASCII fallback plus the UTF-8 name (Vietnamese file names survive). */
export function contentDisposition(disposition: 'inline' | 'attachment', fileName: string): string {
  const ascii = fileName
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, (c) => (c === 'đ' ? 'd' : 'D'))
    .replace(/[^\x20-\x7e]|["\\]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${disposition}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

export type Inspection =
  | { state: 'missing' }
  | { state: 'too-large'; size: number }
  | { state: 'read'; size: number; sha256: string; kind: FileKind | undefined; etag: string | undefined; bytes?: Buffer };

function isMissing(err: unknown): boolean {
  const name = (err as { name?: string }).name;
  // Without s3:ListBucket, S3 answers a missing key with AccessDenied instead of NoSuchKey.
  return name === 'NoSuchKey' || name === 'NotFound' || name === 'AccessDenied';
}

/**
 * Reads an object once: SHA-256 (streaming), size, and the content kind; with `keepBytes`, also the
 * bytes (≤ `maxBytes`), for the checks that need the whole file (signatures, text). Stops without
 * reading when S3 reports more than `maxBytes`, and while reading if the stream runs past it.
 * `versionId` reads exactly that version of the key.
 */
export async function inspectObject(
  st: ArchiveStorage,
  key: string,
  maxBytes: number,
  opts: { versionId?: string; keepBytes?: boolean } = {},
): Promise<Inspection> {
  let out: GetObjectCommandOutput;
  try {
    const { GetObjectCommand } = await s3Sdk();
    out = await (await st.client()).send(new GetObjectCommand({ Bucket: st.bucket, Key: key, ...(opts.versionId ? { VersionId: opts.versionId } : {}) }));
  } catch (err) {
    if (isMissing(err)) return { state: 'missing' };
    throw err;
  }
  const body = out.Body as (Readable & AsyncIterable<Uint8Array>) | undefined;
  if (!body) return { state: 'missing' };
  if ((out.ContentLength ?? 0) > maxBytes) {
    body.destroy();
    return { state: 'too-large', size: out.ContentLength ?? 0 };
  }
  const hash = createHash('sha256');
  const sniffer = new FileSniffer();
  let size = 0;
  const kept: Buffer[] = [];
  for await (const chunk of body) {
    const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk);
    size += buf.length;
    if (size > maxBytes) {
      body.destroy();
      return { state: 'too-large', size };
    }
    hash.update(buf);
    sniffer.push(buf);
    if (opts.keepBytes) kept.push(buf);
  }
  const bytes = opts.keepBytes ? { bytes: Buffer.concat(kept, size) } : {};
  return { state: 'read', size, sha256: hash.digest('hex'), kind: sniffer.result(), etag: out.ETag, ...bytes };
}

/**
 * Copies a checked upload from the incoming area to its permanent key. `CopySourceIfMatch` makes
 * S3 refuse the copy if the browser re-uploaded the incoming object after it was hashed. Returns
 * the version id S3 gave the copy (a versioned bucket: always on AWS; s3rver has no versioning).
 */
export async function copyToArchive(
  st: ArchiveStorage,
  from: string,
  to: string,
  opts: { etag: string | undefined; contentType: string; metadata: Record<string, string> },
): Promise<{ versionId?: string }> {
  const { CopyObjectCommand } = await s3Sdk();
  const out = await (await st.client()).send(
    new CopyObjectCommand({
      Bucket: st.bucket,
      Key: to,
      CopySource: `${st.bucket}/${from}`,
      ...(opts.etag ? { CopySourceIfMatch: opts.etag } : {}),
      MetadataDirective: 'REPLACE',
      ContentType: opts.contentType,
      Metadata: opts.metadata,
    }),
  );
  return out.VersionId ? { versionId: out.VersionId } : {};
}

/** Only incoming objects are ever deleted (rejected or completed uploads); stored originals never. */
export async function deleteIncoming(st: ArchiveStorage, key: string): Promise<void> {
  if (!key.startsWith('incoming/')) throw new Error(`refusing to delete a stored original: ${key}`);
  try {
    const { DeleteObjectCommand } = await s3Sdk();
    await (await st.client()).send(new DeleteObjectCommand({ Bucket: st.bucket, Key: key }));
  } catch (err) {
    // The lifecycle rule on incoming/ removes leftovers; a failed clean-up must not fail the request.
    console.error(JSON.stringify({ level: 'warn', msg: 'archive: could not delete incoming object', key, error: String(err) }));
  }
}

/**
 * Re-reads a stored original and compares its SHA-256 with the one recorded at upload. A mismatch
 * or a missing object is logged as an error (`context` says which document and version).
 */
export async function verifyStored(
  st: ArchiveStorage,
  stored: { key: string; versionId?: string; keepBytes?: boolean },
  expectedSha256: string,
  context: Record<string, unknown>,
): Promise<{ ok: boolean; actual: string; size: number; bytes?: Buffer }> {
  const key = stored.key;
  const read = await inspectObject(st, key, MAX_FILE_BYTES, { versionId: stored.versionId, keepBytes: stored.keepBytes });
  const actual = read.state === 'read' ? read.sha256 : '';
  const ok = actual === expectedSha256;
  if (!ok) {
    console.error(
      JSON.stringify({
        level: 'error',
        msg: 'archive: integrity check failed',
        ...context,
        key,
        expected: expectedSha256,
        actual,
        missing: read.state === 'missing',
      }),
    );
  }
  return { ok, actual, size: read.state === 'missing' ? 0 : read.size, ...(ok && read.state === 'read' && read.bytes ? { bytes: read.bytes } : {}) };
}
