import * as z from 'zod';
import { agencyRefSchema, dueSchema, headingFields, itemSchema, signatorySchema } from '../agreements/schema.js';
import { itemStatusSchema } from '../agreements/vocabulary.js';
import { fieldErrorSchema } from '../problem-schema.js';
import columnNames from './columns.json' with { type: 'json' };

/**
 * Import of programs, plans and regulations from a document (#18): what the API proposes after
 * reading a .docx or text-layer PDF in the Decree 30 layout. Nothing is saved by reading: the clerk
 * corrects the proposal on the review screen and saves it as a normal draft (POST /api/agreements).
 */

/** Where each proposed field came from: indexes into `blocks`. Keys are dotted paths (`items.2.lead`). */
export const sourcesSchema = z.record(z.string(), z.array(z.number().int().min(0)));

/** A part the reader saw but could not turn into a field; the field stays empty (never guessed). */
export const unreadableSchema = z.object({ field: z.string(), blocks: z.array(z.number().int()), message_vi: z.string(), message_en: z.string() });
export type Unreadable = z.infer<typeof unreadableSchema>;

/** An item as read: the stored item's content fields, before it is numbered and tracked. */
const proposedItemSchema = itemSchema.pick({ title: true, description: true, lead: true, cooperating: true, due: true, status: true, placeholder: true });
export type ProposedItem = z.infer<typeof proposedItemSchema>;

const proposedChapterSchema = z.object({
  title: z.string(),
  placeholder: z.boolean(),
  articles: z.array(z.object({ title: z.string(), text: z.string(), placeholder: z.boolean() })),
});

/** The agreement content as read: the same fields as `agreementContentSchema`, not yet valid. */
export const proposedContentSchema = z.object({
  ...headingFields,
  areas: z.array(z.string()),
  summary: z.string(),
  chapters: z.array(proposedChapterSchema),
  items: z.array(proposedItemSchema),
  recipients: z.array(z.string()),
  remarks: z.string(),
});
export type ProposedContent = z.infer<typeof proposedContentSchema>;

export const importSourceSchema = z.object({
  fileName: z.string(),
  format: z.enum(['docx', 'pdf']),
  sha256: z.string(),
  size: z.number(),
  pages: z.number().nullable(),
  /** The archive document it was read from, when picked there. */
  documentId: z.string().nullable(),
});

export const documentProposalSchema = z.object({
  source: importSourceSchema,
  /** The document's paragraphs (docx) or lines (PDF), as the review screen shows them beside the fields. */
  blocks: z.array(z.object({ text: z.string(), label: z.string().nullable(), page: z.number().nullable() })),
  truncated: z.boolean(),
  content: proposedContentSchema,
  /** Signed on (địa danh, ngày … tháng … năm …) and the signature blocks: shown, kept in remarks. */
  signedOn: z.string().nullable(),
  signatories: z.array(signatorySchema),
  sources: sourcesSchema,
  unreadable: z.array(unreadableSchema),
  /** What still stops a save (the agreement's own validation of `content`). */
  problems: z.array(fieldErrorSchema),
  /** Milliseconds spent reading and parsing. */
  parseMs: z.number(),
});
export type DocumentProposal = z.infer<typeof documentProposalSchema>;

/** Reading a document the archive holds (instead of uploading it again). */
export const fromArchiveSchema = z.strictObject({
  documentId: z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/),
  versionNo: z.number().int().min(1).default(1),
});

/** Upper bound of a document sent in the request body (the API's body limit); larger files go through the archive. */
export const MAX_DIRECT_UPLOAD_BYTES = 1024 * 1024;
/** Upper bound of a document read from the archive (the text extraction's own `maxBytes`). */
export const MAX_DOCUMENT_BYTES = 15 * 1024 * 1024;

// ── spreadsheets (one template for export and import) ─────────────────────────────────────────────

/**
 * A sheet's columns in order, by their keys in ./columns.json: one catalog of column names, so that
 * every template names a column alike. The Vietnamese name is the header cell.
 */
