import { Hono, type Context } from 'hono';
import * as z from 'zod';
import { wholeNumberQuery } from '../../shared/query.js';
import { vietnamToday } from '../../shared/dates.js';
import {
  boardQuerySchema,
  bulkRecommendationsSchema,
  findingInputSchema,
  planCreateSchema,
  planListQuerySchema,
  planPatchSchema,
  planTransitionSchema,
  recommendationInputSchema,
  recommendationPatchSchema,
  recommendationTransitionSchema,
  recordIdSchema,
  responseInputSchema,
} from '../../shared/supervision/schema.js';
import type { AppEnv } from '../http/env.js';
import { ProblemError } from '../http/problem.js';
import { validate } from '../http/validate.js';
import { readTenant, writeTenant } from '../auth/tenant-scope.js';
import { requireAuth } from '../auth/middleware.js';
import { opContext, type OpContext } from '../store/op-context.js';
import { requiredVersion, setVersionTag } from '../store/versioning.js';
import { getBoard, getPlanDetail, listPlans } from './repository.js';
import { addFinding } from './service/add-finding.js';
import { addRecommendation } from './service/add-recommendation.js';
import { createPlan } from './service/create-plan.js';
import { recordResponse } from './service/record-response.js';
import { notifyEvent, planOwnerAgencies } from '../reminders/events.js';
import type { TenantRef } from '../../shared/keys.js';
import { transitionPlan } from './service/transition-plan.js';
import { transitionRecommendation } from './service/transition-recommendation.js';
import { updatePlan } from './service/update-plan.js';
import { updateRecommendation } from './service/update-recommendation.js';
import { changeRecommendations } from './service/change-recommendations.js';

/**
 * /api/supervision — plans, findings, recommendations, responses and the follow-up board. HTTP only:
 * validation, tenant, version and status codes; each write is one function in `service/`, reads are
 * in `repository.ts`. Reads use `readTenant` (own tenant, or a read-only drill-down `?locality=`);
 * writes use `writeTenant` (always the caller's own tenant).
 */

const planParam = z.strictObject({ id: recordIdSchema });
const number = wholeNumberQuery({ vi: 'Số thứ tự', en: 'The number' }, 1, 999);
const findingParam = z.strictObject({ id: recordIdSchema, no: number });
const recParam = z.strictObject({ id: recordIdSchema, no: number });
const localityOnly = z.strictObject({ locality: z.string().optional() });

/** Drill-down is read-only: a write naming another locality is refused rather than silently applied to the caller's own tenant. */
function writeOp(c: Context<AppEnv>): OpContext {
  const locality = c.req.query('locality');
  if (locality !== undefined && locality !== '' && locality !== c.var.identity.localityCode) {
    throw new ProblemError('forbidden', { vi: 'Xem dữ liệu quận, huyện khác chỉ được đọc', en: 'Drill-down into another district is read-only' });
  }
  return opContext(c, writeTenant(c));
}

const idempotency = (c: Context<AppEnv>, request: Record<string, unknown>) => ({ key: c.req.header('idempotency-key'), request });

function created<T>(c: Context<AppEnv>, r: { status: number; body: T; replayed: boolean }) {
  if (r.replayed) c.header('idempotent-replayed', 'true');
  setVersionTag(c, r.body);
  return c.json(r.body as object, r.status as 201);
}

/** The body without its `version` (the version travels separately, from the body or `If-Match`). */
function withoutVersion<T extends { version?: number }>(body: T): Omit<T, 'version'> {
  const { version: _version, ...rest } = body;
  return rest;
}

