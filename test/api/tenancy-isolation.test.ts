import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../shared/roles.js';
import { ddbCost, harnessSuite } from '../support/harness.js';
import { acceptInvitation, json, onboardDistrict } from '../support/tenancy.js';

/**
 * Isolation matrix (issue #3): every tenancy route × every role × a foreign tenant — another
 * district of the same province, a district of another province, province staff of another
 * province — answers 403/404 (400 for tampered input), reads zero items of the target tenant and
 * leaks nothing of it. Generated ids and path/query tampering included.
 *
 * Target tenant A = Tây Hồ (01/003). Foreign: B = Cầu Giấy (01/005), C = Thái Nguyên city (19/164),
 * province 19 staff.
 */
const _A = { provinceCode: '01', localityCode: '00103' };
const target = {
  adminId: '',
  editorId: '',
  invitationId: '',
  inviteToken: '',
  markers: [] as string[],
};
type Caller = { label: string; role: Role; provinceCode: string | null; localityCode: string | null; headers: Record<string, string> };
const callers: Caller[] = [];

const h = harnessSuite({ now: () => new Date('2026-11-23T03:00:00Z') });

beforeAll(async () => {
  const { token } = await onboardDistrict(h, '01', '00103', 'admin.a@tayho.test.vn');
  const admin = await acceptInvitation(h, token, 'Quản Trị Tây Hồ');
  target.adminId = admin.user.userId;
  const editorInv = (await (
    await h.app.request('/api/tenancy/invitations', json({ email: 'editor.a@tayho.test.vn', role: 'locality_editor' }, admin.headers))
  ).json()) as { token: string };
  target.editorId = (await acceptInvitation(h, editorInv.token, 'Biên Tập Tây Hồ')).user.userId;
  const pending = (await (
    await h.app.request('/api/tenancy/invitations', json({ email: 'pending.a@tayho.test.vn', role: 'locality_viewer' }, admin.headers))
  ).json()) as {
    token: string;
    invitation: { invitationId: string };
  };
  target.invitationId = pending.invitation.invitationId;
  target.inviteToken = pending.token;
  target.markers = [
    'admin.a@tayho.test.vn',
    'editor.a@tayho.test.vn',
    'pending.a@tayho.test.vn',
    'Quản Trị Tây Hồ',
    'Biên Tập Tây Hồ',
    'Tây Hồ',
    target.adminId,
    target.editorId,
    target.invitationId,
  ];
  // The foreign tenants exist and have data of their own.
  await onboardDistrict(h, '01', '00166', 'admin.b@caugiay.test.vn');
  await onboardDistrict(h, '19', '05443', 'admin.c@thainguyen.test.vn');
  // A pending sign-up in province 01 that foreign province staff must not decide.
  expect(
    (
      await h.app.request(
        '/api/tenancy/signups',
        json({ provinceCode: '01', localityCode: '00367', agency: 'UBND', contactName: 'Người Thanh Xuân', contactEmail: 'a@thanhxuan.test.vn' }),
      )
    ).status,
  ).toBe(201);

  const districtRoles: Role[] = ['locality_admin', 'locality_editor', 'locality_viewer'];
  for (const [label, provinceCode, localityCode] of [
    ['same province, other district', '01', '00166'],
    ['other province', '19', '05443'],
  ] as const) {
    for (const role of districtRoles) {
      const { headers } = await h.userToken({ role, provinceCode, localityCode });
      callers.push({ label: `${role} of ${label}`, role, provinceCode, localityCode, headers });
    }
  }
  for (const role of ['province_admin', 'province_viewer'] as const) {
    const { headers } = await h.userToken({ role, provinceCode: '19', localityCode: null });
    callers.push({ label: `${role} of other province`, role, provinceCode: '19', localityCode: null, headers });
  }
  const op = await h.userToken({ role: 'operator', provinceCode: null, localityCode: null });
  callers.push({ label: 'operator', role: 'operator', provinceCode: null, localityCode: null, headers: op.headers });
});

/** Nothing of tenant A in the answer, apart from what the caller itself put in the URL. */
async function expectNoLeak(res: Response, path: string) {
  const text = await res.text();
  for (const m of target.markers) {
    if (path.includes(encodeURIComponent(m)) || path.includes(m)) continue;
    expect(text, `leaked "${m}" via ${path}`).not.toContain(m);
  }
}