function sheetColumns<K extends keyof typeof columnNames>(...keys: K[]) {
  return keys.map((key) => ({ key, ...columnNames[key] }));
}

/** Columns of the program/plan items sheet, in order; the header row must carry exactly these. */
export const ITEM_COLUMNS = sheetColumns('no', 'title', 'description', 'lead', 'cooperating', 'due', 'status', 'progress', 'version');
export type ItemColumn = (typeof ITEM_COLUMNS)[number]['key'];
export const ITEMS_SHEET_NAME = 'Noi dung phoi hop';

/** One row's change as the preview shows it. */
export const rowChangeSchema = z.object({
  row: z.number().int(),
  no: z.number().int(),
  action: z.enum(['create', 'update']),
  /** Columns (Vietnamese names) whose value changes. */
  columns: z.array(z.string()),
  title: z.string(),
});
export type RowChange = z.infer<typeof rowChangeSchema>;

/** What every sheet preview counts: rows read, the changes they make, rows left as they are; `applied` is set by apply. */
const previewOutcome = {
  rows: z.number().int(),
  changes: z.array(rowChangeSchema),
  unchanged: z.number().int(),
  applied: z.boolean(),
};

export const sheetPreviewSchema = z.object({
  agreementId: z.string(),
  /** After apply: the agreement's version after the write (unchanged when nothing changed). */
  agreementVersion: z.number(),
  ...previewOutcome,
});
export type SheetPreview = z.infer<typeof sheetPreviewSchema>;

/** Bulk change of items (status, deadline, lead) with the versions the clerk saw. */
export const bulkItemsSchema = z.strictObject({
  items: z
    .array(z.strictObject({ no: z.number().int().min(1).max(999), version: z.number().int().min(1) }))
    .min(1)
    .max(90),
  set: z
    .strictObject({
      status: itemStatusSchema.optional(),
      due: dueSchema.nullable().optional(),
      lead: agencyRefSchema.nullable().optional(),
    })
    .refine((s) => s.status !== undefined || s.due !== undefined || s.lead !== undefined, {
      message: 'Chọn ít nhất một thay đổi / Choose at least one change',
    }),
  /** Drafts: the agreement's version as read. */
  version: z.number().int().min(1).optional(),
});
export type BulkItems = z.infer<typeof bulkItemsSchema>;

/**
 * Reviews' per-item results (sơ kết / tổng kết): one row per item of the agreement, the review's
 * version in every row (the review is one record). "Nội dung" is read-only context: the item's title.
 */
export const REVIEW_RESULT_COLUMNS = [
  ...sheetColumns('no', 'title', 'result', 'status', 'progress'),
  { key: 'version' as const, ...columnNames.reportVersion },
];
export type ReviewResultColumn = (typeof REVIEW_RESULT_COLUMNS)[number]['key'];
export const REVIEW_RESULTS_SHEET_NAME = 'Ket qua so ket tong ket';

/** Supervision recommendations (kiến nghị) of one plan, numbered as the plan numbers them. */
export const RECOMMENDATION_COLUMNS = sheetColumns('no', 'findingNo', 'content', 'responsibleUnit', 'deadline', 'status', 'version');
export type RecommendationColumn = (typeof RECOMMENDATION_COLUMNS)[number]['key'];
export const RECOMMENDATIONS_SHEET_NAME = 'Kien nghi giam sat';

/** The preview (and the result) of a review-results or recommendations import. */
export const recordSheetPreviewSchema = z.object({
  /** The agreement (review results) or the plan (recommendations). */
  recordId: z.string(),
  /** Review results: the review's version; recommendations: the plan's version. */
  version: z.number(),
  ...previewOutcome,
});
export type RecordSheetPreview = z.infer<typeof recordSheetPreviewSchema>;

/** The answer of a bulk change of items: how many changed and the agreement's version after it. */
export const bulkItemsResultSchema = z.object({ changed: z.number().int(), agreementVersion: z.number().int() });
