import { MAX_FILE_BYTES } from '../../shared/archive/limits.js';
import { GetObjectCommand, HeadObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  documentDetailSchema,
  documentListSchema,
  uploadTicketSchema,
  verifyResultSchema,
  checkResultSchema,
  type DocumentDetail,
  type DocumentMetadataInput,
} from '../../shared/archive/schema.js';
import { newId } from '../../shared/ids.js';
import { keys } from '../../shared/keys.js';
import { problemSchema } from '../../shared/problem-schema.js';
import type { Role } from '../../shared/roles.js';
import { makeDocx, makeJpeg, makePdf, makePng, makeXlsx, sha256 } from '../support/archive-files.js';
import { ddbCost, harnessSuite } from '../support/harness.js';

type Who = { headers: Record<string, string>; user: { sub: string } };
const TAYHO = { provinceCode: '01', localityCode: '00103' };
let editor: Who, admin: Who, viewer: Who, otherDistrict: Who, otherProvince: Who, provinceViewer: Who, otherProvinceViewer: Who, provinceAdmin: Who;
const agreementId = newId();
const planId = newId();

const h = harnessSuite();

beforeAll(async () => {
  const token = (role: Role, provinceCode: string, localityCode: string | null) => h.userToken({ role, provinceCode, localityCode });
  [editor, admin, viewer, otherDistrict, otherProvince, provinceViewer, otherProvinceViewer, provinceAdmin] = await Promise.all([
    token('locality_editor', '01', '00103'),
    token('locality_admin', '01', '00103'),
    token('locality_viewer', '01', '00103'),
    token('locality_admin', '01', '00166'),
    token('locality_admin', '19', '05443'),
    token('province_viewer', '01', null),
    token('province_viewer', '19', null),
    token('province_admin', '01', null),
  ]);
  // The agreements (#4) and supervision (#5) capabilities own these records; a header item is all a link needs.
  await h.doc.send(
    new PutCommand({ TableName: h.tableName, Item: { ...keys.agreement(TAYHO, agreementId), entity: 'agreement', status: 'signed', version: 1 } }),
  );
  await h.doc.send(new PutCommand({ TableName: h.tableName, Item: { ...keys.supervisionPlan(TAYHO, planId), entity: 'supervision-plan', version: 1 } }));
});

