import { beforeAll, describe, expect, it } from 'vitest';
import { readSheet } from '../../functions/imports/sheet-read.js';
import { RECOMMENDATION_COLUMNS, recordSheetPreviewSchema, REVIEW_RESULT_COLUMNS } from '../../shared/imports/schema.js';
import { problemSchema } from '../../shared/problem-schema.js';
import type { PlanDetail } from '../../shared/supervision/views.js';
import { agreementsClient, programBody } from '../support/agreements.js';
import { harnessSuite } from '../support/harness.js';
import { xlsxOf, type SheetCell } from '../support/sheets.js';
import { caller, sampleFinding, samplePlan } from '../support/supervision-fixtures.js';

/**
 * Reviews' per-item results and supervision recommendations as spreadsheets: one template both ways,
 * every row checked, preview then all-or-nothing apply, one audit entry per record, and a second
 * import of the same file changes nothing. Plus the bulk change of recommendations.
 */

let api: ReturnType<typeof agreementsClient>;
let call: ReturnType<typeof caller>;
type H = Record<string, string>;
let editor: H, viewer: H, other: H, province: H, otherProvince: H;
const clock = new Date('2026-03-20T02:00:00Z');

const h = harnessSuite({ now: () => clock });

beforeAll(async () => {
  api = agreementsClient(h);
  call = caller(h);
  const token = async (role: Parameters<typeof h.userToken>[0]['role'], p: string, l: string | null) =>
    (await h.userToken({ role, provinceCode: p, localityCode: l })).headers;
  [editor, viewer, other, province, otherProvince] = await Promise.all([
    token('locality_editor', '01', '00103'),
    token('locality_viewer', '01', '00103'),
    token('locality_editor', '01', '00166'),
    token('province_viewer', '01', null),
    token('province_viewer', '19', null),
  ]);
});

const send = (who: H, path: string, bytes: Uint8Array) =>
  h.app.request(`/api/imports${path}`, { method: 'POST', headers: { ...who, 'content-type': 'application/octet-stream' }, body: new Uint8Array(bytes) });
const get = (who: H, path: string) => h.app.request(`/api/imports${path}`, { headers: who });
const bytesOf = async (res: Response) => new Uint8Array(await res.arrayBuffer());
async function problem(res: Response, status: number) {
  expect(res.status, await res.clone().text()).toBe(status);
  expect(res.headers.get('content-type')).toContain('application/problem+json');
  return problemSchema.parse(await res.json());
}
async function ok(res: Response) {
  expect(res.status, await res.clone().text()).toBe(200);
  return recordSheetPreviewSchema.parse(await res.json());
}
/** The month's newest audit entries about one record (the agreement or the plan), newest first. */
async function audits(record: string) {
  const admin = (await h.userToken({ role: 'locality_admin', provinceCode: '01', localityCode: '00103' })).headers;
  const r = await call('GET', '/api/audit?month=2026-03&limit=100', admin);
  expect(r.status, r.text).toBe(200);
  return (r.json.items as { action: string; target: { entity: string; id: string } }[]).filter((a) => a.target.id.startsWith(record));
}
/** A CSV as a clerk's spreadsheet program saves it (comma, quotes where needed). */
const csvOf = (rows: SheetCell[][]) =>
  new TextEncoder().encode(rows.map((r) => r.map((c) => `"${String(c ?? '').replace(/"/g, '""')}"`).join(',')).join('\r\n'));

// ── supervision recommendations ────────────────────────────────────────────────────────────────

