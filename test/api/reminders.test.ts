import { beforeAll, describe, expect, it } from 'vitest';
import { agreementsClient, type Headers, wardItemDue, wardProgram2026 } from '../support/agreements.js';
import { harnessSuite } from '../support/harness.js';
import { notificationsOf, runJob, tenantUser, unreadCount } from '../support/reminders.js';
import { caller, samplePlan } from '../support/supervision-fixtures.js';

/**
 * The daily reminder job over the due index: every reminder kind, who is told (lead agency,
 * responsible unit, followers), idempotent re-runs, and the due index moving with the records.
 */

let api: ReturnType<typeof agreementsClient>;
let call: ReturnType<typeof caller>;
let ubnd: { headers: Headers; userId: string }; // editor of the UBND
let mttq: { headers: Headers; userId: string }; // editor of the UB MTTQ
let hdnd: { headers: Headers; userId: string }; // viewer of the HĐND
let follower: { headers: Headers; userId: string }; // admin, agency not named anywhere
let clock = new Date('2026-06-25T00:00:00Z'); // 07:00 in Vietnam
let programId = '';
let programVersion = 0;
let planId = '';

const ward = { provinceCode: '01', localityCode: '00103' }; // Phường Tây Hồ

const h = harnessSuite({ now: () => clock });

beforeAll(async () => {
  api = agreementsClient(h);
  call = caller(h);
  ubnd = await tenantUser(h, { role: 'locality_editor', ...ward, agency: 'UBND' });
  mttq = await tenantUser(h, { role: 'locality_editor', ...ward, agency: 'UB MTTQ' });
  hdnd = await tenantUser(h, { role: 'locality_viewer', ...ward, agency: 'HĐND' });
  follower = await tenantUser(h, { role: 'locality_admin', ...ward, agency: 'Văn phòng' });

  clock = new Date('2026-01-20T03:00:00Z');
  const created = await api.create(
    ubnd.headers,
    wardProgram2026({
      number: '01/CTrPH',
      items: [
        wardItemDue('Tổ chức tiếp xúc cử tri giữa năm', 'UBND', '2026-06-30'),
        wardItemDue('Giám sát việc giải quyết kiến nghị', 'MTTQ', '2026-06-25'),
        wardItemDue('Kỳ họp thường lệ giữa năm', 'HDND', '2026-06-01'),
        wardItemDue('Tổng kết phong trào thi đua', 'UBND', '2026-09-30'),
      ],
    }),
  );
  const signed = await api.sign(ubnd.headers, created.id, created.version, { signedOn: '2026-01-15' });
  programId = signed.id;
  programVersion = signed.version;

  const plan = await call(
    'POST',
    '/api/supervision/plans',
    ubnd.headers,
    samplePlan({
      period: { from: '2026-06-01', to: '2026-07-31' },
      sessions: [
        { date: '2026-06-05', unit: 'UBND phường Tây Hồ' },
        { date: '2026-06-12', unit: 'UBND phường Tây Hồ' },
      ],
    }),
  );
  expect(plan.status, plan.text).toBe(201);
  planId = plan.json.plan.id;
  clock = new Date('2026-06-13T03:00:00Z');
  for (const [to, version] of [
    ['notified', 1],
    ['in_progress', 2],
  ] as const) {
    const moved = await call('POST', `/api/supervision/plans/${planId}/transitions`, ubnd.headers, { to, version });
    expect(moved.status, moved.text).toBe(200);
  }
  const finding = await call('POST', `/api/supervision/plans/${planId}/findings`, ubnd.headers, {
    kind: 'shortcoming',
    title: 'Chậm xử lý vi phạm trật tự đô thị',
    recommendations: [{ content: 'Xử lý dứt điểm công trình vi phạm', responsibleUnit: 'UBND phường Tây Hồ', deadline: '2026-06-20' }],
  });
  expect(finding.status, finding.text).toBe(201);
  clock = new Date('2026-06-25T00:00:00Z');
});

const kinds = (items: { kind: string; stage: string | null; label: string }[]) => items.map((n) => `${n.kind}:${n.stage}:${n.label}`).sort();

