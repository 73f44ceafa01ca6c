import { Hono, type Context } from 'hono';
import * as z from 'zod';
import { agreementIdSchema } from '../../shared/agreements/schema.js';
import { reviewPeriodSchema } from '../../shared/agreements/review.js';
import { vietnamToday } from '../../shared/dates.js';
import { bulkItemsSchema, type RecordSheetPreview, type SheetPreview } from '../../shared/imports/schema.js';
import { recordIdSchema } from '../../shared/supervision/schema.js';
import { getPlanDetail } from '../supervision/repository.js';
import type { TenantRef } from '../../shared/keys.js';
import { readDetail } from '../agreements/repository.js';
import { agreementNotFound } from '../agreements/service/context.js';
import { readTenant, writeTenant } from '../auth/tenant-scope.js';
import type { AppEnv } from '../http/env.js';
import { ProblemError } from '../http/problem.js';
import { validate } from '../http/validate.js';
import { opContext } from '../store/op-context.js';
import { versionFromIfMatch } from '../store/versioning.js';

/**
 * Program and plan items as a spreadsheet, both ways with one template: export, template, preview of
 * an import (nothing written), apply (all or nothing), and bulk changes from the list. The readers
 * and writers load on first use.
 */

const idParam = z.object({ id: agreementIdSchema });
const formatQuery = z.strictObject({ format: z.enum(['xlsx', 'csv']).default('xlsx'), locality: z.string().optional() });
const sheet = () => import('./items-sheet.js');
const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function tableResponse(c: Context<AppEnv>, table: import('../export/table-export.js').Table, format: 'xlsx' | 'csv', base: string) {
  const { toCsv, toXlsx } = await import('../export/table-export.js');
  const headers = { 'content-disposition': `attachment; filename="${base}.${format}"`, 'cache-control': 'no-store' };
  if (format === 'csv') return c.body(toCsv(table), 200, { ...headers, 'content-type': 'text/csv; charset=utf-8' });
  return c.body(toXlsx(table) as Uint8Array<ArrayBuffer>, 200, { ...headers, 'content-type': XLSX_MIME });
}

async function bodyGrid(c: Context<AppEnv>) {
  const bytes = new Uint8Array(await c.req.arrayBuffer());
  if (!bytes.byteLength) {
    throw new ProblemError('validation', { vi: 'Chưa chọn tệp', en: 'No file sent' }, [
      { field: 'file', in: 'body', code: 'required', message_vi: 'Chọn tệp Excel (.xlsx) hoặc CSV', message_en: 'Choose an Excel (.xlsx) or CSV file' },
    ]);
  }
  return (await import('./sheet-read.js')).readSheet(bytes);
}

async function rowsOfBody(c: Context<AppEnv>) {
  const grid = await bodyGrid(c);
  return (await sheet()).readItemRows(grid);
}

async function preview(c: Context<AppEnv>, id: string, rows: Awaited<ReturnType<typeof rowsOfBody>>, applied: boolean): Promise<SheetPreview> {
  const d = await readDetail(c.var.store, writeTenant(c), id, c.var.deps.now());
  if (!d) throw agreementNotFound();
  const { previewOf } = await sheet();
  return { agreementId: id, agreementVersion: d.agreement.version, rows: rows.length, ...previewOf(rows, d), applied };
}

const reviewParam = idParam.extend({ period: reviewPeriodSchema });
const planParam = z.object({ id: recordIdSchema });
const reviewSheet = () => import('./review-results-sheet.js');
const recSheet = () => import('./recommendations-sheet.js');

/** The agreement and its review of that period, or 404 (a review is written on its own page first). */
async function reviewOf(c: Context<AppEnv>, tenant: TenantRef, id: string, period: string) {
  const d = await readDetail(c.var.store, tenant, id, c.var.deps.now());
  const review = d?.reviews.find((r) => r.period === period);
  if (!d || !review) {
    throw new ProblemError('not-found', {
      vi: 'Không tìm thấy báo cáo sơ kết, tổng kết của kỳ này (hãy tạo báo cáo trước)',
      en: 'No review for this period (create the review first)',
    });
  }
  return { d, review };
}

