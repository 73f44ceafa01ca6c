import { vietnamToday, type AgreementStatus, type AgreementSummary } from '../../../shared/agreements/schema.js';
import { keys } from '../../../shared/keys.js';
import { latestDate } from '../../../shared/dates.js';
import { auditPut } from '../../audit/record.js';
import type { TransactItem } from '../../store/metered-store.js';
import { withConflict } from '../../store/versioning.js';
import { agreementFromItem, summaryOf, type DbItem } from '../records.js';
import { agreementNotFound, auditView, checkHappenedOn, checkVersion, wrongState, type OpContext } from './context.js';
import { agreementRollup } from '../../rollups/agreements.js';
import { agreementDue, dueGuard } from '../../reminders/due-entries.js';

/** Which lifecycle moves are allowed by hand (superseded comes only from signing an amendment). */
const allowedFrom: Record<'in_force' | 'expired', AgreementStatus[]> = {
  in_force: ['signed'],
  expired: ['signed', 'in_force'],
};

/** signed → in force (from a date), signed / in force → expired (on a date). */
export async function transitionAgreement(
  ctx: OpContext,
  id: string,
  input: { to: 'in_force' | 'expired'; on: string },
  expectedVersion: number,
): Promise<{ agreement: AgreementSummary }> {
  const current = (await ctx.store.get({ Key: keys.agreement(ctx.tenant, id), ConsistentRead: true })) as DbItem | undefined;
  if (!current) throw agreementNotFound();
  const before = agreementFromItem(current);
  checkVersion(before, expectedVersion);
  const from = allowedFrom[input.to];
  if (!from.includes(before.status)) {
    throw wrongState(`Không chuyển được từ "${before.status}" sang "${input.to}"`, `Cannot move from "${before.status}" to "${input.to}"`);
  }
  // In force from a day not before the signing; expired on a day not before it came into force.
  checkHappenedOn(
    'on',
    input.on,
    null,
    input.to === 'in_force' ? before.signedOn : latestDate(before.signedOn, before.effectiveFrom),
    input.to === 'in_force'
      ? { vi: 'Ngày có hiệu lực không được trước ngày ký', en: 'The date it comes into force must not be before the signing' }
      : { vi: 'Ngày hết hiệu lực không được trước ngày có hiệu lực', en: 'The date it expires must not be before it came into force' },
  );
  const at = ctx.now.toISOString();
  const dateField = input.to === 'in_force' ? 'effectiveFrom' : 'effectiveTo';
  const after = { ...before, status: input.to, [dateField]: input.on, version: before.version + 1, updatedAt: at };
  const guard = dueGuard(current);
  const tx: TransactItem[] = [
    {
      Update: {
        Key: keys.agreement(ctx.tenant, id),
        UpdateExpression: `SET #status = :to, ${dateField} = :on, #version = :next, updatedAt = :at, GSI2SK = :gsi2 ADD dueRev :dueOne`,
        ConditionExpression: `attribute_exists(PK) AND #version = :expected AND #status IN (${from.map((_, i) => `:from${i}`).join(', ')}) AND ${guard.condition}`,
        ExpressionAttributeNames: { '#status': 'status', '#version': 'version' },
        ExpressionAttributeValues: {
          ':to': input.to,
          ':on': input.on,
          ':next': expectedVersion + 1,
          ':expected': expectedVersion,
          ':at': at,
          ':gsi2': keys.agreementStatusIndex(ctx.tenant, input.to, at, id).GSI2SK,
          ...Object.fromEntries(from.map((s, i) => [`:from${i}`, s])),
          ...guard.values,
        },
      },
    },
    auditPut({
      tenant: ctx.tenant,
      actor: ctx.actor,
      entity: 'agreement',
      entityId: id,
      action: 'transition',
      before: auditView(current),
      after: { ...auditView(current), status: input.to, [dateField]: input.on },
      at: ctx.now,
    }),
    ...agreementRollup(ctx.now, [{ kind: 'header', tenant: ctx.tenant, operation: 'transition', before, after }]),
    ...agreementDue(ctx.tenant, [after as typeof before]),
  ];
  await withConflict(() => ctx.store.transactWrite(tx));
  return { agreement: summaryOf(after, vietnamToday(ctx.now)) };
}
