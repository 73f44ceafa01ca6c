import { keys } from '../../shared/keys.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { countersFromRecords, rebuildRollup, storedCounters } from '../../functions/rollups/rebuild.js';
import { MeteredStore } from '../../functions/store/metered-store.js';
import { dashboardWireSchema } from '../../shared/rollups/schema.js';
import { agreementsClient, programBody, regulationBody } from '../support/agreements.js';
import { ddbCost, harnessSuite } from '../support/harness.js';
import { caller, sampleFinding, samplePlan } from '../support/supervision-fixtures.js';

/**
 * Roll-up rows cannot drift: after a realistic mix of writes through the API (agreements created,
 * signed, progressed, amended; supervision plans moved; recommendations answered and resolved), the
 * row kept in step at write time equals a rebuild from the records, and the dashboard shows it.
 */
let day = '2024-03-01';
const tayHo = { provinceCode: '01', localityCode: '00103' };
let editor: Record<string, string>;

const h = harnessSuite({ now: () => new Date(`${day}T03:00:00Z`) });

beforeAll(async () => {
  editor = (await h.userToken({ role: 'locality_editor', ...tayHo })).headers;
});

describe('roll-up counters kept at write time', () => {
  it('equal a rebuild from the records after every kind of write', async () => {
    const api = agreementsClient(h);
    const call = caller(h);
    const store = () => new MeteredStore(h.doc, h.tableName);
    const check = async () => expect(await storedCounters(store(), tayHo)).toEqual(await countersFromRecords(store(), tayHo));

    // a draft program, then signed; items move; a second draft deleted; a regulation signed
    const program = await api.create(editor, programBody());
    await check();
    const signed = await api.sign(editor, program.id, program.version);
    await check();
    const p1 = await api.call('PATCH', `/${program.id}/items/1`, editor, { version: 1, status: 'in_progress', progress: 40 });
    expect(p1.status, await p1.clone().text()).toBe(200);
    expect((await api.call('PATCH', `/${program.id}/items/2`, editor, { version: 1, status: 'done' })).status).toBe(200);
    await check();
    const draft = await api.create(editor, programBody({ title: 'Dự thảo sẽ xoá', year: 2025 }));
    expect((await api.call('DELETE', `/${draft.id}`, editor, undefined, { 'if-match': `"${draft.version}"` })).status).toBe(204);
    const regulation = await api.create(editor, regulationBody());
    await api.sign(editor, regulation.id, regulation.version, { signedOn: '2021-11-10' });
    await check();
    // amendment of the program: drafted, then signed (the original becomes superseded)
    const amend = await api.call('POST', `/${program.id}/amendments`, editor, { version: signed.version, reason: 'Bổ sung nội dung' });
    expect(amend.status, await amend.clone().text()).toBe(201);
    const amendment = ((await amend.json()) as { agreement: { id: string; version: number } }).agreement;
    await check();
    await api.sign(editor, amendment.id, amendment.version);
    await check();

    // supervision: a plan moved along, one finding with two recommendations, one answered and resolved
    day = '2026-03-02';
    const created = await call('POST', '/api/supervision/plans', editor, samplePlan());
    expect(created.status, created.text).toBe(201);
    const planId = created.json.plan.id as string;
    await call('POST', `/api/supervision/plans/${planId}/transitions`, editor, { to: 'notified', version: 1 });
    await call('POST', `/api/supervision/plans/${planId}/transitions`, editor, { to: 'in_progress', version: 2 });
    day = '2026-03-18';
    const f = await call('POST', `/api/supervision/plans/${planId}/findings`, editor, sampleFinding());
    expect(f.status, f.text).toBe(201);
    await call('POST', `/api/supervision/plans/${planId}/recommendations/1/responses`, editor, { version: 1, respondedOn: '2026-03-18', content: 'Đã xử lý' });
    const r = await call('POST', `/api/supervision/plans/${planId}/recommendations/1/transitions`, editor, { to: 'resolved', version: 2 });
    expect(r.status, r.text).toBe(200);
    await check();

    // What the province sees on 26/03/2026: recommendation 2 (due 25/03) is overdue; 2024 program signed.
    day = '2026-03-26';
    const province = (await h.userToken({ role: 'province_viewer', provinceCode: '01', localityCode: null })).headers;
    const res = await h.app.request('/api/rollups?year=2024', { headers: province });
    expect(ddbCost(res).requests).toBe(1);
    const row = dashboardWireSchema.parse(await res.json()).rows.find((x) => x.localityCode === '00103')!;
    expect(row).toMatchObject({
      programSigned: true,
      agreementsByKind: { program: 2, regulation: 1 },
      agreementsByStatus: { superseded: 1, in_force: 2 },
      plansByStatus: { in_progress: 1 },
      recommendations: { open: 1, overdue: 1, resolved: 1 },
    });
    // the amendment copied the items' states: one done, one in progress and due 30/06/2024 (overdue)
    expect(row.items).toEqual({ done: 1, open: 1, overdue: 1 });
  });

  it('rebuilds a row that was damaged', async () => {
    const s = new MeteredStore(h.doc, h.tableName);
    const good = await storedCounters(s, tayHo);
    await s.update({
      Key: keys.rollup(tayHo),
      UpdateExpression: 'ADD #c :n',
      ExpressionAttributeNames: { '#c': 'doc.total' },
      ExpressionAttributeValues: { ':n': 7 },
    });
    expect(await storedCounters(s, tayHo)).not.toEqual(good);
    await rebuildRollup(s, tayHo, new Date());
    expect(await storedCounters(s, tayHo)).toEqual(good);
  });
});
