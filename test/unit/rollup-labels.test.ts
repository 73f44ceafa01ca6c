import { describe, expect, it } from 'vitest';
import { figures } from '../../shared/rollups/counters.js';

describe('roll-up item counts and the export labels that name them', () => {
  it('counts as "not done" every item neither done nor cancelled (not started and in progress, overdue included), overdue as a part of it', async () => {
    const f = figures({ 'item.done': 3, 'item.due.2026-01-10': 2, 'item.due.2026-12-31': 4, 'item.open.nodue': 1 }, { today: '2026-03-01', year: 2026 });
    expect(f.items).toEqual({ done: 3, open: 7, overdue: 2 });
    const { dashboardTable } = await import('../../functions/rollups/routes.js');
    const headers = dashboardTable({ year: 2026, rows: [], historical: [] } as never).headers;
    expect(headers).toContain(
      'Nội dung chưa hoàn thành: chưa thực hiện và đang thực hiện, kể cả quá hạn (Items not done: not started or in progress, overdue included)',
    );
    expect(headers).toContain('Trong đó quá hạn (Of which overdue)');
    expect(headers.some((h) => /^Nội dung đang thực hiện/.test(h))).toBe(false);
  });
});
