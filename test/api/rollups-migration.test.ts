import { describe, expect, it } from 'vitest';
import { migrateDistrictRollupRows } from '../../functions/rollups/migrate-district-rows.js';
import { countersFromRecords, storedCounters } from '../../functions/rollups/rebuild.js';
import { MeteredStore } from '../../functions/store/metered-store.js';
import { keys } from '../../shared/keys.js';
import { dashboardWireSchema } from '../../shared/rollups/schema.js';
import { agreementsClient, programBody } from '../support/agreements.js';
import { harnessSuite } from '../support/harness.js';
import { json } from '../support/tenancy.js';

/**
 * A table written before tenants were keyed by their own prefix holds district roll-up rows as
 * `<prov>#P#ROLLUP` / `D#<district>`: the dashboard matches none of them. The migration rebuilds the
 * `T#` row from the records and deletes the old one, once.
 */
const TAY_HO_DISTRICT = { provinceCode: '01', localityCode: '003' };

const h = harnessSuite({ now: () => new Date('2026-11-30T02:00:00Z') });

describe('migrating the first round’s district roll-up rows', () => {
  it('replaces a D# row by a rebuilt T# row, keeps its data-entry flag, and finds nothing the second time', async () => {
    const provinceAdmin = (await h.userToken({ role: 'province_admin', provinceCode: '01', localityCode: null })).headers;
    const viewer = (await h.userToken({ role: 'province_viewer', provinceCode: '01', localityCode: null })).headers;
    const districtEditor = (await h.userToken({ role: 'locality_editor', ...TAY_HO_DISTRICT })).headers;
    expect((await h.app.request('/api/tenancy/history/003/data-entry', json({ open: true }, provinceAdmin))).status).toBe(200);
    await agreementsClient(h).create(districtEditor, programBody({ title: 'Chương trình 2023 của quận' }));

    // The row as the first round kept it: same partition, old sort key.
    const store = new MeteredStore(h.doc, h.tableName);
    const key = keys.rollup(TAY_HO_DISTRICT);
    const row = await store.get({ Key: key, ConsistentRead: true });
    expect(row).toBeDefined();
    await store.transactWrite([{ Put: { Item: { ...row, SK: 'D#003' } } }, { Delete: { Key: key } }]);
    const before = dashboardWireSchema.parse(await (await h.app.request('/api/rollups?year=2023', { headers: viewer })).json());
    expect(before.historical.find((r) => r.localityCode === '003')).toMatchObject({ hasData: false });

    const { migrated } = await migrateDistrictRollupRows(store, new Date('2026-11-30T02:00:00Z'));
    expect(migrated).toEqual([TAY_HO_DISTRICT]);
    expect(await store.get({ Key: { PK: key.PK, SK: 'D#003' }, ConsistentRead: true })).toBeUndefined();
    expect(await storedCounters(store, TAY_HO_DISTRICT)).toEqual(await countersFromRecords(store, TAY_HO_DISTRICT));
    const res = await h.app.request('/api/rollups?year=2023', { headers: viewer });
    const after = dashboardWireSchema.parse(await res.json());
    expect(after.historical.find((r) => r.localityCode === '003')).toMatchObject({ hasData: true, dataEntryOpen: true, agreementsByKind: { program: 1 } });
    expect(res.headers.get('x-ddb-items')).toBe('1');

    expect((await migrateDistrictRollupRows(store, new Date())).migrated).toEqual([]);
  });
});
