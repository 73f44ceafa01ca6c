import { supervisionKeys } from '../../../shared/keys.js';
import { boardState, recommendationUndo } from '../../../shared/supervision/rules.js';
import type { Recommendation } from '../../../shared/supervision/schema.js';
import { auditPut } from '../../audit/record.js';
import { recommendationDue } from '../../reminders/due-entries.js';
import type { TransactItem } from '../../store/metered-store.js';
import { readPlan, readRecommendation } from '../repository.js';
import { recommendationIndexKeys } from '../items.js';
import { commit } from './commit.js';
import { AUDIT_ENTITY, checkVersion, recommendationAuditId, type OpContext } from './context.js';
import { undoRefused } from './undo-refusal.js';

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
  if (!check.ok) throw undoRefused(check.reason, { vi: 'thay đổi trạng thái này', en: 'this change of status' });
  const { from, to } = check;
  const step = rec.history[rec.history.length - 1]!;
  const history = rec.history.slice(0, -1);
  const at = ctx.now.toISOString();
  const { resolvedOn: _resolvedOn, ...rest } = rec;
  const after: Recommendation = { ...rest, status: to, history, version: expected + 1, updatedAt: at };
  const index = recommendationIndexKeys(ctx.tenant, after);
  const items: TransactItem[] = [
    {
      Update: {
        Key: supervisionKeys.recommendation(ctx.tenant, planId, no),
        UpdateExpression: 'SET #status = :to, #history = :history, #version = :next, updatedAt = :at, GSI2SK = :gsi2sk REMOVE resolvedOn',
        ConditionExpression: 'attribute_exists(PK) AND #version = :expectedVersion AND #status = :from AND updatedAt = :stepAt',
        ExpressionAttributeNames: { '#version': 'version', '#status': 'status', '#history': 'history' },
        ExpressionAttributeValues: {
          ':expectedVersion': expected,
          ':next': expected + 1,
          ':from': from,
          ':to': to,
          ':history': history,
          ':at': at,
          ':stepAt': step.at,
          ':gsi2sk': index.GSI2SK,
        },
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
  items.push(
    auditPut({
      tenant: ctx.tenant,
      actor: ctx.actor,
      entity: AUDIT_ENTITY,
      entityId: recommendationAuditId(planId, no),
      action: 'undo',
      before: { status: from, on: step.on },
      after: { status: to },
      at: ctx.now,
    }),
    ...recommendationDue(ctx.tenant, after),
  );
  await commit(ctx, items, [{ kind: 'recommendation-moved', planId, no, from, to, deadline: rec.deadline }]);
  return { recommendation: after };
}
