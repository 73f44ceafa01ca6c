import type { Context } from 'hono';
import type { AppEnv } from '../http/env.js';
import type { ArchiveStorage } from './storage.js';

/**
 * The archive bucket as the request's tenant session sees it. On AWS (`tenantAccess` set) every
 * presign, read, copy and delete of a tenant's objects signs with the credentials of the session
 * the request's store uses — the tenant role, whose policy allows only that tenant's prefix
 * (`01/00103/*`, `incoming/01/00103/*`; province staff read `19/*`) — so a bug that builds another
 * tenant's key is refused by S3, as DynamoDB refuses another tenant's partition. The function's
 * own credentials are never used for tenant objects: without a session the call fails.
 * Locally (no tenant role) the one client of the local S3-compatible server is used.
 */
export function tenantArchive(c: Context<AppEnv>): ArchiveStorage {
  const access = c.var.deps.tenantAccess;
  if (!access) return c.var.deps.archive;
  const tags = c.var.sessionTags;
  if (!tags) throw new Error('archive: no tenant session for this request');
  return { bucket: c.var.deps.archive.bucket, client: () => access.s3ForTags(tags) };
}
