import { describe, expect, it } from 'vitest';
import { toCsv } from '../../functions/export/table-export.js';
import { readSheet } from '../../functions/imports/sheet-read.js';

/**
 * The CSV a Vietnamese Excel opens by double-click: BOM, `;`, `,` decimals, codes kept as text
 * (`="00123"`), CRLF — and the importer reads it back to the same cells.
 */

const table = {
  headers: ['Mã đơn vị', 'Tên đơn vị', 'Số, ký hiệu', 'Văn bản', 'Tỷ lệ', 'Số điện thoại'],
  rows: [
    ['00103', 'Phường Tây Hồ', '05/CTrPH-HĐND-UBND', 12, 12.5, '084912345678'],
    ['019', 'Quận Nam Từ Liêm; Hà Nội', 'Có "ngoặc"', 0, null, '1234'],
    ['=HYPERLINK("http://x")', 'Dòng\nhai', '', -3, 0.25, '7'],
  ],
};

describe('CSV for a Vietnamese Excel', () => {
  const csv = toCsv(table);
  const bytes = new TextEncoder().encode(csv);

  it('starts with the UTF-8 BOM and ends every line with CRLF', () => {
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.replace(/\r\n/g, '').includes('\r')).toBe(false);
  });

  it('separates cells with ";" and writes decimals with ","', () => {
    const [header, first] = csv.slice(1).split('\r\n');
    expect(header).toBe('Mã đơn vị;Tên đơn vị;"Số, ký hiệu";Văn bản;Tỷ lệ;Số điện thoại');
    expect(first).toBe('="00103";Phường Tây Hồ;05/CTrPH-HĐND-UBND;12;12,5;="084912345678"');
  });

  it('keeps codes with a leading zero or too many digits as text, and leaves short numbers as numbers', () => {
    expect(csv).toContain('="019";');
    expect(csv).toContain(';1234\r\n');
    expect(csv).not.toContain('="1234"');
    expect(csv).not.toContain('="7"');
  });

  it('quotes separators, quotes and line breaks; a formula from the data is disarmed', () => {
    expect(csv).toContain('"Quận Nam Từ Liêm; Hà Nội";"Có ""ngoặc"""');
    expect(csv).toContain(`"'=HYPERLINK(""http://x"")";"Dòng\nhai"`);
  });

  it('reads back through the importer to the same text', () => {
    const grid = readSheet(bytes);
    expect(grid[0]).toEqual(table.headers);
    expect(grid[1]).toEqual(['00103', 'Phường Tây Hồ', '05/CTrPH-HĐND-UBND', '12', '12,5', '084912345678']);
    expect(grid[2]).toEqual(['019', 'Quận Nam Từ Liêm; Hà Nội', 'Có "ngoặc"', '0', '', '1234']);
    expect(grid[3]![0]).toBe(`'=HYPERLINK("http://x")`);
  });
});
