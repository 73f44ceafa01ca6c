import * as z from 'zod';
import { bilingual } from '../problem.js';

/**
 * Agreements (issue #4): coordination regulations (quy chế phối hợp), annual coordination programs
 * (chương trình phối hợp công tác năm N) and plans (kế hoạch), their signing, item progress and
 * reviews (sơ kết / tổng kết). API and web both import these schemas; types are inferred here only.
 */

type Text = { vi: string; en: string };

/** Same pattern as shared/ids.ts `idSchemaPattern`, repeated so the web bundle does not pull in node:crypto. */
export const agreementIdPattern = /^[0-9A-HJKMNP-TV-Z]{26}$/;
const idSchemaPattern = agreementIdPattern;

export const agreementKinds = ['regulation', 'program', 'plan'] as const;
export const agreementKindSchema = z.enum(agreementKinds);
export type AgreementKind = z.infer<typeof agreementKindSchema>;

export const kindLabels: Record<AgreementKind, Text & { docType: string }> = {
  regulation: { vi: 'Quy chế', en: 'Regulation', docType: 'QUY CHẾ' },
  program: { vi: 'Chương trình', en: 'Program', docType: 'CHƯƠNG TRÌNH' },
  plan: { vi: 'Kế hoạch', en: 'Plan', docType: 'KẾ HOẠCH' },
};

/** Lifecycle: draft → signed → in force → expired / superseded (by a signed amendment). */
export const agreementStatuses = ['draft', 'signed', 'in_force', 'expired', 'superseded'] as const;
export const agreementStatusSchema = z.enum(agreementStatuses);
export type AgreementStatus = z.infer<typeof agreementStatusSchema>;

export const statusLabels: Record<AgreementStatus, Text> = {
  draft: { vi: 'Dự thảo', en: 'Draft' },
  signed: { vi: 'Đã ký', en: 'Signed' },
  in_force: { vi: 'Đang có hiệu lực', en: 'In force' },
  expired: { vi: 'Hết hiệu lực', en: 'Expired' },
  superseded: { vi: 'Đã được thay thế', en: 'Superseded' },
};

/** Statuses in which the signed content is frozen (changes only through an amendment). */
export const frozenStatuses: readonly AgreementStatus[] = ['signed', 'in_force', 'expired', 'superseded'];
/** Statuses in which item progress is tracked. */
export const trackingStatuses: readonly AgreementStatus[] = ['signed', 'in_force'];

/** Agencies that are parties to agreements (not tenants): HĐND, UBND, UB MTTQ, Đoàn ĐBQH, đoàn thể. */
export const agencyCodes = ['HDND', 'UBND', 'MTTQ', 'DBQH', 'LDLD', 'HLHPN', 'DTN', 'HND', 'HCCB', 'OTHER'] as const;
export const agencyCodeSchema = z.enum(agencyCodes);
export type AgencyCode = z.infer<typeof agencyCodeSchema>;

export const agencyLabels: Record<AgencyCode, Text & { short: string }> = {
  HDND: { short: 'HĐND', vi: 'Hội đồng nhân dân', en: 'People’s Council' },
  UBND: { short: 'UBND', vi: 'Ủy ban nhân dân', en: 'People’s Committee' },
  MTTQ: { short: 'UB MTTQ', vi: 'Ủy ban Mặt trận Tổ quốc Việt Nam', en: 'Fatherland Front Committee' },
  DBQH: { short: 'Đoàn ĐBQH', vi: 'Đoàn đại biểu Quốc hội', en: 'National Assembly delegation' },
  LDLD: { short: 'LĐLĐ', vi: 'Liên đoàn Lao động', en: 'Labour Federation' },
  HLHPN: { short: 'Hội LHPN', vi: 'Hội Liên hiệp Phụ nữ', en: 'Women’s Union' },
  DTN: { short: 'Đoàn TNCS HCM', vi: 'Đoàn Thanh niên Cộng sản Hồ Chí Minh', en: 'Communist Youth Union' },
  HND: { short: 'Hội Nông dân', vi: 'Hội Nông dân', en: 'Farmers’ Union' },
  HCCB: { short: 'Hội CCB', vi: 'Hội Cựu chiến binh', en: 'Veterans’ Association' },
  OTHER: { short: '', vi: 'Cơ quan, tổ chức khác', en: 'Other body' },
};

/** Content item statuses; each has the progress a status change sets when none is given. */
export const itemStatuses = ['not_started', 'in_progress', 'done', 'postponed', 'cancelled'] as const;
export const itemStatusSchema = z.enum(itemStatuses);
export type ItemStatus = z.infer<typeof itemStatusSchema>;

