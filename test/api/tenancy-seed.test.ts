import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoUsers } from '../../functions/local/demo-data.js';
import { seedDemo } from '../../functions/local/seed.js';
import { keys } from '../../shared/keys.js';
import { createHarness } from '../support/harness.js';

let h: Awaited<ReturnType<typeof createHarness>>;
beforeAll(async () => {
  h = await createHarness();
  await seedDemo({ doc: h.doc, tableName: h.tableName, idp: h.idp });
});
afterAll(() => h.close());

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
      expect(Item, t).toMatchObject({ status: 'active', kind: district ? 'district' : 'province' });
    }
  });

  it('leaves a pending sign-up for Hà Nội to approve', async () => {
    const pa = await h.userToken({ role: 'province_admin', provinceCode: '01', localityCode: null });
    const res = await h.app.request('/api/tenancy/signups?status=pending', { headers: pa.headers });
    const { tenants } = (await res.json()) as { tenants: { name: string }[] };
    expect(tenants.map((t) => t.name)).toEqual(['Quận Ba Đình']);
  });
});
