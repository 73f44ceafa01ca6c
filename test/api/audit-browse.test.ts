import { beforeAll, describe, expect, it } from 'vitest';
import { auditPut } from '../../functions/audit/record.js';
import { MeteredStore } from '../../functions/store/metered-store.js';
import type { AuditEvent } from '../../shared/audit/schema.js';
import type { Identity } from '../../shared/identity.js';
import { ddbCost, harnessSuite } from '../support/harness.js';
import { expectFieldError } from '../support/tenancy.js';

const h = harnessSuite({ now: () => new Date('2026-11-23T03:00:00Z') });

beforeAll(async () => {
  // A month of history for Tây Hồ (01/003) and some for a neighbour, written the way routes write it.
  const store = new MeteredStore(h.doc, h.tableName);
  const tayHo = { provinceCode: '01', localityCode: '00103' };
  const ha: Identity = {
    userId: 'u-ha',
    email: 'admin.tayho@demo.phoihop.vn',
    name: 'Nguyễn Thu Hà',
    role: 'locality_admin',
    provinceCode: '01',
    localityCode: '00103',
  };
  const duc: Identity = {
    userId: 'u-duc',
    email: 'bientap.tayho@demo.phoihop.vn',
    name: 'Trần Minh Đức',
    role: 'locality_editor',
    provinceCode: '01',
    localityCode: '00103',
  };
  const items = [];
  for (let day = 1; day <= 20; day++) {
    const at = new Date(Date.UTC(2026, 10, day, 2, 0, 0)); // 09:00 Vietnam time
    const actor = day % 2 ? ha : duc;
    items.push(
      auditPut({
        tenant: tayHo,
        actor,
        entity: day % 3 ? 'agreement' : 'user',
        entityId: `E${day}`,
        action: day % 4 ? 'update' : 'create',
        before: { n: day - 1 },
        after: { n: day },
        at,
      }),
    );
  }
  items.push(
    auditPut({ tenant: tayHo, actor: ha, entity: 'agreement', entityId: 'OCT', action: 'update', after: { n: 0 }, at: new Date('2026-10-15T02:00:00Z') }),
  );
  // 03:00 on 01/12 in Vietnam is still 30/11 in UTC: it belongs to December's log.
  items.push(
    auditPut({ tenant: tayHo, actor: ha, entity: 'agreement', entityId: 'DEC1', action: 'update', after: { n: 2 }, at: new Date('2026-11-30T20:00:00Z') }),
  );
  items.push(
    auditPut({
      tenant: { provinceCode: '01', localityCode: '00166' },
      actor: ha,
      entity: 'agreement',
      entityId: 'CAUGIAY',
      action: 'update',
      after: { n: 1 },
      at: new Date('2026-11-10T02:00:00Z'),
    }),
  );
  for (const it of items) await store.transactWrite([it]);
});

const get = async (path: string, headers: Record<string, string>) => {
  const res = await h.app.request(path, { headers });
  return { res, body: res.ok ? ((await res.clone().json()) as { items: AuditEvent[]; nextCursor: string | null; month: string }) : null };
};

