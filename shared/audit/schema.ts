import * as z from 'zod';
import { localityCodeSchema } from '../identity.js';
import { bilingual } from '../problem.js';
import { wholeNumberQuery } from '../query.js';
import type { Text } from '../text.js';
import * as catalog from './labels.json';

const monthPattern = /^\d{4}-(0[1-9]|1[0-2])$/;
const datePattern = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Audit browse filters. One month (a partition) at a time, newest first; `from`/`to` are calendar
 * days in Vietnam time inside that month; `actor`, `entity`, `action` filter within the month.
 */
export const auditQuerySchema = z
  .strictObject({
    month: z.string().regex(monthPattern, bilingual('Tháng có dạng yyyy-mm', 'Month is yyyy-mm')).optional(),
    from: z.string().regex(datePattern, bilingual('Ngày có dạng yyyy-mm-dd', 'Date is yyyy-mm-dd')).optional(),
    to: z.string().regex(datePattern, bilingual('Ngày có dạng yyyy-mm-dd', 'Date is yyyy-mm-dd')).optional(),
    actor: z.string().trim().max(254, bilingual('Tối đa 254 ký tự', 'At most 254 characters')).optional(),
    entity: z
      .string()
      .regex(/^[a-z][a-z-]{0,39}$/, bilingual('Loại bản ghi không hợp lệ', 'Invalid entity kind'))
      .optional(),
    action: z
      .string()
      .regex(/^[a-z][a-z-]{0,39}$/, bilingual('Hành động không hợp lệ', 'Invalid action'))
      .optional(),
    cursor: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,2000}$/, bilingual('Con trỏ trang không hợp lệ', 'Invalid page cursor'))
      .optional(),
    limit: wholeNumberQuery({ vi: 'Số dòng', en: 'The limit' }, 1, 100).optional(),
    /** Province admins read one of their districts' logs (read-only drill-down). */
    locality: localityCodeSchema.optional(),
  })
  .superRefine((v, ctx) => {
    for (const field of ['from', 'to'] as const) {
      const d = v[field];
      if (!d) continue;
      if (Number.isNaN(new Date(`${d}T00:00:00Z`).getTime()) || new Date(`${d}T00:00:00Z`).toISOString().slice(0, 10) !== d) {
        ctx.addIssue({ code: 'custom', path: [field], message: bilingual('Ngày không tồn tại', 'No such date').error });
      } else if (v.month && d.slice(0, 7) !== v.month) {
        ctx.addIssue({ code: 'custom', path: [field], message: bilingual('Ngày phải thuộc tháng đang xem', 'The date must be in the chosen month').error });
      }
    }
    if (v.from && v.to && v.from > v.to) {
      ctx.addIssue({ code: 'custom', path: ['to'], message: bilingual('"Đến ngày" phải sau "từ ngày"', '"To" must not be before "from"').error });
    }
    if (!v.month && (v.from || v.to) && v.from && v.to && v.from.slice(0, 7) !== v.to.slice(0, 7)) {
      ctx.addIssue({ code: 'custom', path: ['to'], message: bilingual('Khoảng ngày phải trong cùng một tháng', 'The range must be within one month').error });
    }
  });
export type AuditQuery = z.infer<typeof auditQuerySchema>;

/**
 * One changed field of an audit entry. A value too large to keep (budget in functions/audit/record.ts)
 * is `digested`: `before`/`after` hold the first 200 characters (text) or of its JSON, and `digested`
 * the SHA-256 and UTF-8 size of each full value's JSON, so a reader can tell it was shortened and a
 * stored copy can be matched against it.
 */
const digestSchema = z.object({ sha256: z.string(), bytes: z.number() });
export const auditChangeSchema = z.object({
  before: z.unknown(),
  after: z.unknown(),
  digested: z.object({ before: digestSchema, after: digestSchema }).optional(),
});
export type AuditChange = z.infer<typeof auditChangeSchema>;

export const auditEventSchema = z.object({
  auditId: z.string(),
  at: z.string(),
  actor: z.object({ userId: z.string(), email: z.string(), name: z.string().optional(), role: z.string() }),
  target: z.object({ entity: z.string(), id: z.string() }),
  action: z.string(),
  changes: z.record(z.string(), auditChangeSchema),
});
export type AuditEvent = z.infer<typeof auditEventSchema>;

/** `GET /api/audit`: one month of the tenant's audit trail, newest first. */
export const auditPageSchema = z.object({ month: z.string(), items: z.array(auditEventSchema), nextCursor: z.string().nullable() });
export type AuditPage = z.infer<typeof auditPageSchema>;

/** Entities and actions the UI offers as filters (any lower-case kind is accepted by the API). */
export const auditEntities = ['tenant', 'user', 'invitation', 'agreement', 'agreement-item', 'agreement-review', 'supervision', 'document'] as const;
export const auditActions = [
  'create',
  'update',
  'delete',
  'sign-up',
  'approve',
  'reject',
  'invite',
  'revoke',
  'accept',
  'disable',
  'enable',
  'reissue',
  'sign',
  'transition',
  'amend',
  'supersede',
  'progress',
] as const;
/** Their names, in ./labels.json. */
export const auditActionLabels: Record<string, Text> = catalog.action;
export const auditEntityLabels: Record<string, Text> = catalog.entity;
