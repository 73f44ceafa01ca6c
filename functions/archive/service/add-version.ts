import { MAX_VERSIONS, type DeclaredFile, type UploadTicket } from '../../../shared/archive/schema.js';
import { newId } from '../../../shared/ids.js';
import { staleVersion } from '../../store/versioning.js';
import { readDocument } from '../repository.js';
import { notFound, tooManyVersions, type ArchiveContext } from './context.js';
import { acceptDeclaredFile, issueUpload } from './upload-ticket.js';

/**
 * A corrected file for an existing document: declared against the version read, it becomes the
 * next version on completion (./complete-upload.ts); the earlier versions stay.
 */
export async function declareVersionUpload(
  ctx: ArchiveContext,
  id: string,
  input: { file: DeclaredFile; note: string },
  expectedVersion: number,
): Promise<UploadTicket> {
  acceptDeclaredFile(input.file);
  const doc = await readDocument(ctx.store, ctx.tenant, id);
  if (!doc || doc.deleted) throw notFound();
  if (doc.version !== expectedVersion) throw staleVersion();
  if ((doc.latestVersionNo as number) >= MAX_VERSIONS) throw tooManyVersions(MAX_VERSIONS);
  return issueUpload(ctx, newId(ctx.now), input.file, { purpose: 'version', documentId: id, expectedVersion, note: input.note });
}