export const supervisionRoutes = new Hono<AppEnv>()
  .use('*', requireAuth)

  .get('/plans', validate('query', planListQuerySchema), async (c) => {
    const q = c.req.valid('query');
    const tenant = await readTenant(c, q.locality);
    return c.json(await listPlans(c.var.store, tenant, q, vietnamToday(c.var.deps.now())));
  })

  .post('/plans', validate('json', planCreateSchema), async (c) => {
    const op = writeOp(c);
    const body = c.req.valid('json');
    const { plannedOn, ...fields } = body;
    const r = await createPlan(op, fields, plannedOn, idempotency(c, { op: 'create-plan', body }));
    c.header('location', `/api/supervision/plans/${(r.body as { plan: { id: string } }).plan.id}`);
    return created(c, r);
  })

  .get('/plans/:id', validate('param', planParam), validate('query', localityOnly), async (c) => {
    const { id } = c.req.valid('param');
    const tenant = await readTenant(c, c.req.valid('query').locality);
    const detail = await getPlanDetail(c.var.store, tenant, id, vietnamToday(c.var.deps.now()));
    c.header('etag', `"${detail.plan.version}"`);
    return c.json(detail);
  })

  .patch('/plans/:id', validate('param', planParam), validate('json', planPatchSchema), async (c) => {
    const op = writeOp(c);
    const body = c.req.valid('json');
    return c.json(await updatePlan(op, c.req.valid('param').id, withoutVersion(body), requiredVersion(c, body.version)));
  })

  .post('/plans/:id/transitions', validate('param', planParam), validate('json', planTransitionSchema), async (c) => {
    const op = writeOp(c);
    const body = c.req.valid('json');
    return c.json(await transitionPlan(op, c.req.valid('param').id, withoutVersion(body), requiredVersion(c, body.version)));
  })

  .post('/plans/:id/findings', validate('param', planParam), validate('json', findingInputSchema), async (c) => {
    const op = writeOp(c);
    const { id } = c.req.valid('param');
    const body = c.req.valid('json');
    return created(c, await addFinding(op, id, body, idempotency(c, { op: 'add-finding', id, body })));
  })

  .post('/plans/:id/findings/:no/recommendations', validate('param', findingParam), validate('json', recommendationInputSchema), async (c) => {
    const op = writeOp(c);
    const { id, no } = c.req.valid('param');
    const body = c.req.valid('json');
    return created(c, await addRecommendation(op, id, no, body, idempotency(c, { op: 'add-recommendation', id, no, body })));
  })

  /** Several recommendations at once (status, deadline, responsible unit) with the versions the clerk saw: one transaction. */
  .post('/plans/:id/recommendations/bulk', validate('param', planParam), validate('json', bulkRecommendationsSchema), async (c) => {
    const op = writeOp(c);
    const body = c.req.valid('json');
    const result = await changeRecommendations(
      op,
      c.req.valid('param').id,
      body.recommendations.map((r) => ({ where: null, no: r.no, version: r.version, set: body.set })),
      { on: body.on, note: body.note, source: 'bulk' },
    );
    for (const rec of result.recommendations.filter((r) => r.status === 'resolved' && body.set.status === 'resolved'))
      await tellSupervisingBody(c, op.tenant, 'recommendation-resolved', rec, String(rec.version));
    return c.json(result);
  })

  .patch('/plans/:id/recommendations/:no', validate('param', recParam), validate('json', recommendationPatchSchema), async (c) => {
    const op = writeOp(c);
    const { id, no } = c.req.valid('param');
    const body = c.req.valid('json');
    return c.json(await updateRecommendation(op, id, no, withoutVersion(body), requiredVersion(c, body.version)));
  })

  .post('/plans/:id/recommendations/:no/responses', validate('param', recParam), validate('json', responseInputSchema), async (c) => {
    const op = writeOp(c);
    const { id, no } = c.req.valid('param');
    const body = c.req.valid('json');
    const expected = requiredVersion(c, body.version);
    const result = await recordResponse(op, id, no, withoutVersion(body), expected, idempotency(c, { op: 'respond', id, no, body, expected }));
    await tellSupervisingBody(c, op.tenant, 'recommendation-answered', result.body.recommendation, result.body.response.id);
    return created(c, result);
  })

  .post('/plans/:id/recommendations/:no/transitions', validate('param', recParam), validate('json', recommendationTransitionSchema), async (c) => {
    const op = writeOp(c);
    const { id, no } = c.req.valid('param');
    const body = c.req.valid('json');
    const result = await transitionRecommendation(op, id, no, withoutVersion(body), requiredVersion(c, body.version));
    if (result.recommendation.status === 'resolved')
      await tellSupervisingBody(c, op.tenant, 'recommendation-resolved', result.recommendation, String(result.recommendation.version));
    return c.json(result);
  })

  .get('/board', validate('query', boardQuerySchema), async (c) => {
    const q = c.req.valid('query');
    const tenant = await readTenant(c, q.locality);
    const today = vietnamToday(c.var.deps.now());
    return c.json(await getBoard(c.var.store, tenant, q.year ?? Number(today.slice(0, 4)), today, q.q));
  });

/** The supervising body's users and the plan's followers hear that a recommendation was answered or resolved. */
async function tellSupervisingBody(
  c: Context<AppEnv>,
  tenant: TenantRef,
  kind: 'recommendation-answered' | 'recommendation-resolved',
  rec: { planId: string; no: number; content: string; planTopic: string },
  key: string,
) {
  const owner = await planOwnerAgencies(c, tenant, rec.planId);
  await notifyEvent(c, tenant, {
    kind,
    record: `SUP#${rec.planId}`,
    key: `${rec.no}#${key}`,
    label: rec.content.slice(0, 200),
    context: rec.planTopic,
    link: `/supervision/plans/${rec.planId}#rec-${rec.no}`,
    agencies: owner.agencies,
  });
}
