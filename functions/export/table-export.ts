import { strToU8, zipSync } from 'fflate';

/**
 * Tabular exports (CSV and XLSX) of plain rows. XLSX is written directly as SpreadsheetML in a zip
 * (fflate, ~8 KB) instead of a spreadsheet library, to keep the API Lambda within its bundle budget.
 */
export type Cell = string | number | boolean | null | undefined;
export type Table = { headers: string[]; rows: Cell[][]; sheetName?: string };

/** Cells a spreadsheet would run as a formula are prefixed with ' (CSV injection). */
function safeText(v: string) {
  return /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
}

/**
 * The CSV a Vietnamese Excel opens as it is, by double-click:
 * - UTF-8 with a BOM (without it Excel reads the bytes as Windows-1258 and garbles the diacritics);
 * - `;` between cells: Windows set to Vietnamese uses `,` as the decimal mark and `;` as the list
 *   separator, and Excel splits a CSV on the list separator — a `,` file lands in one column there;
 *   decimals are written with `,` for the same reason (12,5);
 * - codes kept as text: a digit-only string with a leading zero (locality code 00123) or longer than
 *   11 digits (Excel would show 1,23E+11) is written `="00123"`, which Excel shows as 00123 — the only
 *   formula ever written, built from digits alone;
 * - CRLF line ends, RFC 4180 quoting of cells holding `;`, `,`, `"` or a line break.
 * The importer (functions/imports/sheet-read.ts) reads this back, `="…"` included.
 */
export const CSV_SEPARATOR = ';';

function csvCell(v: Cell): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : String(v).replace('.', ',');
  if (typeof v === 'boolean') return String(v);
  if (/^\d+$/.test(v) && ((v.length > 1 && v.startsWith('0')) || v.length > 11)) return `="${v}"`;
  const s = safeText(v);
  return /[";,\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(table: Table): string {
  const lines = [table.headers, ...table.rows].map((r) => r.map(csvCell).join(CSV_SEPARATOR));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

const xml = (s: string) =>
  s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    // biome-ignore lint/suspicious/noControlCharactersInRegex: XML 1.0 forbids these control characters; they are removed on purpose.
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '');

function columnName(i: number): string {
  let n = i + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function toXlsx(table: Table): Uint8Array {
  const rowXml = (cells: Cell[], r: number, bold: boolean) =>
    `<row r="${r}">${cells
      .map((v, c) => {
        const ref = `${columnName(c)}${r}`;
        const style = bold ? ' s="1"' : '';
        if (typeof v === 'number' && Number.isFinite(v)) return `<c r="${ref}"${style}><v>${v}</v></c>`;
        if (typeof v === 'boolean') return `<c r="${ref}" t="b"${style}><v>${v ? 1 : 0}</v></c>`;
        if (v === null || v === undefined || v === '') return `<c r="${ref}"${style}/>`;
        return `<c r="${ref}" t="inlineStr"${style}><is><t xml:space="preserve">${xml(safeText(String(v)))}</t></is></c>`;
      })
      .join('')}</row>`;
  const sheet =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
    `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>` +
    rowXml(table.headers, 1, true) +
    table.rows.map((r, i) => rowXml(r, i + 2, false)).join('') +
    `</sheetData></worksheet>`;
  const name = xml((table.sheetName ?? 'Sheet1').slice(0, 31));
  const files: Record<string, string> = {
    '[Content_Types].xml':
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
      `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
      `<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>` +
      `<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>`,
    '_rels/.rels':
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
      `<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    'xl/workbook.xml':
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
      `<sheets><sheet name="${name}" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    'xl/_rels/workbook.xml.rels':
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
      `<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>` +
      `<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`,
    'xl/styles.xml':
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` +
      `<fonts count="2"><font><sz val="11"/><name val="Times New Roman"/></font><font><b/><sz val="11"/><name val="Times New Roman"/></font></fonts>` +
      `<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
      `<borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs>` +
      `<cellXfs count="2"><xf fontId="0"/><xf fontId="1" applyFont="1"/></cellXfs></styleSheet>`,
    'xl/worksheets/sheet1.xml': sheet,
  };
  return zipSync(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, strToU8(v)])));
}
