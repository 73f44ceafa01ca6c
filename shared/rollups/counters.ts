/**
 * Province roll-ups: one small item per district holding counters, kept current in the same
 * transaction as every change that moves them. A record contributes a set of counters (its
 * "contribution"); a change adds `after − before`. Time-dependent facts (overdue) are kept as
 * counters per due date and derived when the dashboard is read, so nothing goes stale overnight.
 */
export type Counters = Record<string, number>;

const datePart = (d: string) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(d)) throw new Error(`due date must be yyyy-mm-dd: ${d}`);
  return d;
};

const ITEM_DUE = 'item.due.';
const REC_DUE = 'rec.due.';

/** Counter names. Attribute names on the roll-up item; the prefixes are what the dashboard reads. */
export const counterName = {
  agreement: (kind: string, status: string) => `agr.${kind}.${status}`,
  programSigned: (year: number) => `prog.signed.${year}`,
  item: (state: string) => `item.${state}`,
  itemOpenDue: (date: string) => ITEM_DUE + datePart(date),
  itemOpenNoDue: 'item.open.nodue',
  plan: (status: string) => `plan.${status}`,
  recommendationOpen: 'rec.open',
  recommendationOpenDue: (date: string) => REC_DUE + datePart(date),
  recommendationResolved: 'rec.resolved',
  documents: 'doc.total',
} as const;

/** `after − before`, without zero entries. */
export function delta(before: Counters | null | undefined, after: Counters | null | undefined): Counters {
  const out: Counters = {};
  for (const [k, v] of Object.entries(after ?? {})) out[k] = (out[k] ?? 0) + v;
  for (const [k, v] of Object.entries(before ?? {})) out[k] = (out[k] ?? 0) - v;
  for (const k of Object.keys(out)) if (out[k] === 0) delete out[k];
  return out;
}

export function sum(...parts: (Counters | null | undefined)[]): Counters {
  const out: Counters = {};
  for (const p of parts) for (const [k, v] of Object.entries(p ?? {})) out[k] = (out[k] ?? 0) + v;
  for (const k of Object.keys(out)) if (out[k] === 0) delete out[k];
  return out;
}

/** What the dashboard shows for one district, derived from its counters and today's date. */
export type LocalityFigures = {
  agreementsByKind: Record<string, number>;
  agreementsByStatus: Record<string, number>;
  programSigned: boolean;
  items: { done: number; open: number; overdue: number };
  plansByStatus: Record<string, number>;
  recommendations: { open: number; overdue: number; resolved: number };
  documents: number;
  /** Open items and recommendations due in `year`, and of them those overdue today. */
  inYear: { itemsDue: number; itemsOverdue: number; recommendationsDue: number; recommendationsOverdue: number };
};

/** One counter of a roll-up item or counters object; 0 when absent. */
function countOf(counters: Readonly<Record<string, unknown>>, name: string): number {
  const n = counters[name];
  return typeof n === 'number' ? n : 0;
}

/**
 * `today` is yyyy-mm-dd in Vietnam time; an open item due before today is overdue. `counters` may be
 * the stored roll-up item itself: attributes that are not numbers (keys, dates, flags) are skipped, so
 * the dashboard reads each item once instead of copying its counters out first.
 */
export function figures(counters: Readonly<Record<string, unknown>>, opts: { today: string; year: number }): LocalityFigures {
  const f: LocalityFigures = {
    agreementsByKind: {},
    agreementsByStatus: {},
    programSigned: countOf(counters, counterName.programSigned(opts.year)) > 0,
    items: { done: countOf(counters, 'item.done'), open: 0, overdue: 0 },
    plansByStatus: {},
    recommendations: { open: countOf(counters, counterName.recommendationOpen), overdue: 0, resolved: countOf(counters, counterName.recommendationResolved) },
    documents: countOf(counters, counterName.documents),
    inYear: { itemsDue: 0, itemsOverdue: 0, recommendationsDue: 0, recommendationsOverdue: 0 },
  };
  // Due-date counters are most of a row's names: they are tested first, and the few others are cut
  // at their dots only when reached (the dashboard runs this for each of up to ~210 units). Names
  // compare whole (`item.due.2026-03-01` < `item.due.<today>`: same prefix, ISO dates) and the year
  // is looked up where it stands, so no string is sliced or built per name; Object.keys and an index
  // rather than for…in (roll-up items are dictionary-mode objects, slow to enumerate).
  const itemDueToday = ITEM_DUE + opts.today;
  const recDueToday = REC_DUE + opts.today;
  const year = String(opts.year);
  const names = Object.keys(counters);
  for (let i = 0; i < names.length; i++) {
    const name = names[i]!;
    const n = counters[name];
    if (typeof n !== 'number' || n === 0) continue;
    if (name.startsWith(ITEM_DUE)) {
      const overdue = name < itemDueToday;
      f.items.open += n;
      if (overdue) f.items.overdue += n;
      if (name.startsWith(year, ITEM_DUE.length)) {
        f.inYear.itemsDue += n;
        if (overdue) f.inYear.itemsOverdue += n;
      }
    } else if (name.startsWith(REC_DUE)) {
      const overdue = name < recDueToday;
      if (overdue) f.recommendations.overdue += n;
      if (name.startsWith(year, REC_DUE.length)) {
        f.inYear.recommendationsDue += n;
        if (overdue) f.inYear.recommendationsOverdue += n;
      }
    } else if (name.startsWith('agr.')) {
      // agr.<kind>.<status>
      const dot = name.indexOf('.', 4);
      if (dot < 0 || name.includes('.', dot + 1)) continue;
      const kind = name.slice(4, dot);
      const status = name.slice(dot + 1);
      f.agreementsByKind[kind] = (f.agreementsByKind[kind] ?? 0) + n;
      f.agreementsByStatus[status] = (f.agreementsByStatus[status] ?? 0) + n;
    } else if (name.startsWith('plan.') && !name.includes('.', 5)) {
      f.plansByStatus[name.slice(5)] = n;
    }
  }
  // Open items without a due date count as open, never overdue.
  f.items.open += countOf(counters, counterName.itemOpenNoDue);
  return f;
}

export { vietnamToday } from '../dates.js';
