import { describe, expect, it } from 'vitest';
import { loadDashboard } from '../../functions/rollups/dashboard.js';
import type { MeteredStore } from '../../functions/store/metered-store.js';
import { keys } from '../../shared/keys.js';
import { DASHBOARD_COLUMNS, dashboardSchema, dashboardToWire, dashboardWireSchema } from '../../shared/rollups/schema.js';

/** Roll-up items of two Thái Nguyên units and a Bắc Kạn district, as the store holds them. */
const items = [
  {
    ...keys.rollup({ provinceCode: '19', localityCode: '05443' }),
    lastActivityAt: '2026-03-01T02:00:00.000Z',
    'agr.program.in_force': 1,
    'prog.signed.2026': 1,
    'item.done': 2,
    'item.due.2026-01-10': 3,
    'rec.open': 1,
    'rec.due.2026-12-01': 1,
    'doc.total': 4,
    'plan.active': 1,
  },
  { ...keys.rollup({ provinceCode: '06', localityCode: '058' }), dataEntryOpen: true, 'agr.regulation.in_force': 1 },
];
const store = { queryAll: async () => items } as unknown as MeteredStore;

describe('the dashboard as it travels (rows as arrays under their column names)', () => {
  it('reads back to exactly the dashboard the API built', async () => {
    const dashboard = await loadDashboard(store, '19', new Date('2026-06-15T03:00:00Z'), { year: 2026 });
    const wire = JSON.parse(JSON.stringify(dashboardToWire(dashboard)));
    expect(wire.columns).toEqual([...DASHBOARD_COLUMNS]);
    expect(wire.rows[0]).toHaveLength(DASHBOARD_COLUMNS.length);
    const read = dashboardWireSchema.parse(wire);
    expect(read).toEqual(dashboard);
    expect(dashboardSchema.parse(read)).toEqual(dashboard);
    const unit = read.rows.find((r) => r.localityCode === '05443')!;
    expect(unit).toMatchObject({ hasData: true, programSigned: true, documents: 4, items: { done: 2, open: 3, overdue: 3 }, plansByStatus: { active: 1 } });
    expect(unit.inYear).toEqual({ itemsDue: 3, itemsOverdue: 3, recommendationsDue: 1, recommendationsOverdue: 0 });
    expect(read.historical.find((r) => r.localityCode === '058')).toMatchObject({ dataEntryOpen: true, agreementsByKind: { regulation: 1 } });
    // A quarter of the bytes or less: the field names travel once.
    expect(JSON.stringify(wire).length).toBeLessThan(JSON.stringify(dashboard).length / 2);
  });

  it('refuses rows under columns it does not know (an API and a page of different versions)', async () => {
    const wire = dashboardToWire(await loadDashboard(store, '19', new Date('2026-06-15T03:00:00Z')));
    const swapped = { ...wire, columns: [...wire.columns].reverse() };
    expect(dashboardWireSchema.safeParse(swapped).success).toBe(false);
  });
});
