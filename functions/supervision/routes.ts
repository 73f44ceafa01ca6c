import { Hono, type Context } from 'hono';
import * as z from 'zod';
import { bilingual } from '../../shared/problem.js';
import { vietnamToday } from '../../shared/supervision/rules.js';
import {
  boardQuerySchema,
  findingInputSchema,
  planInputSchema,
  planListQuerySchema,
  planPatchSchema,
  planTransitionSchema,
  recommendationInputSchema,
  recommendationPatchSchema,
  recommendationTransitionSchema,
  recordIdSchema,
  responseInputSchema,
} from '../../shared/supervision/schema.js';
import type { AppEnv } from '../api/env.js';
import { ProblemError } from '../api/problem.js';
import { validate } from '../api/validate.js';
import { requireAuth } from '../auth/middleware.js';
import { versionFromIfMatch } from '../store/versioning.js';
import { readTenant, writeTenant } from '../auth/tenant-scope.js';
import { getBoard, getPlanDetail, listPlans } from './repository.js';
import {
  addFinding,
  addRecommendation,
  createPlan,
  recordResponse,
  transitionPlan,
  transitionRecommendation,
  updatePlan,
  updateRecommendation,
  type WriteCtx,
} from './service.js';

/**
 * /api/supervision — plans, findings, recommendations, responses and the follow-up board.
 * Reads use `readTenant` (own tenant, or a province's read-only drill-down `?locality=NNN`); writes
 * use `writeTenant` (always the caller's own tenant). Every read is one DynamoDB Query.
 */

const planParam = z.strictObject({ id: recordIdSchema });
const number = z.coerce.number().int().min(1, bilingual('Số thứ tự không hợp lệ', 'Invalid number')).max(999, bilingual('Số thứ tự không hợp lệ', 'Invalid number'));
const findingParam = z.strictObject({ id: recordIdSchema, no: number });
const recParam = z.strictObject({ id: recordIdSchema, no: number });
const districtOnly = z.strictObject({ locality: z.string().optional() });

/** Drill-down is read-only: a write naming another district is refused rather than silently applied to the caller's own tenant. */
function writeCtx(c: Context<AppEnv>): WriteCtx {
  const district = c.req.query('locality');
  if (district !== undefined && district !== '' && district !== c.var.identity.localityCode) {
    throw new ProblemError('forbidden', { vi: 'Xem dữ liệu quận, huyện khác chỉ được đọc', en: 'Drill-down into another district is read-only' });
  }
  return { store: c.var.store, tenant: writeTenant(c), actor: c.var.identity, now: c.var.deps.now() };
}

/** The version the client read: `If-Match` header or `version` in the body; one of them is required. */
function expectedVersion(c: Context<AppEnv>, bodyVersion: number | undefined): number {
  const header = c.req.header('if-match');
  const fromHeader = versionFromIfMatch(header);
  if (header !== undefined && fromHeader === null) {
    throw new ProblemError('validation', { vi: 'If-Match không hợp lệ', en: 'Invalid If-Match header' }, [
      { field: 'If-Match', in: 'header', code: 'invalid_format', message_vi: 'Dạng "3" (số phiên bản)', message_en: 'Form "3" (the version number)' },
    ]);
  }
  const v = fromHeader ?? bodyVersion;
  if (v === undefined) {
    throw new ProblemError('validation', { vi: 'Vui lòng kiểm tra các trường được nêu', en: 'Check the fields listed in errors' }, [
      {
        field: 'version',
        in: 'body',
        code: 'invalid_type',
        message_vi: 'Cần số phiên bản đã đọc (version hoặc tiêu đề If-Match)',
        message_en: 'The version you read is required (version or If-Match header)',
      },
    ]);
  }
  return v;
}

function created<T>(c: Context<AppEnv>, r: { status: number; body: T; replayed: boolean }) {
  if (r.replayed) c.header('idempotent-replayed', 'true');
  return c.json(r.body as object, r.status as 201);
}

function strip<T extends { version?: number }>(body: T): Omit<T, 'version'> {
  const { version: _v, ...rest } = body;
  return rest;
}

