import JSZip from 'jszip';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { seedId, seedItems } from '../../functions/demo/agreements.js';
import { seedAgreements } from '../../functions/demo/agreements-data.js';
import type { AgreementDetail } from '../../shared/agreements/schema.js';
import { agreementsClient, problemOf, TAY_HO_WARD_PARTIES, thaiNguyenRegulation, wardProgram2026, type Headers } from '../support/agreements.js';
import { ddbCost, harnessSuite } from '../support/harness.js';

/**
 * Issue 11 item 6: agreements at commune level — parties by level, the ward's Decree 30 header,
 * and `continues` (a ward's program continuing its predecessor district's), with the IAM fence on.
 */

let api: ReturnType<typeof agreementsClient>;
let ward: Headers; // Phường Tây Hồ 01#00103, successor of Quận Tây Hồ 01#003
let otherWard: Headers; // Phường Đông Ngạc 01#00602, successor of Quận Bắc Từ Liêm 01#021
let province: Headers;
let tayHo2024: string;
let bacTuLiem: string;

const h = harnessSuite({ now: () => new Date('2026-03-02T03:00:00Z') });

beforeAll(async () => {
  api = agreementsClient(h);
  // The districts' records as the demo seeds them (history, written directly).
  for (const key of ['tayho-ctr-2024', 'btl-qcph-2021-2026']) {
    const s = seedAgreements.find((x) => x.key === key)!;
    for (const Item of seedItems(s)) await h.doc.send(new PutCommand({ TableName: h.tableName, Item }));
  }
  tayHo2024 = seedId('tayho-ctr-2024', '2024-02-28');
  bacTuLiem = seedId('btl-qcph-2021-2026', '2021-11-10');
  ward = (await h.userToken({ role: 'locality_editor', provinceCode: '01', localityCode: '00103' })).headers;
  otherWard = (await h.userToken({ role: 'locality_editor', provinceCode: '01', localityCode: '00602' })).headers;
  province = (await h.userToken({ role: 'province_admin', provinceCode: '19', localityCode: null })).headers;
});

describe('parties by level', () => {
  it('accepts the commune’s bodies and the organisations under the Front', async () => {
    const parties = [
      ...TAY_HO_WARD_PARTIES,
      { agency: 'HCCB' as const, name: 'Hội Cựu chiến binh phường Tây Hồ' },
      { agency: 'HLHPN' as const, name: 'Hội Liên hiệp Phụ nữ phường Tây Hồ' },
      { agency: 'HND' as const, name: 'Hội Nông dân phường Tây Hồ' },
      { agency: 'DTN' as const, name: 'Đoàn Thanh niên Cộng sản Hồ Chí Minh phường Tây Hồ' },
      { agency: 'OTHER' as const, name: 'Hội Chữ thập đỏ phường Tây Hồ' },
    ];
    const a = await api.create(ward, wardProgram2026({ parties }));
    expect(a.parties).toEqual(parties);
  });

  it('refuses bodies that do not exist at commune level, naming each party', async () => {
    const res = await api.call(
      'POST',
      '',
      ward,
      wardProgram2026({
        parties: [TAY_HO_WARD_PARTIES[0]!, { agency: 'DBQH', name: 'Đoàn ĐBQH phường' }, { agency: 'LDLD', name: 'Liên đoàn Lao động phường Tây Hồ' }],
      }),
    );
    expect(res.status).toBe(400);
    const p = await problemOf(res);
    expect(p.errors!.map((e) => e.field)).toEqual(['parties.1.agency', 'parties.2.agency']);
    expect(p.errors![0]).toMatchObject({ code: 'agency-level' });
    expect(p.errors![0]!.message_vi).toContain('cấp xã');
    expect(p.errors![0]!.message_en).toContain('commune level');
  });

  it('keeps Đoàn ĐBQH for the province, and refuses it as a commune signatory', async () => {
    const reg = await api.call('POST', '', province, thaiNguyenRegulation());
    expect(reg.status).toBe(201);
    const a = await api.create(ward, wardProgram2026());
    const sign = await api.call('POST', `/${a.id}/sign`, ward, {
      version: 1,
      signedOn: '2026-03-02',
      signatories: [{ agency: 'DBQH', onBehalf: 'TM. Đoàn ĐBQH', title: 'Trưởng đoàn', name: 'Nguyễn Văn A' }],
    });
    expect(sign.status).toBe(400);
    expect((await problemOf(sign)).errors!.map((e) => e.field)).toEqual(['signatories.0.agency']);
  });
});

