import { strFromU8, unzipSync } from 'fflate';
import { decodeXml } from '../documents/docx-text.js';
import { ProblemError } from '../http/problem.js';

/**
 * The first sheet of an XLSX, or a CSV (comma or semicolon, UTF-8 with or without BOM), as rows of
 * text. Our own reader on fflate (already in the API bundle) rather than exceljs (a devDependency:
 * with its zip and XML dependencies it is several times the room left in the Lambda's bundle budget).
 * Formulas are refused (a cell with a formula, or a CSV/XLSX text starting with = + - @ that is not
 * the escaped form our export writes); macros, encrypted and oversized files too.
 */

export const MAX_SHEET_BYTES = 5 * 1024 * 1024;
export const MAX_SHEET_ROWS = 5000;
const MAX_UNPACKED = 50 * 1024 * 1024;

export type Grid = string[][];

function bad(code: string, vi: string, en: string, status: 'validation' | 'too-large' | 'unsupported-media-type' = 'validation'): ProblemError {
  return new ProblemError(status, { vi, en }, [{ field: 'file', in: 'body', code, message_vi: vi, message_en: en }]);
}

/** A1 → column index. */
function colOf(ref: string): number {
  let n = 0;
  for (const ch of ref.replace(/\d+$/, '')) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** Excel's day serial (1900 system) → dd/mm/yyyy, for a date typed into a date column. */
export function excelSerialToDate(serial: number): string {
  const d = new Date(Date.UTC(1899, 11, 30) + Math.round(serial) * 86400000);
  return `${String(d.getUTCDate()).padStart(2, '0')}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${d.getUTCFullYear()}`;
}

function readXlsx(bytes: Uint8Array): Grid {
  let total = 0;
  let files: Record<string, Uint8Array>;
  let macros = false;
  try {
    files = unzipSync(bytes, {
      filter: (f) => {
        if (/vbaProject\.bin$/i.test(f.name)) macros = true;
        const want =
          f.name === 'xl/workbook.xml' ||
          f.name === 'xl/_rels/workbook.xml.rels' ||
          f.name === 'xl/sharedStrings.xml' ||
          /^xl\/worksheets\/sheet\d+\.xml$/.test(f.name);
        if (want) total += f.originalSize;
        if (total > MAX_UNPACKED) throw bad('too_large', 'Tệp quá lớn khi giải nén', 'The file is too large once decompressed', 'too-large');
        return want;
      },
    });
  } catch (e) {
    if (e instanceof ProblemError) throw e;
    throw bad('corrupt', 'Tệp bảng tính bị hỏng, không đọc được', 'The spreadsheet is damaged and cannot be read');
  }
  if (macros)
    throw bad('macros', 'Tệp có macro (.xlsm): hãy lưu lại thành .xlsx', 'The file carries macros (.xlsm): save it as .xlsx', 'unsupported-media-type');
  const wb = files['xl/workbook.xml'] ? strFromU8(files['xl/workbook.xml']) : '';
  const firstRel = /<sheet\b[^>]*r:id="([^"]+)"/.exec(wb)?.[1];
  const rels = files['xl/_rels/workbook.xml.rels'] ? strFromU8(files['xl/_rels/workbook.xml.rels']) : '';
  const target = firstRel ? new RegExp(`<Relationship\\b[^>]*Id="${firstRel}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] : undefined;
  const path = target ? `xl/${target.replace(/^\/?xl\//, '')}` : 'xl/worksheets/sheet1.xml';
  const sheet = files[path];
  if (!sheet) throw bad('unsupported', 'Không phải tệp Excel (.xlsx) hợp lệ', 'Not a valid Excel (.xlsx) file', 'unsupported-media-type');
  const shared = files['xl/sharedStrings.xml']
    ? [...strFromU8(files['xl/sharedStrings.xml']).matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) =>
        [...m[1]!.matchAll(/<t\b[^>]*>([\s\S]*?)<\/t>/g)].map((t) => decodeXml(t[1]!)).join(''),
      )
    : [];
  const grid: Grid = [];
  const xml = strFromU8(sheet);
  for (const row of xml.matchAll(/<row\b([^>]*)>([\s\S]*?)<\/row>/g)) {
    const r = Number(/\br="(\d+)"/.exec(row[1]!)?.[1] ?? grid.length + 1) - 1;
    if (r >= MAX_SHEET_ROWS + 1) throw bad('too_many_rows', `Tối đa ${MAX_SHEET_ROWS} dòng`, `At most ${MAX_SHEET_ROWS} rows`, 'too-large');
    const cells: string[] = [];
    for (const c of row[2]!.matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const attrs = c[1]!;
      const body = c[2] ?? '';
      const ref = /\br="([A-Z]+\d+)"/.exec(attrs)?.[1];
      const col = ref ? colOf(ref) : cells.length;
      if (/<f[\s>/]/.test(body)) {
        throw bad(
          'formula',
          `Ô ${ref ?? ''} có công thức: hãy dán giá trị (Paste Values) rồi tải lại`,
          `Cell ${ref ?? ''} holds a formula: paste values only and upload again`,
        );
      }
      const type = /\bt="(\w+)"/.exec(attrs)?.[1];
      const v = /<v>([\s\S]*?)<\/v>/.exec(body)?.[1];
      let text = '';
      if (type === 's') text = shared[Number(v)] ?? '';
      else if (type === 'inlineStr') text = [...body.matchAll(/<t\b[^>]*>([\s\S]*?)<\/t>/g)].map((t) => decodeXml(t[1]!)).join('');
      else if (type === 'b') text = v === '1' ? 'TRUE' : 'FALSE';
      else if (v !== undefined) text = decodeXml(v);
      cells[col] = text;
    }
    grid[r] = Array.from(cells, (x) => x ?? '');
  }
  return Array.from(grid, (x) => x ?? []);
}

/** The separator of the header line: the more frequent of `;` and `,` outside quotes. */
function separatorOf(text: string): ';' | ',' {
  let semicolons = 0;
  let commas = 0;
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && ch === ';') semicolons++;
    else if (!quoted && ch === ',') commas++;
  }
  return semicolons > commas ? ';' : ',';
}

