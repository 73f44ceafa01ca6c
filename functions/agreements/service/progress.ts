import type * as z from 'zod';
import {
  itemStatusInfo,
  trackingStatuses,
  vietnamToday,
  type ItemIndexEntry,
  type ItemStatus,
  type progressInputSchema,
} from '../../../shared/agreements/schema.js';
import { keys } from '../../../shared/keys.js';
import { ProblemError } from '../../http/problem.js';
import { auditPut } from '../../audit/record.js';
import type { TransactItem } from '../../store/metered-store.js';
import { retryOnHeaderRace, writeRecordAndHeader } from './header-race.js';
import { agreementFromItem, itemIndexEntry, progressFor, type DbItem } from '../records.js';
import { actorLabel, agreementNotFound, auditView, checkHappenedOn, checkVersion, wrongState, type OpContext } from './context.js';
import { agreementRollup } from '../../rollups/agreements.js';
import { agreementDue, dueGuard } from '../../reminders/due-entries.js';
import { randomBytes } from 'node:crypto';

export type ProgressUpdate = z.output<typeof progressInputSchema>;

/** Status implied by a progress figure when only the figure is given. */
function statusForProgress(progress: number, current: ItemStatus): ItemStatus {
  if (progress === 100) return 'done';
  if (progress === 0 && current === 'done') return 'not_started';
  if (progress > 0 && (current === 'not_started' || current === 'done')) return 'in_progress';
  return current;
}

/**
 * Progress of one content item of a signed / in-force agreement: status, %, a dated note on the
 * timeline, evidence links. Conditioned on the item's own version (two people updating the same item
 * → one 409; different items do not collide). The header's item index moves in the same transaction
 * so list pages count done / overdue without reading items.
 */
export async function updateProgress(ctx: OpContext, id: string, no: number, input: ProgressUpdate, expectedVersion: number) {
  // Another item of the same record changed between read and write (the header's due revision
  // moved): read again, up to three times. A stale item version is the caller's 409.
  return retryOnHeaderRace((mayRetry) => attemptProgress(ctx, id, no, input, expectedVersion, mayRetry));
}

