import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { rollupUpdate } from '../../functions/rollups/update.js';
import { MeteredStore } from '../../functions/store/metered-store.js';
import { counterName as n } from '../../shared/rollups/counters.js';
import { dashboardWireSchema } from '../../shared/rollups/schema.js';
import { ddbCost, harnessSuite } from '../support/harness.js';

const at = new Date('2026-03-01T02:00:00Z');
const h = harnessSuite({ now: () => new Date('2026-03-10T02:00:00Z') });

beforeAll(async () => {
  const store = new MeteredStore(h.doc, h.tableName);
  const tn = (d: string | null) => ({ provinceCode: '19', localityCode: d });
  // Thành phố Thái Nguyên (164): a signed 2026 program with 3 items, one done, one due 05/03, one due 20/03.
  await store.transactWrite([rollupUpdate(tn('05443'), { [n.agreement('program', 'signed')]: 1, [n.programSigned(2026)]: 1 }, at)]);
  await store.transactWrite([rollupUpdate(tn('05443'), { 'item.done': 1, [n.itemOpenDue('2026-03-05')]: 1, [n.itemOpenDue('2026-03-20')]: 1 }, at)]);
  // Sông Công (165): a regulation and an open recommendation due 01/03, plus 2 documents.
  await store.transactWrite([
    rollupUpdate(
      tn('05518'),
      {
        [n.agreement('regulation', 'in_force')]: 1,
        [n.plan('reported')]: 1,
        [n.recommendationOpen]: 1,
        [n.recommendationOpenDue('2026-03-01')]: 1,
        [n.documents]: 2,
      },
      at,
    ),
  ]);
  // A district of Bắc Kạn (06, merged into Thái Nguyên 19 on 01/07/2025): history of Thái Nguyên.
  await store.transactWrite([rollupUpdate({ provinceCode: '06', localityCode: '058' }, { [n.agreement('program', 'signed')]: 1, [n.documents]: 3 }, at)]);
  // Another province's commune must never show up.
  await store.transactWrite([rollupUpdate({ provinceCode: '01', localityCode: '00103' }, { [n.agreement('program', 'signed')]: 5 }, at)]);
});

