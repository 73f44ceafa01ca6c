import { beforeAll, describe, expect, it } from 'vitest';
import { agreementsClient, programBody, type Headers } from '../support/agreements.js';
import { harnessSuite } from '../support/harness.js';
import { notificationsOf, tenantUser } from '../support/reminders.js';
import { caller, samplePlan } from '../support/supervision-fixtures.js';

/** Events that notify at once: to the record's followers, the supervising body, province staff following the locality. */

let api: ReturnType<typeof agreementsClient>;
let call: ReturnType<typeof caller>;
let editor: { headers: Headers; userId: string };
let follower: { headers: Headers; userId: string };
let hdnd: { headers: Headers; userId: string };
let provinceStaff: { headers: Headers; userId: string };
/** Other tenants: an editor of another ward with the same agency, staff of another province. */
let otherWard: { headers: Headers; userId: string };
let otherProvince: { headers: Headers; userId: string };
let signedId = '';
const ward = { provinceCode: '01', localityCode: '00103' };
const clock = new Date('2026-03-02T03:00:00Z');

const h = harnessSuite({ now: () => clock });

beforeAll(async () => {
  api = agreementsClient(h);
  call = caller(h);
  editor = await tenantUser(h, { role: 'locality_editor', ...ward, agency: 'UBND' });
  follower = await tenantUser(h, { role: 'locality_viewer', ...ward, agency: 'Văn phòng' });
  hdnd = await tenantUser(h, { role: 'locality_viewer', ...ward, agency: 'HĐND' });
  provinceStaff = await tenantUser(h, { role: 'province_viewer', provinceCode: '01', localityCode: null });
  expect((await h.app.request('/api/notifications/follows/locality/00103', { method: 'PUT', headers: provinceStaff.headers })).status).toBe(200);
  otherWard = await tenantUser(h, { role: 'locality_editor', provinceCode: '01', localityCode: '00004', agency: 'Văn phòng HĐND và UBND' });
  otherProvince = await tenantUser(h, { role: 'province_viewer', provinceCode: '79', localityCode: null });
  // Staff of another province cannot follow this ward (nothing to be told through).
  expect((await h.app.request('/api/notifications/follows/locality/00103', { method: 'PUT', headers: otherProvince.headers })).status).toBe(404);
});

const kindsOf = async (headers: Headers) => (await notificationsOf(h, headers, 'limit=100')).items.map((n) => n.kind).sort();

describe('event notifications', () => {
  it('tells followers that an agreement was signed, is in force, an item moved, a review was recorded; never the actor', async () => {
    const parties = [
      { agency: 'HDND' as const, name: 'Thường trực HĐND phường Tây Hồ' },
      { agency: 'UBND' as const, name: 'UBND phường Tây Hồ' },
    ];
    const draft = await api.create(editor.headers, programBody({ year: 2026, parties, items: [{ title: 'Tiếp xúc cử tri', lead: parties[1] }] }));
    signedId = draft.id;
    expect((await h.app.request(`/api/notifications/follows/agreement/${draft.id}`, { method: 'PUT', headers: follower.headers })).status).toBe(200);
    const signed = await api.sign(editor.headers, draft.id, draft.version, { signedOn: '2026-02-20', inForceFromSigning: false });
    const inForce = await api.call('POST', `/${draft.id}/status`, editor.headers, { to: 'in_force', on: '2026-03-01', version: signed.version });
    expect(inForce.status, await inForce.clone().text()).toBe(200);
    const progress = await api.call('PATCH', `/${draft.id}/items/1`, editor.headers, { progress: 40, version: 1 });
    expect(progress.status, await progress.clone().text()).toBe(200);
    const review = await api.call('PUT', `/${draft.id}/reviews/2026-H1`, editor.headers, { heldOn: '2026-03-01', itemResults: [] });
    expect(review.status).toBe(201);

    expect(await kindsOf(follower.headers)).toEqual(['agreement-in-force', 'agreement-signed', 'item-progress', 'review-recorded']);
    expect(await kindsOf(provinceStaff.headers)).toEqual(['agreement-in-force', 'agreement-signed', 'item-progress', 'review-recorded']);
    expect(await kindsOf(editor.headers)).toEqual([]);
    const item = (await notificationsOf(h, follower.headers, 'kind=item-progress')).items[0]!;
    expect(item.label).toBe('Tiếp xúc cử tri — 40%');
    expect(item.link).toBe(`/agreements/${draft.id}#item-1`);
    expect(h.fenceViolations()).toEqual([]);
  });

  it("tells the original's followers that it was amended when the amendment is signed", async () => {
    const original = (await api.detail(editor.headers, signedId)).body;
    const res = await api.call('POST', `/${signedId}/amendments`, editor.headers, { version: original.agreement.version, reason: 'Bổ sung nội dung' });
    expect(res.status, await res.clone().text()).toBe(201);
    const amendment = ((await res.json()) as { agreement: { id: string; version: number } }).agreement;
    await api.sign(editor.headers, amendment.id, amendment.version, { signedOn: '2026-03-02' });
    const amended = (await notificationsOf(h, follower.headers, 'kind=agreement-amended')).items;
    expect(amended).toHaveLength(1);
    expect(amended[0]!.link).toBe(`/agreements/${amendment.id}`);
    // The follower follows the original only: not told that the new record was signed.
    expect((await notificationsOf(h, follower.headers, 'kind=agreement-signed')).items).toHaveLength(1);
    // Province staff following the ward hear of both.
    expect((await notificationsOf(h, provinceStaff.headers, 'kind=agreement-amended')).items).toHaveLength(1);
    expect((await notificationsOf(h, provinceStaff.headers, 'kind=agreement-signed')).items).toHaveLength(2);
  });

  it('tells the supervising body that a recommendation was answered, then resolved', async () => {
    const plan = await call('POST', '/api/supervision/plans', editor.headers, samplePlan());
    const id = plan.json.plan.id as string;
    for (const [to, version] of [
      ['notified', 1],
      ['in_progress', 2],
    ] as const) {
      expect((await call('POST', `/api/supervision/plans/${id}/transitions`, editor.headers, { to, version })).status).toBe(200);
    }
    const finding = await call('POST', `/api/supervision/plans/${id}/findings`, editor.headers, {
      kind: 'shortcoming',
      title: 'Chậm xử lý',
      recommendations: [{ content: 'Xử lý dứt điểm', responsibleUnit: 'UBND phường Tây Hồ', deadline: '2026-04-30' }],
    });
    expect(finding.status, finding.text).toBe(201);
    const answered = await call('POST', `/api/supervision/plans/${id}/recommendations/1/responses`, editor.headers, {
      respondedOn: '2026-03-02',
      content: 'Đã xử lý xong',
      version: 1,
    });
    expect(answered.status, answered.text).toBe(201);
    for (const [to, version] of [
      ['accepted', 2],
      ['resolved', 3],
    ] as const) {
      const moved = await call('POST', `/api/supervision/plans/${id}/recommendations/1/transitions`, editor.headers, { to, version });
      expect(moved.status, moved.text).toBe(200);
    }
    // The plan's owner is the HĐND standing committee.
    expect(await kindsOf(hdnd.headers)).toEqual(['recommendation-answered', 'recommendation-resolved']);
    expect((await kindsOf(follower.headers)).filter((k) => k.startsWith('recommendation'))).toEqual([]);
  });

  it('tells nobody of another tenant, whatever their agency or role', async () => {
    expect(await kindsOf(otherWard.headers)).toEqual([]);
    expect(await kindsOf(otherProvince.headers)).toEqual([]);
    expect(h.fenceViolations()).toEqual([]);
  });
});
