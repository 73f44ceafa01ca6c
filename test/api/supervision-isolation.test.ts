import { beforeAll, describe, expect, it } from 'vitest';
import type { PlanDetail } from '../../shared/supervision/views.js';
import { ddbCost, harnessSuite } from '../support/harness.js';
import { caller, samplePlan, type Headers } from '../support/supervision-fixtures.js';

/**
 * Tenant isolation of every supervision route: another district of the same province, a district
 * of another province and a viewer of another province get 404/403 and see nothing of Tây Hồ's
 * plan; Hà Nội's province staff read Tây Hồ only through `?locality=00103`, and only read.
 */

let call: ReturnType<typeof caller>;
let owner: Headers;
const clock = new Date('2026-03-18T02:00:00Z');
const SECRET_TOPIC = 'Giám sát bí mật của quận Tây Hồ về quỹ đất công';
const SECRET_UNIT = 'Ban Quản lý dự án đầu tư xây dựng quận Tây Hồ';
let planId = '';
let snapshot: PlanDetail;

const actors: Record<
  string,
  { role: 'locality_editor' | 'locality_admin' | 'province_viewer' | 'province_admin'; provinceCode: string; localityCode: string | null }
> = {
  'Cầu Giấy editor (same province)': { role: 'locality_editor', provinceCode: '01', localityCode: '00166' },
  'Thái Nguyên city admin (other province)': { role: 'locality_admin', provinceCode: '19', localityCode: '05443' },
  'Thái Nguyên province viewer': { role: 'province_viewer', provinceCode: '19', localityCode: null },
  'Thái Nguyên province admin': { role: 'province_admin', provinceCode: '19', localityCode: null },
};
const tokens: Record<string, Headers> = {};

const h = harnessSuite({ now: () => clock });

beforeAll(async () => {
  call = caller(h);
  owner = (await h.userToken({ role: 'locality_editor', provinceCode: '01', localityCode: '00103' })).headers;
  for (const [name, a] of Object.entries(actors)) tokens[name] = (await h.userToken(a)).headers;

  const created = await call(
    'POST',
    '/api/supervision/plans',
    owner,
    samplePlan({ topic: SECRET_TOPIC, supervisedUnits: [SECRET_UNIT], period: { from: '2026-03-01', to: '2026-04-30' } }),
  );
  planId = created.json.plan.id;
  await call('POST', `/api/supervision/plans/${planId}/transitions`, owner, { to: 'notified', version: 1 });
  await call('POST', `/api/supervision/plans/${planId}/transitions`, owner, { to: 'in_progress', version: 2 });
  const f = await call('POST', `/api/supervision/plans/${planId}/findings`, owner, {
    kind: 'shortcoming',
    title: 'Tồn tại',
    recommendations: [{ content: 'Kiến nghị bí mật', responsibleUnit: SECRET_UNIT, deadline: '2026-03-10' }],
  });
  expect(f.status).toBe(201);
  await call('POST', `/api/supervision/plans/${planId}/recommendations/1/responses`, owner, { version: 1, respondedOn: '2026-03-18', content: 'Trả lời' });
  snapshot = (await call('GET', `/api/supervision/plans/${planId}`, owner)).json;
});

/** Every supervision route aimed at Tây Hồ's plan, with a valid body, so only the tenant decides. */
function attempts(district?: string) {
  const qs = district ? `?locality=${district}` : '';
  const p = `/api/supervision/plans/${planId}`;
  return [
    ['GET', `${p}${qs}`, undefined],
    ['PATCH', `${p}${qs}`, { version: 3, topic: 'Sửa trái phép' }],
    ['POST', `${p}/transitions${qs}`, { to: 'reported', version: 3 }],
    ['POST', `${p}/findings${qs}`, { kind: 'other', title: 'Chen vào' }],
    ['POST', `${p}/findings/1/recommendations${qs}`, { content: 'Chen vào', responsibleUnit: 'X', deadline: '2026-05-01' }],
    ['PATCH', `${p}/recommendations/1${qs}`, { version: 2, deadline: '2027-01-01' }],
    ['POST', `${p}/recommendations/1/responses${qs}`, { version: 2, respondedOn: '2026-03-18', content: 'Chen vào' }],
    ['POST', `${p}/recommendations/1/transitions${qs}`, { to: 'resolved', version: 2 }],
    ['POST', `${p}/transitions/undo${qs}`, { version: 3 }],
    ['POST', `${p}/recommendations/1/transitions/undo${qs}`, { version: 2 }],
  ] as const;
}

function expectNoLeak(raw: string) {
  // `instance` echoes the path the caller sent (which holds the id it already knew): not a leak.
  let text = raw;
  try {
    const { instance: _echo, ...rest } = JSON.parse(raw);
    text = JSON.stringify(rest);
  } catch {
    /* not JSON */
  }
  expect(text).not.toContain(planId);
  expect(text).not.toContain(SECRET_TOPIC);
  expect(text).not.toContain(SECRET_UNIT);
  expect(text).not.toContain('Kiến nghị bí mật');
}

