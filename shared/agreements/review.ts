import * as z from 'zod';
import { bilingual } from '../problem.js';
import { isoDateSchema, MAX_CONTENT_UNITS, progressSchema, required, text } from './fields.js';
import { itemStatusSchema } from './vocabulary.js';

/** Reviews (sơ kết / tổng kết) of an agreement: period, results per item, commendations. */

/** Review periods: `2022-H1` (sơ kết 6 tháng đầu năm) and `2023-Y` (tổng kết năm). */
export const reviewPeriodSchema = z
  .string()
  .regex(
    /^(19[4-9]\d|20\d\d|2100)-(H1|Y)$/,
    bilingual('Kỳ đánh giá dạng 2022-H1 (6 tháng) hoặc 2023-Y (năm)', 'Review period like 2022-H1 (half-year) or 2023-Y (year)'),
  );
export type ReviewPeriod = z.infer<typeof reviewPeriodSchema>;

export function reviewKindOf(period: string): 'semiannual' | 'annual' {
  return period.endsWith('-H1') ? 'semiannual' : 'annual';
}
export function reviewYearOf(period: string): number {
  return Number(period.slice(0, 4));
}

const countSchema = z.number().int().min(0).max(10000);
const commendedSchema = z
  .strictObject({
    count: countSchema.default(0),
    names: z
      .array(required(300, 'Nhập tên', 'Enter the name'))
      .max(500)
      .default([]),
  })
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
  version: z.number().int().positive().optional(),
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
  recipients: z
    .array(required(200, 'Nhập nơi nhận', 'Enter the recipient'))
    .max(30)
    .default([]),
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
