import * as z from 'zod';
import { bilingual } from '../problem.js';
import { yearQuery } from '../query.js';

/** Dashboard filters: year; unit name without diacritics; unit type; signed this year's program or not. */
export const rollupQuerySchema = z.strictObject({
  year: yearQuery(2000, 2100).optional(),
  q: z.string().max(100, bilingual('Từ khóa tối đa 100 ký tự', 'The search text is at most 100 characters')).optional(),
  type: z.enum(['xa', 'phuong', 'dac-khu'], bilingual('Loại đơn vị là xa, phuong hoặc dac-khu', 'Type is xa, phuong or dac-khu')).optional(),
  signed: z.enum(['yes', 'no'], bilingual('"signed" là yes hoặc no', '"signed" is yes or no')).optional(),
});
export type RollupQuery = z.infer<typeof rollupQuerySchema>;

export const rollupExportQuerySchema = rollupQuerySchema.extend({
  format: z.enum(['csv', 'xlsx']),
});

const count = z.number().int();
const tally = z.record(z.string(), count);

/** One unit's figures (shared/rollups/counters.ts `figures`). */
const localityFiguresSchema = z.object({
  agreementsByKind: tally,
  agreementsByStatus: tally,
  programSigned: z.boolean(),
  items: z.object({ done: count, open: count, overdue: count }),
  plansByStatus: tally,
  recommendations: z.object({ open: count, overdue: count, resolved: count }),
  documents: count,
  /**
   * The chosen year's part: open items and open recommendations whose deadline falls in the year,
   * and of them the overdue ones today. The other figures are counts as of today (the roll-up keeps
   * no year for them).
   */
  inYear: z.object({ itemsDue: count, itemsOverdue: count, recommendationsDue: count, recommendationsOverdue: count }),
});

export const dashboardRowSchema = z.object({
  ...localityFiguresSchema.shape,
  /** The tenant's own province code: a merged province's rows keep theirs (06 under Thái Nguyên 19). */
  provinceCode: z.string(),
  /** null: the tenant of a merged province itself. */
  localityCode: z.string().nullable(),
  name: z.string(),
  /** Xã, Phường, Đặc khu (current); Quận, Huyện, Thị xã, Thành phố, Tỉnh (history). */
  type: z.string(),
  level: z.enum(['commune', 'district', 'province']),
  /** Last day in force (history: 2025-06-30); null while in force. */
  validUntil: z.string().nullable(),
  /** A tenant that has written anything has a roll-up item. */
  hasData: z.boolean(),
  /** History only: opened by the province for backfilling records. */
  dataEntryOpen: z.boolean(),
  lastActivityAt: z.string().nullable(),
});
export type DashboardRow = z.infer<typeof dashboardRowSchema>;

export const dashboardTotalsSchema = z.object({
  localities: count,
  withoutSignedProgram: count,
  agreements: count,
  itemsDone: count,
  itemsOverdue: count,
  recommendationsOpen: count,
  recommendationsOverdue: count,
  documents: count,
  /** Sums of the rows' `inYear` figures. */
  itemsDueInYear: count,
  itemsOverdueInYear: count,
  recommendationsDueInYear: count,
  recommendationsOverdueInYear: count,
});
export type DashboardTotals = z.infer<typeof dashboardTotalsSchema>;

/** Fields of the dashboard besides its rows (`GET /api/rollups`). */
const dashboardHead = {
  provinceCode: z.string(),
  provinceName: z.string(),
  year: z.number().int(),
  today: z.string(),
  /** Provinces of the 2025 list this province continues (itself first when it kept its code). */
  predecessors: z.array(z.object({ code: z.string(), name: z.string() })),
  /** Figures of the current units (rows); history has its own totals. */
  totals: dashboardTotalsSchema,
  historicalTotals: dashboardTotalsSchema,
};

/** The province dashboard as the API builds it and the pages read it. */
export const dashboardSchema = z.object({
  ...dashboardHead,
  /** The current commune-level units of the province (Hà Nội: 126). */
  rows: z.array(dashboardRowSchema),
  /** History: the 2025 districts of the province and of the provinces merged into it, and those provinces. */
  historical: z.array(dashboardRowSchema),
});
export type Dashboard = z.infer<typeof dashboardSchema>;

