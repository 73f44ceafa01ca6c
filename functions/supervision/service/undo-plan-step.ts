import { supervisionKeys } from '../../../shared/keys.js';
import { planUndo, statusesAcceptingFindings, summarizePlan } from '../../../shared/supervision/rules.js';
import { vietnamToday } from '../../../shared/dates.js';
import { auditPut } from '../../audit/record.js';
import { reportDue } from '../../reminders/due-entries.js';
import { readPlan } from '../repository.js';
import { commit } from './commit.js';
import { AUDIT_ENTITY, checkVersion, type OpContext } from './context.js';
import { undoRefused } from './undo-refusal.js';

/**
 * Takes back the plan's last step (its author, within the undo window, nothing changed since): the
 * plan returns to the status before it and the step leaves the status history; the audit log keeps
 * both the step and its undo.
 */
export async function undoPlanStep(ctx: OpContext, planId: string, expected: number) {
  const current = await readPlan(ctx.store, ctx.tenant, planId);
  checkVersion(current.version, expected);
  const check = planUndo(current, ctx.actor.userId, ctx.now);
  if (!check.ok) throw undoRefused(check.reason, { vi: 'bước chuyển này', en: 'this step' });
  const { from, to } = check;
  const history = current.statusHistory.slice(0, -1);
  const step = current.statusHistory[current.statusHistory.length - 1]!;
  const at = ctx.now.toISOString();
  const after = { ...current, status: to, statusHistory: history, version: expected + 1, updatedAt: at };
  const values: Record<string, unknown> = {
    ':expectedVersion': expected,
    ':next': expected + 1,
    ':from': from,
    ':to': to,
    ':history': history,
    ':at': at,
    ':stepAt': step.at,
    ':gsi1sk': supervisionKeys.planListEntry(ctx.tenant, to, current.period.from, planId).GSI1SK,
  };
  // The same guards as the check, held by the write: no other write since the step, and no finding
  // recorded meanwhile when going back to a status that does not accept findings.
  let condition = 'attribute_exists(PK) AND #version = :expectedVersion AND #status = :from AND updatedAt = :stepAt';
  if (!statusesAcceptingFindings.includes(to)) {
    condition += ' AND findingCount = :zero';
    values[':zero'] = 0;
  }
  await commit(
    ctx,
    [
      {
        Update: {
          Key: supervisionKeys.plan(ctx.tenant, planId),
          UpdateExpression: 'SET #status = :to, statusHistory = :history, #version = :next, updatedAt = :at, GSI1SK = :gsi1sk',
          ConditionExpression: condition,
          ExpressionAttributeNames: { '#version': 'version', '#status': 'status' },
          ExpressionAttributeValues: values,
        },
      },
      auditPut({
        tenant: ctx.tenant,
        actor: ctx.actor,
        entity: AUDIT_ENTITY,
        entityId: planId,
        action: 'undo',
        before: { status: from, on: step.on },
        after: { status: to },
        at: ctx.now,
      }),
      ...reportDue(ctx.tenant, after),
    ],
    [{ kind: 'plan-moved', planId, from, to }],
  );
  return { plan: summarizePlan(after, vietnamToday(ctx.now)) };
}
