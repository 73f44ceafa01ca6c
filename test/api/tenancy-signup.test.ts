import { describe, expect, it } from 'vitest';
import type { Tenant } from '../../shared/tenancy/schema.js';
import { ddbCost, harnessSuite } from '../support/harness.js';
import { expectFieldError, json, problemOf, signUpBody } from '../support/tenancy.js';

const h = harnessSuite({ now: () => new Date('2026-11-23T03:00:00Z') });

const signUp = (body: unknown) => h.app.request('/api/tenancy/signups', json(body));

async function auditOf(pk: string) {
  const res = await h.doc.send(
    new (await import('@aws-sdk/lib-dynamodb')).QueryCommand({
      TableName: h.tableName,
      KeyConditionExpression: 'PK = :pk',
      ExpressionAttributeValues: { ':pk': pk },
    }),
  );
  return res.Items ?? [];
}

describe('district sign-up (public)', () => {
  it('creates the tenant pending with its audit record, in one transaction', async () => {
    const res = await signUp(signUpBody('01', '00070', 'VanPhong.HoanKiem@HaNoi.gov.vn'));
    expect(res.status).toBe(201);
    const body = (await res.json()) as { tenant: { name: string; status: string; provinceName: string } };
    expect(body.tenant).toMatchObject({ name: 'Phường Hoàn Kiếm', provinceName: 'Thành phố Hà Nội', status: 'pending' });
    expect(ddbCost(res).requests).toBe(1);
    const audit = await auditOf('01#00070#AUDIT#2026-11');
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: 'sign-up',
      actor: { role: 'public', email: 'vanphong.hoankiem@hanoi.gov.vn' },
      target: { entity: 'tenant', id: '01-00070' },
    });
  });

  it('answers a second sign-up for the same district with a clear 409', async () => {
    const res = await signUp(signUpBody('01', '00070', 'khac@hanoi.gov.vn'));
    expect(res.status).toBe(409);
    const p = await problemOf(res);
    expect(p.detail_vi).toContain('Phường Hoàn Kiếm (Thành phố Hà Nội) đã được đăng ký');
    expect(p.detail).toContain('already signed up');
    expect(await auditOf('01#00070#AUDIT#2026-11')).toHaveLength(1);
  });

  it('names each bad field in Vietnamese and English', async () => {
    await expectFieldError(await signUp({ ...signUpBody('01', '00070'), provinceCode: '1' }), 'provinceCode');
    await expectFieldError(await signUp({ ...signUpBody('01', '00070'), provinceCode: '98' }), 'provinceCode');
    // Thái Nguyên city (164) is not a Hà Nội district
    const p = await expectFieldError(await signUp(signUpBody('01', '05443')), 'localityCode');
    expect(p.errors![0]!.message_vi).toBe('Xã, phường này không thuộc Thành phố Hà Nội trong danh mục hiện hành');
    await expectFieldError(await signUp({ ...signUpBody('01', '00070'), localityCode: '0#2' }), 'localityCode');
    await expectFieldError(await signUp({ ...signUpBody('01', '00070'), agency: ' ' }), 'agency');
    await expectFieldError(await signUp({ ...signUpBody('01', '00070'), contactName: 'x'.repeat(121) }), 'contactName');
    await expectFieldError(await signUp({ ...signUpBody('01', '00070'), contactEmail: 'khong-phai-email' }), 'contactEmail');
    await expectFieldError(await signUp({ ...signUpBody('01', '00070'), status: 'active' }), 'status');
    const missing = await signUp({});
    const fields = (await problemOf(missing)).errors!.map((e) => e.field).sort();
    expect(fields).toEqual(['agency', 'contactEmail', 'contactName', 'localityCode', 'provinceCode']);
  });
});

