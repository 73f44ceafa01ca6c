import { GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { GetCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { documentDetailSchema, documentListSchema, verifyResultSchema, type DocumentDetail } from '../../shared/archive/schema.js';
import { keys, s3Keys } from '../../shared/keys.js';
import type { Role } from '../../shared/roles.js';
import { sessionTagsFor } from '../../shared/tenant-access.js';
import { makePdf, makePng } from '../support/archive-files.js';
import { archiveFlow, type Who } from '../support/archive-flow.js';
import { harnessSuite } from '../support/harness.js';
import { hostilePdfs } from '../support/hostile-pdfs.js';
import { appendUpdate, flipByte, makeTestPki, signPdf, type TestPki } from '../support/pdf-signing.js';

/**
 * Digital signatures through the API: fixtures signed here (test CA and signers), uploaded as a
 * browser does, each checked at completion, stored with the version, audited, filterable, re-checked
 * on demand against exactly the stored version; all S3 access through the tenant's session.
 */
let flow: ReturnType<typeof archiveFlow>;
let pki: TestPki;
let editor: Who, viewer: Who, otherWard: Who;
const TAYHO = { provinceCode: '01', localityCode: '00103' };
let signedOnce: Buffer;
const docs: Record<string, DocumentDetail> = {};

const h = harnessSuite();

beforeAll(async () => {
  flow = archiveFlow(h);
  pki = await makeTestPki();
  h.deps.trustAnchorsPem = pki.rootPem;
  const token = (role: Role, localityCode: string) => h.userToken({ role, provinceCode: '01', localityCode });
  [editor, viewer, otherWard] = await Promise.all([token('locality_editor', '00103'), token('locality_viewer', '00103'), token('locality_admin', '00166')]);
  signedOnce = await signPdf(makePdf('QUYET DINH KY SO 12'), pki.signer);
}, 60_000);

const sig = (d: DocumentDetail) => d.versions[d.versions.length - 1]!.signature;

async function auditOf(docId: string) {
  const out = await h.doc.send(
    new QueryCommand({
      TableName: h.tableName,
      KeyConditionExpression: 'PK = :pk',
      ExpressionAttributeValues: { ':pk': keys.audit(TAYHO, new Date().toISOString(), 'x').PK },
    }),
  );
  return (out.Items ?? []).filter((i) => (i.target as { id: string }).id === docId);
}

describe('verdicts at upload, stored with the version', () => {
  it('a PDF signed once by a trusted signer: signer, time, integrity, chain, in the detail, the list and the audit', async () => {
    const doc = await flow.archive(editor, signedOnce, { meta: { numberSymbol: '12/QĐ-UBND', summary: 'Quyết định ký số một lần' } });
    docs.once = doc;
    expect(sig(doc)).toMatchObject({ status: 'trusted', modifiedAfterSigning: false, trustAnchors: 1, verifier: 'pdf-signatures/1' });
    expect(sig(doc)!.signatures[0]).toMatchObject({
      integrity: 'intact',
      trust: 'trusted',
      signingTime: '2024-02-28T03:00:00.000Z',
      signer: { commonName: 'Nguyễn Văn An', organization: 'UBND phường Tây Hồ', serialNumber: '0A1B2C3D4E', issuerCommonName: 'Phoi Hop Test Root CA' },
    });
    expect(doc.current).toMatchObject({ signatureStatus: 'trusted', signedBy: ['Nguyễn Văn An'] });
    const detail = documentDetailSchema.parse(await (await flow.call('GET', `/api/archive/documents/${doc.id}`, viewer)).json());
    expect(sig(detail)?.status).toBe('trusted');
    const [audit] = await auditOf(doc.id);
    expect(JSON.stringify(audit)).toContain('Nguyễn Văn An');
    expect(JSON.stringify(audit)).toContain('"status":"trusted"');
  });

  it('signed twice, signed then appended to, one byte changed, another CA, unsigned, not a PDF', async () => {
    const twice = await signPdf(signedOnce, pki.signer, { reason: 'Dong ky' });
    docs.twice = await flow.archive(editor, twice, { meta: { summary: 'Hai chữ ký' } });
    expect(sig(docs.twice)!.status).toBe('trusted');
    expect(sig(docs.twice)!.signatures.map((s) => [s.integrity, s.coversWholeFile])).toEqual([
      ['intact', false],
      ['intact', true],
    ]);

    docs.appended = await flow.archive(editor, appendUpdate(signedOnce, 'SUA SAU KHI KY'), { meta: { summary: 'Sửa sau khi ký' } });
    expect(sig(docs.appended)).toMatchObject({ status: 'trusted', modifiedAfterSigning: true });

    docs.tampered = await flow.archive(editor, flipByte(signedOnce, 'KY SO 12'), { meta: { summary: 'Bị sửa một byte' } });
    expect(sig(docs.tampered)).toMatchObject({ status: 'broken', signatures: [{ integrity: 'broken', problem: 'digest-mismatch' }] });

    docs.foreign = await flow.archive(editor, await signPdf(makePdf('CA LA'), pki.otherSigner), { meta: { summary: 'CA lạ' } });
    expect(sig(docs.foreign)).toMatchObject({ status: 'untrusted', signatures: [{ trust: 'untrusted', signer: { commonName: 'Trần Thị Bình' } }] });

    docs.unsigned = await flow.archive(editor, makePdf('KHONG KY SO'), { meta: { summary: 'Không ký số' } });
    expect(sig(docs.unsigned)).toMatchObject({ status: 'not-signed', signatures: [] });

    const png = await flow.archive(editor, makePng(), { name: 'anh.png', contentType: 'image/png', meta: { summary: 'Ảnh chụp' } });
    expect(sig(png)).toBeUndefined();
  });

  it('says "no trust anchors configured" when the environment has none', async () => {
    h.deps.trustAnchorsPem = undefined;
    try {
      docs.noAnchors = await flow.archive(editor, signedOnce, { meta: { summary: 'Chưa cấu hình CA' } });
      expect(sig(docs.noAnchors)).toMatchObject({ status: 'no-trust-anchors', trustAnchors: 0, signatures: [{ integrity: 'intact' }] });
    } finally {
      h.deps.trustAnchorsPem = pki.rootPem;
    }
  });

  it('accepts hostile PDFs and answers "cannot verify" (never 5xx), within the time budget', async () => {
    for (const [name, { bytes, expected }] of Object.entries(await hostilePdfs(signedOnce, pki.signer))) {
      const started = performance.now();
      const res = await flow.upload(editor, bytes, { meta: { summary: `Tệp độc hại: ${name}` } });
      expect([name, res.status]).toEqual([name, 201]);
      const doc = documentDetailSchema.parse(await res.json());
      expect([name, sig(doc)?.status]).toEqual([name, expected.status]);
      expect(performance.now() - started, name).toBeLessThan(5000);
    }
  });
});

describe('search: "có chữ ký số"', () => {
  it('lists only documents whose current file carries a signature', async () => {
    const res = await flow.call('GET', '/api/archive/documents?signed=true&limit=100', viewer);
    const ids = documentListSchema.parse(await res.json()).items.map((d) => d.id);
    for (const k of ['once', 'twice', 'appended', 'tampered', 'foreign', 'noAnchors']) expect(ids, k).toContain(docs[k]!.id);
    expect(ids).not.toContain(docs.unsigned!.id);
    const unsigned = documentListSchema.parse(await (await flow.call('GET', '/api/archive/documents?signed=false&limit=100', viewer)).json());
    expect(unsigned.items.map((d) => d.id)).toContain(docs.unsigned!.id);
    expect(unsigned.items.map((d) => d.id)).not.toContain(docs.once!.id);
  });
});

describe('re-verification on demand, of exactly the stored version', () => {
  it('re-checks with the anchors configured now, stores the result and audits it', async () => {
    const id = docs.noAnchors!.id;
    const res = await flow.call('POST', `/api/archive/documents/${id}/versions/1/verify`, editor);
    const body = verifyResultSchema.parse(await res.json());
    expect(body).toMatchObject({ ok: true, signature: { status: 'trusted' } });
    const detail = documentDetailSchema.parse(await (await flow.call('GET', `/api/archive/documents/${id}`, viewer)).json());
    expect(sig(detail)?.status).toBe('trusted');
    expect((await auditOf(id)).map((a) => a.action)).toContain('verify-signature');
  });

  it('a viewer may re-check but stores nothing', async () => {
    h.deps.trustAnchorsPem = undefined;
    try {
      const body = verifyResultSchema.parse(await (await flow.call('POST', `/api/archive/documents/${docs.once!.id}/versions/1/verify`, viewer)).json());
      expect(body.signature?.status).toBe('no-trust-anchors');
    } finally {
      h.deps.trustAnchorsPem = pki.rootPem;
    }
    const item = (await h.doc.send(new GetCommand({ TableName: h.tableName, Key: keys.documentVersion(TAYHO, docs.once!.id, 1) }))).Item!;
    expect(item.signature.status).toBe('trusted');
  });

  it('an object replaced behind the app shows as a failed check, never as the new content', async () => {
    const id = docs.twice!.id;
    const item = (await h.doc.send(new GetCommand({ TableName: h.tableName, Key: keys.documentVersion(TAYHO, id, 1) }))).Item!;
    // A validly signed, different file under the same key: its own signature would verify.
    const other = await signPdf(makePdf('VAN BAN THAY THE'), pki.signer);
    await h.s3.send(new PutObjectCommand({ Bucket: h.bucket, Key: item.s3Key, Body: other }));
    const body = verifyResultSchema.parse(await (await flow.call('POST', `/api/archive/documents/${id}/versions/1/verify`, editor)).json());
    expect(body).toMatchObject({ ok: false, signature: { status: 'unverifiable', problem: 'stored-object-changed', signatures: [] } });
    // The document's summary follows (list badge, "có chữ ký số" filter): no longer shown as validly signed.
    const doc = documentDetailSchema.parse(await (await flow.call('GET', `/api/archive/documents/${id}`, editor)).json());
    expect(doc.current).toMatchObject({ signatureStatus: 'unverifiable' });
  });

  it('reads, presigns and re-verifies the S3 version recorded at copy when there is one', async () => {
    const id = docs.once!.id;
    const key = keys.documentVersion(TAYHO, id, 1);
    // s3rver has no versioning, so the copy reported none; on AWS the versioned bucket does. Record one as S3 would.
    const item = (await h.doc.send(new GetCommand({ TableName: h.tableName, Key: key }))).Item!;
    expect(item.s3VersionId).toBeUndefined();
    await h.doc.send(
      new UpdateCommand({ TableName: h.tableName, Key: key, UpdateExpression: 'SET s3VersionId = :v', ExpressionAttributeValues: { ':v': 'v-000111' } }),
    );
    const url = await (await flow.call('GET', `/api/archive/documents/${id}/versions/1/url?disposition=inline`, viewer)).json();
    expect(new URL(url.url).searchParams.get('versionId')).toBe('v-000111');
    const before = h.fencedS3Log().length;
    await flow.call('POST', `/api/archive/documents/${id}/versions/1/verify`, viewer);
    const reads = h.fencedS3Log().slice(before);
    expect(reads).toEqual([{ action: 's3:GetObjectVersion', resource: `arn:aws:s3:::fenced-archive/${item.s3Key}` }]);
  });
});

describe('tenant-scoped S3', () => {
  it('uploads, copies, reads, presigns and deletes only through the tenant session, never the function’s own client', async () => {
    const ownBefore = h.ownS3Calls.length;
    const fencedBefore = h.fencedS3Requests();
    const doc = await flow.archive(editor, makePdf('PHAM VI THUE BAO'), { meta: { summary: 'Phạm vi S3' } });
    await flow.call('GET', `/api/archive/documents/${doc.id}/versions/1/url`, viewer);
    await flow.call('POST', `/api/archive/documents/${doc.id}/versions/1/verify`, viewer);
    expect(h.ownS3Calls.length - ownBefore).toBe(0);
    // presign PUT, read incoming, copy (read + write), delete incoming, presign GET, read stored
    expect(h.fencedS3Requests() - fencedBefore).toBeGreaterThanOrEqual(7);
    expect(h.fenceViolations()).toEqual([]);
  });

  it("refuses a request signed with one tenant's credentials on another tenant's prefix", async () => {
    const s3 = await h.deps.tenantAccess!.s3ForTags(
      sessionTagsFor({ userId: 'u', email: 'e@x.vn', role: 'locality_admin', provinceCode: '01', localityCode: '00166' }),
    );
    const stored = (await h.doc.send(new GetCommand({ TableName: h.tableName, Key: keys.documentVersion(TAYHO, docs.once!.id, 1) }))).Item!;
    await expect(s3.send(new GetObjectCommand({ Bucket: h.bucket, Key: stored.s3Key }))).rejects.toThrow(/AccessDenied: s3:GetObject/);
    await expect(s3.send(new PutObjectCommand({ Bucket: h.bucket, Key: s3Keys.incoming(TAYHO, 'UP1'), Body: 'x' }))).rejects.toThrow(
      /AccessDenied: s3:PutObject/,
    );
    const violations = h.fenceViolations().splice(0);
    expect(violations.map((v) => v.action)).toEqual(['s3:GetObject', 's3:PutObject']);
  });

  it('another ward gets 404 from the verify and URL routes', async () => {
    for (const [method, path] of [
      ['POST', `/api/archive/documents/${docs.once!.id}/versions/1/verify`],
      ['GET', `/api/archive/documents/${docs.once!.id}/versions/1/url`],
    ] as const) {
      expect((await flow.call(method, path, otherWard)).status).toBe(404);
    }
  });
});
