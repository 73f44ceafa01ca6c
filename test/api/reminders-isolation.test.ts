import { beforeAll, describe, expect, it } from 'vitest';
import { putNotification } from '../../functions/reminders/notify.js';
import { MeteredStore } from '../../functions/store/metered-store.js';
import { agreementsClient, programBody, type Headers } from '../support/agreements.js';
import { harnessSuite } from '../support/harness.js';
import { notificationsOf, tenantUser, unreadCount } from '../support/reminders.js';
import { expectFieldError } from '../support/tenancy.js';

/** Notifications, preferences and follows: bad input, and no tenant (or user) reaching another's. */

let ward: { headers: Headers; userId: string };
let colleague: { headers: Headers; userId: string };
let otherWard: { headers: Headers; userId: string };
let hanoiStaff: { headers: Headers; userId: string };
let agreementId = '';

const tayHo = { provinceCode: '01', localityCode: '00103' };

const h = harnessSuite({ now: () => new Date('2026-06-25T03:00:00Z') });

beforeAll(async () => {
  ward = await tenantUser(h, { role: 'locality_editor', ...tayHo, agency: 'UBND' });
  colleague = await tenantUser(h, { role: 'locality_viewer', ...tayHo, agency: 'UBND' });
  otherWard = await tenantUser(h, { role: 'locality_admin', provinceCode: '01', localityCode: '00602', agency: 'UBND' });
  hanoiStaff = await tenantUser(h, { role: 'province_viewer', provinceCode: '01', localityCode: null });
  const parties = [
    { agency: 'HDND' as const, name: 'Thường trực HĐND phường Tây Hồ' },
    { agency: 'UBND' as const, name: 'UBND phường Tây Hồ' },
  ];
  agreementId = (await agreementsClient(h).create(ward.headers, programBody({ year: 2026, parties, items: [{ title: 'Một nội dung' }] }))).id;
  const store = new MeteredStore(h.doc, h.tableName);
  const base = { kind: 'item-due' as const, stage: 'soon' as const, due: '2026-06-30', context: 'CT 2026', link: `/agreements/${agreementId}` };
  for (let i = 0; i < 3; i++) {
    await putNotification(
      store,
      { tenant: '01#00103', userId: ward.userId },
      { ...base, id: `r_ward000000000000${i}`, label: `Việc ${i}` },
      new Date(`2026-06-2${i}T00:00:00Z`),
    );
  }
  await putNotification(store, { tenant: '01#00602', userId: otherWard.userId }, { ...base, id: 'r_other0000000000', label: 'Việc khác' }, new Date());
});

const req = (path: string, headers: Headers, init: RequestInit = {}) =>
  h.app.request(`/api/notifications${path}`, { ...init, headers: { ...headers, ...(init.body ? { 'content-type': 'application/json' } : {}) } });

describe('notifications of one user', () => {
  it('lists newest first, pages with a cursor of that user only, counts unread, marks read', async () => {
    const first = await notificationsOf(h, ward.headers, 'limit=2');
    expect(first.items.map((n) => n.label)).toEqual(['Việc 2', 'Việc 1']);
    expect(first.nextCursor).not.toBeNull();
    const rest = await notificationsOf(h, ward.headers, `limit=2&cursor=${first.nextCursor}`);
    expect(rest.items.map((n) => n.label)).toEqual(['Việc 0']);
    // The same cursor is another user's list for a colleague of the same tenant: refused.
    await expectFieldError(await req(`?cursor=${first.nextCursor}`, colleague.headers), 'cursor', 'query');
    expect(await unreadCount(h, ward.headers)).toEqual({ count: 3, more: false });
    expect((await req('/r_ward0000000000001/read', ward.headers, { method: 'POST' })).status).toBe(204);
    expect(await unreadCount(h, ward.headers)).toEqual({ count: 2, more: false });
    expect((await notificationsOf(h, ward.headers, 'unread=true')).items.map((n) => n.label)).toEqual(['Việc 2', 'Việc 0']);
    const all = await req('/read-all', ward.headers, { method: 'POST' });
    expect(await all.json()).toEqual({ marked: 2, more: false });
    expect(await unreadCount(h, ward.headers)).toEqual({ count: 0, more: false });
  });

  it("never reaches another user's or tenant's notification", async () => {
    expect((await req('/r_other0000000000/read', ward.headers, { method: 'POST' })).status).toBe(404);
    expect((await req('/r_ward0000000000002/read', colleague.headers, { method: 'POST' })).status).toBe(404);
    expect((await req('/r_ward0000000000002/read', otherWard.headers, { method: 'POST' })).status).toBe(404);
    expect((await notificationsOf(h, otherWard.headers)).items.map((n) => n.label)).toEqual(['Việc khác']);
    expect((await notificationsOf(h, colleague.headers)).items).toEqual([]);
    expect(h.fenceViolations()).toEqual([]);
  });

  it('refuses bad input with the field named', async () => {
    await expectFieldError(await req('/preferences', ward.headers, { method: 'PUT', body: JSON.stringify({ digest: 'yes', email: {} }) }), 'digest');
    await expectFieldError(
      await req('/preferences', ward.headers, { method: 'PUT', body: JSON.stringify({ digest: true, email: { spam: true } }) }),
      'email.spam',
    );
    await expectFieldError(await req('/not-an-id/read', ward.headers, { method: 'POST' }), 'id', 'path');
    await expectFieldError(await req('?kind=nope', ward.headers), 'kind', 'query');
    await expectFieldError(await req('/follows/tenant/x', ward.headers), 'type', 'path');
  });

  it('keeps per-kind e-mail preferences', async () => {
    expect(await (await req('/preferences', ward.headers)).json()).toEqual({ digest: true, email: {} });
    const body = { digest: true, email: { 'item-due': false, 'agreement-signed': true } };
    expect((await req('/preferences', ward.headers, { method: 'PUT', body: JSON.stringify(body) })).status).toBe(200);
    expect(await (await req('/preferences', ward.headers)).json()).toEqual(body);
    expect(await (await req('/preferences', colleague.headers)).json()).toEqual({ digest: true, email: {} });
  });
});

