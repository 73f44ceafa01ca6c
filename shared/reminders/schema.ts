import * as z from 'zod';
import { listResponseOf, pagingQuery } from '../paging.js';
import { bilingual } from '../problem.js';

/**
 * Reminders (what is due) and notifications (what happened), as the API, the daily job, the e-mail
 * digest and the web app share them. Texts are built from the kind and the stored facts, so a
 * notification reads the same in the bell, on the page and in the mail.
 */

/** Kinds the daily job creates from the due index. */
export const reminderKinds = ['item-due', 'review-due', 'report-due', 'recommendation-due', 'signup-pending', 'invitation-expiring'] as const;
/** Kinds written when something happens. */
export const eventKinds = [
  'agreement-signed',
  'agreement-amended',
  'agreement-in-force',
  'item-progress',
  'review-recorded',
  'recommendation-answered',
  'recommendation-resolved',
  'signup-decided',
] as const;
export const notificationKinds = [...reminderKinds, ...eventKinds] as const;
export const notificationKindSchema = z.enum(notificationKinds, bilingual('Loại thông báo không hợp lệ', 'Unknown notification kind'));
export type NotificationKind = z.infer<typeof notificationKindSchema>;
export type ReminderKind = (typeof reminderKinds)[number];

/** Where a reminder stands on the day the job runs. */
export const stages = ['soon', 'today', 'overdue'] as const;
export type Stage = (typeof stages)[number];

/** How many days ahead a reminder starts: a week for work items, 48 h for invitations. */
export const windowDays: Record<ReminderKind, number> = {
  'item-due': 7,
  'review-due': 7,
  'report-due': 7,
  'recommendation-due': 7,
  'signup-pending': 3,
  'invitation-expiring': 2,
};
/** The daily job reads due entries up to this many days ahead (the largest window). */
export const HORIZON_DAYS = 7;

export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

/** The stage of something due on `due`, seen on `today`; null while it is further away than its window. */
export function stageOf(kind: ReminderKind, due: string, today: string): Stage | null {
  if (due < today) return 'overdue';
  if (due === today) return 'today';
  return due <= addDays(today, windowDays[kind]) ? 'soon' : null;
}

/**
 * Review due dates (documented in docs/data-model.md): the semi-annual review (sơ kết 6 tháng) of a
 * year by 31/07 — the seeds hold it in July (seed 003, 22/07/2022) — and the annual review
 * (tổng kết năm) by 31/12; a regulation's term is reviewed every year (annual only).
 */
export function reviewDueDates(a: { kind: string; yearFrom: number; yearTo: number }): Record<string, string> {
  const out: Record<string, string> = {};
  for (let y = a.yearFrom; y <= a.yearTo; y++) {
    if (a.kind !== 'regulation') out[`${y}-H1`] = `${y}-07-31`;
    out[`${y}-Y`] = `${y}-12-31`;
  }
  return out;
}

/** What a notification points at; `link` is the web path of the record. */
export const notificationSchema = z.object({
  id: z.string(),
  kind: notificationKindSchema,
  stage: z.enum(stages).nullable(),
  at: z.string(),
  /** The date it is about (deadline, review date, expiry), yyyy-mm-dd. */
  due: z.string().nullable(),
  /** Short name of the record (item title, agreement number and title, locality). */
  label: z.string(),
  /** What it belongs to, e.g. the agreement of an item. */
  context: z.string(),
  link: z.string(),
  read: z.boolean(),
});
export type Notification = z.infer<typeof notificationSchema>;

export const notificationListSchema = listResponseOf(notificationSchema);

export const notificationQuerySchema = z.strictObject({
  ...pagingQuery(25, 100),
  unread: z.enum(['true', 'false'], bilingual('unread là true hoặc false', 'unread is true or false')).optional(),
  kind: notificationKindSchema.optional(),
});

export const unreadCountSchema = z.object({ count: z.number(), more: z.boolean() });

export const notificationIdSchema = z.strictObject({
  id: z.string().regex(/^[re]_[A-Za-z0-9_-]{10,40}$/, bilingual('Mã thông báo không hợp lệ', 'Invalid notification id')),
});

/** Per-kind e-mail choices: the daily digest (reminders) and immediate mails of events. */
export const preferencesSchema = z.strictObject({
  digest: z.boolean(bilingual('digest là true hoặc false', 'digest is true or false')),
  email: z.partialRecord(notificationKindSchema, z.boolean(bilingual('Giá trị là true hoặc false', 'Value is true or false'))),
});
export type Preferences = z.infer<typeof preferencesSchema>;
export const DEFAULT_PREFERENCES: Preferences = { digest: true, email: {} };

/**
 * Events a user can have mailed at once (opt-in, each kind on its own). A sign-up decision is mailed
 * to the applicant's contact address, who has no account yet: it is not a user's choice.
 */
export const userEventKinds = eventKinds.filter((k) => k !== 'signup-decided');
export type EventKind = (typeof eventKinds)[number];

const isReminder = (kind: NotificationKind) => (reminderKinds as readonly string[]).includes(kind);

/**
 * True when a kind goes to the user's mail. Reminders go through the daily digest (on unless turned
 * off, then per kind); events are mailed at once only when the user turned that kind on, whether or
 * not they take the digest.
 */
export function mailsKind(p: Preferences, kind: NotificationKind): boolean {
  if (!isReminder(kind)) return p.email[kind] === true;
  if (!p.digest) return false;
  return p.email[kind] ?? true;
}

export const followTargetSchema = z.strictObject({
  type: z.enum(['agreement', 'plan', 'locality'], bilingual('Loại theo dõi là agreement, plan hoặc locality', 'Follow type is agreement, plan or locality')),
  id: z.string().regex(/^[A-Za-z0-9_-]{1,40}$/, bilingual('Mã bản ghi không hợp lệ', 'Invalid record id')),
});
export const followStateSchema = z.object({ following: z.boolean(), followers: z.number() });

export const unsubscribeSchema = z.strictObject({
  token: z.string().regex(/^[A-Za-z0-9_.-]{20,400}$/, bilingual('Liên kết hủy đăng ký không hợp lệ', 'Invalid unsubscribe link')),
});
