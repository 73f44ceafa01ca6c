import * as z from 'zod';
import { wholeNumberQuery } from '../query.js';
import { listResponseOf, pagingQuery } from '../paging.js';
import { bilingual } from '../problem.js';
import type { Text } from '../text.js';
import * as catalog from './labels.json';
import { signatureCheckSchema, signatureStatuses } from './signatures.js';

/**
 * Signed-document archive (issue #6): the one definition of every archive record and request.
 * The API validates with these schemas, the web app imports them, types are inferred from them.
 */

/** Presigned PUT (browser → S3 incoming area) and GET (preview/download) lifetimes, seconds. */
export const UPLOAD_URL_TTL_SECONDS = 600;
export const DOWNLOAD_URL_TTL_SECONDS = 300;
/** How long an upload may stay unfinished before its record expires (DynamoDB TTL). */
export const UPLOAD_TTL_SECONDS = 24 * 3600;
/** Bounds that keep every write one TransactWriteItems (≤ 100 items). */
export const MAX_LINKS = 20;
export const MAX_VERSIONS = 50;

/** Document kinds (Decree 30/2020 abbreviations), in the order the form lists them; their names are in ./labels.json. */
export const documentTypeCodes = ['QC', 'CTr', 'KH', 'BC', 'BB', 'NQ', 'QĐ', 'TB', 'TTr', 'HD', 'CV', 'KHAC'] as const;
export const documentTypeSchema = z.enum(documentTypeCodes, bilingual('Loại văn bản không hợp lệ', 'Unknown document type'));
export type DocumentType = z.infer<typeof documentTypeSchema>;
const documentTypeLabels: Record<DocumentType, Text> = catalog.documentType;
export const documentTypes = documentTypeCodes.map((code) => ({ code, ...documentTypeLabels[code] }));

/** Accepted file kinds, decided by content (magic bytes), never by name. */
export const fileKinds = {
  pdf: { mime: 'application/pdf', label: 'PDF', ext: 'pdf' },
  jpeg: { mime: 'image/jpeg', label: 'JPEG', ext: 'jpg' },
  png: { mime: 'image/png', label: 'PNG', ext: 'png' },
  docx: { mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', label: 'DOCX', ext: 'docx' },
} as const;
export type FileKind = keyof typeof fileKinds;
export const acceptedMimeTypes = Object.values(fileKinds).map((k) => k.mime);
export function kindOfMime(mime: string): FileKind | undefined {
  return (Object.keys(fileKinds) as FileKind[]).find((k) => fileKinds[k].mime === mime);
}

const ulidPattern = /^[0-9A-HJKMNP-TV-Z]{26}$/;
export const archiveIdSchema = z.string().regex(ulidPattern, bilingual('Mã định danh không hợp lệ', 'Invalid id'));
export const sha256Schema = z
  .string()
  .transform((s) => s.toLowerCase())
  .pipe(z.string().regex(/^[0-9a-f]{64}$/, bilingual('SHA-256 gồm 64 ký tự hệ 16', 'SHA-256 is 64 hexadecimal characters')));
const isoDate = z.iso.date(bilingual('Ngày theo dạng yyyy-mm-dd', 'Date as yyyy-mm-dd'));
const text = (max: number) => z.string().trim().min(1).max(max);

/**
 * A typed reference to a record of another capability (agreements #4, supervision #5, reviews of an
 * agreement). Stored as typed ids; the target must exist in the same tenant when the link is made.
 */
export const documentLinkSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('agreement'), id: archiveIdSchema }),
  z.strictObject({ kind: z.literal('plan'), id: archiveIdSchema }),
  z.strictObject({
    kind: z.literal('review'),
    id: archiveIdSchema,
    /** The review's period inside the agreement, e.g. `2024`, `2024-H1`. */
    period: z.string().regex(/^[0-9A-Za-z-]{1,20}$/, bilingual('Kỳ sơ kết/tổng kết không hợp lệ', 'Invalid review period')),
  }),
]);
export type DocumentLink = z.infer<typeof documentLinkSchema>;
export const linkKindLabels: Record<DocumentLink['kind'], Text> = catalog.linkKind;
export function linkKey(l: DocumentLink): string {
  return l.kind === 'review' ? `review#${l.id}#${l.period}` : `${l.kind}#${l.id}`;
}

export const signerSchema = z.strictObject({
  name: text(120),
  title: z.string().trim().max(160).optional(),
  agency: z.string().trim().max(160).optional(),
});
export type Signer = z.infer<typeof signerSchema>;