async function attemptProgress(ctx: OpContext, id: string, no: number, input: ProgressUpdate, expectedVersion: number, mayRetry: boolean) {
  const [headerRow, itemRow] = (await ctx.store.transactGet([{ Key: keys.agreement(ctx.tenant, id) }, { Key: keys.agreementItem(ctx.tenant, id, no) }])) as (
    | DbItem
    | undefined
  )[];
  if (!headerRow || !itemRow) throw agreementNotFound();
  const agreement = agreementFromItem(headerRow);
  if (!trackingStatuses.includes(agreement.status)) {
    throw wrongState('Chỉ cập nhật tiến độ cho văn bản đã ký hoặc đang có hiệu lực', 'Progress is tracked only for signed or in-force agreements');
  }
  checkVersion({ version: Number(itemRow.version) }, expectedVersion);

  const prevStatus = itemRow.status as ItemStatus;
  const prevProgress = itemRow.progress as number;
  let status: ItemStatus = input.status ?? prevStatus;
  let progress: number;
  if (input.progress !== undefined) {
    progress = input.progress;
    if (input.status === undefined) status = statusForProgress(progress, prevStatus);
  } else if (input.status !== undefined && input.status !== prevStatus) {
    progress = progressFor(status, undefined, prevProgress);
  } else {
    progress = prevProgress;
  }
  if ((status === 'done' && progress !== 100) || (status === 'not_started' && progress !== 0)) {
    const vi = `Trạng thái "${itemStatusInfo[status].vi}" không đi với tiến độ ${progress}%`;
    const en = `Status "${itemStatusInfo[status].en}" does not go with ${progress}% progress`;
    throw new ProblemError('validation', { vi, en }, [{ field: 'progress', in: 'body', code: 'custom', message_vi: vi, message_en: en }]);
  }

  const at = ctx.now.toISOString();
  // The note is dated the day the work happened (today unless a past note is entered), in Vietnam
  // time; `at` is when it was recorded. Not after today, not before the agreement was signed.
  const noteOn = input.note?.on ?? vietnamToday(ctx.now);
  if (input.note) {
    checkHappenedOn('note.on', noteOn, vietnamToday(ctx.now), agreement.signedOn, {
      vi: 'Ngày ghi nhận không được trước ngày ký văn bản',
      en: 'The note must not be dated before the agreement was signed',
    });
  }
  const evidence = input.evidence ?? (itemRow.evidence as unknown[]) ?? [];
  const changed = status !== prevStatus || progress !== prevProgress;
  const noteText = input.note?.text ?? (changed ? `${itemStatusInfo[status].vi} — ${progress}%` : '');
  const note =
    input.note || changed
      ? {
          ...keys.agreementNote(ctx.tenant, id, no, at, randomBytes(4).toString('hex')),
          entity: 'agreement-note',
          at,
          on: noteOn,
          text: noteText,
          status,
          progress,
          by: actorLabel(ctx.actor),
        }
      : null;
  const before: ItemIndexEntry = itemIndexEntry(
    {
      status: prevStatus,
      progress: prevProgress,
      due: (itemRow.due as never) ?? null,
      lead: (itemRow.lead as never) ?? null,
      title: String(itemRow.title ?? ''),
    },
    agreement,
  );
  const after: ItemIndexEntry = { ...before, s: status, p: progress };
  const pad = String(no).padStart(3, '0');

  const guard = dueGuard(headerRow);
  const tx: TransactItem[] = [
    {
      Update: {
        Key: keys.agreementItem(ctx.tenant, id, no),
        UpdateExpression: 'SET #status = :status, progress = :progress, evidence = :evidence, #version = :next, updatedAt = :at',
        ConditionExpression: 'attribute_exists(PK) AND #version = :expected',
        ExpressionAttributeNames: { '#status': 'status', '#version': 'version' },
        ExpressionAttributeValues: {
          ':status': status,
          ':progress': progress,
          ':evidence': evidence,
          ':next': expectedVersion + 1,
          ':expected': expectedVersion,
          ':at': at,
        },
      },
    },
    {
      Update: {
        Key: keys.agreement(ctx.tenant, id),
        UpdateExpression: 'SET itemIndex.#no = :entry ADD dueRev :dueOne',
        ConditionExpression: `attribute_exists(PK) AND #status IN (${trackingStatuses.map((_, i) => `:t${i}`).join(', ')}) AND ${guard.condition}`,
        ExpressionAttributeNames: { '#no': pad, '#status': 'status' },
        ExpressionAttributeValues: { ':entry': after, ...Object.fromEntries(trackingStatuses.map((s, i) => [`:t${i}`, s])), ...guard.values },
      },
    },
    ...(note ? [{ Put: { Item: note, ConditionExpression: 'attribute_not_exists(PK)' } } satisfies TransactItem] : []),
    auditPut({
      tenant: ctx.tenant,
      actor: ctx.actor,
      entity: 'agreement-item',
      entityId: `${id}/ITEM#${pad}`,
      action: 'progress',
      before: auditView(itemRow),
      after: { ...auditView(itemRow), status, progress, evidence, ...(note ? { note: { on: note.on, text: note.text } } : {}) },
      at: ctx.now,
    }),
    ...agreementRollup(ctx.now, [{ kind: 'item', tenant: ctx.tenant, agreement, no, before, after }]),
    ...agreementDue(ctx.tenant, [{ ...agreement, itemIndex: { ...agreement.itemIndex, [pad]: after } }]),
  ];
  if ((await writeRecordAndHeader(ctx, tx, mayRetry)) === 'retry') return 'retry' as const;
  return {
    item: { no, status, progress, evidence, version: expectedVersion + 1 },
    note: note ? { at: note.at, on: note.on, text: note.text, status, progress, by: note.by } : null,
  };
}
