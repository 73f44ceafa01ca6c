import { strToU8, zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { agreementSummarySchema } from '../../shared/agreements/schema.js';
import { documentProposalSchema } from '../../shared/imports/schema.js';
import { problemSchema } from '../../shared/problem-schema.js';
import type { Role } from '../../shared/roles.js';
import { archiveFlow } from '../support/archive-flow.js';
import { programDocx, regulationDocx } from '../support/decree30-docx.js';
import { ddbCost, harnessSuite } from '../support/harness.js';
import { textPdf } from '../support/text-pdf.js';

type Who = { headers: Record<string, string> };
let editor: Who, viewer: Who, otherEditor: Who, provinceEditor: Who;

// The real clock: presigned S3 URLs are checked against it.
const h = harnessSuite();

beforeAll(async () => {
  const token = (role: Role, provinceCode: string, localityCode: string | null) => h.userToken({ role, provinceCode, localityCode });
  [editor, viewer, otherEditor, provinceEditor] = await Promise.all([
    token('locality_editor', '01', '00103'),
    token('locality_viewer', '01', '00103'),
    token('locality_editor', '01', '00166'),
    token('province_admin', '19', null),
  ]);
});

const upload = (who: Who | null, bytes: Uint8Array, fileName = 'van-ban.docx') =>
  h.app.request(`/api/imports/documents?fileName=${encodeURIComponent(fileName)}`, {
    method: 'POST',
    headers: { ...(who?.headers ?? {}), 'content-type': 'application/octet-stream' },
    body: new Uint8Array(bytes),
  });
const json = (who: Who | null, method: string, path: string, body?: unknown) =>
  h.app.request(path, {
    method,
    headers: { ...(who?.headers ?? {}), 'content-type': 'application/json' },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });

async function problem(res: Response, status: number) {
  expect(res.status, await res.clone().text()).toBe(status);
  expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  return problemSchema.parse(await res.json());
}

const program = () =>
  programDocx(2025, [
    { title: 'Phối hợp tiếp xúc cử tri', lead: 'Thường trực HĐND phường Tây Hồ', cooperating: ['UBND phường Tây Hồ'], when: 'Quý II/2025' },
    { title: 'Giám sát kiến nghị cử tri', lead: 'Ủy ban MTTQ Việt Nam phường Tây Hồ', cooperating: [], when: 'trước ngày 30/9/2025' },
  ]);

describe('POST /api/imports/documents', () => {
  it('proposes a draft from a .docx without writing anything; the corrected proposal saves as a normal draft', async () => {
    const res = await upload(editor, await program(), 'Chương trình 2025.docx');
    expect(res.status, await res.clone().text()).toBe(200);
    expect(ddbCost(res).requests).toBe(0);
    const p = documentProposalSchema.parse(await res.json());
    expect(p.source).toMatchObject({ fileName: 'Chương trình 2025.docx', format: 'docx', documentId: null });
    expect(p.content.items).toHaveLength(2);
    expect(p.problems).toEqual([]);
    const list = await (await json(editor, 'GET', '/api/agreements')).json();
    expect(list.items).toHaveLength(0);

    const corrected = { ...p.content, items: p.content.items.map((i, n) => (n === 1 ? { ...i, title: 'Giám sát việc giải quyết kiến nghị cử tri' } : i)) };
    const saved = await json(editor, 'POST', '/api/agreements', corrected);
    expect(saved.status, await saved.clone().text()).toBe(201);
    const a = agreementSummarySchema.parse((await saved.json()).agreement);
    expect(a).toMatchObject({ status: 'draft', kind: 'program', year: 2025, number: '05/CTrPH-HĐND-UBND-MTTQ', itemCount: 2 });
    expect(a.remarks).toContain('Nhập từ tệp “Chương trình 2025.docx”');
    expect(a.remarks).toContain('Người ký theo văn bản: TM. Thường trực HĐND – Chủ tịch – Nguyễn Văn An');
  });

  it('reads a text-layer PDF', async () => {
    const pdf = textPdf([
      [
        { text: 'HĐND - UBND - ỦY BAN MTTQ VIỆT NAM PHƯỜNG TÂY HỒ', x: 40, y: 800, bold: true },
        { text: 'QUY CHẾ', x: 270, y: 740, bold: true },
        { text: 'Phối hợp công tác nhiệm kỳ 2021-2026', x: 180, y: 720, bold: true },
        { text: 'Điều 1. Phạm vi điều chỉnh', x: 60, y: 690, bold: true },
        { text: 'Quy chế này quy định việc phối hợp.', x: 60, y: 670 },
      ],
    ]);
    const p = documentProposalSchema.parse(await (await upload(editor, pdf, 'qc.pdf')).json());
    expect(p.source.format).toBe('pdf');
    expect(p.content).toMatchObject({
      kind: 'regulation',
      term: { from: 2021, to: 2026 },
      chapters: [{ articles: [{ title: 'Phạm vi điều chỉnh', text: 'Quy chế này quy định việc phối hợp.' }] }],
    });
    expect(p.unreadable.map((u) => u.field)).toEqual(['chapters.0']);
  });

  it('answers bad files with problem+json naming the file and the reason', async () => {
    const cases: [Uint8Array, number, string][] = [
      [strToU8('Chỉ là văn bản thường'), 415, 'unsupported'],
      [zipSync({ 'word/document.xml': strToU8('<w:document/>'), 'word/vbaProject.bin': new Uint8Array(8) }), 415, 'macros'],
      [Buffer.from(await program()).subarray(0, 900), 400, 'corrupt'],
      [textPdf([[{ text: 'x', x: 1, y: 1 }]], { encrypt: true }), 400, 'encrypted'],
      [textPdf([[{ text: 'x', x: 1, y: 1 }]], { imageOnly: true }), 400, 'no_text_layer'],
    ];
    for (const [bytes, status, code] of cases) {
      const p = await problem(await upload(editor, bytes), status);
      expect(p.errors).toEqual([expect.objectContaining({ field: 'file', code })]);
      expect(p.detail_vi).toBeTruthy();
    }
    const big = await problem(await upload(editor, new Uint8Array(1024 * 1024 + 1)), 413);
    expect(big.type).toMatch(/too-large$/);
    expect((await problem(await upload(editor, new Uint8Array(0)), 400)).errors?.[0]?.field).toBe('file');
  });

  it('is for the unit’s own editors: viewers 403, anonymous 401', async () => {
    const bytes = await regulationDocx({ articles: 3 });
    await problem(await upload(viewer, bytes), 403);
    await problem(await upload(null, bytes), 401);
  });
});

describe('POST /api/imports/documents/from-archive', () => {
  const archive = (who: Who, bytes: Buffer) =>
    archiveFlow(h).archive(who, bytes, {
      name: 'quy-che.docx',
      contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      meta: { type: 'QC', numberSymbol: '01/QCPH', issuingAgencies: ['HĐND phường Tây Hồ'], signedOn: '2021-11-10', summary: 'Quy chế phối hợp' },
    });

  it('reads a document of the caller’s archive; another tenant gets 404, a viewer 403', async () => {
    const doc = await archive(editor, await regulationDocx({ articles: 13 }));
    const res = await json(editor, 'POST', '/api/imports/documents/from-archive', { documentId: doc.id });
    expect(res.status, await res.clone().text()).toBe(200);
    const p = documentProposalSchema.parse(await res.json());
    expect(p.source).toMatchObject({ documentId: doc.id, fileName: 'quy-che.docx' });
    expect(p.content.chapters.flatMap((c) => c.articles)).toHaveLength(13);

    await problem(await json(otherEditor, 'POST', '/api/imports/documents/from-archive', { documentId: doc.id }), 404);
    await problem(await json(provinceEditor, 'POST', '/api/imports/documents/from-archive', { documentId: doc.id }), 404);
    await problem(await json(viewer, 'POST', '/api/imports/documents/from-archive', { documentId: doc.id }), 403);
    const bad = await problem(await json(editor, 'POST', '/api/imports/documents/from-archive', { documentId: 'x' }), 400);
    expect(bad.errors?.[0]?.field).toBe('documentId');
  });
});
