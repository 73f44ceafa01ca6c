import { Document, Packer, Paragraph } from 'docx';
import { beforeAll, describe, expect, it } from 'vitest';
import { documentListSchema, type DocumentDetail } from '../../shared/archive/schema.js';
import { makePng } from '../support/archive-files.js';
import { archiveFlow, type Who } from '../support/archive-flow.js';
import { ddbCost, harnessSuite } from '../support/harness.js';
import { textPdf } from '../support/text-pdf.js';

/** Search inside documents: a phrase that appears only in a file's text, typed without diacritics. */
let flow: ReturnType<typeof archiveFlow>;
let editor: Who, viewer: Who, otherWard: Who;
const docs: Record<string, DocumentDetail> = {};
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

const h = harnessSuite();

beforeAll(async () => {
  flow = archiveFlow(h);
  [editor, viewer, otherWard] = await Promise.all([
    h.userToken({ role: 'locality_editor', provinceCode: '01', localityCode: '00103' }),
    h.userToken({ role: 'locality_viewer', provinceCode: '01', localityCode: '00103' }),
    h.userToken({ role: 'locality_editor', provinceCode: '01', localityCode: '00166' }),
  ]);
  const pdf = textPdf([
    [
      { text: 'KẾ HOẠCH', x: 250, y: 780, bold: true },
      { text: 'Giám sát việc giải quyết kiến nghị cử tri tại tổ dân phố số 7', x: 60, y: 740 },
    ],
  ]);
  docs.pdf = await flow.archive(editor, pdf, { meta: { numberSymbol: '03/KH-HĐND', summary: 'Kế hoạch giám sát năm 2025' } });
  const docx = Buffer.from(
    await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('Biên bản họp bàn về chỉnh trang vỉa hè đường Lạc Long Quân')] }] })),
  );
  docs.docx = await flow.archive(editor, docx, { name: 'bien-ban.docx', contentType: DOCX, meta: { numberSymbol: '04/BB-UBND', summary: 'Biên bản họp' } });
  docs.scan = await flow.archive(editor, textPdf([[{ text: 'Ban quet', x: 60, y: 740 }]], { imageOnly: true }), {
    meta: { numberSymbol: '05/TB-UBND', summary: 'Thông báo (bản quét)' },
  });
  docs.photo = await flow.archive(editor, makePng(), { name: 'anh.png', contentType: 'image/png', meta: { numberSymbol: '06/BC', summary: 'Ảnh chụp' } });
}, 60_000);

async function search(who: Who, q: string) {
  const res = await flow.call('GET', `/api/archive/documents?q=${encodeURIComponent(q)}`, who);
  expect(res.status).toBe(200);
  return { cost: ddbCost(res), ids: documentListSchema.parse(await res.json()).items.map((d) => d.id) };
}

describe('search inside documents', () => {
  it('records what was read from each file at completion', () => {
    expect(docs.pdf!.versions[0]!.text).toMatchObject({ status: 'indexed', truncated: false });
    expect(docs.docx!.versions[0]!.text).toMatchObject({ status: 'indexed' });
    expect(docs.scan!.versions[0]!.text).toMatchObject({ status: 'no-text-layer', indexedChars: 0 });
    expect(docs.photo!.versions[0]!.text).toMatchObject({ status: 'no-text-layer' });
    expect(docs.scan!.current.textStatus).toBe('no-text-layer');
  });

  it('finds a PDF and a .docx by a phrase only in their text, typed without diacritics, in one request', async () => {
    const pdf = await search(viewer, 'giai quyet kien nghi cu tri to dan pho');
    expect(pdf.ids).toEqual([docs.pdf!.id]);
    expect(pdf.cost.requests).toBe(1);
    expect((await search(viewer, 'chinh trang via he Lac Long Quan')).ids).toEqual([docs.docx!.id]);
    // Words from the metadata and from the text together.
    expect((await search(viewer, '03/KH tu dan pho')).ids).toEqual([]);
    expect((await search(viewer, '03/kh to dan pho')).ids).toEqual([docs.pdf!.id]);
  });

  it("never finds another tenant's text", async () => {
    expect((await search(otherWard, 'giai quyet kien nghi cu tri')).ids).toEqual([]);
    expect(h.fenceViolations()).toEqual([]);
  });
});