export const supervisionRoutes = new Hono<AppEnv>()
  .use('*', requireAuth)

  .get('/plans', validate('query', planListQuerySchema), async (c) => {
    const q = c.req.valid('query');
    const tenant = await readTenant(c, q.locality);
    return c.json(await listPlans(c.var.store, tenant, q, vietnamToday(c.var.deps.now())));
  })

  .post('/plans', validate('json', planInputSchema), async (c) => {
    const w = writeCtx(c);
    const body = c.req.valid('json');
    const r = await createPlan(w, body, { key: c.req.header('idempotency-key'), request: { op: 'create-plan', body } });
    c.header('location', `/api/supervision/plans/${(r.body as { plan: { id: string } }).plan.id}`);
    return created(c, r);
  })

  .get('/plans/:id', validate('param', planParam), validate('query', districtOnly), async (c) => {
    const { id } = c.req.valid('param');
    const tenant = await readTenant(c, c.req.valid('query').locality);
    const detail = await getPlanDetail(c.var.store, tenant, id, vietnamToday(c.var.deps.now()));
    c.header('etag', `"${detail.plan.version}"`);
    return c.json(detail);
  })

  .patch('/plans/:id', validate('param', planParam), validate('json', planPatchSchema), async (c) => {
    const w = writeCtx(c);
    const body = c.req.valid('json');
    return c.json(await updatePlan(w, c.req.valid('param').id, strip(body), expectedVersion(c, body.version)));
  })

  .post('/plans/:id/transitions', validate('param', planParam), validate('json', planTransitionSchema), async (c) => {
    const w = writeCtx(c);
    const body = c.req.valid('json');
    return c.json(await transitionPlan(w, c.req.valid('param').id, strip(body), expectedVersion(c, body.version)));
  })

  .post('/plans/:id/findings', validate('param', planParam), validate('json', findingInputSchema), async (c) => {
    const w = writeCtx(c);
    const { id } = c.req.valid('param');
    const body = c.req.valid('json');
    return created(c, await addFinding(w, id, body, { key: c.req.header('idempotency-key'), request: { op: 'add-finding', id, body } }));
  })

  .post('/plans/:id/findings/:no/recommendations', validate('param', findingParam), validate('json', recommendationInputSchema), async (c) => {
    const w = writeCtx(c);
    const { id, no } = c.req.valid('param');
    const body = c.req.valid('json');
    return created(c, await addRecommendation(w, id, no, body, { key: c.req.header('idempotency-key'), request: { op: 'add-recommendation', id, no, body } }));
  })

  .patch('/plans/:id/recommendations/:no', validate('param', recParam), validate('json', recommendationPatchSchema), async (c) => {
    const w = writeCtx(c);
    const { id, no } = c.req.valid('param');
    const body = c.req.valid('json');
    return c.json(await updateRecommendation(w, id, no, strip(body), expectedVersion(c, body.version)));
  })

  .post('/plans/:id/recommendations/:no/responses', validate('param', recParam), validate('json', responseInputSchema), async (c) => {
    const w = writeCtx(c);
    const { id, no } = c.req.valid('param');
    const body = c.req.valid('json');
    const expected = expectedVersion(c, body.version);
    return created(c, await recordResponse(w, id, no, strip(body), expected, { key: c.req.header('idempotency-key'), request: { op: 'respond', id, no, body, expected } }));
  })

  .post('/plans/:id/recommendations/:no/transitions', validate('param', recParam), validate('json', recommendationTransitionSchema), async (c) => {
    const w = writeCtx(c);
    const { id, no } = c.req.valid('param');
    const body = c.req.valid('json');
    return c.json(await transitionRecommendation(w, id, no, strip(body), expectedVersion(c, body.version)));
  })

  .get('/board', validate('query', boardQuerySchema), async (c) => {
    const q = c.req.valid('query');
    const tenant = await readTenant(c, q.locality);
    const today = vietnamToday(c.var.deps.now());
    return c.json(await getBoard(c.var.store, tenant, q.year ?? Number(today.slice(0, 4)), today, q.q));
  });
