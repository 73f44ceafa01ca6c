import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import { CreateInvalidationCommand, type CloudFrontClient } from '@aws-sdk/client-cloudfront';
import { CopyObjectCommand, GetObjectCommand, PutObjectCommand, PutObjectTaggingCommand, type S3Client } from '@aws-sdk/client-s3';
import { SUPERSEDED_TAG } from './web.js';

/**
 * Publishing the built web app (web/dist) to the web bucket without breaking pages already open:
 *
 * - nothing is deleted: hashed assets of earlier releases stay, so an index.html loaded before the
 *   release still finds its scripts;
 * - assets the new release no longer references are re-written in place with the superseded tag,
 *   which starts their grace period: the bucket's lifecycle rule (infra/web.ts) deletes them
 *   `webAssetGraceDays` later. Current files are always written untagged, so they never expire;
 * - hashed assets first, index.html last: a new index.html never points at a missing file.
 *
 * `release.json` in the bucket lists the current release's files: the next publish reads it to know
 * what it supersedes.
 */
export const RELEASE_MANIFEST_KEY = 'release.json';

export type ReleaseManifest = { version: string; publishedAt: string; files: string[] };
export type WebObject = { key: string; path: string; contentType: string; cacheControl: string };
export type WebPublishPlan = { uploads: WebObject[]; superseded: string[]; manifest: ReleaseManifest; invalidate: string[] };

/** Vite puts every content-hashed file under assets/; the rest (index.html, …) keeps its name. */
const isHashedAsset = (key: string) => key.startsWith('assets/');

export const CACHE_IMMUTABLE = 'public, max-age=31536000, immutable';
/** Revalidated on every load (an ETag round trip): a release shows at once. */
export const CACHE_REVALIDATE = 'no-cache';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json',
};

export function objectHeaders(key: string): { contentType: string; cacheControl: string } {
  return {
    contentType: CONTENT_TYPES[extname(key).toLowerCase()] ?? 'application/octet-stream',
    cacheControl: isHashedAsset(key) ? CACHE_IMMUTABLE : CACHE_REVALIDATE,
  };
}

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? listFiles(path) : [path];
  });
}

export function planWebPublish(distDir: string, version: string, previous: ReleaseManifest | null, now: Date): WebPublishPlan {
  const files = listFiles(distDir).map((path) => ({ path, key: relative(distDir, path).split(sep).join('/') }));
  if (!files.some((f) => f.key === 'index.html')) throw new Error(`${distDir} has no index.html: build the web app first (npm run build:web)`);
  const rank = (key: string) => (isHashedAsset(key) ? 0 : key === 'index.html' ? 2 : 1);
  const uploads = files.map((f) => ({ ...f, ...objectHeaders(f.key) })).sort((a, b) => rank(a.key) - rank(b.key) || a.key.localeCompare(b.key));
  const current = new Set(uploads.map((u) => u.key));
  const superseded = (previous?.files ?? []).filter((k) => !current.has(k) && k !== RELEASE_MANIFEST_KEY).sort();
  return {
    uploads,
    superseded,
    manifest: { version, publishedAt: now.toISOString(), files: [...current].sort() },
    // Hashed names never change content; only the fixed names need CloudFront to look again.
    invalidate: ['/', ...uploads.filter((u) => !isHashedAsset(u.key)).map((u) => `/${u.key}`), `/${RELEASE_MANIFEST_KEY}`],
  };
}

export async function readManifest(s3: S3Client, bucket: string): Promise<ReleaseManifest | null> {
  try {
    const out = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: RELEASE_MANIFEST_KEY }));
    return JSON.parse(await out.Body!.transformToString()) as ReleaseManifest;
  } catch (err) {
    if ((err as Error).name === 'NoSuchKey') return null; // first publish
    throw err;
  }
}

export type PublishWebOptions = {
  s3: S3Client;
  bucket: string;
  distDir: string;
  version: string;
  now?: Date;
  /** With a distribution: invalidate the fixed names once the release is in the bucket. */
  cloudfront?: { client: CloudFrontClient; distributionId: string };
  log?: (line: string) => void;
};

export async function publishWeb(opts: PublishWebOptions): Promise<WebPublishPlan> {
  const log = opts.log ?? (() => {});
  const now = opts.now ?? new Date();
  const previous = await readManifest(opts.s3, opts.bucket);
  const plan = planWebPublish(opts.distDir, opts.version, previous, now);
  const wasCurrent = new Set(previous?.files ?? []);
  for (const u of plan.uploads) {
    await opts.s3.send(
      new PutObjectCommand({ Bucket: opts.bucket, Key: u.key, Body: readFileSync(u.path), ContentType: u.contentType, CacheControl: u.cacheControl }),
    );
    // A key can come back while still tagged (a rollback to an older release): clear its tags
    // explicitly rather than trust every S3 implementation to drop them on overwrite.
    if (!wasCurrent.has(u.key)) await opts.s3.send(new PutObjectTaggingCommand({ Bucket: opts.bucket, Key: u.key, Tagging: { TagSet: [] } }));
  }
  log(`uploaded ${plan.uploads.length} files (index.html last)`);
  await opts.s3.send(
    new PutObjectCommand({
      Bucket: opts.bucket,
      Key: RELEASE_MANIFEST_KEY,
      Body: JSON.stringify(plan.manifest, null, 2),
      ContentType: 'application/json',
      CacheControl: CACHE_REVALIDATE,
    }),
  );
  for (const key of plan.superseded) {
    // A copy onto itself is a new object: the lifecycle's day count starts now, not at first upload.
    const { contentType, cacheControl } = objectHeaders(key);
    try {
      await opts.s3.send(
        new CopyObjectCommand({
          Bucket: opts.bucket,
          Key: key,
          CopySource: `${opts.bucket}/${encodeURIComponent(key).replace(/%2F/g, '/')}`,
          MetadataDirective: 'REPLACE',
          ContentType: contentType,
          CacheControl: cacheControl,
          Metadata: { 'superseded-by': opts.version, 'superseded-at': now.toISOString() },
        }),
      );
      await opts.s3.send(
        new PutObjectTaggingCommand({ Bucket: opts.bucket, Key: key, Tagging: { TagSet: [{ Key: SUPERSEDED_TAG.key, Value: SUPERSEDED_TAG.value }] } }),
      );
    } catch (err) {
      if ((err as Error).name !== 'NoSuchKey') throw err; // already expired: nothing to keep
    }
  }
  log(`${plan.superseded.length} files of the previous release tagged superseded (kept for the grace period)`);
  if (opts.cloudfront) {
    await opts.cloudfront.client.send(
      new CreateInvalidationCommand({
        DistributionId: opts.cloudfront.distributionId,
        InvalidationBatch: { CallerReference: `${opts.version}-${now.getTime()}`, Paths: { Quantity: plan.invalidate.length, Items: plan.invalidate } },
      }),
    );
    log(`CloudFront invalidation: ${plan.invalidate.join(' ')}`);
  }
  return plan;
}