async function planWithRecommendations(who = editor) {
  const p = await call('POST', '/api/supervision/plans', who, samplePlan());
  expect(p.status, p.text).toBe(201);
  const id = p.json.plan.id as string;
  for (const [to, version] of [
    ['notified', 1],
    ['in_progress', 2],
  ] as const) {
    const r = await call('POST', `/api/supervision/plans/${id}/transitions`, who, { to, version });
    expect(r.status, r.text).toBe(200);
  }
  // The sample finding, its second recommendation due 15/04/2026, and a third.
  const [first, second] = sampleFinding().recommendations!;
  const f = await call(
    'POST',
    `/api/supervision/plans/${id}/findings`,
    who,
    sampleFinding({
      recommendations: [
        first!,
        { ...second!, deadline: '2026-04-15' },
        { content: 'Công khai kết quả xử lý trên cổng thông tin', responsibleUnit: 'UBND phường Nhật Tân', deadline: '2026-04-30' },
      ],
    }),
  );
  expect(f.status, f.text).toBe(201);
  const r = await call('POST', `/api/supervision/plans/${id}/recommendations/1/responses`, who, {
    version: 1,
    respondedOn: '2026-03-20',
    content: 'Đã ban hành quyết định cưỡng chế.',
  });
  expect(r.status, r.text).toBe(201);
  return id;
}
const recsOf = async (id: string, who = editor) => {
  const r = await call('GET', `/api/supervision/plans/${id}`, who);
  expect(r.status, r.text).toBe(200);
  return (r.json as PlanDetail).findings.flatMap((f) => f.recommendations).sort((a, b) => a.no - b.no);
};

