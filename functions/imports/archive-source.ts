import type { Readable } from 'node:stream';
import type { Context } from 'hono';
import type { TenantRef } from '../../shared/keys.js';
import { readStoredVersion } from '../archive/repository.js';
import { MAX_DOCUMENT_BYTES } from '../../shared/imports/schema.js';
import type { AppEnv } from '../http/env.js';
import { ProblemError } from '../http/problem.js';

/**
 * The bytes of one archived version of the caller's own tenant (the version record's S3 key is
 * checked to lie under the tenant's prefix by `readStoredVersion`); null when there is none.
 * Stops past the extraction's size limit instead of buffering a larger object.
 */
export async function readArchivedBytes(c: Context<AppEnv>, t: TenantRef, id: string, n: number): Promise<{ bytes: Uint8Array; fileName: string } | null> {
  const version = (await readStoredVersion(c.var.store, t, id, n, false)) as { s3Key: string; fileName: string } | null;
  if (!version) return null;
  const st = c.var.deps.archive;
  const { GetObjectCommand } = await import('@aws-sdk/client-s3');
  const out = await (await st.client()).send(new GetObjectCommand({ Bucket: st.bucket, Key: version.s3Key }));
  const body = out.Body as (Readable & AsyncIterable<Uint8Array>) | undefined;
  if (!body) return null;
  const tooLarge = () =>
    new ProblemError('too-large', { vi: 'Tệp quá lớn để đọc', en: 'The file is too large to read' }, [
      { field: 'documentId', in: 'body', code: 'too_large', message_vi: 'Tệp quá lớn để đọc', message_en: 'The file is too large to read' },
    ]);
  if ((out.ContentLength ?? 0) > MAX_DOCUMENT_BYTES) {
    body.destroy();
    throw tooLarge();
  }
  const parts: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += chunk.length;
    if (size > MAX_DOCUMENT_BYTES) {
      body.destroy();
      throw tooLarge();
    }
    parts.push(Buffer.from(chunk));
  }
  return { bytes: Buffer.concat(parts), fileName: version.fileName };
}
