import type { DeclaredFile, DocumentMetadata, UploadTicket } from '../../../shared/archive/schema.js';
import { newId } from '../../../shared/ids.js';
import type { ArchiveContext } from './context.js';
import { requireLinkTargets } from './links.js';
import { acceptDeclaredFile, issueUpload } from './upload-ticket.js';

/** A new document: its metadata and the file it will hold are declared; the answer is where to PUT the file. */
export async function declareDocumentUpload(ctx: ArchiveContext, input: { file: DeclaredFile; document: DocumentMetadata }): Promise<UploadTicket> {
  acceptDeclaredFile(input.file);
  await requireLinkTargets(ctx.store, ctx.tenant, input.document.links, 'document.links.');
  const uploadId = newId(ctx.now);
  const documentId = newId(ctx.now);
  return issueUpload(ctx, uploadId, input.file, { purpose: 'new', documentId, document: input.document });
}
