import type * as z from 'zod';
import { reviewKindOf, reviewYearOf, type Review, type reviewInputSchema } from '../../../shared/agreements/schema.js';
import { keys } from '../../../shared/keys.js';
import { latestDate } from '../../../shared/dates.js';
import { ProblemError } from '../../http/problem.js';
import { auditPut } from '../../audit/record.js';
import type { TransactItem } from '../../store/metered-store.js';
import { staleVersion } from '../../store/versioning.js';
import { retryOnHeaderRace, writeRecordAndHeader } from './header-race.js';
import { agreementFromItem, reviewFromItem, type DbItem } from '../records.js';
import { agreementNotFound, auditView, checkHappenedOn, wrongState, type OpContext } from './context.js';
import { agreementRollup } from '../../rollups/agreements.js';
import { agreementDue, dueGuard } from '../../reminders/due-entries.js';

export type ReviewUpdate = z.output<typeof reviewInputSchema>;

function fieldError(field: string, vi: string, en: string): ProblemError {
  return new ProblemError('validation', { vi, en }, [{ field, in: 'body', code: 'custom', message_vi: vi, message_en: en }]);
}

/**
 * Writes a semi-annual (`YYYY-H1`) or annual (`YYYY-Y`) review of a signed agreement. Without an
 * expected version it creates the review (409 if one exists); with one it replaces it (409 if stale).
 * The header lists its review periods (a string set, ADD) so lists show them without reading reviews.
 */
export async function putReview(ctx: OpContext, id: string, period: string, input: ReviewUpdate, expectedVersion: number | null) {
  // A concurrent item update moved the header's due revision: read again (see dueGuard).
  return retryOnHeaderRace((mayRetry) => attemptReview(ctx, id, period, input, expectedVersion, mayRetry));
}

async function attemptReview(ctx: OpContext, id: string, period: string, input: ReviewUpdate, expectedVersion: number | null, mayRetry: boolean) {
  const [headerRow, existingRow] = (await ctx.store.transactGet([
    { Key: keys.agreement(ctx.tenant, id) },
    { Key: keys.agreementReview(ctx.tenant, id, period) },
  ])) as (DbItem | undefined)[];
  if (!headerRow) throw agreementNotFound();
  const agreement = agreementFromItem(headerRow);
  if (agreement.status === 'draft') throw wrongState('Dự thảo chưa ký thì chưa sơ kết, tổng kết được', 'A draft cannot be reviewed before it is signed');
  const year = reviewYearOf(period);
  if (year < agreement.yearFrom || year > agreement.yearTo) {
    throw new ProblemError('validation', { vi: 'Kỳ đánh giá nằm ngoài thời hạn của văn bản', en: 'The review period is outside the agreement’s years' }, [
      {
        field: 'period',
        in: 'path',
        code: 'custom',
        message_vi: `Năm ${year} ngoài ${agreement.yearFrom}–${agreement.yearTo}`,
        message_en: `Year ${year} is outside ${agreement.yearFrom}–${agreement.yearTo}`,
      },
    ]);
  }
  // A review is held in or after its period's year and after the agreement was signed (the day it
  // was held, which may be years before it is entered, is what counts).
  checkHappenedOn('heldOn', input.heldOn, null, latestDate(`${year}-01-01`, agreement.signedOn), {
    vi: `Ngày họp không được trước năm ${year} hoặc trước ngày ký văn bản`,
    en: `The review must not be held before ${year} or before the agreement was signed`,
  });
  const known = new Set(Object.keys(agreement.itemIndex).map(Number));
  input.itemResults.forEach((r, i) => {
    if (!known.has(r.no)) throw fieldError(`itemResults.${i}.no`, `Văn bản không có nội dung số ${r.no}`, `The agreement has no item ${r.no}`);
  });
  const seen = new Set<number>();
  input.itemResults.forEach((r, i) => {
    if (seen.has(r.no)) throw fieldError(`itemResults.${i}.no`, `Nội dung số ${r.no} bị lặp`, `Item ${r.no} is listed twice`);
    seen.add(r.no);
  });
  if (expectedVersion === null && existingRow) {
    throw wrongState(`Đã có báo cáo kỳ ${period}; hãy mở để sửa`, `A review for ${period} exists; open it to edit`);
  }
  if (expectedVersion !== null) {
    if (!existingRow) throw agreementNotFound();
    if (existingRow.version !== expectedVersion) throw staleVersion();
  }

  const at = ctx.now.toISOString();
  const { version: _v, ...fields } = input;
  const item: DbItem = {
    ...keys.agreementReview(ctx.tenant, id, period),
    entity: 'agreement-review',
    ...fields,
    period,
    kind: reviewKindOf(period),
    year,
    version: (expectedVersion ?? 0) + 1,
    createdAt: existingRow ? String(existingRow.createdAt) : at,
    updatedAt: at,
  };
  const guard = dueGuard(headerRow);
  const tx: TransactItem[] = [
    {
      Put: {
        Item: item,
        ...(expectedVersion === null
          ? { ConditionExpression: 'attribute_not_exists(PK)' }
          : {
              ConditionExpression: 'attribute_exists(PK) AND #version = :expected',
              ExpressionAttributeNames: { '#version': 'version' },
              ExpressionAttributeValues: { ':expected': expectedVersion },
            }),
      },
    },
    {
      Update: {
        Key: keys.agreement(ctx.tenant, id),
        UpdateExpression: 'ADD reviewPeriods :period, dueRev :dueOne',
        ConditionExpression: `attribute_exists(PK) AND #status <> :draft AND ${guard.condition}`,
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':period': new Set([period]), ':draft': 'draft', ...guard.values },
      },
    },
    auditPut({
      tenant: ctx.tenant,
      actor: ctx.actor,
      entity: 'agreement-review',
      entityId: `${id}/REVIEW#${period}`,
      action: expectedVersion === null ? 'create' : 'update',
      before: existingRow ? auditView(existingRow) : null,
      after: auditView(item),
      at: ctx.now,
    }),
    ...agreementRollup(ctx.now, [{ kind: 'review', tenant: ctx.tenant, agreement, period, created: expectedVersion === null }]),
    ...agreementDue(ctx.tenant, [{ ...agreement, reviewPeriods: [...new Set([...agreement.reviewPeriods, period])] }]),
  ];
  if ((await writeRecordAndHeader(ctx, tx, mayRetry)) === 'retry') return 'retry' as const;
  const review: Review = reviewFromItem(item);
  return { review, created: expectedVersion === null };
}
