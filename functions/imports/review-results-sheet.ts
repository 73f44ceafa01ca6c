import { itemStatuses, itemStatusInfo, type AgreementDetail, type Review } from '../../shared/agreements/schema.js';
import { foldVietnamese } from '../../shared/format.js';
import { REVIEW_RESULT_COLUMNS, REVIEW_RESULTS_SHEET_NAME, type ReviewResultColumn, type RowChange } from '../../shared/imports/schema.js';
import type { FieldError } from '../../shared/problem.js';
import type { Cell, Table } from '../export/table-export.js';
import { ProblemError } from '../http/problem.js';
import type { Grid } from './sheet-read.js';
import { columnNames, readTemplateRows, rowNumberReader, statusByLabel, type TemplateRow, wholeNumber } from './sheet-rows.js';

/**
 * A review's (sơ kết / tổng kết) per-item results as a spreadsheet: one row per item of the
 * agreement, the same columns for the export, the template and the import. A row with no result,
 * status or progress means "no result recorded for this item". Rows are matched by "Số TT"; an
 * unchanged row changes nothing, so re-importing an exported file is "0 changes". The review is one
 * record: its version is in every row and the import is one write of the review (one audit entry).
 */

export type ItemResult = Review['itemResults'][number];

export function reviewResultsTable(d: AgreementDetail | null, review: Review | null): Table {
  const byNo = new Map((review?.itemResults ?? []).map((r) => [r.no, r]));
  return {
    sheetName: REVIEW_RESULTS_SHEET_NAME,
    headers: REVIEW_RESULT_COLUMNS.map((c) => c.vi),
    rows: (d && review ? d.items : []).map((i): Cell[] => {
      const r = byNo.get(i.no);
      return [i.no, i.title, r?.result ?? '', r?.status ? itemStatusInfo[r.status].vi : '', r?.progress ?? '', review!.version];
    }),
  };
}

export type ReviewResultRow = TemplateRow & { result: ItemResult | null };

const STATUS_BY_LABEL = statusByLabel(itemStatuses, (s) => itemStatusInfo[s].vi);

export function readReviewResultRows(grid: Grid): ReviewResultRow[] {
  const rowNumber = rowNumberReader();
  return readTemplateRows(grid, REVIEW_RESULT_COLUMNS, { vi: 'Kết quả sơ kết, tổng kết', en: 'the “Review results” template' }, ({ row, get, err }) => {
    const no = rowNumber({ get, err });
    const result = get('result');
    if (result.length > 4000) err('result', 'dài quá 4000 ký tự', 'longer than 4000 characters');
    const statusText = get('status');
    const status = statusText ? STATUS_BY_LABEL.get(foldVietnamese(statusText)) : undefined;
    if (statusText && !status)
      err('status', `“${statusText}” không phải trạng thái (${itemStatuses.map((s) => itemStatusInfo[s].vi).join(', ')})`, `“${statusText}” is not a status`);
    const progressText = get('progress').replace('%', '').trim();
    const progress = progressText ? Number(progressText) : undefined;
    if (progress !== undefined && !(Number.isInteger(progress) && progress >= 0 && progress <= 100))
      err('progress', 'cần số nguyên từ 0 đến 100', 'needs a whole number 0–100');
    else if (status === 'done' && progress !== undefined && progress !== 100) err('progress', 'nội dung hoàn thành có tiến độ 100', 'a done item is 100%');
    else if (status === 'not_started' && progress !== undefined && progress !== 0)
      err('progress', 'nội dung chưa thực hiện có tiến độ 0', 'a not-started item is 0%');
    const versionText = get('version');
    const version = versionText ? wholeNumber(versionText) : null;
    if (version !== null && !(version >= 1)) err('version', 'cần số nguyên từ 1', 'a whole number from 1');
    const empty = !result && status === undefined && progress === undefined;
    return {
      row,
      no,
      result: empty ? null : { no, result, ...(status ? { status } : {}), ...(progress !== undefined ? { progress } : {}) },
      version,
    };
  });
}

const norm = (r: ItemResult | null | undefined) => (r ? JSON.stringify([r.result.trim(), r.status ?? null, r.progress ?? null]) : null);
const colName = columnNames(REVIEW_RESULT_COLUMNS);

function changedColumns(r: ReviewResultRow, cur: ItemResult | undefined): string[] {
  if (norm(r.result) === norm(cur)) return [];
  const out: ReviewResultColumn[] = [];
  if ((r.result?.result ?? '').trim() !== (cur?.result ?? '').trim()) out.push('result');
  if ((r.result?.status ?? null) !== (cur?.status ?? null)) out.push('status');
  if ((r.result?.progress ?? null) !== (cur?.progress ?? null)) out.push('progress');
  return out.map(colName);
}

/**
 * Checks the rows against the agreement and the review: every number must be an item; rows that
 * would change a review edited since the file was made are a 409 naming them. Returns the preview
 * and the review's merged results.
 */
export function planReviewResults(rows: ReviewResultRow[], d: AgreementDetail, review: Review) {
  const items = new Map(d.items.map((i) => [i.no, i]));
  const unknown: FieldError[] = rows
    .filter((r) => !items.has(r.no))
    .map((r) => ({
      field: `rows.${r.row}.no`,
      in: 'body',
      code: 'invalid',
      message_vi: `Dòng ${r.row}, cột “${colName('no')}”: văn bản không có nội dung số ${r.no}`,
      message_en: `Row ${r.row}, column “No.”: the agreement has no item ${r.no}`,
    }));
  if (unknown.length)
    throw new ProblemError(
      'validation',
      { vi: `${unknown.length} lỗi trong tệp: không có gì được lưu`, en: `${unknown.length} error(s) in the file` },
      unknown,
    );
  const current = new Map(review.itemResults.map((r) => [r.no, r]));
  const changes: RowChange[] = [];
  const stale: FieldError[] = [];
  const staleNos: number[] = [];
  for (const r of rows) {
    const cols = changedColumns(r, current.get(r.no));
    if (!cols.length) continue;
    const title = items.get(r.no)!.title;
    changes.push({ row: r.row, no: r.no, action: current.has(r.no) ? 'update' : 'create', columns: cols, title });
    if (r.version !== null && r.version !== review.version) {
      staleNos.push(r.no);
      stale.push({
        field: `rows.${r.row}.version`,
        in: 'body',
        code: 'invalid',
        message_vi: `Dòng ${r.row} (nội dung ${r.no} “${title.length > 60 ? `${title.slice(0, 57)}…` : title}”): báo cáo đã được sửa sau khi bạn tải tệp về`,
        message_en: `Row ${r.row} (item ${r.no}): the review changed since the file was downloaded`,
      });
    }
  }
  if (stale.length) {
    throw new ProblemError(
      'conflict',
      {
        vi: `Nội dung ${staleNos.join(', ')}: báo cáo đã được người khác sửa trong lúc này, hãy tải lại`,
        en: 'The review changed meanwhile: download it again',
      },
      stale,
    );
  }
  const merged = new Map(current);
  for (const r of rows) {
    if (r.result) merged.set(r.no, r.result);
    else merged.delete(r.no);
  }
  const itemResults = [...merged.values()].sort((a, b) => a.no - b.no);
  return { changes, unchanged: rows.length - changes.length, itemResults };
}
