import { reviewKindOf, reviewYearOf, type Agreement, type Due, type ItemStats, type Term } from './schema.js';
import { closedItemStatuses, itemStatuses, kindLabels, type AgreementKind, type AgreementStatus, type ItemStatus } from './vocabulary.js';

// ---------------------------------------------------------------------------------------------
// Derivations shared by API and web.

/** Today's date in Vietnam (UTC+7), yyyy-mm-dd: the day "overdue" is judged against. */
export { vietnamToday } from '../dates.js';

/** The last day an item may be done: its own due date or period end, else the agreement's end. */
export function itemDeadline(due: Due | null, agreement: { yearTo: number }): string {
  if (due?.kind === 'date') return due.on;
  if (due?.kind === 'period') return due.to;
  return `${agreement.yearTo}-12-31`;
}

/**
 * Overdue is derived, never stored: an open item (not done, not cancelled) of an agreement being
 * carried out (signed, in force, or expired with the item still open) whose deadline has passed.
 */
export function isOverdue(item: { status: ItemStatus; deadline: string | null }, agreementStatus: AgreementStatus, today: string): boolean {
  if (!['signed', 'in_force', 'expired'].includes(agreementStatus)) return false;
  if (closedItemStatuses.includes(item.status)) return false;
  return item.deadline !== null && item.deadline < today;
}

export function itemStats(agreement: Pick<Agreement, 'itemIndex' | 'status'>, today: string): ItemStats {
  const entries = Object.values(agreement.itemIndex);
  const byStatus = Object.fromEntries(itemStatuses.map((s) => [s, 0])) as Record<ItemStatus, number>;
  let overdue = 0;
  let sum = 0;
  for (const e of entries) {
    byStatus[e.s] += 1;
    sum += e.p;
    if (isOverdue({ status: e.s, deadline: e.d }, agreement.status, today)) overdue += 1;
  }
  return { total: entries.length, byStatus, overdue, averageProgress: entries.length ? Math.round(sum / entries.length) : 0 };
}

/** "Quy chế phối hợp công tác…": the document type followed by the title (trích yếu). */
export function fullTitle(a: { kind: AgreementKind; title: string }, lang: 'vi' | 'en' = 'vi'): string {
  const label = kindLabels[a.kind][lang];
  const t = a.title.trim();
  // A title typed with its type already ("Chương trình phối hợp…") is not given it twice.
  if (t.toLocaleLowerCase(lang).startsWith(`${label.toLocaleLowerCase(lang)} `)) return t[0]!.toLocaleUpperCase(lang) + t.slice(1);
  // Lower-case the first letter unless the title starts with an acronym (HĐND, UBND…).
  const lowered = lang === 'vi' && t.length > 1 && t[1] === t[1]!.toLowerCase() ? t[0]!.toLowerCase() + t.slice(1) : t;
  return `${label} ${lowered}`;
}

export function periodLabel(a: { term: Term | null; year: number | null }): string {
  if (a.term) return `${a.term.from}–${a.term.to}`;
  return a.year !== null ? String(a.year) : '';
}

export function reviewTitle(period: string, lang: 'vi' | 'en' = 'vi'): string {
  const year = reviewYearOf(period);
  if (reviewKindOf(period) === 'semiannual') return lang === 'vi' ? `Sơ kết 6 tháng đầu năm ${year}` : `Half-year review ${year}`;
  return lang === 'vi' ? `Tổng kết năm ${year}` : `Annual review ${year}`;
}
