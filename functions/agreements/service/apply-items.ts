import {
  itemDeadline,
  itemStatusInfo,
  MAX_CONTENT_UNITS,
  trackingStatuses,
  type AgreementDetail,
  type ItemIndexEntry,
} from '../../../shared/agreements/schema.js';
import { keys } from '../../../shared/keys.js';
import type { FieldError } from '../../../shared/problem.js';
import { auditPut } from '../../audit/record.js';
import { ProblemError } from '../../http/problem.js';
import type { TransactItem } from '../../store/metered-store.js';
import { withConflict } from '../../store/versioning.js';
import { agreementRollup } from '../../rollups/agreements.js';
import { editableContent } from '../../../shared/agreements/editable.js';
import { readDetail } from '../repository.js';
import { agreementNotFound, auditView, frozen, type OpContext } from './context.js';
import { updateDraft } from './update.js';
import { changedColumns, type ItemRow } from '../../imports/items-sheet.js';

/**
 * Many items of one agreement changed together (a spreadsheet import or a bulk change), all or
 * nothing. A draft's content is replaced in its one transaction (updateDraft). A signed or in-force
 * agreement's items change status and progress only: each changed item is conditioned on its version
 * and gets its own audit entry, the header's item index and the roll-up move once — 2 operations per
 * item + 2, so at most MAX_TRACKED_CHANGES items fit DynamoDB's 100-operation transaction; more is
 * refused (split the file) rather than written in several transactions that could half-succeed.
 */

export const MAX_TRACKED_CHANGES = 48;

/** A problem about the whole file (its rows), naming the field as every 400 does. */
function rowsProblem(vi: string, en: string): ProblemError {
  return new ProblemError('validation', { vi, en }, [{ field: 'rows', in: 'body', code: 'invalid', message_vi: vi, message_en: en }]);
}

const short = (s: string) => (s.length > 60 ? `${s.slice(0, 57)}…` : s);

/**
 * An error about one row, named as the clerk knows it: the sheet's row and the item's number and
 * title; a bulk change from the list (row 0) names the item only, in the field `items.<no>`.
 */
const rowError = (r: ItemRow, vi: string, en: string, field = 'no'): FieldError =>
  r.row > 0
    ? {
        field: `rows.${r.row}.${field}`,
        in: 'body',
        code: 'invalid',
        message_vi: `Dòng ${r.row} (nội dung ${r.no}${r.title ? ` “${short(r.title)}”` : ''}): ${vi}`,
        message_en: `Row ${r.row} (item ${r.no}): ${en}`,
      }
    : {
        field: `items.${r.no}.${field}`,
        in: 'body',
        code: 'invalid',
        message_vi: `Nội dung ${r.no}${r.title ? ` “${short(r.title)}”` : ''}: ${vi}`,
        message_en: `Item ${r.no}: ${en}`,
      };

export type ApplyResult = { changed: number; agreementVersion: number };

export async function applyItemRows(ctx: OpContext, id: string, rows: ItemRow[], agreementVersion: number | null): Promise<ApplyResult> {
  const d = await readDetail(ctx.store, ctx.tenant, id, ctx.now);
  if (!d) throw agreementNotFound();
  const byNo = new Map(d.items.map((i) => [i.no, i]));
  const changed = rows.filter((r) => changedColumns(r, byNo.get(r.no)).length > 0);
  if (!changed.length) return { changed: 0, agreementVersion: d.agreement.version };
  if (d.agreement.kind === 'regulation') throw rowsProblem('Quy chế không có nội dung đánh số', 'A regulation has no numbered items');

  // Rows changed meanwhile: the version the sheet (or the list) was made from is no longer the item's.
  const stale = changed.filter((r) => r.version !== null && byNo.has(r.no) && byNo.get(r.no)!.version !== r.version);
  if (stale.length) {
    throw new ProblemError(
      'conflict',
      {
        vi: `Nội dung ${stale.map((r) => `${r.no} “${short(byNo.get(r.no)!.title)}”`).join(', ')} đã được người khác sửa sau khi bạn mở: hãy tải lại`,
        en: `Items ${stale.map((r) => r.no).join(', ')} changed since you downloaded them: reload`,
      },
      stale.map((r) =>
        rowError({ ...r, title: byNo.get(r.no)!.title }, 'đã được người khác sửa trong lúc này', 'was changed by someone else meanwhile', 'version'),
      ),
    );
  }

  if (d.agreement.status === 'draft') return applyToDraft(ctx, d, changed, agreementVersion ?? d.agreement.version);
  if (!trackingStatuses.includes(d.agreement.status)) throw frozen(d.agreement.status);
  return applyToTracked(ctx, d, changed);
}

