import { foldVietnamese, formatDate } from '../../shared/format.js';
import { RECOMMENDATION_COLUMNS, RECOMMENDATIONS_SHEET_NAME, type RecommendationColumn, type RowChange } from '../../shared/imports/schema.js';
import type { FieldError } from '../../shared/problem.js';
import { recommendationStatusLabels } from '../../shared/supervision/labels.js';
import { recommendationStatuses, type Recommendation, type RecommendationStatus } from '../../shared/supervision/schema.js';
import type { Cell, Table } from '../export/table-export.js';
import { ProblemError } from '../http/problem.js';
import { changedFields, type RecommendationChange, type RecommendationSet } from '../supervision/service/change-recommendations.js';
import type { Grid } from './sheet-read.js';
import { columnNames, isoOfCell, readTemplateRows, rowNumberReader, statusByLabel, type TemplateRow, wholeNumber } from './sheet-rows.js';

/**
 * Supervision recommendations as a spreadsheet: the same columns for the export, the template and
 * the import. Rows are matched by "Số TT" (the plan's recommendation number): an unchanged row changes
 * nothing, so re-importing an exported file is "0 changes"; a new number (the next ones of the plan)
 * adds a recommendation to the finding named in "Kết quả giám sát số".
 */

export function recommendationsTable(recs: Recommendation[] | null): Table {
  return {
    sheetName: RECOMMENDATIONS_SHEET_NAME,
    headers: RECOMMENDATION_COLUMNS.map((c) => c.vi),
    rows: (recs ?? []).map((r): Cell[] => [
      r.no,
      r.findingNo,
      r.content,
      r.responsibleUnit,
      formatDate(r.deadline),
      recommendationStatusLabels[r.status].vi,
      r.version,
    ]),
  };
}

export type RecommendationRow = TemplateRow & {
  findingNo: number;
  content: string;
  responsibleUnit: string;
  deadline: string;
  status: RecommendationStatus;
};

const STATUS_BY_LABEL = statusByLabel(recommendationStatuses, (s) => recommendationStatusLabels[s].vi);
const colName = columnNames(RECOMMENDATION_COLUMNS);

export function readRecommendationRows(grid: Grid): RecommendationRow[] {
  const rowNumber = rowNumberReader();
  return readTemplateRows(grid, RECOMMENDATION_COLUMNS, { vi: 'Kiến nghị giám sát', en: 'the “Supervision recommendations” template' }, ({ row, get, err }) => {
    const no = rowNumber({ get, err });
    const findingNo = wholeNumber(get('findingNo'));
    if (!(findingNo >= 1 && findingNo <= 999)) err('findingNo', 'cần số của kết quả giám sát (từ 1)', 'needs the finding’s number (from 1)');
    const content = get('content');
    if (!content) err('content', 'chưa nhập nội dung kiến nghị', 'the recommendation is empty');
    else if (content.length > 2000) err('content', 'dài quá 2000 ký tự', 'longer than 2000 characters');
    const responsibleUnit = get('responsibleUnit');
    if (!responsibleUnit) err('responsibleUnit', 'chưa nhập đơn vị chịu trách nhiệm', 'the responsible unit is empty');
    else if (responsibleUnit.length > 200) err('responsibleUnit', 'dài quá 200 ký tự', 'longer than 200 characters');
    const deadlineText = get('deadline');
    const deadline = isoOfCell(deadlineText);
    if (!deadline)
      err('deadline', deadlineText ? `“${deadlineText}” không phải ngày dd/mm/yyyy` : 'chưa nhập thời hạn (dd/mm/yyyy)', 'needs a date dd/mm/yyyy');
    const statusText = get('status');
    const status = statusText ? STATUS_BY_LABEL.get(foldVietnamese(statusText)) : 'open';
    if (!status)
      err(
        'status',
        `“${statusText}” không phải trạng thái (${recommendationStatuses.map((s) => recommendationStatusLabels[s].vi).join(', ')})`,
        `“${statusText}” is not a status`,
      );
    const versionText = get('version');
    const version = versionText ? wholeNumber(versionText) : null;
    if (version !== null && !(version >= 1)) err('version', 'cần số nguyên từ 1 (để trống cho kiến nghị mới)', 'a whole number from 1 (empty for new rows)');
    return { row, no, findingNo, content, responsibleUnit, deadline: deadline ?? '', status: status ?? 'open', version };
  });
}

const FIELD_COLUMN: Record<keyof RecommendationSet, RecommendationColumn> = {
  content: 'content',
  responsibleUnit: 'responsibleUnit',
  deadline: 'deadline',
  status: 'status',
};

/** The rows as changes for the supervision service; a row may not move an existing recommendation to another finding. */
export function changesOf(rows: RecommendationRow[], current: Map<number, Recommendation>): RecommendationChange[] {
  const errors: FieldError[] = rows
    .filter((r) => current.has(r.no) && current.get(r.no)!.findingNo !== r.findingNo)
    .map((r) => ({
      field: `rows.${r.row}.findingNo`,
      in: 'body',
      code: 'invalid',
      message_vi: `Dòng ${r.row}, cột “${colName('findingNo')}”: kiến nghị số ${r.no} thuộc kết quả giám sát số ${current.get(r.no)!.findingNo}, không chuyển được`,
      message_en: `Row ${r.row}, column “Finding no.”: recommendation ${r.no} belongs to finding ${current.get(r.no)!.findingNo}`,
    }));
  if (errors.length)
    throw new ProblemError('validation', { vi: `${errors.length} lỗi trong tệp: không có gì được lưu`, en: `${errors.length} error(s) in the file` }, errors);
  return rows.map((r) => {
    const cur = current.get(r.no);
    return {
      where: { vi: `Dòng ${r.row}`, en: `Row ${r.row}`, field: `rows.${r.row}` },
      no: r.no,
      version: cur ? (r.version ?? cur.version) : null,
      findingNo: r.findingNo,
      set: { content: r.content, responsibleUnit: r.responsibleUnit, deadline: r.deadline, status: r.status },
    };
  });
}

export function previewOfRecommendations(rows: RecommendationRow[], current: Map<number, Recommendation>): { changes: RowChange[]; unchanged: number } {
  const changes: RowChange[] = [];
  for (const c of changesOf(rows, current)) {
    const cur = current.get(c.no);
    const cols = cur
      ? changedFields(c.set, cur).map((f) => colName(FIELD_COLUMN[f]))
      : RECOMMENDATION_COLUMNS.filter((x) => x.key !== 'no' && x.key !== 'version').map((x) => x.vi);
    const row = rows.find((r) => r.no === c.no)!;
    if (cols.length) changes.push({ row: row.row, no: c.no, action: cur ? 'update' : 'create', columns: cols, title: row.content });
  }
  return { changes, unchanged: rows.length - changes.length };
}
