import { beforeAll, describe, expect, it } from 'vitest';
import type { AgreementDetail, AgreementSummary, Review } from '../../shared/agreements/schema.js';
import { keys } from '../../shared/keys.js';
import { MeteredStore } from '../../functions/store/metered-store.js';
import { agreementsClient, problemOf, programBody, regulationBody, thaiNguyenRegulation, type Headers } from '../support/agreements.js';
import { ddbCost, harnessSuite } from '../support/harness.js';

const TAY_HO = { provinceCode: '01', localityCode: '00103' };
let api: ReturnType<typeof agreementsClient>;
let editor: Headers;
let viewer: Headers;
let clock = new Date('2024-03-01T03:00:00Z');

const h = harnessSuite({ now: () => clock });

beforeAll(async () => {
  api = agreementsClient(h);
  editor = (await h.userToken({ role: 'locality_editor', ...TAY_HO })).headers;
  viewer = (await h.userToken({ role: 'locality_viewer', ...TAY_HO })).headers;
});

describe('creating and reading a draft', () => {
  it('creates a program with numbered items and reads it back with ONE DynamoDB request', async () => {
    const created = await api.create(editor);
    expect(created).toMatchObject({ kind: 'program', status: 'draft', version: 1, revision: 1, number: '05/CTrPH-HĐND-UBND-MTTQ', itemCount: 2 });
    const { res, body } = await api.detail(viewer, created.id);
    expect(ddbCost(res).requests).toBe(1);
    expect(res.headers.get('etag')).toBe('"1"');
    expect(body.items.map((i) => [i.no, i.title, i.status, i.progress])).toEqual([
      [1, 'Phối hợp tổ chức phản biện xã hội', 'not_started', 0],
      [2, 'Phối hợp tổ chức các kỳ họp HĐND quận, các hội nghị tiếp xúc cử tri', 'not_started', 0],
    ]);
    expect(body.items[1]).toMatchObject({ lead: { agency: 'HDND' }, cooperating: [{ agency: 'UBND' }], deadline: '2024-06-30', overdue: false });
    // No item deadline: the program's year end.
    expect(body.items[0]!.deadline).toBe('2024-12-31');
  });

  it('creates a regulation with chapters and articles numbered across chapters', async () => {
    const created = await api.create(editor, regulationBody());
    const { res, body } = await api.detail(editor, created.id);
    expect(ddbCost(res).requests).toBe(1);
    expect(body.agreement).toMatchObject({ term: { from: 2021, to: 2026 }, chapterCount: 2, articleCount: 3, yearFrom: 2021, yearTo: 2026 });
    expect(body.chapters.map((c) => [c.no, c.title, c.articles.map((a) => a.no)])).toEqual([
      [1, 'Quy định chung', [1, 2]],
      [2, 'Nội dung phối hợp', [3]],
    ]);
  });

  it('accepts any number of parties, including a custom body', async () => {
    const parties = [
      { agency: 'MTTQ' as const, name: 'Ủy ban MTTQ Việt Nam quận Tây Hồ' },
      { agency: 'HLHPN' as const, name: 'Hội Liên hiệp Phụ nữ quận Tây Hồ' },
      { agency: 'DTN' as const, name: 'Quận đoàn Tây Hồ' },
      { agency: 'HCCB' as const, name: 'Hội Cựu chiến binh quận Tây Hồ' },
      { agency: 'HND' as const, name: 'Hội Nông dân quận Tây Hồ' },
      { agency: 'OTHER' as const, name: 'Hội Chữ thập đỏ quận Tây Hồ' },
    ];
    const created = await api.create(editor, programBody({ parties, title: 'Phối hợp giữa MTTQ và các đoàn thể năm 2024' }));
    expect(created.parties).toEqual(parties);
  });

  it('answers bad input with 400 naming each field in Vietnamese and English', async () => {
    const bad = await api.call('POST', '', editor, {
      ...programBody(),
      year: null,
      parties: [{ agency: 'HDND', name: 'Chỉ một bên' }],
      items: [{ title: '' }, { title: 'x', status: 'done', progress: 40 }],
    });
    expect(bad.status).toBe(400);
    const p = await problemOf(bad);
    const fields = p.errors!.map((e) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['parties', 'items.0.title', 'items.1.progress']));
    expect(p.errors!.find((e) => e.field === 'items.0.title')).toMatchObject({ message_vi: 'Nhập tên nội dung', message_en: 'Enter the item’s title' });

    const kindRules = await api.call('POST', '', editor, { ...regulationBody(), term: null, year: 2024 });
    expect((await problemOf(kindRules)).errors!.map((e) => e.field)).toEqual(expect.arrayContaining(['term', 'year']));

    const unknown = await api.call('POST', '', editor, { ...programBody(), tenant: '19#P' });
    expect((await problemOf(unknown)).errors).toEqual([expect.objectContaining({ field: 'tenant', code: 'unrecognized_keys' })]);

    expect((await api.call('GET', '/not-an-id', editor)).status).toBe(400);
    expect((await problemOf(await api.call('GET', '/not-an-id', editor))).errors![0]!.field).toBe('id');
  });

  it('replays a create retried with the same Idempotency-Key and refuses the key for another body', async () => {
    const key = { 'idempotency-key': 'tao-chuong-trinh-2024-01' };
    const first = await api.call('POST', '', editor, programBody(), key);
    const again = await api.call('POST', '', editor, programBody(), key);
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    const a = ((await first.json()) as { agreement: AgreementSummary }).agreement;
    const b = ((await again.json()) as { agreement: AgreementSummary }).agreement;
    expect(b.id).toBe(a.id);
    const other = await api.call('POST', '', editor, programBody({ title: 'Khác' }), key);
    expect(other.status).toBe(409);
    const badKey = await api.call('POST', '', editor, programBody(), { 'idempotency-key': 'x' });
    expect((await problemOf(badKey)).errors![0]).toMatchObject({ field: 'Idempotency-Key', in: 'header' });
  });

  it('refuses writes from a viewer with 403', async () => {
    const res = await api.call('POST', '', viewer, programBody());
    expect(res.status).toBe(403);
  });
});

