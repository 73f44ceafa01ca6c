import { beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../shared/roles.js';
import type { Tenant } from '../../shared/tenancy/schema.js';
import { ddbCost, harnessSuite } from '../support/harness.js';
import { expectFieldError, json, onboardDistrict, signUpBody } from '../support/tenancy.js';

/**
 * The operator's tenant list (`GET /api/tenancy/tenants`) beside its onboarding of provinces:
 * every tenant of the platform, paged across provinces, filtered by province and status; nobody
 * but an operator reads it.
 */
let op: Record<string, string>;
const h = harnessSuite({ now: () => new Date('2026-11-23T03:00:00Z') });

beforeAll(async () => {
  op = (await h.userToken({ role: 'operator', provinceCode: null, localityCode: null })).headers;
  await onboardDistrict(h, '01', '00070');
  await onboardDistrict(h, '01', '00103');
  await onboardDistrict(h, '19', '05443');
  expect((await h.app.request('/api/tenancy/signups', json(signUpBody('01', '00367')))).status).toBe(201);
  const province = await h.app.request('/api/tenancy/provinces', json({ provinceCode: '79', adminEmail: 'qt@tphcm.gov.vn', adminName: 'Trần Văn Bảy' }, op));
  expect(province.status).toBe(201);
});

type Page = { items: Tenant[]; nextCursor: string | null };
const list = async (query = '', headers = op) => {
  const res = await h.app.request(`/api/tenancy/tenants${query}`, { headers });
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as Page;
};
const ref = (t: Tenant) => `${t.provinceCode}/${t.localityCode ?? 'P'}:${t.status}`;

describe('operator: list tenants', () => {
  it('lists every tenant, province by province, then locality codes and the province itself', async () => {
    const page = await list();
    expect(page.items.map(ref)).toEqual(['01/00070:active', '01/00103:active', '01/00367:pending', '19/05443:active', '79/P:active']);
    expect(page.nextCursor).toBeNull();
    expect(page.items.find((t) => t.provinceCode === '79')).toMatchObject({ kind: 'province', name: 'Thành phố Hồ Chí Minh' });
  });

  it('pages with a cursor: the pages together are the whole list, each tenant once', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: Page = await list(`?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map(ref));
      cursor = page.nextCursor;
      pages++;
    } while (cursor && pages < 10);
    expect(seen).toEqual((await list()).items.map(ref));
    expect(pages).toBeGreaterThanOrEqual(3);
  });

  it('filters by province and by status, and pages within the filter', async () => {
    expect((await list('?province=01')).items.map(ref)).toEqual(['01/00070:active', '01/00103:active', '01/00367:pending']);
    expect((await list('?status=pending')).items.map(ref)).toEqual(['01/00367:pending']);
    expect((await list('?province=01&status=active')).items.map(ref)).toEqual(['01/00070:active', '01/00103:active']);
    expect((await list('?province=79&status=pending')).items).toEqual([]);
    const first = await list('?province=01&limit=1');
    expect(first.items.map(ref)).toEqual(['01/00070:active']);
    const second = await list(`?province=01&limit=1&cursor=${first.nextCursor}`);
    expect(second.items.map(ref)).toEqual(['01/00103:active']);
    // A 2025 province (Bắc Kạn, merged into Thái Nguyên) is a valid filter: its tenants keep their code.
    expect((await list('?province=06')).items).toEqual([]);
  });

  it('names a bad query parameter, and refuses a cursor of another list or a tampered one', async () => {
    await expectFieldError(await h.app.request('/api/tenancy/tenants?status=open', { headers: op }), 'status', 'query');
    await expectFieldError(await h.app.request('/api/tenancy/tenants?province=1', { headers: op }), 'province', 'query');
    await expectFieldError(await h.app.request('/api/tenancy/tenants?province=99', { headers: op }), 'province', 'query');
    await expectFieldError(await h.app.request('/api/tenancy/tenants?limit=0', { headers: op }), 'limit', 'query');
    const cursor = (await list('?province=01&limit=1')).nextCursor!;
    await expectFieldError(await h.app.request(`/api/tenancy/tenants?cursor=${cursor}`, { headers: op }), 'cursor', 'query');
    await expectFieldError(await h.app.request(`/api/tenancy/tenants?province=19&cursor=${cursor}`, { headers: op }), 'cursor', 'query');
    const decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { l: string; p: string; k: Record<string, string> };
    const tampered = Buffer.from(JSON.stringify({ ...decoded, k: { ...decoded.k, GSI1PK: '19#TENANTS' } })).toString('base64url');
    await expectFieldError(await h.app.request(`/api/tenancy/tenants?province=01&limit=1&cursor=${tampered}`, { headers: op }), 'cursor', 'query');
    await expectFieldError(await h.app.request('/api/tenancy/tenants?cursor=not-json', { headers: op }), 'cursor', 'query');
  });

  it('is for operators only: every other role gets 403 and reads nothing; no session gets 401', async () => {
    const others: [Role, string | null, string | null][] = [
      ['province_admin', '01', null],
      ['province_viewer', '01', null],
      ['locality_admin', '01', '00070'],
      ['locality_editor', '01', '00070'],
      ['locality_viewer', '01', '00070'],
    ];
    for (const [role, provinceCode, localityCode] of others) {
      const { headers } = await h.userToken({ role, provinceCode, localityCode });
      for (const query of ['', '?province=01', '?province=01&status=active']) {
        const res = await h.app.request(`/api/tenancy/tenants${query}`, { headers });
        expect(res.status, `${role} ${query}`).toBe(403);
        expect(ddbCost(res).items).toBe(0);
        expect(await res.text()).not.toContain('00070');
      }
      // …and cannot onboard a province either.
      const onboard = await h.app.request('/api/tenancy/provinces', json({ provinceCode: '80', adminEmail: 'b@x.vn', adminName: 'Ai Đó' }, headers));
      expect(onboard.status, role).toBe(403);
    }
    expect((await h.app.request('/api/tenancy/tenants')).status).toBe(401);
    expect((await list('?province=80')).items).toEqual([]);
  });
});