describe('follows', () => {
  it("follow an agreement of one's own tenant only; a viewer may follow", async () => {
    expect((await req(`/follows/agreement/${agreementId}`, colleague.headers, { method: 'PUT' })).status).toBe(200);
    expect(await (await req(`/follows/agreement/${agreementId}`, ward.headers)).json()).toEqual({ following: false, followers: 1 });
    for (const method of ['GET', 'PUT', 'DELETE']) {
      expect((await req(`/follows/agreement/${agreementId}`, otherWard.headers, { method })).status).toBe(404);
      expect((await req(`/follows/agreement/${agreementId}`, hanoiStaff.headers, { method })).status).toBe(404);
    }
    expect((await req('/follows/plan/01JZZZZZZZZZZZZZZZZZZZZZZZ', ward.headers, { method: 'PUT' })).status).toBe(404);
    expect(h.fenceViolations()).toEqual([]);
  });

  it('province staff follow a locality of their province; nobody else does', async () => {
    expect((await req('/follows/locality/00103', hanoiStaff.headers, { method: 'PUT' })).status).toBe(200);
    expect(await (await req('/follows/locality/00103', hanoiStaff.headers)).json()).toEqual({ following: true, followers: 1 });
    expect((await req('/follows/locality/19333', hanoiStaff.headers, { method: 'PUT' })).status).toBe(404); // not in Hà Nội
    expect((await req('/follows/locality/00103', ward.headers, { method: 'PUT' })).status).toBe(404);
    expect(h.fenceViolations()).toEqual([]);
  });

  it('an operator has no notifications', async () => {
    const op = await h.userToken({ role: 'operator', provinceCode: null, localityCode: null });
    expect((await req('', op.headers)).status).toBe(403);
  });
});

describe('sign-ups and invitations in the due index', () => {
  it('reminds the province admins of a pending sign-up until they decide, and a tenant admin of an invitation about to expire', async () => {
    const { json } = await import('../support/tenancy.js');
    const { runJob } = await import('../support/reminders.js');
    const hanoiAdmin = await tenantUser(h, { role: 'province_admin', provinceCode: '01', localityCode: null });
    h.setClock(() => new Date('2026-06-25T03:00:00Z'));
    const signUp = await h.app.request(
      '/api/tenancy/signups',
      json({ provinceCode: '01', localityCode: '00004', agency: 'Văn phòng HĐND và UBND', contactName: 'Nguyễn Văn An', contactEmail: 'lienhe@bacha.test' }),
    );
    expect(signUp.status, await signUp.clone().text()).toBe(201);
    const wardAdmin = await tenantUser(h, { role: 'locality_admin', ...tayHo, agency: 'HĐND' });
    const invite = await h.app.request('/api/tenancy/invitations', json({ email: 'moi@phuongtayho.test', role: 'locality_viewer' }, wardAdmin.headers));
    expect(invite.status, await invite.clone().text()).toBe(201);

    // 26/06: the sign-up is within its 3 days; the invitation (7 days) is not yet within 48 h.
    await runJob(h, new Date('2026-06-26T00:00:00Z'), ['01']);
    expect((await notificationsOf(h, hanoiAdmin.headers)).items.map((n) => `${n.kind}:${n.stage}`)).toEqual(['signup-pending:soon']);
    expect((await notificationsOf(h, wardAdmin.headers)).items).toEqual([]);
    // 01/07: the invitation expires on 02/07 → within 48 h.
    await runJob(h, new Date('2026-07-01T00:00:00Z'), ['01']);
    expect((await notificationsOf(h, wardAdmin.headers)).items.map((n) => `${n.kind}:${n.stage}:${n.label}`)).toEqual([
      'invitation-expiring:soon:moi@phuongtayho.test',
    ]);
    const decided = await h.app.request(
      '/api/tenancy/signups/00004/decision',
      json({ decision: 'reject', reason: 'Thử nghiệm', version: 1 }, hanoiAdmin.headers),
    );
    expect(decided.status, await decided.clone().text()).toBe(200);
    const after = await runJob(h, new Date('2026-07-02T00:00:00Z'), ['01']);
    // The decided sign-up is gone from the index; the invitation's "today" stage is the only new reminder…
    // …to the ward's admin and to the province staff who follow the ward (followed above).
    const told = [...after.report.perUser.values()].map((u) => `${u.recipient.userId}:${u.items.map((n) => `${n.kind}:${n.stage}`).join()}`);
    expect(told.sort()).toEqual([`${hanoiStaff.userId}:invitation-expiring:today`, `${wardAdmin.userId}:invitation-expiring:today`].sort());
    expect(h.fenceViolations()).toEqual([]);
  });
});
