import { beforeAll, describe, expect, it } from 'vitest';
import { dashboardWireSchema } from '../../shared/rollups/schema.js';
import { agreementsClient, problemOf, programBody, type Headers } from '../support/agreements.js';
import { harnessSuite } from '../support/harness.js';
import { json, signUpBody } from '../support/tenancy.js';

/**
 * The two-level government (since 01/07/2025): sign-ups from the current list only, 2025 districts
 * as read-only history (opened for data entry by the province, audited), successor communes and
 * merged provinces reading history, and nobody else. The IAM fence is on (test/support/iam-fence.ts).
 */
let api: ReturnType<typeof agreementsClient>;
const token = async (role: Parameters<typeof h.userToken>[0]['role'], provinceCode: string | null, localityCode: string | null) =>
  (await h.userToken({ role, provinceCode, localityCode })).headers;

let tayHoDistrictEditor: Headers; // 01#003 Quận Tây Hồ (history)
let bacKanDistrictEditor: Headers; // 06#058 Thành phố Bắc Kạn (history of merged Bắc Kạn)
let hanoiAdmin: Headers;
let hanoiViewer: Headers;
let thaiNguyenAdmin: Headers;
let thaiNguyenViewer: Headers;

const h = harnessSuite({ now: () => new Date('2026-11-30T02:00:00Z') });

beforeAll(async () => {
  api = agreementsClient(h);
  tayHoDistrictEditor = await token('locality_editor', '01', '003');
  bacKanDistrictEditor = await token('locality_editor', '06', '058');
  hanoiAdmin = await token('province_admin', '01', null);
  hanoiViewer = await token('province_viewer', '01', null);
  thaiNguyenAdmin = await token('province_admin', '19', null);
  thaiNguyenViewer = await token('province_viewer', '19', null);
});

const openDataEntry = (headers: Headers, code: string, open: boolean, version?: number) =>
  h.app.request(`/api/tenancy/history/${code}/data-entry`, json({ open, ...(version ? { version } : {}) }, headers));

describe('sign-up from the current list only', () => {
  it('refuses a district after 30/06/2025 and names where its records continue', async () => {
    const res = await h.app.request('/api/tenancy/signups', json(signUpBody('01', '003')));
    expect(res.status).toBe(409);
    const p = await problemOf(res);
    expect(p.type).toBe('urn:phoi-hop:problem:locality-ended');
    expect(p.detail_vi).toContain('Quận Tây Hồ đã kết thúc hoạt động từ 01/07/2025');
    expect(p.detail_vi).toContain('Phường Tây Hồ');
    expect(p.detail).toContain('ceased on 01/07/2025');
    expect(p.errors?.[0]).toMatchObject({ field: 'localityCode', in: 'body' });
  });

  it('points a merged province to its successor and accepts a ward of the current list', async () => {
    const merged = await h.app.request('/api/tenancy/signups', json(signUpBody('06', '01843')));
    expect(merged.status).toBe(400);
    expect((await problemOf(merged)).errors?.[0]).toMatchObject({ field: 'provinceCode', code: 'province-merged' });
    expect((await problemOf(await h.app.request('/api/tenancy/signups', json(signUpBody('01', '01843'))))).errors?.[0]).toMatchObject({
      field: 'localityCode',
    });
    const ok = await h.app.request('/api/tenancy/signups', json(signUpBody('19', '01843')));
    expect(ok.status).toBe(201);
    expect(((await ok.json()) as { tenant: { name: string; version: number } }).tenant).toMatchObject({ name: 'Phường Bắc Kạn', version: 1 });
  });

  it('serves both lists, the current by default, searchable without diacritics', async () => {
    const current = (await (await h.app.request('/api/localities')).json()) as { list: string; provinces: { code: string }[] };
    expect(current.list).toBe('2026-04');
    expect(current.provinces).toHaveLength(34);
    const old = (await (await h.app.request('/api/localities?list=2025-03')).json()) as { provinces: { code: string; successor: string }[] };
    expect(old.provinces).toHaveLength(63);
    expect(old.provinces.find((p) => p.code === '06')!.successor).toBe('19');
    const hcm = (await (await h.app.request('/api/localities/79')).json()) as { localities: unknown[] };
    expect(hcm.localities).toHaveLength(168);
    const tayHo = (await (await h.app.request('/api/localities/01?q=tay ho')).json()) as {
      localities: { code: string; level: string; predecessorDistrict: string }[];
    };
    expect(tayHo.localities.find((l) => l.code === '00103')).toMatchObject({ level: 'commune', predecessorDistrict: '003' });
    const districts = (await (await h.app.request('/api/localities/01?list=2025-03&q=tay ho')).json()) as {
      localities: { code: string; validUntil: string }[];
    };
    expect(districts.localities).toEqual([expect.objectContaining({ code: '003', validUntil: '2025-06-30' })]);
    expect((await h.app.request('/api/localities?list=2024')).status).toBe(400);
  });
});

