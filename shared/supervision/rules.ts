import type { Plan, PlanStatus, Recommendation, RecommendationStatus, Session } from './schema.js';
import type { BoardPeriodRow, BoardRecommendation, BoardUnitRow, PlanSummary } from './views.js';
import { foldVietnamese } from '../format.js';
import { latestDate } from '../dates.js';

/**
 * Domain rules of supervision, pure and unit-tested: status moves, the report due date, derived
 * overdue flags and the follow-up board's counts. Dates are calendar dates (yyyy-mm-dd) in Vietnam
 * time (UTC+7); "today" always comes from the injected clock, never from the stored record.
 */

/** The team's report is due this many calendar days after the last working session. */
export const REPORT_DUE_DAYS = 15;

/** The one forward path of a plan; no step may be skipped or undone. */
export const planTransitions: Record<PlanStatus, readonly PlanStatus[]> = {
  planned: ['notified'],
  notified: ['in_progress'],
  in_progress: ['reported'],
  reported: ['closed'],
  closed: [],
};

export function canMovePlan(from: PlanStatus, to: PlanStatus): boolean {
  return planTransitions[from].includes(to);
}

/** Findings and recommendations are recorded while the team works and after it reports. */
export const statusesAcceptingFindings: readonly PlanStatus[] = ['in_progress', 'reported'];

/** Plan fields may be edited until the plan is closed. */
export function planEditable(status: PlanStatus): boolean {
  return status !== 'closed';
}

/**
 * A recommendation's moves. `answered` is reached only by recording a response; from there the
 * supervising body accepts it (tiếp thu, work continues), declares it resolved, or sends it back
 * (`open`: the answer did not settle it). `resolved` is final. A recommendation is resolved only
 * after it has been answered.
 */
export const recommendationTransitions: Record<RecommendationStatus, readonly RecommendationStatus[]> = {
  open: [],
  answered: ['accepted', 'resolved', 'open'],
  accepted: ['resolved'],
  resolved: [],
};

export function canMoveRecommendation(from: RecommendationStatus, to: RecommendationStatus): boolean {
  return recommendationTransitions[from].includes(to);
}

/** Status after a response is recorded: the first answer moves `open` to `answered`; later ones keep the state. */
export function statusAfterResponse(current: RecommendationStatus): RecommendationStatus | null {
  if (current === 'resolved') return null;
  return current === 'open' ? 'answered' : current;
}

// ── dates ───────────────────────────────────────────────────────────────────────────────────────

/** Today's calendar date in Vietnam: the one helper of shared/dates.ts, re-exported for this module's users. */
export { vietnamToday } from '../dates.js';

/** Adds calendar days to a yyyy-mm-dd date. */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Whole days from `a` to `b` (b − a). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/**
 * The date the team's report is due: 15 calendar days after the last working session (the law's
 * "ngày" are calendar days unless it says working days). No sessions scheduled → no due date yet.
 */
export function reportDueOn(sessions: readonly Pick<Session, 'date'>[]): string | null {
  if (sessions.length === 0) return null;
  // Dates are yyyy-mm-dd strings: compared as text, so Math.max (numbers) does not apply.
  // biome-ignore lint/complexity/useMathMinMax: string comparison of ISO dates
  const last = sessions.reduce((max, s) => (s.date > max ? s.date : max), sessions[0]!.date);
  return addDays(last, REPORT_DUE_DAYS);
}

/** The report is late while the plan has not reached `reported` and today is past the due date. */
export function reportOverdue(status: PlanStatus, dueOn: string | null, today: string): boolean {
  if (!dueOn) return false;
  return (status === 'planned' || status === 'notified' || status === 'in_progress') && today > dueOn;
}

// ── the dates things happened ───────────────────────────────────────────────────────────────────
// A step carries `on` (the day it happened, maybe years back) and `at` (the instant it was
// recorded). Every rule below reads `on`: a 2024 plan entered in 2026 is judged by its 2024 dates.

/** The day a new step may not precede: the latest day any step of the history happened. */
export function lastStepOn(history: readonly { on: string }[]): string | null {
  return latestDate(...history.map((h) => h.on));
}

/** The day the plan's `reported` step happened, if it has one. */
export function reportedOn(plan: Pick<Plan, 'statusHistory'>): string | null {
  return plan.statusHistory.find((s) => s.status === 'reported')?.on ?? null;
}

/** The report came late: the day it was reported (not the day that was entered) is after the due date. */
export function reportedLate(dueOn: string | null, reported: string | null): boolean {
  return dueOn !== null && reported !== null && reported > dueOn;
}

/**
 * The earliest day a recommendation of the plan may be dated: the day the supervision began (its
 * `in_progress` step), since findings are recorded only from then on.
 */
