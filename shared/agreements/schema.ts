import * as z from 'zod';
import { yearQuery, wholeNumberQuery } from '../query.js';
import { bilingual } from '../problem.js';

/**
 * Agreements (issue #4): coordination regulations (quy chế phối hợp), annual coordination programs
 * (chương trình phối hợp công tác năm N) and plans (kế hoạch), their signing, item progress and
 * reviews (sơ kết / tổng kết). API and web both import these schemas; types are inferred here only.
 */

import { agencyCodeSchema, agreementKindSchema, agreementStatusSchema, itemStatusSchema } from './vocabulary.js';

export * from './vocabulary.js';

import {
  agencyRefSchema,
  dueSchema,
  evidenceLinkSchema,
  isoDateSchema,
  partySchema,
  progressMatchesStatus,
  MAX_CONTENT_UNITS,
  progressSchema,
  required,
  termSchema,
  text,
  yearSchema,
} from './fields.js';
import { continuesInputSchema, continuesRefSchema } from './continues.js';
import { reviewSchema } from './review.js';

export * from './review.js';

export * from './continues.js';

export * from './fields.js';

/** A numbered content item (nội dung / nhiệm vụ) of a program or plan; numbered by position. */
export const itemInputSchema = z
  .strictObject({
    title: required(1000, 'Nhập tên nội dung', 'Enter the item’s title'),
    description: text(10000).default(''),
    lead: agencyRefSchema.nullable().default(null),
    cooperating: z.array(agencyRefSchema).max(20).default([]),
    due: dueSchema.nullable().default(null),
    status: itemStatusSchema.default('not_started'),
    progress: progressSchema.optional(),
    evidence: z.array(evidenceLinkSchema).max(30).default([]),
    /** The source did not give this item's content; the title is a marked placeholder. */
    placeholder: z.boolean().default(false),
  })
  .superRefine(progressMatchesStatus);
export type ItemInput = z.input<typeof itemInputSchema>;

export const articleInputSchema = z.strictObject({
  title: text(500).default(''),
  text: text(20000).default(''),
  placeholder: z.boolean().default(false),
});
export const chapterInputSchema = z.strictObject({
  title: text(500).default(''),
  articles: z.array(articleInputSchema).max(80).default([]),
  placeholder: z.boolean().default(false),
});

/** The editable content of an agreement: what a draft is created and replaced with. */
const contentShape = z.strictObject({
  kind: agreementKindSchema,
  /** Số, ký hiệu, free-form, e.g. `69/QCPH-HĐND-UBND-MTTQ`; empty while unnumbered. */
  number: text(80).default(''),
  /** Trích yếu (what follows the document type), e.g. "Phối hợp công tác năm 2024". */
  title: required(500, 'Nhập trích yếu', 'Enter the title'),
  parties: z.array(partySchema).min(2, bilingual('Cần ít nhất hai bên tham gia', 'At least two parties')).max(12),
  /** Regulations: the term (nhiệm kỳ / giai đoạn), e.g. 2021–2026. */
  term: termSchema.nullable().default(null),
  /** Programs and plans: the year N. */
  year: yearSchema.nullable().default(null),
  /** Coordination areas (lĩnh vực phối hợp) named by a regulation. */
  areas: z
    .array(required(300, 'Nhập lĩnh vực', 'Enter the area'))
    .max(30)
    .default([]),
  /** Preamble / overview text. */
  summary: text(20000).default(''),
  chapters: z.array(chapterInputSchema).max(20).default([]),
  items: z.array(itemInputSchema).max(MAX_CONTENT_UNITS).default([]),
  /** Nơi nhận. */
  recipients: z
    .array(required(200, 'Nhập nơi nhận', 'Enter the recipient'))
    .max(30)
    .default([]),
  /** Data-entry remarks (e.g. what the source did not state). Not part of the document. */
  remarks: text(4000).default(''),
  /** Programs and regulations of a commune: the predecessor district's agreement this one continues. */
  continues: continuesInputSchema.nullable().default(null),
});

function contentRules(v: z.output<typeof contentShape>, ctx: z.RefinementCtx) {
  const issue = (path: (string | number)[], vi: string, en: string) => ctx.addIssue({ code: 'custom', path, message: bilingual(vi, en).error });
  if (v.kind === 'regulation') {
    if (!v.term) issue(['term'], 'Quy chế cần nhiệm kỳ (từ năm – đến năm)', 'A regulation needs a term (from – to year)');
    if (v.year !== null) issue(['year'], 'Quy chế dùng nhiệm kỳ, không dùng năm', 'A regulation has a term, not a year');
    if (v.items.length) issue(['items'], 'Quy chế gồm chương và điều, không có nội dung đánh số', 'A regulation has chapters and articles, not numbered items');
  } else {
    if (v.year === null) issue(['year'], 'Chương trình, kế hoạch cần năm', 'A program or plan needs a year');
    if (v.term !== null) issue(['term'], 'Chương trình, kế hoạch dùng năm, không dùng nhiệm kỳ', 'A program or plan has a year, not a term');
    if (v.chapters.length) issue(['chapters'], 'Chỉ quy chế có chương, điều', 'Only regulations have chapters and articles');
  }
  if (v.continues && v.kind === 'plan') {
    issue(
      ['continues'],
      'Chỉ chương trình, quy chế mới tiếp nối văn bản của quận, huyện trước đây',
      'Only a program or regulation continues a former district’s agreement',
    );
  }
  const units = v.chapters.length + v.chapters.reduce((n, c) => n + c.articles.length, 0) + v.items.length;
  if (units > MAX_CONTENT_UNITS) {
    issue(
      [v.kind === 'regulation' ? 'chapters' : 'items'],
      `Tối đa ${MAX_CONTENT_UNITS} chương, điều, nội dung`,
      `At most ${MAX_CONTENT_UNITS} chapters, articles and items`,
    );
  }
  const names = new Set<string>();
  v.parties.forEach((p, i) => {
    const key = p.name.toLowerCase();
    if (names.has(key)) issue(['parties', i, 'name'], 'Bên tham gia bị trùng', 'Duplicate party');
    names.add(key);
  });
}

