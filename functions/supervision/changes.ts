import type { TenantRef } from '../../shared/keys.js';
import type { PlanStatus, RecommendationStatus } from '../../shared/supervision/schema.js';
import { supervisionRollup } from '../rollups/supervision.js';
import type { TransactItem } from '../store/metered-store.js';

/**
 * What a supervision write changed, in terms other capabilities count. Every service function in
 * service.ts describes its change with these events and passes them to `contributedItems`, whose
 * items go into the SAME TransactWrite as the change itself: the province roll-up counters
 * (functions/rollups/supervision.ts) always, plus any registered with `addTransactionContributor`.
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

export type ChangeContext = { tenant: TenantRef; now: Date; changes: readonly SupervisionChange[] };
export type TransactionContributor = (ctx: ChangeContext) => TransactItem[];

const contributors: TransactionContributor[] = [];

/** Registers extra transaction items for supervision writes; returns a function that removes it. */
export function addTransactionContributor(fn: TransactionContributor): () => void {
  contributors.push(fn);
  return () => {
    const i = contributors.indexOf(fn);
    if (i >= 0) contributors.splice(i, 1);
  };
}

/** Province roll-up counters always join; other contributors (tests) after them. */
export function contributedItems(ctx: ChangeContext): TransactItem[] {
  return [...supervisionRollup(ctx), ...contributors.flatMap((fn) => fn(ctx))];
}