/** What a user says about a signed document. */
export const documentMetadataSchema = z
  .strictObject({
    type: documentTypeSchema,
    /** Số, ký hiệu as printed, e.g. `69/QCPH-HĐND-UBND-MTTQ`. */
    numberSymbol: text(120),
    issuingAgencies: z.array(text(160)).min(1).max(10),
    signedOn: isoDate,
    signers: z.array(signerSchema).max(20).default([]),
    /** Trích yếu. */
    summary: text(2000),
    links: z.array(documentLinkSchema).max(MAX_LINKS).default([]),
    tags: z.array(text(60)).max(20).default([]),
  })
  .superRefine((v, ctx) => {
    const seen = new Set<string>();
    v.links.forEach((l, i) => {
      const k = linkKey(l);
      if (seen.has(k)) ctx.addIssue({ code: 'custom', path: ['links', i], message: bilingual('Liên kết bị trùng', 'Duplicate link').error });
      seen.add(k);
    });
  });
export type DocumentMetadata = z.infer<typeof documentMetadataSchema>;
export type DocumentMetadataInput = z.input<typeof documentMetadataSchema>;

/** The file a browser is about to upload, as it declares it. The content decides in the end. */
export const declaredFileSchema = z.strictObject({
  name: text(255),
  /** Bytes; the presigned PUT is bound to exactly this length. */
  size: z.number().int().min(1),
  contentType: z.string().min(1).max(200),
  /** SHA-256 computed in the browser, optional: when given, completion must match it. */
  sha256: sha256Schema.optional(),
});
export type DeclaredFile = z.infer<typeof declaredFileSchema>;

export const createDocumentUploadSchema = z.strictObject({ file: declaredFileSchema, document: documentMetadataSchema });
export type CreateDocumentUpload = z.input<typeof createDocumentUploadSchema>;
/** The version a write expects, in the body (or as `If-Match`; functions/store/versioning.ts). */
const versionField = { version: z.number().int().positive().optional() };

export const createVersionUploadSchema = z.strictObject({
  file: declaredFileSchema,
  /** Why a corrected file replaces the current one (shown in the version chain and the audit log). */
  note: text(500),
  ...versionField,
});
export type CreateVersionUpload = z.input<typeof createVersionUploadSchema>;

/** Metadata corrections (the file itself is never changed: that is a new version). */
export const updateDocumentSchema = z
  .strictObject({
    type: documentTypeSchema.optional(),
    numberSymbol: text(120).optional(),
    issuingAgencies: z.array(text(160)).min(1).max(10).optional(),
    signedOn: isoDate.optional(),
    signers: z.array(signerSchema).max(20).optional(),
    summary: text(2000).optional(),
    links: z.array(documentLinkSchema).max(MAX_LINKS).optional(),
    tags: z.array(text(60)).max(20).optional(),
    ...versionField,
  })
  .refine((v) => Object.keys(v).some((k) => k !== 'version'), bilingual('Không có trường nào để cập nhật', 'Nothing to update'));
export type UpdateDocument = z.infer<typeof updateDocumentSchema>;

export const deleteDocumentSchema = z.strictObject({ reason: z.string().trim().min(5).max(500), ...versionField });
export const restoreDocumentSchema = z.strictObject({ reason: z.string().trim().max(500).optional(), ...versionField });

export const listDocumentsQuerySchema = z.strictObject({
  /** Free text, diacritics-insensitive: every word must occur in number/symbol, summary, agencies, signers, tags or the file's text. */
  q: z.string().max(200).optional(),
  type: documentTypeSchema.optional(),
  year: z
    .string()
    .regex(/^(19|20)\d{2}$/, bilingual('Năm gồm 4 chữ số', 'Year is 4 digits'))
    .optional(),
  agency: z.string().max(160).optional(),
  /** `true`: only documents whose current file carries a digital signature (có chữ ký số). */
  signed: z.enum(['true', 'false']).optional(),
  /** Admins: the soft-deleted documents (the recycle bin). */
  deleted: z.enum(['true', 'false']).optional(),
  /** `limit` (1–100, 20 unless said) and the opaque `cursor` of the one list contract. */
  ...pagingQuery(20),
  /** Province staff: read-only drill-down into a district of their province. */
  locality: z.string().optional(),
});
export type ListDocumentsQuery = z.infer<typeof listDocumentsQuerySchema>;

export const readQuerySchema = z.strictObject({ locality: z.string().optional() });
export const urlQuerySchema = z.strictObject({
  locality: z.string().optional(),
  disposition: z.enum(['inline', 'attachment']).default('attachment'),
});
export const checkQuerySchema = z.strictObject({ sha256: sha256Schema, locality: z.string().optional() });
/** "Is this number already in the register?" — số, ký hiệu and the issuing agencies (`|`-separated) of a document being entered. */
export const numberCheckQuerySchema = z.strictObject({
  numberSymbol: text(120),
  agencies: z.string().max(2000).optional(),
  /** The document being edited (its own number is not a clash). */
  excludeId: archiveIdSchema.optional(),
  locality: z.string().optional(),
});
export const documentParamSchema = z.strictObject({ id: archiveIdSchema });
export const versionParamSchema = z.strictObject({
  id: archiveIdSchema,
  n: wholeNumberQuery({ vi: 'Số phiên bản', en: 'The version number' }, 1, MAX_VERSIONS),
});
export const uploadParamSchema = z.strictObject({ uploadId: archiveIdSchema });

