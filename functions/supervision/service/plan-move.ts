import { supervisionKeys } from '../../../shared/keys.js';
import type { Plan, PlanStatus } from '../../../shared/supervision/schema.js';
import type { TransactItem } from '../../store/metered-store.js';
import type { OpContext } from './context.js';

/**
 * The update that moves a plan to another status, a step forward or the undo of one: the status,
 * its history, the version and the list index change together. `history` is the new history's
 * expression; `condition` and `values` come from the move (context.ts `STATUS_MOVE_GUARD`,
 * `statusMoveValues`, plus what this move also holds).
 */
export function planMoveUpdate(
  ctx: OpContext,
  plan: Plan,
  to: PlanStatus,
  move: { history: string; condition: string; values: Record<string, unknown> },
): TransactItem {
  return {
    Update: {
      Key: supervisionKeys.plan(ctx.tenant, plan.id),
      UpdateExpression: `SET #status = :to, statusHistory = ${move.history}, #version = :next, updatedAt = :at, GSI1SK = :gsi1sk`,
      ConditionExpression: move.condition,
      ExpressionAttributeNames: { '#version': 'version', '#status': 'status' },
      ExpressionAttributeValues: { ...move.values, ':gsi1sk': supervisionKeys.planListEntry(ctx.tenant, to, plan.period.from, plan.id).GSI1SK },
    },
  };
}