/** Where `="…"` opened at `i` (the quote) closes, when the cell is exactly that; else -1. */
function textCellEnd(text: string, i: number, sep: string): number {
  const end = text.indexOf('"', i + 1);
  if (end < 0) return -1;
  const next = text[end + 1];
  return next === undefined || next === sep || next === '\r' || next === '\n' ? end : -1;
}

/**
 * RFC 4180 with the separator the header line uses (Vietnamese Excel writes ';'); a cell written
 * `="00123"` (how our export keeps a code as text) reads as 00123.
 */
function readCsv(bytes: Uint8Array): Grid {
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes).replace(/^\uFEFF/, '');
  const sep = separatorOf(text);
  const rows: Grid = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"' && cell === '') quoted = true;
    else if (ch === '"' && cell === '=' && textCellEnd(text, i, sep) > 0) {
      const end = textCellEnd(text, i, sep);
      cell = text.slice(i + 1, end);
      i = end;
    } else if (ch === sep) {
      row.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      if (rows.length > MAX_SHEET_ROWS + 1) throw bad('too_many_rows', `Tối đa ${MAX_SHEET_ROWS} dòng`, `At most ${MAX_SHEET_ROWS} rows`, 'too-large');
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (cell !== '' || row.length) rows.push([...row, cell]);
  return rows;
}

/** The export escapes text that a spreadsheet would run (`'=…`); a bare formula-like text is refused. */
export function cellText(raw: string, where: { row: number; column: string }): string {
  const s = raw.trim();
  if (/^'[=+\-@]/.test(s)) return s.slice(1);
  if (/^[=+@]/.test(s) || /^-[^\d\s]/.test(s)) {
    throw bad(
      'formula',
      `Dòng ${where.row}, cột “${where.column}”: nội dung bắt đầu bằng ${s[0]} như một công thức; hãy thêm dấu ' ở đầu`,
      `Row ${where.row}, column “${where.column}”: text starting with ${s[0]} looks like a formula; prefix it with '`,
    );
  }
  return s;
}

export function readSheet(bytes: Uint8Array): Grid {
  if (bytes.byteLength > MAX_SHEET_BYTES)
    throw bad('too_large', `Tệp lớn hơn ${MAX_SHEET_BYTES / 1024 / 1024} MB`, `File over ${MAX_SHEET_BYTES / 1024 / 1024} MB`, 'too-large');
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) return readXlsx(bytes);
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf) {
    throw bad(
      'encrypted',
      'Tệp có mật khẩu hoặc là Excel 97–2003 (.xls): hãy gỡ mật khẩu, lưu thành .xlsx',
      'Password-protected or Excel 97–2003 (.xls): remove the password, save as .xlsx',
    );
  }
  if (bytes.subarray(0, 5).some((b) => b === 0))
    throw bad('unsupported', 'Chỉ nhận tệp Excel (.xlsx) hoặc CSV', 'Only Excel (.xlsx) or CSV files', 'unsupported-media-type');
  return readCsv(bytes);
}
