import { S3Client } from '@aws-sdk/client-s3';
import { type S3Config, s3ClientConfig } from './s3-config.js';

export { LOCAL_S3_CREDENTIALS, type S3Config, s3ClientConfig } from './s3-config.js';

/**
 * The archive's S3 client, created up front by the local server and the tests. The Lambda never
 * imports this module: it builds the same client on first use from ./s3-config.ts (archive/storage.ts).
 */
export function createS3Client(cfg: S3Config): S3Client {
  return new S3Client(s3ClientConfig(cfg));
}
