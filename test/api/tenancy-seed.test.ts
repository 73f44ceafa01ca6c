import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { seedId } from '../../functions/demo/agreements.js';
import { DEMO_PASSWORD, demoUsers } from '../../functions/demo/data.js';
import { seedDemo } from '../../functions/demo/seed.js';
import type { AgreementDetail, ListResponse } from '../../shared/agreements/schema.js';
import { keys } from '../../shared/keys.js';
import { harnessSuite } from '../support/harness.js';

const h = harnessSuite();

beforeAll(async () => {
  await seedDemo({ doc: h.doc, tableName: h.tableName, idp: h.idp });
});

describe('demo seed (tenancy)', () => {
  it('has an active tenant profile — province tenants included — for every tenant that has users', async () => {
    const tenants = new Set(demoUsers.filter((u) => u.provinceCode).map((u) => `${u.provinceCode}|${u.localityCode ?? ''}`));
    // every province with users (district users included) has its province tenant
    for (const u of demoUsers) if (u.provinceCode) tenants.add(`${u.provinceCode}|`);
    for (const t of tenants) {
      const [provinceCode, district] = t.split('|');
      const ref = { provinceCode: provinceCode!, localityCode: district || null };
      const k = keys.tenant(ref);
      const { Item } = await h.doc.send(new GetCommand({ TableName: h.tableName, Key: { PK: k.PK, SK: k.SK } }));
      const kind = !district ? 'province' : district.length === 3 ? 'district' : 'commune';
      expect(Item, t).toMatchObject({ status: 'active', kind });
    }
  });

  it('leaves a pending sign-up for Hà Nội to approve', async () => {
    const pa = await h.userToken({ role: 'province_admin', provinceCode: '01', localityCode: null });
    const res = await h.app.request('/api/tenancy/signups?status=pending', { headers: pa.headers });
    const { items: tenants } = (await res.json()) as { items: { name: string }[] };
    expect(tenants.map((t) => t.name)).toEqual(['Phường Ba Đình']);
  });

  it('offers today’s units to try at once, the commune admin first among the printed sign-ins', async () => {
    expect(demoUsers.slice(0, 3).map((u) => [u.email, u.role, `${u.provinceCode}#${u.localityCode}`])).toEqual([
      ['admin.phuongtayho@demo.phoihop.vn', 'locality_admin', '01#00103'],
      ['bientap.phuongtayho@demo.phoihop.vn', 'locality_editor', '01#00103'],
      ['admin.phuongbackan@demo.phoihop.vn', 'locality_admin', '19#01843'],
    ]);
    for (const [code, name] of [
      ['00103', 'Phường Tây Hồ'],
      ['01843', 'Phường Bắc Kạn'],
    ] as const) {
      const k = keys.tenant({ provinceCode: code === '00103' ? '01' : '19', localityCode: code });
      const { Item } = await h.doc.send(new GetCommand({ TableName: h.tableName, Key: { PK: k.PK, SK: k.SK } }));
      expect(Item).toMatchObject({ kind: 'commune', name, localityType: 'Phường', status: 'active' });
    }
  });
});

describe('demo commune admin (Phường Tây Hồ) and the history of Quận Tây Hồ', () => {
  const signIn = async (email: string) => {
    const user = await h.idp.checkPassword(email, DEMO_PASSWORD);
    expect(user, email).not.toBeNull();
    return { authorization: `Bearer ${await h.idp.issueIdToken(user!)}` };
  };
  const get = async <T>(path: string, headers: Record<string, string>) => {
    const res = await h.app.request(path, { headers });
    return { status: res.status, body: res.status === 200 ? ((await res.json()) as T) : null };
  };

  it('has a 2026 program, labelled demo data, that continues Quận Tây Hồ’s 2024 program', async () => {
    const admin = await signIn('admin.phuongtayho@demo.phoihop.vn');
    const { body } = await get<ListResponse>('/api/agreements', admin);
    expect(body!.items).toHaveLength(1);
    const p = body!.items[0]!;
    expect(p).toMatchObject({ kind: 'program', year: 2026, status: 'signed', title: 'Phối hợp công tác năm 2026 (dữ liệu mẫu)' });
    expect(p.remarks).toContain('Dữ liệu mẫu');
    expect(p.parties.map((x) => x.name)).toEqual([
      'Thường trực Hội đồng nhân dân phường Tây Hồ',
      'Ủy ban nhân dân phường Tây Hồ',
      'Ủy ban Mặt trận Tổ quốc Việt Nam phường Tây Hồ',
    ]);
    expect(p.continues).toMatchObject({
      provinceCode: '01',
      localityCode: '003',
      agreementId: seedId('tayho-ctr-2024', '2024-02-28'),
      localityName: 'Quận Tây Hồ',
      title: 'Phối hợp công tác năm 2024',
    });
    // Phường Bắc Kạn of the merged Thái Nguyên has its small record too.
    const bk = await get<ListResponse>('/api/agreements', await signIn('admin.phuongbackan@demo.phoihop.vn'));
    expect(bk.body!.items.map((a) => [a.title, a.status])).toEqual([['Phối hợp công tác năm 2026 (dữ liệu mẫu)', 'draft']]);
    // …and reads its predecessor, Thành phố Bắc Kạn (06/058), which has no records.
    expect((await get<ListResponse>('/api/agreements?locality=058', await signIn('admin.phuongbackan@demo.phoihop.vn'))).body!.items).toEqual([]);
  });

  it('reads Quận Tây Hồ’s agreements with ?locality=003 and cannot write them', async () => {
    const admin = await signIn('admin.phuongtayho@demo.phoihop.vn');
    const list = await get<ListResponse>('/api/agreements?locality=003', admin);
    expect(list.status).toBe(200);
    expect(list.body!.items.map((a) => a.title).sort()).toEqual(['Phối hợp công tác năm 2023', 'Phối hợp công tác năm 2024']);
    const id = seedId('tayho-ctr-2024', '2024-02-28');
    const detail = await get<AgreementDetail>(`/api/agreements/${id}?locality=003`, admin);
    expect(detail.body!.items).toHaveLength(6);

    const send = (method: string, path: string, body: unknown) =>
      h.app.request(path, { method, headers: { ...admin, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    // Writes act on the caller's own tenant only: the district's record is not there.
    expect((await send('PATCH', `/api/agreements/${id}/items/1?locality=003`, { version: 1, status: 'done' })).status).toBe(404);
    expect((await send('POST', `/api/agreements/${id}/amendments?locality=003`, { version: 1, reason: 'Sửa' })).status).toBe(404);
    expect((await send('POST', `/api/agreements/${id}/status?locality=003`, { version: 1, to: 'in_force', on: '2026-11-30' })).status).toBe(404);
    const after = await get<AgreementDetail>(`/api/agreements/${id}?locality=003`, admin);
    expect(after.body!.agreement.version).toBe(detail.body!.agreement.version);
    expect(after.body!.items[0]!.status).toBe('not_started');
    // Another district (not its predecessor) stays invisible.
    expect((await get('/api/agreements?locality=021', admin)).status).toBe(404);
  });
});