describe('the ward’s Decree 30 export', () => {
  it('writes "HĐND - UBND - ỦY BAN MTTQ VIỆT NAM PHƯỜNG TÂY HỒ", "Tây Hồ, ngày …" and the ward’s signature blocks', async () => {
    const a = await api.create(ward, wardProgram2026());
    const signed = await api.call('POST', `/${a.id}/sign`, ward, {
      version: 1,
      signedOn: '2026-03-02',
      signatories: [
        { agency: 'HDND', onBehalf: 'TM. Thường trực HĐND phường Tây Hồ', title: 'Chủ tịch', name: 'Nguyễn Văn An' },
        { agency: 'UBND', onBehalf: '', title: 'Chủ tịch UBND phường Tây Hồ', name: 'Trần Thị Bình' },
        { agency: 'MTTQ', onBehalf: 'TM. Ủy ban MTTQ Việt Nam phường Tây Hồ', title: 'Chủ tịch', name: 'Lê Văn Cường' },
      ],
    });
    expect(signed.status).toBe(200);
    const res = await api.call('GET', `/${a.id}/export.docx`, ward);
    expect(res.status).toBe(200);
    const xml = await (await JSZip.loadAsync(Buffer.from(await res.arrayBuffer()))).file('word/document.xml')!.async('string');
    const text = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('|');
    expect(text).toContain('HĐND - UBND - ỦY BAN MTTQ VIỆT NAM PHƯỜNG TÂY HỒ|Số:');
    expect(text).toContain('Tây Hồ, ngày 02 tháng 3 năm 2026');
    expect(text).toContain('TM. THƯỜNG TRỰC HĐND PHƯỜNG TÂY HỒ|CHỦ TỊCH');
    expect(text).toContain('CHỦ TỊCH UBND PHƯỜNG TÂY HỒ');
    expect(text).toContain('TM. ỦY BAN MTTQ VIỆT NAM PHƯỜNG TÂY HỒ');
  });
});