describe('daily reminder job', () => {
  it('tells each lead agency what is due in a week, today and overdue, and the responsible unit its recommendation', async () => {
    const { report } = await runJob(h, clock, ['01']);
    expect(report.today).toBe('2026-06-25');
    expect(kinds((await notificationsOf(h, ubnd.headers)).items)).toEqual([
      'item-due:soon:Tổ chức tiếp xúc cử tri giữa năm',
      'recommendation-due:overdue:Xử lý dứt điểm công trình vi phạm',
    ]);
    expect(kinds((await notificationsOf(h, mttq.headers)).items)).toEqual(['item-due:today:Giám sát việc giải quyết kiến nghị']);
    // The plan belongs to the HĐND standing committee: its report reminder goes to the HĐND's users.
    expect(kinds((await notificationsOf(h, hdnd.headers)).items)).toEqual([
      'item-due:overdue:Kỳ họp thường lệ giữa năm',
      'report-due:soon:Giám sát việc giải quyết kiến nghị của cử tri về trật tự đô thị',
    ]);
    // Nothing for the admin whose agency no unit names (somebody else is told each time).
    expect((await notificationsOf(h, follower.headers)).items).toEqual([]);
    expect(await unreadCount(h, ubnd.headers)).toEqual({ count: 2, more: false });
    const item = (await notificationsOf(h, ubnd.headers, 'kind=item-due')).items[0]!;
    expect(item.link).toBe(`/agreements/${programId}#item-1`);
    expect(item.due).toBe('2026-06-30');
    expect(item.context).toBe('01/CTrPH Phối hợp công tác năm 2026');
  });

  it('creates nothing twice: the same day, or the next day for a stage already told', async () => {
    const again = await runJob(h, clock, ['01']);
    expect(again.report.created).toBe(0);
    expect(again.report.existing).toBeGreaterThan(0);
    const nextDay = await runJob(h, new Date('2026-06-26T00:00:00Z'), ['01']);
    // 26/06: item 2 (due 25/06) becomes overdue — the only new stage.
    expect(nextDay.report.created).toBe(1);
    expect(kinds((await notificationsOf(h, mttq.headers)).items)).toEqual([
      'item-due:overdue:Giám sát việc giải quyết kiến nghị',
      'item-due:today:Giám sát việc giải quyết kiến nghị',
    ]);
  });

  it('reads only the due index, the users of tenants with something due and followers: not the records', async () => {
    const { metrics, report } = await runJob(h, clock, ['01', '19', '79']);
    // 3 province Queries + the tenant's users + its province's locality followers + 1 followers Query per due record (3) + 1 put per reminder.
    expect(report.entries).toBe(3);
    expect(report.tenants).toBe(1);
    expect(metrics.requests).toBe(3 + 1 + 1 + 3 + report.created + report.existing);
    expect(metrics.itemsRead).toBeLessThanOrEqual(3 + 4 + 0);
  });

  it('tells followers of a record, and leaves done items out of the index', async () => {
    const follow = await h.app.request(`/api/notifications/follows/agreement/${programId}`, { method: 'PUT', headers: follower.headers });
    expect(follow.status).toBe(200);
    const state = await h.app.request(`/api/notifications/follows/agreement/${programId}`, { headers: follower.headers });
    expect(await state.json()).toEqual({ following: true, followers: 1 });
    clock = new Date('2026-07-25T00:00:00Z');
    // Item 1 done before the review reminder: it must not come back as overdue.
    const item1 = (await api.detail(ubnd.headers, programId)).body.items.find((i) => i.no === 1)!;
    const done = await api.call('PATCH', `/${programId}/items/1`, ubnd.headers, { status: 'done', version: item1.version });
    expect(done.status, await done.clone().text()).toBe(200);
    await runJob(h, clock, ['01']);
    const followed = kinds((await notificationsOf(h, follower.headers)).items);
    expect(followed).toContain('review-due:soon:2026-H1');
    expect(followed).toContain('item-due:overdue:Kỳ họp thường lệ giữa năm');
    // Item 1 is done: no reminder for it, only the event that its progress changed.
    expect(followed.filter((k) => k.includes('Tổ chức tiếp xúc'))).toEqual(['item-progress:null:Tổ chức tiếp xúc cử tri giữa năm — 100%']);
    // The semi-annual review goes to every party's users.
    for (const u of [ubnd, mttq, hdnd]) expect(kinds((await notificationsOf(h, u.headers)).items)).toContain('review-due:soon:2026-H1');
    const unfollow = await h.app.request(`/api/notifications/follows/agreement/${programId}`, { method: 'DELETE', headers: follower.headers });
    expect(await unfollow.json()).toEqual({ following: false });
  });

  it('drops a review from the index once it is recorded, and a resolved recommendation', async () => {
    const review = await api.call('PUT', `/${programId}/reviews/2026-H1`, ubnd.headers, { heldOn: '2026-07-20', itemResults: [] });
    expect(review.status, await review.clone().text()).toBe(201);
    clock = new Date('2026-07-31T00:00:00Z');
    const { report } = await runJob(h, clock, ['01']);
    // Only the still-open items of the program remain due; the H1 review does not reach its "today" stage.
    const all = kinds((await notificationsOf(h, hdnd.headers, 'limit=100')).items);
    expect(all.filter((k) => k.startsWith('review-due:today'))).toEqual([]);
    expect(report.entries).toBeGreaterThan(0);
    expect(programVersion).toBeGreaterThan(0);
  });
});
