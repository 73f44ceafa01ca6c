import { zlibSync } from 'fflate';

/**
 * PDFs with a real Unicode text layer for the tests, shaped as Word's "Save as PDF" writes them: a
 * Type0 font with Identity-H codes, a ToUnicode CMap, FlateDecode content streams, a cross-reference
 * table with exact offsets. Each line is placed at (x, y) in points; `bold` picks a second font.
 */
export type PdfLine = { text: string; x: number; y: number; size?: number; bold?: boolean };

export function textPdf(pages: PdfLine[][], opts: { encrypt?: boolean; imageOnly?: boolean } = {}): Buffer {
  const chars = [...new Set(pages.flat().flatMap((l) => [...l.text]))];
  const code = new Map(chars.map((c, i) => [c, i + 1]));
  const hex4 = (n: number) => n.toString(16).padStart(4, '0').toUpperCase();
  const cmapBody = chars.map((c) => `<${hex4(code.get(c)!)}> <${[...c].map((u) => hex4(u.codePointAt(0)!)).join('')}>`);
  const cmap = [
    '/CIDInit /ProcSet findresource begin 12 dict begin begincmap',
    '1 begincodespacerange <0000> <FFFF> endcodespacerange',
    ...Array.from({ length: Math.ceil(cmapBody.length / 100) }, (_, i) => {
      const part = cmapBody.slice(i * 100, i * 100 + 100);
      return `${part.length} beginbfchar\n${part.join('\n')}\nendbfchar`;
    }),
    'endcmap CMapName currentdict /CMap defineresource pop end end',
  ].join('\n');
  const objects: (string | { dict: string; data: Uint8Array })[] = [];
  const add = (o: string | { dict: string; data: Uint8Array }) => objects.push(o) as number; // returns the object number
  const catalog = add('');
  const pagesObj = add('');
  const toUnicode = add({ dict: '', data: zlibSync(Buffer.from(cmap, 'latin1')) });
  const cid = (bold: boolean) =>
    add(
      `<< /Type /Font /Subtype /CIDFontType2 /BaseFont /TimesNewRoman${bold ? ',Bold' : ''} /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 500 >>`,
    );
  const fonts = [false, true].map((bold) =>
    add(
      `<< /Type /Font /Subtype /Type0 /BaseFont /TimesNewRoman${bold ? ',Bold' : ''} /Encoding /Identity-H /DescendantFonts [${cid(bold)} 0 R] /ToUnicode ${toUnicode} 0 R >>`,
    ),
  );
  const pageNums: number[] = [];
  for (const lines of pages) {
    const ops = opts.imageOnly
      ? 'q 500 0 0 700 40 60 cm 0 g 0 0 1 1 re f Q'
      : lines
          .map((l) => `BT /F${l.bold ? 2 : 1} ${l.size ?? 13} Tf 1 0 0 1 ${l.x} ${l.y} Tm <${[...l.text].map((c) => hex4(code.get(c)!)).join('')}> Tj ET`)
          .join('\n');
    const content = add({ dict: '', data: zlibSync(Buffer.from(ops, 'latin1')) });
    pageNums.push(
      add(
        `<< /Type /Page /Parent ${pagesObj} 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 ${fonts[0]} 0 R /F2 ${fonts[1]} 0 R >> >> /Contents ${content} 0 R >>`,
      ),
    );
  }
  objects[catalog - 1] = `<< /Type /Catalog /Pages ${pagesObj} 0 R >>`;
  objects[pagesObj - 1] = `<< /Type /Pages /Kids [${pageNums.map((n) => `${n} 0 R`).join(' ')}] /Count ${pageNums.length} >>`;
  const parts: Buffer[] = [Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  let length = parts[0]!.length;
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(length);
    const body =
      typeof o === 'string'
        ? [Buffer.from(`${i + 1} 0 obj\n${o}\nendobj\n`, 'latin1')]
        : [
            Buffer.from(`${i + 1} 0 obj\n<< /Length ${o.data.length} /Filter /FlateDecode${o.dict} >>\nstream\n`, 'latin1'),
            Buffer.from(o.data),
            Buffer.from('\nendstream\nendobj\n', 'latin1'),
          ];
    for (const b of body) {
      parts.push(b);
      length += b.length;
    }
  });
  const xref = length;
  let tail = `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const off of offsets) tail += `${String(off).padStart(10, '0')} 00000 n \n`;
  const encrypt = opts.encrypt ? ' /Encrypt << /Filter /Standard /V 2 /R 3 /O <00> /U <00> /P -4 >>' : '';
  tail += `trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R${encrypt} >>\nstartxref\n${xref}\n%%EOF\n`;
  parts.push(Buffer.from(tail, 'latin1'));
  return Buffer.concat(parts);
}
