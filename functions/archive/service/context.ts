import type { FieldError } from '../../../shared/problem.js';
import { ProblemError } from '../../http/problem.js';
import type { OpContext } from '../../store/op-context.js';
import type { ArchiveStorage } from '../storage.js';

export { notFound } from '../../auth/tenant-scope.js';
export type { OpContext };

/**
 * What an archive write works with: the shared `OpContext` (store, tenant, actor, now) and the
 * archive's bucket, for the writes that touch S3 (declare, complete) through ../storage.ts.
 */
export type ArchiveContext = OpContext & {
  archive: ArchiveStorage;
  /** PEM bundle of the environment's trust anchors for digital signatures (none shipped). */
  trustAnchorsPem?: string;
};

export function fieldError(field: string, vi: string, en: string, code = 'custom'): FieldError {
  return { field, in: 'body', code, message_vi: vi, message_en: en };
}

export function uploadNotFound(): ProblemError {
  return new ProblemError('not-found', { vi: 'Không tìm thấy phiên tải lên (hoặc đã hết hạn)', en: 'Upload not found (or expired)' });
}

export function tooManyVersions(max: number): ProblemError {
  return new ProblemError('conflict', { vi: `Văn bản đã có tối đa ${max} phiên bản`, en: `The document already has the maximum of ${max} versions` });
}
