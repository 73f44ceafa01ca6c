import { supervisionKeys } from '../../../shared/keys.js';
import { planUndo, statusesAcceptingFindings, summarizePlan } from '../../../shared/supervision/rules.js';
import { vietnamToday } from '../../../shared/dates.js';
import { reportDue } from '../../reminders/due-entries.js';
import { readPlan } from '../repository.js';
import { commit } from './commit.js';
import { checkVersion, type OpContext } from './context.js';
import { planMoveUpdate } from './plan-move.js';
import { undoStep } from './undo-step.js';

/**
 * Takes back the plan's last step (its author, within the undo window, nothing changed since): the
 * plan returns to the status before it and the step leaves the status history; the audit log keeps
 * both the step and its undo.
 */
export async function undoPlanStep(ctx: OpContext, planId: string, expected: number) {
  const current = await readPlan(ctx.store, ctx.tenant, planId);
  checkVersion(current.version, expected);
  const undo = undoStep(ctx, planUndo(current, ctx.actor.userId, ctx.now), current.statusHistory, { vi: 'bước chuyển này', en: 'this step' });
  const { from, to, history, at } = undo;
  const after = { ...current, status: to, statusHistory: history, version: expected + 1, updatedAt: at };
  const values: Record<string, unknown> = {
    ...undo.values(expected),
    ':gsi1sk': supervisionKeys.planListEntry(ctx.tenant, to, current.period.from, planId).GSI1SK,
  };
  // Also held by the write: no finding recorded meanwhile when going back to a status that does not accept findings.
  let condition = undo.condition;
  if (!statusesAcceptingFindings.includes(to)) {
    condition += ' AND findingCount = :zero';
    values[':zero'] = 0;
  }
  await commit(
    ctx,
    [planMoveUpdate(ctx, current, to, { history: ':history', condition, values }), undo.audit(planId), ...reportDue(ctx.tenant, after)],
    [{ kind: 'plan-moved', planId, from, to }],
  );
  return { plan: summarizePlan(after, vietnamToday(ctx.now)) };
}
