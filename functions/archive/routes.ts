import { Hono, type Context } from 'hono';
import {
  checkQuerySchema,
  createDocumentUploadSchema,
  createVersionUploadSchema,
  deleteDocumentSchema,
  documentParamSchema,
  DOWNLOAD_URL_TTL_SECONDS,
  listDocumentsQuerySchema,
  numberCheckQuerySchema,
  readQuerySchema,
  restoreDocumentSchema,
  updateDocumentSchema,
  uploadParamSchema,
  urlQuerySchema,
  versionParamSchema,
} from '../../shared/archive/schema.js';
import type { TenantRef } from '../../shared/keys.js';
import { can } from '../../shared/roles.js';
import type { AppEnv } from '../http/env.js';
import { ProblemError } from '../http/problem.js';
import { validate } from '../http/validate.js';
import { requireAuth, requirePermission } from '../auth/middleware.js';
import { isDrillDown, notFound, readTenant, writeTenant } from '../auth/tenant-scope.js';
import { opContext } from '../store/op-context.js';
import { requiredVersion } from '../store/versioning.js';
import { findByHash, findNumberClashes, listDocuments, readDetail, readStoredVersion } from './repository.js';
import { declareVersionUpload } from './service/add-version.js';
import { completeUpload } from './service/complete-upload.js';
import type { ArchiveContext } from './service/context.js';
import { declareDocumentUpload } from './service/declare-upload.js';
import { restoreDocument } from './service/restore.js';
import { softDeleteDocument } from './service/soft-delete.js';
import { updateMetadata } from './service/update-metadata.js';
import { verifyVersion } from './service/verify-version.js';
import { presignGet } from './storage.js';
import { tenantArchive } from './tenant-storage.js';

/**
 * /api/archive — the signed-document archive (README, "Kho văn bản"). HTTP only: validation, the
 * tenant, status codes and headers. Reads are ./repository.ts (one DynamoDB request each), writes
 * ./service/<operation>.ts (one transaction each), S3 ./storage.ts. Writes take the version read from
 * `If-Match` or the body's `version`.
 */

type C = Context<AppEnv>;

/** Admin of the tenant being read (a province admin drilling into a district is not its admin). */
function isTenantAdmin(c: C, t: TenantRef): boolean {
  return can(c.var.identity.role, 'tenant:admin') && !isDrillDown(c, t);
}

/** The operation's context: the bucket through the tenant's session, and the trust anchors for signatures. */
function archiveContext(c: C, tenant: TenantRef): ArchiveContext {
  return { ...opContext(c, tenant), archive: tenantArchive(c), trustAnchorsPem: c.var.deps.trustAnchorsPem };
}

/** One version's stored object, for a URL or a check; 404 when the caller may not see it. */
async function storedVersion(c: C, t: TenantRef, id: string, n: number) {
  const item = await readStoredVersion(c.var.store, t, id, n, isTenantAdmin(c, t));
  if (!item) throw notFound();
  return item;
}

