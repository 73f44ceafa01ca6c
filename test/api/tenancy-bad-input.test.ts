import { beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../shared/roles.js';
import { tenancyRoutePermissions } from '../../scripts/roles-doc.js';
import { harnessSuite } from '../support/harness.js';
import { expectFieldError, json, signUpBody } from '../support/tenancy.js';

/** Issue #3 done-when: bad input on every new route gets a problem+json 4xx naming the field. */
const headersFor: Partial<Record<Role, Record<string, string>>> = {};
const h = harnessSuite();

beforeAll(async () => {
  headersFor.province_admin = (await h.userToken({ role: 'province_admin', provinceCode: '01', localityCode: null })).headers;
  headersFor.locality_admin = (await h.userToken({ role: 'locality_admin', provinceCode: '01', localityCode: '00103' })).headers;
  headersFor.operator = (await h.userToken({ role: 'operator', provinceCode: null, localityCode: null })).headers;
});

const hash = 'a'.repeat(64);
const token = `01.003.${'A'.repeat(43)}`;
type Case = { route: string; as?: Role; path: string; init?: RequestInit; field: string; in: 'body' | 'query' | 'path' };
const cases: Case[] = [
  {
    route: 'POST /api/tenancy/signups',
    path: '/api/tenancy/signups',
    init: json({ ...signUpBody('01', '00070'), contactEmail: 'x@' }),
    field: 'contactEmail',
    in: 'body',
  },
  { route: 'GET /api/tenancy/signups', as: 'province_admin', path: '/api/tenancy/signups?status=waiting', field: 'status', in: 'query' },
  {
    route: 'POST /api/tenancy/signups/:localityCode/decision',
    as: 'province_admin',
    path: '/api/tenancy/signups/9/decision',
    init: json({ decision: 'approve', version: 1 }),
    field: 'localityCode',
    in: 'path',
  },
  {
    route: 'POST /api/tenancy/signups/:localityCode/decision',
    as: 'province_admin',
    path: '/api/tenancy/signups/00070/decision',
    init: json({ decision: 'reject', version: 1 }),
    field: 'reason',
    in: 'body',
  },
  { route: 'GET /api/tenancy/tenant', as: 'locality_admin', path: '/api/tenancy/tenant?locality=3', field: 'locality', in: 'query' },
  {
    route: 'POST /api/tenancy/provinces',
    as: 'operator',
    path: '/api/tenancy/provinces',
    init: json({ provinceCode: '01', adminEmail: 'a@b.vn', adminName: 'A' }),
    field: 'adminName',
    in: 'body',
  },
  { route: 'GET /api/tenancy/users', as: 'locality_admin', path: '/api/tenancy/users?locality=03', field: 'locality', in: 'query' },
  {
    route: 'POST /api/tenancy/invitations',
    as: 'locality_admin',
    path: '/api/tenancy/invitations',
    init: json({ email: 'a@b.vn', role: 'boss' }),
    field: 'role',
    in: 'body',
  },
  {
    route: 'POST /api/tenancy/invitations/:invitationId/revoke',
    as: 'locality_admin',
    path: `/api/tenancy/invitations/${hash.slice(1)}/revoke`,
    init: { method: 'POST' },
    field: 'invitationId',
    in: 'path',
  },
  {
    route: 'POST /api/tenancy/users/:userId/disable',
    as: 'locality_admin',
    path: '/api/tenancy/users/abc/disable',
    init: json({ version: 'one' }),
    field: 'version',
    in: 'body',
  },
  {
    route: 'POST /api/tenancy/users/:userId/disable',
    as: 'locality_admin',
    path: '/api/tenancy/users/a%23b/disable',
    init: json({ version: 1 }),
    field: 'userId',
    in: 'path',
  },
  {
    route: 'POST /api/tenancy/users/:userId/enable',
    as: 'locality_admin',
    path: '/api/tenancy/users/abc/enable',
    init: json({ version: 'one' }),
    field: 'version',
    in: 'body',
  },
  {
    route: 'POST /api/tenancy/invitations/:invitationId/reissue',
    as: 'locality_admin',
    path: `/api/tenancy/invitations/${hash.slice(1)}/reissue`,
    init: { method: 'POST' },
    field: 'invitationId',
    in: 'path',
  },
  {
    route: 'POST /api/tenancy/invitations/preview',
    path: '/api/tenancy/invitations/preview',
    init: json({ token: '01.003.short' }),
    field: 'token',
    in: 'body',
  },
  {
    route: 'POST /api/tenancy/invitations/accept',
    path: '/api/tenancy/invitations/accept',
    init: json({ token, name: 'Ai Đó', password: 'password' }),
    field: 'password',
    in: 'body',
  },
  {
    route: 'POST /api/tenancy/history/:localityCode/data-entry',
    as: 'province_admin',
    path: '/api/tenancy/history/003/data-entry',
    init: json({ open: 'yes' }),
    field: 'open',
    in: 'body',
  },
  {
    route: 'POST /api/tenancy/history/:localityCode/data-entry',
    as: 'province_admin',
    path: '/api/tenancy/history/3/data-entry',
    init: json({ open: true }),
    field: 'localityCode',
    in: 'path',
  },
  {
    route: 'POST /api/tenancy/history/provinces/:provinceCode/data-entry',
    as: 'province_admin',
    path: '/api/tenancy/history/provinces/6/data-entry',
    init: json({ open: true }),
    field: 'provinceCode',
    in: 'path',
  },
  { route: 'GET /api/tenancy/tenants', as: 'operator', path: '/api/tenancy/tenants?status=nope', field: 'status', in: 'query' },
  { route: 'GET /api/audit', as: 'locality_admin', path: '/api/audit?month=2026-1', field: 'month', in: 'query' },
];

describe('bad input on every tenancy route', () => {
  it('covers every route of the issue', () => {
    expect(new Set(cases.map((c) => c.route))).toEqual(new Set(tenancyRoutePermissions.map(([r]) => r)));
  });

  for (const c of cases) {
    it(`${c.route}: names "${c.field}" (${c.in})`, async () => {
      const init = c.init ?? {};
      const res = await h.app.request(c.path, { ...init, headers: { ...(init.headers as Record<string, string>), ...(c.as ? headersFor[c.as] : {}) } });
      const p = await expectFieldError(res, c.field, c.in);
      expect(p.type).toBe('urn:phoi-hop:problem:validation');
    });
  }

  it('answers a body that is not JSON with a 400 problem', async () => {
    const res = await h.app.request('/api/tenancy/signups', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"provinceCode":' });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/problem\+json/);
  });
});
