import {
  agencyLabels,
  itemStatuses,
  itemStatusInfo,
  type AgreementDetail,
  type Due,
  type Item,
  type ItemStatus,
  type Party,
} from '../../shared/agreements/schema.js';
import { foldVietnamese, formatDate } from '../../shared/format.js';
import { agencyOf } from '../../shared/imports/agencies.js';
import { ITEM_COLUMNS, ITEMS_SHEET_NAME, type ItemColumn, type RowChange } from '../../shared/imports/schema.js';
import type { Cell, Table } from '../export/table-export.js';
import type { Grid } from './sheet-read.js';
import { columnNames, isoOfCell, readTemplateRows, statusByLabel, type TemplateRow } from './sheet-rows.js';

/**
 * The items sheet: the same columns for the export, the template and the import. Each imported row
 * is read against the agreement's current items (by "Số TT"): unchanged rows change nothing, so a
 * re-import of an exported file is "0 changes". Errors name the row and the column in Vietnamese.
 */

const agencyText = (p: Party | null) => (p ? p.name || agencyLabels[p.agency].vi : '');
export function dueCell(d: Due | null): string {
  if (!d) return '';
  return d.kind === 'date' ? formatDate(d.on) : `${formatDate(d.from)} - ${formatDate(d.to)}`;
}

export function itemsTable(d: AgreementDetail | null): Table {
  return {
    sheetName: ITEMS_SHEET_NAME,
    headers: ITEM_COLUMNS.map((c) => c.vi),
    rows: (d?.items ?? []).map((i): Cell[] => [
      i.no,
      i.title,
      i.description,
      agencyText(i.lead),
      i.cooperating.map(agencyText).join('; '),
      dueCell(i.due),
      itemStatusInfo[i.status].vi,
      i.progress,
      i.version,
    ]),
  };
}

/** What a row asks for, in the agreement's own shapes. */
export type ItemRow = TemplateRow & {
  title: string;
  description: string;
  lead: Party | null;
  cooperating: Party[];
  due: Due | null;
  status: ItemStatus;
  progress: number;
};

const STATUS_BY_LABEL = statusByLabel(itemStatuses, (s) => itemStatusInfo[s].vi);
const colName = columnNames(ITEM_COLUMNS);

/** Rows of the grid, or the problems: a wrong template (header row) stops at once; row errors are all listed. */
export function readItemRows(grid: Grid): ItemRow[] {
  const seen = new Set<number>();
  return readTemplateRows(grid, ITEM_COLUMNS, { vi: 'Nội dung phối hợp', en: 'the items template' }, ({ row, get, err }): ItemRow => {
    const no = Number(get('no'));
    if (!Number.isInteger(no) || no < 1 || no > 9999) err('no', 'cần số thứ tự nguyên từ 1', 'needs a whole number from 1');
    else if (seen.has(no)) err('no', `số ${no} bị trùng`, `number ${no} appears twice`);
    seen.add(no);
    const title = get('title');
    if (!title) err('title', 'chưa nhập nội dung', 'the item is empty');
    if (title.length > 1000) err('title', 'dài quá 1000 ký tự', 'longer than 1000 characters');
    const names = (s: string) =>
      s
        .split(/\s*;\s*/)
        .filter(Boolean)
        .map((name) => ({ agency: agencyOf(name), name }));
    const dueText = get('due');
    let due: Due | null = null;
    if (dueText) {
      const parts = dueText.split(/\s+-\s+|\s*–\s*/);
      const dates = parts.map(isoOfCell);
      if (dates.some((x) => !x) || parts.length > 2)
        err('due', `“${dueText}” không phải ngày dd/mm/yyyy hoặc khoảng “dd/mm/yyyy - dd/mm/yyyy”`, `“${dueText}” is not dd/mm/yyyy or a range`);
      else if (dates.length === 1) due = { kind: 'date', on: dates[0]! };
      else if (dates[1]! < dates[0]!) err('due', 'ngày kết thúc trước ngày bắt đầu', 'the end is before the start');
      else due = { kind: 'period', from: dates[0]!, to: dates[1]! };
    }
    const statusText = get('status');
    const status = statusText ? STATUS_BY_LABEL.get(foldVietnamese(statusText)) : 'not_started';
    if (!status)
      err('status', `“${statusText}” không phải trạng thái (${itemStatuses.map((s) => itemStatusInfo[s].vi).join(', ')})`, `“${statusText}” is not a status`);
    const progressText = get('progress');
    const progress = progressText ? Number(progressText.replace('%', '')) : status === 'done' ? 100 : 0;
    if (!Number.isInteger(progress) || progress < 0 || progress > 100) err('progress', 'cần số nguyên từ 0 đến 100', 'needs a whole number 0–100');
    else if (status === 'done' && progress !== 100) err('progress', 'nội dung hoàn thành có tiến độ 100', 'a done item is 100%');
    else if (status === 'not_started' && progress !== 0) err('progress', 'nội dung chưa thực hiện có tiến độ 0', 'a not-started item is 0%');
    const versionText = get('version');
    const version = versionText ? Number(versionText) : null;
    if (version !== null && (!Number.isInteger(version) || version < 1))
      err('version', 'cần số nguyên từ 1 (để trống cho nội dung mới)', 'a whole number from 1 (empty for new items)');
    const leads = names(get('lead'));
    if (leads.length > 1) err('lead', 'chỉ một cơ quan chủ trì', 'one lead agency only');
    return {
      row,
      no,
      title,
      description: get('description'),
      lead: leads[0] ?? null,
      cooperating: names(get('cooperating')),
      due,
      status: status ?? 'not_started',
      progress,
      version,
    };
  });
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const agencyKey = (p: Party | null) => (p ? foldVietnamese(agencyText(p)) : '');

/** Columns whose value a row changes against the current item (none: the row changes nothing). */
export function changedColumns(r: ItemRow, cur: Item | undefined): string[] {
  if (!cur) return ITEM_COLUMNS.filter((c) => c.key !== 'version' && c.key !== 'no').map((c) => c.vi);
  const out: ItemColumn[] = [];
  if (r.title !== cur.title) out.push('title');
  if (r.description.trim() !== cur.description.trim()) out.push('description');
  if (agencyKey(r.lead) !== agencyKey(cur.lead)) out.push('lead');
  if (!same(r.cooperating.map(agencyKey), cur.cooperating.map(agencyKey))) out.push('cooperating');
  if (!same(r.due, cur.due)) out.push('due');
  if (r.status !== cur.status) out.push('status');
  if (r.progress !== cur.progress) out.push('progress');
  return out.map(colName);
}

export function previewOf(rows: ItemRow[], d: AgreementDetail): { changes: RowChange[]; unchanged: number } {
  const byNo = new Map(d.items.map((i) => [i.no, i]));
  const changes: RowChange[] = [];
  for (const r of rows) {
    const cols = changedColumns(r, byNo.get(r.no));
    if (cols.length) changes.push({ row: r.row, no: r.no, action: byNo.has(r.no) ? 'update' : 'create', columns: cols, title: r.title });
  }
  return { changes, unchanged: rows.length - changes.length };
}
