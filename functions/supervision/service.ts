import { supervisionKeys, type TenantRef } from '../../shared/keys.js';
import type { Identity } from '../../shared/identity.js';
import { newId } from '../../shared/ids.js';
import { fieldErrorsFromZod } from '../../shared/problem.js';
import { planStatusLabels, recommendationStatusLabels } from '../../shared/supervision/labels.js';
import {
  canMovePlan,
  canMoveRecommendation,
  planEditable,
  boardState,
  statusAfterResponse,
  statusesAcceptingFindings,
  summarizePlan,
  vietnamToday,
} from '../../shared/supervision/rules.js';
import {
  MAX_RECOMMENDATIONS_PER_PLAN,
  planInputSchema,
  type FindingInput,
  type PlanFields,
  type PlanPatch,
  type PlanStatus,
  type Recommendation,
  type RecommendationInput,
  type RecommendationPatch,
  type RecommendationStatus,
  type RecommendationTransition,
  type ResponseInput,
  type PlanTransition,
} from '../../shared/supervision/schema.js';
import { ProblemError } from '../api/problem.js';
import { auditPut } from '../audit/record.js';
import type { MeteredStore, TransactItem } from '../store/metered-store.js';
import { idempotentCreate } from '../store/idempotency.js';
import { isConditionFailure, staleVersion } from '../store/versioning.js';
import { notFound } from '../auth/tenant-scope.js';
import { contributedItems, type SupervisionChange } from './changes.js';
import {
  by,
  editablePlanFields,
  newFindingItem,
  newPlanItem,
  newRecommendationItem,
  newResponseItem,
  planSearchText,
  recommendationIndexKeys,
  toFinding,
  toPlan,
  toRecommendation,
  toResponse,
} from './items.js';

/**
 * Every supervision write, one function each. Each builds the items of ONE TransactWrite — the
 * change, its audit record (`auditPut`), the idempotency record of a create, and whatever other
 * capabilities contribute for the change (`contributedItems`, e.g. province roll-up counters) —
 * and commits them together.
 */
export type WriteCtx = { store: MeteredStore; tenant: TenantRef; actor: Identity; now: Date };
export type Idem = { key: string | undefined; request: unknown };

const MAX_ALLOCATION_ATTEMPTS = 3;

/** Commits one transaction; false when a condition failed (stale version, concurrent change). */
async function commit(w: WriteCtx, items: TransactItem[], changes: SupervisionChange[]): Promise<boolean> {
  const all = [...items, ...contributedItems({ tenant: w.tenant, now: w.now, changes })];
  try {
    await w.store.transactWrite(all);
    return true;
  } catch (err) {
    if (isConditionFailure(err)) return false;
    throw err;
  }
}

async function commitOrStale(w: WriteCtx, items: TransactItem[], changes: SupervisionChange[]) {
  if (!(await commit(w, items, changes))) throw staleVersion();
}

function conflict(vi: string, en: string) {
  return new ProblemError('conflict', { vi, en });
}

function invalid(field: string, vi: string, en: string) {
  return new ProblemError('validation', { vi: 'Vui lòng kiểm tra các trường được nêu', en: 'Check the fields listed in errors' }, [
    { field, in: 'body', code: 'custom', message_vi: vi, message_en: en },
  ]);
}

function checkVersion(current: number, expected: number) {
  if (current !== expected) throw staleVersion();
}

function notAfterToday(field: string, date: string, today: string) {
  if (date > today) throw invalid(field, 'Ngày không được sau hôm nay', 'The date must not be after today');
}

async function readPlanItem(w: WriteCtx, planId: string) {
  const item = await w.store.get({ Key: supervisionKeys.plan(w.tenant, planId), ConsistentRead: true });
  if (!item) throw notFound();
  return item;
}

async function readRecommendation(w: WriteCtx, planId: string, no: number) {
  const item = await w.store.get({ Key: supervisionKeys.recommendation(w.tenant, planId, no), ConsistentRead: true });
  if (!item) throw notFound();
  return toRecommendation(item);
}

/** Audit records of supervision use the audit page's entity kind `supervision`; the id says which record (`<plan>`, `<plan>/F001`, `<plan>/R001`, `<plan>/R001/<response>`). */
const AUDIT_ENTITY = 'supervision';

