import type { S3ClientConfig } from '@aws-sdk/client-s3';
import { STORAGE_RETRY } from '../store/retry.js';

/**
 * The S3 client of the archive, identical against S3 on AWS and an S3-compatible server locally
 * (s3rver): only the endpoint differs. The local server and tests create it up front with this
 * module; the Lambda creates the same client on first use (archive/storage.ts), because a static
 * import of the S3 SDK would cost every cold start ~150 ms.
 */
export type S3Config = { endpoint?: string; region?: string };

/** Local S3-compatible servers (s3rver) accept this fixed key pair; AWS uses the function's role. */
export const LOCAL_S3_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

export function s3ClientConfig(cfg: S3Config): S3ClientConfig {
  return {
    region: cfg.region ?? process.env.AWS_REGION ?? 'ap-southeast-1',
    ...(cfg.endpoint ? { endpoint: cfg.endpoint, forcePathStyle: true, credentials: LOCAL_S3_CREDENTIALS } : {}),
    // Without these the SDK adds flexible checksums: s3rver would store chunk-encoding bytes, and
    // presigned PUT URLs would carry a checksum of an empty body that real S3 rejects.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    ...STORAGE_RETRY,
  };
}