describe('audit log browse', () => {
  it('lists the current month newest first, paged, one request per page', async () => {
    const admin = await h.userToken({ role: 'locality_admin', provinceCode: '01', localityCode: '00103' });
    const first = await get('/api/audit?limit=8', admin.headers);
    expect(first.res.status).toBe(200);
    expect(ddbCost(first.res).requests).toBe(1);
    expect(first.body!.month).toBe('2026-11');
    expect(first.body!.items.map((e) => e.target.id)).toEqual(['E20', 'E19', 'E18', 'E17', 'E16', 'E15', 'E14', 'E13']);
    expect(first.body!.items[0]).toMatchObject({ actor: { name: 'Trần Minh Đức' }, changes: { n: { before: 19, after: 20 } } });
    const ids: string[] = first.body!.items.map((e) => e.target.id);
    let cursor = first.body!.nextCursor;
    while (cursor) {
      const page = await get(`/api/audit?limit=8&cursor=${cursor}`, admin.headers);
      expect(ddbCost(page.res).requests).toBe(1);
      ids.push(...page.body!.items.map((e) => e.target.id));
      cursor = page.body!.nextCursor;
    }
    expect(ids).toEqual(Array.from({ length: 20 }, (_, i) => `E${20 - i}`));
  });

  it('filters by who, what entity, action and a day range within the month', async () => {
    const admin = await h.userToken({ role: 'locality_admin', provinceCode: '01', localityCode: '00103' });
    const who = await get('/api/audit?month=2026-11&actor=BIENTAP', admin.headers);
    expect(who.body!.items.every((e) => e.actor.email === 'bientap.tayho@demo.phoihop.vn')).toBe(true);
    expect(who.body!.items).toHaveLength(10);
    const byId = await get('/api/audit?month=2026-11&actor=u-ha', admin.headers);
    expect(byId.body!.items).toHaveLength(10);
    const users = await get('/api/audit?month=2026-11&entity=user&action=create', admin.headers);
    expect(users.body!.items.map((e) => e.target.id)).toEqual(['E12']);
    const range = await get('/api/audit?from=2026-11-05&to=2026-11-07', admin.headers);
    expect(range.body!.items.map((e) => e.target.id)).toEqual(['E7', 'E6', 'E5']);
    expect(ddbCost(range.res).items).toBe(3); // the range is a key condition, not a filter
    const december = await get('/api/audit?from=2026-12-01&to=2026-12-01', admin.headers);
    expect(december.body!.items.map((e) => e.target.id)).toEqual(['DEC1']);
    expect(december.body!.month).toBe('2026-12');
    const october = await get('/api/audit?month=2026-10', admin.headers);
    expect(october.body!.items.map((e) => e.target.id)).toEqual(['OCT']);
  });

  it('names bad filters', async () => {
    const admin = await h.userToken({ role: 'locality_admin', provinceCode: '01', localityCode: '00103' });
    const bad = (q: string) => h.app.request(`/api/audit?${q}`, { headers: admin.headers });
    await expectFieldError(await bad('month=2026-13'), 'month', 'query');
    await expectFieldError(await bad('month=2026-11&from=2026-10-30'), 'from', 'query');
    await expectFieldError(await bad('from=2026-11-31'), 'from', 'query');
    await expectFieldError(await bad('from=2026-11-10&to=2026-11-02'), 'to', 'query');
    await expectFieldError(await bad('entity=AGR%23'), 'entity', 'query');
    await expectFieldError(await bad('limit=0'), 'limit', 'query');
    await expectFieldError(await bad('limit=abc'), 'limit', 'query');
    await expectFieldError(await bad('cursor=***'), 'cursor', 'query');
    // A cursor forged to point at another partition's key is refused: it may only carry a sort key.
    await expectFieldError(await bad(`cursor=${Buffer.from('01#00166#AUDIT#2026-11').toString('base64url')}`), 'cursor', 'query');
    await expectFieldError(await bad('tenant=01%23005'), 'tenant', 'query');
  });

  it('is for admins; province admins drill into their own districts only', async () => {
    for (const role of ['locality_editor', 'locality_viewer'] as const) {
      const u = await h.userToken({ role, provinceCode: '01', localityCode: '00103' });
      expect((await h.app.request('/api/audit', { headers: u.headers })).status).toBe(403);
    }
    const pv = await h.userToken({ role: 'province_viewer', provinceCode: '01', localityCode: null });
    expect((await h.app.request('/api/audit?locality=00103', { headers: pv.headers })).status).toBe(403);
    const pa = await h.userToken({ role: 'province_admin', provinceCode: '01', localityCode: null });
    const drill = await get('/api/audit?locality=00103&month=2026-11', pa.headers);
    expect(drill.body!.items).toHaveLength(20);
    const own = await get('/api/audit?month=2026-11', pa.headers);
    expect(own.body!.items).toEqual([]);
    const foreign = await h.userToken({ role: 'province_admin', provinceCode: '19', localityCode: null });
    expect((await h.app.request('/api/audit?locality=00103&month=2026-11', { headers: foreign.headers })).status).toBe(404);
    const neighbour = await h.userToken({ role: 'locality_admin', provinceCode: '01', localityCode: '00166' });
    expect((await h.app.request('/api/audit?locality=00103', { headers: neighbour.headers })).status).toBe(404);
    const mine = await get('/api/audit?month=2026-11', neighbour.headers);
    expect(mine.body!.items.map((e) => e.target.id)).toEqual(['CAUGIAY']);
  });
});