const recId = (planId: string, no: number) => `${planId}/R${String(no).padStart(3, '0')}`;

// ── plans ───────────────────────────────────────────────────────────────────────────────────────

export async function createPlan(w: WriteCtx, fields: PlanFields, idem: Idem) {
  return idempotentCreate({
    store: w.store,
    tenant: w.tenant,
    key: idem.key,
    request: idem.request,
    now: w.now,
    create: async (record) => {
      const id = newId(w.now);
      const today = vietnamToday(w.now);
      const item = newPlanItem(w.tenant, id, fields, w.actor, w.now, today);
      const plan = toPlan(item);
      const body = { plan: summarizePlan(plan, today) };
      await commitOrStale(
        w,
        [
          { Put: { Item: item, ConditionExpression: 'attribute_not_exists(PK)' } },
          auditPut({ tenant: w.tenant, actor: w.actor, entity: AUDIT_ENTITY, entityId: id, action: 'create', after: plan, at: w.now }),
          ...record(201, body),
        ],
        [{ kind: 'plan-created', planId: id, status: plan.status, start: plan.period.from }],
      );
      return { status: 201, body };
    },
  });
}

/** Edits plan fields (never status or counters) with the version read; a topic change is copied onto the plan's recommendations. */
export async function updatePlan(w: WriteCtx, planId: string, patch: Omit<PlanPatch, 'version'>, expected: number) {
  const current = toPlan(await readPlanItem(w, planId));
  checkVersion(current.version, expected);
  if (!planEditable(current.status)) throw conflict('Kế hoạch đã kết thúc, không thể sửa', 'The plan is closed and cannot be changed');

  const merged: Record<string, unknown> = {};
  for (const f of editablePlanFields) {
    const v = f in patch ? (patch as Record<string, unknown>)[f] : current[f];
    if (v !== undefined && v !== null) merged[f] = v;
  }
  const parsed = planInputSchema.safeParse(merged);
  if (!parsed.success) {
    throw new ProblemError('validation', { vi: 'Vui lòng kiểm tra các trường được nêu', en: 'Check the fields listed in errors' }, fieldErrorsFromZod(parsed.error.issues, 'body'));
  }
  const fields = parsed.data;
  const at = w.now.toISOString();
  const names: Record<string, string> = { '#version': 'version', '#status': 'status', '#topic': 'topic', '#recs': 'recommendationCount' };
  const values: Record<string, unknown> = {
    ':expectedVersion': expected,
    ':next': expected + 1,
    ':at': at,
    ':search': planSearchText(fields),
    ':gsi1sk': supervisionKeys.planListEntry(w.tenant, current.status, fields.period.from, planId).GSI1SK,
    ':closed': 'closed',
    ':recs': current.recommendationCount,
  };
  const set = ['#version = :next', 'updatedAt = :at', 'searchText = :search', 'GSI1SK = :gsi1sk', 'updatedBy = :by'];
  values[':by'] = by(w.actor);
  const remove: string[] = [];
  for (const f of editablePlanFields) {
    const v = (fields as Record<string, unknown>)[f];
    if (v === undefined) {
      if (current[f] === undefined) continue;
      remove.push(`#${f}`);
    } else {
      set.push(`#${f} = :${f}`);
      values[`:${f}`] = v;
    }
    names[`#${f}`] = f;
  }
  const after = { ...current, ...fields, version: expected + 1, updatedAt: at };
  for (const f of editablePlanFields) if ((fields as Record<string, unknown>)[f] === undefined) delete (after as Record<string, unknown>)[f];

  const items: TransactItem[] = [
    {
      Update: {
        Key: supervisionKeys.plan(w.tenant, planId),
        UpdateExpression: `SET ${set.join(', ')}${remove.length ? ` REMOVE ${remove.join(', ')}` : ''}`,
        // The recommendation count is part of the condition so a recommendation added meanwhile
        // (with the old topic copied onto it) makes this edit retry instead of leaving it stale.
        ConditionExpression: 'attribute_exists(PK) AND #version = :expectedVersion AND #status <> :closed AND #recs = :recs',
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
      },
    },
  ];
  if (fields.topic !== current.topic) {
    for (let no = 1; no <= current.recommendationCount; no++) {
      items.push({
        Update: {
          Key: supervisionKeys.recommendation(w.tenant, planId, no),
          UpdateExpression: 'SET planTopic = :topic',
          ConditionExpression: 'attribute_exists(PK)',
          ExpressionAttributeValues: { ':topic': fields.topic },
        },
      });
    }
  }
  items.push(auditPut({ tenant: w.tenant, actor: w.actor, entity: AUDIT_ENTITY, entityId: planId, action: 'update', before: current, after, at: w.now }));
  await commitOrStale(w, items, [{ kind: 'plan-edited', planId, status: current.status, startBefore: current.period.from, start: fields.period.from }]);
  return { plan: summarizePlan(after, vietnamToday(w.now)) };
}

