/**
 * Vietnam time (UTC+7, no daylight saving) for calendar logic: "today", months of the audit log,
 * overdue checks. Dates of things are kept as yyyy-mm-dd; instants as UTC ISO strings.
 */
export const VIETNAM_OFFSET_MS = 7 * 3600_000;

/** The instant shifted into Vietnam's wall clock (read it with getUTC* / toISOString). */
export function vietnamClock(at: Date | string | number): Date {
  const ms = typeof at === 'string' ? Date.parse(at) : typeof at === 'number' ? at : at.getTime();
  return new Date(ms + VIETNAM_OFFSET_MS);
}

/** Today's date (yyyy-mm-dd) in Vietnam. */
export function vietnamToday(now: Date): string {
  return vietnamClock(now).toISOString().slice(0, 10);
}

/** The Vietnam calendar month (yyyy-mm) of an instant. */
export function vietnamMonth(at: Date | string | number): string {
  return vietnamClock(at).toISOString().slice(0, 7);
}

/** The UTC instant at which a Vietnam calendar day (yyyy-mm-dd) begins. */
export function vietnamDayStart(day: string): Date {
  return new Date(Date.parse(`${day}T00:00:00Z`) - VIETNAM_OFFSET_MS);
}

/**
 * The rule for the date a thing happened (a plan's step, a recommendation made or answered, a
 * progress note, a review, a signing): records are backfilled years back, so any past day is fine,
 * but never after today, nor before the thing it follows (`notBefore`: the previous step, the
 * recommendation a response answers, the signing a note or review comes after). Ordering compares
 * these dates, never the instants at which the records were entered. Null when the date is fine.
 */
export type HappenedOnProblem = 'after-today' | 'before-previous';

export function happenedOnProblem(on: string, today: string, notBefore?: string | null): HappenedOnProblem | null {
  if (on > today) return 'after-today';
  if (notBefore && on < notBefore) return 'before-previous';
  return null;
}

/** The latest of some yyyy-mm-dd dates (null and undefined ignored): the floor a following date must not fall below. */
export function latestDate(...dates: (string | null | undefined)[]): string | null {
  let latest: string | null = null;
  for (const d of dates) if (d && (latest === null || d > latest)) latest = d;
  return latest;
}
