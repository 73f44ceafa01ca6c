import { beforeAll, describe, expect, it } from 'vitest';
import { problemSchema } from '../../shared/problem-schema.js';
import { dashboardWireSchema } from '../../shared/rollups/schema.js';
import { UNDO_WINDOW_MINUTES } from '../../shared/supervision/rules.js';
import { harnessSuite } from '../support/harness.js';
import { caller, samplePlan, type Headers } from '../support/supervision-fixtures.js';

/**
 * Undo of a plan step and of a recommendation's move: the person who took it, within the window,
 * nothing changed since, the version read — a real reverse transition, audited; everything else is
 * refused in plain words (403 another person, 409 window passed / changed since, 404 elsewhere).
 */

let call: ReturnType<typeof caller>;
let now = new Date('2026-03-18T02:00:00Z');
let clerk: Headers;
let colleague: Headers;
let admin: Headers;
let caugiay: Headers;
let provinceAdmin: Headers;
const TAY_HO = { provinceCode: '01', localityCode: '00103' };
const later = (minutes: number) => {
  now = new Date(now.getTime() + minutes * 60_000);
};

const h = harnessSuite({ now: () => now });

beforeAll(async () => {
  call = caller(h);
  clerk = (await h.userToken({ role: 'locality_editor', ...TAY_HO })).headers;
  colleague = (await h.userToken({ role: 'locality_editor', ...TAY_HO })).headers;
  admin = (await h.userToken({ role: 'locality_admin', ...TAY_HO })).headers;
  caugiay = (await h.userToken({ role: 'locality_editor', provinceCode: '01', localityCode: '00166' })).headers;
  provinceAdmin = (await h.userToken({ role: 'province_admin', provinceCode: '01', localityCode: null })).headers;
});

async function newPlan(topic = 'Giám sát trật tự đô thị') {
  const r = await call('POST', '/api/supervision/plans', clerk, samplePlan({ topic }));
  expect(r.status).toBe(201);
  return r.json.plan.id as string;
}
const move = (id: string, who: Headers, to: string, version: number) => call('POST', `/api/supervision/plans/${id}/transitions`, who, { to, version });
const undo = (id: string, who: Headers, version: number) => call('POST', `/api/supervision/plans/${id}/transitions/undo`, who, { version });
const plan = async (id: string) => (await call('GET', `/api/supervision/plans/${id}`, clerk)).json;

/** Takes a new plan under way with one finding whose one recommendation (no. 1, version 2) the clerk has answered. */
async function answeredRecommendation(id: string, rec: { content: string; responsibleUnit: string }) {
  await move(id, clerk, 'notified', 1);
  await move(id, clerk, 'in_progress', 2);
  await call('POST', `/api/supervision/plans/${id}/findings`, clerk, {
    kind: 'shortcoming',
    title: 'Tồn tại',
    recommendations: [{ ...rec, deadline: '2026-04-30' }],
  });
  await call('POST', `/api/supervision/plans/${id}/recommendations/1/responses`, clerk, { version: 1, respondedOn: '2026-03-18', content: 'Trả lời' });
}