describe('editing a draft with optimistic concurrency', () => {
  it('lets exactly one of two concurrent edits of the same version win (200 + 409)', async () => {
    const a = await api.create(editor);
    const edit = (title: string) => api.call('PUT', `/${a.id}`, editor, { ...programBody({ title }), version: 1 });
    const [r1, r2] = await Promise.all([edit('Bản sửa của người thứ nhất'), edit('Bản sửa của người thứ hai')]);
    expect([r1.status, r2.status].sort()).toEqual([200, 409]);
    const loser = r1.status === 409 ? r1 : r2;
    expect((await problemOf(loser)).type).toBe('urn:phoi-hop:problem:conflict');
    const { body } = await api.detail(editor, a.id);
    expect(body.agreement.version).toBe(2);
    expect(['Bản sửa của người thứ nhất', 'Bản sửa của người thứ hai']).toContain(body.agreement.title);
  });

  it('takes the version from If-Match, requires one, and removes items dropped from the content', async () => {
    const a = await api.create(editor);
    const missing = await api.call('PUT', `/${a.id}`, editor, programBody());
    expect((await problemOf(missing)).errors![0]).toMatchObject({ field: 'version' });
    const badHeader = await api.call('PUT', `/${a.id}`, editor, programBody(), { 'if-match': 'abc' });
    expect((await problemOf(badHeader)).errors![0]).toMatchObject({ field: 'If-Match', in: 'header' });
    const oneItem = programBody({ items: [{ title: 'Chỉ còn một nội dung' }] });
    const ok = await api.call('PUT', `/${a.id}`, editor, oneItem, { 'if-match': '"1"' });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('etag')).toBe('"2"');
    const { body } = await api.detail(editor, a.id);
    expect(body.items.map((i) => i.title)).toEqual(['Chỉ còn một nội dung']);
    expect(Object.keys(body.agreement.itemIndex)).toEqual(['001']);
    const stale = await api.call('PUT', `/${a.id}`, editor, oneItem, { 'if-match': '"1"' });
    expect(stale.status).toBe(409);
  });

  it('deletes a draft with everything in it, and never a signed agreement', async () => {
    const a = await api.create(editor);
    expect((await api.call('DELETE', `/${a.id}`, editor, undefined, { 'if-match': '"1"' })).status).toBe(204);
    expect((await api.call('GET', `/${a.id}`, editor)).status).toBe(404);
    const store = new MeteredStore(h.doc, h.tableName);
    const left = await store.query({ KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': keys.agreementPartition(TAY_HO, a.id).PK } });
    expect(left.items).toEqual([]);
    const b = await api.create(editor);
    await api.sign(editor, b.id, 1);
    expect((await api.call('DELETE', `/${b.id}`, editor, undefined, { 'if-match': '"2"' })).status).toBe(409);
  });
});

describe('documents linked from the archive (#6)', () => {
  it('shows the archive’s link mirrors in the same one-request detail, and keeps a linked draft from being deleted', async () => {
    const a = await api.create(editor);
    const store = new MeteredStore(h.doc, h.tableName);
    const docId = '01HQVZ8KW01CXBDWWZTHPJ51KZ';
    await store.put({
      Item: {
        ...keys.documentLinkMirror(TAY_HO, { kind: 'agreement', id: a.id }, docId),
        entity: 'document-link',
        documentId: docId,
        link: { kind: 'agreement', id: a.id },
        type: 'CTr',
        numberSymbol: '05/CTrPH-HĐND-UBND-MTTQ',
        summary: 'Bản ký chương trình phối hợp năm 2024',
        signedOn: '2024-02-28',
        deleted: false,
      },
    });
    const { res, body } = await api.detail(viewer, a.id);
    expect(ddbCost(res).requests).toBe(1);
    expect(body.documents).toEqual([
      {
        documentId: docId,
        type: 'CTr',
        numberSymbol: '05/CTrPH-HĐND-UBND-MTTQ',
        summary: 'Bản ký chương trình phối hợp năm 2024',
        signedOn: '2024-02-28',
        deleted: false,
        period: null,
      },
    ]);
    // A draft edit leaves the archive's mirror alone.
    expect((await api.call('PUT', `/${a.id}`, editor, { ...programBody({ items: [] }), version: 1 })).status).toBe(200);
    expect((await api.detail(viewer, a.id)).body.documents).toHaveLength(1);
    const del = await api.call('DELETE', `/${a.id}`, editor, undefined, { 'if-match': '"2"' });
    expect(del.status).toBe(409);
    expect((await problemOf(del)).detail_vi).toContain('kho văn bản');
  });
});

describe('signing and the lifecycle', () => {
  it('records the signing event and freezes the content', async () => {
    const a = await api.create(editor);
    const signed = await api.sign(editor, a.id, 1);
    expect(signed).toMatchObject({ status: 'in_force', signedOn: '2024-02-28', effectiveFrom: '2024-02-28', version: 2 });
    const { body } = await api.detail(viewer, a.id);
    expect(body.signing).toMatchObject({ signedOn: '2024-02-28', place: 'Hội trường UBND quận' });
    expect(body.signing!.signatories.map((s) => `${s.title} ${s.name}`)).toEqual(['Chủ tịch Nguyễn Văn An', 'Chủ tịch Trần Thị Bình', 'Chủ tịch Lê Văn Cường']);
    const edit = await api.call('PUT', `/${a.id}`, editor, { ...programBody(), version: 2 });
    expect(edit.status).toBe(409);
    expect((await problemOf(edit)).detail_vi).toContain('sửa đổi, bổ sung');
    const again = await api.call('POST', `/${a.id}/sign`, editor, {
      version: 2,
      signedOn: '2024-02-28',
      signatories: [{ agency: 'HDND', title: 'Chủ tịch', name: 'X' }],
    });
    expect(again.status).toBe(409);
  });

  it('validates the signing dialog: signatories, names, no future date', async () => {
    const a = await api.create(editor);
    const empty = await api.call('POST', `/${a.id}/sign`, editor, { version: 1, signedOn: '2024-02-28', signatories: [] });
    expect((await problemOf(empty)).errors![0]).toMatchObject({ field: 'signatories' });
    const noName = await api.call('POST', `/${a.id}/sign`, editor, {
      version: 1,
      signedOn: '2024-02-28',
      signatories: [{ agency: 'HDND', title: 'Chủ tịch', name: '' }],
    });
    expect((await problemOf(noName)).errors![0]).toMatchObject({ field: 'signatories.0.name', message_vi: 'Nhập họ tên người ký' });
    const future = await api.call('POST', `/${a.id}/sign`, editor, {
      version: 1,
      signedOn: '2024-03-02',
      signatories: [{ agency: 'HDND', title: 'Chủ tịch', name: 'A' }],
    });
    expect((await problemOf(future)).errors![0]).toMatchObject({ field: 'signedOn' });
  });

  it('moves signed → in force → expired, and refuses other moves', async () => {
    const a = await api.create(editor);
    const signed = await api.sign(editor, a.id, 1, { inForceFromSigning: false });
    expect(signed.status).toBe('signed');
    const inForce = await api.call('POST', `/${a.id}/status`, editor, { version: 2, to: 'in_force', on: '2024-03-01' });
    expect(((await inForce.json()) as { agreement: AgreementSummary }).agreement).toMatchObject({
      status: 'in_force',
      effectiveFrom: '2024-03-01',
      version: 3,
    });
    const again = await api.call('POST', `/${a.id}/status`, editor, { version: 3, to: 'in_force', on: '2024-03-01' });
    expect(again.status).toBe(409);
    const expired = await api.call('POST', `/${a.id}/status`, editor, { version: 3, to: 'expired', on: '2024-12-31' });
    expect(((await expired.json()) as { agreement: AgreementSummary }).agreement).toMatchObject({ status: 'expired', effectiveTo: '2024-12-31' });
    const draft = await api.create(editor);
    expect((await api.call('POST', `/${draft.id}/status`, editor, { version: 1, to: 'expired', on: '2024-12-31' })).status).toBe(409);
    const badTarget = await api.call('POST', `/${draft.id}/status`, editor, { version: 1, to: 'superseded', on: '2024-12-31' });
    expect((await problemOf(badTarget)).errors![0]).toMatchObject({ field: 'to' });
  });

  it('amends a signed agreement as a new revision, keeps the old one readable and supersedes it on signing', async () => {
    const a = await api.create(editor);
    await api.sign(editor, a.id, 1);
    await api.call('PATCH', `/${a.id}/items/1`, editor, { version: 1, status: 'done' });
    // Sent twice with the same idempotency key: the second answer is the first amendment.
    const amend = () =>
      api.call('POST', `/${a.id}/amendments`, editor, { version: 2, reason: 'Bổ sung nội dung giám sát' }, { 'idempotency-key': 'sua-doi-0001' });
    const res = await amend();
    expect(res.status).toBe(201);
    const amendment = ((await res.json()) as { agreement: AgreementSummary }).agreement;
    expect(amendment).toMatchObject({ status: 'draft', revision: 2, amends: { id: a.id, revision: 1 }, amendmentReason: 'Bổ sung nội dung giám sát' });
    const replay = await amend();
    expect(((await replay.json()) as { agreement: AgreementSummary }).agreement.id).toBe(amendment.id);
    // Items carry their state into the amendment.
    const draft = (await api.detail(editor, amendment.id)).body;
    expect(draft.items.map((i) => i.status)).toEqual(['done', 'not_started']);
    // The original is still in force and readable, and points at the pending amendment.
    const original = (await api.detail(viewer, a.id)).body;
    expect(original.agreement).toMatchObject({ status: 'in_force', amendedBy: amendment.id, version: 3 });
    expect((await api.call('POST', `/${a.id}/amendments`, editor, { version: 3, reason: 'Lần hai' })).status).toBe(409);

    await api.call('PUT', `/${amendment.id}`, editor, {
      ...programBody({ items: [...programBody().items!, { title: 'Phối hợp thực hiện giám sát' }] }),
      version: 1,
    });
    await api.sign(editor, amendment.id, 2);
    const old = (await api.detail(viewer, a.id)).body;
    expect(old.agreement).toMatchObject({ status: 'superseded', supersededBy: amendment.id, effectiveTo: '2024-02-28' });
    expect(old.items).toHaveLength(2);
    const current = (await api.detail(viewer, amendment.id)).body;
    expect(current.agreement).toMatchObject({ status: 'in_force', revision: 2 });
    expect(current.items).toHaveLength(3);
  });
});

describe('item progress', () => {
  let a: AgreementSummary;
  beforeAll(async () => {
    a = await api.create(editor);
  });

  it('is refused on a draft', async () => {
    expect((await api.call('PATCH', `/${a.id}/items/1`, editor, { version: 1, progress: 10 })).status).toBe(409);
  });

  it('applies the status list default progress, keeps a dated timeline and links evidence', async () => {
    await api.sign(editor, a.id, 1);
    const r1 = await api.call('PATCH', `/${a.id}/items/1`, editor, {
      version: 1,
      status: 'in_progress',
      note: { on: '2024-02-29', text: 'Đã xây dựng kế hoạch phản biện' },
    });
    expect(((await r1.json()) as { item: { progress: number } }).item.progress).toBe(50);
    const r2 = await api.call('PATCH', `/${a.id}/items/1`, editor, {
      version: 2,
      progress: 100,
      note: { on: '2024-03-01', text: 'Tổ chức hội nghị phản biện' },
      evidence: [{ docId: '01HQVZ8KW01CXBDWWZTHPJ51KZ', label: 'Biên bản hội nghị phản biện' }],
    });
    expect(r2.status).toBe(200);
    const { body } = await api.detail(viewer, a.id);
    const item = body.items[0]!;
    expect(item).toMatchObject({ status: 'done', progress: 100, version: 3, evidence: [{ label: 'Biên bản hội nghị phản biện' }] });
    expect(item.notes.map((n) => [n.on, n.text, n.status, n.progress])).toEqual([
      ['2024-02-29', 'Đã xây dựng kế hoạch phản biện', 'in_progress', 50],
      ['2024-03-01', 'Tổ chức hội nghị phản biện', 'done', 100],
    ]);
    expect(body.agreement.itemStats).toMatchObject({ total: 2, byStatus: { done: 1, not_started: 1 }, averageProgress: 50 });
  });

  it('gives one 200 and one 409 to two concurrent updates of the same item', async () => {
    const update = (progress: number) => api.call('PATCH', `/${a.id}/items/2`, editor, { version: 1, progress });
    const [r1, r2] = await Promise.all([update(30), update(60)]);
    expect([r1.status, r2.status].sort()).toEqual([200, 409]);
  });

  it('names a contradictory or empty update', async () => {
    const bad = await api.call('PATCH', `/${a.id}/items/2`, editor, { version: 2, status: 'done', progress: 40 });
    expect((await problemOf(bad)).errors![0]).toMatchObject({ field: 'progress' });
    const empty = await api.call('PATCH', `/${a.id}/items/2`, editor, { version: 2 });
    expect((await problemOf(empty)).errors![0]).toMatchObject({ field: 'status' });
    expect((await api.call('PATCH', `/${a.id}/items/9`, editor, { version: 1, progress: 5 })).status).toBe(404);
    expect((await problemOf(await api.call('PATCH', `/${a.id}/items/0`, editor, { version: 1, progress: 5 }))).errors![0]!.field).toBe('no');
  });

  it('derives overdue from the injected clock, never from stored flags', async () => {
    const before = (await api.detail(viewer, a.id)).body;
    expect(before.items[1]!.overdue).toBe(false);
    clock = new Date('2024-07-01T03:00:00Z'); // item 2 was due 30/06/2024
    try {
      const after = (await api.detail(viewer, a.id)).body;
      expect(after.asOf).toBe('2024-07-01');
      expect(after.items.map((i) => i.overdue)).toEqual([false, true]); // item 1 is done
      const list = await api.list(viewer, 'kind=program&year=2024');
      expect(list.body!.items.find((x) => x.id === a.id)!.itemStats.overdue).toBe(1);
      // Vietnam's day starts at 17:00 UTC: 30/06 17:30 UTC is already 01/07 in Hà Nội.
      clock = new Date('2024-06-30T16:30:00Z');
      expect((await api.detail(viewer, a.id)).body.items[1]!.overdue).toBe(false);
      clock = new Date('2024-06-30T17:30:00Z');
      expect((await api.detail(viewer, a.id)).body.items[1]!.overdue).toBe(true);
    } finally {
      clock = new Date('2024-03-01T03:00:00Z');
    }
  });
});

describe('reviews', () => {
  let a: AgreementSummary;
  beforeAll(async () => {
    a = await api.create(editor);
  });

  it('refuses a review of a draft', async () => {
    expect((await api.call('PUT', `/${a.id}/reviews/2024-H1`, editor, { heldOn: '2024-07-22' })).status).toBe(409);
  });

  it('writes a semi-annual review with results per item and commendations, then edits it by version', async () => {
    await api.sign(editor, a.id, 1);
    const body = {
      heldOn: '2024-07-22',
      place: 'Hội trường UBND quận',
      reportedBy: 'Chủ tịch Ủy ban MTTQ Việt Nam quận',
      itemResults: [{ no: 1, result: 'Tổ chức 02 hội nghị phản biện', status: 'in_progress', progress: 60 }],
      achievements: 'Phối hợp chặt chẽ',
      shortcomings: 'Có lúc chưa thường xuyên',
      priorities: 'Tổ chức kỳ họp cuối năm',
      commendations: { decidedBy: 'UBND Quận', collectives: { count: 9, names: ['Phường Quan Hoa'] }, individuals: { count: 11 } },
    };
    const created = await api.call('PUT', `/${a.id}/reviews/2024-H1`, editor, body);
    expect(created.status).toBe(201);
    const review = ((await created.json()) as { review: Review }).review;
    expect(review).toMatchObject({
      kind: 'semiannual',
      year: 2024,
      version: 1,
      commendations: { collectives: { count: 9 }, individuals: { count: 11, names: [] } },
    });
    expect((await api.call('PUT', `/${a.id}/reviews/2024-H1`, editor, body)).status).toBe(409);
    const edited = await api.call('PUT', `/${a.id}/reviews/2024-H1`, editor, { ...body, shortcomings: 'Đã sửa', version: 1 });
    expect(edited.status).toBe(200);
    expect((await api.call('PUT', `/${a.id}/reviews/2024-H1`, editor, { ...body, version: 1 })).status).toBe(409);
    const { res, body: detail } = await api.detail(viewer, a.id);
    expect(ddbCost(res).requests).toBe(1);
    expect(detail.reviews.map((r) => [r.period, r.shortcomings, r.version])).toEqual([['2024-H1', 'Đã sửa', 2]]);
    expect(detail.agreement.reviewPeriods).toEqual(['2024-H1']);
  });

  it('names bad review input: period, unknown item, more names than the count', async () => {
    const period = await api.call('PUT', `/${a.id}/reviews/2024-Q3`, editor, { heldOn: '2024-07-22' });
    expect((await problemOf(period)).errors![0]).toMatchObject({ field: 'period', in: 'path' });
    const outside = await api.call('PUT', `/${a.id}/reviews/2023-Y`, editor, { heldOn: '2024-01-22' });
    expect((await problemOf(outside)).errors![0]).toMatchObject({ field: 'period' });
    const item = await api.call('PUT', `/${a.id}/reviews/2024-Y`, editor, { heldOn: '2024-12-22', itemResults: [{ no: 7, result: 'x' }] });
    expect((await problemOf(item)).errors![0]).toMatchObject({ field: 'itemResults.0.no' });
    const names = await api.call('PUT', `/${a.id}/reviews/2024-Y`, editor, {
      heldOn: '2024-12-22',
      commendations: { individuals: { count: 1, names: ['A', 'B'] } },
    });
    expect((await problemOf(names)).errors![0]).toMatchObject({ field: 'commendations.individuals.names' });
  });
});

describe('lists: filters, search without diacritics, paging — one request per page', () => {
  let t: Headers;
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    t = (await h.userToken({ role: 'locality_admin', provinceCode: '01', localityCode: '00602' })).headers;
    const mk = async (name: string, body: Parameters<typeof api.create>[1], sign = false) => {
      const a = await api.create(t, body);
      ids[name] = a.id;
      if (sign) await api.sign(t, a.id, 1);
    };
    await mk(
      'reg',
      regulationBody({
        parties: [
          { agency: 'HDND', name: 'HĐND quận Bắc Từ Liêm' },
          { agency: 'MTTQ', name: 'Ủy ban MTTQ quận Bắc Từ Liêm' },
        ],
      }),
      true,
    );
    await mk('p2023', programBody({ year: 2023, title: 'Phối hợp công tác năm 2023' }), true);
    await mk('p2024', programBody({ title: 'Phối hợp công tác năm 2024' }));
    await mk('plan', {
      ...programBody({ kind: 'plan', title: 'Kế hoạch giám sát chung năm 2024' }),
      parties: [
        { agency: 'HCCB', name: 'Hội CCB' },
        { agency: 'MTTQ', name: 'UB MTTQ' },
      ],
    });
    await mk('reg2', regulationBody({ term: { from: 2016, to: 2021 }, title: 'Phối hợp nhiệm kỳ 2016-2021' }));
  });

  const idsOf = (items: AgreementSummary[] | undefined) => (items ?? []).map((i) => i.id);

  it('lists all of the tenant, regulations first then programs and plans, newest year first', async () => {
    const { res, body } = await api.list(t);
    expect(ddbCost(res).requests).toBe(1);
    expect(idsOf(body!.items)).toEqual([ids.reg, ids.reg2, ids.p2024, ids.p2023, ids.plan]);
  });

  it('filters by kind, status, year, term and party', async () => {
    const cases: [string, string[]][] = [
      ['kind=program', [ids.p2024!, ids.p2023!]],
      ['kind=program&year=2023', [ids.p2023!]],
      ['status=in_force', [ids.p2023!, ids.reg!]],
      ['status=draft&kind=regulation', [ids.reg2!]],
      ['year=2024', [ids.reg!, ids.p2024!, ids.plan!]],
      ['year=2018', [ids.reg2!]],
      ['term=2021-2026', [ids.reg!]],
      ['kind=regulation&term=2016-2021', [ids.reg2!]],
      ['party=HCCB', [ids.plan!]],
      ['party=UBND&kind=program', [ids.p2024!, ids.p2023!]],
    ];
    for (const [query, expected] of cases) {
      const { res, body } = await api.list(t, query);
      expect(ddbCost(res).requests, query).toBe(1);
      // Order is covered above; the fixed test clock gives equal timestamps, so compare membership here.
      expect(idsOf(body!.items).sort(), query).toEqual([...expected].sort());
    }
  });

  it('finds text without diacritics, in any case, across title, number, parties and items', async () => {
    for (const [q, expected] of [
      // Every word must occur (in any field): "giám sát" and "chung" alone are also in the regulations' articles.
      ['giam sat chung', [ids.reg, ids.reg2, ids.plan]],
      ['giam sat chung nam 2024', [ids.plan]],
      ['GIÁM SÁT CHUNG NĂM 2024', [ids.plan]],
      ['69/qcph', [ids.reg, ids.reg2]],
      ['bac tu liem', [ids.reg]],
      ['phan bien xa hoi 2023', [ids.p2023]],
    ] as [string, string[]][]) {
      const { res, body } = await api.list(t, `q=${encodeURIComponent(q)}`);
      expect(ddbCost(res).requests, q).toBe(1);
      expect(idsOf(body!.items), q).toEqual(expected);
    }
  });

  it('pages with an opaque cursor, one request per page, and rejects forged cursors', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const { res, body }: { res: Response; body: { items: AgreementSummary[]; nextCursor: string | null } | null } = await api.list(
        t,
        `limit=2${cursor ? `&cursor=${cursor}` : ''}`,
      );
      expect(ddbCost(res).requests).toBe(1);
      seen.push(...idsOf(body!.items));
      cursor = body!.nextCursor;
      pages += 1;
    } while (cursor && pages < 10);
    expect(seen).toEqual([ids.reg, ids.reg2, ids.p2024, ids.p2023, ids.plan]);

    const first = (await api.list(t, 'limit=1')).body!.nextCursor!;
    const decoded = JSON.parse(Buffer.from(first, 'base64url').toString()) as { i: string; k: Record<string, string> };
    const forge = (k: Record<string, string>, i = decoded.i) => Buffer.from(JSON.stringify({ i, k })).toString('base64url');
    const otherTenant = forge({ ...decoded.k, GSI1PK: '01#00103#AGR', PK: decoded.k.PK!.replace('01#00602', '01#00103') });
    for (const bad of ['%%%', 'eyJ4Ijox', otherTenant, forge(decoded.k, 'GSI2'), forge({ ...decoded.k, extra: 'x' })]) {
      const res = await api.call('GET', `?cursor=${encodeURIComponent(bad)}`, t);
      expect(res.status, bad).toBe(400);
      expect((await problemOf(res)).errors![0]).toMatchObject({ field: 'cursor', in: 'query' });
    }
    expect((await problemOf(await api.call('GET', '?kind=treaty', t))).errors![0]).toMatchObject({ field: 'kind', in: 'query' });
  });
});