describe('districts are history', () => {
  it('refuses writes until the province opens the district for data entry, then audits both', async () => {
    const refused = await api.call('POST', '', tayHoDistrictEditor, programBody());
    expect(refused.status).toBe(409);
    const p = await problemOf(refused);
    expect(p.type).toBe('urn:phoi-hop:problem:historical-read-only');
    expect(p.detail_vi).toContain('Quận Tây Hồ đã kết thúc hoạt động từ 01/07/2025');

    // Only the province admin of the successor province opens it.
    expect((await openDataEntry(hanoiViewer, '003', true)).status).toBe(403);
    expect((await openDataEntry(thaiNguyenAdmin, '003', true)).status).toBe(404);
    expect((await openDataEntry(hanoiAdmin, '00103', true)).status).toBe(404); // a current ward is not history
    const opened = await openDataEntry(hanoiAdmin, '003', true);
    expect(opened.status, await opened.clone().text()).toBe(200);
    const tenant = ((await opened.json()) as { tenant: { dataEntryOpen: boolean; kind: string; version: number; validUntil: string } }).tenant;
    expect(tenant).toMatchObject({ dataEntryOpen: true, kind: 'district', validUntil: '2025-06-30', version: 1 });

    const a = await api.create(tayHoDistrictEditor, programBody({ title: 'Chương trình 2024 nhập bổ sung' }));
    expect(a.title).toContain('nhập bổ sung');

    // Closing needs the current version; then writes are refused again.
    expect((await openDataEntry(hanoiAdmin, '003', false, 7)).status).toBe(409);
    expect((await openDataEntry(hanoiAdmin, '003', false, 1)).status).toBe(200);
    expect((await api.call('POST', '', tayHoDistrictEditor, programBody())).status).toBe(409);

    // Audited in the district's log and in the province's own log.
    for (const headers of [hanoiAdmin]) {
      const own = await h.app.request('/api/audit?month=2026-11', { headers });
      const entries = ((await own.json()) as { items: { action: string }[] }).items.map((e) => e.action);
      expect(entries).toEqual(expect.arrayContaining(['open-data-entry', 'close-data-entry']));
    }
    const districtLog = await h.app.request('/api/audit?month=2026-11&locality=003', { headers: hanoiAdmin });
    expect(((await districtLog.json()) as { items: { action: string }[] }).items.map((e) => e.action)).toEqual(
      expect.arrayContaining(['open-data-entry', 'close-data-entry']),
    );
  });

  it('lets the successor wards read the district, read-only, and nobody else of the province', async () => {
    const tayHoWard = await token('locality_viewer', '01', '00103'); // Phường Tây Hồ: code lay in Quận Tây Hồ
    const listed = await api.list(tayHoWard, 'locality=003');
    expect(listed.res.status).toBe(200);
    const [record] = listed.body!.items;
    expect(record?.title).toBe('Chương trình 2024 nhập bổ sung');
    expect((await api.detail(tayHoWard, record!.id, '?locality=003')).body.agreement.id).toBe(record!.id);
    // Its own tenant does not hold the record: a write aimed at it finds nothing.
    const tayHoWardEditor = await token('locality_editor', '01', '00103');
    expect((await api.call('DELETE', `/${record!.id}?locality=003`, tayHoWardEditor, undefined, { 'if-match': '1' })).status).toBe(404);
    for (const other of [await token('locality_admin', '01', '00004'), await token('locality_admin', '19', '05443')]) {
      expect((await api.list(other, 'locality=003')).res.status).toBe(404);
      expect((await api.call('GET', `/${record!.id}?locality=003`, other)).status).toBe(404);
    }
    expect((await api.list(hanoiViewer, 'locality=003')).body!.items).toHaveLength(1);
    // The ward's profile names its predecessor.
    await h.app.request('/api/tenancy/signups', json(signUpBody('01', '00103')));
    await h.app.request('/api/tenancy/signups/00103/decision', json({ decision: 'approve', version: 1 }, hanoiAdmin));
    const profile = (await (await h.app.request('/api/tenancy/tenant', { headers: tayHoWard })).json()) as {
      predecessor?: { localityCode: string; name: string };
    };
    expect(profile.predecessor).toMatchObject({ localityCode: '003', name: 'Quận Tây Hồ' });
    expect((await api.list(thaiNguyenViewer, 'locality=003')).res.status).toBe(404);
  });
});

