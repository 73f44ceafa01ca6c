import * as z from 'zod';
import { yearQuery } from '../query.js';
import { pagingQuery } from '../paging.js';
import { bilingual } from '../problem.js';

/**
 * Supervision (giám sát) and social criticism (phản biện xã hội): plans, findings, recommendations
 * (kiến nghị) and the responses they get until resolved. Every request and record is defined here
 * once; the API validates with these schemas and the web app imports the same types.
 */

// ── vocabularies ────────────────────────────────────────────────────────────────────────────────

/** Who runs the supervision: HĐND standing committee, an HĐND committee, a delegate group, UB MTTQ, or jointly. */
export const ownerBodies = ['hdnd_standing', 'hdnd_committee', 'delegate_group', 'mttq', 'joint'] as const;
export type OwnerBody = (typeof ownerBodies)[number];

/** Thematic supervision, review of legal documents, social criticism, follow-up of voters' petitions. */
export const planTypes = ['thematic', 'document_review', 'social_criticism', 'voter_followup'] as const;
export type PlanType = (typeof planTypes)[number];

/** planned → notified → in progress → reported → closed (see rules.ts for the allowed moves). */
export const planStatuses = ['planned', 'notified', 'in_progress', 'reported', 'closed'] as const;
export type PlanStatus = (typeof planStatuses)[number];

/** How the team works (forms named in the law on supervision and in Decision 217-QĐ/TW). */
export const supervisionMethods = ['document_study', 'working_session', 'field_survey', 'conference', 'written_comment', 'dialogue'] as const;
export type SupervisionMethod = (typeof supervisionMethods)[number];

export const findingKinds = ['result', 'shortcoming', 'other'] as const;
export type FindingKind = (typeof findingKinds)[number];

/** Stored states of a recommendation. "Overdue" is never stored: it is derived from the deadline. */
export const recommendationStatuses = ['open', 'answered', 'accepted', 'resolved'] as const;
export type RecommendationStatus = (typeof recommendationStatuses)[number];

/** Limits that keep one write inside one DynamoDB transaction (100 items). */
export const MAX_RECOMMENDATIONS_PER_PLAN = 80;
export const MAX_RECOMMENDATIONS_PER_FINDING = 20;

// ── building blocks ─────────────────────────────────────────────────────────────────────────────

export const isoDateSchema = z.iso.date(bilingual('Ngày không hợp lệ (định dạng yyyy-mm-dd)', 'Invalid date (format yyyy-mm-dd)'));
/**
 * Record ids are ULIDs (shared/ids.ts `idSchemaPattern`; a unit test keeps the two equal). Not
 * imported from there because ids.ts pulls node:crypto, and the web app imports this file.
 */
export const recordIdPattern = /^[0-9A-HJKMNP-TV-Z]{26}$/;
export const recordIdSchema = z.string().regex(recordIdPattern, bilingual('Mã bản ghi không hợp lệ', 'Invalid record id'));

const text = (max: number, min = 1) =>
  z
    .string()
    .trim()
    .min(min, bilingual(min === 1 ? 'Không được để trống' : `Tối thiểu ${min} ký tự`, min === 1 ? 'Must not be empty' : `At least ${min} characters`))
    .max(max, bilingual(`Tối đa ${max} ký tự`, `At most ${max} characters`));

export const ownerSchema = z
  .strictObject({
    body: z.enum(ownerBodies),
    /** Which committee, delegate group or which bodies jointly, e.g. "Ban Pháp chế HĐND quận". */
    name: text(200).optional(),
  })
  .superRefine((v, ctx) => {
    if ((v.body === 'hdnd_committee' || v.body === 'delegate_group' || v.body === 'joint') && !v.name) {
      ctx.addIssue({
        code: 'custom',
        path: ['name'],
        message: bilingual('Ghi rõ tên Ban, Tổ đại biểu hoặc các cơ quan phối hợp', 'Name the committee, delegate group or joint bodies').error,
      });
    }
  });
export type Owner = z.infer<typeof ownerSchema>;

export const periodSchema = z.strictObject({ from: isoDateSchema, to: isoDateSchema });

