import { foldVietnamese } from '../../shared/format.js';
import { supervisionKeys, type TenantRef } from '../../shared/keys.js';
import { buildBoard, daysOverdue, isOverdue, summarizePlan } from '../../shared/supervision/rules.js';
import type { Plan, PlanStatus, Recommendation, RecommendationResponse } from '../../shared/supervision/schema.js';
import type { Board, PlanDetail, PlanList, RecommendationView } from '../../shared/supervision/views.js';
import { badCursor, decodeCursor, encodeCursor } from '../store/cursor.js';
import type { MeteredStore } from '../store/metered-store.js';
import { notFound } from '../auth/tenant-scope.js';
import { ENTITY, toFinding, toPlan, toRecommendation, toResponse } from './items.js';

/**
 * Supervision reads and the records behind a write. Each page read is one DynamoDB Query
 * (docs/data-model.md "Supervision"); a further page is read only when a result exceeds DynamoDB's
 * 1 MB page, which a plan or a district's recommendations do not reach in practice.
 */

/** The plan header a write starts from (strongly consistent); 404 when it does not exist here. */
export async function readPlan(store: MeteredStore, t: TenantRef, planId: string): Promise<Plan> {
  const item = await store.get({ Key: supervisionKeys.plan(t, planId), ConsistentRead: true });
  if (!item) throw notFound();
  return toPlan(item);
}

/** One recommendation as a write reads it (strongly consistent); 404 when it does not exist here. */
export async function readRecommendation(store: MeteredStore, t: TenantRef, planId: string, no: number): Promise<Recommendation> {
  const item = await store.get({ Key: supervisionKeys.recommendation(t, planId, no), ConsistentRead: true });
  if (!item) throw notFound();
  return toRecommendation(item);
}

/** Plan page: header, findings, recommendations and their responses from ONE Query of the plan's partition. */
export async function getPlanDetail(store: MeteredStore, t: TenantRef, planId: string, today: string): Promise<PlanDetail> {
  const items = await store.queryAll({
    KeyConditionExpression: 'PK = :pk',
    ExpressionAttributeValues: { ':pk': supervisionKeys.partition(t, planId).PK },
  });
  const header = items.find((i) => i.entity === ENTITY.plan);
  if (!header) throw notFound();
  const responses = new Map<number, RecommendationResponse[]>();
  for (const item of items.filter((i) => i.entity === ENTITY.response)) {
    const r = toResponse(item);
    const { recNo, planId: _p, ...response } = r;
    responses.set(recNo, [...(responses.get(recNo) ?? []), response]);
  }
  const recs: RecommendationView[] = items
    .filter((i) => i.entity === ENTITY.recommendation)
    .map((i) => {
      const rec = toRecommendation(i);
      const list = (responses.get(rec.no) ?? []).sort((a, b) => a.respondedOn.localeCompare(b.respondedOn) || a.id.localeCompare(b.id));
      return { ...rec, overdue: isOverdue(rec, today), daysOverdue: daysOverdue(rec, today), responses: list };
    });
  const findings = items
    .filter((i) => i.entity === ENTITY.finding)
    .map(toFinding)
    .sort((a, b) => a.no - b.no)
    .map((f) => ({ ...f, recommendations: recs.filter((r) => r.findingNo === f.no).sort((a, b) => a.no - b.no) }));
  return { today, plan: summarizePlan(toPlan(header), today), findings };
}

const PLAN_LIST = 'supervision:plans';
/** Reads one filtered page may take before it answers with fewer than `limit` plans and a cursor. */
const MAX_LIST_READS = 4;

/** The GSI1 key of a plan item: where the next page starts when a page ends inside a read. */
const planListKey = (item: Record<string, unknown>) => ({ PK: item.PK, SK: item.SK, GSI1PK: item.GSI1PK, GSI1SK: item.GSI1SK });

/**
 * Plans of the tenant, newest status group first. `limit` counts plans AFTER the year and text
 * filters: DynamoDB applies `Limit` before `FilterExpression`, so a filtered list reads on (each read
 * at most `limit` items) until the page is full. Unfiltered, that is always ONE Query; filtered, at
 * most MAX_LIST_READS — past that the page comes back short with a cursor, as the store cannot
 * filter before it counts.
 */
