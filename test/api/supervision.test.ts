import { beforeAll, describe, expect, it } from 'vitest';
import { MeteredStore } from '../../functions/store/metered-store.js';
import { addTransactionContributor } from '../../functions/supervision/service/commit.js';
import { supervisionKeys } from '../../shared/keys.js';
import type { Board, PlanDetail } from '../../shared/supervision/views.js';
import { ddbCost, harnessSuite } from '../support/harness.js';
import { caller, sampleFinding, samplePlan, type Headers } from '../support/supervision-fixtures.js';

let call: ReturnType<typeof caller>;
let editor: Headers;
let viewer: Headers;
let clock = new Date('2026-03-02T02:00:00Z'); // 09:00, 02/03/2026 in Hà Nội
const setDay = (day: string) => (clock = new Date(`${day}T02:00:00Z`));
const tayHo = { provinceCode: '01', localityCode: '00103' };

const h = harnessSuite({ now: () => clock });

beforeAll(async () => {
  call = caller(h);
  editor = (await h.userToken({ role: 'locality_editor', ...tayHo })).headers;
  viewer = (await h.userToken({ role: 'locality_viewer', ...tayHo })).headers;
});

async function rawQuery(pk: string, index?: 'GSI1' | 'GSI2') {
  const store = new MeteredStore(h.doc, h.tableName);
  const attr = index ? `${index}PK` : 'PK';
  return (await store.query({ ...(index ? { IndexName: index } : {}), KeyConditionExpression: `${attr} = :pk`, ExpressionAttributeValues: { ':pk': pk } }))
    .items;
}
const auditCount = async (month: string) => (await rawQuery(`01#00103#AUDIT#${month}`)).length;

async function newPlan(over = {}) {
  const r = await call('POST', '/api/supervision/plans', editor, samplePlan(over));
  expect(r.status, r.text).toBe(201);
  return r.json.plan as PlanDetail['plan'];
}
async function move(id: string, to: string, version: number, headers = editor) {
  return call('POST', `/api/supervision/plans/${id}/transitions`, headers, { to, version });
}
async function detail(id: string, headers = editor) {
  const r = await call('GET', `/api/supervision/plans/${id}`, headers);
  expect(r.status, r.text).toBe(200);
  expect(ddbCost(r.res).requests).toBe(1);
  return r.json as PlanDetail;
}