/** One working session of the team with a supervised unit (buổi làm việc). */
export const sessionSchema = z.strictObject({
  date: isoDateSchema,
  time: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, bilingual('Giờ không hợp lệ (hh:mm)', 'Invalid time (hh:mm)'))
    .optional(),
  unit: text(200),
  place: text(300).optional(),
  content: text(1000).optional(),
});
export type Session = z.infer<typeof sessionSchema>;

export const teamMemberSchema = z.strictObject({
  name: text(120),
  /** chức vụ, e.g. "Phó Chủ tịch HĐND quận" */
  title: text(200).optional(),
  /** the agency the member comes from (HĐND, UBND, UB MTTQ, Hội LHPN, …) */
  agency: text(200),
});
export type TeamMember = z.infer<typeof teamMemberSchema>;

export const teamSchema = z.strictObject({
  leader: teamMemberSchema,
  members: z.array(teamMemberSchema).max(50, bilingual('Tối đa 50 thành viên', 'At most 50 members')).default([]),
});
export type Team = z.infer<typeof teamSchema>;

/**
 * The agreement item a plan carries out (e.g. content item 6 "Phối hợp thực hiện giám sát" of a
 * district's annual program). Agreements live in their own partition; only the reference is kept.
 */
export const agreementRefSchema = z.strictObject({
  agreementId: recordIdSchema,
  itemNo: z.number().int().min(1).max(999),
});
export type AgreementRef = z.infer<typeof agreementRefSchema>;

export const attachmentSchema = z.strictObject({
  /** id of a signed document in the archive (issue #6), when it is there */
  documentId: recordIdSchema.optional(),
  /** what the attachment is, e.g. "Công văn số 125/UBND-TNMT ngày 10/03/2026" */
  label: text(300),
});
export type Attachment = z.infer<typeof attachmentSchema>;

// ── plans ───────────────────────────────────────────────────────────────────────────────────────

const sessionsSchema = z.array(sessionSchema).max(60, bilingual('Tối đa 60 buổi làm việc', 'At most 60 sessions'));

/** Editable fields of a plan, without cross-field rules (so partial() works for updates). */
export const planFieldsObject = z.strictObject({
  owner: ownerSchema,
  type: z.enum(planTypes),
  topic: text(500, 3),
  supervisedUnits: z
    .array(text(200))
    .min(1, bilingual('Cần ít nhất một đối tượng giám sát', 'At least one supervised unit'))
    .max(50, bilingual('Tối đa 50 đối tượng', 'At most 50 units')),
  period: periodSchema,
  sessions: sessionsSchema.default([]),
  team: teamSchema,
  methods: z.array(z.enum(supervisionMethods)).min(1, bilingual('Chọn ít nhất một phương thức', 'Choose at least one method')),
  methodNote: text(2000).optional(),
  agreementRef: agreementRefSchema.nullable().optional(),
  note: text(2000).optional(),
});

/** Rules across fields: the period is ordered and every working session falls inside it. */
export function checkPlanFields(v: { period?: { from: string; to: string }; sessions?: Session[]; methods?: string[] }, ctx: z.RefinementCtx) {
  if (v.period && v.period.to < v.period.from) {
    ctx.addIssue({
      code: 'custom',
      path: ['period', 'to'],
      message: bilingual('Ngày kết thúc phải sau ngày bắt đầu', 'End date must not be before the start date').error,
    });
  }
  if (v.period && v.sessions) {
    v.sessions.forEach((s, i) => {
      if (s.date < v.period!.from || s.date > v.period!.to) {
        ctx.addIssue({
          code: 'custom',
          path: ['sessions', i, 'date'],
          message: bilingual('Buổi làm việc phải nằm trong thời gian giám sát', 'A working session must fall within the plan period').error,
        });
      }
    });
  }
  if (v.methods && new Set(v.methods).size !== v.methods.length) {
    ctx.addIssue({ code: 'custom', path: ['methods'], message: bilingual('Phương thức bị trùng', 'Duplicate method').error });
  }
}

