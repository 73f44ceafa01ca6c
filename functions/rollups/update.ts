import { keys, type TenantRef } from '../../shared/keys.js';
import type { Counters } from '../../shared/rollups/counters.js';
import type { TransactItem } from '../store/metered-store.js';

/**
 * The roll-up Update for a change, to be added to the SAME transaction as the change: counters move
 * with the records or not at all. `ADD` creates missing counters (and the item), so no set-up step.
 * Always touches `lastActivityAt`, so every change shows as the district's last activity.
 */
export function rollupUpdate(tenant: TenantRef, change: Counters, at: Date): TransactItem {
  const entries = Object.entries(change).filter(([, n]) => n !== 0);
  const names: Record<string, string> = { '#at': 'lastActivityAt', '#entity': 'entity' };
  const values: Record<string, unknown> = { ':at': at.toISOString(), ':entity': 'rollup' };
  const adds = entries.map(([name, n], i) => {
    names[`#c${i}`] = name;
    values[`:c${i}`] = n;
    return `#c${i} :c${i}`;
  });
  return {
    Update: {
      Key: keys.rollup(tenant),
      UpdateExpression: `SET #at = :at, #entity = :entity${adds.length ? ` ADD ${adds.join(', ')}` : ''}`,
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
    },
  };
}

const COUNTER_PREFIXES = ['agr.', 'prog.', 'item.', 'plan.', 'rec.', 'doc.'];
const isCounter = (name: string, value: unknown): value is number =>
  typeof value === 'number' && value !== 0 && COUNTER_PREFIXES.some((p) => name.startsWith(p));

/** Reads the counters out of a stored roll-up item. A counter back at 0 stays on the item; it means nothing, so it is left out. */
export function countersOf(item: Record<string, unknown>): Counters {
  const out: Counters = {};
  for (const name in item) if (isCounter(name, item[name])) out[name] = item[name];
  return out;
}

/** True when a stored roll-up item holds any counter (not only its keys or the data-entry flag). */
export function hasCounters(item: Record<string, unknown>): boolean {
  for (const name in item) if (isCounter(name, item[name])) return true;
  return false;
}