async function applyToDraft(ctx: OpContext, d: AgreementDetail, rows: ItemRow[], version: number): Promise<ApplyResult> {
  const content = editableContent(d);
  const errors: FieldError[] = [];
  for (const r of [...rows].sort((a, b) => a.no - b.no)) {
    const fields = { title: r.title, description: r.description, lead: r.lead, cooperating: r.cooperating, due: r.due, status: r.status, progress: r.progress };
    if (r.no <= content.items.length) content.items[r.no - 1] = { ...content.items[r.no - 1]!, ...fields, placeholder: false };
    else if (r.no === content.items.length + 1) content.items.push({ ...fields, evidence: [], placeholder: false });
    else errors.push(rowError(r, `số thứ tự phải liền sau ${content.items.length}`, `the number must follow ${content.items.length}`));
  }
  if (errors.length) throw new ProblemError('validation', { vi: 'Số thứ tự không liền nhau', en: 'Numbers leave a gap' }, errors);
  if (content.items.length > MAX_CONTENT_UNITS) {
    throw rowsProblem(`Tối đa ${MAX_CONTENT_UNITS} nội dung trong một văn bản`, `At most ${MAX_CONTENT_UNITS} items in one agreement`);
  }
  const r = await updateDraft(ctx, d.agreement.id, content, version, d.agreement.continues);
  return { changed: rows.length, agreementVersion: r.agreement.version };
}

async function applyToTracked(ctx: OpContext, d: AgreementDetail, rows: ItemRow[]): Promise<ApplyResult> {
  const byNo = new Map(d.items.map((i) => [i.no, i]));
  const status = ['Trạng thái', 'Tiến độ (%)'];
  const errors = rows.flatMap((r) => {
    const item = byNo.get(r.no);
    if (!item) return [rowError(r, 'văn bản đã ký: không thêm nội dung mới (cần sửa đổi, bổ sung văn bản)', 'signed: no new items (amend the agreement)')];
    const content = changedColumns(r, item).filter((c) => !status.includes(c));
    return content.length
      ? [
          rowError(
            r,
            `văn bản đã ký: chỉ cập nhật trạng thái và tiến độ, không sửa ${content.join(', ')}`,
            `signed: only status and progress change, not ${content.join(', ')}`,
          ),
        ]
      : [];
  });
  if (errors.length)
    throw new ProblemError(
      'validation',
      { vi: 'Văn bản đã ký: nội dung không sửa được từ tệp', en: 'Signed agreement: content cannot change from a file' },
      errors,
    );
  if (rows.length > MAX_TRACKED_CHANGES) {
    throw rowsProblem(
      `Tối đa ${MAX_TRACKED_CHANGES} nội dung thay đổi trong một lần nhập (${rows.length} dòng thay đổi): hãy chia tệp`,
      `At most ${MAX_TRACKED_CHANGES} changed items per import (${rows.length}): split the file`,
    );
  }
  const at = ctx.now.toISOString();
  const a = d.agreement;
  const entries: [string, ItemIndexEntry, ItemIndexEntry, number][] = [];
  const tx: TransactItem[] = [];
  for (const r of rows) {
    const item = byNo.get(r.no)!;
    const pad = String(r.no).padStart(3, '0');
    const before: ItemIndexEntry = { s: item.status, p: item.progress, d: itemDeadline(item.due, a) };
    entries.push([pad, before, { ...before, s: r.status, p: r.progress }, r.no]);
    tx.push({
      Update: {
        Key: keys.agreementItem(ctx.tenant, a.id, r.no),
        UpdateExpression: 'SET #status = :status, progress = :progress, #version = :next, updatedAt = :at',
        ConditionExpression: 'attribute_exists(PK) AND #version = :expected',
        ExpressionAttributeNames: { '#status': 'status', '#version': 'version' },
        ExpressionAttributeValues: { ':status': r.status, ':progress': r.progress, ':next': item.version + 1, ':expected': item.version, ':at': at },
      },
    });
    const view = auditView({ no: item.no, title: item.title, status: item.status, progress: item.progress, version: item.version });
    tx.push(
      auditPut({
        tenant: ctx.tenant,
        actor: ctx.actor,
        entity: 'agreement-item',
        entityId: `${a.id}/ITEM#${pad}`,
        action: 'progress',
        before: view,
        after: { ...view, status: r.status, progress: r.progress, note: `${itemStatusInfo[r.status].vi} — ${r.progress}% (nhập từ bảng tính)` },
        at: ctx.now,
      }),
    );
  }
  const names = Object.fromEntries(entries.map(([pad], i) => [`#n${i}`, pad]));
  tx.push({
    Update: {
      Key: keys.agreement(ctx.tenant, a.id),
      UpdateExpression: `SET ${entries.map((_, i) => `itemIndex.#n${i} = :e${i}`).join(', ')}`,
      ConditionExpression: `attribute_exists(PK) AND #status IN (${trackingStatuses.map((_, i) => `:t${i}`).join(', ')})`,
      ExpressionAttributeNames: { ...names, '#status': 'status' },
      ExpressionAttributeValues: {
        ...Object.fromEntries(entries.map(([, , after], i) => [`:e${i}`, after])),
        ...Object.fromEntries(trackingStatuses.map((s, i) => [`:t${i}`, s])),
      },
    },
  });
  tx.push(
    ...agreementRollup(
      ctx.now,
      entries.map(([, before, after, no]) => ({ kind: 'item' as const, tenant: ctx.tenant, agreement: a, no, before, after })),
    ),
  );
  await withConflict(() => ctx.store.transactWrite(tx));
  return { changed: rows.length, agreementVersion: a.version };
}
