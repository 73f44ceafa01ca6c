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

/** Reads the counters out of a stored roll-up item. */
export function countersOf(item: Record<string, unknown>): Counters {
  const out: Counters = {};
  // A counter back at 0 stays on the item; it means nothing, so it is left out.
  for (const [k, v] of Object.entries(item)) if (typeof v === 'number' && v !== 0 && /^(agr|prog|item|plan|rec|doc)\./.test(k)) out[k] = v;
  return out;
}