type Route = { name: string; request: (c: Caller) => [string, RequestInit?]; readsNothing: boolean };

/** Every tenancy route, aimed at tenant A's data by a caller of another tenant. */
const routes: Route[] = [
  { name: 'tenant profile with ?locality= of A', request: () => ['/api/tenancy/tenant?locality=00103'], readsNothing: true },
  { name: 'users of A', request: () => ['/api/tenancy/users?locality=00103'], readsNothing: true },
  {
    name: 'invite into A',
    request: (c) => [
      '/api/tenancy/invitations?locality=00103',
      json({ email: 'intruder@x.vn', role: c.role === 'province_admin' ? 'province_viewer' : 'locality_viewer' }),
    ],
    readsNothing: true,
  },
  { name: "disable A's user", request: () => [`/api/tenancy/users/${target.editorId}/disable`, json({ version: 1 })], readsNothing: true },
  { name: "revoke A's invitation", request: () => [`/api/tenancy/invitations/${target.invitationId}/revoke`, { method: 'POST' }], readsNothing: true },
  { name: "A's audit log", request: () => ['/api/audit?locality=00103&month=2026-11'], readsNothing: true },
  {
    name: "decide province 01's sign-up",
    request: () => ['/api/tenancy/signups/00367/decision', json({ decision: 'approve', version: 1 })],
    readsNothing: true,
  },
  { name: "A's predecessor district (history) with ?locality=003", request: () => ['/api/tenancy/tenant?locality=003'], readsNothing: true },
  { name: "open A's predecessor district for data entry", request: () => ['/api/tenancy/history/003/data-entry', json({ open: true })], readsNothing: true },
  { name: 'list sign-ups (own province only)', request: () => ['/api/tenancy/signups'], readsNothing: false },
];

describe('isolation matrix: route × role × foreign tenant', () => {
  it('refuses every route for every foreign caller, reading and leaking nothing of A', async () => {
    const outcomes: string[] = [];
    for (const route of routes) {
      for (const caller of callers) {
        const [path, init] = route.request(caller);
        const res = await h.app.request(path, { ...init, headers: { ...(init?.headers as Record<string, string>), ...caller.headers } });
        outcomes.push(`${route.name} | ${caller.label} → ${res.status}`);
        if (route.readsNothing) {
          expect([403, 404], `${route.name} by ${caller.label}`).toContain(res.status);
          expect(ddbCost(res).items, `${route.name} by ${caller.label} read items`).toBe(0);
        } else if (res.status === 200) {
          // Province 19's admin lists its own province: 19/164 only.
          const body = (await res.clone().json()) as { items: { provinceCode: string }[] };
          expect(body.items.every((t) => t.provinceCode === caller.provinceCode)).toBe(true);
        } else {
          expect(res.status).toBe(403);
        }
        await expectNoLeak(res, path);
      }
    }
    expect(outcomes).toHaveLength(routes.length * callers.length);
  });

  it('answers public invitation routes only for the exact token: a token moved to another tenant finds nothing', async () => {
    const secret = target.inviteToken.split('.')[2]!;
    for (const moved of [`01.005.${secret}`, `19.164.${secret}`, `01.P.${secret}`, `19.P.${secret}`]) {
      for (const route of ['preview', 'accept']) {
        const res = await h.app.request(
          `/api/tenancy/invitations/${route}`,
          json(route === 'preview' ? { token: moved } : { token: moved, name: 'Kẻ Lạ', password: 'MatKhau@2026' }),
        );
        expect(res.status).toBe(404);
        expect(ddbCost(res).items).toBe(0);
        await expectNoLeak(res, '');
      }
    }
  });

  it('leaves tenant A exactly as it was', async () => {
    const admin = h.idp.findUser('admin.a@tayho.test.vn')!;
    const headers = { authorization: `Bearer ${await h.idp.issueIdToken(admin)}` };
    const body = (await (await h.app.request('/api/tenancy/users', { headers })).json()) as {
      users: { status: string }[];
      invitations: { invitationId: string }[];
    };
    expect(body.users.map((u) => u.status)).toEqual(['active', 'active']);
    expect(body.invitations.map((i) => i.invitationId)).toEqual([target.invitationId]);
    const audit = (await (await h.app.request('/api/audit?month=2026-11', { headers })).json()) as { items: { action: string; actor: { email: string } }[] };
    expect(audit.items.every((e) => !e.actor.email.includes('intruder'))).toBe(true);
    expect(audit.items.map((e) => e.action).sort()).toEqual(['accept', 'accept', 'approve', 'invite', 'invite', 'invite', 'sign-up']);
    expect(h.idp.findUser('editor.a@tayho.test.vn')?.disabled).toBeFalsy();
  });
});

