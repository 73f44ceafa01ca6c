import { supervisionKeys } from '../../../shared/keys.js';
import { boardState, recommendationUndo } from '../../../shared/supervision/rules.js';
import type { Recommendation } from '../../../shared/supervision/schema.js';
import { recommendationDue } from '../../reminders/due-entries.js';
import type { TransactItem } from '../../store/metered-store.js';
import { readPlan, readRecommendation } from '../repository.js';
import { recommendationIndexKeys } from '../items.js';
import { commit } from './commit.js';
import { checkVersion, recommendationAuditId, type OpContext } from './context.js';
import { undoStep } from './undo-step.js';

/**
 * Takes back a recommendation's last move (accepted, resolved, sent back) — its author, within the
 * undo window, nothing changed since. Undoing "resolved" reopens it: the plan counts it as open
 * again (refused once the plan is closed) and its deadline reminder returns.
 */
export async function undoRecommendationStep(ctx: OpContext, planId: string, no: number, expected: number) {
  const rec = await readRecommendation(ctx.store, ctx.tenant, planId, no);
  checkVersion(rec.version, expected);
  const plan = await readPlan(ctx.store, ctx.tenant, planId);
  const check = recommendationUndo(rec, ctx.actor.userId, ctx.now, plan.status);
  const undo = undoStep(ctx, check, rec.history, { vi: 'thay đổi trạng thái này', en: 'this change of status' });
  const { from, to, history, at } = undo;
  const { resolvedOn: _resolvedOn, ...rest } = rec;
  const after: Recommendation = { ...rest, status: to, history, version: expected + 1, updatedAt: at };
  const index = recommendationIndexKeys(ctx.tenant, after);
  const items: TransactItem[] = [
    {
      Update: {
        Key: supervisionKeys.recommendation(ctx.tenant, planId, no),
        UpdateExpression: 'SET #status = :to, #history = :history, #version = :next, updatedAt = :at, GSI2SK = :gsi2sk REMOVE resolvedOn',
        ConditionExpression: undo.condition,
        ExpressionAttributeNames: { '#version': 'version', '#status': 'status', '#history': 'history' },
        ExpressionAttributeValues: { ...undo.values(expected), ':gsi2sk': index.GSI2SK },
      },
    },
  ];
  if (boardState(to) !== boardState(from)) {
    // Back into the open set: the plan counts it again, and a closed plan stays closed.
    items.push({
      Update: {
        Key: supervisionKeys.plan(ctx.tenant, planId),
        UpdateExpression: 'ADD openRecommendations :one',
        ConditionExpression: 'attribute_exists(PK) AND #status <> :closed',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':one': 1, ':closed': 'closed' },
      },
    });
  }
  items.push(undo.audit(recommendationAuditId(planId, no)), ...recommendationDue(ctx.tenant, after));
  await commit(ctx, items, [{ kind: 'recommendation-moved', planId, no, from, to, deadline: rec.deadline }]);
  return { recommendation: after };
}