describe('supervision plans', () => {
  it('creates a plan with its report due date, audit record and version', async () => {
    const before = await auditCount('2026-03');
    const r = await call('POST', '/api/supervision/plans', editor, samplePlan());
    expect(r.status, r.text).toBe(201);
    const plan = r.json.plan;
    expect(r.res.headers.get('location')).toBe(`/api/supervision/plans/${plan.id}`);
    expect(plan).toMatchObject({ status: 'planned', version: 1, openRecommendations: 0, reportDueOn: '2026-04-01', reportOverdue: false });
    expect(plan.statusHistory).toEqual([expect.objectContaining({ status: 'planned', on: '2026-03-02' })]);
    expect(await auditCount('2026-03')).toBe(before + 1);
    // the audit page finds it under the "supervision" kind
    const admin = (await h.userToken({ role: 'locality_admin', ...tayHo })).headers;
    const audit = await call('GET', '/api/audit?month=2026-03&entity=supervision', admin);
    expect(audit.status, audit.text).toBe(200);
    expect(audit.json.items).toEqual([expect.objectContaining({ action: 'create', target: { entity: 'supervision', id: plan.id } })]);
    const d = await detail(plan.id);
    expect(d.plan.topic).toBe(samplePlan().topic);
    expect(d.findings).toEqual([]);
    expect(d.today).toBe('2026-03-02');
  });

  it('replays a create retried with the same Idempotency-Key and refuses the key for another body', async () => {
    const headers = { ...editor, 'idempotency-key': 'plan-create-0001' };
    const first = await call('POST', '/api/supervision/plans', headers, samplePlan({ topic: 'Giám sát công tác bảo vệ môi trường' }));
    const again = await call('POST', '/api/supervision/plans', headers, samplePlan({ topic: 'Giám sát công tác bảo vệ môi trường' }));
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.res.headers.get('idempotent-replayed')).toBe('true');
    expect(again.json.plan.id).toBe(first.json.plan.id);
    const list = await call('GET', '/api/supervision/plans?q=bao%20ve%20moi%20truong', editor);
    expect(list.json.items).toHaveLength(1);
    const other = await call('POST', '/api/supervision/plans', headers, samplePlan({ topic: 'Một nội dung khác' }));
    expect(other.status).toBe(409);
  });

  it('answers bad input with 400 naming each field in Vietnamese and English', async () => {
    const r = await call('POST', '/api/supervision/plans', editor, {
      ...samplePlan(),
      topic: '',
      owner: { body: 'delegate_group' },
      period: { from: '2026-03-01', to: '2026-02-01' },
      agreementRef: { agreementId: 'abc', itemNo: 1 },
      extra: true,
    });
    expect(r.status).toBe(400);
    expect(r.res.headers.get('content-type')).toMatch(/application\/problem\+json/);
    const fields = r.json.errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['topic', 'owner.name', 'agreementRef.agreementId', 'extra']));
    const topic = r.json.errors.find((e: { field: string }) => e.field === 'topic');
    expect(topic.message_vi).toBe('Tối thiểu 3 ký tự');
    expect(topic.message_en).toBe('At least 3 characters');
    const bad = await call('POST', '/api/supervision/plans', editor, samplePlan({ sessions: [{ date: '2026-02-30', unit: 'X' }] }));
    expect(bad.json.errors[0]).toMatchObject({ field: 'sessions.0.date', message_en: 'Invalid date (format yyyy-mm-dd)' });
    expect((await call('GET', '/api/supervision/plans/not-an-id', editor)).status).toBe(400);
  });

  it('keeps a link to the agreement item the plan carries out', async () => {
    const agreementId = '01JQ3Z5X8Y9ABCDEFGHJKMNPQR';
    const plan = await newPlan({ agreementRef: { agreementId, itemNo: 6 } });
    expect((await detail(plan.id)).plan.agreementRef).toEqual({ agreementId, itemNo: 6 });
    const cleared = await call('PATCH', `/api/supervision/plans/${plan.id}`, editor, { version: 1, agreementRef: null });
    expect(cleared.status, cleared.text).toBe(200);
    expect((await detail(plan.id)).plan.agreementRef).toBeUndefined();
  });

  it('moves a plan only along planned → notified → in progress → reported → closed', async () => {
    const plan = await newPlan();
    expect((await move(plan.id, 'in_progress', 1)).status).toBe(409);
    const skipped = await move(plan.id, 'reported', 1);
    expect(skipped.json.detail_vi).toContain('Không thể chuyển kế hoạch từ "Đã lập kế hoạch" sang "Đã báo cáo kết quả"');
    const notified = await move(plan.id, 'notified', 1);
    expect(notified.status).toBe(200);
    expect(notified.json.plan).toMatchObject({ status: 'notified', version: 2 });
    // a second tab still holding version 1
    const stale = await move(plan.id, 'in_progress', 1);
    expect(stale.status).toBe(409);
    expect(stale.json.detail_vi).toContain('Vui lòng tải lại');
    // If-Match works too
    const started = await call('POST', `/api/supervision/plans/${plan.id}/transitions`, { ...editor, 'if-match': '"2"' }, { to: 'in_progress' });
    expect(started.status, started.text).toBe(200);
    const noVersion = await call('POST', `/api/supervision/plans/${plan.id}/transitions`, editor, { to: 'reported' });
    expect(noVersion.status).toBe(400);
    expect(noVersion.json.errors[0].field).toBe('version');
    const future = await call('POST', `/api/supervision/plans/${plan.id}/transitions`, editor, { to: 'reported', version: 3, on: '2026-12-01' });
    expect(future.status).toBe(400);
    expect((await move(plan.id, 'reported', 3)).status).toBe(200);
    expect((await move(plan.id, 'closed', 4)).status).toBe(200);
    expect((await move(plan.id, 'closed', 5)).status).toBe(409);
    const d = await detail(plan.id);
    expect(d.plan.statusHistory.map((s) => s.status)).toEqual(['planned', 'notified', 'in_progress', 'reported', 'closed']);
    // a closed plan is not edited any more
    expect((await call('PATCH', `/api/supervision/plans/${plan.id}`, editor, { version: 5, topic: 'Đổi chủ đề' })).status).toBe(409);
  });

  it('lets viewers read but not write', async () => {
    const plan = await newPlan();
    expect((await call('GET', `/api/supervision/plans/${plan.id}`, viewer)).status).toBe(200);
    expect((await call('POST', '/api/supervision/plans', viewer, samplePlan())).status).toBe(403);
    expect((await move(plan.id, 'notified', 1, viewer)).status).toBe(403);
    expect((await call('GET', '/api/supervision/plans', {})).status).toBe(401);
  });
});