function call(method: string, path: string, who: Who | null, body?: unknown, headers: Record<string, string> = {}) {
  return h.app.request(path, {
    method,
    headers: { ...(who?.headers ?? {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
}

async function problemOf(res: Response) {
  expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  return problemSchema.parse(await res.json());
}

const MIME = { pdf: 'application/pdf', png: 'image/png', jpeg: 'image/jpeg', docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' };

function metadata(over: Partial<DocumentMetadataInput> = {}): DocumentMetadataInput {
  return {
    type: 'QC',
    numberSymbol: '01/QCPH-HĐND-UBND-MTTQ',
    issuingAgencies: ['Thường trực HĐND quận Tây Hồ', 'UBND quận Tây Hồ', 'Ban Thường trực Ủy ban MTTQ Việt Nam quận Tây Hồ'],
    signedOn: '2021-11-10',
    signers: [{ name: 'Nguyễn Thu Hà', title: 'Chủ tịch HĐND quận', agency: 'HĐND' }],
    summary: 'Quy chế phối hợp công tác nhiệm kỳ 2021–2026, lễ ký kết giữa HĐND, UBND và Ủy ban MTTQ',
    links: [],
    tags: ['nhiệm kỳ 2021–2026'],
    ...over,
  };
}

async function declare(
  who: Who,
  bytes: Buffer,
  opts: { contentType?: string; size?: number; sha?: string; meta?: Partial<DocumentMetadataInput>; name?: string } = {},
) {
  const res = await call('POST', '/api/archive/uploads', who, {
    file: {
      name: opts.name ?? 'quy-che.pdf',
      size: opts.size ?? bytes.length,
      contentType: opts.contentType ?? MIME.pdf,
      ...(opts.sha ? { sha256: opts.sha } : {}),
    },
    document: metadata(opts.meta),
  });
  return res;
}

async function putTo(ticket: { put: { url: string; headers: Record<string, string> } }, bytes: Buffer) {
  return fetch(ticket.put.url, { method: 'PUT', headers: ticket.put.headers, body: new Uint8Array(bytes) });
}

/** The whole flow a browser runs: declare, PUT to the presigned URL, complete. */
async function archive(who: Who, bytes: Buffer, opts: Parameters<typeof declare>[2] = {}): Promise<DocumentDetail> {
  const res = await declare(who, bytes, opts);
  expect(res.status, await res.clone().text()).toBe(201);
  const ticket = uploadTicketSchema.parse(await res.json());
  expect((await putTo(ticket, bytes)).status).toBe(200);
  const done = await call('POST', `/api/archive/uploads/${ticket.uploadId}/complete`, who);
  expect(done.status, await done.clone().text()).toBe(201);
  return documentDetailSchema.parse(await done.json());
}

async function objectBytes(key: string): Promise<Buffer | null> {
  try {
    const out = await h.s3.send(new GetObjectCommand({ Bucket: h.bucket, Key: key }));
    return Buffer.from(await out.Body!.transformToByteArray());
  } catch (err) {
    if ((err as Error).name === 'NoSuchKey') return null;
    throw err;
  }
}

async function versionItem(docId: string, n: number, t = TAYHO) {
  return (await h.doc.send(new GetCommand({ TableName: h.tableName, Key: keys.documentVersion(t, docId, n) }))).Item!;
}

async function auditOf(docId: string) {
  const month = new Date().toISOString().slice(0, 7);
  const out = await h.doc.send(
    new QueryCommand({ TableName: h.tableName, KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': `01#00103#AUDIT#${month}` } }),
  );
  return (out.Items ?? []).filter((i) => (i.target as { id: string }).id === docId);
}

describe('upload through a presigned URL, completion, integrity', () => {
  let doc: DocumentDetail;
  const pdf = makePdf('QUY CHE PHOI HOP 2021-2026');

  it('issues a short presigned PUT bound to length and type, in the tenant’s incoming area', async () => {
    const res = await declare(editor, pdf, { meta: { links: [{ kind: 'agreement', id: agreementId }] } });
    expect(res.status).toBe(201);
    const ticket = uploadTicketSchema.parse(await res.json());
    const url = new URL(ticket.put.url);
    expect(url.pathname).toBe(`/${h.bucket}/incoming/01/00103/${ticket.uploadId}`);
    expect(url.searchParams.get('X-Amz-SignedHeaders')).toBe('content-length;content-type;host');
    expect(Number(url.searchParams.get('X-Amz-Expires'))).toBeLessThanOrEqual(600);
    expect(url.searchParams.has('x-amz-checksum-crc32')).toBe(false);
    expect(ticket.put.headers).toEqual({ 'content-type': 'application/pdf' });

    expect((await putTo(ticket, pdf)).status).toBe(200);
    const done = await call('POST', `/api/archive/uploads/${ticket.uploadId}/complete`, editor);
    expect(done.status).toBe(201);
    doc = documentDetailSchema.parse(await done.json());
    expect(doc).toMatchObject({ type: 'QC', latestVersionNo: 1, version: 1, links: [{ kind: 'agreement', id: agreementId }] });
    expect(doc.versions).toHaveLength(1);
    expect(doc.versions[0]).toMatchObject({ versionNo: 1, sha256: sha256(pdf), size: pdf.length, kind: 'pdf', current: true, fileName: 'quy-che.pdf' });

    // The original is at its permanent key under the tenant prefix; the incoming copy is gone.
    const item = await versionItem(doc.id, 1);
    expect(item.s3Key).toBe(`01/00103/${doc.id}/0001-${ticket.uploadId}`);
    expect((await objectBytes(item.s3Key as string))?.equals(pdf)).toBe(true);
    expect(await objectBytes(`incoming/01/00103/${ticket.uploadId}`)).toBeNull();
    const head = await h.s3.send(new HeadObjectCommand({ Bucket: h.bucket, Key: item.s3Key as string }));
    expect(head.Metadata?.sha256).toBe(sha256(pdf));

    // Audit and the link mirror in the agreement's partition were written with it.
    const audit = await auditOf(doc.id);
    expect(audit.map((a) => a.action)).toEqual(['create']);
    const mirror = await h.doc.send(
      new GetCommand({ TableName: h.tableName, Key: keys.documentLinkMirror(TAYHO, { kind: 'agreement', id: agreementId }, doc.id) }),
    );
    expect(mirror.Item).toMatchObject({ documentId: doc.id, numberSymbol: '01/QCPH-HĐND-UBND-MTTQ', deleted: false });

    // A retried completion answers the same document, and creates nothing new.
    const again = await call('POST', `/api/archive/uploads/${ticket.uploadId}/complete`, editor);
    expect(again.status).toBe(200);
    expect(documentDetailSchema.parse(await again.json()).id).toBe(doc.id);
    expect(await auditOf(doc.id)).toHaveLength(1);
  });

  it('reads detail, list, url and hash look-up with one DynamoDB request each', async () => {
    const detail = await call('GET', `/api/archive/documents/${doc.id}`, viewer);
    expect(detail.status).toBe(200);
    expect(ddbCost(detail).requests).toBe(1);
    expect(detail.headers.get('etag')).toBe('"1"');
    const list = await call('GET', '/api/archive/documents', viewer);
    expect(ddbCost(list).requests).toBe(1);
    expect(documentListSchema.parse(await list.json()).items.map((d) => d.id)).toContain(doc.id);
    const url = await call('GET', `/api/archive/documents/${doc.id}/versions/1/url?disposition=inline`, viewer);
    expect(ddbCost(url).requests).toBe(1);
    const check = await call('GET', `/api/archive/check?sha256=${sha256(pdf).toUpperCase()}`, viewer);
    expect(ddbCost(check).requests).toBe(1);
    expect(checkResultSchema.parse(await check.json()).matches).toEqual([
      expect.objectContaining({ documentId: doc.id, versionNo: 1, current: true, deleted: false }),
    ]);
    const none = await call('GET', `/api/archive/check?sha256=${sha256(Buffer.from('khác'))}`, viewer);
    expect(checkResultSchema.parse(await none.json()).matches).toEqual([]);
  });

  it('previews and downloads through short-lived presigned GETs only', async () => {
    const res = await call('GET', `/api/archive/documents/${doc.id}/versions/1/url?disposition=inline`, viewer);
    const { url } = (await res.json()) as { url: string };
    const u = new URL(url);
    expect(u.pathname.startsWith(`/${h.bucket}/01/00103/${doc.id}/`)).toBe(true);
    expect(Number(u.searchParams.get('X-Amz-Expires'))).toBeLessThanOrEqual(300);
    const got = await fetch(url);
    expect(got.status).toBe(200);
    expect(got.headers.get('content-type')).toBe('application/pdf');
    expect(got.headers.get('content-disposition')).toMatch(/^inline; filename="quy-che.pdf"/);
    expect(Buffer.from(await got.arrayBuffer()).equals(pdf)).toBe(true);
    const dl = (await (await call('GET', `/api/archive/documents/${doc.id}/versions/1/url`, viewer)).json()) as { url: string };
    expect((await fetch(dl.url)).headers.get('content-disposition')).toMatch(/^attachment;/);
    // A URL signed more than its lifetime ago is refused. (Anonymous access is refused by the real
    // bucket's Block Public Access; s3rver has no access control to test that against.)
    h.setClock(() => new Date(Date.now() - 6 * 60_000));
    const old = (await (await call('GET', `/api/archive/documents/${doc.id}/versions/1/url`, viewer)).json()) as { url: string };
    h.setClock(() => new Date());
    expect((await fetch(old.url)).status).toBe(403);
  });

  it('verifies the stored hash, and detects an object changed behind the app’s back', async () => {
    const ok = await call('POST', `/api/archive/documents/${doc.id}/versions/1/verify`, viewer);
    expect(ok.status).toBe(200);
    expect(verifyResultSchema.parse(await ok.json())).toMatchObject({ ok: true, expected: sha256(pdf), actual: sha256(pdf) });

    const item = await versionItem(doc.id, 1);
    const tampered = makePdf('QUY CHE PHOI HOP 2021-2026 (da sua)');
    await h.s3.send(new PutObjectCommand({ Bucket: h.bucket, Key: item.s3Key as string, Body: tampered, ContentType: 'application/pdf' }));
    const bad = await call('POST', `/api/archive/documents/${doc.id}/versions/1/verify`, viewer);
    expect(verifyResultSchema.parse(await bad.json())).toMatchObject({ ok: false, expected: sha256(pdf), actual: sha256(tampered) });
    // Put the original back for the tests that follow.
    await h.s3.send(new PutObjectCommand({ Bucket: h.bucket, Key: item.s3Key as string, Body: pdf, ContentType: 'application/pdf' }));
  });

  it('keeps a version chain: a correction is a new version, the original stays', async () => {
    const v2 = makePdf('QUY CHE PHOI HOP 2021-2026 ban dinh chinh');
    const body = { file: { name: 'quy-che-dinh-chinh.pdf', size: v2.length, contentType: MIME.pdf }, note: 'Đính chính lỗi chính tả ở Điều 5' };
    const noIfMatch = await call('POST', `/api/archive/documents/${doc.id}/uploads`, editor, body);
    expect(noIfMatch.status).toBe(400);
    // The one version problem of every capability: the version read is required, as If-Match or body `version`.
    expect((await problemOf(noIfMatch)).errors?.[0]).toMatchObject({ field: 'version', in: 'body', message_en: expect.stringContaining('If-Match') });
    const stale = await call('POST', `/api/archive/documents/${doc.id}/uploads`, editor, body, { 'if-match': '"7"' });
    expect(stale.status).toBe(409);
    expect((await call('POST', `/api/archive/documents/${doc.id}/uploads`, editor, { ...body, version: 7 })).status).toBe(409);
    const disagree = await call('POST', `/api/archive/documents/${doc.id}/uploads`, editor, { ...body, version: 1 }, { 'if-match': '"2"' });
    expect((await problemOf(disagree)).errors?.[0]).toMatchObject({ field: 'version', in: 'body' });

    const res = await call('POST', `/api/archive/documents/${doc.id}/uploads`, editor, body, { 'if-match': '"1"' });
    expect(res.status).toBe(201);
    const ticket = uploadTicketSchema.parse(await res.json());
    expect(ticket.documentId).toBe(doc.id);
    await putTo(ticket, v2);
    const done = await call('POST', `/api/archive/uploads/${ticket.uploadId}/complete`, editor);
    expect(done.status).toBe(201);
    const after = documentDetailSchema.parse(await done.json());
    expect(after.latestVersionNo).toBe(2);
    expect(after.version).toBe(2);
    expect(after.current.sha256).toBe(sha256(v2));
    expect(after.versions.map((v) => [v.versionNo, v.current, v.sha256])).toEqual([
      [1, false, sha256(pdf)],
      [2, true, sha256(v2)],
    ]);
    expect(after.versions[1]!.note).toBe('Đính chính lỗi chính tả ở Điều 5');
    // Both files are stored, each under its own key; version 1 is byte-for-byte the original.
    expect((await objectBytes((await versionItem(doc.id, 1)).s3Key as string))?.equals(pdf)).toBe(true);
    expect((await objectBytes((await versionItem(doc.id, 2)).s3Key as string))?.equals(v2)).toBe(true);
    // The original's hash still finds it, marked as superseded.
    const check = checkResultSchema.parse(await (await call('GET', `/api/archive/check?sha256=${sha256(pdf)}`, viewer)).json());
    expect(check.matches).toEqual([expect.objectContaining({ documentId: doc.id, versionNo: 1, current: false })]);
    expect((await auditOf(doc.id)).map((a) => a.action).sort()).toEqual(['create', 'new-version']);
    const verify2 = await call('POST', `/api/archive/documents/${doc.id}/versions/2/verify`, viewer);
    expect(verifyResultSchema.parse(await verify2.json()).ok).toBe(true);
    doc = after;
  });

  it('refuses a completion whose document changed after the upload was declared', async () => {
    const v3 = makePdf('v3');
    const body = { file: { name: 'v3.pdf', size: v3.length, contentType: MIME.pdf }, note: 'Bản thứ ba' };
    const a = uploadTicketSchema.parse(await (await call('POST', `/api/archive/documents/${doc.id}/uploads`, editor, body, { 'if-match': '"2"' })).json());
    const b = uploadTicketSchema.parse(await (await call('POST', `/api/archive/documents/${doc.id}/uploads`, editor, body, { 'if-match': '"2"' })).json());
    await putTo(a, v3);
    await putTo(b, v3);
    expect((await call('POST', `/api/archive/uploads/${a.uploadId}/complete`, editor)).status).toBe(201);
    expect((await call('POST', `/api/archive/uploads/${b.uploadId}/complete`, editor)).status).toBe(409);
    const detail = documentDetailSchema.parse(await (await call('GET', `/api/archive/documents/${doc.id}`, editor)).json());
    expect(detail.versions.map((v) => v.versionNo)).toEqual([1, 2, 3]);
  });
});

describe('content checks: 415, 413, mismatches', () => {
  it('refuses a declared type outside PDF/JPEG/PNG/DOCX with 415 and a declared size over 50 MB with 413', async () => {
    const txt = await declare(editor, Buffer.from('hello'), { contentType: 'text/plain', name: 'a.txt' });
    expect(txt.status).toBe(415);
    expect((await problemOf(txt)).type).toBe('urn:phoi-hop:problem:unsupported-media-type');
    const big = await declare(editor, Buffer.from('x'), { size: MAX_FILE_BYTES + 1 });
    expect(big.status).toBe(413);
    expect((await problemOf(big)).type).toBe('urn:phoi-hop:problem:too-large');
  });

  it('accepts JPEG, PNG and DOCX by content', async () => {
    const png = await archive(editor, makePng(), { contentType: MIME.png, name: 'bien-ban.png', meta: { type: 'BB', numberSymbol: '05/BB-HĐND' } });
    expect(png.current.kind).toBe('png');
    const jpg = await archive(editor, makeJpeg(), { contentType: MIME.jpeg, name: 'anh.jpg', meta: { type: 'BB', numberSymbol: '06/BB-HĐND' } });
    expect(jpg.current.kind).toBe('jpeg');
    const docx = await archive(editor, makeDocx(2000), { contentType: MIME.docx, name: 'bao-cao.docx', meta: { type: 'BC', numberSymbol: '07/BC-UBND' } });
    expect(docx.current).toMatchObject({ kind: 'docx', contentType: MIME.docx });
  });

  async function rejected(bytes: Buffer, contentType: string) {
    const ticket = uploadTicketSchema.parse(await (await declare(editor, bytes, { contentType })).json());
    await putTo(ticket, bytes);
    const res = await call('POST', `/api/archive/uploads/${ticket.uploadId}/complete`, editor);
    return { res, ticket };
  }

  it('rejects content that is not what it claims with 415 and removes it from the incoming area', async () => {
    const html = Buffer.from('<html><body>not a pdf</body></html>');
    const { res, ticket } = await rejected(html, MIME.pdf);
    expect(res.status).toBe(415);
    expect((await problemOf(res)).detail_vi).toBe('Nội dung tệp không phải PDF, JPEG, PNG hay DOCX');
    expect(await objectBytes(`incoming/01/00103/${ticket.uploadId}`)).toBeNull();
    // The upload is spent: completing it again finds nothing.
    expect((await call('POST', `/api/archive/uploads/${ticket.uploadId}/complete`, editor)).status).toBe(404);
    const xlsx = await rejected(makeXlsx(), MIME.docx);
    expect(xlsx.res.status).toBe(415);
    const png = await rejected(makePng(), MIME.pdf);
    expect(png.res.status).toBe(415);
    expect((await problemOf(png.res)).detail).toBe("The file's content is PNG, not PDF as declared");
  });

  it('rejects an object over 50 MB with 413 even if it was declared smaller', async () => {
    const ticket = uploadTicketSchema.parse(await (await declare(editor, makePdf('x'), {})).json());
    // What a misbehaving client could store (real S3 refuses it: the length is signed; s3rver does not check).
    const huge = Buffer.alloc(MAX_FILE_BYTES + 1, 0x20);
    huge.write('%PDF-1.4\n');
    await h.s3.send(new PutObjectCommand({ Bucket: h.bucket, Key: `incoming/01/00103/${ticket.uploadId}`, Body: huge }));
    const res = await call('POST', `/api/archive/uploads/${ticket.uploadId}/complete`, editor);
    expect(res.status).toBe(413);
    expect(await objectBytes(`incoming/01/00103/${ticket.uploadId}`)).toBeNull();
  });

  it('refuses a size or browser-hash mismatch, and a completion before the file arrived', async () => {
    const pdf = makePdf('size');
    const t1 = uploadTicketSchema.parse(await (await declare(editor, pdf, { size: pdf.length + 10 })).json());
    await h.s3.send(new PutObjectCommand({ Bucket: h.bucket, Key: `incoming/01/00103/${t1.uploadId}`, Body: pdf }));
    expect((await call('POST', `/api/archive/uploads/${t1.uploadId}/complete`, editor)).status).toBe(400);

    const t2 = uploadTicketSchema.parse(await (await declare(editor, pdf, { sha: sha256(Buffer.from('other')) })).json());
    await putTo(t2, pdf);
    const res2 = await call('POST', `/api/archive/uploads/${t2.uploadId}/complete`, editor);
    expect(res2.status).toBe(400);
    expect((await problemOf(res2)).detail).toMatch(/SHA-256/);

    const t3 = uploadTicketSchema.parse(await (await declare(editor, pdf, { sha: sha256(pdf) })).json());
    const early = await call('POST', `/api/archive/uploads/${t3.uploadId}/complete`, editor);
    expect(early.status).toBe(409);
    await putTo(t3, pdf);
    expect((await call('POST', `/api/archive/uploads/${t3.uploadId}/complete`, editor)).status).toBe(201);
  });

  it('lets a presigned PUT expire', async () => {
    const pdf = makePdf('late');
    h.setClock(() => new Date(Date.now() - 11 * 60_000));
    const ticket = uploadTicketSchema.parse(await (await declare(editor, pdf)).json());
    h.setClock(() => new Date());
    const res = await putTo(ticket, pdf);
    expect(res.status).toBe(403);
    expect(await res.text()).toContain('Request has expired');
  });
});

describe('bad input names the field (400 problem, Vietnamese and English)', () => {
  it('names missing and malformed metadata fields', async () => {
    const res = await call('POST', '/api/archive/uploads', editor, {
      file: { name: 'a.pdf', size: 0, contentType: MIME.pdf },
      document: { ...metadata(), numberSymbol: undefined, type: 'XYZ', signedOn: '10/11/2021', extra: 1 },
    });
    expect(res.status).toBe(400);
    const p = await problemOf(res);
    const fields = (p.errors ?? []).map((e) => e.field).sort();
    expect(fields).toEqual(['document.extra', 'document.numberSymbol', 'document.signedOn', 'document.type', 'file.size']);
    const type = p.errors!.find((e) => e.field === 'document.type')!;
    expect(type).toMatchObject({ in: 'body', message_vi: 'Loại văn bản không hợp lệ', message_en: 'Unknown document type' });
    expect(p.errors!.find((e) => e.field === 'document.signedOn')).toMatchObject({ message_vi: 'Ngày theo dạng yyyy-mm-dd' });
  });

  it('names a link to a record that does not exist in the tenant', async () => {
    const res = await declare(editor, makePdf('x'), {
      meta: {
        links: [
          { kind: 'agreement', id: agreementId },
          { kind: 'plan', id: newId() },
        ],
      },
    });
    expect(res.status).toBe(400);
    expect((await problemOf(res)).errors).toEqual([expect.objectContaining({ field: 'document.links.1.id', code: 'not_found' })]);
    // Another district's agreement id is not in this tenant either.
    const foreign = await declare(otherDistrict, makePdf('x'), { meta: { links: [{ kind: 'agreement', id: agreementId }] } });
    expect(foreign.status).toBe(400);
  });

  it('names bad query, path and cursor values', async () => {
    const q = await call('GET', '/api/archive/documents?year=21&type=ZZ', viewer);
    expect((await problemOf(q)).errors?.map((e) => e.field).sort()).toEqual(['type', 'year']);
    const p = await call('GET', '/api/archive/documents/not-an-id', viewer);
    expect((await problemOf(p)).errors?.[0]).toMatchObject({ field: 'id', in: 'path' });
    const c = await call('GET', '/api/archive/documents?cursor=abc', viewer);
    expect((await problemOf(c)).errors?.[0]).toMatchObject({ field: 'cursor', in: 'query' });
    const s = await call('GET', '/api/archive/check?sha256=123', viewer);
    expect((await problemOf(s)).errors?.[0]).toMatchObject({ field: 'sha256', message_en: 'SHA-256 is 64 hexadecimal characters' });
  });
});

describe('search without diacritics, filters, paging', () => {
  let ids: Record<string, string>;
  // A separate tenant keeps these lists exact.
  const CAUGIAY = { provinceCode: '01', localityCode: '00166' };
  let cg: Who;

  beforeAll(async () => {
    cg = await h.userToken({ role: 'locality_editor', ...CAUGIAY });
    const docs = {
      program: await archive(cg, makePdf('a'), {
        meta: {
          type: 'CTr',
          numberSymbol: '12/CTrPH-HĐND-UBND-MTTQ',
          signedOn: '2024-02-28',
          summary: 'Chương trình phối hợp công tác năm 2024, 06 nội dung',
          issuingAgencies: ['HĐND quận Cầu Giấy', 'UBND quận Cầu Giấy', 'Ủy ban MTTQ quận Cầu Giấy'],
          signers: [{ name: 'Vũ Quang Huy' }],
          tags: ['ký kết'],
        },
      }),
      report: await archive(cg, makePdf('b'), {
        meta: {
          type: 'BC',
          numberSymbol: '45/BC-MTTQ',
          signedOn: '2022-07-22',
          summary: 'Báo cáo sơ kết 6 tháng đầu năm 2022 thực hiện quy chế phối hợp',
          issuingAgencies: ['Ban Thường trực Ủy ban MTTQ quận Cầu Giấy'],
          signers: [{ name: 'Đặng Thị Thu' }],
          tags: ['sơ kết'],
        },
      }),
      regulation: await archive(cg, makePdf('c'), {
        meta: {
          type: 'QC',
          numberSymbol: '03/QCPH',
          signedOn: '2021-11-10',
          summary: 'Quy chế phối hợp nhiệm kỳ 2021–2026 được ký kết tại hội nghị',
          issuingAgencies: ['Thường trực HĐND quận Cầu Giấy', 'UBND quận Cầu Giấy'],
          signers: [],
          tags: [],
        },
      }),
    };
    ids = Object.fromEntries(Object.entries(docs).map(([k, d]) => [k, d.id]));
  });

  async function search(query: string) {
    const res = await call('GET', `/api/archive/documents?${query}`, cg);
    expect(res.status, await res.clone().text()).toBe(200);
    expect(ddbCost(res).requests).toBe(1);
    return documentListSchema.parse(await res.json());
  }

  it('lists newest signing date first', async () => {
    expect((await search('')).items.map((d) => d.id)).toEqual([ids.program, ids.report, ids.regulation]);
  });

  it('finds "ký kết" by "ky ket", across summary, tags, signers and number/symbol', async () => {
    expect((await search('q=ky%20ket')).items.map((d) => d.id)).toEqual([ids.program, ids.regulation]);
    expect((await search('q=KY%20KET%20nhiem%20ky')).items.map((d) => d.id)).toEqual([ids.regulation]);
    expect((await search('q=dang%20thi%20thu')).items.map((d) => d.id)).toEqual([ids.report]);
    expect((await search('q=ctrph')).items.map((d) => d.id)).toEqual([ids.program]);
    expect((await search(`q=${encodeURIComponent('sơ kết')}`)).items.map((d) => d.id)).toEqual([ids.report]);
    expect((await search('q=khong%20co%20gi')).items).toEqual([]);
  });

  it('filters by type, year and agency', async () => {
    expect((await search('type=QC')).items.map((d) => d.id)).toEqual([ids.regulation]);
    expect((await search('year=2022')).items.map((d) => d.id)).toEqual([ids.report]);
    expect((await search('type=CTr&year=2024')).items.map((d) => d.id)).toEqual([ids.program]);
    expect((await search('type=CTr&year=2023')).items).toEqual([]);
    expect((await search('agency=mttq')).items.map((d) => d.id)).toEqual([ids.program, ids.report]);
    expect((await search(`agency=${encodeURIComponent('Thường trực HĐND')}&q=quy%20che`)).items.map((d) => d.id)).toEqual([ids.regulation]);
  });

  it('pages with an opaque cursor, with and without filters', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof search>> = await search(`limit=1${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...page.items.map((d) => d.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual([ids.program, ids.report, ids.regulation]);
    const first = await search('q=quy%20che&limit=1');
    expect(first.items.map((d) => d.id)).toEqual([ids.report]);
    const second = await search(`q=quy%20che&limit=1&cursor=${first.nextCursor}`);
    expect(second.items.map((d) => d.id)).toEqual([ids.regulation]);
  });

  it('refuses a cursor of another list: the whole list, another type, another year', async () => {
    const all = await search('limit=1');
    const bad = async (query: string) => {
      const res = await call('GET', `/api/archive/documents?${query}`, cg);
      expect(res.status, query).toBe(400);
      expect((await problemOf(res)).errors?.[0]).toMatchObject({ field: 'cursor', in: 'query' });
    };
    await bad(`type=CTr&limit=1&cursor=${all.nextCursor}`);
    const programs = await search('type=CTr&limit=1');
    expect(programs.nextCursor).toBeTruthy();
    await bad(`type=QC&limit=1&cursor=${programs.nextCursor}`);
    await bad(`year=2021&limit=1&cursor=${all.nextCursor}`);
    // The caller's own list, with the same cursor, pages on.
    expect((await search(`limit=1&cursor=${all.nextCursor}`)).items.map((d) => d.id)).toEqual([ids.report]);
  });
});

describe('tenant isolation', () => {
  let doc: DocumentDetail;
  const pdf = makePdf('TAY HO - bien ban hoi nghi');
  beforeAll(async () => {
    doc = await archive(editor, pdf, { meta: { type: 'BB', numberSymbol: '99/BB-HĐND', summary: 'Biên bản hội nghị riêng của Tây Hồ' } });
  });

  it('answers 404 with nothing leaked to another district, another province and a foreign province viewer', async () => {
    const paths = [
      `/api/archive/documents/${doc.id}`,
      `/api/archive/documents/${doc.id}/versions/1/url`,
      `/api/archive/documents/${doc.id}?locality=00103`,
      `/api/archive/documents/${doc.id}/versions/1/url?locality=00103`,
    ];
    for (const who of [otherDistrict, otherProvince, otherProvinceViewer]) {
      for (const path of paths) {
        const res = await call('GET', path, who);
        expect(res.status, `${path}`).toBe(404);
        const text = await res.text();
        expect(text).not.toContain('99/BB');
        expect(text).not.toContain('Tây Hồ');
        expect(text).not.toContain(sha256(pdf));
      }
      expect((await call('POST', `/api/archive/documents/${doc.id}/versions/1/verify`, who)).status).toBe(404);
      const list = await call('GET', '/api/archive/documents?q=tay%20ho', who);
      if (list.status === 200) expect(documentListSchema.parse(await list.json()).items.map((d) => d.id)).not.toContain(doc.id);
      const check = await call('GET', `/api/archive/check?sha256=${sha256(pdf)}`, who);
      if (check.status === 200) expect(checkResultSchema.parse(await check.json()).matches).toEqual([]);
      expect((await call('GET', '/api/archive/documents?locality=00103', who)).status).toBe(404);
    }
  });

  it('refuses writes on another tenant’s document and another user’s upload', async () => {
    const body = { file: { name: 'x.pdf', size: 10, contentType: MIME.pdf }, note: 'không được phép' };
    for (const who of [otherDistrict, otherProvince]) {
      expect((await call('POST', `/api/archive/documents/${doc.id}/uploads`, who, body, { 'if-match': '"1"' })).status).toBe(404);
      expect((await call('PATCH', `/api/archive/documents/${doc.id}`, who, { summary: 'sửa trộm' }, { 'if-match': '"1"' })).status).toBe(404);
      expect((await call('DELETE', `/api/archive/documents/${doc.id}`, who, { reason: 'xoá trộm văn bản' }, { 'if-match': '"1"' })).status).toBe(404);
    }
    for (const who of [otherProvinceViewer, provinceViewer, viewer]) {
      expect((await call('POST', `/api/archive/documents/${doc.id}/uploads`, who, body, { 'if-match': '"1"' })).status).toBe(403);
      expect((await call('POST', '/api/archive/uploads', who, { file: body.file, document: metadata() })).status).toBe(403);
    }
    // An upload declared by one user cannot be completed by anyone else, in or out of the tenant.
    const ticket = uploadTicketSchema.parse(await (await declare(editor, pdf)).json());
    await putTo(ticket, pdf);
    for (const who of [admin, otherDistrict, otherProvince]) {
      expect((await call('POST', `/api/archive/uploads/${ticket.uploadId}/complete`, who)).status).toBe(404);
    }
  });

  it('lets province staff read a district of their own province, read-only, with URLs of that district only', async () => {
    const list = await call('GET', '/api/archive/documents?locality=00103', provinceViewer);
    expect(list.status).toBe(200);
    expect(ddbCost(list).requests).toBe(1);
    expect(documentListSchema.parse(await list.json()).items.map((d) => d.id)).toContain(doc.id);
    const url = await call('GET', `/api/archive/documents/${doc.id}/versions/1/url?locality=00103`, provinceViewer);
    expect(new URL(((await url.json()) as { url: string }).url).pathname.startsWith(`/${h.bucket}/01/00103/`)).toBe(true);
    expect((await call('POST', `/api/archive/documents/${doc.id}/versions/1/verify?locality=00103`, provinceViewer)).status).toBe(200);
    // Their own (province) archive is a different tenant: the district's document is not there.
    expect((await call('GET', `/api/archive/documents/${doc.id}`, provinceAdmin)).status).toBe(404);
    // Drilling down never grants deletion or the recycle bin.
    expect((await call('GET', '/api/archive/documents?locality=00103&deleted=true', provinceAdmin)).status).toBe(403);
  });

  it('keeps a province’s own documents under its P prefix', async () => {
    const own = await archive(provinceAdmin, makePdf('tinh'), { meta: { numberSymbol: '01/QC-TU' } });
    const item = await versionItem(own.id, 1, { provinceCode: '01', localityCode: null } as never);
    expect(item.s3Key).toMatch(new RegExp(`^01/P/${own.id}/`));
    expect((await call('GET', `/api/archive/documents/${own.id}`, editor)).status).toBe(404);
  });
});

describe('metadata corrections, soft delete and restore', () => {
  let doc: DocumentDetail;
  beforeAll(async () => {
    doc = await archive(editor, makePdf('nghi quyet'), {
      meta: { type: 'NQ', numberSymbol: '15/NQ-HĐND', summary: 'Nghị quyết về giám sát chuyên đề', links: [{ kind: 'agreement', id: agreementId }] },
    });
  });

  it('corrects metadata with If-Match, moves link mirrors, and audits the change', async () => {
    const stale = await call('PATCH', `/api/archive/documents/${doc.id}`, editor, { summary: 'x' }, { 'if-match': '"9"' });
    expect(stale.status).toBe(409);
    const badLink = await call(
      'PATCH',
      `/api/archive/documents/${doc.id}`,
      editor,
      {
        links: [
          { kind: 'agreement', id: agreementId },
          { kind: 'plan', id: newId() },
        ],
      },
      { 'if-match': '"1"' },
    );
    expect(badLink.status).toBe(400);
    expect((await problemOf(badLink)).errors?.[0]).toMatchObject({ field: 'links.1.id' });
    const res = await call(
      'PATCH',
      `/api/archive/documents/${doc.id}`,
      editor,
      { summary: 'Nghị quyết về giám sát chuyên đề năm 2024', links: [{ kind: 'plan', id: planId }] },
      { 'if-match': '"1"' },
    );
    expect(res.status).toBe(200);
    const after = documentDetailSchema.parse(await res.json());
    expect(after).toMatchObject({ version: 2, summary: 'Nghị quyết về giám sát chuyên đề năm 2024', links: [{ kind: 'plan', id: planId }] });
    const oldMirror = await h.doc.send(
      new GetCommand({ TableName: h.tableName, Key: keys.documentLinkMirror(TAYHO, { kind: 'agreement', id: agreementId }, doc.id) }),
    );
    expect(oldMirror.Item).toBeUndefined();
    const newMirror = await h.doc.send(new GetCommand({ TableName: h.tableName, Key: keys.documentLinkMirror(TAYHO, { kind: 'plan', id: planId }, doc.id) }));
    expect(newMirror.Item).toMatchObject({ summary: 'Nghị quyết về giám sát chuyên đề năm 2024' });
    const update = (await auditOf(doc.id)).find((a) => a.action === 'update')!;
    expect(update.changes.summary).toEqual({ before: 'Nghị quyết về giám sát chuyên đề', after: 'Nghị quyết về giám sát chuyên đề năm 2024' });
    expect((await search('q=nam%202024%20giam%20sat')).map((d) => d.id)).toContain(doc.id);
    doc = after;
  });

  async function search(query: string) {
    return documentListSchema.parse(await (await call('GET', `/api/archive/documents?${query}`, editor)).json()).items;
  }

  it('soft-deletes for admins only, with a reason, keeping the files; restores', async () => {
    expect((await call('DELETE', `/api/archive/documents/${doc.id}`, editor, { reason: 'Tải nhầm văn bản' }, { 'if-match': '"2"' })).status).toBe(403);
    const noReason = await call('DELETE', `/api/archive/documents/${doc.id}`, admin, {}, { 'if-match': '"2"' });
    expect((await problemOf(noReason)).errors?.[0]).toMatchObject({ field: 'reason' });
    const del = await call('DELETE', `/api/archive/documents/${doc.id}`, admin, { reason: 'Tải nhầm văn bản' }, { 'if-match': '"2"' });
    expect(del.status).toBe(200);
    expect(documentDetailSchema.parse(await del.json()).deleted).toMatchObject({ reason: 'Tải nhầm văn bản', by: { userId: admin.user.sub } });

    expect((await search('')).map((d) => d.id)).not.toContain(doc.id);
    expect((await search('type=NQ')).map((d) => d.id)).not.toContain(doc.id);
    expect((await call('GET', `/api/archive/documents/${doc.id}`, editor)).status).toBe(404);
    expect((await call('GET', `/api/archive/documents/${doc.id}/versions/1/url`, editor)).status).toBe(404);
    expect((await call('GET', '/api/archive/documents?deleted=true', editor)).status).toBe(403);
    const bin = await call('GET', '/api/archive/documents?deleted=true', admin);
    expect(ddbCost(bin).requests).toBe(1);
    expect(documentListSchema.parse(await bin.json()).items.map((d) => d.id)).toEqual([doc.id]);
    expect((await call('GET', `/api/archive/documents/${doc.id}`, admin)).status).toBe(200);
    const sha = doc.current.sha256;
    expect(checkResultSchema.parse(await (await call('GET', `/api/archive/check?sha256=${sha}`, editor)).json()).matches).toEqual([]);
    expect(checkResultSchema.parse(await (await call('GET', `/api/archive/check?sha256=${sha}`, admin)).json()).matches[0]).toMatchObject({ deleted: true });
    expect(await objectBytes((await versionItem(doc.id, 1)).s3Key as string)).not.toBeNull();
    const mirror = await h.doc.send(new GetCommand({ TableName: h.tableName, Key: keys.documentLinkMirror(TAYHO, { kind: 'plan', id: planId }, doc.id) }));
    expect(mirror.Item?.deleted).toBe(true);
    expect((await call('DELETE', `/api/archive/documents/${doc.id}`, admin, { reason: 'Xoá lần nữa' }, { 'if-match': '"3"' })).status).toBe(409);

    const restored = await call('POST', `/api/archive/documents/${doc.id}/restore`, admin, { reason: 'Xoá nhầm' }, { 'if-match': '"3"' });
    expect(restored.status).toBe(200);
    expect(documentDetailSchema.parse(await restored.json()).deleted).toBeUndefined();
    expect((await search('type=NQ')).map((d) => d.id)).toContain(doc.id);
    expect((await call('GET', `/api/archive/documents/${doc.id}`, editor)).status).toBe(200);
    const actions = (await auditOf(doc.id)).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['create', 'update', 'delete', 'restore']));
    const delAudit = (await auditOf(doc.id)).find((a) => a.action === 'delete')!;
    expect(delAudit.changes.deleted.after).toMatchObject({ reason: 'Tải nhầm văn bản' });
  });

  it('takes the version read from the body as well as from If-Match', async () => {
    const current = documentDetailSchema.parse(await (await call('GET', `/api/archive/documents/${doc.id}`, editor)).json());
    expect((await call('PATCH', `/api/archive/documents/${doc.id}`, editor, { version: current.version })).status).toBe(400);
    expect((await call('PATCH', `/api/archive/documents/${doc.id}`, editor, { tags: ['giám sát'], version: current.version - 1 })).status).toBe(409);
    const patched = await call('PATCH', `/api/archive/documents/${doc.id}`, editor, { tags: ['giám sát'], version: current.version });
    expect(patched.status).toBe(200);
    expect(documentDetailSchema.parse(await patched.json())).toMatchObject({ tags: ['giám sát'], version: current.version + 1 });
    const del = await call('DELETE', `/api/archive/documents/${doc.id}`, admin, { reason: 'Thử xoá theo phiên bản', version: current.version + 1 });
    expect(del.status).toBe(200);
    const back = await call('POST', `/api/archive/documents/${doc.id}/restore`, admin, { version: current.version + 2 });
    expect(back.status).toBe(200);
    expect(documentDetailSchema.parse(await back.json())).toMatchObject({ version: current.version + 3 });
  });
});
