import { foldVietnamese } from '../../shared/format.js';
import { keys, type TenantRef } from '../../shared/keys.js';
import { findProvince, predecessorProvinces, type Locality } from '../../shared/localities/index.js';
import { figures, vietnamToday } from '../../shared/rollups/counters.js';
import type { Dashboard, DashboardRow, DashboardTotals, RollupQuery } from '../../shared/rollups/schema.js';
import { notFound } from '../auth/tenant-scope.js';
import type { MeteredStore } from '../store/metered-store.js';
import { hasCounters } from './update.js';

const TYPE_FILTER: Record<NonNullable<RollupQuery['type']>, string> = { xa: 'xã', phuong: 'phường', 'dac-khu': 'đặc khu' };

/**
 * The province dashboard: ONE Query of the province's roll-up partition (one small item per tenant
 * that has written anything: its current communes, its 2025 districts and those of the provinces
 * merged into it), joined in memory with the official lists. Never touches the records.
 */
export async function loadDashboard(store: MeteredStore, provinceCode: string, now: Date, query: RollupQuery = {}): Promise<Dashboard> {
  const province = findProvince(provinceCode);
  if (!province) throw notFound();
  const today = vietnamToday(now);
  const year = query.year ?? Number(today.slice(0, 4));

  // A few hundred small items at most (Hồ Chí Minh: 168 units + 39 districts): 1 page of ≤ 1 MB.
  const items = await store.queryAll({
    KeyConditionExpression: 'PK = :pk',
    ExpressionAttributeValues: { ':pk': keys.rollupsOf(provinceCode).PK },
  });
  const bySk = new Map(items.map((i) => [String(i.SK), i]));

  const row = (tenant: TenantRef, unit: { name: string; type: string; level: DashboardRow['level']; validUntil: string | null }): DashboardRow => {
    const item = bySk.get(keys.rollup(tenant).SK);
    return {
      provinceCode: tenant.provinceCode,
      localityCode: tenant.localityCode,
      // Only the row's own fields: a Locality also carries its list date, validity start and predecessor.
      name: unit.name,
      type: unit.type,
      level: unit.level,
      validUntil: unit.validUntil,
      // A row that only carries the data-entry flag has no records yet.
      hasData: Boolean(item && (item.lastActivityAt !== undefined || hasCounters(item))),
      dataEntryOpen: item?.dataEntryOpen === true,
      lastActivityAt: (item?.lastActivityAt as string | undefined) ?? null,
      ...figures(item ?? {}, { today, year }),
    };
  };
  const localityRow = (l: Locality) => row({ provinceCode: l.provinceCode, localityCode: l.code }, l);

  const predecessors = predecessorProvinces(provinceCode);
  const historical = predecessors.flatMap((p) => [
    // A merged province's own tenant (its agreements until 30/06/2025) sits with its districts.
    ...(p.code === provinceCode
      ? []
      : [row({ provinceCode: p.code, localityCode: null }, { name: p.name, type: 'Tỉnh', level: 'province', validUntil: p.validUntil })]),
    ...p.localities.map(localityRow),
  ]);
  const keep = filterOf(query);
  const rows = province.localities.map(localityRow).filter(keep);
  const history = historical.filter(keep);
  return {
    provinceCode,
    provinceName: province.name,
    year,
    today,
    rows,
    historical: history,
    predecessors: predecessors.map((p) => ({ code: p.code, name: p.name })),
    totals: totalsOf(rows),
    historicalTotals: totalsOf(history),
  };
}

function filterOf(query: RollupQuery): (r: DashboardRow) => boolean {
  const q = query.q ? foldVietnamese(query.q) : '';
  const type = query.type ? TYPE_FILTER[query.type] : '';
  return (r) =>
    (!q || foldVietnamese(r.name).includes(q) || (r.localityCode ?? '').startsWith(q)) &&
    (!type || r.type.toLowerCase() === type) &&
    (!query.signed || r.programSigned === (query.signed === 'yes'));
}

function totalsOf(rows: DashboardRow[]): DashboardTotals {
  const total = (f: (r: DashboardRow) => number) => rows.reduce((n, r) => n + f(r), 0);
  return {
    localities: rows.length,
    withoutSignedProgram: rows.filter((r) => !r.programSigned).length,
    agreements: total((r) => Object.values(r.agreementsByKind).reduce((a, b) => a + b, 0)),
    itemsDone: total((r) => r.items.done),
    itemsOverdue: total((r) => r.items.overdue),
    recommendationsOpen: total((r) => r.recommendations.open),
    recommendationsOverdue: total((r) => r.recommendations.overdue),
    documents: total((r) => r.documents),
    itemsDueInYear: total((r) => r.inYear.itemsDue),
    itemsOverdueInYear: total((r) => r.inYear.itemsOverdue),
    recommendationsDueInYear: total((r) => r.inYear.recommendationsDue),
    recommendationsOverdueInYear: total((r) => r.inYear.recommendationsOverdue),
  };
}
