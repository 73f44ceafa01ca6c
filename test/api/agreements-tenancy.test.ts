import { beforeAll, describe, expect, it } from 'vitest';
import type { AgreementSummary } from '../../shared/agreements/schema.js';
import { agreementsClient, programBody, type Headers } from '../support/agreements.js';
import { harnessSuite } from '../support/harness.js';

/**
 * Cross-tenant isolation for EVERY agreements route: another district of the same province, a
 * district of another province, and province staff of another province get 404/403 and never see a
 * byte of Tây Hồ's record; province staff of Hà Nội read it (drill-down) but cannot write.
 */
const TITLE = 'Chương trình bí mật của Tây Hồ';
let api: ReturnType<typeof agreementsClient>;
let owner: Headers;
let a: AgreementSummary;
const actors: Record<string, Headers> = {};

const h = harnessSuite({ now: () => new Date('2024-03-01T03:00:00Z') });

beforeAll(async () => {
  api = agreementsClient(h);
  owner = (await h.userToken({ role: 'locality_admin', provinceCode: '01', localityCode: '00103' })).headers;
  a = await api.create(owner, programBody({ title: TITLE, number: '77/CTrPH-TAYHO' }));
  await api.sign(owner, a.id, 1);
  await api.call('PUT', `/${a.id}/reviews/2024-H1`, owner, { heldOn: '2024-02-29', achievements: 'Kết quả nội bộ' });
  const mk = async (name: string, role: Parameters<typeof h.userToken>[0]['role'], provinceCode: string, localityCode: string | null) => {
    actors[name] = (await h.userToken({ role, provinceCode, localityCode })).headers;
  };
  await mk('sameProvinceDistrict', 'locality_admin', '01', '00166'); // Cầu Giấy
  await mk('otherProvinceDistrict', 'locality_admin', '19', '05443'); // TP Thái Nguyên
  await mk('otherProvinceViewer', 'province_viewer', '19', null);
  await mk('otherProvinceAdmin', 'province_admin', '19', null);
  await mk('ownProvinceAdmin', 'province_admin', '01', null);
  await mk('ownProvinceViewer', 'province_viewer', '01', null);
  await mk('ownViewer', 'locality_viewer', '01', '00103');
});

type Route = { name: string; method: string; path: (id: string) => string; body?: (v: number) => unknown; headers?: Headers; write: boolean };
const routes: Route[] = [
  { name: 'detail', method: 'GET', path: (id) => `/${id}`, write: false },
  { name: 'export', method: 'GET', path: (id) => `/${id}/export.docx`, write: false },
  { name: 'review export', method: 'GET', path: (id) => `/${id}/reviews/2024-H1/export.docx`, write: false },
  { name: 'update', method: 'PUT', path: (id) => `/${id}`, body: (version) => ({ ...programBody(), version }), write: true },
  { name: 'delete', method: 'DELETE', path: (id) => `/${id}`, headers: { 'if-match': '"2"' }, write: true },
  {
    name: 'sign',
    method: 'POST',
    path: (id) => `/${id}/sign`,
    body: (version) => ({ version, signedOn: '2024-02-28', signatories: [{ agency: 'HDND', title: 'Chủ tịch', name: 'X' }] }),
    write: true,
  },
  { name: 'status', method: 'POST', path: (id) => `/${id}/status`, body: (version) => ({ version, to: 'expired', on: '2024-02-29' }), write: true },
  { name: 'amend', method: 'POST', path: (id) => `/${id}/amendments`, body: (version) => ({ version, reason: 'Chiếm quyền' }), write: true },
  { name: 'progress', method: 'PATCH', path: (id) => `/${id}/items/1`, body: () => ({ version: 1, progress: 99 }), write: true },
  {
    name: 'review',
    method: 'PUT',
    path: (id) => `/${id}/reviews/2024-H1`,
    body: () => ({ version: 1, heldOn: '2024-02-29', achievements: 'Ghi đè' }),
    write: true,
  },
];

async function expectNoLeak(res: Response) {
  const text = await res.text();
  expect(text).not.toContain(TITLE);
  expect(text).not.toContain('77/CTrPH-TAYHO');
  expect(text).not.toContain('Kết quả nội bộ');
}

describe('agreements: cross-tenant isolation on every route', () => {
  for (const route of routes) {
    it(`${route.name}: other districts and other provinces get 404/403 and nothing leaks`, async () => {
      const cases: [string, string, number][] = [
        ['sameProvinceDistrict', '', 404],
        ['otherProvinceDistrict', '', 404],
        ['otherProvinceDistrict', '?locality=00103', 404],
        ['otherProvinceViewer', '?locality=00103', route.write ? 403 : 404],
        ['otherProvinceAdmin', '?locality=00103', 404],
        // Writes always act on the caller's own tenant: Hà Nội's province tenant has no such record.
        ['ownProvinceAdmin', route.write ? '?locality=00103' : '', 404],
      ];
      for (const [actor, query, status] of cases) {
        const res = await api.call(route.method, route.path(a.id) + query, actors[actor]!, route.body?.(2), route.headers ?? {});
        expect(res.status, `${route.name} as ${actor}${query}`).toBe(status);
        await expectNoLeak(res);
      }
    });
  }

  it('province staff of Hà Nội read Tây Hồ through ?locality= but every write is refused', async () => {
    for (const route of routes) {
      const res = await api.call(route.method, `${route.path(a.id)}?locality=00103`, actors.ownProvinceViewer!, route.body?.(2), route.headers ?? {});
      expect(res.status, route.name).toBe(route.write ? 403 : 200);
    }
    for (const route of routes.filter((r) => r.write)) {
      const res = await api.call(route.method, route.path(a.id), actors.ownViewer!, route.body?.(2), route.headers ?? {});
      expect(res.status, `district viewer ${route.name}`).toBe(403);
    }
    // Nothing changed.
    const { body } = await api.detail(owner, a.id);
    expect(body.agreement).toMatchObject({ title: TITLE, status: 'in_force', version: 2 });
    expect(body.reviews[0]!.achievements).toBe('Kết quả nội bộ');
    expect(body.items[0]!.progress).toBe(0);
  });

  it('lists: another tenant sees none of Tây Hồ’s agreements; foreign drill-downs are 404', async () => {
    for (const actor of ['sameProvinceDistrict', 'otherProvinceDistrict', 'otherProvinceAdmin', 'ownProvinceAdmin']) {
      const { res, body } = await api.list(actors[actor]!, 'q=bi mat');
      expect(res.status, actor).toBe(200);
      expect(body!.items, actor).toEqual([]);
    }
    for (const [actor, query] of [
      ['sameProvinceDistrict', 'locality=00103'],
      ['otherProvinceDistrict', 'locality=00103'],
      ['otherProvinceViewer', 'locality=00103'],
      ['otherProvinceViewer', 'locality=99999'],
    ]) {
      const res = await api.call('GET', `?${query}`, actors[actor!]!);
      expect(res.status, `${actor} ${query}`).toBe(404);
      await expectNoLeak(res);
    }
    const drill = await api.list(actors.ownProvinceViewer!, 'locality=00103');
    expect(drill.body!.items.map((x) => x.id)).toEqual([a.id]);
  });

  it('requires a token on every route', async () => {
    for (const route of routes) {
      const res = await h.app.request(`/api/agreements${route.path(a.id)}`, { method: route.method });
      expect(res.status, route.name).toBe(401);
    }
    expect((await h.app.request('/api/agreements')).status).toBe(401);
    expect((await h.app.request('/api/agreements', { method: 'POST' })).status).toBe(401);
  });
});
