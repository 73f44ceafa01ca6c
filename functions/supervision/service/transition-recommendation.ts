import { supervisionKeys } from '../../../shared/keys.js';
import { recommendationStatusLabels } from '../../../shared/supervision/labels.js';
import { boardState, canMoveRecommendation, lastStepOn } from '../../../shared/supervision/rules.js';
import type { Recommendation, RecommendationStatus, RecommendationTransition } from '../../../shared/supervision/schema.js';
import type { TransactItem } from '../../store/metered-store.js';
import { readRecommendation } from '../repository.js';
import { commit } from './commit.js';
import { recommendationDue } from '../../reminders/due-entries.js';
import { checkVersion, conflict, recommendationAuditId, statusAudit, statusStep, type OpContext } from './context.js';
import { recommendationUpdate } from './recommendation-update.js';

/** The supervising body accepts an answer, declares the recommendation resolved, or sends it back. */
export async function transitionRecommendation(ctx: OpContext, planId: string, no: number, input: Omit<RecommendationTransition, 'version'>, expected: number) {
  const rec = await readRecommendation(ctx.store, ctx.tenant, planId, no);
  checkVersion(rec.version, expected);
  const from = rec.status;
  const to: RecommendationStatus = input.to;
  if (!canMoveRecommendation(from, to)) {
    if (from === 'open') {
      throw conflict('Kiến nghị chưa có trả lời của đơn vị chịu trách nhiệm', 'The responsible unit has not answered this recommendation yet');
    }
    throw conflict(
      `Không thể chuyển kiến nghị từ "${recommendationStatusLabels[from].vi}" sang "${recommendationStatusLabels[to].vi}"`,
      `A recommendation cannot move from "${recommendationStatusLabels[from].en}" to "${recommendationStatusLabels[to].en}"`,
    );
  }
  const step = statusStep(ctx, to, input, lastStepOn(rec.history));
  const set: Record<string, unknown> = { status: to, ...(to === 'resolved' ? { resolvedOn: step.on } : {}) };
  const after = { ...rec, ...set, history: [...rec.history, step.entry], version: expected + 1, updatedAt: step.at } as Recommendation;
  const items: TransactItem[] = [recommendationUpdate(ctx, rec, expected, set, { append: [step.entry] })];
  if (boardState(to) !== boardState(from)) {
    // Leaving the open set: the plan's count of unresolved recommendations goes down with it.
    items.push({
      Update: {
        Key: supervisionKeys.plan(ctx.tenant, planId),
        UpdateExpression: 'ADD openRecommendations :minusOne',
        ConditionExpression: 'attribute_exists(PK) AND openRecommendations > :zero',
        ExpressionAttributeValues: { ':minusOne': -1, ':zero': 0 },
      },
    });
  }
  items.push(statusAudit(ctx, recommendationAuditId(planId, no), from, step), ...recommendationDue(ctx.tenant, after));
  await commit(ctx, items, [{ kind: 'recommendation-moved', planId, no, from, to, deadline: rec.deadline }]);
  return { recommendation: after };
}
