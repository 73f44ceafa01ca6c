import { supervisionKeys } from '../../../shared/keys.js';
import { planStatusLabels } from '../../../shared/supervision/labels.js';
import { canMovePlan, lastStepOn, summarizePlan } from '../../../shared/supervision/rules.js';
import type { PlanTransition } from '../../../shared/supervision/schema.js';
import { readPlan } from '../repository.js';
import { commit } from './commit.js';
import { reportDue } from '../../reminders/due-entries.js';
import { checkVersion, conflict, statusAudit, statusStep, type OpContext } from './context.js';

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
  const values: Record<string, unknown> = {
    ':expectedVersion': expected,
    ':next': expected + 1,
    ':from': from,
    ':to': to,
    ':entry': [step.entry],
    ':at': step.at,
    ':gsi1sk': supervisionKeys.planListEntry(ctx.tenant, to, current.period.from, planId).GSI1SK,
  };
  let condition = 'attribute_exists(PK) AND #version = :expectedVersion AND #status = :from';
  if (to === 'closed') {
    condition += ' AND openRecommendations = :zero';
    values[':zero'] = 0;
  }
  await commit(
    ctx,
    [
      {
        Update: {
          Key: supervisionKeys.plan(ctx.tenant, planId),
          UpdateExpression: 'SET #status = :to, statusHistory = list_append(statusHistory, :entry), #version = :next, updatedAt = :at, GSI1SK = :gsi1sk',
          ConditionExpression: condition,
          ExpressionAttributeNames: { '#version': 'version', '#status': 'status' },
          ExpressionAttributeValues: values,
        },
      },
      statusAudit(ctx, planId, from, step),
      ...reportDue(ctx.tenant, after),
    ],
    [{ kind: 'plan-moved', planId, from, to }],
  );
  return { plan: summarizePlan(after, step.today) };
}
