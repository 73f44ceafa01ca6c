import { MAX_FILE_BYTES } from '../../../shared/archive/limits.js';
import { fileKinds, kindOfMime, type DeclaredFile, type FileKind } from '../../../shared/archive/schema.js';
import { keys } from '../../../shared/keys.js';
import { ProblemError } from '../../http/problem.js';
import { isConditionFailure } from '../../store/versioning.js';
import type { Item } from '../records.js';
import { deleteIncoming, inspectObject } from '../storage.js';
import type { ArchiveContext } from './context.js';

/** What completion accepted: the bytes as read once from the incoming area (kept for the signature and text checks). */
export type AcceptedFile = { size: number; sha256: string; kind: FileKind; etag: string | undefined; bytes: Buffer };

/**
 * Reads what the browser stored (once: size, SHA-256, content kind) and decides by content. A file
 * that fails a check is removed from the incoming area and its upload is spent (status rejected).
 */
export async function checkUploadedFile(ctx: ArchiveContext, upload: Item): Promise<AcceptedFile> {
  const file = upload.file as DeclaredFile;
  const declaredKind = kindOfMime(file.contentType)!;
  const read = await inspectObject(ctx.archive, upload.incomingKey as string, MAX_FILE_BYTES, { keepBytes: true });
  if (read.state === 'missing') {
    throw new ProblemError('conflict', { vi: 'Tệp chưa được tải lên', en: 'The file has not been uploaded yet' });
  }
  if (read.state === 'too-large') {
    await rejectUpload(ctx, upload, 'too-large');
    throw new ProblemError('too-large', {
      vi: `Tệp đã tải lên (${read.size} byte) vượt quá 50 MB`,
      en: `The uploaded file (${read.size} bytes) exceeds 50 MB`,
    });
  }
  if (read.kind !== declaredKind) {
    await rejectUpload(ctx, upload, 'unsupported-media-type');
    throw notTheDeclaredKind(read.kind, declaredKind);
  }
  if (read.size !== file.size) {
    await rejectUpload(ctx, upload, 'size-mismatch');
    throw new ProblemError('validation', {
      vi: `Tệp đã tải lên có ${read.size} byte, khác ${file.size} byte đã khai báo`,
      en: `The uploaded file has ${read.size} bytes, not the declared ${file.size}`,
    });
  }
  if (file.sha256 && file.sha256 !== read.sha256) {
    await rejectUpload(ctx, upload, 'hash-mismatch');
    throw new ProblemError('validation', {
      vi: 'SHA-256 của tệp đã tải lên khác giá trị trình duyệt đã tính: tệp bị hỏng khi truyền',
      en: 'The uploaded file’s SHA-256 differs from the one the browser computed: corrupted in transit',
    });
  }
  return { size: read.size, sha256: read.sha256, kind: read.kind, etag: read.etag, bytes: read.bytes ?? Buffer.alloc(0) };
}

function notTheDeclaredKind(found: FileKind | undefined, declared: FileKind): ProblemError {
  const label = found ? fileKinds[found].label : null;
  return new ProblemError('unsupported-media-type', {
    vi: label ? `Nội dung tệp là ${label}, không phải ${fileKinds[declared].label} như đã khai báo` : 'Nội dung tệp không phải PDF, JPEG, PNG hay DOCX',
    en: label ? `The file's content is ${label}, not ${fileKinds[declared].label} as declared` : 'The content is not PDF, JPEG, PNG or DOCX',
  });
}

/** Spends a pending upload that failed a check; one already completed or rejected is left as it is. */
async function rejectUpload(ctx: ArchiveContext, upload: Item, reason: string): Promise<void> {
  await deleteIncoming(ctx.archive, upload.incomingKey as string);
  try {
    await ctx.store.update({
      Key: keys.documentUpload(ctx.tenant, upload.uploadId as string),
      UpdateExpression: 'SET #status = :rejected, rejectedReason = :reason',
      ConditionExpression: '#status = :pending',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':rejected': 'rejected', ':pending': 'pending', ':reason': reason },
    });
  } catch (err) {
    // Not a conflict for the caller: the answer is the check that failed.
    if (!isConditionFailure(err)) throw err;
  }
}
