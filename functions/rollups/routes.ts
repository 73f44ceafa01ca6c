import { Hono } from 'hono';
import { formatDate } from '../../shared/format.js';
import { rollupExportQuerySchema, rollupQuerySchema, type Dashboard } from '../../shared/rollups/schema.js';
import type { AppEnv } from '../api/env.js';
import { ProblemError } from '../api/problem.js';
import { validate } from '../api/validate.js';
import { requireAuth, requirePermission } from '../auth/middleware.js';
import { toCsv, toXlsx, type Table } from '../export/table-export.js';
import { loadDashboard } from './dashboard.js';

/** Province staff only; the province comes from the token, never from the request. */
export const rollupRoutes = new Hono<AppEnv>()
  .use('*', requireAuth, requirePermission('province:read'))
  .get('/', validate('query', rollupQuerySchema), async (c) => {
    const { year } = c.req.valid('query');
    return c.json(await loadDashboard(c.var.store, provinceOf(c.var.identity.provinceCode), c.var.deps.now(), year));
  })
  .get('/export', validate('query', rollupExportQuerySchema), async (c) => {
    const { year, format } = c.req.valid('query');
    const dashboard = await loadDashboard(c.var.store, provinceOf(c.var.identity.provinceCode), c.var.deps.now(), year);
    const table = dashboardTable(dashboard);
    const file = `tong-hop-${dashboard.provinceCode}-${dashboard.year}`;
    if (format === 'csv') {
      return c.body(toCsv(table), 200, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="${file}.csv"`,
      });
    }
    return c.body(toXlsx(table) as Uint8Array<ArrayBuffer>, 200, {
      'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'content-disposition': `attachment; filename="${file}.xlsx"`,
    });
  });

function provinceOf(code: string | null): string {
  if (!code) throw new ProblemError('forbidden', { vi: 'Tài khoản không thuộc tỉnh nào', en: 'Account belongs to no province' });
  return code;
}

/** The export's columns: Vietnamese headers with English in brackets, one row per district. */
export function dashboardTable(d: Dashboard): Table {
  return {
    sheetName: `Tổng hợp ${d.year}`,
    headers: [
      'Mã (Code)',
      'Quận/huyện (District)',
      `Đã ký CTr ${d.year} (Program signed)`,
      'Quy chế (Regulations)',
      'Chương trình (Programs)',
      'Kế hoạch (Plans)',
      'Nội dung hoàn thành (Items done)',
      'Nội dung đang thực hiện (Items open)',
      'Nội dung quá hạn (Items overdue)',
      'Kế hoạch giám sát (Supervision plans)',
      'Kiến nghị chưa giải quyết (Open recommendations)',
      'Kiến nghị quá hạn (Overdue recommendations)',
      'Văn bản lưu trữ (Documents)',
      'Hoạt động gần nhất (Last activity)',
    ],
    rows: d.rows.map((r) => [
      r.districtCode,
      r.name,
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
    ]),
  };
}
