import { foldVietnamese } from '../../shared/format.js';
import type { FieldError } from '../../shared/problem.js';
import { ProblemError } from '../http/problem.js';
import { cellText, excelSerialToDate, type Grid } from './sheet-read.js';
import type { Text } from '../../shared/text.js';

/**
 * What every template sheet's reader shares: the header row must be the template's (else
 * `wrong_template` at once), then each non-empty row is read cell by cell and every error names the
 * row and the column in Vietnamese ("Dòng 3, cột “Thời hạn”: …", field `rows.3.deadline`). All rows
 * are checked before anything is refused, so the clerk fixes the file in one go.
 */

export type Column<K extends string> = { readonly key: K; readonly vi: string; readonly en: string };

/** What every template row carries besides its own cells: its line in the file, its "Số TT", and the version it was exported at (null: a new row). */
export type TemplateRow = { row: number; no: number; version: number | null };

/** A column's Vietnamese name (the header cell), by its key: what the previews list as changed. */
export const columnNames =
  <K extends string>(columns: readonly Column<K>[]) =>
  (k: K): string =>
    columns.find((c) => c.key === k)!.vi;

export type RowReader<K extends string> = {
  row: number;
  get: (k: K) => string;
  err: (k: K, vi: string, en: string) => void;
};

/** `template` names the template as the wrong-template message says it: its Vietnamese name, and in English e.g. `the “Review results” template`. */
export function readTemplateRows<K extends string, R>(grid: Grid, columns: readonly Column<K>[], template: Text, each: (r: RowReader<K>) => R): R[] {
  const header = (grid[0] ?? []).map((h) => foldVietnamese(h));
  const missing = columns.filter((c, i) => header[i] !== foldVietnamese(c.vi)).map((c) => c.vi);
  if (missing.length) {
    throw new ProblemError(
      'validation',
      {
        vi: `Tệp không đúng mẫu: hãy tải mẫu “${template.vi}” và giữ nguyên dòng tiêu đề`,
        en: `Wrong template: download ${template.en} and keep its header row`,
      },
      [
        {
          field: 'file',
          in: 'body',
          code: 'wrong_template',
          message_vi: `Thiếu hoặc sai cột: ${missing.join(', ')}`,
          message_en: `Missing or misplaced columns: ${missing.join(', ')}`,
        },
      ],
    );
  }
  const col = (k: K) => columns.find((c) => c.key === k)!;
  const errors: FieldError[] = [];
  const out: R[] = [];
  grid.slice(1).forEach((cells, i) => {
    const row = i + 2;
    if (cells.every((c) => !c?.trim())) return;
    const err = (k: K, vi: string, en: string) =>
      errors.push({
        field: `rows.${row}.${k}`,
        in: 'body',
        code: 'invalid',
        message_vi: `Dòng ${row}, cột “${col(k).vi}”: ${vi}`,
        message_en: `Row ${row}, column “${col(k).en}”: ${en}`,
      });
    const get = (k: K) => {
      try {
        return cellText(cells[columns.indexOf(col(k))] ?? '', { row, column: col(k).vi });
      } catch (e) {
        const fe = (e as ProblemError).errors?.[0];
        if (fe) errors.push({ ...fe, field: `rows.${row}.${k}` });
        return '';
      }
    };
    out.push(each({ row, get, err }));
  });
  if (errors.length) {
    throw new ProblemError(
      'validation',
      { vi: `${errors.length} lỗi trong tệp: không có gì được lưu`, en: `${errors.length} error(s) in the file: nothing was saved` },
      errors.slice(0, 200),
    );
  }
  return out;
}

const DMY = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
/** dd/mm/yyyy (or an Excel date serial) → yyyy-mm-dd; undefined when it is not a real date. */
export function isoOfCell(s: string): string | undefined {
  const t = s.trim();
  const m = DMY.exec(t) ?? (/^\d{4,5}(\.\d+)?$/.test(t) ? DMY.exec(excelSerialToDate(Number(t))) : null);
  if (!m) return undefined;
  const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCMonth() === mo - 1 && date.getUTCDate() === d ? `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}` : undefined;
}

/** A whole number cell (Số TT, Phiên bản): NaN when it is not one. */
export function wholeNumber(s: string): number {
  const n = Number(s.trim());
  return s.trim() && Number.isInteger(n) ? n : Number.NaN;
}

/**
 * Reads the "Số TT" of each row of one file: a whole number 1–999 that no other row uses. One
 * reader per file, since it remembers the numbers it has read.
 */
export function rowNumberReader() {
  const seen = new Set<number>();
  return ({ get, err }: Pick<RowReader<'no'>, 'get' | 'err'>): number => {
    const no = wholeNumber(get('no'));
    if (!(no >= 1 && no <= 999)) err('no', 'cần số thứ tự nguyên từ 1 đến 999', 'needs a whole number 1–999');
    else if (seen.has(no)) err('no', `số ${no} bị trùng`, `number ${no} appears twice`);
    seen.add(no);
    return no;
  };
}

/** How a status cell is read: its Vietnamese label (accents and case aside) or its code. */
export function statusByLabel<S extends string>(statuses: readonly S[], label: (s: S) => string): Map<string, S> {
  return new Map(statuses.flatMap((s) => [[foldVietnamese(label(s)), s] as const, [s, s] as const]));
}