describe('findings, recommendations and follow-up', () => {
  it('follows two recommendations: one answered and resolved, the other overdue once its deadline passes', async () => {
    setDay('2026-03-02');
    const plan = await newPlan({ topic: 'Giám sát công tác quản lý trật tự xây dựng' });
    const early = await call('POST', `/api/supervision/plans/${plan.id}/findings`, editor, { kind: 'shortcoming', title: 'Sớm quá' });
    expect(early.status).toBe(409);
    expect(early.json.detail_vi).toContain('đang giám sát hoặc đã báo cáo');
    await move(plan.id, 'notified', 1);
    await move(plan.id, 'in_progress', 2);

    setDay('2026-03-18');
    const auditsBefore = await auditCount('2026-03');
    const f = await call('POST', `/api/supervision/plans/${plan.id}/findings`, { ...editor, 'idempotency-key': `finding-${plan.id}` }, sampleFinding());
    expect(f.status, f.text).toBe(201);
    expect(f.json.finding).toMatchObject({ no: 1, kind: 'shortcoming' });
    expect(f.json.recommendations.map((r: { no: number; status: string }) => [r.no, r.status])).toEqual([
      [1, 'open'],
      [2, 'open'],
    ]);
    // finding + two recommendations: three audit records in the same transaction
    expect(await auditCount('2026-03')).toBe(auditsBefore + 3);

    let d = await detail(plan.id);
    expect(d.plan.openRecommendations).toBe(2);
    expect(d.findings[0]!.recommendations).toHaveLength(2);

    // answer recommendation 1 with a dated response and an attachment
    const respond = await call('POST', `/api/supervision/plans/${plan.id}/recommendations/1/responses`, editor, {
      version: 1,
      respondedOn: '2026-03-18',
      content: 'Đã ban hành quyết định cưỡng chế, tổ chức tháo dỡ phần vi phạm.',
      attachments: [{ label: 'Báo cáo số 45/BC-UBND ngày 18/03/2026' }, { documentId: '01JQ3Z5X8Y9ABCDEFGHJKMNPQS', label: 'Quyết định cưỡng chế' }],
    });
    expect(respond.status, respond.text).toBe(201);
    expect(respond.json.recommendation).toMatchObject({ status: 'answered', version: 2, responseCount: 1, lastResponseOn: '2026-03-18' });
    expect(respond.json.response.respondent).toBe('UBND phường Quảng An');
    // open → resolved without an answer is refused
    const tooSoon = await call('POST', `/api/supervision/plans/${plan.id}/recommendations/2/transitions`, editor, { to: 'resolved', version: 1 });
    expect(tooSoon.status).toBe(409);
    expect(tooSoon.json.detail_vi).toContain('chưa có trả lời');
    // stale version on the recommendation
    expect((await call('POST', `/api/supervision/plans/${plan.id}/recommendations/1/transitions`, editor, { to: 'resolved', version: 1 })).status).toBe(409);
    const resolved = await call('POST', `/api/supervision/plans/${plan.id}/recommendations/1/transitions`, editor, { to: 'resolved', version: 2 });
    expect(resolved.status, resolved.text).toBe(200);
    expect(resolved.json.recommendation).toMatchObject({ status: 'resolved', resolvedOn: '2026-03-18', version: 3 });
    expect(
      (await call('POST', `/api/supervision/plans/${plan.id}/recommendations/1/responses`, editor, { version: 3, respondedOn: '2026-03-18', content: 'x' }))
        .status,
    ).toBe(409);

    d = await detail(plan.id);
    expect(d.plan.openRecommendations).toBe(1);
    const [r1, r2] = d.findings[0]!.recommendations;
    expect(r1).toMatchObject({ status: 'resolved', overdue: false });
    expect(r1!.responses).toHaveLength(1);
    expect(r1!.responses[0]!.attachments[1]).toEqual({ documentId: '01JQ3Z5X8Y9ABCDEFGHJKMNPQS', label: 'Quyết định cưỡng chế' });
    expect(r1!.history.map((x) => x.status)).toEqual(['open', 'answered', 'resolved']);
    expect(r2).toMatchObject({ status: 'open', overdue: false });

    // the GSI2 entries moved with the state, in the same write
    const index = await rawQuery(supervisionKeys.recommendationBoard(tayHo).GSI2PK, 'GSI2');
    const mine = index
      .filter((i) => i.planId === plan.id)
      .map((i) => i.GSI2SK)
      .sort();
    expect(mine).toEqual([`done#2026-03-31#${plan.id}#001`, `open#2026-03-25#${plan.id}#002`]);

    // the plan cannot close while recommendation 2 is unresolved
    await move(plan.id, 'reported', 3);
    const close = await move(plan.id, 'closed', 4);
    expect(close.status).toBe(409);
    expect(close.json.detail_vi).toContain('Còn 1 kiến nghị chưa giải quyết xong');

    // the deadline day itself is on time; the day after, overdue (derived, never stored)
    setDay('2026-03-25');
    expect((await detail(plan.id)).findings[0]!.recommendations[1]).toMatchObject({ overdue: false });
    setDay('2026-03-26');
    d = await detail(plan.id);
    expect(d.findings[0]!.recommendations[1]).toMatchObject({ status: 'open', overdue: true, daysOverdue: 1 });
    const stored = await rawQuery(supervisionKeys.partition(tayHo, plan.id).PK);
    expect(stored.some((i) => 'overdue' in i)).toBe(false);

    // an extension moves the GSI2 entry too
    const extended = await call('PATCH', `/api/supervision/plans/${plan.id}/recommendations/2`, editor, { version: 1, deadline: '2026-04-15' });
    expect(extended.status, extended.text).toBe(200);
    expect((await detail(plan.id)).findings[0]!.recommendations[1]).toMatchObject({ deadline: '2026-04-15', overdue: false, version: 2 });
    const index2 = await rawQuery(supervisionKeys.recommendationBoard(tayHo).GSI2PK, 'GSI2');
    expect(
      index2
        .filter((i) => i.planId === plan.id)
        .map((i) => i.GSI2SK)
        .sort(),
    ).toEqual([`done#2026-03-31#${plan.id}#001`, `open#2026-04-15#${plan.id}#002`]);

    // answer, send back, answer again, accept, resolve — then the plan closes
    const a1 = await call('POST', `/api/supervision/plans/${plan.id}/recommendations/2/responses`, editor, {
      version: 2,
      respondedOn: '2026-03-26',
      content: 'Đang rà soát',
    });
    expect(a1.json.recommendation.status).toBe('answered');
    const back = await call('POST', `/api/supervision/plans/${plan.id}/recommendations/2/transitions`, editor, {
      to: 'open',
      version: 3,
      note: 'Chưa đủ danh sách',
    });
    expect(back.json.recommendation.status).toBe('open');
    await call('POST', `/api/supervision/plans/${plan.id}/recommendations/2/responses`, editor, {
      version: 4,
      respondedOn: '2026-03-26',
      content: 'Đã gửi danh sách đầy đủ',
    });
    expect((await call('POST', `/api/supervision/plans/${plan.id}/recommendations/2/transitions`, editor, { to: 'accepted', version: 5 })).status).toBe(200);
    expect((await call('POST', `/api/supervision/plans/${plan.id}/recommendations/2/transitions`, editor, { to: 'resolved', version: 6 })).status).toBe(200);
    const closed = await move(plan.id, 'closed', 4);
    expect(closed.status, closed.text).toBe(200);
    expect(closed.json.plan.openRecommendations).toBe(0);
  });

  it('adds a recommendation to an existing finding and numbers concurrent additions without gaps or duplicates', async () => {
    setDay('2026-03-02');
    const plan = await newPlan();
    await move(plan.id, 'notified', 1);
    await move(plan.id, 'in_progress', 2);
    const f = await call('POST', `/api/supervision/plans/${plan.id}/findings`, editor, { kind: 'result', title: 'Kết quả' });
    expect(f.json.recommendations).toEqual([]);
    expect(
      (
        await call('POST', `/api/supervision/plans/${plan.id}/findings/2/recommendations`, editor, {
          content: 'x',
          responsibleUnit: 'y',
          deadline: '2026-05-01',
        })
      ).status,
    ).toBe(404);
    const adds = await Promise.all(
      [1, 2, 3, 4].map((i) =>
        call('POST', `/api/supervision/plans/${plan.id}/findings/1/recommendations`, editor, {
          content: `Kiến nghị ${i}`,
          responsibleUnit: 'Phòng Tài chính – Kế hoạch',
          deadline: '2026-05-01',
        }),
      ),
    );
    const ok = adds.filter((a) => a.status === 201);
    // Every call either got a number or was told to retry (409); numbers are unique and contiguous.
    for (const a of adds) expect([201, 409]).toContain(a.status);
    const nos = ok.map((a) => a.json.recommendation.no).sort();
    expect(nos).toEqual(Array.from({ length: ok.length }, (_, i) => i + 1));
    const d = await detail(plan.id);
    expect(d.plan.recommendationCount).toBe(ok.length);
    expect(d.plan.openRecommendations).toBe(ok.length);
  });

  it('copies a changed topic onto the plan’s recommendations and refuses a stale edit', async () => {
    setDay('2026-03-02');
    const plan = await newPlan();
    await move(plan.id, 'notified', 1);
    await move(plan.id, 'in_progress', 2);
    await call('POST', `/api/supervision/plans/${plan.id}/findings`, editor, {
      kind: 'shortcoming',
      title: 'Tồn tại',
      recommendations: [{ content: 'Khắc phục', responsibleUnit: 'UBND phường Nhật Tân', deadline: '2026-06-30' }],
    });
    const patched = await call('PATCH', `/api/supervision/plans/${plan.id}`, editor, { version: 3, topic: 'Giám sát công tác cải cách hành chính' });
    expect(patched.status, patched.text).toBe(200);
    expect(patched.json.plan).toMatchObject({ version: 4, topic: 'Giám sát công tác cải cách hành chính', status: 'in_progress' });
    const after = await detail(plan.id);
    expect(after.findings[0]!.recommendations[0]!.planTopic).toBe('Giám sát công tác cải cách hành chính');
    // fields left out of the PATCH keep their values
    expect(after.plan.sessions).toEqual(samplePlan().sessions);
    expect(after.plan.team).toEqual(samplePlan().team);
    expect((await call('PATCH', `/api/supervision/plans/${plan.id}`, editor, { version: 3, topic: 'Chủ đề cũ' })).status).toBe(409);
    // cross-field rules apply to the merged plan
    const bad = await call('PATCH', `/api/supervision/plans/${plan.id}`, editor, { version: 4, period: { from: '2026-03-12', to: '2026-04-30' } });
    expect(bad.status).toBe(400);
    expect(bad.json.errors[0].field).toBe('sessions.0.date');
  });
});