function problem(r: { status: number; json: unknown; res: Response }, status: number) {
  expect(r.status, JSON.stringify(r.json)).toBe(status);
  expect(r.res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  return problemSchema.parse(r.json);
}

describe('undo a plan step', () => {
  it('the author takes the step back within the window: status, history, version, roll-up and audit follow', async () => {
    const id = await newPlan('Giám sát hoàn tác kế hoạch');
    expect((await move(id, clerk, 'notified', 1)).status).toBe(200);
    const plansByStatus = async () =>
      dashboardWireSchema.parse((await call('GET', '/api/rollups?year=2026', provinceAdmin)).json).rows.find((r) => r.localityCode === '00103')!.plansByStatus;
    expect(await plansByStatus()).toEqual({ notified: 1 });
    later(UNDO_WINDOW_MINUTES - 1);
    const r = await undo(id, clerk, 2);
    expect(r.status, r.text).toBe(200);
    expect(r.json.plan.status).toBe('planned');
    expect(r.json.plan.version).toBe(3);
    const d = await plan(id);
    expect(d.plan.status).toBe('planned');
    expect(d.plan.statusHistory.map((s: { status: string }) => s.status)).toEqual(['planned']);
    expect(await plansByStatus()).toMatchObject({ planned: 1 });
    expect((await plansByStatus()).notified ?? 0).toBe(0);
    // The plan can take the step again afterwards.
    expect((await move(id, clerk, 'notified', 3)).status).toBe(200);
    expect((await plansByStatus()).notified).toBe(1);

    const audit = await call('GET', `/api/audit?month=2026-03&entity=supervision&action=undo`, admin);
    expect(audit.status, audit.text).toBe(200);
    const entry = audit.json.items.find((e: { target: { id: string } }) => e.target.id === id);
    expect(entry?.changes?.status).toEqual({ before: 'notified', after: 'planned' });
  });

  it('a step taken by someone else → 403 in plain words; the plan is unchanged', async () => {
    const id = await newPlan();
    await move(id, colleague, 'notified', 1);
    const p = problem(await undo(id, clerk, 2), 403);
    expect(p.detail_vi).toContain('Chỉ người đã thực hiện mới hoàn tác được');
    expect((await plan(id)).plan.status).toBe('notified');
    // The colleague who took it may.
    expect((await undo(id, colleague, 2)).status).toBe(200);
  });

  it('after the window → 409 saying the time has passed', async () => {
    const id = await newPlan();
    await move(id, clerk, 'notified', 1);
    later(UNDO_WINDOW_MINUTES + 1);
    const p = problem(await undo(id, clerk, 2), 409);
    expect(p.detail_vi).toContain(`Đã quá ${UNDO_WINDOW_MINUTES} phút`);
    expect(p.detail).toContain(`More than ${UNDO_WINDOW_MINUTES} minutes`);
    expect((await plan(id)).plan.status).toBe('notified');
  });

  it('something changed after the step, or a stale version → 409; nothing to undo → 409', async () => {
    const id = await newPlan();
    problem(await undo(id, clerk, 1), 409);
    await move(id, clerk, 'notified', 1);
    problem(await undo(id, clerk, 1), 409);
    later(1);
    expect((await call('PATCH', `/api/supervision/plans/${id}`, clerk, { version: 2, topic: 'Chủ đề đã sửa' })).status).toBe(200);
    const p = problem(await undo(id, clerk, 3), 409);
    expect(p.detail_vi).toContain('đã có thay đổi khác');
    expect((await plan(id)).plan.status).toBe('notified');
  });

  it('going back before the team started is refused once findings exist', async () => {
    const id = await newPlan();
    await move(id, clerk, 'notified', 1);
    await move(id, clerk, 'in_progress', 2);
    const f = await call('POST', `/api/supervision/plans/${id}/findings`, clerk, { kind: 'other', title: 'Kết quả' });
    expect(f.status).toBe(201);
    const p = problem(await undo(id, clerk, 3), 409);
    expect(p.detail_vi).toContain('đã có kết quả giám sát');
  });

  it('another district → 404 and nothing changes; province staff only read', async () => {
    const id = await newPlan();
    await move(id, clerk, 'notified', 1);
    problem(await undo(id, caugiay, 2), 404);
    expect([403, 404]).toContain((await call('POST', `/api/supervision/plans/${id}/transitions/undo?locality=00103`, provinceAdmin, { version: 2 })).status);
    expect((await plan(id)).plan.status).toBe('notified');
  });
});

describe('undo a recommendation move', () => {
  it('resolved → back to answered: resolvedOn gone, the plan counts it open again, the board too', async () => {
    const id = await newPlan('Giám sát kiến nghị hoàn tác');
    await answeredRecommendation(id, { content: 'Kiến nghị hoàn tác', responsibleUnit: 'UBND phường Quảng An' });
    const resolved = await call('POST', `/api/supervision/plans/${id}/recommendations/1/transitions`, clerk, { to: 'resolved', version: 2 });
    expect(resolved.json.recommendation.status).toBe('resolved');
    expect((await plan(id)).plan.openRecommendations).toBe(0);

    // A colleague may not; another district cannot even see it.
    problem(await call('POST', `/api/supervision/plans/${id}/recommendations/1/transitions/undo`, colleague, { version: 3 }), 403);
    problem(await call('POST', `/api/supervision/plans/${id}/recommendations/1/transitions/undo`, caugiay, { version: 3 }), 404);

    later(2);
    const r = await call('POST', `/api/supervision/plans/${id}/recommendations/1/transitions/undo`, clerk, { version: 3 });
    expect(r.status, r.text).toBe(200);
    expect(r.json.recommendation.status).toBe('answered');
    expect(r.json.recommendation.resolvedOn).toBeUndefined();
    const d = await plan(id);
    expect(d.plan.openRecommendations).toBe(1);
    const rec = d.findings[0].recommendations[0];
    expect(rec.status).toBe('answered');
    expect(rec.resolvedOn).toBeUndefined();
    expect(rec.history.map((x: { status: string }) => x.status)).toEqual(['open', 'answered']);
    const board = await call('GET', '/api/supervision/board?year=2026', clerk);
    expect(board.json.open.some((o: { planId: string }) => o.planId === id)).toBe(true);

    // An answer is a record, not a step: it cannot be undone this way.
    problem(await call('POST', `/api/supervision/plans/${id}/recommendations/1/transitions/undo`, clerk, { version: 4 }), 409);
  });

  it('after the window → 409', async () => {
    const id = await newPlan();
    await answeredRecommendation(id, { content: 'Kiến nghị', responsibleUnit: 'UBND phường Nhật Tân' });
    await call('POST', `/api/supervision/plans/${id}/recommendations/1/transitions`, clerk, { to: 'accepted', version: 2 });
    later(UNDO_WINDOW_MINUTES + 5);
    const p = problem(await call('POST', `/api/supervision/plans/${id}/recommendations/1/transitions/undo`, clerk, { version: 3 }), 409);
    expect(p.detail_vi).toContain('Đã quá');
  });
});
