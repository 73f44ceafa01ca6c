import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { readSheet } from '../../functions/imports/sheet-read.js';
import { ITEM_COLUMNS, sheetPreviewSchema } from '../../shared/imports/schema.js';
import { problemSchema } from '../../shared/problem-schema.js';
import type { Role } from '../../shared/roles.js';
import { agreementsClient, programBody } from '../support/agreements.js';
import { harnessSuite } from '../support/harness.js';
import { itemRows, xlsxOf } from '../support/sheets.js';

let api: ReturnType<typeof agreementsClient>;
type H = Record<string, string>;
let editor: H, viewer: H, other: H;

const h = harnessSuite({ now: () => new Date('2025-03-01T03:00:00Z') });

beforeAll(async () => {
  api = agreementsClient(h);
  const token = async (role: Role, p: string, l: string | null) => (await h.userToken({ role, provinceCode: p, localityCode: l })).headers;
  [editor, viewer, other] = await Promise.all([
    token('locality_editor', '01', '00103'),
    token('locality_viewer', '01', '00103'),
    token('locality_editor', '01', '00166'),
  ]);
});

const send = (who: H, path: string, bytes: Uint8Array, extra: H = {}) =>
  h.app.request(`/api/imports${path}`, {
    method: 'POST',
    headers: { ...who, 'content-type': 'application/octet-stream', ...extra },
    body: new Uint8Array(bytes),
  });
const get = (who: H, path: string) => h.app.request(`/api/imports${path}`, { headers: who });
async function problem(res: Response, status: number) {
  expect(res.status, await res.clone().text()).toBe(status);
  return problemSchema.parse(await res.json());
}
const preview = async (who: H, id: string, bytes: Uint8Array) => {
  const res = await send(who, `/agreements/${id}/items/preview`, bytes);
  expect(res.status, await res.clone().text()).toBe(200);
  return sheetPreviewSchema.parse(await res.json());
};
const apply = async (who: H, id: string, bytes: Uint8Array, extra: H = {}) => {
  const res = await send(who, `/agreements/${id}/items/apply`, bytes, extra);
  expect(res.status, await res.clone().text()).toBe(200);
  return sheetPreviewSchema.parse(await res.json());
};
const bytesOf = async (res: Response) => new Uint8Array(await res.arrayBuffer());