describe('lists, search and the follow-up board', () => {
  it('lists plans with one request, filtered by status, year and diacritics-insensitive search', async () => {
    setDay('2026-03-02');
    await newPlan({ topic: 'Phản biện xã hội dự thảo đề án chỉnh trang đô thị', type: 'social_criticism', owner: { body: 'mttq' } });
    await newPlan({ topic: 'Giám sát năm trước', period: { from: '2025-05-01', to: '2025-06-30' }, sessions: [] });
    const all = await call('GET', '/api/supervision/plans', editor);
    expect(all.status).toBe(200);
    expect(ddbCost(all.res).requests).toBe(1);
    const search = await call('GET', '/api/supervision/plans?q=PHAN%20BIEN%20XA%20HOI%20du%20thao', editor);
    expect(ddbCost(search.res).requests).toBe(1);
    expect(search.json.items.map((p: { topic: string }) => p.topic)).toEqual(['Phản biện xã hội dự thảo đề án chỉnh trang đô thị']);
    const byUnit = await call('GET', '/api/supervision/plans?q=nhat%20tan', editor);
    expect(byUnit.json.items.length).toBeGreaterThan(0);
    const lastYear = await call('GET', '/api/supervision/plans?year=2025', editor);
    expect(lastYear.json.items.map((p: { topic: string }) => p.topic)).toEqual(['Giám sát năm trước']);
    const planned = await call('GET', '/api/supervision/plans?status=closed', editor);
    expect(planned.json.items.every((p: { status: string }) => p.status === 'closed')).toBe(true);
    expect(planned.json.items.length).toBeGreaterThan(0);
    expect((await call('GET', '/api/supervision/plans?status=unknown', editor)).status).toBe(400);
  });

  it('pages with a cursor that cannot point into another partition', async () => {
    const p1 = await call('GET', '/api/supervision/plans?limit=2', editor);
    expect(p1.json.items).toHaveLength(2);
    expect(p1.json.nextCursor).toBeTruthy();
    const p2 = await call('GET', `/api/supervision/plans?limit=2&cursor=${p1.json.nextCursor}`, editor);
    expect(p2.status).toBe(200);
    const ids1 = p1.json.items.map((p: { id: string }) => p.id);
    for (const p of p2.json.items) expect(ids1).not.toContain(p.id);
    const forged = Buffer.from(JSON.stringify({ GSI1PK: '01#00166#SUP', GSI1SK: 'planned#2026', PK: '01#00166#SUP#X', SK: 'P' })).toString('base64url');
    const r = await call('GET', `/api/supervision/plans?cursor=${forged}`, editor);
    expect(r.status).toBe(400);
    expect(r.json.errors[0].field).toBe('cursor');
  });

  it('fills every page to the limit after the year filter, and the pages together give the whole list once', async () => {
    const all = (await call('GET', '/api/supervision/plans?year=2026&limit=200', editor)).json.items.map((p: { id: string }) => p.id);
    expect(all.length).toBeGreaterThan(3);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { json: { items: { id: string }[]; nextCursor: string | null } } = await call(
        'GET',
        `/api/supervision/plans?year=2026&limit=2${cursor ? `&cursor=${cursor}` : ''}`,
        editor,
      );
      if (page.json.nextCursor) expect(page.json.items).toHaveLength(2);
      seen.push(...page.json.items.map((p) => p.id));
      cursor = page.json.nextCursor;
    } while (cursor);
    expect([...seen].sort()).toEqual([...all].sort());
  });

  it('counts open and overdue recommendations by unit and the resolution rate per quarter, in one request', async () => {
    setDay('2026-04-10');
    const board = await call('GET', '/api/supervision/board?year=2026', editor);
    expect(board.status).toBe(200);
    expect(ddbCost(board.res).requests).toBe(1);
    const b = board.json as Board;
    expect(b.today).toBe('2026-04-10');
    // from the tests above: unit "Phòng Tài chính – Kế hoạch" (due 01/05, not overdue) and
    // "UBND phường Nhật Tân" (due 30/06); the trật tự xây dựng plan's two are resolved.
    const nhatTan = b.byUnit.find((u) => u.unit === 'UBND phường Nhật Tân');
    expect(nhatTan).toMatchObject({ open: 1, overdue: 0 });
    const q1 = b.periods.find((p) => p.period === '2026-Q1')!;
    expect(q1).toMatchObject({ due: 1, resolved: 1, resolvedOnTime: 1, rate: 1 });
    expect(b.totals.overdue).toBe(0);
    setDay('2026-05-02');
    const later = (await call('GET', '/api/supervision/board', editor)).json as Board;
    expect(later.year).toBe(2026);
    const tc = later.byUnit.find((u) => u.unit === 'Phòng Tài chính – Kế hoạch')!;
    expect(tc.overdue).toBe(tc.open);
    expect(later.totals.overdue).toBe(tc.open);
    const q2 = later.periods.find((p) => p.period === '2026-Q2')!;
    expect(q2.due).toBe(tc.open + 2); // + Nhật Tân (30/06) + the extended one (15/04, resolved)
    expect(q2.resolved).toBe(1);
    // search the board without diacritics
    const filtered = (await call('GET', '/api/supervision/board?q=nhat%20tan', editor)).json as Board;
    expect(filtered.byUnit.map((u) => u.unit)).toEqual(['UBND phường Nhật Tân']);
  });
});