/** Moves a plan one step along planned → notified → in progress → reported → closed. */
export async function transitionPlan(w: WriteCtx, planId: string, input: Omit<PlanTransition, 'version'>, expected: number) {
  const current = toPlan(await readPlanItem(w, planId));
  checkVersion(current.version, expected);
  const from = current.status;
  const to = input.to;
  if (!canMovePlan(from, to)) {
    throw conflict(
      `Không thể chuyển kế hoạch từ "${planStatusLabels[from].vi}" sang "${planStatusLabels[to].vi}"`,
      `A plan cannot move from "${planStatusLabels[from].en}" to "${planStatusLabels[to].en}"`,
    );
  }
  if (to === 'closed' && current.openRecommendations > 0) {
    throw conflict(
      `Còn ${current.openRecommendations} kiến nghị chưa giải quyết xong; chỉ kết thúc kế hoạch khi mọi kiến nghị đã được giải quyết`,
      `${current.openRecommendations} recommendation(s) are not resolved yet; a plan closes only when all are resolved`,
    );
  }
  const today = vietnamToday(w.now);
  const on = input.on ?? today;
  notAfterToday('on', on, today);
  const previous = current.statusHistory[current.statusHistory.length - 1];
  if (previous && on < previous.on) {
    throw invalid('on', 'Ngày chuyển bước không được trước bước trước đó', 'The date must not be before the previous step');
  }
  const at = w.now.toISOString();
  const entry = { status: to, on, at, by: by(w.actor), ...(input.note ? { note: input.note } : {}) };
  const after = { ...current, status: to, statusHistory: [...current.statusHistory, entry], version: expected + 1, updatedAt: at };
  const values: Record<string, unknown> = {
    ':expectedVersion': expected,
    ':next': expected + 1,
    ':from': from,
    ':to': to,
    ':entry': [entry],
    ':at': at,
    ':gsi1sk': supervisionKeys.planListEntry(w.tenant, to, current.period.from, planId).GSI1SK,
  };
  let condition = 'attribute_exists(PK) AND #version = :expectedVersion AND #status = :from';
  if (to === 'closed') {
    condition += ' AND openRecommendations = :zero';
    values[':zero'] = 0;
  }
  await commitOrStale(
    w,
    [
      {
        Update: {
          Key: supervisionKeys.plan(w.tenant, planId),
          UpdateExpression: 'SET #status = :to, statusHistory = list_append(statusHistory, :entry), #version = :next, updatedAt = :at, GSI1SK = :gsi1sk',
          ConditionExpression: condition,
          ExpressionAttributeNames: { '#version': 'version', '#status': 'status' },
          ExpressionAttributeValues: values,
        },
      },
      auditPut({
        tenant: w.tenant,
        actor: w.actor,
        entity: AUDIT_ENTITY,
        entityId: planId,
        action: 'update',
        before: { status: from },
        after: { status: to, on, ...(input.note ? { note: input.note } : {}) },
        at: w.now,
      }),
    ],
    [{ kind: 'plan-moved', planId, from, to }],
  );
  return { plan: summarizePlan(after, today) };
}

// ── findings and recommendations ────────────────────────────────────────────────────────────────

/**
 * Adds recommendations (and, for a new finding, the finding itself) with the next numbers of the
 * plan. Numbers come from counters on the plan header, taken under a condition; when another
 * writer took them first the allocation is retried with fresh numbers.
 */