export const planInputSchema = planFieldsObject.superRefine(checkPlanFields);
export type PlanFields = z.output<typeof planInputSchema>;

/**
 * The date the plan was adopted (ngày lập kế hoạch): its `planned` step. Defaults to today; a plan
 * of a past year entered now carries the day it was really made, so its later steps can follow it.
 */
const plannedOnSchema = isoDateSchema.optional();

/** POST: the plan's fields and, for a past record, the date it was planned. */
export const planCreateSchema = planFieldsObject.extend({ plannedOn: plannedOnSchema }).superRefine(checkPlanFields);
export type PlanInput = z.input<typeof planCreateSchema>;

const versionSchema = z.number().int().min(1);

/** PATCH: any editable fields; the version read (or an If-Match header) guards against lost updates. */
export const planPatchSchema = planFieldsObject.partial().extend({
  /** no default here: a field left out of a PATCH keeps its value */
  sessions: sessionsSchema.optional(),
  /** null clears an optional text */
  methodNote: text(2000).nullable().optional(),
  note: text(2000).nullable().optional(),
  /** corrects the date of the `planned` step (a past plan first entered with today's date) */
  plannedOn: plannedOnSchema,
  version: versionSchema.optional(),
});
export type PlanPatch = z.input<typeof planPatchSchema>;

export const statusChangeSchema = z.strictObject({
  status: z.enum(planStatuses),
  /** calendar date of the change (dd/mm/yyyy in the UI) */
  on: isoDateSchema,
  at: z.iso.datetime(),
  by: z.strictObject({ userId: z.string(), name: z.string().optional() }),
  note: z.string().optional(),
});

export const planSchema = planFieldsObject.extend({
  id: recordIdSchema,
  status: z.enum(planStatuses),
  statusHistory: z.array(statusChangeSchema),
  /** recommendations not yet resolved: the plan can be closed only when this is 0 */
  openRecommendations: z.number().int().min(0),
  findingCount: z.number().int().min(0),
  recommendationCount: z.number().int().min(0),
  version: z.number().int().min(1),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  /** true for the local demo data (never for real records) */
  demo: z.boolean().optional(),
});
export type Plan = z.infer<typeof planSchema>;

export const planTransitionSchema = z.strictObject({
  to: z.enum(planStatuses),
  version: versionSchema.optional(),
  /** date the step happened (defaults to today, Vietnam time) */
  on: isoDateSchema.optional(),
  note: text(1000).optional(),
});
export type PlanTransition = z.input<typeof planTransitionSchema>;

// ── findings, recommendations, responses ─────────────────────────────────────────────────────────

export const recommendationInputSchema = z.strictObject({
  content: text(2000),
  /** đơn vị chịu trách nhiệm giải quyết */
  responsibleUnit: text(200),
  deadline: isoDateSchema,
  /** the date the recommendation was made (its `open` step); defaults to today, never before the supervision began */
  madeOn: isoDateSchema.optional(),
});
export type RecommendationInput = z.input<typeof recommendationInputSchema>;

export const findingInputSchema = z.strictObject({
  kind: z.enum(findingKinds),
  title: text(300),
  detail: text(5000).optional(),
  recommendations: z
    .array(recommendationInputSchema)
    .max(
      MAX_RECOMMENDATIONS_PER_FINDING,
      bilingual(`Tối đa ${MAX_RECOMMENDATIONS_PER_FINDING} kiến nghị mỗi lần`, `At most ${MAX_RECOMMENDATIONS_PER_FINDING} recommendations at once`),
    )
    .default([]),
});
export type FindingInput = z.input<typeof findingInputSchema>;

export const findingSchema = z.object({
  planId: recordIdSchema,
  no: z.number().int().min(1),
  kind: z.enum(findingKinds),
  title: z.string(),
  detail: z.string().optional(),
  createdAt: z.iso.datetime(),
  version: z.number().int().min(1),
});
export type Finding = z.infer<typeof findingSchema>;