export const agreementContentSchema = contentShape.superRefine(contentRules);
export type AgreementContentInput = z.input<typeof agreementContentSchema>;
export type AgreementContent = z.output<typeof agreementContentSchema>;

/** Replacing a draft: the content plus the version read (or `If-Match`). */
export const updateAgreementSchema = contentShape.extend({ version: z.number().int().positive().optional() }).superRefine(contentRules);

const versionField = { version: z.number().int().positive().optional() };

export const signatoryInputSchema = z.strictObject({
  agency: agencyCodeSchema,
  /** Quyền hạn ký (e.g. "TM. Thường trực HĐND", "TM. Ủy ban nhân dân"); may be empty. */
  onBehalf: text(200).default(''),
  /** Chức vụ (e.g. "Chủ tịch"). */
  title: required(200, 'Nhập chức vụ người ký', 'Enter the signatory’s title'),
  name: required(200, 'Nhập họ tên người ký', 'Enter the signatory’s name'),
});
/** As stored: imported records may not know a signatory's title or name (null = not stated). */
export const signatorySchema = signatoryInputSchema.extend({ title: z.string().nullable(), name: z.string().nullable() });
export type Signatory = z.infer<typeof signatorySchema>;

export const signInputSchema = z.strictObject({
  ...versionField,
  signedOn: isoDateSchema,
  /** Venue (the document's địa danh comes from the locality). */
  place: text(300).default(''),
  signatories: z.array(signatoryInputSchema).min(1, bilingual('Cần ít nhất một người ký', 'At least one signatory')).max(12),
  /** "Có hiệu lực kể từ ngày ký": in force from the signing date. */
  inForceFromSigning: z.boolean().default(true),
  remarks: text(2000).default(''),
});
export type SignInput = z.input<typeof signInputSchema>;

export const signingSchema = z.object({
  signedOn: z.string(),
  place: z.string(),
  signatories: z.array(signatorySchema),
  remarks: z.string(),
  recordedAt: z.string().nullable(),
  recordedBy: z.string().nullable(),
});
export type Signing = z.infer<typeof signingSchema>;

export const transitionInputSchema = z.strictObject({
  ...versionField,
  to: z.enum(['in_force', 'expired']),
  on: isoDateSchema,
});

export const amendInputSchema = z.strictObject({
  ...versionField,
  reason: required(2000, 'Nêu lý do sửa đổi, bổ sung', 'State the reason for the amendment'),
});

export const progressInputSchema = z
  .strictObject({
    /** The item's version (or `If-Match`). */
    ...versionField,
    status: itemStatusSchema.optional(),
    progress: progressSchema.optional(),
    note: z
      .strictObject({
        on: isoDateSchema,
        text: required(4000, 'Nhập nội dung ghi nhận', 'Enter the note'),
      })
      .optional(),
    evidence: z.array(evidenceLinkSchema).max(30).optional(),
  })
  .superRefine(progressMatchesStatus)
  .refine((v) => v.status !== undefined || v.progress !== undefined || v.note !== undefined || v.evidence !== undefined, {
    ...bilingual('Cần cập nhật trạng thái, tiến độ, ghi nhận hoặc minh chứng', 'Give a status, progress, note or evidence'),
    path: ['status'],
  });
export type ProgressInput = z.input<typeof progressInputSchema>;

/** Per-item summary kept on the header so a list page derives counts (and overdue) without items. */
export const itemIndexEntrySchema = z.object({
  s: itemStatusSchema,
  p: z.number(),
  d: z.string().nullable(),
  /** Lead agency and a short title: what a reminder needs to say who it is for and what (absent on older records). */
  l: agencyCodeSchema.optional(),
  t: z.string().optional(),
});
export type ItemIndexEntry = z.infer<typeof itemIndexEntrySchema>;

/** The heading of an agreement as stored and read back (the rules of a valid one are `contentShape`'s). */
export const headingFields = {
  kind: agreementKindSchema,
  number: z.string(),
  title: z.string(),
  parties: z.array(partySchema),
  term: termSchema.nullable(),
  year: z.number().nullable(),
};

