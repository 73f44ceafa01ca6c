import { beforeAll, describe, expect, it } from 'vitest';
import { MeteredStore } from '../../functions/store/metered-store.js';
import { reminderKeys } from '../../shared/keys.js';
import type { Board, PlanDetail, PlanSummary } from '../../shared/supervision/views.js';
import { harnessSuite } from '../support/harness.js';
import { caller, samplePlan, type Headers } from '../support/supervision-fixtures.js';

/**
 * Backfilling history: a commune enters its 2024 supervision in December 2026. Every step, answer
 * and resolution carries the day it happened; ordering, the report's lateness, overdue and the
 * board's on-time rate are judged by those days, while the audit log keeps the real instants.
 */

let call: ReturnType<typeof caller>;
let editor: Headers;
let stranger: Headers;
const clock = new Date('2026-12-06T03:00:00Z'); // 10:00, 06/12/2026 in Hà Nội
const today = '2026-12-06';
const ward = { provinceCode: '01', localityCode: '00103' };

const h = harnessSuite({ now: () => clock });

beforeAll(async () => {
  call = caller(h);
  editor = (await h.userToken({ role: 'locality_editor', ...ward })).headers;
  stranger = (await h.userToken({ role: 'locality_editor', provinceCode: '01', localityCode: '00106' })).headers;
});

/** A 2024 plan: working sessions 10/05 and 20/05/2024, so its report was due 04/06/2024. */
const plan2024 = (over: Record<string, unknown> = {}) =>
  samplePlan({
    topic: 'Giám sát việc giải quyết kiến nghị cử tri năm 2024',
    period: { from: '2024-05-01', to: '2024-06-30' },
    sessions: [
      { date: '2024-05-10', unit: 'UBND phường Quảng An' },
      { date: '2024-05-20', unit: 'UBND phường Nhật Tân' },
    ],
    ...over,
  });

async function create(body: unknown): Promise<PlanSummary> {
  const r = await call('POST', '/api/supervision/plans', editor, body);
  expect(r.status, r.text).toBe(201);
  return r.json.plan;
}
const move = (id: string, to: string, version: number, on?: string) =>
  call('POST', `/api/supervision/plans/${id}/transitions`, editor, { to, version, ...(on ? { on } : {}) });
async function moved(id: string, to: string, version: number, on: string): Promise<PlanSummary> {
  const r = await move(id, to, version, on);
  expect(r.status, r.text).toBe(200);
  return r.json.plan;
}
const detail = async (id: string) => (await call('GET', `/api/supervision/plans/${id}`, editor)).json as PlanDetail;
const fieldOf = (r: { json: any }) => r.json?.errors?.[0];

async function dueEntry(ref: string) {
  return new MeteredStore(h.doc, h.tableName).get({ Key: reminderKeys.dueEntry(ward, ref), ConsistentRead: true });
}