export const recommendationPatchSchema = z.strictObject({
  version: versionSchema.optional(),
  content: text(2000).optional(),
  responsibleUnit: text(200).optional(),
  deadline: isoDateSchema.optional(),
  /** corrects the day the recommendation was made (one first entered with today's date) */
  madeOn: isoDateSchema.optional(),
});
export type RecommendationPatch = z.input<typeof recommendationPatchSchema>;

export const responseInputSchema = z.strictObject({
  /** the recommendation's version as read (or If-Match) */
  version: versionSchema.optional(),
  respondedOn: isoDateSchema,
  /** who answered, e.g. "UBND phường Quảng An" (defaults to the responsible unit) */
  respondent: text(200).optional(),
  content: text(5000),
  attachments: z.array(attachmentSchema).max(10, bilingual('Tối đa 10 tệp đính kèm', 'At most 10 attachments')).default([]),
});
export type ResponseInput = z.input<typeof responseInputSchema>;

export const recommendationTransitionSchema = z.strictObject({
  /** accepted (tiếp thu), resolved (giải quyết xong), open (answer not accepted: answer again) */
  to: z.enum(['accepted', 'resolved', 'open']),
  version: versionSchema.optional(),
  on: isoDateSchema.optional(),
  note: text(1000).optional(),
});
export type RecommendationTransition = z.input<typeof recommendationTransitionSchema>;

/**
 * Several recommendations of one plan changed together: status (accept, resolve, send back),
 * deadline or responsible unit, each with the version the clerk saw. All or nothing.
 */
export const bulkRecommendationsSchema = z.strictObject({
  recommendations: z
    .array(z.strictObject({ no: z.number().int().min(1).max(999), version: versionSchema }))
    .min(1, bilingual('Chọn ít nhất một kiến nghị', 'Select at least one recommendation'))
    .max(MAX_RECOMMENDATIONS_PER_PLAN),
  set: z
    .strictObject({
      status: z.enum(['accepted', 'resolved', 'open']).optional(),
      deadline: isoDateSchema.optional(),
      responsibleUnit: text(200).optional(),
    })
    .refine((s) => s.status !== undefined || s.deadline !== undefined || s.responsibleUnit !== undefined, {
      ...bilingual('Chọn ít nhất một thay đổi', 'Choose at least one change'),
    }),
  /** The date of a status change (default today, never later). */
  on: isoDateSchema.optional(),
  note: text(1000).optional(),
});
export type BulkRecommendations = z.input<typeof bulkRecommendationsSchema>;

export const recommendationResponseSchema = z.object({
  id: z.string(),
  respondedOn: isoDateSchema,
  respondent: z.string(),
  content: z.string(),
  attachments: z.array(attachmentSchema),
  createdAt: z.iso.datetime(),
});
export type RecommendationResponse = z.infer<typeof recommendationResponseSchema>;

export const recommendationSchema = z.object({
  planId: recordIdSchema,
  planTopic: z.string(),
  no: z.number().int().min(1),
  findingNo: z.number().int().min(1),
  content: z.string(),
  responsibleUnit: z.string(),
  deadline: isoDateSchema,
  status: z.enum(recommendationStatuses),
  resolvedOn: isoDateSchema.optional(),
  history: z.array(
    z.object({
      status: z.enum(recommendationStatuses),
      on: isoDateSchema,
      at: z.iso.datetime(),
      by: z.object({ userId: z.string(), name: z.string().optional() }),
      note: z.string().optional(),
    }),
  ),
  responseCount: z.number().int().min(0),
  lastResponseOn: isoDateSchema.optional(),
  version: z.number().int().min(1),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type Recommendation = z.infer<typeof recommendationSchema>;

// ── queries ─────────────────────────────────────────────────────────────────────────────────────

export const planListQuerySchema = z.strictObject({
  status: z.enum(planStatuses).optional(),
  year: yearQuery(2000, 2100).optional(),
  q: z.string().trim().max(200).optional(),
  ...pagingQuery(50, 200),
  locality: z.string().optional(),
});

export const boardQuerySchema = z.strictObject({
  year: yearQuery(2000, 2100).optional(),
  q: z.string().trim().max(200).optional(),
  locality: z.string().optional(),
});
