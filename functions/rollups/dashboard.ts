import { keys } from '../../shared/keys.js';
import { findProvince } from '../../shared/localities/index.js';
import { figures, vietnamToday } from '../../shared/rollups/counters.js';
import type { Dashboard, DashboardRow } from '../../shared/rollups/schema.js';
import { notFound } from '../tenancy/scope.js';
import type { MeteredStore } from '../store/metered-store.js';
import { countersOf } from './update.js';

/**
 * The province dashboard: ONE Query of the province's roll-up partition (one small item per
 * district), joined in memory with the official district list. Never touches the records.
 */
export async function loadDashboard(store: MeteredStore, provinceCode: string, now: Date, year?: number): Promise<Dashboard> {
  const province = findProvince(provinceCode);
  if (!province) throw notFound();
  const today = vietnamToday(now);
  const y = year ?? Number(today.slice(0, 4));

  // ≤ 30 small items per province: one page, so one request.
  const items = await store.queryAll({
    KeyConditionExpression: 'PK = :pk',
    ExpressionAttributeValues: { ':pk': keys.rollupsOf(provinceCode).PK },
  });

  const bySk = new Map(items.map((i) => [String(i.SK), i]));
  const rows: DashboardRow[] = province.districts.map((d) => {
    const item = bySk.get(keys.rollup(provinceCode, d.code).SK);
    return {
      districtCode: d.code,
      name: d.name,
      type: d.type,
      hasData: Boolean(item),
      lastActivityAt: (item?.lastActivityAt as string | undefined) ?? null,
      ...figures(item ? countersOf(item) : {}, { today, year: y }),
    };
  });

  const total = (f: (r: DashboardRow) => number) => rows.reduce((n, r) => n + f(r), 0);
  return {
    provinceCode,
    provinceName: province.name,
    year: y,
    today,
    rows,
    totals: {
      districts: rows.length,
      withoutSignedProgram: rows.filter((r) => !r.programSigned).length,
      agreements: total((r) => Object.values(r.agreementsByKind).reduce((a, b) => a + b, 0)),
      itemsDone: total((r) => r.items.done),
      itemsOverdue: total((r) => r.items.overdue),
      recommendationsOpen: total((r) => r.recommendations.open),
      recommendationsOverdue: total((r) => r.recommendations.overdue),
      documents: total((r) => r.documents),
    },
  };
}