describe('recommendations spreadsheet', () => {
  it('template and export share the columns; re-importing the export (XLSX and CSV) changes nothing', async () => {
    const id = await planWithRecommendations();
    for (const format of ['xlsx', 'csv']) {
      const tpl = await get(editor, `/templates/recommendations?format=${format}`);
      expect(tpl.status).toBe(200);
      expect(readSheet(await bytesOf(tpl))).toEqual([RECOMMENDATION_COLUMNS.map((c) => c.vi)]);
      const res = await get(editor, `/plans/${id}/recommendations?format=${format}`);
      expect(res.status).toBe(200);
      const file = await bytesOf(res);
      const grid = readSheet(file);
      expect(grid[0]).toEqual(RECOMMENDATION_COLUMNS.map((c) => c.vi));
      expect(grid[1]).toEqual(['1', '1', 'Xử lý dứt điểm công trình vi phạm tại tổ dân phố số 2', 'UBND phường Quảng An', '31/03/2026', 'Đã trả lời', '2']);
      const before = (await audits(id)).length;
      expect(await ok(await send(editor, `/plans/${id}/recommendations/preview`, file))).toMatchObject({ rows: 3, changes: [], unchanged: 3 });
      expect((await ok(await send(editor, `/plans/${id}/recommendations/apply`, file))).applied).toBe(false);
      expect((await audits(id)).length).toBe(before);
    }
  });

  it('previews, then applies changes and a new recommendation in one go with one audit entry each; the same file again is 0 changes', async () => {
    const id = await planWithRecommendations();
    const grid = readSheet(await bytesOf(await get(editor, `/plans/${id}/recommendations?format=xlsx`)));
    const rows: SheetCell[][] = grid.slice(1);
    rows[0]![5] = 'Đã tiếp thu, đang giải quyết';
    rows[1]![4] = '30/04/2026';
    rows[1]![3] = 'Phòng Quản lý đô thị quận';
    rows.push([4, 1, 'Biểu dương tổ dân phố làm tốt', 'UBND phường Quảng An', new Date(Date.UTC(2026, 4, 15)), '', null]);
    const file = await xlsxOf(rows, { headers: RECOMMENDATION_COLUMNS.map((c) => c.vi) });
    const p = await ok(await send(editor, `/plans/${id}/recommendations/preview`, file));
    expect(p.changes).toEqual([
      { row: 2, no: 1, action: 'update', columns: ['Trạng thái'], title: 'Xử lý dứt điểm công trình vi phạm tại tổ dân phố số 2' },
      { row: 3, no: 2, action: 'update', columns: ['Đơn vị chịu trách nhiệm', 'Thời hạn'], title: 'Rà soát, báo cáo danh sách công trình vi phạm' },
      { row: 5, no: 4, action: 'create', columns: expect.arrayContaining(['Nội dung kiến nghị']), title: 'Biểu dương tổ dân phố làm tốt' },
    ]);
    expect(p.unchanged).toBe(1);
    // nothing written by the preview
    expect((await recsOf(id)).map((r) => r.version)).toEqual([2, 1, 1]);
    const before = await audits(id);
    const applied = await ok(await send(editor, `/plans/${id}/recommendations/apply`, file));
    expect(applied.applied).toBe(true);
    const recs = await recsOf(id);
    expect(recs.map((r) => [r.no, r.status, r.deadline, r.responsibleUnit, r.version])).toEqual([
      [1, 'accepted', '2026-03-31', 'UBND phường Quảng An', 3],
      [2, 'open', '2026-04-30', 'Phòng Quản lý đô thị quận', 2],
      [3, 'open', '2026-04-30', 'UBND phường Nhật Tân', 1],
      [4, 'open', '2026-05-15', 'UBND phường Quảng An', 1],
    ]);
    const perRecord = (list: { target: { id: string } }[]) => {
      const m: Record<string, number> = {};
      for (const a of list) m[a.target.id] = (m[a.target.id] ?? 0) + 1;
      return m;
    };
    const [was, now] = [perRecord(before), perRecord(await audits(id))];
    expect(
      Object.keys(now)
        .filter((k) => now[k] !== was[k])
        .sort(),
    ).toEqual([`${id}/R001`, `${id}/R002`, `${id}/R004`]);
    expect((await audits(id)).length).toBe(before.length + 3);
    const plan = (await call('GET', `/api/supervision/plans/${id}`, editor)).json.plan;
    expect(plan).toMatchObject({ recommendationCount: 4, openRecommendations: 4 });
    // the same file again: nothing changes, nothing is audited
    const again = await ok(await send(editor, `/plans/${id}/recommendations/apply`, file));
    expect(again).toMatchObject({ changes: [], unchanged: 4, applied: false });
    expect((await audits(id)).length).toBe(before.length + 3);
  });

  it('names every bad row and column in Vietnamese and writes nothing', async () => {
    const id = await planWithRecommendations();
    const header = RECOMMENDATION_COLUMNS.map((c) => c.vi);
    const file = csvOf([
      header,
      [1, 1, 'Xử lý dứt điểm công trình vi phạm tại tổ dân phố số 2', 'UBND phường Quảng An', '31/02/2026', 'Đã trả lời', 2],
      [2, 1, '', 'Phòng Quản lý đô thị', '15/04/2026', 'Xong rồi', 1],
      [3, 1, '=HYPERLINK("http://x")', 'UBND phường Nhật Tân', '30/04/2026', '', 1],
    ]);
    const pr = await problem(await send(editor, `/plans/${id}/recommendations/preview`, file), 400);
    const byField = Object.fromEntries((pr.errors ?? []).map((e) => [e.field, e.message_vi]));
    expect(byField['rows.2.deadline']).toBe('Dòng 2, cột “Thời hạn”: “31/02/2026” không phải ngày dd/mm/yyyy');
    expect(byField['rows.3.content']).toBe('Dòng 3, cột “Nội dung kiến nghị”: chưa nhập nội dung kiến nghị');
    expect(byField['rows.3.status']).toContain('Dòng 3, cột “Trạng thái”: “Xong rồi” không phải trạng thái');
    expect(byField['rows.4.content']).toMatch(/^Dòng 4, cột “Nội dung kiến nghị”/);
    // rules the service checks: an open recommendation cannot be resolved, a new one needs a real finding
    const rules = csvOf([
      header,
      [2, 1, 'Rà soát, báo cáo danh sách công trình vi phạm', 'Phòng Quản lý đô thị', '15/04/2026', 'Đã giải quyết xong', 1],
      [4, 7, 'Kiến nghị mới', 'UBND phường Quảng An', '15/05/2026', '', ''],
    ]);
    const rp = await problem(await send(editor, `/plans/${id}/recommendations/apply`, rules), 400);
    expect(rp.errors?.map((e) => e.message_vi)).toEqual([
      expect.stringContaining('Dòng 3 (kiến nghị số 4): kế hoạch không có kết quả giám sát số 7'),
      expect.stringContaining('Dòng 2 (kiến nghị số 2 (“Rà soát, báo cáo danh sách công trình vi phạm”)): chưa có trả lời'),
    ]);
    expect(await problem(await send(editor, `/plans/${id}/recommendations/apply`, csvOf([['Số', 'Nội dung']])), 400)).toMatchObject({
      errors: [expect.objectContaining({ field: 'file', code: 'wrong_template' })],
    });
    expect((await recsOf(id)).map((r) => r.version)).toEqual([2, 1, 1]);
  });

  it('409 names the rows changed since the file was downloaded; more than 32 changes at once are refused', async () => {
    const id = await planWithRecommendations();
    const file = await bytesOf(await get(editor, `/plans/${id}/recommendations?format=csv`));
    const patched = await call('PATCH', `/api/supervision/plans/${id}/recommendations/3`, editor, { version: 1, deadline: '2026-05-31' });
    expect(patched.status, patched.text).toBe(200);
    // the file's row 4 would put back the old deadline over the new one: refused, naming it
    const conflict = await problem(await send(editor, `/plans/${id}/recommendations/apply`, file), 409);
    expect(conflict.detail_vi ?? conflict.title_vi).toContain('Kiến nghị 3 (“Công khai kết quả xử lý trên cổng thông tin”)');
    expect(conflict.errors?.map((e) => e.field)).toEqual(['rows.4.version']);
    expect((await recsOf(id))[2]!.deadline).toBe('2026-05-31');

    const many = [
      RECOMMENDATION_COLUMNS.map((c) => c.vi),
      ...Array.from({ length: 33 }, (_, i) => [i + 4, 1, `Kiến nghị bổ sung ${i + 1}`, 'UBND phường', '30/06/2026', '', '']),
    ];
    const tooMany = await problem(await send(editor, `/plans/${id}/recommendations/apply`, csvOf(many)), 400);
    expect(tooMany.errors?.[0]?.message_vi).toContain('Tối đa 32 kiến nghị');
    expect(await recsOf(id)).toHaveLength(3);
    // 32 fit one transaction (3 operations each + the plan and the roll-up = 98 of DynamoDB's 100)
    expect((await ok(await send(editor, `/plans/${id}/recommendations/apply`, csvOf(many.slice(0, 33))))).changes).toHaveLength(32);
    expect(await recsOf(id)).toHaveLength(35);
  });
});