describe('transaction seam for other capabilities (issue #7 roll-ups)', () => {
  it('puts contributed items into the same transaction, so a failing one cancels the whole write', async () => {
    setDay('2026-03-02');
    const seen: string[] = [];
    let fail = false;
    const remove = addTransactionContributor(({ tenant, changes }) => {
      seen.push(...changes.map((c) => c.kind));
      return [
        {
          Update: {
            // Its own item: the roll-up row is already updated by the built-in roll-up contributor.
            Key: { PK: `${tenant.provinceCode}#${tenant.localityCode}#SEAMTEST`, SK: 'X' },
            UpdateExpression: 'ADD plansPlanned :one',
            ...(fail ? { ConditionExpression: 'attribute_not_exists(PK)' } : {}),
            ExpressionAttributeValues: { ':one': 1 },
          },
        },
      ];
    });
    try {
      const auditsBefore = await auditCount('2026-03');
      await newPlan();
      expect(seen).toEqual(['plan-created']);
      expect((await rawQuery('01#00103#SEAMTEST'))[0]).toMatchObject({ plansPlanned: 1 });
      const rollupBefore = (await rawQuery('01#P#ROLLUP')).find((i) => i.SK === 'T#01#00103')!;
      fail = true;
      const listBefore = (await call('GET', '/api/supervision/plans?limit=200', editor)).json.items.length;
      const r = await call('POST', '/api/supervision/plans', editor, samplePlan());
      expect(r.status).toBe(409);
      expect((await call('GET', '/api/supervision/plans?limit=200', editor)).json.items.length).toBe(listBefore);
      expect(await auditCount('2026-03')).toBe(auditsBefore + 1);
      // The cancelled write moved no roll-up counter either.
      const rollupAfter = (await rawQuery('01#P#ROLLUP')).find((i) => i.SK === 'T#01#00103')!;
      expect(rollupAfter['plan.planned']).toBe(rollupBefore['plan.planned']);
    } finally {
      remove();
    }
  });
});
