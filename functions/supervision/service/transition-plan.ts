import { planStatusLabels } from '../../../shared/supervision/labels.js';
import { canMovePlan, lastStepOn, summarizePlan } from '../../../shared/supervision/rules.js';
import type { PlanTransition } from '../../../shared/supervision/schema.js';
import { readPlan } from '../repository.js';
import { commit } from './commit.js';
import { reportDue } from '../../reminders/due-entries.js';
import { checkVersion, conflict, STATUS_MOVE_GUARD, statusAudit, statusMoveValues, statusStep, type OpContext } from './context.js';
import { planMoveUpdate } from './plan-move.js';

/** Moves a plan one step along planned → notified → in progress → reported → closed. */
export async function transitionPlan(ctx: OpContext, planId: string, input: Omit<PlanTransition, 'version'>, expected: number) {
  const current = await readPlan(ctx.store, ctx.tenant, planId);
  checkVersion(current.version, expected);
  const from = current.status;
  const to = input.to;
  if (!canMovePlan(from, to)) {
    throw conflict(
      `Không thể chuyển kế hoạch từ "${planStatusLabels[from].vi}" sang "${planStatusLabels[to].vi}"`,
      `A plan cannot move from "${planStatusLabels[from].en}" to "${planStatusLabels[to].en}"`,
    );
  }
  if (to === 'closed' && current.openRecommendations > 0) {
    throw conflict(
      `Còn ${current.openRecommendations} kiến nghị chưa giải quyết xong; chỉ kết thúc kế hoạch khi mọi kiến nghị đã được giải quyết`,
      `${current.openRecommendations} recommendation(s) are not resolved yet; a plan closes only when all are resolved`,
    );
  }
  const step = statusStep(ctx, to, input, lastStepOn(current.statusHistory));
  const after = { ...current, status: to, statusHistory: [...current.statusHistory, step.entry], version: expected + 1, updatedAt: step.at };
  const values: Record<string, unknown> = { ...statusMoveValues(expected, from, to, step.at), ':entry': [step.entry] };
  let condition = STATUS_MOVE_GUARD;
  if (to === 'closed') {
    condition += ' AND openRecommendations = :zero';
    values[':zero'] = 0;
  }
  await commit(
    ctx,
    [
      planMoveUpdate(ctx, current, to, { history: 'list_append(statusHistory, :entry)', condition, values }),
      statusAudit(ctx, planId, from, step),
      ...reportDue(ctx.tenant, after),
    ],
    [{ kind: 'plan-moved', planId, from, to }],
  );
  return { plan: summarizePlan(after, step.today) };
}