async function planRecommendations(c: Context<AppEnv>, tenant: TenantRef, id: string) {
  const detail = await getPlanDetail(c.var.store, tenant, id, vietnamToday(c.var.deps.now()));
  const recs = detail.findings.flatMap((f) => f.recommendations).sort((a, b) => a.no - b.no);
  return { plan: detail.plan, recs, byNo: new Map(recs.map((r) => [r.no, r])) };
}

export const sheetRoutes = new Hono<AppEnv>()
  .get('/templates/items', validate('query', formatQuery), async (c) => {
    writeTenant(c);
    return tableResponse(c, (await sheet()).itemsTable(null), c.req.valid('query').format, 'mau-noi-dung-phoi-hop');
  })

  .get('/agreements/:id/items', validate('param', idParam), validate('query', formatQuery), async (c) => {
    const q = c.req.valid('query');
    const tenant = await readTenant(c, q.locality);
    const d = await readDetail(c.var.store, tenant, c.req.valid('param').id, c.var.deps.now());
    if (!d) throw agreementNotFound();
    return tableResponse(c, (await sheet()).itemsTable(d), q.format, `noi-dung-${d.agreement.year ?? d.agreement.id}`);
  })

  /** What the file would create or change; nothing is written. */
  .post('/agreements/:id/items/preview', validate('param', idParam), async (c) => {
    const rows = await rowsOfBody(c);
    return c.json(await preview(c, c.req.valid('param').id, rows, false));
  })

  /** The same file applied: all rows in one transaction, or none. `If-Match`: the draft's version read with the preview. */
  .post('/agreements/:id/items/apply', validate('param', idParam), async (c) => {
    const tenant = writeTenant(c);
    const id = c.req.valid('param').id;
    const rows = await rowsOfBody(c);
    const before = await preview(c, id, rows, false);
    const { applyItemRows } = await import('../agreements/service/apply-items.js');
    const r = await applyItemRows(opContext(c, tenant), id, rows, versionFromIfMatch(c.req.header('if-match')));
    return c.json({ ...before, agreementVersion: r.agreementVersion, applied: r.changed > 0 } satisfies SheetPreview);
  })

  /** Several items at once: status, deadline or lead, with the item versions the clerk saw. */
  .post('/agreements/:id/items/bulk', validate('param', idParam), validate('json', bulkItemsSchema), async (c) => {
    const tenant = writeTenant(c);
    const id = c.req.valid('param').id;
    const input = c.req.valid('json');
    const d = await readDetail(c.var.store, tenant, id, c.var.deps.now());
    if (!d) throw agreementNotFound();
    const byNo = new Map(d.items.map((i) => [i.no, i]));
    const missing = input.items.filter((i) => !byNo.has(i.no));
    if (missing.length) throw agreementNotFound();
    const rows = input.items.map(({ no, version }) => {
      const cur = byNo.get(no)!;
      const status = input.set.status ?? cur.status;
      const progress =
        input.set.status === undefined || input.set.status === cur.status
          ? cur.progress
          : status === 'done'
            ? 100
            : status === 'not_started'
              ? 0
              : cur.progress;
      return {
        // Row 0: not a sheet row; errors name the item by number and title.
        row: 0,
        no,
        version,
        title: cur.title,
        description: cur.description,
        lead: input.set.lead !== undefined ? input.set.lead : cur.lead,
        cooperating: cur.cooperating,
        due: input.set.due !== undefined ? input.set.due : cur.due,
        status,
        progress,
      };
    });
    const { applyItemRows } = await import('../agreements/service/apply-items.js');
    return c.json(await applyItemRows(opContext(c, tenant), id, rows, input.version ?? null));
  });