describe('supervision tenant isolation', () => {
  for (const name of Object.keys(actors)) {
    it(`${name}: 404/403 on every route of Tây Hồ's plan, with and without ?locality=00103`, async () => {
      for (const district of [undefined, '00103']) {
        for (const [method, path, body] of attempts(district)) {
          const r = await call(method, path, tokens[name]!, body);
          expect([403, 404], `${method} ${path} → ${r.status} ${r.text}`).toContain(r.status);
          expectNoLeak(r.text);
        }
      }
    });

    it(`${name}: lists and board show nothing of Tây Hồ`, async () => {
      for (const path of [
        '/api/supervision/plans',
        '/api/supervision/board',
        '/api/supervision/plans?q=quy%20dat%20cong',
        '/api/supervision/board?year=2026',
      ]) {
        const r = await call('GET', path, tokens[name]!);
        expect(r.status, r.text).toBe(200);
        expect(ddbCost(r.res).requests).toBe(1);
        expectNoLeak(r.text);
      }
      for (const path of ['/api/supervision/plans?locality=00103', '/api/supervision/board?locality=00103']) {
        const r = await call('GET', path, tokens[name]!);
        expect(r.status, r.text).toBe(404);
        expectNoLeak(r.text);
      }
    });
  }

  it("leaves Tây Hồ's plan exactly as it was after every foreign attempt", async () => {
    const now = (await call('GET', `/api/supervision/plans/${planId}`, owner)).json;
    expect(now).toEqual(snapshot);
  });

  it("lets Hà Nội's province staff read Tây Hồ through ?locality=00103, one request each, and never write", async () => {
    const viewer = (await h.userToken({ role: 'province_viewer', provinceCode: '01', localityCode: null })).headers;
    const admin = (await h.userToken({ role: 'province_admin', provinceCode: '01', localityCode: null })).headers;
    for (const headers of [viewer, admin]) {
      const d = await call('GET', `/api/supervision/plans/${planId}?locality=00103`, headers);
      expect(d.status).toBe(200);
      expect(ddbCost(d.res).requests).toBe(1);
      expect(d.json.plan.topic).toBe(SECRET_TOPIC);
      const list = await call('GET', '/api/supervision/plans?locality=00103', headers);
      expect(list.json.items.map((p: { id: string }) => p.id)).toContain(planId);
      const board = await call('GET', '/api/supervision/board?locality=00103', headers);
      expect(board.json.byUnit).toEqual([expect.objectContaining({ unit: SECRET_UNIT, open: 1, overdue: 1 })]);
      // without ?district they see their own province tenant, which has none of it
      expectNoLeak((await call('GET', '/api/supervision/plans', headers)).text);
      expect((await call('GET', `/api/supervision/plans/${planId}`, headers)).status).toBe(404);
      // a district outside Hà Nội is not found
      expect((await call('GET', '/api/supervision/plans?locality=05443', headers)).status).toBe(404);
      // drill-down is read-only
      for (const [method, path, body] of attempts('00103').filter(([m]) => m !== 'GET')) {
        const r = await call(method, path, headers, body);
        expect(r.status, `${method} ${path}`).toBe(403);
      }
      expect((await call('POST', '/api/supervision/plans?locality=00103', headers, samplePlan())).status).toBe(403);
    }
    // The province admin runs the province's own supervision: it lands in 01#P, not in Tây Hồ.
    const own = await call(
      'POST',
      '/api/supervision/plans',
      admin,
      samplePlan({ topic: 'Giám sát của Thường trực HĐND thành phố', owner: { body: 'hdnd_standing' } }),
    );
    expect(own.status).toBe(201);
    const tayHo = await call('GET', '/api/supervision/plans?limit=200', owner);
    expect(tayHo.json.items.map((p: { id: string }) => p.id)).not.toContain(own.json.plan.id);
    expect((await call('GET', `/api/supervision/plans/${own.json.plan.id}`, owner)).status).toBe(404);
    // ...and the province viewer reads it but cannot write
    expect((await call('GET', `/api/supervision/plans/${own.json.plan.id}`, viewer)).status).toBe(200);
    expect((await call('POST', '/api/supervision/plans', viewer, samplePlan())).status).toBe(403);
  });

  it('refuses operators and anonymous callers', async () => {
    const op = (await h.userToken({ role: 'operator', provinceCode: null, localityCode: null })).headers;
    expect((await call('GET', '/api/supervision/plans', op)).status).toBe(403);
    expect((await call('GET', '/api/supervision/board', op)).status).toBe(403);
    expect((await call('POST', '/api/supervision/plans', op, samplePlan())).status).toBe(403);
    expect((await call('GET', `/api/supervision/plans/${planId}`, {})).status).toBe(401);
  });
});
