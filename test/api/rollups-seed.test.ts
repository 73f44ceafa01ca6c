import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { countersFromRecords, storedCounters } from '../../functions/rollups/rebuild.js';
import { demoTenants } from '../../functions/local/demo-data.js';
import { startLocalStack, type LocalStack } from '../../functions/local/server.js';
import { MeteredStore } from '../../functions/store/metered-store.js';
import { createDocumentClient } from '../../functions/store/client.js';
import type { Dashboard } from '../../shared/rollups/schema.js';

/** The demo that `npm start` seeds shows up on the Hà Nội dashboard, with rows equal to the records. */
let stack: LocalStack;
beforeAll(async () => {
  stack = await startLocalStack({
    dataDir: null,
    dynamoEndpoint: inject('dynamoEndpoint'),
    s3Endpoint: inject('s3Endpoint'),
    tableName: 'rollups-seed',
    archiveBucket: 'rollups-seed',
    now: () => new Date('2024-03-01T03:00:00Z'),
  });
});
afterAll(() => stack?.stop());

describe('demo roll-ups', () => {
  it('match the seeded records and show the seeds on the province dashboard', async () => {
    const doc = createDocumentClient({ tableName: stack.tableName, endpoint: stack.dynamoEndpoint, region: 'local' });
    const store = new MeteredStore(doc, stack.tableName);
    for (const t of demoTenants) expect(await storedCounters(store, t)).toEqual(await countersFromRecords(store, t));
    doc.destroy();

    const token = await fetch(`${stack.url}/local-idp/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'xem.hanoi@demo.phoihop.vn', password: 'PhoiHop@2026' }),
    }).then((r) => r.json() as Promise<{ id_token: string }>);
    const d = (await fetch(`${stack.url}/api/rollups?year=2024`, { headers: { authorization: `Bearer ${token.id_token}` } }).then((r) => r.json())) as Dashboard;
    const row = (code: string) => d.rows.find((r) => r.localityCode === code)!;
    // seed 001: Tây Hồ signed its 2024 program with 06 items
    expect(row('003').programSigned).toBe(true);
    expect(row('003').items.open + row('003').items.done).toBeGreaterThanOrEqual(6);
    // seed 000: Bắc Từ Liêm's regulation for 2021–2026
    expect(row('021').agreementsByKind.regulation).toBe(1);
    // Ba Đình has no records at all
    expect(row('001')).toMatchObject({ hasData: false, programSigned: false });
  });
});