export const archiveRoutes = new Hono<AppEnv>()
  .use('*', requireAuth)

  .get('/documents', validate('query', listDocumentsQuerySchema), async (c) => {
    const q = c.req.valid('query');
    const tenant = await readTenant(c, q.locality);
    const deleted = q.deleted === 'true';
    if (deleted && !isTenantAdmin(c, tenant)) {
      throw new ProblemError('forbidden', { vi: 'Chỉ quản trị đơn vị xem được văn bản đã xoá', en: 'Only tenant admins see deleted documents' });
    }
    return c.json(await listDocuments(c.var.store, tenant, q, deleted));
  })

  /** "Does the archive hold exactly this file?" */
  .get('/check', validate('query', checkQuerySchema), async (c) => {
    const q = c.req.valid('query');
    const tenant = await readTenant(c, q.locality);
    return c.json(await findByHash(c.var.store, tenant, q.sha256, isTenantAdmin(c, tenant)));
  })

  /** Before saving: does the register already hold this number and symbol for one of these agencies? */
  .get('/number-check', validate('query', numberCheckQuerySchema), async (c) => {
    const q = c.req.valid('query');
    const tenant = await readTenant(c, q.locality);
    const agencies = (q.agencies ?? '').split('|').map((a) => a.trim());
    return c.json(await findNumberClashes(c.var.store, tenant, { numberSymbol: q.numberSymbol, agencies, excludeId: q.excludeId }));
  })

  .get('/documents/:id', validate('param', documentParamSchema), validate('query', readQuerySchema), async (c) => {
    const tenant = await readTenant(c, c.req.valid('query').locality);
    const detail = await readDetail(c.var.store, tenant, c.req.valid('param').id);
    if (!detail || (detail.deleted && !isTenantAdmin(c, tenant))) throw notFound();
    c.header('ETag', `"${detail.version}"`);
    return c.json(detail);
  })

  /** Preview (inline) or download (attachment): a short-lived presigned GET, never the bytes. */
  .get('/documents/:id/versions/:n/url', validate('param', versionParamSchema), validate('query', urlQuerySchema), async (c) => {
    const { id, n } = c.req.valid('param');
    const q = c.req.valid('query');
    const tenant = await readTenant(c, q.locality);
    const version = await storedVersion(c, tenant, id, n);
    const now = c.var.deps.now();
    const file = {
      fileName: version.fileName as string,
      contentType: version.contentType as string,
      disposition: q.disposition,
      versionId: version.s3VersionId as string | undefined,
    };
    const url = await presignGet(tenantArchive(c), version.s3Key as string, file, { now, expiresIn: DOWNLOAD_URL_TTL_SECONDS });
    return c.json({ url, expiresAt: new Date(now.getTime() + DOWNLOAD_URL_TTL_SECONDS * 1000).toISOString() });
  })

  /**
   * Re-reads the stored (pinned) object, compares its SHA-256 with the one recorded at upload and
   * re-checks a PDF's signatures; an editor of the tenant stores the new signature check (audited).
   */
  .post('/documents/:id/versions/:n/verify', validate('param', versionParamSchema), validate('query', readQuerySchema), async (c) => {
    const { id, n } = c.req.valid('param');
    const tenant = await readTenant(c, c.req.valid('query').locality);
    const version = await storedVersion(c, tenant, id, n);
    const persist = can(c.var.identity.role, 'tenant:write') && !isDrillDown(c, tenant);
    return c.json(await verifyVersion(archiveContext(c, tenant), id, version, persist));
  })

  // Uploads: declare → presigned PUT straight to S3 → complete.
  .post('/uploads', validate('json', createDocumentUploadSchema), async (c) => {
    const ticket = await declareDocumentUpload(archiveContext(c, writeTenant(c)), c.req.valid('json'));
    return c.json(ticket, 201);
  })

  .post('/documents/:id/uploads', validate('param', documentParamSchema), validate('json', createVersionUploadSchema), async (c) => {
    const tenant = writeTenant(c);
    const { version, ...input } = c.req.valid('json');
    const expected = requiredVersion(c, version);
    return c.json(await declareVersionUpload(archiveContext(c, tenant), c.req.valid('param').id, input, expected), 201);
  })

  .post('/uploads/:uploadId/complete', validate('param', uploadParamSchema), async (c) => {
    const result = await completeUpload(archiveContext(c, writeTenant(c)), c.req.valid('param').uploadId);
    return c.json(result.detail, result.replayed ? 200 : 201);
  })

  // Metadata corrections, soft delete, restore.
  .patch('/documents/:id', validate('param', documentParamSchema), validate('json', updateDocumentSchema), async (c) => {
    const tenant = writeTenant(c);
    const { version, ...patch } = c.req.valid('json');
    const expected = requiredVersion(c, version);
    return c.json(await updateMetadata(opContext(c, tenant), c.req.valid('param').id, patch, expected));
  })

  .delete('/documents/:id', requirePermission('tenant:admin'), validate('param', documentParamSchema), validate('json', deleteDocumentSchema), async (c) => {
    const tenant = writeTenant(c);
    const { version, reason } = c.req.valid('json');
    const expected = requiredVersion(c, version);
    return c.json(await softDeleteDocument(opContext(c, tenant), c.req.valid('param').id, reason, expected));
  })

  .post(
    '/documents/:id/restore',
    requirePermission('tenant:admin'),
    validate('param', documentParamSchema),
    validate('json', restoreDocumentSchema),
    async (c) => {
      const tenant = writeTenant(c);
      const { version, reason } = c.req.valid('json');
      const expected = requiredVersion(c, version);
      return c.json(await restoreDocument(opContext(c, tenant), c.req.valid('param').id, reason, expected));
    },
  );
