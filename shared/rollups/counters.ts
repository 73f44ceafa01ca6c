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

/** Counter names. Attribute names on the roll-up item; the prefixes are what the dashboard reads. */
export const counterName = {
  agreement: (kind: string, status: string) => `agr.${kind}.${status}`,
  programSigned: (year: number) => `prog.signed.${year}`,
  item: (state: string) => `item.${state}`,
  itemOpenDue: (date: string) => `item.due.${datePart(date)}`,
  itemOpenNoDue: 'item.open.nodue',
  plan: (status: string) => `plan.${status}`,
  recommendationOpen: 'rec.open',
  recommendationOpenDue: (date: string) => `rec.due.${datePart(date)}`,
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

/**
 * `today` is yyyy-mm-dd in Vietnam time; an open item due before today is overdue. `counters` may be
 * the stored roll-up item itself: attributes that are not numbers (keys, dates, flags) are skipped, so
 * the dashboard reads each item once instead of copying its counters out first.
 */
export function figures(counters: Readonly<Record<string, unknown>>, opts: { today: string; year: number }): LocalityFigures {
  const at = (name: string) => (typeof counters[name] === 'number' ? (counters[name] as number) : 0);
  const f: LocalityFigures = {
    agreementsByKind: {},
    agreementsByStatus: {},
    programSigned: at(counterName.programSigned(opts.year)) > 0,
    items: { done: at('item.done'), open: 0, overdue: 0 },
    plansByStatus: {},
    recommendations: { open: at(counterName.recommendationOpen), overdue: 0, resolved: at(counterName.recommendationResolved) },
    documents: at(counterName.documents),
    inYear: { itemsDue: 0, itemsOverdue: 0, recommendationsDue: 0, recommendationsOverdue: 0 },
  };
  // Due-date counters are most of a row's names: test them first and split only the few others
  // (the dashboard runs this for every unit of a province: 208 rows in Hồ Chí Minh). Names compare
  // whole (`item.due.2026-03-01` < `item.due.<today>`: same prefix, ISO dates), so nothing is sliced;
  // `for…in` and plain string tests: no entry arrays, no regular expression per attribute.
  const itemDueToday = `item.due.${opts.today}`;
  const itemDueInYear = `item.due.${opts.year}-`;
  const recDueToday = `rec.due.${opts.today}`;
  const recDueInYear = `rec.due.${opts.year}-`;
  const names = Object.keys(counters);
  for (let i = 0; i < names.length; i++) {
    const name = names[i]!;
    const n = counters[name];
    if (typeof n !== 'number' || n === 0) continue;
    if (name.startsWith('item.due.')) {
      const overdue = name < itemDueToday;
      f.items.open += n;
      if (overdue) f.items.overdue += n;
      if (name.startsWith(itemDueInYear)) {
        f.inYear.itemsDue += n;
        if (overdue) f.inYear.itemsOverdue += n;
      }
    } else if (name.startsWith('rec.due.')) {
      const overdue = name < recDueToday;
      if (overdue) f.recommendations.overdue += n;
      if (name.startsWith(recDueInYear)) {
        f.inYear.recommendationsDue += n;
        if (overdue) f.inYear.recommendationsOverdue += n;
      }
    } else {
      const parts = name.split('.');
      if (parts[0] === 'agr' && parts.length === 3) {
        f.agreementsByKind[parts[1]!] = (f.agreementsByKind[parts[1]!] ?? 0) + n;
        f.agreementsByStatus[parts[2]!] = (f.agreementsByStatus[parts[2]!] ?? 0) + n;
      } else if (parts[0] === 'plan' && parts.length === 2) {
        f.plansByStatus[parts[1]!] = n;
      }
    }
  }
  // Open items without a due date count as open, never overdue.
  f.items.open += at(counterName.itemOpenNoDue);
  return f;
}

export { vietnamToday } from '../dates.js';