async function allocateAndWrite(
  w: WriteCtx,
  planId: string,
  opts: { finding: Omit<FindingInput, 'recommendations'> | null; findingNo?: number; recommendations: RecommendationInput[] },
  record: (status: number, body: unknown) => TransactItem[],
) {
  for (let attempt = 1; ; attempt++) {
    const plan = toPlan(await readPlanItem(w, planId));
    if (!statusesAcceptingFindings.includes(plan.status)) {
      throw conflict(
        `Chỉ ghi nhận kết quả, kiến nghị khi kế hoạch đang giám sát hoặc đã báo cáo (hiện: "${planStatusLabels[plan.status].vi}")`,
        `Findings and recommendations are recorded while the plan is in progress or reported (now: "${planStatusLabels[plan.status].en}")`,
      );
    }
    const findingNo = opts.finding ? plan.findingCount + 1 : opts.findingNo!;
    if (!opts.finding && (findingNo < 1 || findingNo > plan.findingCount)) throw notFound();
    const n = opts.recommendations.length;
    if (plan.recommendationCount + n > MAX_RECOMMENDATIONS_PER_PLAN) {
      throw invalid(
        'recommendations',
        `Mỗi kế hoạch có tối đa ${MAX_RECOMMENDATIONS_PER_PLAN} kiến nghị (đã có ${plan.recommendationCount})`,
        `A plan holds at most ${MAX_RECOMMENDATIONS_PER_PLAN} recommendations (it has ${plan.recommendationCount})`,
      );
    }
    const today = vietnamToday(w.now);
    const recItems = opts.recommendations.map((r, i) =>
      newRecommendationItem(w.tenant, plan, findingNo, plan.recommendationCount + 1 + i, r, w.actor, w.now, today),
    );
    const findingItem = opts.finding ? newFindingItem(w.tenant, planId, findingNo, opts.finding, w.actor, w.now) : null;
    const recs = recItems.map(toRecommendation);
    const body = { ...(findingItem ? { finding: toFinding(findingItem) } : {}), recommendations: recs };

    const items: TransactItem[] = [
      {
        Update: {
          Key: supervisionKeys.plan(w.tenant, planId),
          UpdateExpression: 'SET findingCount = :f, recommendationCount = :r ADD openRecommendations :n',
          ConditionExpression: 'findingCount = :f0 AND recommendationCount = :r0 AND #topic = :topic AND #status IN (:s1, :s2)',
          ExpressionAttributeNames: { '#status': 'status', '#topic': 'topic' },
          ExpressionAttributeValues: {
            ':f': findingItem ? findingNo : plan.findingCount,
            ':r': plan.recommendationCount + n,
            ':n': n,
            ':f0': plan.findingCount,
            ':r0': plan.recommendationCount,
            ':topic': plan.topic,
            ':s1': statusesAcceptingFindings[0],
            ':s2': statusesAcceptingFindings[1],
          },
        },
      },
    ];
    if (findingItem) {
      items.push({ Put: { Item: findingItem, ConditionExpression: 'attribute_not_exists(PK)' } });
      items.push(
        auditPut({ tenant: w.tenant, actor: w.actor, entity: AUDIT_ENTITY, entityId: `${planId}/F${String(findingNo).padStart(3, '0')}`, action: 'create', after: toFinding(findingItem), at: w.now }),
      );
    }
    for (const [i, item] of recItems.entries()) {
      items.push({ Put: { Item: item, ConditionExpression: 'attribute_not_exists(PK)' } });
      items.push(auditPut({ tenant: w.tenant, actor: w.actor, entity: AUDIT_ENTITY, entityId: recId(planId, recs[i]!.no), action: 'create', after: recs[i]!, at: w.now }));
    }
    items.push(...record(201, body));
    const changes: SupervisionChange[] = [
      ...(findingItem ? [{ kind: 'finding-added' as const, planId, no: findingNo }] : []),
      ...recs.map((r) => ({ kind: 'recommendation-added' as const, planId, no: r.no, deadline: r.deadline })),
    ];
    if (await commit(w, items, changes)) return { status: 201, body };
    if (attempt >= MAX_ALLOCATION_ATTEMPTS) throw staleVersion();
  }
}

export async function addFinding(w: WriteCtx, planId: string, input: FindingInput & { recommendations: RecommendationInput[] }, idem: Idem) {
  const { recommendations, ...finding } = input;
  return idempotentCreate({
    store: w.store,
    tenant: w.tenant,
    key: idem.key,
    request: idem.request,
    now: w.now,
    create: (record) => allocateAndWrite(w, planId, { finding, recommendations }, record),
  });
}