describe('bulk change of recommendations', () => {
  const bulk = (who: H, id: string, body: unknown) => call('POST', `/api/supervision/plans/${id}/recommendations/bulk`, who, body);

  it('changes deadline and responsible unit of the selected ones in one transaction, one audit entry each', async () => {
    const id = await planWithRecommendations();
    const before = (await audits(id)).length;
    const r = await bulk(editor, id, {
      recommendations: [
        { no: 2, version: 1 },
        { no: 3, version: 1 },
      ],
      set: { deadline: '2026-06-30', responsibleUnit: 'UBND quận Tây Hồ' },
    });
    expect(r.status, r.text).toBe(200);
    expect(r.json.changed).toBe(2);
    const recs = await recsOf(id);
    expect(recs.map((x) => [x.no, x.deadline, x.responsibleUnit, x.version])).toEqual([
      [1, '2026-03-31', 'UBND phường Quảng An', 2],
      [2, '2026-06-30', 'UBND quận Tây Hồ', 2],
      [3, '2026-06-30', 'UBND quận Tây Hồ', 2],
    ]);
    expect((await audits(id)).length).toBe(before + 2);
    // status: answered → resolved works, open → resolved is refused naming the recommendation; nothing half-done
    const mixed = await bulk(editor, id, {
      recommendations: [
        { no: 1, version: 2 },
        { no: 2, version: 2 },
      ],
      set: { status: 'resolved' },
    });
    const p = problemSchema.parse(mixed.json);
    expect(mixed.status).toBe(400);
    expect(p.errors?.map((e) => e.message_vi)).toEqual([
      expect.stringMatching(/^Kiến nghị số 2 \(“Rà soát, báo cáo danh sách công trình vi phạm”\): chưa có trả lời/),
    ]);
    expect((await recsOf(id))[0]!.status).toBe('answered');
    const done = await bulk(editor, id, { recommendations: [{ no: 1, version: 2 }], set: { status: 'resolved' }, on: '2026-03-20' });
    expect(done.status, done.text).toBe(200);
    const plan = (await call('GET', `/api/supervision/plans/${id}`, editor)).json.plan;
    expect(plan.openRecommendations).toBe(2);
    expect((await recsOf(id))[0]).toMatchObject({ status: 'resolved', resolvedOn: '2026-03-20', version: 3 });
  });

  it('409 names the recommendations changed meanwhile, by number and content', async () => {
    const id = await planWithRecommendations();
    await call('PATCH', `/api/supervision/plans/${id}/recommendations/2`, editor, { version: 1, content: 'Rà soát toàn bộ công trình vi phạm' });
    const r = await bulk(editor, id, {
      recommendations: [
        { no: 2, version: 1 },
        { no: 3, version: 1 },
      ],
      set: { deadline: '2026-06-30' },
    });
    expect(r.status).toBe(409);
    expect(r.json.detail_vi ?? r.json.title_vi).toContain('Kiến nghị 2 (“Rà soát toàn bộ công trình vi phạm”)');
    expect(r.json.errors.map((e: { field: string }) => e.field)).toEqual(['recommendations.2.version']);
    expect((await recsOf(id))[2]!.deadline).toBe('2026-04-30');
    const bad = await bulk(editor, id, { recommendations: [], set: {} });
    expect(bad.status).toBe(400);
    expect(bad.json.errors.length).toBeGreaterThan(0);
  });
});