describe('province approval', () => {
  it("lists only its own province's districts, pending first, with one request", async () => {
    await signUp(signUpBody('01', '00367'));
    await signUp(signUpBody('19', '05443'));
    const admin = await h.userToken({ role: 'province_admin', provinceCode: '01', localityCode: null });
    const res = await h.app.request('/api/tenancy/signups', { headers: admin.headers });
    expect(res.status).toBe(200);
    expect(ddbCost(res).requests).toBe(1);
    const { items: tenants, nextCursor } = (await res.json()) as { items: Tenant[]; nextCursor: string | null };
    expect(nextCursor).toBeNull();
    expect(tenants.map((t) => t.localityCode).sort()).toEqual(['00070', '00367']);
    expect(tenants.every((t) => t.provinceCode === '01' && t.status === 'pending')).toBe(true);
    expect(tenants[0]).toMatchObject({ contactName: 'Nguyễn Văn An', agency: 'Văn phòng HĐND và UBND' });

    const filtered = await h.app.request('/api/tenancy/signups?status=active', { headers: admin.headers });
    expect(((await filtered.json()) as { items: Tenant[] }).items).toEqual([]);
    await expectFieldError(await h.app.request('/api/tenancy/signups?status=maybe', { headers: admin.headers }), 'status', 'query');
  });

  it('rejects with a reason; the district may then sign up again and the version keeps counting', async () => {
    const admin = await h.userToken({ role: 'province_admin', provinceCode: '01', localityCode: null });
    const decide = (body: unknown) => h.app.request('/api/tenancy/signups/00367/decision', json(body, admin.headers));
    await expectFieldError(await decide({ decision: 'reject', version: 1 }), 'reason');
    await expectFieldError(await decide({ decision: 'reject', version: 1, reason: 'ngắn' }), 'reason');
    await expectFieldError(await decide({ decision: 'maybe', version: 1 }), 'decision');
    await expectFieldError(await decide({ decision: 'approve' }), 'version');
    await expectFieldError(await decide({ decision: 'approve', version: 0 }), 'version');
    expect((await decide({ decision: 'approve', version: 7 })).status).toBe(409);

    const res = await decide({ decision: 'reject', version: 1, reason: 'Người liên hệ không thuộc cơ quan của quận' });
    expect(res.status).toBe(200);
    const { tenant } = (await res.json()) as { tenant: Tenant };
    expect(tenant).toMatchObject({
      status: 'rejected',
      rejectionReason: 'Người liên hệ không thuộc cơ quan của quận',
      version: 2,
      decidedBy: { email: admin.user.email },
    });
    expect((await decide({ decision: 'approve', version: 2 })).status).toBe(409);

    const again = await signUp(signUpBody('01', '00367', 'dung.nguoi@thanhxuan.gov.vn'));
    expect(again.status).toBe(201);
    const list = (await (await h.app.request('/api/tenancy/signups?status=pending', { headers: admin.headers })).json()) as { items: Tenant[] };
    const t = list.items.find((x) => x.localityCode === '00367')!;
    expect(t).toMatchObject({ status: 'pending', version: 3, contactEmail: 'dung.nguoi@thanhxuan.gov.vn' });
    expect(t.rejectionReason).toBeUndefined();
    // A decision made on the rejected sign-up's version cannot land on the new one.
    expect((await decide({ decision: 'approve', version: 1 })).status).toBe(409);
  });

  it('approves: the tenant becomes active and its contact is invited as district admin', async () => {
    const admin = await h.userToken({ role: 'province_admin', provinceCode: '01', localityCode: null, email: 'duyet@hanoi.gov.vn' });
    const res = await h.app.request('/api/tenancy/signups/00070/decision', json({ decision: 'approve', version: 1 }, admin.headers));
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      tenant: Tenant;
      invitation: { token: string; link: string; invitation: { email: string; role: string; expiresAt: string } };
    };
    expect(body.tenant).toMatchObject({ status: 'active', version: 2 });
    expect(body.invitation.link).toBe(`/invitation#${body.invitation.token}`);
    expect(body.invitation.token).toMatch(/^01\.00070\.[A-Za-z0-9_-]{43}$/);
    expect(body.invitation.invitation).toMatchObject({
      email: 'vanphong.hoankiem@hanoi.gov.vn',
      role: 'locality_admin',
      expiresAt: '2026-11-30T03:00:00.000Z',
    });

    // Recorded in the district's log and in the province's log, in the same transaction.
    const district = await auditOf('01#00070#AUDIT#2026-11');
    expect(district.map((a) => a.action).sort()).toEqual(['approve', 'invite', 'sign-up']);
    const approve = district.find((a) => a.action === 'approve')!;
    expect(approve.changes.status).toEqual({ before: 'pending', after: 'active' });
    const province = await auditOf('01#P#AUDIT#2026-11');
    // (the earlier rejection of 009 is there too)
    expect(province.map((a) => a.action).sort()).toEqual(['approve', 'reject']);
    expect(province.find((a) => a.action === 'approve')!.actor.email).toBe('duyet@hanoi.gov.vn');
    // The token itself is never stored, only its hash.
    const users = await auditOf('01#00070#USERS');
    expect(JSON.stringify(users)).not.toContain(body.invitation.token.split('.')[2]);
  });

  it('keeps roles without province:admin out and 404s districts of other provinces', async () => {
    for (const role of ['province_viewer', 'locality_admin', 'locality_editor', 'operator'] as const) {
      const u = await h.userToken({ role, provinceCode: role === 'operator' ? null : '01', localityCode: role.startsWith('locality') ? '00103' : null });
      expect((await h.app.request('/api/tenancy/signups', { headers: u.headers })).status).toBe(403);
      expect((await h.app.request('/api/tenancy/signups/00070/decision', json({ decision: 'approve', version: 2 }, u.headers))).status).toBe(403);
    }
    const thaiNguyen = await h.userToken({ role: 'province_admin', provinceCode: '19', localityCode: null });
    // 00367 is a Hà Nội ward: for Thái Nguyên's admin it does not exist.
    expect((await h.app.request('/api/tenancy/signups/00367/decision', json({ decision: 'approve', version: 3 }, thaiNguyen.headers))).status).toBe(404);
    const list = (await (await h.app.request('/api/tenancy/signups', { headers: thaiNguyen.headers })).json()) as { items: Tenant[] };
    expect(list.items.map((t) => `${t.provinceCode}/${t.localityCode}`)).toEqual(['19/05443']);
    expect((await h.app.request('/api/tenancy/signups', json(signUpBody('01', '00070')))).status).toBe(409);
    await expectFieldError(
      await h.app.request('/api/tenancy/signups/1%2F2/decision', json({ decision: 'approve', version: 1 }, thaiNguyen.headers)),
      'localityCode',
      'path',
    );
  });

  it('shows the tenant profile to its users and, read-only, to its province', async () => {
    const viewer = await h.userToken({ role: 'locality_viewer', provinceCode: '01', localityCode: '00070' });
    const res = await h.app.request('/api/tenancy/tenant', { headers: viewer.headers });
    expect(res.status).toBe(200);
    expect(ddbCost(res).requests).toBe(1);
    const { tenant } = (await res.json()) as { tenant: Tenant };
    expect(tenant).toMatchObject({ name: 'Phường Hoàn Kiếm', status: 'active' });
    expect(tenant.contactEmail).toBeUndefined();
    const pv = await h.userToken({ role: 'province_viewer', provinceCode: '01', localityCode: null });
    expect((await h.app.request('/api/tenancy/tenant?locality=00070', { headers: pv.headers })).status).toBe(200);
    const other = await h.userToken({ role: 'province_viewer', provinceCode: '19', localityCode: null });
    expect((await h.app.request('/api/tenancy/tenant?locality=00070', { headers: other.headers })).status).toBe(404);
  });
});

