import { Hono, type Context } from 'hono';
import * as z from 'zod';
import { wholeNumberQuery } from '../../shared/query.js';
import {
  agreementContentSchema,
  agreementIdSchema,
  amendInputSchema,
  fullTitle,
  listQuerySchema,
  periodLabel,
  progressInputSchema,
  reviewInputSchema,
  reviewPeriodSchema,
  reviewTitle,
  signInputSchema,
  transitionInputSchema,
  updateAgreementSchema,
} from '../../shared/agreements/schema.js';
import { levelOfLocality } from '../../shared/agreements/parties.js';
import { predecessorDistrict } from '../../shared/localities/index.js';
import type { AppEnv } from '../http/env.js';
import { validate } from '../http/validate.js';
import { requireAuth } from '../auth/middleware.js';
import { expectedVersion, requiredVersion } from '../store/versioning.js';
import { opContext } from '../store/op-context.js';
import { readTenant, writeTenant } from '../auth/tenant-scope.js';
import { tenantPrefix as tenantPrefixOf, type TenantRef } from '../../shared/keys.js';
import { checkParties, checkSignatories, resolveContinues } from './level-rules.js';
import { listAgreements, readDetail } from './repository.js';
import { amendAgreement } from './service/amend.js';
import { agreementNotFound } from './service/context.js';
import { createAgreement } from './service/create.js';
import { updateProgress } from './service/progress.js';
import { deleteDraft } from './service/remove.js';
import { putReview } from './service/review.js';
import { signAgreement } from './service/sign.js';
import { transitionAgreement } from './service/transition.js';
import { updateDraft } from './service/update.js';
import { notifyEvent } from '../reminders/events.js';
import type { AgreementSummary } from '../../shared/agreements/schema.js';

/**
 * /api/agreements — coordination regulations, programs and plans (issue #4).
 * Reads use `readTenant` (own tenant, or a province's read-only drill-down `?locality=NNN`) and cost
 * ONE DynamoDB request each; writes use `writeTenant` (always the caller's own tenant) and are single
 * transactions with their audit record.
 */

const idParam = z.object({ id: agreementIdSchema });
const itemParam = idParam.extend({ no: wholeNumberQuery({ vi: 'Số nội dung', en: 'The item number' }, 1, 999) });
const reviewParam = idParam.extend({ period: reviewPeriodSchema });
const readQuery = z.strictObject({ locality: z.string().optional() });

const op = opContext;

/** The Decree 30 .docx writer (the `docx` library) loads on the first export, not at every cold start. */
const exportDocx = () => import('./export-docx.js');

async function docxResponse(c: Context<AppEnv>, buf: Buffer, base: string) {
  const { docxFileName, DOCX_MIME } = await exportDocx();
  const name = docxFileName(base);
  return c.body(new Uint8Array(buf), 200, {
    'content-type': DOCX_MIME,
    'content-disposition': `attachment; filename="${name.ascii}"; filename*=UTF-8''${encodeURIComponent(name.utf8)}`,
    'cache-control': 'no-store',
  });
}

