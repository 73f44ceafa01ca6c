import {
  type CreateDocumentUpload,
  type CreateVersionUpload,
  checkResultSchema,
  numberCheckResultSchema,
  type DocumentDetail,
  type DocumentList,
  documentDetailSchema,
  documentListSchema,
  signedUrlSchema,
  type UpdateDocument,
  type UploadTicket,
  uploadTicketSchema,
  verifyResultSchema,
} from '../../../shared/archive/schema.js';
import { api, ApiError } from '../api.js';

/** The archive API as the pages use it; shapes come from shared/archive/schema.ts. */

export type ListParams = {
  q?: string;
  type?: string;
  year?: string;
  agency?: string;
  deleted?: boolean;
  /** Only documents whose current file carries a digital signature. */
  signed?: boolean;
  cursor?: string | null;
  locality?: string;
};

/** `?locality=` of another tenant the user may read (read-only), appended to a read. */
const at = (locality: string | undefined, sep: '?' | '&') => (locality ? `${sep}locality=${encodeURIComponent(locality)}` : '');

export function listDocuments(p: ListParams): Promise<DocumentList> {
  const qs = new URLSearchParams();
  if (p.q?.trim()) qs.set('q', p.q.trim());
  if (p.type) qs.set('type', p.type);
  if (p.year?.trim()) qs.set('year', p.year.trim());
  if (p.agency?.trim()) qs.set('agency', p.agency.trim());
  if (p.deleted) qs.set('deleted', 'true');
  if (p.signed) qs.set('signed', 'true');
  if (p.cursor) qs.set('cursor', p.cursor);
  if (p.locality) qs.set('locality', p.locality);
  return api.get(`/api/archive/documents?${qs}`, documentListSchema);
}

export const getDocument = (id: string, locality?: string) => api.get(`/api/archive/documents/${id}${at(locality, '?')}`, documentDetailSchema);

export const fileUrl = (id: string, n: number, disposition: 'inline' | 'attachment', locality?: string) =>
  api.get(`/api/archive/documents/${id}/versions/${n}/url?disposition=${disposition}${at(locality, '&')}`, signedUrlSchema);

export const verifyVersion = (id: string, n: number, locality?: string) =>
  api.post(`/api/archive/documents/${id}/versions/${n}/verify${at(locality, '?')}`, undefined, verifyResultSchema);

export const numberCheck = (numberSymbol: string, agencies: string[], excludeId?: string, locality?: string) =>
  api.get(
    `/api/archive/number-check?${new URLSearchParams({ numberSymbol, agencies: agencies.join('|'), ...(excludeId ? { excludeId } : {}), ...(locality ? { locality } : {}) })}`,
    numberCheckResultSchema,
  );

export const checkHash = (sha256: string) => api.get(`/api/archive/check?sha256=${sha256}`, checkResultSchema);

export const updateDocument = (id: string, version: number, patch: UpdateDocument) =>
  api.patch(`/api/archive/documents/${id}`, patch, documentDetailSchema, { headers: { 'if-match': `"${version}"` } });

export const deleteDocument = (id: string, version: number, reason: string) =>
  api.delete(`/api/archive/documents/${id}`, documentDetailSchema, { body: JSON.stringify({ reason }), headers: { 'if-match': `"${version}"` } });

export const restoreDocument = (id: string, version: number, reason: string) =>
  api.post(`/api/archive/documents/${id}/restore`, { reason }, documentDetailSchema, { headers: { 'if-match': `"${version}"` } });

/** SHA-256 of a file, in the browser (SubtleCrypto); null where the page is not a secure context. */
export async function sha256Of(file: Blob): Promise<string | null> {
  if (!globalThis.crypto?.subtle) return null;
  const digest = await crypto.subtle.digest('SHA-256', await file.arrayBuffer());
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

const EXTENSION_TYPES: Record<string, string> = {
  pdf: 'application/pdf',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

/** The type to declare: what the browser says, or what the extension implies when it says nothing. */
export function declaredType(file: File): string {
  if (file.type) return file.type;
  const ext = file.name.split('.').pop()?.toLowerCase() ?? '';
  return EXTENSION_TYPES[ext] ?? 'application/octet-stream';
}

/** PUT to the presigned URL with progress (XMLHttpRequest: fetch reports no upload progress). */
function putFile(ticket: UploadTicket, file: File, onProgress: (fraction: number) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('PUT', ticket.put.url);
    for (const [k, v] of Object.entries(ticket.put.headers)) xhr.setRequestHeader(k, v);
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    xhr.onload = () =>
      xhr.status >= 200 && xhr.status < 300
        ? resolve()
        : reject(
            new ApiError({
              type: 'urn:phoi-hop:problem:upload',
              status: xhr.status,
              title: `Upload to storage failed (${xhr.status})`,
              title_vi: `Tải tệp lên kho lưu trữ không thành công (${xhr.status})`,
            }),
          );
    xhr.onerror = () =>
      reject(
        new ApiError({
          type: 'urn:phoi-hop:problem:network',
          status: 0,
          title: 'Cannot reach the file storage',
          title_vi: 'Không kết nối được kho lưu trữ tệp',
        }),
      );
    xhr.send(file);
  });
}

export type UploadStep = 'hashing' | 'declaring' | 'uploading' | 'checking';

/** Declare → PUT straight to S3 → complete (the API reads, checks and hashes what arrived). */
export async function uploadFile(
  file: File,
  target: { kind: 'new'; document: CreateDocumentUpload['document'] } | { kind: 'version'; documentId: string; version: number; note: string },
  onStep: (step: UploadStep, progress?: number) => void,
): Promise<DocumentDetail> {
  onStep('hashing');
  const sha256 = await sha256Of(file);
  const declared = { name: file.name, size: file.size, contentType: declaredType(file), ...(sha256 ? { sha256 } : {}) };
  onStep('declaring');
  const ticket =
    target.kind === 'new'
      ? await api.post('/api/archive/uploads', { file: declared, document: target.document } satisfies CreateDocumentUpload, uploadTicketSchema)
      : await api.post(
          `/api/archive/documents/${target.documentId}/uploads`,
          { file: declared, note: target.note } satisfies CreateVersionUpload,
          uploadTicketSchema,
          {
            headers: { 'if-match': `"${target.version}"` },
          },
        );
  onStep('uploading', 0);
  await putFile(ticket, file, (p) => onStep('uploading', p));
  onStep('checking');
  return api.post(`/api/archive/uploads/${ticket.uploadId}/complete`, undefined, documentDetailSchema);
}
