import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../functions/app.js';
import { USER_STATUS_TTL_MS } from '../../functions/auth/user-status.js';
import type { InvitationCreated, User } from '../../shared/users/schema.js';
import { harnessSuite } from '../support/harness.js';
import { acceptInvitation, json, onboardDistrict } from '../support/tenancy.js';

/** Disabling reaches tokens already issued within 5 minutes; users are re-enabled; invitation links are re-issued. */

let now = new Date('2026-11-30T02:00:00Z');
let admin: Record<string, string>;
let editor: { user: { userId: string; email: string }; headers: Record<string, string> };

const h = harnessSuite({ now: () => now });

beforeAll(async () => {
  const { token } = await onboardDistrict(h, '01', '00004', 'vanphong@phucxa.gov.vn');
  admin = (await acceptInvitation(h, token, 'Quản Trị Phúc Xá')).headers;
  editor = await acceptInvitation(h, (await invite('bientap@phucxa.gov.vn')).token, 'Biên Tập Viên');
});

async function invite(email: string): Promise<InvitationCreated> {
  const res = await h.app.request('/api/tenancy/invitations', json({ email, role: 'locality_editor' }, admin));
  expect(res.status, await res.clone().text()).toBe(201);
  return (await res.json()) as InvitationCreated;
}
const versionOf = async (userId: string) => {
  const page = (await (await h.app.request('/api/tenancy/users', { headers: admin })).json()) as { users: User[] };
  return page.users.find((u) => u.userId === userId)!.version;
};
const setStatus = async (action: 'disable' | 'enable', version: number, app = h.app) =>
  app.request(`/api/tenancy/users/${editor.user.userId}/${action}`, json({ version }, admin));

describe('disabling a user whose token was already issued', () => {
  it('refuses the token at once on the function that disabled it, within 5 minutes on any other, with one status read per user per 5 minutes', async () => {
    // A second warm function: same table, its own cache.
    const other = createApp({ ...h.deps });
    let reads = 0;
    const onOther = async () => {
      const res = await other.request('/api/agreements', { headers: editor.headers });
      reads += Number(res.headers.get('x-auth-reads') ?? 0);
      return res.status;
    };
    for (let i = 0; i < 10; i++) expect(await onOther()).toBe(200);
    expect(reads).toBe(1); // cost: one GetItem for ten requests within 5 minutes

    const res = await setStatus('disable', await versionOf(editor.user.userId));
    expect(res.status, await res.clone().text()).toBe(200);
    expect(res.headers.get('etag')).toBe('"2"');
    expect((await h.app.request('/api/agreements', { headers: editor.headers })).status).toBe(401);

    now = new Date(now.getTime() + USER_STATUS_TTL_MS - 1000);
    expect(await onOther()).toBe(200); // still cached on the other function, at most 5 minutes
    now = new Date(now.getTime() + 1000);
    expect(await onOther()).toBe(401);
    expect(reads).toBe(2);
  });

  it('re-enables the user: the same token works again, the audit says so, and a stale version or an active user is a 409', async () => {
    expect((await setStatus('enable', 1)).status).toBe(409);
    const res = await setStatus('enable', 2);
    expect(res.status, await res.clone().text()).toBe(200);
    expect(((await res.json()) as { user: User }).user).toMatchObject({ status: 'active', version: 3 });
    expect((await h.app.request('/api/agreements', { headers: editor.headers })).status).toBe(200);
    expect((await setStatus('enable', 3)).status).toBe(409);
    expect(h.idp.findUser(editor.user.email)?.disabled).toBe(false);
    const audit = (await (await h.app.request('/api/audit?month=2026-11&action=enable', { headers: admin })).json()) as { items: { action: string }[] };
    expect(audit.items.map((a) => a.action)).toEqual(['enable']);
  });

  it('lets no one else enable or disable: another tenant gets 404, an editor 403', async () => {
    const { token } = await onboardDistrict(h, '01', '00103', 'vanphong@tayho.gov.vn');
    const otherAdmin = (await acceptInvitation(h, token, 'Quản Trị Tây Hồ')).headers;
    const path = `/api/tenancy/users/${editor.user.userId}/enable`;
    expect((await h.app.request(path, json({ version: 3 }, otherAdmin))).status).toBe(404);
    expect((await h.app.request(path, json({ version: 3 }, editor.headers))).status).toBe(403);
  });
});

describe('re-issuing an invitation', () => {
  it('gives a new link with a new expiry; the old link stops working; the new one is accepted once', async () => {
    const first = await invite('moi.lai@phucxa.gov.vn');
    now = new Date(now.getTime() + 8 * 24 * 3600_000); // past the first link's expiry
    expect((await h.app.request('/api/tenancy/invitations/preview', json({ token: first.token }))).status).toBe(404);
    const res = await h.app.request(`/api/tenancy/invitations/${first.invitation.invitationId}/reissue`, json({}, admin));
    expect(res.status, await res.clone().text()).toBe(201);
    const second = (await res.json()) as InvitationCreated;
    expect(second.token).not.toBe(first.token);
    expect(second.link).toContain(second.token);
    expect(new Date(second.invitation.expiresAt).getTime()).toBeGreaterThan(now.getTime());
    expect((await h.app.request('/api/tenancy/invitations/preview', json({ token: first.token }))).status).toBe(404);
    expect((await h.app.request(`/api/tenancy/invitations/${first.invitation.invitationId}/reissue`, json({}, admin))).status).toBe(404);
    await acceptInvitation(h, second.token, 'Người Được Mời Lại');
    expect((await h.app.request(`/api/tenancy/invitations/${second.invitation.invitationId}/reissue`, json({}, admin))).status).toBe(404);
  });

  it('is refused for another tenant’s invitation (404) and for an editor (403)', async () => {
    const inv = await invite('khac@phucxa.gov.vn');
    const { token } = await onboardDistrict(h, '01', '00008', 'vanphong@quanthanh.gov.vn');
    const otherAdmin = (await acceptInvitation(h, token, 'Quản Trị Quán Thánh')).headers;
    const path = `/api/tenancy/invitations/${inv.invitation.invitationId}/reissue`;
    expect((await h.app.request(path, json({}, otherAdmin))).status).toBe(404);
    expect((await h.app.request(path, json({}, editor.headers))).status).toBe(403);
    expect((await h.app.request('/api/tenancy/invitations/preview', json({ token: inv.token }))).status).toBe(200);
  });
});