// ── reviews' per-item results ──────────────────────────────────────────────────────────────────

async function reviewed() {
  const a = await api.create(editor, programBody());
  await api.sign(editor, a.id, 1);
  const r = await api.call('PUT', `/${a.id}/reviews/2024-H1`, editor, {
    heldOn: '2024-07-22',
    itemResults: [{ no: 2, result: 'Tổ chức 12 hội nghị tiếp xúc cử tri', status: 'in_progress', progress: 60 }],
    achievements: 'Ba cơ quan phối hợp chặt chẽ.',
  });
  expect(r.status, await r.clone().text()).toBe(201);
  return a.id;
}
const reviewOf = async (id: string) => (await api.detail(editor, id)).body.reviews.find((r) => r.period === '2024-H1')!;

describe('review results spreadsheet', () => {
  it('template and export share the columns; re-importing the export changes nothing', async () => {
    const id = await reviewed();
    for (const format of ['xlsx', 'csv']) {
      const tpl = await get(editor, `/templates/review-results?format=${format}`);
      expect(readSheet(await bytesOf(tpl))).toEqual([REVIEW_RESULT_COLUMNS.map((c) => c.vi)]);
      const file = await bytesOf(await get(editor, `/agreements/${id}/reviews/2024-H1/results?format=${format}`));
      expect(readSheet(file)).toEqual([
        REVIEW_RESULT_COLUMNS.map((c) => c.vi),
        ['1', 'Phối hợp tổ chức phản biện xã hội', '', '', '', '1'],
        ['2', 'Phối hợp tổ chức các kỳ họp HĐND quận, các hội nghị tiếp xúc cử tri', 'Tổ chức 12 hội nghị tiếp xúc cử tri', 'Đang thực hiện', '60', '1'],
      ]);
      expect(await ok(await send(editor, `/agreements/${id}/reviews/2024-H1/results/preview`, file))).toMatchObject({ changes: [], unchanged: 2, version: 1 });
      expect(await ok(await send(editor, `/agreements/${id}/reviews/2024-H1/results/apply`, file))).toMatchObject({ applied: false, version: 1 });
    }
    expect((await reviewOf(id)).version).toBe(1);
  });

  it('applies the results as one write of the review (one audit entry); the same file again is 0 changes', async () => {
    const id = await reviewed();
    const grid = readSheet(await bytesOf(await get(editor, `/agreements/${id}/reviews/2024-H1/results?format=xlsx`)));
    grid[1]![2] = 'Tổ chức 2 hội nghị phản biện';
    grid[1]![3] = 'Hoàn thành';
    grid[1]![4] = '100';
    const file = csvOf(grid);
    const p = await ok(await send(editor, `/agreements/${id}/reviews/2024-H1/results/preview`, file));
    expect(p.changes).toEqual([
      { row: 2, no: 1, action: 'create', columns: ['Kết quả thực hiện', 'Trạng thái', 'Tiến độ (%)'], title: 'Phối hợp tổ chức phản biện xã hội' },
    ]);
    const before = await audits(id);
    expect(await ok(await send(editor, `/agreements/${id}/reviews/2024-H1/results/apply`, file))).toMatchObject({ applied: true, version: 2 });
    const after = await audits(id);
    expect(after.length).toBe(before.length + 1);
    const reviewEntries = (list: { target: { entity: string } }[]) => list.filter((a) => a.target.entity === 'agreement-review').length;
    expect(reviewEntries(after)).toBe(reviewEntries(before) + 1);
    const review = await reviewOf(id);
    expect(review.itemResults).toEqual([
      { no: 1, result: 'Tổ chức 2 hội nghị phản biện', status: 'done', progress: 100 },
      { no: 2, result: 'Tổ chức 12 hội nghị tiếp xúc cử tri', status: 'in_progress', progress: 60 },
    ]);
    expect(review.achievements).toBe('Ba cơ quan phối hợp chặt chẽ.');
    expect(await ok(await send(editor, `/agreements/${id}/reviews/2024-H1/results/apply`, file))).toMatchObject({ changes: [], applied: false, version: 2 });
    expect((await audits(id)).length).toBe(after.length);
  });

  it('names bad rows; 409 names the rows when the review changed since the download; 404 without a review', async () => {
    const id = await reviewed();
    const header = REVIEW_RESULT_COLUMNS.map((c) => c.vi);
    const bad = csvOf([header, [1, '', 'Đã làm', 'Hoàn thành', '80', 1], [9, '', 'x', '', '', 1], [2, '', '', 'Sắp xong', '150', 1]]);
    const pr = await problem(await send(editor, `/agreements/${id}/reviews/2024-H1/results/preview`, bad), 400);
    expect(pr.errors?.map((e) => e.message_vi)).toEqual([
      'Dòng 2, cột “Tiến độ (%)”: nội dung hoàn thành có tiến độ 100',
      expect.stringContaining('Dòng 4, cột “Trạng thái”: “Sắp xong” không phải trạng thái'),
      'Dòng 4, cột “Tiến độ (%)”: cần số nguyên từ 0 đến 100',
    ]);
    const unknown = await problem(await send(editor, `/agreements/${id}/reviews/2024-H1/results/preview`, csvOf([header, [9, '', 'x', '', '', 1]])), 400);
    expect(unknown.errors?.[0]?.message_vi).toBe('Dòng 2, cột “Số TT”: văn bản không có nội dung số 9');

    const file = await bytesOf(await get(editor, `/agreements/${id}/reviews/2024-H1/results?format=csv`));
    const review = await reviewOf(id);
    const { period: _p, kind: _k, year: _y, createdAt: _c, updatedAt: _u, ...fields } = review;
    const put = await api.call('PUT', `/${id}/reviews/2024-H1`, editor, { ...fields, discussion: 'Bổ sung tham luận' });
    expect(put.status, await put.clone().text()).toBe(200);
    const grid = readSheet(file);
    grid[2]![4] = '70';
    const conflict = await problem(await send(editor, `/agreements/${id}/reviews/2024-H1/results/apply`, csvOf(grid)), 409);
    expect(conflict.errors?.map((e) => e.message_vi)).toEqual([
      'Dòng 3 (nội dung 2 “Phối hợp tổ chức các kỳ họp HĐND quận, các hội nghị tiếp …”): báo cáo đã được sửa sau khi bạn tải tệp về',
    ]);
    expect((await reviewOf(id)).itemResults[0]!.progress).toBe(60);
    await problem(await get(editor, `/agreements/${id}/reviews/2025-Y/results`), 404);
  });
});

