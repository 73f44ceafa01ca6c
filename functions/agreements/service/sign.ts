import { vietnamToday, type Agreement, type AgreementSummary, type SignInput } from '../../../shared/agreements/schema.js';
import type * as z from 'zod';
import type { signInputSchema } from '../../../shared/agreements/schema.js';
import { foldVietnamese } from '../../../shared/format.js';
import { keys } from '../../../shared/keys.js';
import { latestDate } from '../../../shared/dates.js';
import { ProblemError } from '../../http/problem.js';
import { auditPut } from '../../audit/record.js';
import type { TransactItem } from '../../store/metered-store.js';
import { withConflict } from '../../store/versioning.js';
import { agreementFromItem, summaryOf, type DbItem } from '../records.js';
import { actorLabel, agreementNotFound, auditView, checkHappenedOn, checkVersion, wrongState, type OpContext } from './context.js';
import { agreementRollup, type AgreementChange } from '../../rollups/agreements.js';
import { agreementDue, dueGuard } from '../../reminders/due-entries.js';

export type { SignInput };

/**
 * Records the signing event (date, venue, signatories) and moves the draft to signed — or straight to
 * in force when it takes effect on signing. Signing an amendment supersedes the record it amends, in
 * the same transaction. After this the content is frozen.
 */
export async function signAgreement(
  ctx: OpContext,
  id: string,
  input: z.output<typeof signInputSchema>,
  expectedVersion: number,
): Promise<{ agreement: AgreementSummary }> {
  const today = vietnamToday(ctx.now);
  if (input.signedOn > today) {
    throw new ProblemError('validation', { vi: 'Ngày ký không được sau hôm nay', en: 'The signing date cannot be in the future' }, [
      { field: 'signedOn', in: 'body', code: 'too_big', message_vi: 'Ngày ký không được sau hôm nay', message_en: 'The signing date cannot be in the future' },
    ]);
  }
  const current = (await ctx.store.get({ Key: keys.agreement(ctx.tenant, id), ConsistentRead: true })) as DbItem | undefined;
  if (!current) throw agreementNotFound();
  const before = agreementFromItem(current);
  checkVersion(before, expectedVersion);
  if (before.status !== 'draft') throw wrongState('Chỉ ký được văn bản ở trạng thái dự thảo', 'Only a draft can be signed');

  const at = ctx.now.toISOString();
  const status = input.inForceFromSigning ? 'in_force' : 'signed';
  const effectiveFrom = input.inForceFromSigning ? input.signedOn : null;
  const names = input.signatories.map((s) => `${s.name} ${s.title}`).join(' ');
  const after = { ...before, status, signedOn: input.signedOn, effectiveFrom, version: before.version + 1, updatedAt: at } as const;

  const guard = dueGuard(current);
  const tx: TransactItem[] = [
    {
      Update: {
        Key: keys.agreement(ctx.tenant, id),
        UpdateExpression:
          'SET #status = :status, signedOn = :signedOn, effectiveFrom = :from, #version = :next, updatedAt = :at, GSI2SK = :gsi2, searchText = :search ADD dueRev :dueOne',
        ConditionExpression: `attribute_exists(PK) AND #version = :expected AND #status = :draft AND ${guard.condition}`,
        ExpressionAttributeNames: { '#status': 'status', '#version': 'version' },
        ExpressionAttributeValues: {
          ':status': status,
          ':signedOn': input.signedOn,
          ':from': effectiveFrom,
          ':next': expectedVersion + 1,
          ':expected': expectedVersion,
          ':at': at,
          ':draft': 'draft',
          ':gsi2': keys.agreementStatusIndex(ctx.tenant, status, at, id).GSI2SK,
          ':search': `${String(current.searchText ?? '')} | ${foldVietnamese(names)}`,
          ...guard.values,
        },
      },
    },
    {
      Put: {
        Item: {
          ...keys.agreementSigning(ctx.tenant, id),
          entity: 'agreement-signing',
          signedOn: input.signedOn,
          place: input.place,
          signatories: input.signatories,
          remarks: input.remarks,
          recordedAt: at,
          recordedBy: actorLabel(ctx.actor),
        },
        ConditionExpression: 'attribute_not_exists(PK)',
      },
    },
    auditPut({
      tenant: ctx.tenant,
      actor: ctx.actor,
      entity: 'agreement',
      entityId: id,
      action: 'sign',
      before: auditView(current),
      after: { ...auditView(current), status, signedOn: input.signedOn, effectiveFrom, signing: { place: input.place, signatories: input.signatories } },
      at: ctx.now,
    }),
  ];
  const changes: AgreementChange[] = [{ kind: 'header', tenant: ctx.tenant, operation: 'sign', before, after }];

  if (before.amends) {
    // The amended record is superseded when its amendment is signed (it must still be the one in force).
    const oldId = before.amends.id;
    const oldItem = (await ctx.store.get({ Key: keys.agreement(ctx.tenant, oldId), ConsistentRead: true })) as DbItem | undefined;
    const oldBefore = oldItem ? agreementFromItem(oldItem) : null;
    if (!oldBefore || !['signed', 'in_force'].includes(oldBefore.status) || oldBefore.amendedBy !== id) {
      throw wrongState(
        'Văn bản được sửa đổi không còn hiệu lực hoặc đã có văn bản sửa đổi khác',
        'The amended agreement is no longer in force or has another amendment',
      );
    }
    // The amended record ends on the amendment's signing day: not before that record took effect.
    checkHappenedOn('signedOn', input.signedOn, today, latestDate(oldBefore.signedOn, oldBefore.effectiveFrom), {
      vi: 'Ngày ký văn bản sửa đổi không được trước ngày ký, ngày có hiệu lực của văn bản được sửa đổi',
      en: 'The amendment must not be signed before the agreement it amends was signed or came into force',
    });
    const oldAfter = {
      ...oldBefore,
      status: 'superseded',
      supersededBy: id,
      effectiveTo: input.signedOn,
      version: oldBefore.version + 1,
      updatedAt: at,
    } as const;
    tx.push(
      {
        Update: {
          Key: keys.agreement(ctx.tenant, oldId),
          UpdateExpression: 'SET #status = :superseded, supersededBy = :id, effectiveTo = :to, #version = :next, updatedAt = :at, GSI2SK = :gsi2',
          ConditionExpression: 'attribute_exists(PK) AND #version = :expected AND #status IN (:signed, :inForce) AND amendedBy = :id',
          ExpressionAttributeNames: { '#status': 'status', '#version': 'version' },
          ExpressionAttributeValues: {
            ':superseded': 'superseded',
            ':id': id,
            ':to': input.signedOn,
            ':next': oldBefore.version + 1,
            ':expected': oldBefore.version,
            ':at': at,
            ':gsi2': keys.agreementStatusIndex(ctx.tenant, 'superseded', at, oldId).GSI2SK,
            ':signed': 'signed',
            ':inForce': 'in_force',
          },
        },
      },
      auditPut({
        tenant: ctx.tenant,
        actor: ctx.actor,
        entity: 'agreement',
        entityId: oldId,
        action: 'supersede',
        before: auditView(oldItem!),
        after: { ...auditView(oldItem!), status: 'superseded', supersededBy: id, effectiveTo: input.signedOn },
        at: ctx.now,
      }),
    );
    changes.push({ kind: 'header', tenant: ctx.tenant, operation: 'supersede', before: oldBefore, after: oldAfter });
  }
  tx.push(...agreementRollup(ctx.now, changes));
  // The due index moves with the record: the signed items and reviews in, a superseded original's out.
  tx.push(
    ...agreementDue(
      ctx.tenant,
      changes.flatMap((c) => (c.kind === 'header' && c.after ? [c.after as Agreement] : [])),
    ),
  );

  await withConflict(() => ctx.store.transactWrite(tx));
  return { agreement: summaryOf(agreementFromItem({ ...current, ...after }), today) };
}
