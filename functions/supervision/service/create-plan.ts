import { vietnamToday } from '../../../shared/dates.js';
import { newId } from '../../../shared/ids.js';
import { summarizePlan } from '../../../shared/supervision/rules.js';
import type { PlanFields } from '../../../shared/supervision/schema.js';
import { auditPut } from '../../audit/record.js';
import { newPlanItem, toPlan } from '../items.js';
import { commit } from './commit.js';
import { reportDue } from '../../reminders/due-entries.js';
import { AUDIT_ENTITY, idempotent, type Idem, type OpContext } from './context.js';

/** A new plan, `planned` from today, with its audit record (and idempotency record) in one transaction. */
export async function createPlan(ctx: OpContext, fields: PlanFields, idem: Idem) {
  return idempotent(ctx, idem, async (record) => {
    const id = newId(ctx.now);
    const today = vietnamToday(ctx.now);
    const item = newPlanItem(ctx.tenant, id, fields, ctx.actor, ctx.now, today);
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