describe('every new route: another locality 404, another province refused, viewers read only', () => {
  it('review results, recommendations and the bulk change', async () => {
    const id = await reviewed();
    const planId = await planWithRecommendations();
    const rfile = await bytesOf(await get(editor, `/agreements/${id}/reviews/2024-H1/results?format=csv`));
    const pfile = await bytesOf(await get(editor, `/plans/${planId}/recommendations?format=csv`));
    const bulkBody = { recommendations: [{ no: 2, version: 1 }], set: { deadline: '2026-06-30' } };
    // another locality of the same province: as if the records did not exist
    expect((await get(other, `/agreements/${id}/reviews/2024-H1/results`)).status).toBe(404);
    await problem(await send(other, `/agreements/${id}/reviews/2024-H1/results/preview`, rfile), 404);
    await problem(await send(other, `/agreements/${id}/reviews/2024-H1/results/apply`, rfile), 404);
    expect((await get(other, `/plans/${planId}/recommendations`)).status).toBe(404);
    await problem(await send(other, `/plans/${planId}/recommendations/preview`, pfile), 404);
    await problem(await send(other, `/plans/${planId}/recommendations/apply`, pfile), 404);
    expect((await call('POST', `/api/supervision/plans/${planId}/recommendations/bulk`, other, bulkBody)).status).toBe(404);
    // naming the other locality does not make a write land there
    expect((await call('POST', `/api/supervision/plans/${planId}/recommendations/bulk?locality=00103`, other, bulkBody)).status).toBe(403);
    // viewers: read, never write
    for (const path of [`/agreements/${id}/reviews/2024-H1/results/apply`, `/plans/${planId}/recommendations/apply`]) {
      await problem(await send(viewer, path, path.includes('plans') ? pfile : rfile), 403);
    }
    expect((await call('POST', `/api/supervision/plans/${planId}/recommendations/bulk`, viewer, bulkBody)).status).toBe(403);
    expect((await get(viewer, `/plans/${planId}/recommendations`)).status).toBe(200);
    // province staff drill down into their own province only, read-only
    expect((await get(province, `/agreements/${id}/reviews/2024-H1/results?locality=00103`)).status).toBe(200);
    expect((await get(province, `/plans/${planId}/recommendations?locality=00103`)).status).toBe(200);
    expect([403, 404]).toContain((await get(otherProvince, `/plans/${planId}/recommendations?locality=00103`)).status);
    expect([403, 404]).toContain((await get(otherProvince, `/agreements/${id}/reviews/2024-H1/results?locality=00103`)).status);
    await problem(await send(province, `/plans/${planId}/recommendations/apply`, pfile), 403);
    expect((await recsOf(planId))[1]!.version).toBe(1);
    expect((await reviewOf(id)).version).toBe(1);
  });
});

