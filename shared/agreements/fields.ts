import * as z from 'zod';
import { bilingual } from '../problem.js';
import { agencyCodeSchema, agreementIdPattern, type ItemStatus } from './vocabulary.js';

/** Field schemas the agreement records and requests are built from (dates, years, parties, terms, deadlines). */

const idSchemaPattern = agreementIdPattern;

export const text = (max: number) => z.string().trim().max(max);
export const required = (max: number, vi: string, en: string) => z.string().trim().min(1, bilingual(vi, en)).max(max);

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

export const termSchema = z.strictObject({ from: yearSchema, to: yearSchema }).refine((t) => t.to >= t.from && t.to - t.from <= 10, {
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

export const progressSchema = z
  .number(bilingual('Tiến độ là một số', 'Progress is a number'))
  .int()
  .min(0, bilingual('Tiến độ từ 0 đến 100', 'Progress 0 to 100'))
  .max(100, bilingual('Tiến độ từ 0 đến 100', 'Progress 0 to 100'));

export function progressMatchesStatus(v: { status?: ItemStatus; progress?: number }, ctx: z.RefinementCtx) {
  if (v.status === 'done' && v.progress !== undefined && v.progress !== 100) {
    ctx.addIssue({ code: 'custom', path: ['progress'], message: bilingual('Nội dung hoàn thành có tiến độ 100%', 'A done item is 100% complete').error });
  }
  if (v.status === 'not_started' && v.progress !== undefined && v.progress !== 0) {
    ctx.addIssue({
      code: 'custom',
      path: ['progress'],
      message: bilingual('Nội dung chưa thực hiện có tiến độ 0%', 'A not-started item is 0% complete').error,
    });
  }
}

/** Content units stored as separate items: chapters + articles + content items (transaction-bound). */
export const MAX_CONTENT_UNITS = 90;