describe('provinces that merged', () => {
  it("shows a Bắc Kạn district's records to Thái Nguyên, its successor, and to nobody else", async () => {
    expect((await openDataEntry(hanoiAdmin, '058', true)).status).toBe(404);
    const opened = await openDataEntry(thaiNguyenAdmin, '058', true);
    expect(opened.status, await opened.clone().text()).toBe(200);
    const a = await api.create(bacKanDistrictEditor, programBody({ title: 'Chương trình phối hợp thành phố Bắc Kạn 2024' }));

    expect((await api.list(thaiNguyenViewer, 'locality=058')).body!.items.map((x) => x.id)).toEqual([a.id]);
    expect((await api.detail(thaiNguyenViewer, a.id, '?locality=058')).body.agreement.title).toContain('Bắc Kạn');
    const bacKanWard = await token('locality_viewer', '19', '01843'); // Phường Bắc Kạn, successor of 058
    expect((await api.list(bacKanWard, 'locality=058')).body!.items.map((x) => x.id)).toEqual([a.id]);
    for (const other of [hanoiViewer, await token('locality_admin', '19', '05443'), await token('province_viewer', '92', null)]) {
      const res = await api.call('GET', `/${a.id}?locality=058`, other);
      expect(res.status).toBe(404);
      expect(await res.text()).not.toContain('Bắc Kạn');
    }

    // Thái Nguyên's dashboard rolls it up among its history, from one Query.
    const res = await h.app.request('/api/rollups?year=2024', { headers: thaiNguyenViewer });
    expect(res.headers.get('x-ddb-requests')).toBe('1');
    const d = dashboardWireSchema.parse(await res.json());
    expect(d.historical.find((r) => r.provinceCode === '06' && r.localityCode === '058')).toMatchObject({
      hasData: true,
      dataEntryOpen: true,
      agreementsByKind: { program: 1 },
    });
    expect(d.historical.find((r) => r.localityCode === '060')).toMatchObject({ hasData: false, dataEntryOpen: false });
    const hanoi = dashboardWireSchema.parse(await (await h.app.request('/api/rollups', { headers: hanoiViewer })).json());
    expect([...hanoi.rows, ...hanoi.historical].some((r) => r.hasData && r.provinceCode === '06')).toBe(false);
  });

  it("lets Thái Nguyên open Bắc Kạn's own province tenant for data entry, and nobody else", async () => {
    const bacKanProvinceAdmin = await token('province_admin', '06', null); // 06#P: Bắc Kạn until 30/06/2025
    const openProvince = (headers: Headers, code: string, open: boolean, version?: number) =>
      h.app.request(`/api/tenancy/history/provinces/${code}/data-entry`, json({ open, ...(version ? { version } : {}) }, headers));
    const refused = await api.call('POST', '', bacKanProvinceAdmin, programBody());
    expect(refused.status).toBe(409);
    expect((await problemOf(refused)).detail_vi).toContain('Bắc Kạn đã kết thúc hoạt động từ 01/07/2025');

    expect((await openProvince(hanoiAdmin, '06', true)).status).toBe(404); // not Hà Nội's predecessor
    expect((await openProvince(thaiNguyenAdmin, '19', true)).status).toBe(404); // a province in force is not history
    expect((await openProvince(thaiNguyenViewer, '06', true)).status).toBe(403);
    expect((await openProvince(thaiNguyenAdmin, '6', true)).status).toBe(400);
    const opened = await openProvince(thaiNguyenAdmin, '06', true);
    expect(opened.status, await opened.clone().text()).toBe(200);
    const tenant = ((await opened.json()) as { tenant: Record<string, unknown> }).tenant;
    expect(tenant).toMatchObject({ kind: 'province', localityCode: null, name: 'Tỉnh Bắc Kạn', dataEntryOpen: true, validUntil: '2025-06-30', version: 1 });

    const a = await api.create(bacKanProvinceAdmin, programBody({ title: 'Chương trình phối hợp tỉnh Bắc Kạn 2024' }));
    expect(a.title).toContain('tỉnh Bắc Kạn');
    const d = dashboardWireSchema.parse(await (await h.app.request('/api/rollups?year=2024', { headers: thaiNguyenViewer })).json());
    expect(d.historical.find((r) => r.provinceCode === '06' && r.localityCode === null)).toMatchObject({ hasData: true, dataEntryOpen: true });

    expect((await openProvince(thaiNguyenAdmin, '06', false, 5)).status).toBe(409);
    expect((await openProvince(thaiNguyenAdmin, '06', false, 1)).status).toBe(200);
    expect((await api.call('POST', '', bacKanProvinceAdmin, programBody())).status).toBe(409);
  });

  it('kept every call inside the IAM fence', () => {
    expect(h.fenceViolations()).toEqual([]);
  });
});
