/**
 * One-off migration of a deployed table: district roll-up rows of the first key shape (`D#<district>`)
 * become `T#<prov>#<district>` rows rebuilt from the records (functions/rollups/migrate-district-rows.ts).
 * Idempotent; `npm start` runs it on its persisted `.data/` by itself.
 *
 *   TABLE_NAME=phoi-hop-staging AWS_REGION=ap-southeast-1 npx tsx scripts/migrate-rollups.ts
 */
import { migrateDistrictRollupRows } from '../functions/rollups/migrate-district-rows.js';
import { createDocumentClient, dynamoConfigFromEnv } from '../functions/store/client.js';
import { MeteredStore } from '../functions/store/metered-store.js';

const config = dynamoConfigFromEnv();
const store = new MeteredStore(createDocumentClient(config), config.tableName);
const { migrated } = await migrateDistrictRollupRows(store, new Date());
console.log(
  migrated.length
    ? `Đã chuyển / migrated ${migrated.length}: ${migrated.map((t) => `${t.provinceCode}#${t.localityCode}`).join(', ')}`
    : 'Không có hàng cũ / no old rows',
);
console.log(`DynamoDB: ${store.metrics.requests} requests, ${store.metrics.readCapacity} RCU, ${store.metrics.writeCapacity} WCU`);
