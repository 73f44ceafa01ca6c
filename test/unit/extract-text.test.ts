import { AlignmentType, Document, LevelFormat, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { blocksToText, extractText } from '../../functions/documents/extract-text.js';
import { textPdf } from '../support/text-pdf.js';

async function numberedDocx(): Promise<Buffer> {
  const doc = new Document({
    numbering: {
      config: [
        {
          reference: 'items',
          levels: [
            { level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.LEFT },
            { level: 1, format: LevelFormat.LOWER_LETTER, text: '%2)', alignment: AlignmentType.LEFT },
          ],
        },
      ],
    },
    sections: [
      {
        children: [
          new Table({
            rows: [
              new TableRow({
                children: [
                  new TableCell({
                    children: [new Paragraph({ children: [new TextRun({ text: 'HỘI ĐỒNG NHÂN DÂN', bold: true })], alignment: AlignmentType.CENTER })],
                  }),
                  new TableCell({ children: [new Paragraph({ children: [new TextRun({ text: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', bold: true })] })] }),
                ],
              }),
            ],
          }),
          new Paragraph({ children: [new TextRun({ text: 'Điều 1.', bold: true }), new TextRun({ text: ' Phạm vi điều chỉnh', bold: true })] }),
          new Paragraph({
            children: [new TextRun('Tổ chức '), new TextRun({ text: 'tiếp xúc cử tri', italics: true })],
            numbering: { reference: 'items', level: 0 },
          }),
          new Paragraph({ children: [new TextRun('Giám sát chuyên đề')], numbering: { reference: 'items', level: 1 } }),
          new Paragraph({ children: [new TextRun('Khảo sát & đánh giá <kết quả>')], numbering: { reference: 'items', level: 1 } }),
          new Paragraph({ children: [new TextRun('Phản biện xã hội')], numbering: { reference: 'items', level: 0 } }),
          new Paragraph({ children: [new TextRun('Thời gian:\tquý II/2025')], alignment: AlignmentType.JUSTIFIED }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

describe('extractText: docx', () => {
  it('reads paragraphs in order with list labels, bold, italic, alignment and table cells', async () => {
    const r = await extractText(await numberedDocx());
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.format).toBe('docx');
    expect(r.blocks.map((b) => b.text)).toEqual([
      'HỘI ĐỒNG NHÂN DÂN',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Điều 1. Phạm vi điều chỉnh',
      'Tổ chức tiếp xúc cử tri',
      'Giám sát chuyên đề',
      'Khảo sát & đánh giá <kết quả>',
      'Phản biện xã hội',
      'Thời gian: quý II/2025',
    ]);
    expect(r.blocks.map((b) => b.list?.label)).toEqual([undefined, undefined, undefined, '1.', 'a)', 'b)', '2.', undefined]);
    expect(r.blocks[0]).toMatchObject({ bold: true, align: 'center', cell: { table: 0, row: 0, col: 0 } });
    expect(r.blocks[1]!.cell).toEqual({ table: 0, row: 0, col: 1 });
    expect(r.blocks[2]).toMatchObject({ bold: true, align: 'left' });
    expect(r.blocks[2]!.cell).toBeUndefined();
    expect(r.blocks[3]).toMatchObject({ bold: false, italic: false });
    expect(r.blocks[7]!.align).toBe('justify');
    expect(blocksToText(r.blocks)).toContain('1. Tổ chức tiếp xúc cử tri\na) Giám sát chuyên đề');
  });

  it('refuses macros, legacy and password-protected Office files, non-Word zips and zip bombs', async () => {
    const doc = strToU8('<w:document><w:body><w:p><w:r><w:t>x</w:t></w:r></w:p></w:body></w:document>');
    expect(await extractText(zipSync({ 'word/document.xml': doc, 'word/vbaProject.bin': new Uint8Array(4) }))).toMatchObject({ ok: false, reason: 'macros' });
    expect(await extractText(zipSync({ 'xl/workbook.xml': doc }))).toMatchObject({ ok: false, reason: 'unsupported' });
    const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(500)]);
    expect(await extractText(ole)).toMatchObject({ ok: false, reason: 'unsupported' });
    expect(await extractText(Buffer.concat([ole, Buffer.from('EncryptedPackage', 'utf16le')]))).toMatchObject({ ok: false, reason: 'encrypted' });
    const bomb = zipSync({ 'word/document.xml': new Uint8Array(5 * 1024 * 1024) });
    expect(bomb.length).toBeLessThan(100_000);
    expect(await extractText(bomb, { maxUnpackedBytes: 1024 * 1024 })).toMatchObject({ ok: false, reason: 'too_large' });
    expect(await extractText(new Uint8Array(2048), { maxBytes: 1024 })).toMatchObject({ ok: false, reason: 'too_large' });
    const corrupt = Buffer.from(await numberedDocx()).subarray(0, 600);
    expect(await extractText(corrupt)).toMatchObject({ ok: false, reason: 'corrupt' });
    expect(await extractText(Buffer.from('plain text'))).toMatchObject({ ok: false, reason: 'unsupported' });
  });

  it('stops at the time budget and keeps at most maxBlocks paragraphs', async () => {
    const many = new Document({ sections: [{ children: Array.from({ length: 3000 }, (_, i) => new Paragraph(`Đoạn ${i + 1}`)) }] });
    const bytes = await Packer.toBuffer(many);
    expect(await extractText(bytes, { timeoutMs: -1 })).toMatchObject({ ok: false, reason: 'timeout' });
    const r = await extractText(bytes, { maxBlocks: 10 });
    expect(r).toMatchObject({ ok: true, truncated: true });
    if (r.ok) expect(r.blocks.at(-1)!.text).toBe('Đoạn 10');
  });
});

describe('extractText: PDF', () => {
  const header = [
    { text: 'HỘI ĐỒNG NHÂN DÂN', x: 80, y: 780, bold: true },
    { text: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', x: 300, y: 780, bold: true },
    { text: 'Số: 01/QCPH-HĐND', x: 90, y: 750 },
    { text: 'QUY CHẾ', x: 270, y: 700, bold: true },
    { text: 'Điều 1.', x: 60, y: 660, bold: true },
    { text: 'Phạm vi điều chỉnh', x: 114.6, y: 660, bold: true },
  ];

  it('reads lines top to bottom, splits the two header columns, keeps words of one line together', async () => {
    const r = await extractText(textPdf([header, [{ text: 'Nơi nhận:', x: 60, y: 400 }]]));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.pages).toBe(2);
    expect(r.blocks.map((b) => b.text)).toEqual([
      'HỘI ĐỒNG NHÂN DÂN',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Số: 01/QCPH-HĐND',
      'QUY CHẾ',
      'Điều 1. Phạm vi điều chỉnh',
      'Nơi nhận:',
    ]);
    expect(r.blocks.map((b) => b.page)).toEqual([1, 1, 1, 1, 1, 2]);
    expect(r.blocks[3]).toMatchObject({ bold: true, align: 'center' });
    expect(r.blocks[2]!.bold).toBe(false);
  });

  it('answers no_text_layer for a scan, encrypted for an encrypted file, corrupt for garbage', async () => {
    expect(await extractText(textPdf([header], { imageOnly: true }))).toMatchObject({ ok: false, reason: 'no_text_layer' });
    expect(await extractText(textPdf([header], { encrypt: true }))).toMatchObject({ ok: false, reason: 'encrypted' });
    expect(await extractText(Buffer.from('%PDF-1.4\nnothing here'))).toMatchObject({ ok: false, reason: 'corrupt' });
    const big = textPdf(Array.from({ length: 20 }, () => header));
    expect(await extractText(big, { maxUnpackedBytes: 200 })).toMatchObject({ ok: false, reason: 'too_large' });
  });

  it('ends quickly on a page tree that loops and an object stream that claims a billion objects', async () => {
    const { deflateSync } = await import('node:zlib');
    const objStm = deflateSync(Buffer.from('5 0 << /Type /Font >>'));
    const pdf = Buffer.concat([
      Buffer.from('%PDF-1.5\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n'),
      // Each node lists itself twice: walked naively, 2^33 visits and no page.
      Buffer.from('2 0 obj\n<< /Type /Pages /Kids [2 0 R 2 0 R 3 0 R] /Count 1 >>\nendobj\n'),
      Buffer.from('3 0 obj\n<< /Type /Pages /Kids [2 0 R 3 0 R 3 0 R] /Count 1 >>\nendobj\n'),
      Buffer.from(`4 0 obj\n<< /Type /ObjStm /N 1000000000 /First 4 /Length ${objStm.length} /Filter /FlateDecode >>\nstream\n`),
      objStm,
      Buffer.from('\nendstream\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n'),
    ]);
    const started = performance.now();
    const r = await extractText(pdf, { timeoutMs: 2_000 });
    expect(r.ok).toBe(false);
    expect(performance.now() - started).toBeLessThan(3_000);
  });

  it('reads the simple-font PDFs the demo archive makes', async () => {
    const { makePdf } = await import('../../functions/demo/pdf.js');
    const r = await extractText(makePdf('Bien ban ky ket 2025'));
    expect(r).toMatchObject({ ok: true, format: 'pdf', blocks: [{ text: 'Bien ban ky ket 2025', page: 1 }] });
  });
});
