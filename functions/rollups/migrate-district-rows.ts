import { keys, type TenantRef } from '../../shared/keys.js';
import { provincesOf } from '../../shared/localities/index.js';
import type { MeteredStore } from '../store/metered-store.js';
import { countersFromRecords } from './rebuild.js';

/** Sort-key prefix of a district's roll-up row before tenants were keyed by their own prefix (`T#`). */
const OLD_DISTRICT_ROW = 'D#';

/**
 * Replaces the roll-up rows of the first key shape (`<prov>#P#ROLLUP` / `D#<district>`) by the
 * current one (`<current prov>#P#ROLLUP` / `T#<prov>#<district>`, counters rebuilt from the records),
 * each in one transaction: the new row put, the old one deleted while it still exists. The dashboard
 * matched no old row to a tenant, so without this a table that held them showed those districts
 * empty and read up to two items per district. Idempotent: a second run finds nothing.
 * Cost: one Query per 2025 province code (63), plus a rebuild per old row.
 */
export async function migrateDistrictRollupRows(store: MeteredStore, at: Date): Promise<{ migrated: TenantRef[] }> {
  const migrated: TenantRef[] = [];
  for (const province of provincesOf['2025-03']) {
    const old = await store.queryAll({
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :old)',
      ExpressionAttributeValues: { ':pk': keys.rollupsOf(province.code).PK, ':old': OLD_DISTRICT_ROW },
      ConsistentRead: true,
    });
    for (const row of old) {
      const localityCode = String(row.SK).slice(OLD_DISTRICT_ROW.length);
      if (!/^\d{3}$/.test(localityCode)) continue;
      const tenant: TenantRef = { provinceCode: province.code, localityCode };
      const counters = await countersFromRecords(store, tenant);
      const key = keys.rollup(tenant);
      const current = await store.get({ Key: key, ConsistentRead: true });
      const lastActivityAt = [current?.lastActivityAt, row.lastActivityAt]
        .filter((v): v is string => typeof v === 'string')
        .sort()
        .at(-1);
      const dataEntryOpen = current?.dataEntryOpen ?? row.dataEntryOpen;
      await store.transactWrite([
        {
          Put: {
            Item: {
              ...key,
              entity: 'rollup',
              lastActivityAt: lastActivityAt ?? at.toISOString(),
              ...(typeof dataEntryOpen === 'boolean' ? { dataEntryOpen } : {}),
              ...counters,
            },
          },
        },
        { Delete: { Key: { PK: row.PK, SK: row.SK }, ConditionExpression: 'attribute_exists(PK)' } },
      ]);
      migrated.push(tenant);
    }
  }
  return { migrated };
}
