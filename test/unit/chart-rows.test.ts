import { describe, expect, it } from 'vitest';
import { CHART_BARS, chartRows } from '../../web/src/rollups/chart-rows.js';

const unit = (name: string, due: number, overdue: number) => ({ name, due, overdue });
const rows = (list: ReturnType<typeof unit>[]) =>
  chartRows(
    list,
    (r) => r.name,
    (r) => [r.due, r.overdue],
    (n) => `Các đơn vị khác (${n})`,
  );

describe('dashboard chart rows', () => {
  it('shows the units with figures, largest first, and one bar totalling the rest', () => {
    const list = [
      ...Array.from({ length: 14 }, (_, i) => unit(`Xã ${String(i + 1).padStart(2, '0')}`, i + 1, i % 2)),
      ...Array.from({ length: 30 }, (_, i) => unit(`Phường trống ${i}`, 0, 0)),
    ];
    const r = rows(list);
    expect(r).toHaveLength(CHART_BARS + 1);
    expect(r.slice(0, 3).map((x) => x.label)).toEqual(['Xã 14', 'Xã 13', 'Xã 12']);
    // 4 units with figures beyond the first 10 (due 1..4, overdue 0,1,0,1) and 30 without: one bar.
    expect(r[CHART_BARS]).toEqual({ label: 'Các đơn vị khác (34)', values: [10, 2], rest: true });
    expect(r.filter((x) => x.values.every((v) => v === 0) && !x.rest)).toEqual([]);
  });

  it('no rest bar when every unit is shown; only a rest bar when none has a figure', () => {
    expect(rows([unit('A', 1, 0), unit('B', 0, 2)]).map((x) => x.label)).toEqual(['A', 'B']);
    expect(rows([unit('A', 0, 0), unit('B', 0, 0)])).toEqual([{ label: 'Các đơn vị khác (2)', values: [0, 0], rest: true }]);
  });
});