describe('roll-up counters after sheet imports and bulk changes', () => {
  it('equal a rebuild from the records (deadlines moved, recommendations added and resolved in bulk)', async () => {
    const { countersFromRecords, storedCounters } = await import('../../functions/rollups/rebuild.js');
    const { MeteredStore } = await import('../../functions/store/metered-store.js');
    const store = () => new MeteredStore(h.doc, h.tableName);
    const tayHo = { provinceCode: '01', localityCode: '00103' };
    const id = await planWithRecommendations();
    const grid = readSheet(await bytesOf(await get(editor, `/plans/${id}/recommendations?format=csv`)));
    grid[2]![4] = '30/09/2026';
    grid.push(['4', '1', 'Kiến nghị thêm từ bảng tính', 'UBND phường Quảng An', '31/12/2026', '', '']);
    expect((await ok(await send(editor, `/plans/${id}/recommendations/apply`, csvOf(grid)))).applied).toBe(true);
    const r = await call('POST', `/api/supervision/plans/${id}/recommendations/bulk`, editor, {
      recommendations: [{ no: 1, version: 2 }],
      set: { status: 'resolved', deadline: '2026-04-30' },
    });
    expect(r.status, r.text).toBe(200);
    expect(await storedCounters(store(), tayHo)).toEqual(await countersFromRecords(store(), tayHo));
  });
});
