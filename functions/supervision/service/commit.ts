import { supervisionRollup, type SupervisionChange, type SupervisionChangeSet } from '../../rollups/supervision.js';
import type { TransactItem } from '../../store/metered-store.js';
import type { OpContext } from '../../store/op-context.js';
import { isConditionFailure, withConflict } from '../../store/versioning.js';

/**
 * How every supervision write commits: its own items (the change, its audit record, the idempotency
 * record of a create) plus the province roll-up Update computed from the change, in ONE
 * TransactWrite — counters move with the records or not at all.
 */
export type TransactionContributor = (set: SupervisionChangeSet) => TransactItem[];

const contributors: TransactionContributor[] = [];

/** Registers extra items for every supervision transaction (a seam for tests); returns a function that removes it. */
export function addTransactionContributor(fn: TransactionContributor): () => void {
  contributors.push(fn);
  return () => {
    const i = contributors.indexOf(fn);
    if (i >= 0) contributors.splice(i, 1);
  };
}

function withRollup(ctx: OpContext, items: TransactItem[], changes: SupervisionChange[]): TransactItem[] {
  const set: SupervisionChangeSet = { tenant: ctx.tenant, now: ctx.now, changes };
  return [...items, ...supervisionRollup(set), ...contributors.flatMap((fn) => fn(set))];
}

/** Commits one write; a failed condition (stale version, concurrent change) is the 409 problem. */
export async function commit(ctx: OpContext, items: TransactItem[], changes: SupervisionChange[]): Promise<void> {
  await withConflict(() => ctx.store.transactWrite(withRollup(ctx, items, changes)));
}

/** Commits one write; false when a condition failed, for a write that retries with fresh numbers. */
export async function tryCommit(ctx: OpContext, items: TransactItem[], changes: SupervisionChange[]): Promise<boolean> {
  try {
    await ctx.store.transactWrite(withRollup(ctx, items, changes));
    return true;
  } catch (err) {
    if (isConditionFailure(err)) return false;
    throw err;
  }
}
