import { keys, type TenantRef } from '../../shared/keys.js';
import { supervisionKeys } from '../../shared/keys.js';
import { counterName, sum, type Counters } from '../../shared/rollups/counters.js';
import type { RecommendationStatus } from '../../shared/supervision/schema.js';
import { agreementFromItem } from '../agreements/records.js';
import type { MeteredStore } from '../store/metered-store.js';
import { agreementCounters } from './agreements.js';
import { countersOf } from './update.js';
import { recommendationCounters } from './supervision.js';

function queryAll(store: MeteredStore, index: 'GSI1' | 'GSI2', pk: string) {
  return store.queryAll({ IndexName: index, KeyConditionExpression: `${index}PK = :pk`, ExpressionAttributeValues: { ':pk': pk } });
}

/**
 * Recomputes a district's counters from its records (O(records): for checks and repair, never for
 * the dashboard). Equal to the stored row when every write kept its counters in step.
 */
export async function countersFromRecords(store: MeteredStore, tenant: TenantRef): Promise<Counters> {
  const [agreements, plans, recommendations, documents] = await Promise.all([
    queryAll(store, 'GSI1', keys.agreementList(tenant).GSI1PK),
    queryAll(store, 'GSI1', supervisionKeys.planList(tenant).GSI1PK),
    queryAll(store, 'GSI2', supervisionKeys.recommendationBoard(tenant).GSI2PK),
    queryAll(store, 'GSI1', keys.documentList(tenant).GSI1PK),
  ]);
  return sum(
    ...agreements.filter((i) => i.entity === 'agreement').map((i) => agreementCounters(agreementFromItem(i))),
    ...plans.filter((i) => typeof i.status === 'string').map((i) => ({ [counterName.plan(String(i.status))]: 1 })),
    ...recommendations.map((i) => recommendationCounters(i.status as RecommendationStatus, String(i.deadline))),
    { [counterName.documents]: documents.filter((i) => i.entity === 'document' && !i.deleted).length },
  );
}

/** The counters the district's roll-up row holds now. */
export async function storedCounters(store: MeteredStore, tenant: TenantRef): Promise<Counters> {
  const item = await store.get({ Key: keys.rollup(tenant), ConsistentRead: true });
  return item ? countersOf(item) : {};
}

/**
 * Rewrites a district's roll-up row from its records (the seed uses it after writing records
 * directly; an operator can use it to repair). Keeps `lastActivityAt` and the data-entry flag.
 */
export async function rebuildRollup(store: MeteredStore, tenant: TenantRef, at: Date): Promise<Counters> {
  const counters = await countersFromRecords(store, tenant);
  const key = keys.rollup(tenant);
  const existing = await store.get({ Key: key, ConsistentRead: true });
  await store.put({
    Item: {
      ...key,
      entity: 'rollup',
      lastActivityAt: (existing?.lastActivityAt as string | undefined) ?? at.toISOString(),
      ...(existing?.dataEntryOpen !== undefined ? { dataEntryOpen: existing.dataEntryOpen } : {}),
      ...counters,
    },
  });
  return counters;
}