export async function listPlans(
  store: MeteredStore,
  t: TenantRef,
  q: { status?: PlanStatus; year?: number; q?: string; limit: number; cursor?: string },
  today: string,
): Promise<PlanList> {
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = { ':pk': supervisionKeys.planList(t).GSI1PK };
  let keyCondition = 'GSI1PK = :pk';
  if (q.status) {
    keyCondition += ' AND begins_with(GSI1SK, :prefix)';
    values[':prefix'] = `${q.status}#`;
  }
  const filters: string[] = ['entity = :entity'];
  values[':entity'] = ENTITY.plan;
  if (q.year) {
    // Plans whose period overlaps the year.
    names['#period'] = 'period';
    names['#from'] = 'from';
    names['#to'] = 'to';
    filters.push('#period.#from <= :yearEnd AND #period.#to >= :yearStart');
    values[':yearStart'] = `${q.year}-01-01`;
    values[':yearEnd'] = `${q.year}-12-31`;
  }
  const folded = q.q ? foldVietnamese(q.q) : '';
  if (folded) {
    filters.push('contains(searchText, :q)');
    values[':q'] = folded;
  }
  let start: Record<string, unknown> | undefined = decodeCursor(q.cursor, PLAN_LIST, 'GSI1', t);
  // The codec checks the tenant; this list's partition (and status range) is checked here, so a
  // cursor of another GSI1 list or status cannot make DynamoDB refuse the start key.
  if (start && (start.GSI1PK !== values[':pk'] || (q.status && !String(start.GSI1SK).startsWith(`${q.status}#`)))) throw badCursor();
  const kept: Record<string, unknown>[] = [];
  let lastKey: Record<string, unknown> | undefined;
  for (let reads = 0; reads < MAX_LIST_READS; reads++) {
    const page = await store.query({
      IndexName: 'GSI1',
      KeyConditionExpression: keyCondition,
      FilterExpression: filters.join(' AND '),
      ...(Object.keys(names).length ? { ExpressionAttributeNames: names } : {}),
      ExpressionAttributeValues: values,
      ScanIndexForward: false,
      Limit: q.limit,
      ...(start ? { ExclusiveStartKey: start } : {}),
    });
    const room = q.limit - kept.length;
    kept.push(...page.items.slice(0, room));
    // A full page that ends inside this read continues after its last plan, not after the read.
    lastKey = page.items.length > room ? planListKey(kept[kept.length - 1]!) : page.lastKey;
    start = page.lastKey;
    if (kept.length >= q.limit || !page.lastKey) break;
  }
  const items = kept.map((i) => summarizePlan(toPlan(i), today)).sort((a, b) => b.period.from.localeCompare(a.period.from) || b.id.localeCompare(a.id));
  return { items, nextCursor: encodeCursor(PLAN_LIST, lastKey), today };
}

const BOARD_ATTRIBUTES = [
  'planId',
  'planTopic',
  'no',
  'findingNo',
  'content',
  'responsibleUnit',
  'deadline',
  'status',
  'resolvedOn',
  'responseCount',
  'lastResponseOn',
  'version',
  'createdAt',
  'updatedAt',
];

/**
 * Follow-up board from ONE Query of GSI2 `<T>#REC`: the key range runs from `done#<year>-01-01`
 * to the end of `open#…`, i.e. every unresolved recommendation of every plan (any deadline) plus
 * the resolved ones due from the start of the year, which the period rates need.
 */
export async function getBoard(store: MeteredStore, t: TenantRef, year: number, today: string, q?: string): Promise<Board> {
  const names = Object.fromEntries(BOARD_ATTRIBUTES.map((a) => [`#${a}`, a]));
  const items = await store.queryAll({
    IndexName: 'GSI2',
    KeyConditionExpression: 'GSI2PK = :pk AND GSI2SK BETWEEN :lo AND :hi',
    ExpressionAttributeValues: { ':pk': supervisionKeys.recommendationBoard(t).GSI2PK, ':lo': `done#${year}-01-01`, ':hi': 'open$' },
    ExpressionAttributeNames: names,
    ProjectionExpression: Object.keys(names).join(', '),
  });
  let recs = items.map((i) => toRecommendation(i));
  const folded = q ? foldVietnamese(q) : '';
  if (folded) recs = recs.filter((r) => foldVietnamese(`${r.responsibleUnit} ${r.content} ${r.planTopic}`).includes(folded));
  return buildBoard(recs, today, year);
}
