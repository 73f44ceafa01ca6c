import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateBucketCommand, HeadBucketCommand, PutBucketCorsCommand, type S3Client } from '@aws-sdk/client-s3';
import S3rver from 's3rver';
import { createS3Client } from '../archive/s3-client.js';

export const LOCAL_ARCHIVE_BUCKET = 'phoi-hop-archive-local';

export type S3Local = { endpoint: string; stop: () => Promise<void> };

/**
 * An S3-compatible server (s3rver) in this process: the archive talks to it exactly as to S3.
 * `dataDir` persists the objects; without it they live in a temporary folder removed on stop.
 */
export async function startS3Local(opts: { dataDir?: string; port?: number } = {}): Promise<S3Local> {
  const directory = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'phoi-hop-s3-'));
  mkdirSync(directory, { recursive: true });
  const server = new S3rver({ address: '127.0.0.1', port: opts.port ?? 0, directory, silent: true, vhostBuckets: false });
  const { port } = await server.run();
  let stopped = false;
  return {
    endpoint: `http://localhost:${port}`,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await server.close();
      if (!opts.dataDir) rmSync(directory, { recursive: true, force: true });
    },
  };
}

/**
 * Creates the archive bucket if needed and lets browsers PUT (presigned uploads) and GET (preview)
 * from any origin: the URLs themselves carry the authorisation. Infra sets the same rule on the
 * real bucket, limited to the web app's origin.
 */
export async function ensureBucket(s3OrEndpoint: S3Client | string, bucket: string): Promise<'created' | 'exists'> {
  const s3 = typeof s3OrEndpoint === 'string' ? createS3Client({ endpoint: s3OrEndpoint }) : s3OrEndpoint;
  let result: 'created' | 'exists' = 'exists';
  try {
    await s3.send(new HeadBucketCommand({ Bucket: bucket }));
  } catch {
    await s3.send(new CreateBucketCommand({ Bucket: bucket }));
    result = 'created';
  }
  await s3.send(
    new PutBucketCorsCommand({
      Bucket: bucket,
      CORSConfiguration: {
        CORSRules: [{ AllowedOrigins: ['*'], AllowedMethods: ['PUT', 'GET', 'HEAD'], AllowedHeaders: ['*'], ExposeHeaders: ['ETag'], MaxAgeSeconds: 3000 }],
      },
    }),
  );
  if (typeof s3OrEndpoint === 'string') s3.destroy();
  return result;
}