describe('audit', () => {
  it('records every agreement mutation in the same transaction', async () => {
    const t = (await h.userToken({ role: 'locality_editor', provinceCode: '01', localityCode: '00199' })).headers;
    const a = await api.create(t);
    await api.call('PUT', `/${a.id}`, t, { ...programBody({ title: 'Đã sửa tên' }), version: 1 });
    await api.sign(t, a.id, 2);
    await api.call('PATCH', `/${a.id}/items/1`, t, { version: 1, progress: 20 });
    await api.call('PUT', `/${a.id}/reviews/2024-H1`, t, { heldOn: '2024-02-29' });
    await api.call('POST', `/${a.id}/status`, t, { version: 3, to: 'expired', on: '2024-02-29' });
    const store = new MeteredStore(h.doc, h.tableName);
    const audit = await store.query({ KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': '01#00199#AUDIT#2024-03' } });
    const mine = audit.items.filter((i) => String((i.target as { id: string }).id).startsWith(a.id));
    // The clock is fixed, so all events share a timestamp: compare as a set, one event per mutation.
    expect(mine.map((i) => `${(i.target as { entity: string }).entity}:${i.action}`).sort()).toEqual(
      ['agreement:create', 'agreement:update', 'agreement:sign', 'agreement-item:progress', 'agreement-review:create', 'agreement:transition'].sort(),
    );
    const update = mine.find((i) => i.action === 'update')!;
    expect(update.changes).toMatchObject({ title: { before: 'Phối hợp công tác năm 2024', after: 'Đã sửa tên' } });
  });
});

describe('audit of amendments and deletions', () => {
  it('records the amendment on both records, the supersession, and a deleted draft', async () => {
    const t = (await h.userToken({ role: 'locality_editor', provinceCode: '01', localityCode: '00166' })).headers;
    const a = await api.create(t);
    await api.sign(t, a.id, 1);
    const res = await api.call('POST', `/${a.id}/amendments`, t, { version: 2, reason: 'Bổ sung' });
    const amendment = ((await res.json()) as { agreement: AgreementSummary }).agreement;
    await api.sign(t, amendment.id, 1);
    const draft = await api.create(t);
    await api.call('DELETE', `/${draft.id}`, t, undefined, { 'if-match': '"1"' });
    const store = new MeteredStore(h.doc, h.tableName);
    const audit = await store.query({ KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': '01#00166#AUDIT#2024-03' } });
    const events = audit.items.map((i) => `${(i.target as { id: string }).id}:${i.action}`).sort();
    expect(events).toEqual(
      [
        `${a.id}:create`,
        `${a.id}:sign`,
        `${a.id}:amend`,
        `${amendment.id}:create`,
        `${amendment.id}:sign`,
        `${a.id}:supersede`,
        `${draft.id}:create`,
        `${draft.id}:delete`,
      ].sort(),
    );
  });
});

describe('province staff', () => {
  it('drill down read-only into a district of their province', async () => {
    const a = await api.create(editor, programBody({ title: 'Chương trình cho tỉnh xem' }));
    const hanoiViewer = (await h.userToken({ role: 'province_viewer', provinceCode: '01', localityCode: null })).headers;
    const { res, body } = await api.detail(hanoiViewer, a.id, '?locality=00103');
    expect(ddbCost(res).requests).toBe(1);
    expect(body.agreement.title).toBe('Chương trình cho tỉnh xem');
    const list = await api.list(hanoiViewer, 'locality=00103&q=cho tinh xem');
    expect(idsOf(list.body!.items)).toEqual([a.id]);
    expect((await api.call('GET', `/${a.id}/export.docx?locality=00103`, hanoiViewer)).status).toBe(200);
    expect((await api.call('PUT', `/${a.id}?locality=00103`, hanoiViewer, { ...programBody(), version: 1 })).status).toBe(403);
  });

  it('run the province’s own agreements in their own tenant (19#P)', async () => {
    const tnAdmin = (await h.userToken({ role: 'province_admin', provinceCode: '19', localityCode: null })).headers;
    const a = await api.create(tnAdmin, thaiNguyenRegulation());
    const store = new MeteredStore(h.doc, h.tableName);
    expect(await store.get({ Key: keys.agreement({ provinceCode: '19', localityCode: null }, a.id) })).toBeDefined();
    const tnViewer = (await h.userToken({ role: 'province_viewer', provinceCode: '19', localityCode: null })).headers;
    expect(idsOf((await api.list(tnViewer)).body!.items)).toEqual([a.id]);
  });
});

function idsOf(items: AgreementSummary[] | undefined) {
  return (items ?? []).map((i) => i.id);
}

export type { AgreementDetail };
