import { Hono } from 'hono';
import * as z from 'zod';
import { fromArchiveSchema, MAX_DIRECT_UPLOAD_BYTES } from '../../shared/imports/schema.js';
import { requireAuth } from '../auth/middleware.js';
import { notFound, writeTenant } from '../auth/tenant-scope.js';
import type { AppEnv } from '../http/env.js';
import { ProblemError } from '../http/problem.js';
import { validate } from '../http/validate.js';
import { readArchivedBytes } from './archive-source.js';
import { recordSheetRoutes, sheetRoutes } from './sheet-routes.js';

/**
 * /api/imports — bringing existing documents in (#18). Reading a document proposes a draft and
 * writes nothing; the clerk saves the corrected proposal through POST /api/agreements.
 */

const fileQuery = z.strictObject({ fileName: z.string().trim().min(1).max(255).default('van-ban') });
const readService = () => import('./read-document.js');

export const importRoutes = new Hono<AppEnv>()
  .use('*', requireAuth)
  .route('/', sheetRoutes)
  .route('/', recordSheetRoutes)

  /** The file itself as the body (application/octet-stream, at most 1 MB: larger files go through the archive). */
  .post('/documents', validate('query', fileQuery), async (c) => {
    const tenant = writeTenant(c);
    const bytes = new Uint8Array(await c.req.arrayBuffer());
    if (bytes.byteLength === 0) {
      throw new ProblemError('validation', { vi: 'Chưa chọn tệp', en: 'No file sent' }, [
        { field: 'file', in: 'body', code: 'required', message_vi: 'Chọn tệp Word hoặc PDF', message_en: 'Choose a Word or PDF file' },
      ]);
    }
    if (bytes.byteLength > MAX_DIRECT_UPLOAD_BYTES) {
      const vi = 'Tệp lớn hơn 1 MB: hãy đưa vào kho văn bản rồi chọn từ kho';
      const en = 'File over 1 MB: upload it to the archive and pick it there';
      throw new ProblemError('too-large', { vi, en }, [{ field: 'file', in: 'body', code: 'too_large', message_vi: vi, message_en: en }]);
    }
    const { proposeFromDocument } = await readService();
    return c.json(await proposeFromDocument(bytes, { fileName: c.req.valid('query').fileName, documentId: null }, tenant));
  })

  /** A document already in the caller's archive (any size the archive accepts). */
  .post('/documents/from-archive', validate('json', fromArchiveSchema), async (c) => {
    const tenant = writeTenant(c);
    const { documentId, versionNo } = c.req.valid('json');
    const file = await readArchivedBytes(c, tenant, documentId, versionNo);
    if (!file) throw notFound();
    const { proposeFromDocument } = await readService();
    return c.json(await proposeFromDocument(file.bytes, { fileName: file.fileName, documentId }, tenant));
  });