export const itemStatusInfo: Record<ItemStatus, Text & { defaultProgress: number | null }> = {
  not_started: { vi: 'Chưa thực hiện', en: 'Not started', defaultProgress: 0 },
  in_progress: { vi: 'Đang thực hiện', en: 'In progress', defaultProgress: 50 },
  done: { vi: 'Hoàn thành', en: 'Done', defaultProgress: 100 },
  // Keep the progress reached so far.
  postponed: { vi: 'Tạm hoãn', en: 'Postponed', defaultProgress: null },
  cancelled: { vi: 'Không thực hiện', en: 'Cancelled', defaultProgress: null },
};
/** Statuses that close an item: never overdue. */
export const closedItemStatuses: readonly ItemStatus[] = ['done', 'cancelled'];

const text = (max: number) => z.string().trim().max(max);
const required = (max: number, vi: string, en: string) => z.string().trim().min(1, bilingual(vi, en)).max(max);

export const isoDateSchema = z.iso.date(bilingual('Ngày theo dạng yyyy-mm-dd', 'Date as yyyy-mm-dd'));
export const yearSchema = z
  .number(bilingual('Năm là một số', 'Year is a number'))
  .int()
  .min(1945, bilingual('Năm từ 1945', 'Year from 1945'))
  .max(2100, bilingual('Năm đến 2100', 'Year up to 2100'));

export const agreementIdSchema = z.string().regex(idSchemaPattern, bilingual('Mã văn bản không hợp lệ', 'Invalid agreement id'));

export const partySchema = z.strictObject({
  agency: agencyCodeSchema,
  /** Full name as it stands on the document, e.g. "Thường trực Hội đồng nhân dân quận Tây Hồ". */
  name: required(200, 'Nhập tên cơ quan', 'Enter the body’s name'),
});
export type Party = z.infer<typeof partySchema>;

/** An agency on a content item (lead or cooperating); not necessarily a party. */
export const agencyRefSchema = partySchema;
export type AgencyRef = Party;

export const termSchema = z
  .strictObject({ from: yearSchema, to: yearSchema })
  .refine((t) => t.to >= t.from && t.to - t.from <= 10, {
    ...bilingual('Nhiệm kỳ: năm kết thúc không trước năm bắt đầu, tối đa 10 năm', 'Term: end year not before start, at most 10 years'),
    path: ['to'],
  });
export type Term = z.infer<typeof termSchema>;

export const dueSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('date'), on: isoDateSchema }),
  z
    .strictObject({ kind: z.literal('period'), from: isoDateSchema, to: isoDateSchema })
    .refine((p) => p.to >= p.from, { ...bilingual('Ngày kết thúc không trước ngày bắt đầu', 'End date not before start date'), path: ['to'] }),
]);
export type Due = z.infer<typeof dueSchema>;

export const evidenceLinkSchema = z.strictObject({
  /** Id of a document in the signed-document archive (issue #6). */
  docId: z.string().regex(idSchemaPattern, bilingual('Mã văn bản lưu trữ không hợp lệ', 'Invalid archive document id')),
  label: required(200, 'Nhập tên minh chứng', 'Enter a label'),
});
export type EvidenceLink = z.infer<typeof evidenceLinkSchema>;

const progressSchema = z
  .number(bilingual('Tiến độ là một số', 'Progress is a number'))
  .int()
  .min(0, bilingual('Tiến độ từ 0 đến 100', 'Progress 0 to 100'))
  .max(100, bilingual('Tiến độ từ 0 đến 100', 'Progress 0 to 100'));

function progressMatchesStatus(v: { status?: ItemStatus; progress?: number }, ctx: z.RefinementCtx) {
  if (v.status === 'done' && v.progress !== undefined && v.progress !== 100) {
    ctx.addIssue({ code: 'custom', path: ['progress'], message: bilingual('Nội dung hoàn thành có tiến độ 100%', 'A done item is 100% complete').error });
  }
  if (v.status === 'not_started' && v.progress !== undefined && v.progress !== 0) {
    ctx.addIssue({ code: 'custom', path: ['progress'], message: bilingual('Nội dung chưa thực hiện có tiến độ 0%', 'A not-started item is 0% complete').error });
  }
}

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

/**
 * A commune's program or regulation may continue an agreement of its predecessor district (the 2025
 * district its code lay in): the reference names that district's tenant and the agreement. The API
 * checks that the district is the tenant's predecessor and that the agreement exists there.
 */
export const continuesInputSchema = z.strictObject({
  provinceCode: z.string().regex(/^\d{2}$/, bilingual('Mã tỉnh gồm 2 chữ số', 'Province code has 2 digits')),
  localityCode: z.string().regex(/^\d{3}$/, bilingual('Mã quận, huyện gồm 3 chữ số (danh mục 2025)', 'District code has 3 digits (2025 list)')),
  agreementId: agreementIdSchema,
});
export type ContinuesInput = z.infer<typeof continuesInputSchema>;