export async function addRecommendation(w: WriteCtx, planId: string, findingNo: number, input: RecommendationInput, idem: Idem) {
  return idempotentCreate({
    store: w.store,
    tenant: w.tenant,
    key: idem.key,
    request: idem.request,
    now: w.now,
    create: async (record) => {
      const r = await allocateAndWrite(w, planId, { finding: null, findingNo, recommendations: [input] }, record);
      return { status: r.status, body: { recommendation: r.body.recommendations[0]! } };
    },
  });
}

/** The UpdateItem of a recommendation guarded by its version; GSI2 keys are rewritten from the new state and deadline. */
function recommendationUpdate(w: WriteCtx, rec: Recommendation, expected: number, set: Record<string, unknown>, extra: { append?: unknown[]; addResponses?: number } = {}) {
  const next = { ...rec, ...set } as Recommendation;
  const index = recommendationIndexKeys(w.tenant, next);
  const names: Record<string, string> = { '#version': 'version' };
  const values: Record<string, unknown> = { ':expectedVersion': expected, ':next': expected + 1, ':at': w.now.toISOString(), ':gsi2sk': index.GSI2SK };
  const parts = ['#version = :next', 'updatedAt = :at', 'GSI2SK = :gsi2sk'];
  for (const [k, v] of Object.entries(set)) {
    names[`#${k}`] = k;
    values[`:${k}`] = v;
    parts.push(`#${k} = :${k}`);
  }
  if (extra.append) {
    values[':entry'] = extra.append;
    names['#history'] = 'history';
    parts.push('#history = list_append(#history, :entry)');
  }
  if (extra.addResponses) {
    values[':one'] = extra.addResponses;
    parts.push('responseCount = responseCount + :one');
  }
  return {
    Update: {
      Key: supervisionKeys.recommendation(w.tenant, rec.planId, rec.no),
      UpdateExpression: `SET ${parts.join(', ')}`,
      ConditionExpression: 'attribute_exists(PK) AND #version = :expectedVersion',
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
    },
  } satisfies TransactItem;
}

/** Edits a recommendation's text, responsible unit or deadline (e.g. an extension) until it is resolved. */
export async function updateRecommendation(w: WriteCtx, planId: string, no: number, patch: Omit<RecommendationPatch, 'version'>, expected: number) {
  const rec = await readRecommendation(w, planId, no);
  checkVersion(rec.version, expected);
  if (rec.status === 'resolved') throw conflict('Kiến nghị đã giải quyết xong, không thể sửa', 'The recommendation is resolved and cannot be changed');
  const set: Record<string, unknown> = {};
  for (const f of ['content', 'responsibleUnit', 'deadline'] as const) if (patch[f] !== undefined) set[f] = patch[f];
  const after: Recommendation = { ...rec, ...set, version: expected + 1, updatedAt: w.now.toISOString() };
  await commitOrStale(
    w,
    [
      recommendationUpdate(w, rec, expected, set),
      auditPut({ tenant: w.tenant, actor: w.actor, entity: AUDIT_ENTITY, entityId: recId(planId, no), action: 'update', before: rec, after, at: w.now }),
    ],
    [{ kind: 'recommendation-edited', planId, no, status: rec.status, deadlineBefore: rec.deadline, deadline: after.deadline }],
  );
  return { recommendation: after };
}

