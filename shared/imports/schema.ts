import * as z from 'zod';
import { agencyRefSchema, dueSchema, partySchema, signatorySchema, termSchema } from '../agreements/schema.js';
import { agreementKindSchema, itemStatusSchema } from '../agreements/vocabulary.js';
import { fieldErrorSchema } from '../problem.js';

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

const proposedItemSchema = z.object({
  title: z.string(),
  description: z.string(),
  lead: agencyRefSchema.nullable(),
  cooperating: z.array(agencyRefSchema),
  due: dueSchema.nullable(),
  status: itemStatusSchema,
  placeholder: z.boolean(),
});
export type ProposedItem = z.infer<typeof proposedItemSchema>;

const proposedChapterSchema = z.object({
  title: z.string(),
  placeholder: z.boolean(),
  articles: z.array(z.object({ title: z.string(), text: z.string(), placeholder: z.boolean() })),
});

/** The agreement content as read: the same fields as `agreementContentSchema`, not yet valid. */
export const proposedContentSchema = z.object({
  kind: agreementKindSchema,
  number: z.string(),
  title: z.string(),
  parties: z.array(partySchema),
  term: termSchema.nullable(),
  year: z.number().nullable(),
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