/** As stored on the header and returned: the reference plus what the link shows (the district's record is read-only history). */
export const continuesRefSchema = continuesInputSchema.extend({
  localityName: z.string(),
  kind: agreementKindSchema,
  number: z.string(),
  title: z.string(),
  period: z.string(),
});
export type ContinuesRef = z.infer<typeof continuesRefSchema>;

/** `GET /api/agreements/continuable`: the caller's predecessor district and what of it may be continued. */
export type Continuable = {
  predecessor: { provinceCode: string; localityCode: string; name: string } | null;
  items: { id: string; kind: AgreementKind; number: string; title: string; period: string; status: AgreementStatus }[];
};

/** Content units stored as separate items: chapters + articles + content items (transaction-bound). */
export const MAX_CONTENT_UNITS = 90;

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
  areas: z.array(required(300, 'Nhập lĩnh vực', 'Enter the area')).max(30).default([]),
  /** Preamble / overview text. */
  summary: text(20000).default(''),
  chapters: z.array(chapterInputSchema).max(20).default([]),
  items: z.array(itemInputSchema).max(MAX_CONTENT_UNITS).default([]),
  /** Nơi nhận. */
  recipients: z.array(required(200, 'Nhập nơi nhận', 'Enter the recipient')).max(30).default([]),
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
    issue(['continues'], 'Chỉ chương trình, quy chế mới tiếp nối văn bản của quận, huyện trước đây', 'Only a program or regulation continues a former district’s agreement');
  }
  const units = v.chapters.length + v.chapters.reduce((n, c) => n + c.articles.length, 0) + v.items.length;
  if (units > MAX_CONTENT_UNITS) {
    issue([v.kind === 'regulation' ? 'chapters' : 'items'], `Tối đa ${MAX_CONTENT_UNITS} chương, điều, nội dung`, `At most ${MAX_CONTENT_UNITS} chapters, articles and items`);
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

/** Review periods: `2022-H1` (sơ kết 6 tháng đầu năm) and `2023-Y` (tổng kết năm). */
export const reviewPeriodSchema = z
  .string()
  .regex(/^(19[4-9]\d|20\d\d|2100)-(H1|Y)$/, bilingual('Kỳ đánh giá dạng 2022-H1 (6 tháng) hoặc 2023-Y (năm)', 'Review period like 2022-H1 (half-year) or 2023-Y (year)'));
export type ReviewPeriod = z.infer<typeof reviewPeriodSchema>;

export function reviewKindOf(period: string): 'semiannual' | 'annual' {
  return period.endsWith('-H1') ? 'semiannual' : 'annual';
}
export function reviewYearOf(period: string): number {
  return Number(period.slice(0, 4));
}

const countSchema = z.number().int().min(0).max(10000);
const commendedSchema = z
  .strictObject({ count: countSchema.default(0), names: z.array(required(300, 'Nhập tên', 'Enter the name')).max(500).default([]) })
  .refine((v) => v.names.length <= v.count, { ...bilingual('Số tên vượt quá số lượng', 'More names than the count'), path: ['names'] });

export const commendationsSchema = z.strictObject({
  /** Who decided the commendations, e.g. "UBND Quận". */
  decidedBy: text(300).default(''),
  collectives: commendedSchema.default({ count: 0, names: [] }),
  individuals: commendedSchema.default({ count: 0, names: [] }),
});
export type Commendations = z.output<typeof commendationsSchema>;

export const reviewInputSchema = z.strictObject({
  /** Absent: create the review; present: the version being replaced (or `If-Match`). */
  ...versionField,
  /** Số, ký hiệu of the review report, if any. */
  number: text(80).default(''),
  heldOn: isoDateSchema,
  place: text(300).default(''),
  /** Who presented the report, e.g. "Nguyễn Thị Thanh – Chủ tịch Ủy ban MTTQ Việt Nam quận". */
  reportedBy: text(300).default(''),
  itemResults: z
    .array(
      z.strictObject({
        no: z.number().int().min(1),
        result: text(4000).default(''),
        status: itemStatusSchema.optional(),
        progress: progressSchema.optional(),
      }),
    )
    .max(MAX_CONTENT_UNITS)
    .default([]),
  achievements: text(20000).default(''),
  shortcomings: text(20000).default(''),
  priorities: text(20000).default(''),
  /** Speeches, discussions (tham luận) and other notes. */
  discussion: text(10000).default(''),
  commendations: commendationsSchema.default({ decidedBy: '', collectives: { count: 0, names: [] }, individuals: { count: 0, names: [] } }),
  recipients: z.array(required(200, 'Nhập nơi nhận', 'Enter the recipient')).max(30).default([]),
  remarks: text(4000).default(''),
});
export type ReviewInput = z.input<typeof reviewInputSchema>;

/** A review as stored and returned. */
export const reviewSchema = reviewInputSchema.omit({ version: true }).extend({
  period: z.string(),
  kind: z.enum(['semiannual', 'annual']),
  year: z.number(),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Review = z.infer<typeof reviewSchema>;

/** Per-item summary kept on the header so a list page derives counts (and overdue) without items. */
export const itemIndexEntrySchema = z.object({ s: itemStatusSchema, p: z.number(), d: z.string().nullable() });
export type ItemIndexEntry = z.infer<typeof itemIndexEntrySchema>;

/** The agreement header as the API returns it. */
export const agreementSchema = z.object({
  id: z.string(),
  kind: agreementKindSchema,
  number: z.string(),
  title: z.string(),
  parties: z.array(partySchema),
  term: termSchema.nullable(),
  year: z.number().nullable(),
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
  year: z.coerce.number().pipe(yearSchema).optional(),
  /** Exact term, e.g. `2021-2026`. */
  term: z
    .string()
    .regex(/^\d{4}-\d{4}$/, bilingual('Nhiệm kỳ dạng 2021-2026', 'Term like 2021-2026'))
    .optional(),
  party: agencyCodeSchema.optional(),
  q: z.string().trim().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
  cursor: z.string().max(2000).optional(),
  /** Province staff: read-only drill-down into one district of their province. */
  locality: z.string().optional(),
});
export type ListQuery = z.infer<typeof listQuerySchema>;

export const listResponseSchema = z.object({ items: z.array(agreementSummarySchema), nextCursor: z.string().nullable(), asOf: z.string() });
export type ListResponse = z.infer<typeof listResponseSchema>;

// ---------------------------------------------------------------------------------------------
// Derivations shared by API and web.

/** Today's date in Vietnam (UTC+7), yyyy-mm-dd: the day "overdue" is judged against. */
export function vietnamToday(now: Date): string {
  return new Date(now.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
}

/** The last day an item may be done: its own due date or period end, else the agreement's end. */
export function itemDeadline(due: Due | null, agreement: { yearTo: number }): string {
  if (due?.kind === 'date') return due.on;
  if (due?.kind === 'period') return due.to;
  return `${agreement.yearTo}-12-31`;
}

/**
 * Overdue is derived, never stored: an open item (not done, not cancelled) of an agreement being
 * carried out (signed, in force, or expired with the item still open) whose deadline has passed.
 */
export function isOverdue(
  item: { status: ItemStatus; deadline: string | null },
  agreementStatus: AgreementStatus,
  today: string,
): boolean {
  if (!['signed', 'in_force', 'expired'].includes(agreementStatus)) return false;
  if (closedItemStatuses.includes(item.status)) return false;
  return item.deadline !== null && item.deadline < today;
}

export function itemStats(agreement: Pick<Agreement, 'itemIndex' | 'status'>, today: string): ItemStats {
  const entries = Object.values(agreement.itemIndex);
  const byStatus = Object.fromEntries(itemStatuses.map((s) => [s, 0])) as Record<ItemStatus, number>;
  let overdue = 0;
  let sum = 0;
  for (const e of entries) {
    byStatus[e.s] += 1;
    sum += e.p;
    if (isOverdue({ status: e.s, deadline: e.d }, agreement.status, today)) overdue += 1;
  }
  return { total: entries.length, byStatus, overdue, averageProgress: entries.length ? Math.round(sum / entries.length) : 0 };
}

/** "Quy chế phối hợp công tác…": the document type followed by the title (trích yếu). */
export function fullTitle(a: { kind: AgreementKind; title: string }, lang: 'vi' | 'en' = 'vi'): string {
  const label = kindLabels[a.kind][lang];
  const t = a.title;
  // Lower-case the first letter unless the title starts with an acronym (HĐND, UBND…).
  const lowered = lang === 'vi' && t.length > 1 && t[1] === t[1]!.toLowerCase() ? t[0]!.toLowerCase() + t.slice(1) : t;
  return `${label} ${lowered}`;
}

export function periodLabel(a: { term: Term | null; year: number | null }): string {
  if (a.term) return `${a.term.from}–${a.term.to}`;
  return a.year !== null ? String(a.year) : '';
}

export function reviewTitle(period: string, lang: 'vi' | 'en' = 'vi'): string {
  const year = reviewYearOf(period);
  if (reviewKindOf(period) === 'semiannual') return lang === 'vi' ? `Sơ kết 6 tháng đầu năm ${year}` : `Half-year review ${year}`;
  return lang === 'vi' ? `Tổng kết năm ${year}` : `Annual review ${year}`;
}