/** Records the responsible unit's answer (with date and attachments); the first answer moves `open` to `answered`. */
export async function recordResponse(w: WriteCtx, planId: string, no: number, input: Omit<ResponseInput, 'version'> & { attachments: NonNullable<ResponseInput['attachments']> }, expected: number, idem: Idem) {
  return idempotentCreate({
    store: w.store,
    tenant: w.tenant,
    key: idem.key,
    request: idem.request,
    now: w.now,
    create: async (record) => {
      const rec = await readRecommendation(w, planId, no);
      checkVersion(rec.version, expected);
      const next = statusAfterResponse(rec.status);
      if (!next) throw conflict('Kiến nghị đã giải quyết xong, không nhận thêm trả lời', 'The recommendation is resolved; no more responses');
      const today = vietnamToday(w.now);
      notAfterToday('respondedOn', input.respondedOn, today);
      const responseItem = newResponseItem(
        w.tenant,
        planId,
        no,
        newId(w.now),
        { respondedOn: input.respondedOn, respondent: input.respondent ?? rec.responsibleUnit, content: input.content, attachments: input.attachments },
        w.actor,
        w.now,
      );
      const response = toResponse(responseItem);
      const lastResponseOn = rec.lastResponseOn && rec.lastResponseOn > input.respondedOn ? rec.lastResponseOn : input.respondedOn;
      const at = w.now.toISOString();
      const entry = next !== rec.status ? [{ status: next, on: input.respondedOn, at, by: by(w.actor) }] : undefined;
      const after: Recommendation = {
        ...rec,
        status: next,
        lastResponseOn,
        responseCount: rec.responseCount + 1,
        history: [...rec.history, ...(entry ?? [])],
        version: expected + 1,
        updatedAt: at,
      };
      const body = { recommendation: after, response: { id: response.id, respondedOn: response.respondedOn, respondent: response.respondent, content: response.content, attachments: response.attachments, createdAt: response.createdAt } };
      await commitOrStale(
        w,
        [
          recommendationUpdate(w, rec, expected, { status: next, lastResponseOn }, { append: entry, addResponses: 1 }),
          { Put: { Item: responseItem, ConditionExpression: 'attribute_not_exists(PK)' } },
          auditPut({
            tenant: w.tenant,
            actor: w.actor,
            entity: AUDIT_ENTITY,
            entityId: `${recId(planId, no)}/${response.id}`,
            action: 'create',
            before: { status: rec.status, responseCount: rec.responseCount },
            after: { status: next, responseCount: after.responseCount, response: body.response },
            at: w.now,
          }),
          ...record(201, body),
        ],
        [{ kind: 'recommendation-answered', planId, no, from: rec.status, to: next, deadline: rec.deadline }],
      );
      return { status: 201, body };
    },
  });
}

/** The supervising body accepts an answer, declares the recommendation resolved, or sends it back. */
export async function transitionRecommendation(w: WriteCtx, planId: string, no: number, input: Omit<RecommendationTransition, 'version'>, expected: number) {
  const rec = await readRecommendation(w, planId, no);
  checkVersion(rec.version, expected);
  const from = rec.status;
  const to: RecommendationStatus = input.to;
  if (!canMoveRecommendation(from, to)) {
    if (from === 'open') {
      throw conflict('Kiến nghị chưa có trả lời của đơn vị chịu trách nhiệm', 'The responsible unit has not answered this recommendation yet');
    }
    throw conflict(
      `Không thể chuyển kiến nghị từ "${recommendationStatusLabels[from].vi}" sang "${recommendationStatusLabels[to].vi}"`,
      `A recommendation cannot move from "${recommendationStatusLabels[from].en}" to "${recommendationStatusLabels[to].en}"`,
    );
  }
  const today = vietnamToday(w.now);
  const on = input.on ?? today;
  notAfterToday('on', on, today);
  const at = w.now.toISOString();
  const entry = { status: to, on, at, by: by(w.actor), ...(input.note ? { note: input.note } : {}) };
  const set: Record<string, unknown> = { status: to, ...(to === 'resolved' ? { resolvedOn: on } : {}) };
  const after: Recommendation = { ...rec, ...set, history: [...rec.history, entry], version: expected + 1, updatedAt: at } as Recommendation;
  const items: TransactItem[] = [recommendationUpdate(w, rec, expected, set, { append: [entry] })];
  if (boardState(to) !== boardState(from)) {
    // Leaving the open set: the plan's count of unresolved recommendations goes down with it.
    items.push({
      Update: {
        Key: supervisionKeys.plan(w.tenant, planId),
        UpdateExpression: 'ADD openRecommendations :minusOne',
        ConditionExpression: 'attribute_exists(PK) AND openRecommendations > :zero',
        ExpressionAttributeValues: { ':minusOne': -1, ':zero': 0 },
      },
    });
  }
  items.push(
    auditPut({
      tenant: w.tenant,
      actor: w.actor,
      entity: AUDIT_ENTITY,
      entityId: recId(planId, no),
      action: 'update',
      before: { status: from },
      after: { status: to, on, ...(input.note ? { note: input.note } : {}) },
      at: w.now,
    }),
  );
  await commitOrStale(w, items, [{ kind: 'recommendation-moved', planId, no, from, to, deadline: rec.deadline }]);
  return { recommendation: after };
}

export type { PlanStatus };