describe('items spreadsheet: one template both ways', () => {
  it('exports XLSX and CSV in the template’s columns; re-importing the export changes nothing', async () => {
    const a = await api.create(editor, programBody());
    const tpl = await get(editor, '/templates/items?format=xlsx');
    expect(tpl.status).toBe(200);
    expect(readSheet(await bytesOf(tpl))).toEqual([ITEM_COLUMNS.map((c) => c.vi)]);
    for (const format of ['xlsx', 'csv']) {
      const res = await get(editor, `/agreements/${a.id}/items?format=${format}`);
      expect(res.status).toBe(200);
      const file = await bytesOf(res);
      const grid = readSheet(file);
      expect(grid[0]).toEqual(ITEM_COLUMNS.map((c) => c.vi));
      expect(grid[2]!.slice(0, 8)).toEqual([
        '2',
        'Phối hợp tổ chức các kỳ họp HĐND quận, các hội nghị tiếp xúc cử tri',
        '',
        'Thường trực HĐND quận',
        'UBND quận',
        '30/06/2024',
        'Chưa thực hiện',
        '0',
      ]);
      const p = await preview(editor, a.id, file);
      expect(p).toMatchObject({ rows: 2, changes: [], unchanged: 2 });
      expect((await apply(editor, a.id, file)).applied).toBe(false);
    }
  });

  it('imports 7 items from an Excel file (preview, then all at once) and a second import of the same file is 0 changes', async () => {
    const a = await api.create(editor, programBody({ year: 2025, items: [] }));
    const rows = itemRows(7);
    // A date typed into Excel is a day number with a date format, not text.
    rows[3]![5] = new Date(Date.UTC(2025, 3, 30));
    const file = await xlsxOf(rows);
    const p = await preview(editor, a.id, file);
    expect(p.changes.map((c) => c.action)).toEqual(Array(7).fill('create'));
    expect((await api.detail(editor, a.id)).body.items).toHaveLength(0);
    const done = await apply(editor, a.id, file, { 'if-match': `"${p.agreementVersion}"` });
    expect(done).toMatchObject({ applied: true, agreementVersion: p.agreementVersion + 1 });
    const items = (await api.detail(editor, a.id)).body.items;
    expect(items).toHaveLength(7);
    expect(items[0]).toMatchObject({ due: { kind: 'date', on: '2025-01-30' }, lead: { agency: 'HDND' }, cooperating: [{ agency: 'UBND' }] });
    expect(items[3]!.due).toEqual({ kind: 'date', on: '2025-04-30' });
    expect(items[1]).toMatchObject({ due: { kind: 'period', from: '2025-04-01', to: '2025-06-30' }, description: '- Tổ chức hội nghị\n- Báo cáo kết quả' });
    expect(await preview(editor, a.id, file)).toMatchObject({ changes: [], unchanged: 7 });
    expect((await apply(editor, a.id, file)).applied).toBe(false);
  });

  it('names the row and the column in Vietnamese for every bad cell, and saves nothing', async () => {
    const a = await api.create(editor, programBody({ year: 2025, items: [] }));
    const rows = itemRows(3);
    rows[0]![5] = '31/02/2025';
    rows[1]![6] = 'Xong rồi';
    rows[2]![7] = 150;
    const p = await problem(await send(editor, `/agreements/${a.id}/items/apply`, await xlsxOf(rows)), 400);
    expect(p.errors!.map((e) => e.message_vi)).toEqual([
      expect.stringMatching(/^Dòng 2, cột “Thời hạn”: “31\/02\/2025” không phải ngày/),
      expect.stringMatching(/^Dòng 3, cột “Trạng thái”: “Xong rồi” không phải trạng thái/),
      expect.stringMatching(/^Dòng 4, cột “Tiến độ \(%\)”: cần số nguyên từ 0 đến 100/),
    ]);
    expect((await api.detail(editor, a.id)).body.items).toHaveLength(0);
  });

  it('refuses formulas (XLSX and CSV), macros, wrong templates, and files that are not spreadsheets', async () => {
    const a = await api.create(editor, programBody({ year: 2025, items: [] }));
    const path = `/agreements/${a.id}/items/preview`;
    const withFormula = itemRows(1);
    withFormula[0]![7] = { formula: 'SUM(1,2)' };
    expect((await problem(await send(editor, path, await xlsxOf(withFormula)), 400)).errors?.[0]?.code).toBe('formula');
    const csv = `\uFEFF${ITEM_COLUMNS.map((c) => c.vi).join(';')}\r\n1;=HYPERLINK("http://x");;;;;;;\r\n`;
    const f = await problem(await send(editor, path, new TextEncoder().encode(csv)), 400);
    expect(f.errors?.[0]).toMatchObject({ code: 'formula', message_vi: expect.stringContaining('Dòng 2, cột “Nội dung”') });
    const wrong = await problem(await send(editor, path, await xlsxOf(itemRows(1), { headers: ['STT', 'Tên'] })), 400);
    expect(wrong.errors?.[0]).toMatchObject({ field: 'file', code: 'wrong_template' });
    const { zipSync, strToU8 } = await import('fflate');
    const xlsm = zipSync({ 'xl/workbook.xml': strToU8('<workbook/>'), 'xl/vbaProject.bin': new Uint8Array(4) });
    expect((await problem(await send(editor, path, xlsm), 415)).errors?.[0]?.code).toBe('macros');
    expect((await problem(await send(editor, path, new Uint8Array([0, 1, 2, 3, 4, 5])), 415)).errors?.[0]?.code).toBe('unsupported');
    expect((await problem(await send(editor, path, new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 1, 2])), 400)).errors?.[0]?.code).toBe('encrypted');
  });

  it('signed programs: status and progress only, one audit entry per item, 409 naming rows changed meanwhile', async () => {
    const a = await api.create(editor, programBody());
    await api.sign(editor, a.id, 1);
    const exported = readSheet(await bytesOf(await get(editor, `/agreements/${a.id}/items?format=csv`)));
    const csvOf = (grid: string[][]) => new TextEncoder().encode(grid.map((r) => r.map((c) => `"${c.replace(/"/g, '""')}"`).join(',')).join('\r\n'));
    const edited = exported.map((r) => [...r]);
    edited[1]![6] = 'Đang thực hiện';
    edited[1]![7] = '40';
    edited[2]![6] = 'Hoàn thành';
    edited[2]![7] = '100';
    const done = await apply(editor, a.id, csvOf(edited));
    expect(done.changes.map((c) => [c.no, c.columns])).toEqual([
      [1, ['Trạng thái', 'Tiến độ (%)']],
      [2, ['Trạng thái', 'Tiến độ (%)']],
    ]);
    const items = (await api.detail(editor, a.id)).body.items;
    expect(items.map((i) => [i.status, i.progress, i.version])).toEqual([
      ['in_progress', 40, 2],
      ['done', 100, 2],
    ]);
    const audit = await h.doc.send(
      new QueryCommand({ TableName: h.tableName, KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': '01#00103#AUDIT#2025-03' } }),
    );
    const itemAudits = (audit.Items ?? []).filter((x) => String((x.target as { id: string }).id).startsWith(`${a.id}/ITEM#`) && x.action === 'progress');
    expect(itemAudits).toHaveLength(2);
    // The same file again: its versions (1) are stale for rows it would now change back.
    const again = await problem(await send(editor, `/agreements/${a.id}/items/apply`, csvOf(exported)), 409);
    expect(again.errors!.map((e) => e.field)).toEqual(['rows.2.version', 'rows.3.version']);
    expect(again.errors![0]!.message_vi).toMatch(/^Dòng 2 \(nội dung 1 “.+”\): đã được người khác sửa/);
    // Content of a signed program does not change from a file.
    const content = edited.map((r) => [...r]);
    content[1]![1] = 'Tên khác';
    content[1]![8] = '2';
    content[2]![8] = '2';
    expect((await problem(await send(editor, `/agreements/${a.id}/items/apply`, csvOf(content)), 400)).errors?.[0]?.message_vi).toContain(
      'chỉ cập nhật trạng thái và tiến độ',
    );
  });

  it('bulk change: several items at once; 409 names the items changed meanwhile', async () => {
    const a = await api.create(editor, programBody());
    await api.sign(editor, a.id, 1);
    const bulk = (body: unknown) =>
      h.app.request(`/api/imports/agreements/${a.id}/items/bulk`, {
        method: 'POST',
        headers: { ...editor, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const ok = await bulk({
      items: [
        { no: 1, version: 1 },
        { no: 2, version: 1 },
      ],
      set: { status: 'done' },
    });
    expect(ok.status, await ok.clone().text()).toBe(200);
    expect((await api.detail(editor, a.id)).body.items.map((i) => [i.status, i.progress])).toEqual([
      ['done', 100],
      ['done', 100],
    ]);
    const stale = await problem(
      await bulk({
        items: [
          { no: 1, version: 1 },
          { no: 2, version: 2 },
        ],
        set: { status: 'in_progress' },
      }),
      409,
    );
    expect(stale.errors!.map((e) => [e.field, e.message_vi])).toEqual([
      ['items.1.version', 'Nội dung 1 “Phối hợp tổ chức phản biện xã hội”: đã được người khác sửa trong lúc này'],
    ]);
    expect(stale.detail_vi).toContain('Nội dung 1 “Phối hợp tổ chức phản biện xã hội” đã được người khác sửa');
    expect(stale.detail_vi).not.toMatch(/[0-9A-HJKMNP-TV-Z]{26}/);
    expect((await problem(await bulk({ items: [{ no: 1, version: 2 }], set: { due: { kind: 'date', on: '2025-12-01' } } }), 400)).detail_vi).toContain(
      'Văn bản đã ký',
    );
    expect((await problem(await bulk({ items: [], set: {} }), 400)).errors?.length).toBeGreaterThan(0);
  });

  it('every route: another tenant 404, a viewer 403 on writes', async () => {
    const a = await api.create(editor, programBody());
    const file = await xlsxOf(itemRows(1));
    expect((await get(other, `/agreements/${a.id}/items`)).status).toBe(404);
    await problem(await send(other, `/agreements/${a.id}/items/preview`, file), 404);
    await problem(await send(other, `/agreements/${a.id}/items/apply`, file), 404);
    const bulkBody = JSON.stringify({ items: [{ no: 1, version: 1 }], set: { status: 'done' } });
    const bulk = (who: H) =>
      h.app.request(`/api/imports/agreements/${a.id}/items/bulk`, { method: 'POST', headers: { ...who, 'content-type': 'application/json' }, body: bulkBody });
    await problem(await bulk(other), 404);
    await problem(await bulk(viewer), 403);
    await problem(await send(viewer, `/agreements/${a.id}/items/apply`, file), 403);
    expect((await get(viewer, `/agreements/${a.id}/items`)).status).toBe(200);
    expect((await (await api.detail(editor, a.id)).body.items).length).toBe(2);
  });
});
