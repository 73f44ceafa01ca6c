import { agreementFromItem } from '../agreements/records.js';
import { ENTITY, toPlan, toRecommendation } from '../supervision/items.js';
import type { TransactItem } from '../store/metered-store.js';
import { agreementDue, recommendationDue, reportDue } from './due-entries.js';
import { tenantOfPrefix } from './notify.js';

/**
 * The due entries of records the demo seed writes directly (not through the services): derived with
 * the same builders the services use, so a seeded program reminds exactly like a signed one.
 */
export function dueItemsOf(items: Record<string, unknown>[]): Record<string, unknown>[] {
  const writes: TransactItem[] = [];
  for (const item of items) {
    const tenant = tenantOfPrefix(String(item.PK).split('#').slice(0, 2).join('#'));
    if (item.entity === 'agreement') writes.push(...agreementDue(tenant, [agreementFromItem(item)]));
    else if (item.entity === ENTITY.plan) writes.push(...reportDue(tenant, toPlan(item)));
    else if (item.entity === ENTITY.recommendation) writes.push(...recommendationDue(tenant, toRecommendation(item)));
  }
  return writes.flatMap((w) => ('Put' in w ? [w.Put.Item as Record<string, unknown>] : []));
}
