import { describe, expect, it } from 'vitest';
import type { Invitation, User } from '../../shared/users/schema.js';
import { ddbCost, harnessSuite } from '../support/harness.js';
import { acceptInvitation, expectFieldError, json, onboardDistrict, problemOf } from '../support/tenancy.js';

let now = new Date('2026-11-23T03:00:00Z');
const h = harnessSuite({ now: () => now });

type Created = { token: string; link: string; invitation: Invitation };

describe('first admin: invitation from the approval', () => {
  let admin: Awaited<ReturnType<typeof acceptInvitation>>;
  let firstToken: string;

  it('previews the invitation publicly, then accepts it: the user can sign in with the claims of the tenant', async () => {
    const { token } = await onboardDistrict(h, '01', '00145', 'Chanh.VanPhong@LongBien.gov.vn');
    firstToken = token;
    const preview = await h.app.request('/api/tenancy/invitations/preview', json({ token }));
    expect(preview.status).toBe(200);
    expect(ddbCost(preview).requests).toBe(1);
    expect(await preview.json()).toMatchObject({
      email: 'chanh.vanphong@longbien.gov.vn',
      role: 'locality_admin',
      tenant: { provinceCode: '01', localityCode: '00145', name: 'Phường Long Biên', provinceName: 'Thành phố Hà Nội' },
    });

    await expectFieldError(await h.app.request('/api/tenancy/invitations/accept', json({ token, name: 'Chánh Văn Phòng', password: 'ngan' })), 'password');
    await expectFieldError(
      await h.app.request('/api/tenancy/invitations/accept', json({ token, name: 'Chánh Văn Phòng', password: 'khongcochuhoa1!' })),
      'password',
    );
    await expectFieldError(await h.app.request('/api/tenancy/invitations/accept', json({ token, password: 'MatKhau@2026' })), 'name');
    await expectFieldError(
      await h.app.request('/api/tenancy/invitations/accept', json({ token: 'abc', name: 'Chánh Văn Phòng', password: 'MatKhau@2026' })),
      'token',
    );

    admin = await acceptInvitation(h, token, 'Chánh Văn Phòng', 'MatKhau@2026');
    // The local issuer now signs this user in with the tenant and role as claims.
    const signedIn = await h.idp.checkPassword('chanh.vanphong@longbien.gov.vn', 'MatKhau@2026');
    expect(signedIn).toMatchObject({ role: 'locality_admin', provinceCode: '01', localityCode: '00145', name: 'Chánh Văn Phòng' });
    const me = await h.app.request('/api/me', { headers: admin.headers });
    expect(((await me.json()) as { identity: unknown }).identity).toMatchObject({ role: 'locality_admin', provinceCode: '01', localityCode: '00145' });
  });

  it('cannot use an invitation twice', async () => {
    const again = await h.app.request('/api/tenancy/invitations/accept', json({ token: firstToken, name: 'Kẻ Khác', password: 'MatKhau@2027' }));
    expect(again.status).toBe(404);
    expect((await problemOf(again)).detail_vi).toContain('Lời mời không tồn tại, đã được dùng');
    expect((await h.app.request('/api/tenancy/invitations/preview', json({ token: firstToken }))).status).toBe(404);
  });

  it('shows the new, empty district: one user, no invitations, one request', async () => {
    const res = await h.app.request('/api/tenancy/users', { headers: admin.headers });
    expect(res.status).toBe(200);
    expect(ddbCost(res).requests).toBe(1);
    const body = (await res.json()) as { users: User[]; invitations: Invitation[]; grantableRoles: string[]; tenant: { name: string } };
    expect(body.tenant.name).toBe('Phường Long Biên');
    expect(body.users).toEqual([
      expect.objectContaining({ email: 'chanh.vanphong@longbien.gov.vn', role: 'locality_admin', status: 'active', name: 'Chánh Văn Phòng' }),
    ]);
    expect(body.invitations).toEqual([]);
    expect(body.grantableRoles).toEqual(['locality_admin', 'locality_editor', 'locality_viewer']);
  });

  it('invites an editor: link returned, duplicates refused, bad input named', async () => {
    const invite = (body: unknown) => h.app.request('/api/tenancy/invitations', json(body, admin.headers));
    const res = await invite({ email: 'BienTap@LongBien.gov.vn', name: 'Lê Biên Tập', role: 'locality_editor', agency: 'UBND' });
    expect(res.status).toBe(201);
    const created = (await res.json()) as Created;
    expect(created.link).toBe(`/invitation#${created.token}`);
    expect(created.invitation).toMatchObject({ email: 'bientap@longbien.gov.vn', role: 'locality_editor', status: 'pending', expired: false });
    expect(ddbCost(res).requests).toBe(2);

    expect((await invite({ email: 'bientap@longbien.gov.vn', role: 'locality_viewer' })).status).toBe(409);
    expect((await invite({ email: 'chanh.vanphong@longbien.gov.vn', role: 'locality_viewer' })).status).toBe(409);
    const p = await expectFieldError(await invite({ email: 'x@longbien.gov.vn', role: 'province_admin' }), 'role');
    expect(p.errors![0]!.message_vi).toContain('Quản trị đơn vị cấp xã');
    await expectFieldError(await invite({ email: 'x@longbien.gov.vn', role: 'chief' }), 'role');
    await expectFieldError(await invite({ email: 'x', role: 'locality_viewer' }), 'email');
    await expectFieldError(await invite({ email: 'x@longbien.gov.vn', role: 'locality_viewer', name: '' }), 'name');
    // The tenant is never taken from the body.
    await expectFieldError(await invite({ email: 'x@longbien.gov.vn', role: 'locality_viewer', localityCode: '00103' }), 'localityCode');

    const editor = await acceptInvitation(h, created.token, 'Lê Biên Tập');
    expect(h.idp.findUser('bientap@longbien.gov.vn')).toMatchObject({ role: 'locality_editor', localityCode: '00145', agency: 'UBND' });
    // Editors do not manage users.
    expect((await h.app.request('/api/tenancy/users', { headers: editor.headers })).status).toBe(403);
    expect((await h.app.request('/api/tenancy/invitations', json({ email: 'y@x.vn', role: 'locality_viewer' }, editor.headers))).status).toBe(403);
  });

  it('expires invitations by the clock (TTL is only a clean-up) and lets the admin revoke', async () => {
    const res = await h.app.request('/api/tenancy/invitations', json({ email: 'xem@longbien.gov.vn', role: 'locality_viewer' }, admin.headers));
    const created = (await res.json()) as Created;
    const revokeMe = (await (
      await h.app.request('/api/tenancy/invitations', json({ email: 'thuhoi@longbien.gov.vn', role: 'locality_viewer' }, admin.headers))
    ).json()) as Created;

    const revoke = await h.app.request(`/api/tenancy/invitations/${revokeMe.invitation.invitationId}/revoke`, { method: 'POST', headers: admin.headers });
    expect(revoke.status).toBe(200);
    expect(
      (await h.app.request(`/api/tenancy/invitations/${revokeMe.invitation.invitationId}/revoke`, { method: 'POST', headers: admin.headers })).status,
    ).toBe(404);
    expect((await h.app.request('/api/tenancy/invitations/preview', json({ token: revokeMe.token }))).status).toBe(404);
    await expectFieldError(await h.app.request('/api/tenancy/invitations/abc/revoke', { method: 'POST', headers: admin.headers }), 'invitationId', 'path');

    now = new Date('2026-11-30T03:00:01Z'); // 7 days and a second later
    const list = (await (await h.app.request('/api/tenancy/users', { headers: admin.headers })).json()) as { invitations: Invitation[] };
    expect(list.invitations.map((i) => [i.email, i.expired])).toEqual([['xem@longbien.gov.vn', true]]);
    const late = await h.app.request('/api/tenancy/invitations/accept', json({ token: created.token, name: 'Người Xem', password: 'MatKhau@2026' }));
    expect(late.status).toBe(404);
    expect(h.idp.findUser('xem@longbien.gov.vn')).toBeUndefined();
    // An expired invitation no longer blocks a new one for the same email.
    expect((await h.app.request('/api/tenancy/invitations', json({ email: 'xem@longbien.gov.vn', role: 'locality_viewer' }, admin.headers))).status).toBe(201);
    now = new Date('2026-11-23T04:00:00Z');
  });

  it('disables a user: sign-in is refused, the record and the audit say so; stale versions get 409', async () => {
    const list = (await (await h.app.request('/api/tenancy/users', { headers: admin.headers })).json()) as { users: User[] };
    const editor = list.users.find((u) => u.role === 'locality_editor')!;
    const disable = (userId: string, body: unknown) => h.app.request(`/api/tenancy/users/${userId}/disable`, json(body, admin.headers));
    await expectFieldError(await disable(editor.userId, {}), 'version');
    await expectFieldError(await disable('..%2F..%2Fx', { version: 1 }), 'userId', 'path');
    expect((await disable(editor.userId, { version: 5 })).status).toBe(409);
    expect((await disable(admin.user.userId, { version: 1 })).status).toBe(409);
    const res = await disable(editor.userId, { version: 1 });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { user: User }).user).toMatchObject({ status: 'disabled', version: 2 });
    expect(await h.idp.checkPassword('bientap@longbien.gov.vn', 'MatKhau@2026')).toBeNull();
    expect((await disable(editor.userId, { version: 2 })).status).toBe(409);

    const audit = await h.app.request('/api/audit?month=2026-11&action=disable', { headers: admin.headers });
    const events = ((await audit.json()) as { items: { target: { id: string }; changes: Record<string, unknown> }[] }).items;
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ target: { id: editor.userId }, changes: { status: { before: 'active', after: 'disabled' } } });
  });

  it('refuses a second account for an email that already signed in elsewhere (the directory is global)', async () => {
    const other = await onboardDistrict(h, '01', '00256', 'chanh.vanphong@longbien.gov.vn');
    const res = await h.app.request('/api/tenancy/invitations/accept', json({ token: other.token, name: 'Trùng Thư', password: 'MatKhau@2026' }));
    expect(res.status).toBe(409);
    expect((await problemOf(res)).detail_vi).toContain('Đã có tài khoản');
    // The invitation stays usable once the clash is resolved; the existing user is untouched.
    expect(h.idp.findUser('chanh.vanphong@longbien.gov.vn')).toMatchObject({ localityCode: '00145' });
    expect((await h.app.request('/api/tenancy/invitations/preview', json({ token: other.token }))).status).toBe(200);
  });

  it('lets a province admin invite province roles only', async () => {
    const pa = await h.userToken({ role: 'province_admin', provinceCode: '01', localityCode: null });
    const invite = (body: unknown) => h.app.request('/api/tenancy/invitations', json(body, pa.headers));
    expect((await invite({ email: 'xem.tinh@hanoi.gov.vn', role: 'province_viewer' })).status).toBe(201);
    await expectFieldError(await invite({ email: 'x@hanoi.gov.vn', role: 'locality_editor' }), 'role');
    const created = (await (await invite({ email: 'qt2@hanoi.gov.vn', role: 'province_admin' })).json()) as Created;
    expect(created.token).toMatch(/^01\.P\./);
    const u = await acceptInvitation(h, created.token, 'Quản Trị Hai');
    const me = (await (await h.app.request('/api/me', { headers: u.headers })).json()) as { identity: unknown };
    expect(me.identity).toMatchObject({ role: 'province_admin', provinceCode: '01', localityCode: null });
  });
});