// ---------- responses (the web app parses nothing twice: these are the shapes it receives) ----------

export const actorSchema = z.object({ userId: z.string(), email: z.string(), name: z.string().optional() });
export type Actor = z.infer<typeof actorSchema>;

export const documentTextSchema = z.object({
  status: z.enum(['indexed', 'no-text-layer', 'not-extracted']),
  indexedChars: z.number().int(),
  truncated: z.boolean(),
  /** Why the text could not be read (encrypted, corrupt, timeout, too_large, …). */
  reason: z.string().optional(),
});

export const documentVersionSchema = z.object({
  documentId: z.string(),
  versionNo: z.number().int(),
  fileName: z.string(),
  size: z.number().int(),
  contentType: z.string(),
  kind: z.enum(['pdf', 'jpeg', 'png', 'docx']),
  sha256: z.string(),
  uploadedAt: z.string(),
  uploadedBy: actorSchema,
  note: z.string().optional(),
  current: z.boolean(),
  /** PDF digital signatures as checked at upload (or at the last re-check). Absent for other kinds. */
  signature: signatureCheckSchema.optional(),
  /** Search inside the file: its text indexed (bounded), no text layer (a scan: no OCR), or not extracted. */
  text: documentTextSchema.optional(),
});
export type DocumentVersion = z.infer<typeof documentVersionSchema>;

export const documentSummarySchema = z.object({
  id: z.string(),
  type: documentTypeSchema,
  numberSymbol: z.string(),
  issuingAgencies: z.array(z.string()),
  signedOn: z.string(),
  signers: z.array(signerSchema),
  summary: z.string(),
  links: z.array(documentLinkSchema),
  tags: z.array(z.string()),
  latestVersionNo: z.number().int(),
  current: documentVersionSchema.pick({ fileName: true, size: true, contentType: true, kind: true, sha256: true }).extend({
    /** The current file's signature verdict and signers' names, for lists and the "có chữ ký số" filter. */
    signatureStatus: z.enum(signatureStatuses).optional(),
    signedBy: z.array(z.string()).optional(),
    textStatus: documentTextSchema.shape.status.optional(),
  }),
  createdAt: z.string(),
  createdBy: actorSchema,
  updatedAt: z.string(),
  version: z.number().int(),
  deleted: z.object({ at: z.string(), by: actorSchema, reason: z.string() }).optional(),
});
export type DocumentSummary = z.infer<typeof documentSummarySchema>;

export const documentDetailSchema = documentSummarySchema.extend({ versions: z.array(documentVersionSchema) });
export type DocumentDetail = z.infer<typeof documentDetailSchema>;

/** The one list contract (shared/paging.ts): `{ items, nextCursor }`. */
export const documentListSchema = listResponseOf(documentSummarySchema);
export type DocumentList = z.infer<typeof documentListSchema>;

export const uploadTicketSchema = z.object({
  uploadId: z.string(),
  documentId: z.string(),
  /** PUT the file's bytes here with exactly these headers; nothing else is needed (no credentials). */
  put: z.object({ url: z.string(), method: z.literal('PUT'), headers: z.record(z.string(), z.string()) }),
  expiresAt: z.string(),
});
export type UploadTicket = z.infer<typeof uploadTicketSchema>;

export const signedUrlSchema = z.object({ url: z.string(), expiresAt: z.string() });
export const verifyResultSchema = z.object({
  documentId: z.string(),
  versionNo: z.number().int(),
  ok: z.boolean(),
  expected: z.string(),
  actual: z.string(),
  size: z.number().int(),
  checkedAt: z.string(),
  /** PDFs: the signatures checked again on the bytes just read (stored-object-changed when the hash differs). */
  signature: signatureCheckSchema.optional(),
});
export type VerifyResult = z.infer<typeof verifyResultSchema>;

export const checkResultSchema = z.object({
  sha256: z.string(),
  matches: z.array(
    documentVersionSchema
      .pick({ documentId: true, versionNo: true, fileName: true, size: true, uploadedAt: true, current: true })
      .extend({ deleted: z.boolean() }),
  ),
});
export type CheckResult = z.infer<typeof checkResultSchema>;

/** Documents of the tenant with the same number and symbol (diacritics and spaces ignored) and a common issuing agency. */
export const numberCheckResultSchema = z.object({
  clashes: z.array(
    z.object({
      documentId: z.string(),
      numberSymbol: z.string(),
      issuingAgencies: z.array(z.string()),
      signedOn: z.string(),
      type: documentTypeSchema,
      summary: z.string(),
      deleted: z.boolean(),
    }),
  ),
});
export type NumberCheckResult = z.infer<typeof numberCheckResultSchema>;

export function documentTypeLabel(code: string): Text {
  return documentTypes.find((d) => d.code === code) ?? { vi: code, en: code };
}