/** Reviews' per-item results (sơ kết / tổng kết) and supervision recommendations: the same path as the items. */
export const recordSheetRoutes = new Hono<AppEnv>()
  .get('/templates/review-results', validate('query', formatQuery), async (c) => {
    writeTenant(c);
    return tableResponse(c, (await reviewSheet()).reviewResultsTable(null, null), c.req.valid('query').format, 'mau-ket-qua-so-ket-tong-ket');
  })

  .get('/agreements/:id/reviews/:period/results', validate('param', reviewParam), validate('query', formatQuery), async (c) => {
    const q = c.req.valid('query');
    const { id, period } = c.req.valid('param');
    const { d, review } = await reviewOf(c, await readTenant(c, q.locality), id, period);
    return tableResponse(c, (await reviewSheet()).reviewResultsTable(d, review), q.format, `ket-qua-${period}`);
  })

  /** What the file would change in the review; nothing is written. */
  .post('/agreements/:id/reviews/:period/results/preview', validate('param', reviewParam), async (c) => {
    const { id, period } = c.req.valid('param');
    const grid = await bodyGrid(c);
    const m = await reviewSheet();
    const rows = m.readReviewResultRows(grid);
    const { d, review } = await reviewOf(c, writeTenant(c), id, period);
    const { changes, unchanged } = m.planReviewResults(rows, d, review);
    return c.json({ recordId: id, version: review.version, rows: rows.length, changes, unchanged, applied: false } satisfies RecordSheetPreview);
  })

  /** The same file applied: one write of the review (one transaction, one audit entry), or nothing. */
  .post('/agreements/:id/reviews/:period/results/apply', validate('param', reviewParam), async (c) => {
    const tenant = writeTenant(c);
    const { id, period } = c.req.valid('param');
    const grid = await bodyGrid(c);
    const m = await reviewSheet();
    const rows = m.readReviewResultRows(grid);
    const { d, review } = await reviewOf(c, tenant, id, period);
    const { changes, unchanged, itemResults } = m.planReviewResults(rows, d, review);
    let version = review.version;
    if (changes.length) {
      const { applyReviewResults } = await import('../agreements/service/review-results.js');
      version = (await applyReviewResults(opContext(c, tenant), id, review, itemResults)).review.version;
    }
    return c.json({ recordId: id, version, rows: rows.length, changes, unchanged, applied: changes.length > 0 } satisfies RecordSheetPreview);
  })

  .get('/templates/recommendations', validate('query', formatQuery), async (c) => {
    writeTenant(c);
    return tableResponse(c, (await recSheet()).recommendationsTable(null), c.req.valid('query').format, 'mau-kien-nghi-giam-sat');
  })

  .get('/plans/:id/recommendations', validate('param', planParam), validate('query', formatQuery), async (c) => {
    const q = c.req.valid('query');
    const { recs } = await planRecommendations(c, await readTenant(c, q.locality), c.req.valid('param').id);
    return tableResponse(c, (await recSheet()).recommendationsTable(recs), q.format, 'kien-nghi-giam-sat');
  })

  /** What the file would create or change among the plan's recommendations; nothing is written. */
  .post('/plans/:id/recommendations/preview', validate('param', planParam), async (c) => {
    const id = c.req.valid('param').id;
    const grid = await bodyGrid(c);
    const m = await recSheet();
    const rows = m.readRecommendationRows(grid);
    const { plan, byNo } = await planRecommendations(c, writeTenant(c), id);
    return c.json({
      recordId: id,
      version: plan.version,
      rows: rows.length,
      ...m.previewOfRecommendations(rows, byNo),
      applied: false,
    } satisfies RecordSheetPreview);
  })

  /** The same file applied: every changed or new recommendation in one transaction, or none. */
  .post('/plans/:id/recommendations/apply', validate('param', planParam), async (c) => {
    const tenant = writeTenant(c);
    const id = c.req.valid('param').id;
    const grid = await bodyGrid(c);
    const m = await recSheet();
    const rows = m.readRecommendationRows(grid);
    const { plan, byNo } = await planRecommendations(c, tenant, id);
    const preview = m.previewOfRecommendations(rows, byNo);
    const { changeRecommendations } = await import('../supervision/service/change-recommendations.js');
    const r = await changeRecommendations(opContext(c, tenant), id, m.changesOf(rows, byNo), { source: 'sheet' });
    return c.json({ recordId: id, version: plan.version, rows: rows.length, ...preview, applied: r.changed > 0 } satisfies RecordSheetPreview);
  });
