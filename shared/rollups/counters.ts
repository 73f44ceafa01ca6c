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

/** `today` is yyyy-mm-dd in Vietnam time; an open item due before today is overdue. */
export function figures(counters: Counters, opts: { today: string; year: number }): LocalityFigures {
  const f: LocalityFigures = {
    agreementsByKind: {},
    agreementsByStatus: {},
    programSigned: (counters[counterName.programSigned(opts.year)] ?? 0) > 0,
    items: { done: counters['item.done'] ?? 0, open: 0, overdue: 0 },
    plansByStatus: {},
    recommendations: { open: counters[counterName.recommendationOpen] ?? 0, overdue: 0, resolved: counters[counterName.recommendationResolved] ?? 0 },
    documents: counters[counterName.documents] ?? 0,
    inYear: { itemsDue: 0, itemsOverdue: 0, recommendationsDue: 0, recommendationsOverdue: 0 },
  };
  const year = String(opts.year);
  // Due-date counters are most of a row's names: test them first and split only the few others
  // (the dashboard runs this for every unit of a province: 208 rows in Hồ Chí Minh).
  for (const [name, n] of Object.entries(counters)) {
    if (!n) continue;
    if (name.startsWith('item.due.')) {
      const due = name.slice('item.due.'.length);
      f.items.open += n;
      if (due < opts.today) f.items.overdue += n;
      if (due.startsWith(year)) {
        f.inYear.itemsDue += n;
        if (due < opts.today) f.inYear.itemsOverdue += n;
      }
    } else if (name.startsWith('rec.due.')) {
      const due = name.slice('rec.due.'.length);
      if (due < opts.today) f.recommendations.overdue += n;
      if (due.startsWith(year)) {
        f.inYear.recommendationsDue += n;
        if (due < opts.today) f.inYear.recommendationsOverdue += n;
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
  f.items.open += counters[counterName.itemOpenNoDue] ?? 0;
  return f;
}

export { vietnamToday } from '../dates.js';
