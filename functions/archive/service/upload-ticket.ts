import { MAX_FILE_BYTES } from '../../../shared/archive/limits.js';
import { kindOfMime, UPLOAD_TTL_SECONDS, UPLOAD_URL_TTL_SECONDS, type DeclaredFile, type UploadTicket } from '../../../shared/archive/schema.js';
import { keys, s3Keys, tenantPrefix } from '../../../shared/keys.js';
import { ProblemError } from '../../http/problem.js';
import { actorOf, type Item } from '../records.js';
import { presignPut } from '../storage.js';
import type { ArchiveContext } from './context.js';

/**
 * Declaring an upload, for a new document or a new version: the upload record (pending, expires
 * after a day) and a presigned PUT into the tenant's incoming area. Nothing is archived until the
 * completion has read and checked what arrived.
 */

/** Declared file: a size over the limit is 413, a type outside PDF/JPEG/PNG/DOCX is 415 — before any upload. */
export function acceptDeclaredFile(file: DeclaredFile): void {
  if (file.size > MAX_FILE_BYTES) {
    const vi = `Tệp ${file.size} byte vượt quá giới hạn 50 MB`;
    const en = `File of ${file.size} bytes exceeds the 50 MB limit`;
    throw new ProblemError('too-large', { vi, en }, [{ field: 'file.size', in: 'body', code: 'too_big', message_vi: vi, message_en: en }]);
  }
  if (!kindOfMime(file.contentType)) {
    throw new ProblemError('unsupported-media-type', {
      vi: `Chỉ nhận PDF, JPEG, PNG hoặc DOCX (không nhận "${file.contentType}")`,
      en: `Only PDF, JPEG, PNG or DOCX are accepted (not "${file.contentType}")`,
    });
  }
}

/** What the upload is for: a new document (with its metadata) or the next version of one. */
export type UploadPurpose =
  | { purpose: 'new'; documentId: string; document: unknown }
  | { purpose: 'version'; documentId: string; expectedVersion: number; note: string };

export async function issueUpload(ctx: ArchiveContext, uploadId: string, file: DeclaredFile, purpose: UploadPurpose): Promise<UploadTicket> {
  const { tenant: t, now } = ctx;
  const incomingKey = s3Keys.incoming(t, uploadId);
  const item: Item = {
    ...keys.documentUpload(t, uploadId),
    entity: 'document-upload',
    tenant: tenantPrefix(t),
    uploadId,
    incomingKey,
    createdBy: actorOf(ctx.actor),
    createdAt: now.toISOString(),
    status: 'pending',
    expiresAt: Math.floor(now.getTime() / 1000) + UPLOAD_TTL_SECONDS,
    ...purpose,
    file,
  };
  await ctx.store.put({ Item: item, ConditionExpression: 'attribute_not_exists(PK)' });
  const url = await presignPut(ctx.archive, incomingKey, file, { now, expiresIn: UPLOAD_URL_TTL_SECONDS });
  return {
    uploadId,
    documentId: purpose.documentId,
    put: { url, method: 'PUT', headers: { 'content-type': file.contentType } },
    expiresAt: new Date(now.getTime() + UPLOAD_URL_TTL_SECONDS * 1000).toISOString(),
  };
}
