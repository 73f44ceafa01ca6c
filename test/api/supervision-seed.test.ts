import { beforeAll, describe, expect, it } from 'vitest';
import { demoSupervisionItems, demoSupervisionPlans, seedSupervisionDemo } from '../../functions/demo/supervision.js';
import { idSchemaPattern } from '../../shared/ids.js';
import { planSchema, recommendationSchema } from '../../shared/supervision/schema.js';
import type { Board, PlanDetail } from '../../shared/supervision/views.js';
import { ddbCost, harnessSuite } from '../support/harness.js';
import { caller } from '../support/supervision-fixtures.js';

let call: ReturnType<typeof caller>;
const clock = new Date('2026-11-23T03:00:00Z');

const h = harnessSuite({ now: () => clock });

beforeAll(async () => {
  call = caller(h);
});

describe('demo supervision data', () => {
  it('is labelled as demo and valid against the shared schemas', () => {
    for (const p of demoSupervisionPlans) {
      expect(p.id).toMatch(idSchemaPattern);
      expect(p.input.topic).toMatch(/\(dữ liệu mẫu\)$/);
      expect(p.input.note).toContain('Dữ liệu mẫu');
    }
    const items = demoSupervisionItems();
    for (const item of items.filter((i) => i.entity === 'supervision-plan')) {
      const { PK, SK, GSI1PK, GSI1SK, entity, tenant, searchText, createdBy, ...plan } = item;
      expect(planSchema.parse(plan).demo).toBe(true);
    }
    for (const item of items.filter((i) => i.entity === 'supervision-recommendation')) {
      const { PK, SK, GSI2PK, GSI2SK, entity, tenant, createdBy, ...rec } = item;
      recommendationSchema.parse(rec);
      expect(String(GSI2SK).startsWith(rec.status === 'resolved' ? 'done#' : 'open#')).toBe(true);
    }
  });

  it('seeds once and reads back consistently through the API', async () => {
    const first = await seedSupervisionDemo({ doc: h.doc, tableName: h.tableName });
    expect(first).toBe(demoSupervisionItems().length);
    expect(await seedSupervisionDemo({ doc: h.doc, tableName: h.tableName })).toBe(0);

    const tayHo = (await h.userToken({ role: 'locality_editor', provinceCode: '01', localityCode: '00103' })).headers;
    const list = await call('GET', '/api/supervision/plans', tayHo);
    expect(list.json.items).toHaveLength(2);
    const d = (await call('GET', '/api/supervision/plans/01KDEMQ0TAYH0000000000000A', tayHo)).json as PlanDetail;
    expect(d.plan).toMatchObject({ status: 'reported', reportDueOn: '2026-10-21', demo: true });
    const recs = d.findings.flatMap((f) => f.recommendations);
    expect(d.plan.openRecommendations).toBe(recs.filter((r) => r.status !== 'resolved').length);
    expect(recs.map((r) => [r.status, r.overdue])).toEqual([
      ['resolved', false],
      ['answered', true],
      ['open', false],
    ]);

    const board = await call('GET', '/api/supervision/board', tayHo);
    expect(ddbCost(board.res).requests).toBe(1);
    const b = board.json as Board;
    expect(b.totals).toEqual({ open: 2, overdue: 1 });
    expect(b.byUnit.find((u) => u.unit === 'UBND phường Nhật Tân')).toMatchObject({ open: 1, overdue: 1, answered: 1 });
    expect(b.periods.find((p) => p.period === '2026-Q4')).toMatchObject({ due: 3, resolved: 1, resolvedOnTime: 1 });

    // The demo's versions line up with the API: Cầu Giấy's plan moves on from version 3.
    const cauGiay = (await h.userToken({ role: 'locality_admin', provinceCode: '01', localityCode: '00166' })).headers;
    const moved = await call('POST', '/api/supervision/plans/01KDEMQ0CAVG0000000000000A/transitions', cauGiay, { to: 'reported', version: 3 });
    expect(moved.status, moved.text).toBe(200);
    const answered = await call('POST', '/api/supervision/plans/01KDEMQ0TAYH0000000000000A/recommendations/2/transitions', tayHo, {
      to: 'accepted',
      version: 2,
    });
    expect(answered.status, answered.text).toBe(200);
  });
});
