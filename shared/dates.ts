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
