import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { keys, tenantPrefix } from '../../shared/keys.js';
import { rebuildRollup } from '../rollups/rebuild.js';
import { MeteredStore } from '../store/metered-store.js';
import type { Tenant } from '../../shared/tenancy/schema.js';
import { seedAgreementsDemo } from './agreements.js';
import { DEMO_PASSWORD, demoTenants, demoUsers } from './data.js';
import type { LocalIdentityProvider } from '../local/idp.js';
import { describeTenant } from '../tenancy/describe.js';
import { seedTenancyDemo } from './tenancy.js';
import { seedSupervisionDemo } from './supervision.js';

/**
 * Seeds the demo: tenant profiles, their users in the tenant's user partition and in the local
 * identity provider. Idempotent: an existing item is left as it is, so a restart keeps edits.
 */
export async function seedDemo(opts: { doc: DynamoDBDocumentClient; tableName: string; idp: LocalIdentityProvider; now?: Date }) {
  const at = (opts.now ?? new Date()).toISOString();
  let created = 0;
  const putIfAbsent = async (item: Record<string, unknown>) => {
    try {
      await opts.doc.send(new PutCommand({ TableName: opts.tableName, Item: item, ConditionExpression: 'attribute_not_exists(PK)' }));
      created += 1;
    } catch (err) {
      if ((err as Error).name !== 'ConditionalCheckFailedException') throw err;
    }
  };

  for (const t of demoTenants) {
    const tenant: Tenant = {
      provinceCode: t.provinceCode,
      localityCode: t.localityCode,
      ...describeTenant(t),
      status: 'active',
      createdAt: at,
      updatedAt: at,
      version: 1,
    };
    await putIfAbsent({ ...keys.tenant(t), entity: 'tenant', ...tenant });
  }

  for (const u of demoUsers) {
    const existing = opts.idp.findUser(u.email);
    const idpUser = existing ?? (await opts.idp.upsertUser({ ...u, password: DEMO_PASSWORD }));
    if (u.provinceCode) {
      const t = { provinceCode: u.provinceCode, localityCode: u.localityCode };
      await putIfAbsent({
        ...keys.user(t, idpUser.sub),
        entity: 'user',
        tenant: tenantPrefix(t),
        userId: idpUser.sub,
        email: u.email,
        name: u.name,
        role: u.role,
        agency: u.agency,
        status: 'active',
        createdAt: at,
        version: 1,
      });
    }
  }
  created += (await seedTenancyDemo(opts)).created;
  created += await seedSupervisionDemo(opts);
  created += (await seedAgreementsDemo(opts)).created;
  return { created };
}

/**
 * The demo records above are written directly, not through the API's write paths, so their
 * districts' roll-up rows are rebuilt from the records afterwards (the same rebuild the drift test
 * compares against). Run after every seeding step, the archive's included.
 */
export async function rebuildDemoRollups(opts: { doc: DynamoDBDocumentClient; tableName: string; now?: Date }) {
  const store = new MeteredStore(opts.doc, opts.tableName);
  for (const t of demoTenants) await rebuildRollup(store, t, opts.now ?? new Date());
}