describe('province dashboard', () => {
  it('lists every current unit of the province from one Query of small roll-up items, history apart', async () => {
    const { headers } = await h.userToken({ role: 'province_viewer', provinceCode: '19', localityCode: null });
    const res = await h.app.request('/api/rollups?year=2026', { headers });
    expect(res.status).toBe(200);
    const cost = ddbCost(res);
    expect(cost.requests).toBe(1);
    expect(cost.items).toBe(3); // only the three tenants that have data: one item each
    const d = dashboardWireSchema.parse(await res.json());
    expect(d.provinceName).toBe('Tỉnh Thái Nguyên');
    expect(d.rows).toHaveLength(92);
    expect(d.rows.every((r) => r.level === 'commune' && r.validUntil === null)).toBe(true);
    // History: the 2025 districts of Thái Nguyên (9) and Bắc Kạn (8), and Bắc Kạn's own tenant.
    expect(d.predecessors.map((p) => p.code)).toEqual(['19', '06']);
    expect(d.historical).toHaveLength(9 + 8 + 1);
    expect(d.historical.find((r) => r.provinceCode === '06' && r.localityCode === '058')).toMatchObject({
      name: 'Thành Phố Bắc Kạn',
      level: 'district',
      validUntil: '2025-06-30',
      documents: 3,
      hasData: true,
    });
    expect(d.historicalTotals).toMatchObject({ localities: 18, documents: 3 });
    const tp = d.rows.find((r) => r.localityCode === '05443')!;
    expect(tp).toMatchObject({ programSigned: true, items: { done: 1, open: 2, overdue: 1 }, agreementsByKind: { program: 1 } });
    const sc = d.rows.find((r) => r.localityCode === '05518')!;
    expect(sc).toMatchObject({ programSigned: false, recommendations: { open: 1, overdue: 1 }, documents: 2, plansByStatus: { reported: 1 } });
    expect(d.totals).toMatchObject({ localities: 92, withoutSignedProgram: 91, agreements: 2, itemsOverdue: 1, documents: 2 });
  });

  it('filters by name without diacritics, by type and by the signed program', async () => {
    const { headers } = await h.userToken({ role: 'province_viewer', provinceCode: '19', localityCode: null });
    const byName = dashboardWireSchema.parse(await (await h.app.request('/api/rollups?year=2026&q=phan dinh phung', { headers })).json());
    expect(byName.rows.map((r) => r.localityCode)).toEqual(['05443']);
    const signed = dashboardWireSchema.parse(await (await h.app.request('/api/rollups?year=2026&signed=yes', { headers })).json());
    expect(signed.rows.map((r) => r.localityCode)).toEqual(['05443']);
    expect(signed.historical).toEqual([]); // no district signed a 2026 program
    const wards = dashboardWireSchema.parse(await (await h.app.request('/api/rollups?type=phuong', { headers })).json());
    expect(wards.rows.length).toBeGreaterThan(0);
    expect(wards.rows.every((r) => r.type === 'Phường')).toBe(true);
    expect(wards.rows.length).toBeLessThan(92);
  });

  it('derives overdue from the clock, not from stored flags', async () => {
    h.setClock(() => new Date('2026-03-25T02:00:00Z'));
    const { headers } = await h.userToken({ role: 'province_admin', provinceCode: '19', localityCode: null });
    const d = dashboardWireSchema.parse(await (await h.app.request('/api/rollups?year=2026', { headers })).json());
    expect(d.rows.find((r) => r.localityCode === '05443')!.items.overdue).toBe(2);
    expect(d.rows.find((r) => r.localityCode === '05443')!.inYear).toEqual({ itemsDue: 2, itemsOverdue: 2, recommendationsDue: 0, recommendationsOverdue: 0 });
    expect(d.totals).toMatchObject({ itemsDueInYear: 2, itemsOverdueInYear: 2, recommendationsDueInYear: 1, recommendationsOverdueInYear: 1 });
    // The year narrows what is due in it; the counts the roll-up keeps no year for stay as of today.
    const lastYear = dashboardWireSchema.parse(await (await h.app.request('/api/rollups?year=2025', { headers })).json());
    expect(lastYear.rows.find((r) => r.localityCode === '05443')!.programSigned).toBe(false);
    expect(lastYear.totals).toMatchObject({ itemsDueInYear: 0, itemsOverdueInYear: 0, recommendationsDueInYear: 0, recommendationsOverdueInYear: 0 });
    expect(lastYear.totals).toMatchObject({ itemsOverdue: d.totals.itemsOverdue, agreements: d.totals.agreements, documents: d.totals.documents });
    h.setClock(() => new Date('2026-03-10T02:00:00Z'));
  });

  it('is for province staff only, and only for their own province', async () => {
    for (const role of ['locality_admin', 'locality_editor', 'locality_viewer'] as const) {
      const { headers } = await h.userToken({ role, provinceCode: '19', localityCode: '05443' });
      expect((await h.app.request('/api/rollups', { headers })).status).toBe(403);
    }
    const op = await h.userToken({ role: 'operator', provinceCode: null, localityCode: null });
    expect((await h.app.request('/api/rollups', { headers: op.headers })).status).toBe(403);
    expect((await h.app.request('/api/rollups')).status).toBe(401);
    // Hà Nội staff see Hà Nội's 126 units (and its 30 districts as history), nothing of Thái Nguyên.
    const hn = await h.userToken({ role: 'province_viewer', provinceCode: '01', localityCode: null });
    const res = await h.app.request('/api/rollups?year=2026', { headers: hn.headers });
    const d = dashboardWireSchema.parse(await res.json());
    expect(d.provinceCode).toBe('01');
    expect(d.rows).toHaveLength(126);
    expect(d.historical).toHaveLength(30);
    expect([...d.rows, ...d.historical].map((r) => r.localityCode)).not.toContain('05443');
    expect(d.historical.map((r) => r.localityCode)).not.toContain('058');
    expect(d.rows.find((r) => r.localityCode === '00103')!.agreementsByKind.program).toBe(5);
    expect((await h.app.request('/api/rollups?province=19', { headers: hn.headers })).status).toBe(400);
  });

  it('names a bad query field', async () => {
    const { headers } = await h.userToken({ role: 'province_viewer', provinceCode: '19', localityCode: null });
    const res = await h.app.request('/api/rollups?year=20x6', { headers });
    expect(res.status).toBe(400);
    const p = (await res.json()) as { errors: { field: string; message_vi: string }[] };
    expect(p.errors[0]!.field).toBe('year');
    expect(p.errors[0]!.message_vi).toBe('Năm phải là số có 4 chữ số, ví dụ 2026');
    const bad = await h.app.request('/api/rollups/export?format=pdf', { headers });
    expect(bad.status).toBe(400);
  });

  it('exports CSV and XLSX with the same figures', async () => {
    const { headers } = await h.userToken({ role: 'province_viewer', provinceCode: '19', localityCode: null });
    const csv = await h.app.request('/api/rollups/export?format=csv&year=2026', { headers });
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    const bytes = new Uint8Array(await csv.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // UTF-8 BOM for spreadsheet programs
    const text = new TextDecoder().decode(bytes);
    const lines = text.trim().split('\r\n');
    expect(lines).toHaveLength(1 + 92 + 18);
    // A Vietnamese Excel: ';' between cells, codes kept as text (="05443" shows 05443, leading zero kept).
    expect(lines.find((l) => l.startsWith('="05443";'))).toBe(
      '="05443";Phường Phan Đình Phùng;Cấp xã (hiện hành);Phường;Đang hoạt động;Có;0;1;0;1;2;1;0;0;0;0;01/03/2026;2;1;0;0',
    );
    expect(lines.find((l) => l.startsWith('="058";'))).toMatch(/^="058";Thành Phố Bắc Kạn;Cấp huyện \(đến 30\/06\/2025\);Thành phố;30\/06\/2025;/);

    const xlsx = await h.app.request('/api/rollups/export?format=xlsx&year=2026', { headers });
    expect(xlsx.headers.get('content-disposition')).toContain('tong-hop-19-2026.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await xlsx.arrayBuffer());
    const sheet = wb.worksheets[0]!;
    expect(sheet.rowCount).toBe(1 + 92 + 18);
    const row = sheet.getRows(2, 110)!.find((r) => r.getCell(1).value === '05443')!;
    expect(row.getCell(2).value).toBe('Phường Phan Đình Phùng');
    expect(row.getCell(12).value).toBe(1);
  });
});