describe('generated ids and tampering (fast-check)', () => {
  const neighbourAdmin = () => callers.find((c) => c.role === 'locality_admin' && c.localityCode === '00166')!;
  const foreignProvinceAdmin = () => callers.find((c) => c.role === 'province_admin')!;
  const tampered = fc.oneof(
    fc.string({ maxLength: 40 }),
    fc.constantFrom('..%2F003', '..%2F..%2F01%23003%23USERS', '003%23', '003#', '01#003', '%00', '003%2F', '../003', '00', '0003', ' 003', '003 '),
    fc.stringMatching(/^\d{3}$/),
  );

  it('never lets a generated or tampered user id reach another tenant', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.uuid(), fc.string({ minLength: 1, maxLength: 70 }), fc.constant(target.editorId), fc.constant(`${target.editorId}%23`)),
        async (id) => {
          const path = `/api/tenancy/users/${id.includes('%') ? id : encodeURIComponent(id)}/disable`;
          const res = await h.app.request(path, json({ version: 1 }, neighbourAdmin().headers));
          expect([400, 404]).toContain(res.status);
          expect(ddbCost(res).items).toBe(0);
          await expectNoLeak(res, path);
        },
      ),
      { numRuns: 60 },
    );
    expect(h.idp.findUser('editor.a@tayho.test.vn')?.disabled).toBeFalsy();
  });

  it('never lets a generated invitation id or token reach another tenant', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.stringMatching(/^[0-9a-f]{64}$/), fc.string({ maxLength: 70 }), fc.constant(target.invitationId)), async (id) => {
        const path = `/api/tenancy/invitations/${encodeURIComponent(id)}/revoke`;
        const res = await h.app.request(path, { method: 'POST', headers: neighbourAdmin().headers });
        expect([400, 404]).toContain(res.status);
        expect(ddbCost(res).items).toBe(0);
      }),
      { numRuns: 60 },
    );
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('01', '19', '79'),
        fc.constantFrom('00103', '00166', '05443', 'P', '000'),
        fc.stringMatching(/^[A-Za-z0-9_-]{43}$/),
        async (p, d, secret) => {
          const res = await h.app.request('/api/tenancy/invitations/preview', json({ token: `${p}.${d}.${secret}` }));
          expect(res.status).toBe(404);
          expect(ddbCost(res).items).toBe(0);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('answers tampered ?locality= and path codes with 400/404, never with another tenant', async () => {
    await fc.assert(
      fc.asyncProperty(tampered, async (code) => {
        const q = code.includes('%') ? code : encodeURIComponent(code);
        const own = code === '00166' || code === '';
        for (const path of [`/api/tenancy/tenant?locality=${q}`, `/api/tenancy/users?locality=${q}`, `/api/audit?month=2026-11&locality=${q}`]) {
          const res = await h.app.request(path, { headers: neighbourAdmin().headers });
          if (own) {
            expect([200, 400, 404]).toContain(res.status); // own district (or none): its own data only
          } else {
            expect([400, 404]).toContain(res.status);
            expect(ddbCost(res).items).toBe(0);
          }
          await expectNoLeak(res, path);
        }
        const decision = `/api/tenancy/signups/${q}/decision`;
        const res = await h.app.request(decision, json({ decision: 'approve', version: 1 }, foreignProvinceAdmin().headers));
        expect([400, 404]).toContain(res.status);
        expect(ddbCost(res).items).toBe(0);
      }),
      { numRuns: 50 },
    );
  });
});