describe('continues: a ward’s program continuing its predecessor district’s', () => {
  it('offers the predecessor district and its programs and regulations to continue (GET /continuable)', async () => {
    const res = await h.app.request('/api/agreements/continuable', { headers: ward });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { predecessor: { localityCode: string; name: string } | null; items: { id: string }[] };
    expect(body.predecessor).toMatchObject({ localityCode: '003', name: 'Quận Tây Hồ' });
    expect(body.items.map((i) => i.id)).toContain(tayHo2024);
    // Province staff have no predecessor district to continue.
    expect(await (await h.app.request('/api/agreements/continuable', { headers: province })).json()).toEqual({ predecessor: null, items: [] });
  });

  it('links the 2024 program of Quận Tây Hồ; the detail shows it and stays one request', async () => {
    const a = await api.create(ward, wardProgram2026({ continues: { provinceCode: '01', localityCode: '003', agreementId: tayHo2024 } }));
    expect(a.continues).toEqual({
      provinceCode: '01',
      localityCode: '003',
      agreementId: tayHo2024,
      localityName: 'Quận Tây Hồ',
      kind: 'program',
      number: '',
      title: 'Phối hợp công tác năm 2024',
      period: '2024',
    });
    const { res, body } = await api.detail(ward, a.id);
    expect(ddbCost(res).requests).toBe(1);
    expect(body.agreement.continues?.title).toBe('Phối hợp công tác năm 2024');
    // The linked record opens read-only through the history drill-down.
    const linked = await api.detail(ward, tayHo2024, '?locality=003');
    expect(linked.body.agreement.title).toBe('Phối hợp công tác năm 2024');
    expect((await api.call('POST', `/${tayHo2024}/amendments?locality=003`, ward, { version: 1, reason: 'x' })).status).toBe(404);

    // Editing the draft keeps or drops the link; an amendment carries it.
    const put = await api.call('PUT', `/${a.id}`, ward, { ...wardProgram2026({ continues: null }), version: 1 });
    expect(put.status).toBe(200);
    expect(((await put.json()) as { agreement: AgreementDetail['agreement'] }).agreement.continues).toBeNull();
    const put2 = await api.call('PUT', `/${a.id}`, ward, {
      ...wardProgram2026({ continues: { provinceCode: '01', localityCode: '003', agreementId: tayHo2024 } }),
      version: 2,
    });
    expect(put2.status).toBe(200);
    await api.sign(ward, a.id, 3);
    const amend = await api.call('POST', `/${a.id}/amendments`, ward, { version: 4, reason: 'Bổ sung nội dung' });
    expect(amend.status).toBe(201);
    const amendment = ((await amend.json()) as { agreement: AgreementDetail['agreement'] }).agreement;
    expect(amendment.continues?.agreementId).toBe(tayHo2024);
    expect(h.fenceViolations()).toEqual([]);
  });

  it('refuses a district that is not the predecessor with the same answer whether or not the agreement exists there', async () => {
    const tryRef = async (headers: Headers, continues: unknown) => {
      const res = await api.call('POST', '', headers, wardProgram2026({ continues: continues as never }));
      return { status: res.status, body: await res.text() };
    };
    // Phường Tây Hồ naming Quận Bắc Từ Liêm's real regulation, and a made-up id there.
    const real = await tryRef(ward, { provinceCode: '01', localityCode: '021', agreementId: bacTuLiem });
    const fake = await tryRef(ward, { provinceCode: '01', localityCode: '021', agreementId: tayHo2024 });
    expect(real.status).toBe(400);
    expect(real.body).toBe(fake.body);
    expect(JSON.parse(real.body).errors.map((e: { field: string }) => e.field)).toEqual(['continues.localityCode']);
    expect(real.body).not.toContain('Bắc Từ Liêm');
    // …and the other way round: Đông Ngạc (successor of Bắc Từ Liêm) naming Tây Hồ's program.
    const other = await tryRef(otherWard, { provinceCode: '01', localityCode: '003', agreementId: tayHo2024 });
    expect(other.status).toBe(400);
    expect(other.body).not.toContain('năm 2024');
    // A district of another province; the predecessor's code under another province.
    expect((await tryRef(ward, { provinceCode: '19', localityCode: '164', agreementId: tayHo2024 })).status).toBe(400);
    expect((await tryRef(ward, { provinceCode: '19', localityCode: '003', agreementId: tayHo2024 })).status).toBe(400);
    // The predecessor, but an id that lives elsewhere: not found there.
    const elsewhere = await tryRef(ward, { provinceCode: '01', localityCode: '003', agreementId: bacTuLiem });
    expect(elsewhere.status).toBe(400);
    expect(JSON.parse(elsewhere.body).errors.map((e: { field: string }) => e.field)).toEqual(['continues.agreementId']);
    expect(h.fenceViolations()).toEqual([]);
  });

  it('is for a commune’s programs and regulations only', async () => {
    const ref = { provinceCode: '01', localityCode: '003', agreementId: tayHo2024 };
    const plan = await api.call('POST', '', ward, wardProgram2026({ kind: 'plan', continues: ref }));
    expect(plan.status).toBe(400);
    expect((await problemOf(plan)).errors!.map((e) => e.field)).toEqual(['continues']);
    const fromProvince = await api.call('POST', '', province, thaiNguyenRegulation({ continues: ref }));
    expect(fromProvince.status).toBe(400);
    expect((await problemOf(fromProvince)).errors!.map((e) => e.field)).toEqual(['continues']);
    const badShape = await api.call('POST', '', ward, wardProgram2026({ continues: { provinceCode: '01', localityCode: '00103', agreementId: 'x' } as never }));
    expect(badShape.status).toBe(400);
  });
});
