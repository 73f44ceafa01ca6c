import { vietnamToday } from '../../../shared/dates.js';
import { newId } from '../../../shared/ids.js';
import { summarizePlan } from '../../../shared/supervision/rules.js';
import type { PlanFields } from '../../../shared/supervision/schema.js';
import { auditPut } from '../../audit/record.js';
import { newPlanItem, toPlan } from '../items.js';
import { commit } from './commit.js';
import { reportDue } from '../../reminders/due-entries.js';
import { AUDIT_ENTITY, checkHappenedOn, idempotent, type Idem, type OpContext } from './context.js';

/**
 * A new plan, `planned` on the day given (a past plan entered now) or today, with its audit record
 * (and idempotency record) in one transaction. The audit record keeps the real instant.
 */
export async function createPlan(ctx: OpContext, fields: PlanFields, plannedOn: string | undefined, idem: Idem) {
  return idempotent(ctx, idem, async (record) => {
    const id = newId(ctx.now);
    const today = vietnamToday(ctx.now);
    checkHappenedOn('plannedOn', plannedOn ?? today, today);
    const item = newPlanItem(ctx.tenant, id, fields, ctx.actor, ctx.now, plannedOn ?? today);
    const plan = toPlan(item);
    const body = { plan: summarizePlan(plan, today) };
    await commit(
      ctx,
      [
        { Put: { Item: item, ConditionExpression: 'attribute_not_exists(PK)' } },
        auditPut({ tenant: ctx.tenant, actor: ctx.actor, entity: AUDIT_ENTITY, entityId: id, action: 'create', after: plan, at: ctx.now }),
        ...record(201, body),
        ...reportDue(ctx.tenant, plan),
      ],
      [{ kind: 'plan-created', planId: id, status: plan.status, start: plan.period.from }],
    );
    return { status: 201, body };
  });
}
