import { counterName, sum, delta, type Counters } from '../../shared/rollups/counters.js';
import type { TenantRef } from '../../shared/keys.js';
import type { PlanStatus, RecommendationStatus } from '../../shared/supervision/schema.js';
import type { TransactItem } from '../store/metered-store.js';
import { rollupUpdate } from './update.js';

/**
 * What a supervision write changed. Every supervision write (functions/supervision/service/*)
 * describes its change with these events; `supervisionRollup` turns them into ONE Update of the
 * tenant's roll-up row, added to the write's own TransactWrite. Roll-ups depend on shared types
 * only, never on a capability's code.
 */
export type SupervisionChange =
  | { kind: 'plan-created'; planId: string; status: PlanStatus; start: string }
  | { kind: 'plan-moved'; planId: string; from: PlanStatus; to: PlanStatus }
  | { kind: 'plan-edited'; planId: string; status: PlanStatus; startBefore: string; start: string }
  | { kind: 'finding-added'; planId: string; no: number }
  | { kind: 'recommendation-added'; planId: string; no: number; deadline: string }
  | { kind: 'recommendation-answered'; planId: string; no: number; from: RecommendationStatus; to: RecommendationStatus; deadline: string }
  | { kind: 'recommendation-moved'; planId: string; no: number; from: RecommendationStatus; to: RecommendationStatus; deadline: string }
  | { kind: 'recommendation-edited'; planId: string; no: number; status: RecommendationStatus; deadlineBefore: string; deadline: string };

/** One write's changes, of one tenant, at one instant. */
export type SupervisionChangeSet = { tenant: TenantRef; now: Date; changes: readonly SupervisionChange[] };

/** What one recommendation adds to its district's counters: open ones by deadline, resolved ones once. */
export function recommendationCounters(status: RecommendationStatus, deadline: string): Counters {
  return status === 'resolved'
    ? { [counterName.recommendationResolved]: 1 }
    : { [counterName.recommendationOpen]: 1, [counterName.recommendationOpenDue(deadline)]: 1 };
}

/** Counter change of one supervision event. */
export function supervisionCounters(change: SupervisionChange): Counters {
  switch (change.kind) {
    case 'plan-created':
      return { [counterName.plan(change.status)]: 1 };
    case 'plan-moved':
      return delta({ [counterName.plan(change.from)]: 1 }, { [counterName.plan(change.to)]: 1 });
    case 'recommendation-added':
      return recommendationCounters('open', change.deadline);
    case 'recommendation-answered':
    case 'recommendation-moved':
      return delta(recommendationCounters(change.from, change.deadline), recommendationCounters(change.to, change.deadline));
    case 'recommendation-edited':
      return delta(recommendationCounters(change.status, change.deadlineBefore), recommendationCounters(change.status, change.deadline));
    case 'plan-edited':
    case 'finding-added':
      return {};
  }
}

/** The one roll-up Update a supervision write adds to its own transaction. */
export function supervisionRollup(ctx: SupervisionChangeSet): TransactItem[] {
  if (ctx.changes.length === 0) return [];
  return [rollupUpdate(ctx.tenant, sum(...ctx.changes.map(supervisionCounters)), ctx.now)];
}
