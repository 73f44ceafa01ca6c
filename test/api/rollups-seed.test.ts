import { describe, expect, it } from 'vitest';
import { countersFromRecords, storedCounters } from '../../functions/rollups/rebuild.js';
import { demoTenants } from '../../functions/demo/data.js';
import { MeteredStore } from '../../functions/store/metered-store.js';
import { createDocumentClient } from '../../functions/store/client.js';
import { dashboardWireSchema } from '../../shared/rollups/schema.js';
import { stackSuite, startSuiteStack } from '../support/local-stack.js';

/** The demo that `npm start` seeds shows up on the province dashboards (history and today's units), with rows equal to the records. */
const suite = stackSuite(() => startSuiteStack({ tableName: 'rollups-seed', archiveBucket: 'rollups-seed', now: () => new Date('2024-03-01T03:00:00Z') }));

describe('demo roll-ups', () => {
  it('match the seeded records and show the seeds on the province dashboard', async () => {
    const doc = createDocumentClient({ tableName: suite.stack.tableName, endpoint: suite.stack.dynamoEndpoint, region: 'local' });
    const store = new MeteredStore(doc, suite.stack.tableName);
    for (const t of demoTenants) expect(await storedCounters(store, t)).toEqual(await countersFromRecords(store, t));
    doc.destroy();

    const dashboard = (email: string, year: number) =>
      fetch(`${suite.stack.url}/local-idp/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password: 'PhoiHop@2026' }),
      })
        .then((r) => r.json() as Promise<{ id_token: string }>)
        .then((t) => fetch(`${suite.stack.url}/api/rollups?year=${year}`, { headers: { authorization: `Bearer ${t.id_token}` } }))
        .then(async (r) => dashboardWireSchema.parse(await r.json()));
    const d = await dashboard('xem.hanoi@demo.phoihop.vn', 2024);
    // The seeds' districts are history, in their own section.
    const old = (code: string) => d.historical.find((r) => r.localityCode === code)!;
    // seed 001: Tây Hồ signed its 2024 program with 06 items
    expect(old('003').programSigned).toBe(true);
    expect(old('003').items.open + old('003').items.done).toBeGreaterThanOrEqual(6);
    // seed 000: Bắc Từ Liêm's regulation for 2021–2026
    expect(old('021').agreementsByKind.regulation).toBe(1);
    // Ba Đình has no records at all
    expect(old('001')).toMatchObject({ hasData: false, programSigned: false });

    // Today's demo units: Phường Tây Hồ signed its 2026 program (dữ liệu mẫu) …
    const d2026 = await dashboard('xem.hanoi@demo.phoihop.vn', 2026);
    expect(d2026.rows.find((r) => r.localityCode === '00103')).toMatchObject({ name: 'Phường Tây Hồ', level: 'commune', hasData: true, programSigned: true });
    // … and Phường Bắc Kạn's draft shows on the merged Thái Nguyên's dashboard.
    const tn = await dashboard('xem.thainguyen@demo.phoihop.vn', 2026);
    expect(tn.rows.find((r) => r.localityCode === '01843')).toMatchObject({ name: 'Phường Bắc Kạn', hasData: true, programSigned: false });
    expect(tn.rows.find((r) => r.localityCode === '01843')!.agreementsByKind.program).toBe(1);
  });
});
