import { Hono } from 'hono';
import { formatDate } from '../../shared/format.js';
import { dashboardToWire, rollupExportQuerySchema, rollupQuerySchema, type Dashboard } from '../../shared/rollups/schema.js';
import type { AppEnv } from '../http/env.js';
import { ProblemError } from '../http/problem.js';
import { validate } from '../http/validate.js';
import { requireAuth, requirePermission } from '../auth/middleware.js';
import type { Table } from '../export/table-export.js';
import { loadDashboard } from './dashboard.js';

/** Province staff only; the province comes from the token, never from the request. */
export const rollupRoutes = new Hono<AppEnv>()
  .use('*', requireAuth, requirePermission('province:read'))
  .get('/', validate('query', rollupQuerySchema), async (c) => {
    // Rows as arrays under their column names (shared/rollups/schema.ts): a quarter of the bytes.
    const dashboard = await loadDashboard(c.var.store, provinceOf(c.var.identity.provinceCode), c.var.deps.now(), c.req.valid('query'));
    return c.json(dashboardToWire(dashboard));
  })
  .get('/export', validate('query', rollupExportQuerySchema), async (c) => {
    const { format, ...query } = c.req.valid('query');
    const dashboard = await loadDashboard(c.var.store, provinceOf(c.var.identity.provinceCode), c.var.deps.now(), query);
    const table = dashboardTable(dashboard);
    const file = `tong-hop-${dashboard.provinceCode}-${dashboard.year}`;
    if (format === 'csv') {
      return c.body((await import('../export/table-export.js')).toCsv(table), 200, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="${file}.csv"`,
      });
    }
    // The spreadsheet writers (fflate) load on the first export, not at every cold start.
    return c.body((await import('../export/table-export.js')).toXlsx(table) as Uint8Array<ArrayBuffer>, 200, {
      'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'content-disposition': `attachment; filename="${file}.xlsx"`,
    });
  });

const LEVEL_LABELS = { commune: 'Cấp xã (hiện hành)', district: 'Cấp huyện (đến 30/06/2025)', province: 'Cấp tỉnh (đã hợp nhất)' } as const;

function provinceOf(code: string | null): string {
  if (!code) throw new ProblemError('forbidden', { vi: 'Tài khoản không thuộc tỉnh nào', en: 'Account belongs to no province' });
  return code;
}

/**
 * The export's columns: Vietnamese headers with English in brackets, one row per unit, current first.
 * The figures are as of today except the program of the year and the last four (due in the year).
 */
export function dashboardTable(d: Dashboard): Table {
  return {
    sheetName: `Tổng hợp ${d.year}`,
    headers: [
      'Mã (Code)',
      'Đơn vị (Unit)',
      'Cấp (Level)',
      'Loại (Type)',
      'Hiệu lực đến (Valid until)',
      `Đã ký CTr ${d.year} (Program signed)`,
      'Quy chế (Regulations)',
      'Chương trình (Programs)',
      'Kế hoạch (Plans)',
      'Nội dung đã hoàn thành (Items done)',
      // `items.open` counts every item neither done nor cancelled: not started and in progress, overdue ones included.
      'Nội dung chưa hoàn thành: chưa thực hiện và đang thực hiện, kể cả quá hạn (Items not done: not started or in progress, overdue included)',
      'Trong đó quá hạn (Of which overdue)',
      'Kế hoạch giám sát (Supervision plans)',
      'Kiến nghị chưa giải quyết (Open recommendations)',
      'Kiến nghị quá hạn (Overdue recommendations)',
      'Văn bản lưu trữ (Documents)',
      'Hoạt động gần nhất (Last activity)',
      `Nội dung đến hạn năm ${d.year} chưa hoàn thành (Items due in ${d.year} not done)`,
      `Trong đó quá hạn (Of which overdue)`,
      `Kiến nghị đến hạn năm ${d.year} chưa giải quyết (Recommendations due in ${d.year} open)`,
      `Trong đó quá hạn (Of which overdue)`,
    ],
    rows: [...d.rows, ...d.historical].map((r) => [
      r.localityCode ?? r.provinceCode,
      r.name,
      LEVEL_LABELS[r.level],
      r.type,
      r.validUntil ? formatDate(r.validUntil) : 'Đang hoạt động',
      r.programSigned ? 'Có' : 'Chưa',
      r.agreementsByKind.regulation ?? 0,
      r.agreementsByKind.program ?? 0,
      r.agreementsByKind.plan ?? 0,
      r.items.done,
      r.items.open,
      r.items.overdue,
      Object.values(r.plansByStatus).reduce((a, b) => a + b, 0),
      r.recommendations.open,
      r.recommendations.overdue,
      r.documents,
      r.lastActivityAt ? formatDate(r.lastActivityAt) : '',
      r.inYear.itemsDue,
      r.inYear.itemsOverdue,
      r.inYear.recommendationsDue,
      r.inYear.recommendationsOverdue,
    ]),
  };
}