describe('a supervision plan of a past year', () => {
  it('regression: a plan stamped "planned" today refuses a 2024 step; its planned date can be corrected, then the step goes through', async () => {
    // What the outside probe found: the plan is "planned" on the day it is entered …
    const stamped = await create(plan2024());
    expect(stamped.statusHistory).toEqual([expect.objectContaining({ status: 'planned', on: today })]);
    const refused = await move(stamped.id, 'notified', 1, '2024-05-02');
    expect(refused.status).toBe(400);
    expect(refused.res.headers.get('content-type')).toContain('application/problem+json');
    expect(fieldOf(refused)).toMatchObject({ field: 'on', message_en: 'The date must not be before the previous step' });
    // … so the clerk gives it the day it was really planned (not after the next step, not in the future).
    const future = await call('PATCH', `/api/supervision/plans/${stamped.id}`, editor, { version: 1, plannedOn: '2026-12-07' });
    expect(future.status).toBe(400);
    expect(fieldOf(future)).toMatchObject({ field: 'plannedOn', message_vi: 'Ngày không được sau hôm nay' });
    const corrected = await call('PATCH', `/api/supervision/plans/${stamped.id}`, editor, { version: 1, plannedOn: '2024-04-15' });
    expect(corrected.status, corrected.text).toBe(200);
    expect(corrected.json.plan.statusHistory[0]).toMatchObject({ status: 'planned', on: '2024-04-15', at: clock.toISOString() });
    const notified = await moved(stamped.id, 'notified', 2, '2024-05-02');
    expect(notified.statusHistory.map((s) => [s.status, s.on])).toEqual([
      ['planned', '2024-04-15'],
      ['notified', '2024-05-02'],
    ]);
    // Once a later step exists, the planned date may not move past it.
    const pastNext = await call('PATCH', `/api/supervision/plans/${stamped.id}`, editor, { version: 3, plannedOn: '2024-05-03' });
    expect(pastNext.status).toBe(400);
    expect(fieldOf(pastNext)).toMatchObject({ field: 'plannedOn', message_en: 'The planned date must not be after the next step' });
  });

  it('is created with the day it was planned; steps follow in the order they happened; the audit log keeps the real time', async () => {
    expect((await call('POST', '/api/supervision/plans', editor, plan2024({ plannedOn: '2026-12-07' }))).status).toBe(400);
    const bad = await call('POST', '/api/supervision/plans', editor, plan2024({ plannedOn: '2024-13-01' }));
    expect(fieldOf(bad)).toMatchObject({ field: 'plannedOn' });

    const plan = await create(plan2024({ plannedOn: '2024-04-15' }));
    expect(plan.statusHistory).toEqual([{ status: 'planned', on: '2024-04-15', at: clock.toISOString(), by: expect.any(Object) }]);
    // The report (due 04/06/2024) is late today: nothing reported yet.
    expect(plan).toMatchObject({ reportDueOn: '2024-06-04', reportOverdue: true, reportedOn: null, reportedLate: false });

    await moved(plan.id, 'notified', 1, '2024-04-25');
    const early = await move(plan.id, 'in_progress', 2, '2024-04-20');
    expect(early.status).toBe(400);
    expect(fieldOf(early)).toMatchObject({ field: 'on', message_vi: 'Ngày chuyển bước không được trước bước trước đó' });
    await moved(plan.id, 'in_progress', 2, '2024-05-10');
    const reported = await moved(plan.id, 'reported', 3, '2024-06-10');
    // Reported on 10/06/2024, six days after it was due: late, by the day it happened — not "on time
    // today" (entered now) and no longer overdue.
    expect(reported).toMatchObject({ status: 'reported', reportOverdue: false, reportedOn: '2024-06-10', reportedLate: true });
    expect(reported.statusHistory.map((s) => s.on)).toEqual(['2024-04-15', '2024-04-25', '2024-05-10', '2024-06-10']);
    expect(reported.statusHistory.every((s) => s.at === clock.toISOString())).toBe(true);

    const onTime = await create(plan2024({ plannedOn: '2024-04-15' }));
    await moved(onTime.id, 'notified', 1, '2024-04-25');
    await moved(onTime.id, 'in_progress', 2, '2024-05-10');
    expect(await moved(onTime.id, 'reported', 3, '2024-06-04')).toMatchObject({ reportedOn: '2024-06-04', reportedLate: false });

    // The reminders' due index follows the same days: the report entry was due 04/06/2024 and is gone once reported.
    const pending = await create(plan2024({ plannedOn: '2024-04-15' }));
    expect(await dueEntry(`REPORT#${pending.id}`)).toMatchObject({ next: '2024-06-04' });
    expect(await dueEntry(`REPORT#${plan.id}`)).toBeUndefined();

    // Audit records are filed under the month they were written (12/2026), never the 2024 dates.
    const admin = (await h.userToken({ role: 'locality_admin', ...ward })).headers;
    const audit = await call('GET', '/api/audit?month=2026-12&entity=supervision', admin);
    expect(audit.status, audit.text).toBe(200);
    const mine = (audit.json.items as { target: { id: string }; at: string }[]).filter((a) => a.target.id === plan.id);
    expect(mine).toHaveLength(4); // created, notified, in progress, reported
    expect(mine.every((a) => a.at === clock.toISOString())).toBe(true);
  });

  it('dates recommendations, answers and resolutions the day they happened; overdue and the board use those days', async () => {
    const plan = await create(plan2024({ plannedOn: '2024-04-15' }));
    await moved(plan.id, 'notified', 1, '2024-04-25');
    await moved(plan.id, 'in_progress', 2, '2024-05-10');
    const rec = (content: string, madeOn?: string) => ({
      content,
      responsibleUnit: 'UBND phường Quảng An',
      deadline: '2024-07-31',
      ...(madeOn ? { madeOn } : {}),
    });
    const beforeStart = await call('POST', `/api/supervision/plans/${plan.id}/findings`, editor, {
      kind: 'shortcoming',
      title: 'Chậm giải quyết',
      recommendations: [rec('Sớm hơn cuộc giám sát', '2024-05-01')],
    });
    expect(beforeStart.status).toBe(400);
    expect(fieldOf(beforeStart)).toMatchObject({
      field: 'recommendations.0.madeOn',
      message_en: 'A recommendation must not be dated before the supervision began',
    });
    const found = await call('POST', `/api/supervision/plans/${plan.id}/findings`, editor, {
      kind: 'shortcoming',
      title: 'Chậm giải quyết kiến nghị cử tri',
      recommendations: [rec('Giải quyết dứt điểm kiến nghị về ngập úng', '2024-05-20'), rec('Rà soát danh sách hộ chưa được hỗ trợ', '2024-05-20')],
    });
    expect(found.status, found.text).toBe(201);
    expect(found.json.recommendations[0].history[0]).toMatchObject({ status: 'open', on: '2024-05-20', at: clock.toISOString() });
    const single = await call('POST', `/api/supervision/plans/${plan.id}/findings/1/recommendations`, editor, rec('Trong tương lai', '2026-12-07'));
    expect(fieldOf(single)).toMatchObject({ field: 'madeOn', message_vi: 'Ngày không được sau hôm nay' });

    const respond = (no: number, version: number, respondedOn: string) =>
      call('POST', `/api/supervision/plans/${plan.id}/recommendations/${no}/responses`, editor, { version, respondedOn, content: 'Đã giải quyết' });
    const beforeMade = await respond(1, 1, '2024-05-15');
    expect(beforeMade.status).toBe(400);
    expect(fieldOf(beforeMade)).toMatchObject({ field: 'respondedOn', message_en: 'The answer must not be dated before the recommendation’s previous step' });
    expect((await respond(1, 1, '2024-07-20')).status).toBe(201);
    expect((await respond(2, 1, '2024-08-20')).status).toBe(201);

    const resolve = (no: number, version: number, on: string) =>
      call('POST', `/api/supervision/plans/${plan.id}/recommendations/${no}/transitions`, editor, { to: 'resolved', version, on });
    const beforeAnswer = await resolve(1, 2, '2024-07-15');
    expect(beforeAnswer.status).toBe(400);
    expect(fieldOf(beforeAnswer)).toMatchObject({ field: 'on', message_en: 'The date must not be before the previous step' });
    expect((await resolve(1, 2, '2024-07-25')).json.recommendation).toMatchObject({ status: 'resolved', resolvedOn: '2024-07-25' });
    // A further answer that does not move the status may be an older letter entered late, but not older than the recommendation.
    const older = await respond(2, 2, '2024-05-19');
    expect(fieldOf(older)).toMatchObject({ field: 'respondedOn', message_en: 'The answer must not be dated before the recommendation was made' });
    const late = await respond(2, 2, '2024-08-01');
    expect(late.status, late.text).toBe(201);
    expect(late.json.recommendation).toMatchObject({ status: 'answered', responseCount: 2, lastResponseOn: '2024-08-20' });
    const d = await detail(plan.id);
    const [first, second] = d.findings[0]!.recommendations;
    expect(second!.responses.map((x) => x.respondedOn)).toEqual(['2024-08-01', '2024-08-20']);
    expect(first!.history.map((s) => [s.status, s.on])).toEqual([
      ['open', '2024-05-20'],
      ['answered', '2024-07-20'],
      ['resolved', '2024-07-25'],
    ]);
    // Still unresolved, deadline 31/07/2024: overdue by the days from the deadline to today.
    expect(second).toMatchObject({ status: 'answered', overdue: true, daysOverdue: 858 });
    expect(await dueEntry(`REC#${plan.id}#002`)).toMatchObject({ next: '2024-07-31' });
    expect(await dueEntry(`REC#${plan.id}#001`)).toBeUndefined();

    // Resolved on 02/09/2024, after its deadline: counted resolved, not on time — by the day it happened.
    expect((await resolve(2, 3, '2024-09-02')).status).toBe(200);
    const board = (await call('GET', '/api/supervision/board?year=2024', editor)).json as Board;
    const q3 = board.periods.find((p) => p.period === '2024-Q3')!;
    expect(q3).toMatchObject({ due: 2, resolved: 2, resolvedOnTime: 1, unresolved: 0, overdue: 0 });
  });

  it('corrects the made date of a recommendation first entered with today’s date, so its 2024 answer fits', async () => {
    const plan = await create(plan2024({ plannedOn: '2024-04-15' }));
    await moved(plan.id, 'notified', 1, '2024-04-25');
    await moved(plan.id, 'in_progress', 2, '2024-05-10');
    const found = await call('POST', `/api/supervision/plans/${plan.id}/findings`, editor, {
      kind: 'shortcoming',
      title: 'Chậm giải quyết',
      recommendations: [{ content: 'Giải quyết dứt điểm', responsibleUnit: 'UBND phường Quảng An', deadline: '2024-07-31' }],
    });
    expect(found.json.recommendations[0].history[0].on).toBe(today);
    const url = `/api/supervision/plans/${plan.id}/recommendations/1`;
    const answer = { version: 1, respondedOn: '2024-07-20', content: 'Đã giải quyết' };
    expect(fieldOf(await call('POST', `${url}/responses`, editor, answer))).toMatchObject({ field: 'respondedOn' });
    const tooEarly = await call('PATCH', url, editor, { version: 1, madeOn: '2024-05-01' });
    expect(fieldOf(tooEarly)).toMatchObject({ field: 'madeOn', message_en: 'A recommendation must not be dated before the supervision began' });
    const fixed = await call('PATCH', url, editor, { version: 1, madeOn: '2024-06-10' });
    expect(fixed.status, fixed.text).toBe(200);
    expect(fixed.json.recommendation.history).toEqual([expect.objectContaining({ status: 'open', on: '2024-06-10', at: clock.toISOString() })]);
    const answered = await call('POST', `${url}/responses`, editor, { ...answer, version: 2 });
    expect(answered.status, answered.text).toBe(201);
    const pastNext = await call('PATCH', url, editor, { version: 3, madeOn: '2024-07-21' });
    expect(fieldOf(pastNext)).toMatchObject({ field: 'madeOn', message_en: 'The date made must not be after the recommendation’s next step' });
    expect((await call('PATCH', url, stranger, { version: 3, madeOn: '2024-06-01' })).status).toBe(404);
  });

  it('does not let another locality correct a plan’s planned date', async () => {
    const plan = await create(plan2024());
    const r = await call('PATCH', `/api/supervision/plans/${plan.id}`, stranger, { version: 1, plannedOn: '2024-04-15' });
    expect(r.status).toBe(404);
    expect((await detail(plan.id)).plan.statusHistory[0]!.on).toBe(today);
  });
});
