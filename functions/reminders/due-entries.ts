import { closedItemStatuses, type Agreement } from '../../shared/agreements/schema.js';
import { reminderKeys, tenantPrefix, type TenantRef } from '../../shared/keys.js';
import { reviewDueDates, type ReminderKind } from '../../shared/reminders/schema.js';
import { reportDueOn } from '../../shared/supervision/rules.js';
import type { Plan, Recommendation } from '../../shared/supervision/schema.js';
import { isHistoricalTenant } from '../../shared/tenant-access.js';
import type { TransactItem } from '../store/metered-store.js';

/**
 * The due index (docs/data-model.md "Reminders and notifications"): one entry per record that
 * carries a deadline, built from the record's state after a write and added to that write's own
 * transaction (Put while something is open, Delete when nothing is). The entry holds everything the
 * daily job needs — what is due when, for which agency, where it lives — so the job never reads
 * the records themselves. History tenants (2025 districts, merged provinces) get no entries: their
 * records are closed.
 */

/** Who a due unit goes to: users of the named agencies (else the tenant's editors), or the tenant's admins. */
export type Audience = 'agency' | 'admins';

export type DueUnit = {
  /** Unique within the entry: `ITEM#003`, `REVIEW#2026-H1`, `REC`, `REPORT`, … */
  u: string;
  kind: ReminderKind;
  due: string;
  label: string;
  link: string;
  audience: Audience;
  /** Agency codes (HDND, UBND, …) the unit is for, or free text naming the responsible unit. */
  agencies?: string[];
  unitText?: string;
};

export type DueEntry = { ref: string; record: string; context: string; units: DueUnit[] };

/** Put the entry when it has units, Delete it when it has none. */
export function dueWrite(t: TenantRef, ref: string, entry: DueEntry | null): TransactItem[] {
  if (isHistoricalTenant(t)) return [];
  if (!entry || entry.units.length === 0) return [{ Delete: { Key: reminderKeys.dueEntry(t, ref) } }];
  return [{ Put: { Item: dueItem(t, entry) } }];
}

/** The stored item of an entry (also written by the demo seed). */
export function dueItem(t: TenantRef, entry: DueEntry): Record<string, unknown> & { PK: string; SK: string } {
  const next = entry.units.map((u) => u.due).sort()[0]!;
  return {
    ...reminderKeys.dueEntry(t, entry.ref),
    ...reminderKeys.dueIndex(t, next, entry.ref),
    entity: 'due',
    tenant: tenantPrefix(t),
    provinceCode: t.provinceCode,
    localityCode: t.localityCode,
    ref: entry.ref,
    record: entry.record,
    context: entry.context,
    next,
    units: entry.units,
  };
}

const TRACKING = ['signed', 'in_force'];

export const agreementRef = (id: string) => `AGR#${id}`;

/** Open items with their deadlines and reviews not yet recorded, of a signed or in-force agreement. */
export function agreementDueEntry(a: Agreement): DueEntry | null {
  if (!TRACKING.includes(a.status)) return null;
  const context = [a.number, a.title].filter(Boolean).join(' ').slice(0, 200);
  const units: DueUnit[] = [];
  for (const [no, e] of Object.entries(a.itemIndex)) {
    if (!e.d || closedItemStatuses.includes(e.s)) continue;
    units.push({
      u: `ITEM#${no}`,
      kind: 'item-due',
      due: e.d,
      label: e.t ?? `Nội dung ${Number(no)}`,
      link: `/agreements/${a.id}#item-${Number(no)}`,
      audience: 'agency',
      ...(e.l ? { agencies: [e.l] } : {}),
    });
  }
  const recorded = new Set(a.reviewPeriods);
  const signed = a.signedOn ?? '0000-00-00';
  for (const [period, due] of Object.entries(reviewDueDates(a))) {
    // Periods that ended before the signing are not owed (a record entered afterwards).
    if (recorded.has(period) || due < signed) continue;
    units.push({
      u: `REVIEW#${period}`,
      kind: 'review-due',
      due,
      label: period,
      link: `/agreements/${a.id}/reviews/${period}`,
      audience: 'agency',
      agencies: [...new Set(a.parties.map((p) => p.agency))],
    });
  }
  return { ref: agreementRef(a.id), record: 'agreement', context, units };
}

/** Due writes for agreement headers after a write (each `after` replaces its entry). */
export function agreementDue(t: TenantRef, afters: Agreement[]): TransactItem[] {
  return afters.flatMap((a) => dueWrite(t, agreementRef(a.id), agreementDueEntry(a)));
}

const OPEN_PLAN = ['planned', 'notified', 'in_progress'];

/** The team report, 15 days after the last working session, until the plan is reported; it goes to the owner body (HĐND or MTTQ). */
/** Agencies of a supervision plan's owner body. */
export const OWNER_AGENCIES: Record<string, string[]> = {
  hdnd_standing: ['HDND'],
  hdnd_committee: ['HDND'],
  delegate_group: ['HDND'],
  mttq: ['MTTQ'],
  joint: ['HDND', 'MTTQ'],
};