/**
 * How a row travels: one array of values in `DASHBOARD_COLUMNS` order. A table of 208 units (Hồ Chí
 * Minh) with the field names repeated in every row is ~110 KB; as arrays ~30 KB, which is what
 * writing, sending and reading it costs (`npm run bench -- --case hcm`). The names travel once,
 * in `columns`, and the reader checks them.
 */
export const DASHBOARD_COLUMNS = [
  'provinceCode',
  'localityCode',
  'name',
  'type',
  'level',
  'validUntil',
  'hasData',
  'dataEntryOpen',
  'lastActivityAt',
  'programSigned',
  'agreementsByKind',
  'agreementsByStatus',
  'plansByStatus',
  'itemsDone',
  'itemsOpen',
  'itemsOverdue',
  'recommendationsOpen',
  'recommendationsOverdue',
  'recommendationsResolved',
  'documents',
  'itemsDueInYear',
  'itemsOverdueInYear',
  'recommendationsDueInYear',
  'recommendationsOverdueInYear',
] as const;

const wireRowSchema = z.tuple([
  z.string(),
  z.string().nullable(),
  z.string(),
  z.string(),
  dashboardRowSchema.shape.level,
  z.string().nullable(),
  z.boolean(),
  z.boolean(),
  z.string().nullable(),
  z.boolean(),
  tally,
  tally,
  tally,
  count,
  count,
  count,
  count,
  count,
  count,
  count,
  count,
  count,
  count,
  count,
]);
type WireRow = z.infer<typeof wireRowSchema>;

export function rowToWire(r: DashboardRow): WireRow {
  return [
    r.provinceCode,
    r.localityCode,
    r.name,
    r.type,
    r.level,
    r.validUntil,
    r.hasData,
    r.dataEntryOpen,
    r.lastActivityAt,
    r.programSigned,
    r.agreementsByKind,
    r.agreementsByStatus,
    r.plansByStatus,
    r.items.done,
    r.items.open,
    r.items.overdue,
    r.recommendations.open,
    r.recommendations.overdue,
    r.recommendations.resolved,
    r.documents,
    r.inYear.itemsDue,
    r.inYear.itemsOverdue,
    r.inYear.recommendationsDue,
    r.inYear.recommendationsOverdue,
  ];
}

function rowFromWire(w: WireRow): DashboardRow {
  const [provinceCode, localityCode, name, type, level, validUntil, hasData, dataEntryOpen, lastActivityAt, programSigned] = w;
  const [, , , , , , , , , , agreementsByKind, agreementsByStatus, plansByStatus, done, open, overdue, recOpen, recOverdue, recResolved, documents] = w;
  const [itemsDue, itemsOverdue, recommendationsDue, recommendationsOverdue] = w.slice(20) as [number, number, number, number];
  return {
    provinceCode,
    localityCode,
    name,
    type,
    level,
    validUntil,
    hasData,
    dataEntryOpen,
    lastActivityAt,
    programSigned,
    agreementsByKind,
    agreementsByStatus,
    plansByStatus,
    items: { done, open, overdue },
    recommendations: { open: recOpen, overdue: recOverdue, resolved: recResolved },
    documents,
    inYear: { itemsDue, itemsOverdue, recommendationsDue, recommendationsOverdue },
  };
}

/** `GET /api/rollups` as it travels: rows as arrays under the column names. */
export type DashboardWire = z.input<typeof dashboardWireSchema>;

export function dashboardToWire(d: Dashboard): DashboardWire {
  const { rows, historical, ...head } = d;
  return { ...head, columns: [...DASHBOARD_COLUMNS], rows: rows.map(rowToWire), historical: historical.map(rowToWire) };
}

/** Reads `GET /api/rollups` into the dashboard the pages use (rows as objects). */
export const dashboardWireSchema = z
  .object({
    ...dashboardHead,
    columns: z.array(z.string()).refine((c) => c.length === DASHBOARD_COLUMNS.length && c.every((name, i) => name === DASHBOARD_COLUMNS[i]), {
      message: 'unknown dashboard columns',
    }),
    rows: z.array(wireRowSchema),
    historical: z.array(wireRowSchema),
  })
  .transform(({ rows, historical, ...wire }): Dashboard => {
    const { columns, ...head } = wire;
    return { ...head, rows: rows.map(rowFromWire), historical: historical.map(rowFromWire) };
  });