export const agreementRoutes = new Hono<AppEnv>()
  .use('*', requireAuth)

  .get('/', validate('query', listQuerySchema), async (c) => {
    const q = c.req.valid('query');
    const tenant = await readTenant(c, q.locality);
    return c.json(await listAgreements(c.var.store, tenant, q, c.var.deps.now()));
  })

  .post('/', validate('json', agreementContentSchema), async (c) => {
    const tenant = writeTenant(c);
    const content = c.req.valid('json');
    checkParties(tenant, content);
    const continues = await resolveContinues(c, tenant, content.continues);
    const result = await createAgreement(op(c, tenant), content, c.req.header('idempotency-key'), continues);
    const a = result.body.agreement;
    c.header('location', `/api/agreements/${a.id}`);
    c.header('etag', `"${a.version}"`);
    if (result.replayed) c.header('idempotent-replayed', 'true');
    return c.json(result.body, result.status as 201);
  })

  /**
   * What a new program or regulation of the caller's commune may continue: its predecessor district
   * (from the reference data) and that district's programs and regulations (one Query, read-only
   * through the history session). Other tenants get `predecessor: null` and no items.
   */
  .get('/continuable', async (c) => {
    const own = writeTenant(c);
    const predecessor = own.localityCode && levelOfLocality(own.localityCode) === 'commune' ? predecessorDistrict(own.localityCode) : undefined;
    if (!predecessor) return c.json({ predecessor: null, items: [] });
    const tenant = await readTenant(c, predecessor.code);
    const list = await listAgreements(c.var.store, tenant, listQuerySchema.parse({ limit: '100' }), c.var.deps.now());
    return c.json({
      predecessor: { provinceCode: predecessor.provinceCode, localityCode: predecessor.code, name: predecessor.name },
      items: list.items
        .filter((a) => a.kind !== 'plan')
        .map((a) => ({ id: a.id, kind: a.kind, number: a.number, title: a.title, period: periodLabel(a), status: a.status })),
    });
  })

  .get('/:id', validate('param', idParam), validate('query', readQuery), async (c) => {
    const tenant = await readTenant(c, c.req.valid('query').locality);
    const detail = await readDetail(c.var.store, tenant, c.req.valid('param').id, c.var.deps.now());
    if (!detail) throw agreementNotFound();
    c.header('etag', `"${detail.agreement.version}"`);
    return c.json(detail);
  })

  .put('/:id', validate('param', idParam), validate('json', updateAgreementSchema), async (c) => {
    const tenant = writeTenant(c);
    const { version, ...content } = c.req.valid('json');
    checkParties(tenant, content);
    const continues = await resolveContinues(c, tenant, content.continues);
    const result = await updateDraft(op(c, tenant), c.req.valid('param').id, content, requiredVersion(c, version), continues);
    c.header('etag', `"${result.agreement.version}"`);
    return c.json(result);
  })

  .delete('/:id', validate('param', idParam), async (c) => {
    const tenant = writeTenant(c);
    await deleteDraft(op(c, tenant), c.req.valid('param').id, requiredVersion(c, undefined));
    return c.body(null, 204);
  })

  .post('/:id/sign', validate('param', idParam), validate('json', signInputSchema), async (c) => {
    const tenant = writeTenant(c);
    const input = c.req.valid('json');
    checkSignatories(tenant, input);
    const result = await signAgreement(op(c, tenant), c.req.valid('param').id, input, requiredVersion(c, input.version));
    await tellFollowers(c, tenant, result.agreement, 'agreement-signed');
    if (result.agreement.amends) await tellFollowers(c, tenant, result.agreement, 'agreement-amended', result.agreement.amends.id);
    c.header('etag', `"${result.agreement.version}"`);
    return c.json(result);
  })

  .post('/:id/status', validate('param', idParam), validate('json', transitionInputSchema), async (c) => {
    const tenant = writeTenant(c);
    const input = c.req.valid('json');
    const result = await transitionAgreement(op(c, tenant), c.req.valid('param').id, input, requiredVersion(c, input.version));
    if (input.to === 'in_force') await tellFollowers(c, tenant, result.agreement, 'agreement-in-force');
    c.header('etag', `"${result.agreement.version}"`);
    return c.json(result);
  })

  .post('/:id/amendments', validate('param', idParam), validate('json', amendInputSchema), async (c) => {
    const tenant = writeTenant(c);
    const input = c.req.valid('json');
    const result = await amendAgreement(
      op(c, tenant),
      c.req.valid('param').id,
      input.reason,
      requiredVersion(c, input.version),
      c.req.header('idempotency-key'),
    );
    c.header('location', `/api/agreements/${result.body.agreement.id}`);
    if (result.replayed) c.header('idempotent-replayed', 'true');
    return c.json(result.body, result.status as 201);
  })

  .patch('/:id/items/:no', validate('param', itemParam), validate('json', progressInputSchema), async (c) => {
    const tenant = writeTenant(c);
    const { id, no } = c.req.valid('param');
    const input = c.req.valid('json');
    const result = await updateProgress(op(c, tenant), id, no, input, requiredVersion(c, input.version));
    const header = await c.var.store.get({
      Key: { PK: `${tenantPrefixOf(tenant)}#AGR#${id}`, SK: 'A' },
      ProjectionExpression: '#n, title, itemIndex',
      ExpressionAttributeNames: { '#n': 'number' },
    });
    const entry = (header?.itemIndex as Record<string, { t?: string }> | undefined)?.[String(no).padStart(3, '0')];
    await notifyEvent(c, tenant, {
      kind: 'item-progress',
      record: `AGR#${id}`,
      key: `${no}#${result.item.version}`,
      label: `${entry?.t ?? `Nội dung ${no}`} — ${result.item.progress}%`,
      context: [header?.number, header?.title].filter(Boolean).join(' '),
      link: `/agreements/${id}#item-${no}`,
    });
    c.header('etag', `"${result.item.version}"`);
    return c.json(result);
  })

  .put('/:id/reviews/:period', validate('param', reviewParam), validate('json', reviewInputSchema), async (c) => {
    const tenant = writeTenant(c);
    const { id, period } = c.req.valid('param');
    const input = c.req.valid('json');
    const result = await putReview(op(c, tenant), id, period, input, expectedVersion(c, input.version));
    await notifyEvent(c, tenant, {
      kind: 'review-recorded',
      record: `AGR#${id}`,
      key: `${period}#${result.review.version}`,
      label: reviewTitle(period),
      context: '',
      link: `/agreements/${id}/reviews/${period}`,
    });
    c.header('etag', `"${result.review.version}"`);
    return c.json({ review: result.review }, result.created ? 201 : 200);
  })

  .get('/:id/export.docx', validate('param', idParam), validate('query', readQuery), async (c) => {
    const tenant = await readTenant(c, c.req.valid('query').locality);
    const detail = await readDetail(c.var.store, tenant, c.req.valid('param').id, c.var.deps.now());
    if (!detail) throw agreementNotFound();
    return docxResponse(c, await (await exportDocx()).agreementDocx(detail, tenant), fullTitle(detail.agreement));
  })

  .get('/:id/reviews/:period/export.docx', validate('param', reviewParam), validate('query', readQuery), async (c) => {
    const tenant = await readTenant(c, c.req.valid('query').locality);
    const { id, period } = c.req.valid('param');
    const detail = await readDetail(c.var.store, tenant, id, c.var.deps.now());
    const review = detail?.reviews.find((r) => r.period === period);
    if (!detail || !review) throw agreementNotFound();
    return docxResponse(c, await (await exportDocx()).reviewDocx(detail, review, tenant), `${reviewTitle(period)} - ${fullTitle(detail.agreement)}`);
  });

/** Followers of the agreement (or of the one it amends) hear that it was signed, amended or is in force. */
function tellFollowers(
  c: Context<AppEnv>,
  tenant: TenantRef,
  a: AgreementSummary,
  kind: 'agreement-signed' | 'agreement-amended' | 'agreement-in-force',
  recordId = a.id,
) {
  return notifyEvent(c, tenant, {
    kind,
    record: `AGR#${recordId}`,
    key: `${a.id}#${a.version}`,
    label: [a.number, a.title].filter(Boolean).join(' '),
    context: '',
    link: `/agreements/${a.id}`,
  });
}
