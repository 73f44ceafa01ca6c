import ExcelJS from 'exceljs';
import { ITEM_COLUMNS } from '../../shared/imports/schema.js';

/**
 * Spreadsheets as Excel writes them (exceljs: shared strings, typed numbers and dates, formulas),
 * to check the API's own reader against a real writer.
 */
export type SheetCell = string | number | Date | { formula: string } | null;

export async function xlsxOf(rows: SheetCell[][], opts: { headers?: string[] } = {}): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Noi dung phoi hop');
  ws.addRow(opts.headers ?? ITEM_COLUMNS.map((c) => c.vi));
  for (const r of rows) ws.addRow(r.map((c) => (c && typeof c === 'object' && 'formula' in c ? { formula: c.formula, result: 1 } : c)));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** n program items in the template's columns: "Số TT", "Nội dung", … (no version: new rows). */
export function itemRows(n: number, year = 2025): SheetCell[][] {
  const leads = ['Thường trực Hội đồng nhân dân phường Tây Hồ', 'Ủy ban nhân dân phường Tây Hồ', 'Ủy ban Mặt trận Tổ quốc Việt Nam phường Tây Hồ'];
  return Array.from({ length: n }, (_, i) => [
    i + 1,
    `Nội dung phối hợp số ${i + 1}: tuyên truyền, vận động Nhân dân`,
    i % 2 ? '- Tổ chức hội nghị\n- Báo cáo kết quả' : '',
    leads[i % 3]!,
    leads[(i + 1) % 3]!,
    i % 3 === 0 ? `30/${String((i % 12) + 1).padStart(2, '0')}/${year}` : i % 3 === 1 ? `01/04/${year} - 30/06/${year}` : '',
    'Chưa thực hiện',
    0,
    null,
  ]);
}