export function supervisionStartedOn(plan: Pick<Plan, 'statusHistory'>): string | null {
  return plan.statusHistory.find((s) => s.status === 'in_progress')?.on ?? lastStepOn(plan.statusHistory);
}

/** The day a recommendation was made: its first (`open`) step. */
export function recommendationMadeOn(rec: Pick<Recommendation, 'history'>): string | null {
  return rec.history[0]?.on ?? null;
}

/** A plan with what is derived from it at read time: its report due date, whether the report is late or came late. */
export function summarizePlan(plan: Plan, today: string): PlanSummary {
  const due = reportDueOn(plan.sessions);
  const reported = reportedOn(plan);
  return { ...plan, reportDueOn: due, reportOverdue: reportOverdue(plan.status, due, today), reportedOn: reported, reportedLate: reportedLate(due, reported) };
}

/** Overdue is derived, never stored: not resolved and today is after the deadline (the deadline day itself is on time). */
export function isOverdue(rec: Pick<Recommendation, 'status' | 'deadline'>, today: string): boolean {
  return rec.status !== 'resolved' && today > rec.deadline;
}

export function daysOverdue(rec: Pick<Recommendation, 'status' | 'deadline'>, today: string): number {
  return isOverdue(rec, today) ? daysBetween(rec.deadline, today) : 0;
}

/** Index state of a recommendation on the follow-up board (GSI2): `open` until resolved, then `done`. */
export function boardState(status: RecommendationStatus): 'open' | 'done' {
  return status === 'resolved' ? 'done' : 'open';
}

// ── follow-up board ─────────────────────────────────────────────────────────────────────────────

export function quarterOf(date: string): number {
  return Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1;
}

export function yearPeriods(year: number): { period: string; from: string; to: string }[] {
  const q = [1, 2, 3, 4].map((n) => {
    const from = `${year}-${String((n - 1) * 3 + 1).padStart(2, '0')}-01`;
    const to = addDays(n === 4 ? `${year + 1}-01-01` : `${year}-${String(n * 3 + 1).padStart(2, '0')}-01`, -1);
    return { period: `${year}-Q${n}`, from, to };
  });
  return [...q, { period: String(year), from: `${year}-01-01`, to: `${year}-12-31` }];
}

/** Groups responsible units ignoring diacritics, case and spacing ("UBND phường Quảng An" = "ubnd phuong quang an"). */
export function unitKey(unit: string): string {
  return foldVietnamese(unit);
}

/**
 * The follow-up board from recommendations (any order): every unresolved one by responsible unit
 * with overdue counts, and per quarter and for the year, how many of those due in the period were
 * resolved (on time or late). Pure: the API feeds it one Query's items and the clock's today.
 */
export function buildBoard(recs: readonly Omit<Recommendation, 'history'>[], today: string, year: number) {
  const open: BoardRecommendation[] = recs
    .filter((r) => r.status !== 'resolved')
    .map((r) => ({ ...r, overdue: isOverdue(r, today), daysOverdue: daysOverdue(r, today) }))
    .sort((a, b) => a.deadline.localeCompare(b.deadline) || a.planId.localeCompare(b.planId) || a.no - b.no);

  const units = new Map<string, BoardUnitRow>();
  for (const r of open) {
    const key = unitKey(r.responsibleUnit);
    const row = units.get(key) ?? { unit: r.responsibleUnit, open: 0, overdue: 0, answered: 0, accepted: 0, nextDeadline: null };
    row.open += 1;
    if (r.overdue) row.overdue += 1;
    if (r.status === 'answered') row.answered += 1;
    if (r.status === 'accepted') row.accepted += 1;
    if (!row.nextDeadline || r.deadline < row.nextDeadline) row.nextDeadline = r.deadline;
    units.set(key, row);
  }
  const byUnit = [...units.values()].sort((a, b) => b.overdue - a.overdue || b.open - a.open || a.unit.localeCompare(b.unit, 'vi'));

  const periods: BoardPeriodRow[] = yearPeriods(year).map((p) => {
    const due = recs.filter((r) => r.deadline >= p.from && r.deadline <= p.to);
    const resolved = due.filter((r) => r.status === 'resolved');
    const resolvedOnTime = resolved.filter((r) => (r.resolvedOn ?? '9999-12-31') <= r.deadline);
    return {
      ...p,
      due: due.length,
      resolved: resolved.length,
      resolvedOnTime: resolvedOnTime.length,
      unresolved: due.length - resolved.length,
      overdue: due.filter((r) => isOverdue(r, today)).length,
      rate: due.length === 0 ? null : resolved.length / due.length,
    };
  });

  return { today, year, totals: { open: open.length, overdue: open.filter((r) => r.overdue).length }, byUnit, open, periods };
}