/** The agreement header as the API returns it. */
export const agreementSchema = z.object({
  id: z.string(),
  ...headingFields,
  yearFrom: z.number(),
  yearTo: z.number(),
  areas: z.array(z.string()),
  summary: z.string(),
  recipients: z.array(z.string()),
  remarks: z.string(),
  status: agreementStatusSchema,
  /** 1 for the original; each amendment is a new record with the next revision. */
  revision: z.number(),
  amends: z.object({ id: z.string(), revision: z.number(), number: z.string(), title: z.string() }).nullable(),
  amendmentReason: z.string(),
  /** The predecessor district's agreement this one continues (communes only). */
  continues: continuesRefSchema.nullable(),
  /** An amendment drafted from this record (pending until signed). */
  amendedBy: z.string().nullable(),
  supersededBy: z.string().nullable(),
  signedOn: z.string().nullable(),
  effectiveFrom: z.string().nullable(),
  effectiveTo: z.string().nullable(),
  chapterCount: z.number(),
  articleCount: z.number(),
  itemCount: z.number(),
  itemIndex: z.record(z.string(), itemIndexEntrySchema),
  reviewPeriods: z.array(z.string()),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Agreement = z.infer<typeof agreementSchema>;

export const itemStatsSchema = z.object({
  total: z.number(),
  byStatus: z.record(itemStatusSchema, z.number()),
  overdue: z.number(),
  averageProgress: z.number(),
});
export type ItemStats = z.infer<typeof itemStatsSchema>;

export const agreementSummarySchema = agreementSchema.extend({ itemStats: itemStatsSchema });
export type AgreementSummary = z.infer<typeof agreementSummarySchema>;
/** What a create, edit or amendment answers: the record as the list shows it. */
export const agreementResultSchema = z.object({ agreement: agreementSummarySchema });

export const progressNoteSchema = z.object({
  at: z.string(),
  on: z.string(),
  text: z.string(),
  status: itemStatusSchema,
  progress: z.number(),
  by: z.string(),
});
export type ProgressNote = z.infer<typeof progressNoteSchema>;

export const itemSchema = z.object({
  no: z.number(),
  title: z.string(),
  description: z.string(),
  lead: agencyRefSchema.nullable(),
  cooperating: z.array(agencyRefSchema),
  due: dueSchema.nullable(),
  status: itemStatusSchema,
  progress: z.number(),
  evidence: z.array(evidenceLinkSchema),
  placeholder: z.boolean(),
  version: z.number(),
  /** Derived at read time from the deadline and the clock; never stored. */
  overdue: z.boolean(),
  deadline: z.string().nullable(),
  notes: z.array(progressNoteSchema),
});
export type Item = z.infer<typeof itemSchema>;

export const articleSchema = z.object({ no: z.number(), title: z.string(), text: z.string(), placeholder: z.boolean() });
export const chapterSchema = z.object({ no: z.number(), title: z.string(), placeholder: z.boolean(), articles: z.array(articleSchema) });
export type Chapter = z.infer<typeof chapterSchema>;

/** A signed document of the archive (#6) linked to this agreement or one of its reviews (mirror item). */
export const linkedDocumentSchema = z.object({
  documentId: z.string(),
  type: z.string(),
  numberSymbol: z.string(),
  summary: z.string(),
  signedOn: z.string().nullable(),
  deleted: z.boolean(),
  /** Set when the link is to a review of this agreement. */
  period: z.string().nullable(),
});
export type LinkedDocument = z.infer<typeof linkedDocumentSchema>;

export const agreementDetailSchema = z.object({
  agreement: agreementSummarySchema,
  chapters: z.array(chapterSchema),
  items: z.array(itemSchema),
  signing: signingSchema.nullable(),
  reviews: z.array(reviewSchema),
  documents: z.array(linkedDocumentSchema),
  /** The date ("today", Vietnam time) overdue was derived for. */
  asOf: z.string(),
});
export type AgreementDetail = z.infer<typeof agreementDetailSchema>;

export const listQuerySchema = z.strictObject({
  kind: agreementKindSchema.optional(),
  status: agreementStatusSchema.optional(),
  /** Programs/plans of that year, and regulations whose term covers it. */
  year: yearQuery().optional(),
  /** Exact term, e.g. `2021-2026`. */
  term: z
    .string()
    .regex(/^\d{4}-\d{4}$/, bilingual('Nhiệm kỳ dạng 2021-2026', 'Term like 2021-2026'))
    .optional(),
  party: agencyCodeSchema.optional(),
  q: z.string().trim().max(100).optional(),
  limit: wholeNumberQuery({ vi: 'Số dòng mỗi trang', en: 'The page size' }, 1, 100).default(25),
  cursor: z.string().max(2000).optional(),
  /** Province staff: read-only drill-down into one district of their province. */
  locality: z.string().optional(),
});
export type ListQuery = z.infer<typeof listQuerySchema>;

export const listResponseSchema = z.object({ items: z.array(agreementSummarySchema), nextCursor: z.string().nullable(), asOf: z.string() });
export type ListResponse = z.infer<typeof listResponseSchema>;

export * from './derive.js';