export function reportDue(t: TenantRef, plan: Pick<Plan, 'id' | 'topic' | 'status' | 'sessions' | 'owner'>): TransactItem[] {
  const due = reportDueOn(plan.sessions);
  const ref = `REPORT#${plan.id}`;
  const open = due !== null && OPEN_PLAN.includes(plan.status);
  const entry: DueEntry | null = open
    ? {
        ref,
        record: 'plan',
        context: plan.topic.slice(0, 200),
        units: [
          {
            u: 'REPORT',
            kind: 'report-due',
            due,
            label: plan.topic.slice(0, 200),
            link: `/supervision/plans/${plan.id}`,
            audience: 'agency',
            agencies: OWNER_AGENCIES[plan.owner.body] ?? [],
          },
        ],
      }
    : null;
  return dueWrite(t, ref, entry);
}

/** A recommendation, by its deadline, until it is resolved; it goes to its responsible unit. */
export function recommendationDue(
  t: TenantRef,
  rec: Pick<Recommendation, 'planId' | 'planTopic' | 'no' | 'content' | 'responsibleUnit' | 'deadline' | 'status'>,
) {
  const ref = `REC#${rec.planId}#${String(rec.no).padStart(3, '0')}`;
  const entry: DueEntry | null =
    rec.status === 'resolved'
      ? null
      : {
          ref,
          record: 'recommendation',
          context: rec.planTopic.slice(0, 200),
          units: [
            {
              u: 'REC',
              kind: 'recommendation-due',
              due: rec.deadline,
              label: rec.content.slice(0, 200),
              link: `/supervision/plans/${rec.planId}#rec-${rec.no}`,
              audience: 'agency',
              unitText: rec.responsibleUnit,
            },
          ],
        };
  return dueWrite(t, ref, entry);
}

/**
 * Writes that put an agreement's due entry computed from the header they read (item index, review
 * periods) also move the header's `dueRev` under a condition, so two such writes cannot interleave
 * and leave the entry one change behind: the later one fails and re-reads (progress and reviews
 * retry by themselves; a sign or status change answers 409 like any stale version).
 */
export function dueGuard(header: Record<string, unknown>): { condition: string; values: Record<string, number> } {
  const rev = header.dueRev;
  return typeof rev === 'number'
    ? { condition: 'dueRev = :dueRev', values: { ':dueRev': rev, ':dueOne': 1 } }
    : { condition: 'attribute_not_exists(dueRev)', values: { ':dueOne': 1 } };
}

/** Days a province has to decide a sign-up before the reminder says it is overdue (our choice; see docs/data-model.md). */
export const SIGNUP_DECISION_DAYS = 3;

/** A pending sign-up, in the province's due partition: its admins are reminded until they decide. */
export function signUpDue(province: TenantRef, localityCode: string, localityName: string, requestedOn: string): TransactItem[] {
  const due = new Date(Date.parse(`${requestedOn}T00:00:00Z`) + SIGNUP_DECISION_DAYS * 86_400_000).toISOString().slice(0, 10);
  return dueWrite(province, `SIGNUP#${localityCode}`, {
    ref: `SIGNUP#${localityCode}`,
    record: 'signup',
    context: localityName,
    units: [{ u: 'SIGNUP', kind: 'signup-pending', due, label: localityName, link: '/approvals', audience: 'admins' }],
  });
}

/** The decision removes the pending sign-up from the province's due partition. */
export const signUpDecided = (province: TenantRef, localityCode: string): TransactItem[] => dueWrite(province, `SIGNUP#${localityCode}`, null);

/**
 * An invitation, in the inviter's tenant, due on its expiry day (reminded 48 h before). Accepting or
 * revoking does not touch it: the job reads the invitation (same users partition it reads anyway) and
 * reminds only while it is pending, and DynamoDB TTL removes the entry a day after the expiry.
 */
export function invitationDue(inviter: TenantRef, invitation: { PK: string; SK: string; email: string; expiresAt: number }, expiresOn: string): TransactItem[] {
  const ref = `INVITE#${invitation.SK.slice('INVITE#'.length, 'INVITE#'.length + 16)}`;
  if (isHistoricalTenant(inviter)) return [];
  const entry: DueEntry = {
    ref,
    record: 'invitation',
    context: invitation.email,
    units: [{ u: 'INVITE', kind: 'invitation-expiring', due: expiresOn, label: invitation.email, link: '/users', audience: 'admins' }],
  };
  const item = { ...dueItem(inviter, entry), check: { PK: invitation.PK, SK: invitation.SK, status: 'pending' }, expiresAt: invitation.expiresAt + 86_400 };
  return [{ Put: { Item: item } }];
}
