import * as z from 'zod';
import { listResponseOf } from '../paging.js';
import { findingSchema, isoDateSchema, planSchema, recommendationResponseSchema, recommendationSchema } from './schema.js';

/**
 * What the supervision API answers, as schemas: the server builds these shapes and the web app
 * parses them (web/src/supervision/client.ts), so one definition types both sides. Response objects
 * strip unknown keys instead of rejecting them: a newer server may add a field.
 */

/** A recommendation as the API shows it: with its derived overdue flag and its responses. */
export const recommendationViewSchema = z.object({
  ...recommendationSchema.shape,
  overdue: z.boolean(),
  daysOverdue: z.number().int(),
  responses: z.array(recommendationResponseSchema),
});
export type RecommendationView = z.infer<typeof recommendationViewSchema>;

/**
 * A plan with its report deadline (15 days after the last working session) worked out: whether the
 * report is late now, and — from the date the `reported` step happened — whether it came late.
 */
export const planSummarySchema = z.object({
  ...planSchema.shape,
  reportDueOn: isoDateSchema.nullable(),
  reportOverdue: z.boolean(),
  reportedOn: isoDateSchema.nullable(),
  reportedLate: z.boolean(),
});
export type PlanSummary = z.infer<typeof planSummarySchema>;

export const planDetailSchema = z.object({
  today: isoDateSchema,
  plan: planSummarySchema,
  findings: z.array(z.object({ ...findingSchema.shape, recommendations: z.array(recommendationViewSchema) })),
});
export type PlanDetail = z.infer<typeof planDetailSchema>;

/** `GET /plans`: the one list contract plus `today` (Vietnam date the summaries were computed for). */
export const planListSchema = listResponseOf(planSummarySchema, { today: isoDateSchema });
export type PlanList = z.infer<typeof planListSchema>;

/** Answers of the writes that return one record. */
export const planResultSchema = z.object({ plan: planSummarySchema });
export const recommendationResultSchema = z.object({ recommendation: recommendationSchema });
/** A bulk change of recommendations: how many changed and the changed records. */
export const bulkRecommendationsResultSchema = z.object({ changed: z.number().int(), recommendations: z.array(recommendationSchema) });
export const findingResultSchema = z.object({ finding: findingSchema.optional(), recommendations: z.array(recommendationSchema) });

const { history: _history, ...recommendationWithoutHistory } = recommendationSchema.shape;
export const boardRecommendationSchema = z.object({ ...recommendationWithoutHistory, overdue: z.boolean(), daysOverdue: z.number().int() });
export type BoardRecommendation = z.infer<typeof boardRecommendationSchema>;

export const boardUnitRowSchema = z.object({
  unit: z.string(),
  open: z.number().int(),
  overdue: z.number().int(),
  answered: z.number().int(),
  accepted: z.number().int(),
  nextDeadline: isoDateSchema.nullable(),
});
export type BoardUnitRow = z.infer<typeof boardUnitRowSchema>;

export const boardPeriodRowSchema = z.object({
  /** `2026-Q1` … `2026-Q4`, or `2026` for the year */
  period: z.string(),
  from: isoDateSchema,
  to: isoDateSchema,
  /** recommendations whose deadline falls in the period */
  due: z.number().int(),
  resolved: z.number().int(),
  resolvedOnTime: z.number().int(),
  unresolved: z.number().int(),
  overdue: z.number().int(),
  /** resolved / due, 0..1; null when nothing was due */
  rate: z.number().nullable(),
});
export type BoardPeriodRow = z.infer<typeof boardPeriodRowSchema>;

export const boardSchema = z.object({
  today: isoDateSchema,
  year: z.number().int(),
  totals: z.object({ open: z.number().int(), overdue: z.number().int() }),
  byUnit: z.array(boardUnitRowSchema),
  /** every recommendation not yet resolved, earliest deadline first */
  open: z.array(boardRecommendationSchema),
  periods: z.array(boardPeriodRowSchema),
});
export type Board = z.infer<typeof boardSchema>;