describe('province tenants (operator)', () => {
  it('creates a province tenant once and invites its first province admin', async () => {
    const op = await h.userToken({ role: 'operator', provinceCode: null, localityCode: null });
    const res = await h.app.request(
      '/api/tenancy/provinces',
      json({ provinceCode: '79', adminEmail: 'qt@tphcm.gov.vn', adminName: 'Trần Văn Bảy' }, op.headers),
    );
    expect(res.status).toBe(201);
    const body = (await res.json()) as { tenant: Tenant; invitation: { token: string; invitation: { role: string } } };
    expect(body.tenant).toMatchObject({ kind: 'province', status: 'active', name: 'Thành phố Hồ Chí Minh' });
    expect(body.invitation.token).toMatch(/^79\.P\./);
    expect(body.invitation.invitation.role).toBe('province_admin');
    expect(
      (await h.app.request('/api/tenancy/provinces', json({ provinceCode: '79', adminEmail: 'b@tphcm.gov.vn', adminName: 'Người Khác' }, op.headers))).status,
    ).toBe(409);
    await expectFieldError(
      await h.app.request('/api/tenancy/provinces', json({ provinceCode: '99', adminEmail: 'b@x.vn', adminName: 'Ai Đó' }, op.headers)),
      'provinceCode',
    );
    await expectFieldError(
      await h.app.request('/api/tenancy/provinces', json({ provinceCode: '80', adminEmail: 'b', adminName: 'Ai Đó' }, op.headers)),
      'adminEmail',
    );
    await expectFieldError(await h.app.request('/api/tenancy/provinces', json({ provinceCode: '80', adminEmail: 'b@x.vn' }, op.headers)), 'adminName');
    const pa = await h.userToken({ role: 'province_admin', provinceCode: '01', localityCode: null });
    expect((await h.app.request('/api/tenancy/provinces', json({ provinceCode: '80', adminEmail: 'b@x.vn', adminName: 'Ai Đó' }, pa.headers))).status).toBe(
      403,
    );
  });
});
