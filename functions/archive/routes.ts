import type { Context } from 'hono';
import { Hono } from 'hono';
import {
  checkQuerySchema,
  createDocumentUploadSchema,
  createVersionUploadSchema,
  deleteDocumentSchema,
  documentMetadataSchema,
  documentParamSchema,
  DOWNLOAD_URL_TTL_SECONDS,
  fileKinds,
  kindOfMime,
  linkKey,
  listDocumentsQuerySchema,
  MAX_FILE_BYTES,
  MAX_VERSIONS,
  readQuerySchema,
  restoreDocumentSchema,
  updateDocumentSchema,
  uploadParamSchema,
  UPLOAD_TTL_SECONDS,
  UPLOAD_URL_TTL_SECONDS,
  urlQuerySchema,
  versionParamSchema,
  type CheckResult,
  type DeclaredFile,
  type DocumentDetail,
  type DocumentLink,
  type DocumentList,
  type DocumentMetadata,
  type UploadTicket,
  type VerifyResult,
} from '../../shared/archive/schema.js';
import { foldVietnamese } from '../../shared/format.js';
import { newId } from '../../shared/ids.js';
import { keys, s3Keys, tenantPrefix, type TenantRef } from '../../shared/keys.js';
import { fieldErrorsFromZod, type FieldError } from '../../shared/problem.js';
import { can } from '../../shared/roles.js';
import type { AppEnv } from '../api/env.js';
import { ProblemError } from '../api/problem.js';
import { validate } from '../api/validate.js';
import { counterName } from '../../shared/rollups/counters.js';
import { rollupUpdate } from '../rollups/update.js';
import { auditPut } from '../audit/record.js';
import { requireAuth, requirePermission } from '../auth/middleware.js';
import type { MeteredStore, TransactItem } from '../store/metered-store.js';
import { isConditionFailure, staleVersion, versionCondition, versionFromIfMatch } from '../store/versioning.js';
import { isDrillDown, notFound, readTenant, writeTenant } from '../auth/tenant-scope.js';
import {
  actorOf,
  documentItem,
  linkMirrorItem,
  linkTargetKey,
  liveIndexKeys,
  metadataAttributes,
  metadataOf,
  toDetail,
  toSummary,
  toVersion,
  versionItem,
  type Item,
} from './records.js';
import { copyToArchive, deleteIncoming, inspectObject, presignGet, presignPut } from './storage.js';

type C = Context<AppEnv>;

/** How many index entries one filtered list request may examine (one Query, ≤ 1 MB read). */
const FILTERED_READ_BUDGET = 400;
const DEFAULT_PAGE = 20;

/** Admin of the tenant being read (a province admin drilling into a district is not its admin). */
function isTenantAdmin(c: C, t: TenantRef): boolean {
  return can(c.var.identity.role, 'tenant:admin') && !isDrillDown(c, t);
}

function expectedVersion(c: C): number {
  const v = versionFromIfMatch(c.req.header('if-match'));
  if (v === null) {
    throw new ProblemError('validation', { vi: 'Thiếu phiên bản bản ghi (If-Match)', en: 'Missing record version (If-Match)' }, [
      {
        field: 'If-Match',
        in: 'header',
        code: 'invalid_type',
        message_vi: 'Gửi phiên bản đã đọc, ví dụ If-Match: "3"',
        message_en: 'Send the version you read, e.g. If-Match: "3"',
      },
    ]);
  }
  return v;
}

function fieldError(field: string, vi: string, en: string, code = 'custom'): FieldError {
  return { field, in: 'body', code, message_vi: vi, message_en: en };
}

/** Declared file: a size over the limit is 413, a type outside PDF/JPEG/PNG/DOCX is 415 — before any upload. */
function acceptDeclaredFile(file: DeclaredFile) {
  if (file.size > MAX_FILE_BYTES) {
    throw new ProblemError('too-large', {
      vi: `Tệp ${file.size} byte vượt quá giới hạn 50 MB`,
      en: `File of ${file.size} bytes exceeds the 50 MB limit`,
    });
  }
  const kind = kindOfMime(file.contentType);
  if (!kind) {
    throw new ProblemError('unsupported-media-type', {
      vi: `Chỉ nhận PDF, JPEG, PNG hoặc DOCX (không nhận "${file.contentType}")`,
      en: `Only PDF, JPEG, PNG or DOCX are accepted (not "${file.contentType}")`,
    });
  }
  return kind;
}

/** Every linked record must exist in the caller's tenant: one TransactGet for all of them. */
async function requireLinkTargets(store: MeteredStore, t: TenantRef, links: DocumentLink[], fieldPrefix: string) {
  if (links.length === 0) return;
  const unique = new Map<string, { PK: string; SK: string }>();
  for (const l of links) {
    const k = linkTargetKey(t, l);
    unique.set(`${k.PK}|${k.SK}`, k);
  }
  const found = await store.transactGet([...unique.values()].map((Key) => ({ Key, ProjectionExpression: 'PK, SK' })));
  const present = new Set(found.filter(Boolean).map((i) => `${i!.PK}|${i!.SK}`));
  const errors = links.flatMap((l, i) => {
    const k = linkTargetKey(t, l);
    return present.has(`${k.PK}|${k.SK}`)
      ? []
      : [fieldError(`${fieldPrefix}${i}.id`, 'Không tìm thấy bản ghi được liên kết trong đơn vị', 'Linked record not found in this tenant', 'not_found')];
  });
  if (errors.length) throw new ProblemError('validation', { vi: 'Liên kết không hợp lệ', en: 'Invalid links' }, errors);
}

/** ConditionCheck of each distinct link target (no two operations may touch one item in a transaction). */
function linkConditionChecks(t: TenantRef, links: DocumentLink[]): { check: TransactItem; links: number[] }[] {
  const byKey = new Map<string, { check: TransactItem; links: number[] }>();
  links.forEach((l, i) => {
    const Key = linkTargetKey(t, l);
    const id = `${Key.PK}|${Key.SK}`;
    const entry: { check: TransactItem; links: number[] } = byKey.get(id) ?? {
      check: { ConditionCheck: { Key, ConditionExpression: 'attribute_exists(PK)' } },
      links: [],
    };
    entry.links.push(i);
    byKey.set(id, entry);
  });
  return [...byKey.values()];
}

function cancellationCodes(err: unknown): (string | undefined)[] {
  return ((err as { CancellationReasons?: { Code?: string }[] }).CancellationReasons ?? []).map((r) => r.Code);
}

function uploadNotFound() {
  return new ProblemError('not-found', { vi: 'Không tìm thấy phiên tải lên (hoặc đã hết hạn)', en: 'Upload not found (or expired)' });
}

async function loadPartition(store: MeteredStore, t: TenantRef, id: string): Promise<Item[]> {
  const { items } = await store.query({
    KeyConditionExpression: 'PK = :pk',
    ExpressionAttributeValues: { ':pk': keys.document(t, id).PK },
    ConsistentRead: true,
  });
  return items;
}

// ---------- list and search ----------

type Cursor = { s: string; i: string };
function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify(c)).toString('base64url');
}
function decodeCursor(raw: string): Cursor {
  try {
    const v = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as Cursor;
    if (typeof v.s === 'string' && typeof v.i === 'string' && /^\d{4}-\d{2}-\d{2}#[0-9A-Z]{26}$/.test(v.s) && /^[0-9A-Z]{26}$/.test(v.i)) return v;
  } catch {
    // fall through
  }
  throw new ProblemError('validation', { vi: 'Con trỏ trang không hợp lệ', en: 'Invalid page cursor' }, [
    { field: 'cursor', in: 'query', code: 'invalid_format', message_vi: 'Con trỏ trang không hợp lệ', message_en: 'Invalid page cursor' },
  ]);
}

export const archiveRoutes = new Hono<AppEnv>();
archiveRoutes.use('*', requireAuth);

/**
 * List and search. One Query: the tenant's list (GSI1, newest signing date first), or a type's list
 * (GSI2), or the recycle bin; year narrows the key range; words, agency (diacritics-insensitive)
 * filter within the read.
 */
archiveRoutes.get('/documents', validate('query', listDocumentsQuerySchema), async (c) => {
  const q = c.req.valid('query');
  const t = await readTenant(c, q.locality);
  const deleted = q.deleted === 'true';
  if (deleted && !isTenantAdmin(c, t)) {
    throw new ProblemError('forbidden', { vi: 'Chỉ quản trị đơn vị xem được văn bản đã xoá', en: 'Only tenant admins see deleted documents' });
  }
  const byType = !deleted && q.type !== undefined;
  const index = byType ? 'GSI2' : 'GSI1';
  const pkName = byType ? 'GSI2PK' : 'GSI1PK';
  const skName = byType ? 'GSI2SK' : 'GSI1SK';
  const pk = deleted
    ? keys.documentDeletedList(t).GSI1PK
    : byType
      ? keys.documentTypeList(t, q.type!).GSI2PK
      : keys.documentList(t).GSI1PK;

  const names: Record<string, string> = { '#pk': pkName };
  const values: Record<string, unknown> = { ':pk': pk };
  let keyCondition = '#pk = :pk';
  if (q.year) {
    names['#sk'] = skName;
    values[':year'] = `${q.year}-`;
    keyCondition += ' AND begins_with(#sk, :year)';
  }
  const filters: string[] = [];
  if (deleted && q.type) {
    names['#type'] = 'type';
    values[':type'] = q.type;
    filters.push('#type = :type');
  }
  const words = foldVietnamese(q.q ?? '')
    .split(' ')
    .filter(Boolean)
    .slice(0, 8);
  words.forEach((w, i) => {
    values[`:w${i}`] = w;
    filters.push(`contains(searchText, :w${i})`);
  });
  const agency = foldVietnamese(q.agency ?? '');
  if (agency) {
    values[':agency'] = agency;
    filters.push('contains(agencyText, :agency)');
  }
  const pageSize = q.limit ?? DEFAULT_PAGE;
  const start = q.cursor ? decodeCursor(q.cursor) : null;
  const { items, lastKey } = await c.var.store.query({
    IndexName: index,
    KeyConditionExpression: keyCondition,
    ...(filters.length ? { FilterExpression: filters.join(' AND ') } : {}),
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: values,
    ScanIndexForward: false,
    Limit: filters.length ? Math.max(FILTERED_READ_BUDGET, pageSize) : pageSize,
    ...(start ? { ExclusiveStartKey: { ...keys.document(t, start.i), [pkName]: pk, [skName]: start.s } } : {}),
  });
  const page = items.slice(0, pageSize);
  let cursor: string | null = null;
  if (items.length > pageSize) {
    const last = page[page.length - 1]!;
    cursor = encodeCursor({ s: last[skName] as string, i: last.id as string });
  } else if (lastKey) {
    cursor = encodeCursor({ s: lastKey[skName] as string, i: (lastKey.PK as string).split('#DOC#')[1]! });
  }
  const body: DocumentList = { items: page.map(toSummary), cursor };
  return c.json(body);
});

// ---------- "does the archive hold exactly this file?" ----------

archiveRoutes.get('/check', validate('query', checkQuerySchema), async (c) => {
  const q = c.req.valid('query');
  const t = await readTenant(c, q.locality);
  const { items } = await c.var.store.query({
    IndexName: 'GSI2',
    KeyConditionExpression: 'GSI2PK = :pk',
    ExpressionAttributeValues: { ':pk': keys.documentHash(t, q.sha256).GSI2PK },
  });
  const admin = isTenantAdmin(c, t);
  const body: CheckResult = {
    sha256: q.sha256,
    matches: items
      .filter((i) => admin || !i.docDeleted)
      .map((i) => {
        const v = toVersion(i);
        return { documentId: v.documentId, versionNo: v.versionNo, fileName: v.fileName, size: v.size, uploadedAt: v.uploadedAt, current: v.current, deleted: Boolean(i.docDeleted) };
      }),
  };
  return c.json(body);
});

// ---------- detail ----------

archiveRoutes.get('/documents/:id', validate('param', documentParamSchema), validate('query', readQuerySchema), async (c) => {
  const { id } = c.req.valid('param');
  const t = await readTenant(c, c.req.valid('query').locality);
  const detail = toDetail(await loadPartition(c.var.store, t, id));
  if (!detail || (detail.deleted && !isTenantAdmin(c, t))) throw notFound();
  c.header('ETag', `"${detail.version}"`);
  return c.json(detail);
});

/** One version item: the key of its object, its hash, and whether its document is deleted. */
async function readableVersion(c: C, t: TenantRef, id: string, n: number): Promise<Item> {
  const item = await c.var.store.get({ Key: keys.documentVersion(t, id, n) });
  if (!item || (item.docDeleted && !isTenantAdmin(c, t))) throw notFound();
  // Defence in depth: never sign a URL outside the caller's tenant prefix.
  if (typeof item.s3Key !== 'string' || !item.s3Key.startsWith(`${s3Keys.tenantPrefix(t)}/`)) throw notFound();
  return item;
}

archiveRoutes.get('/documents/:id/versions/:n/url', validate('param', versionParamSchema), validate('query', urlQuerySchema), async (c) => {
  const { id, n } = c.req.valid('param');
  const q = c.req.valid('query');
  const t = await readTenant(c, q.locality);
  const v = await readableVersion(c, t, id, n);
  const now = c.var.deps.now();
  const url = await presignGet(
    c.var.deps.archive,
    v.s3Key as string,
    { fileName: v.fileName as string, contentType: v.contentType as string, disposition: q.disposition },
    { now, expiresIn: DOWNLOAD_URL_TTL_SECONDS },
  );
  return c.json({ url, expiresAt: new Date(now.getTime() + DOWNLOAD_URL_TTL_SECONDS * 1000).toISOString() });
});

/** Re-reads the stored object and compares its SHA-256 with the one recorded at upload. */
archiveRoutes.post('/documents/:id/versions/:n/verify', validate('param', versionParamSchema), validate('query', readQuerySchema), async (c) => {
  const { id, n } = c.req.valid('param');
  const t = await readTenant(c, c.req.valid('query').locality);
  const v = await readableVersion(c, t, id, n);
  const read = await inspectObject(c.var.deps.archive, v.s3Key as string, Number.MAX_SAFE_INTEGER);
  const actual = read.state === 'read' ? read.sha256 : '';
  const body: VerifyResult = {
    documentId: id,
    versionNo: n,
    ok: actual === v.sha256,
    expected: v.sha256 as string,
    actual,
    size: read.state === 'missing' ? 0 : read.size,
    checkedAt: c.var.deps.now().toISOString(),
  };
  if (!body.ok) {
    console.error(
      JSON.stringify({ level: 'error', msg: 'archive: integrity check failed', tenant: tenantPrefix(t), documentId: id, versionNo: n, key: v.s3Key, expected: body.expected, actual, missing: read.state === 'missing' }),
    );
  }
  return c.json(body);
});

// ---------- uploads: declare → presigned PUT → complete ----------

async function issueUpload(c: C, t: TenantRef, item: Item, file: DeclaredFile, documentId: string, uploadId: string) {
  const now = c.var.deps.now();
  await c.var.store.put({ Item: item, ConditionExpression: 'attribute_not_exists(PK)' });
  const url = await presignPut(c.var.deps.archive, s3Keys.incoming(t, uploadId), file, { now, expiresIn: UPLOAD_URL_TTL_SECONDS });
  const body: UploadTicket = {
    uploadId,
    documentId,
    put: { url, method: 'PUT', headers: { 'content-type': file.contentType } },
    expiresAt: new Date(now.getTime() + UPLOAD_URL_TTL_SECONDS * 1000).toISOString(),
  };
  return c.json(body, 201);
}

function uploadItem(c: C, t: TenantRef, uploadId: string, fields: Item): Item {
  const now = c.var.deps.now();
  return {
    ...keys.documentUpload(t, uploadId),
    entity: 'document-upload',
    tenant: tenantPrefix(t),
    uploadId,
    incomingKey: s3Keys.incoming(t, uploadId),
    createdBy: actorOf(c.var.identity),
    createdAt: now.toISOString(),
    status: 'pending',
    expiresAt: Math.floor(now.getTime() / 1000) + UPLOAD_TTL_SECONDS,
    ...fields,
  };
}

/** A new document: its metadata and the file it will hold are declared; the answer is where to PUT the file. */
archiveRoutes.post('/uploads', validate('json', createDocumentUploadSchema), async (c) => {
  const t = writeTenant(c);
  const { file, document } = c.req.valid('json');
  acceptDeclaredFile(file);
  await requireLinkTargets(c.var.store, t, document.links, 'document.links.');
  const now = c.var.deps.now();
  const uploadId = newId(now);
  const documentId = newId(now);
  return issueUpload(c, t, uploadItem(c, t, uploadId, { purpose: 'new', documentId, file, document }), file, documentId, uploadId);
});

/** A corrected file for an existing document: becomes its next version; the earlier ones stay. */
archiveRoutes.post('/documents/:id/uploads', validate('param', documentParamSchema), validate('json', createVersionUploadSchema), async (c) => {
  const t = writeTenant(c);
  const { id } = c.req.valid('param');
  const { file, note } = c.req.valid('json');
  const expected = expectedVersion(c);
  acceptDeclaredFile(file);
  const doc = await c.var.store.get({ Key: keys.document(t, id), ConsistentRead: true });
  if (!doc || doc.deleted) throw notFound();
  if (doc.version !== expected) throw staleVersion();
  if ((doc.latestVersionNo as number) >= MAX_VERSIONS) {
    throw new ProblemError('conflict', { vi: `Văn bản đã có tối đa ${MAX_VERSIONS} phiên bản`, en: `The document already has the maximum of ${MAX_VERSIONS} versions` });
  }
  const uploadId = newId(c.var.deps.now());
  return issueUpload(c, t, uploadItem(c, t, uploadId, { purpose: 'version', documentId: id, expectedVersion: expected, file, note }), file, id, uploadId);
});

async function rejectUpload(c: C, t: TenantRef, upload: Item, reason: string) {
  await deleteIncoming(c.var.deps.archive, upload.incomingKey as string);
  try {
    await c.var.store.update({
      Key: keys.documentUpload(t, upload.uploadId as string),
      UpdateExpression: 'SET #status = :rejected, rejectedReason = :reason',
      ConditionExpression: '#status = :pending',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':rejected': 'rejected', ':pending': 'pending', ':reason': reason },
    });
  } catch (err) {
    if (!isConditionFailure(err)) throw err;
  }
}

/**
 * Completion: the API reads what the browser stored, decides by content, hashes it, copies it to its
 * permanent key and records document/version, links and audit in one transaction.
 */
archiveRoutes.post('/uploads/:uploadId/complete', validate('param', uploadParamSchema), async (c) => {
  const t = writeTenant(c);
  const { uploadId } = c.req.valid('param');
  const store = c.var.store;
  const deps = c.var.deps;
  const now = deps.now();
  const upload = await store.get({ Key: keys.documentUpload(t, uploadId), ConsistentRead: true });
  if (!upload || (upload.createdBy as { userId: string }).userId !== c.var.identity.userId) throw uploadNotFound();
  const documentId = upload.documentId as string;
  if (upload.status === 'completed') {
    // A retried completion (the first answer was lost): the same document again.
    const detail = toDetail(await loadPartition(store, t, documentId));
    if (!detail) throw uploadNotFound();
    return c.json(detail, 200);
  }
  if (upload.status !== 'pending' || (upload.expiresAt as number) * 1000 < now.getTime()) throw uploadNotFound();

  const file = upload.file as DeclaredFile;
  const declaredKind = kindOfMime(file.contentType)!;
  const read = await inspectObject(deps.archive, upload.incomingKey as string, MAX_FILE_BYTES);
  if (read.state === 'missing') {
    throw new ProblemError('conflict', { vi: 'Tệp chưa được tải lên', en: 'The file has not been uploaded yet' });
  }
  if (read.state === 'too-large') {
    await rejectUpload(c, t, upload, 'too-large');
    throw new ProblemError('too-large', { vi: `Tệp đã tải lên (${read.size} byte) vượt quá 50 MB`, en: `The uploaded file (${read.size} bytes) exceeds 50 MB` });
  }
  if (read.kind !== declaredKind) {
    await rejectUpload(c, t, upload, 'unsupported-media-type');
    const found = read.kind ? fileKinds[read.kind].label : null;
    throw new ProblemError('unsupported-media-type', {
      vi: found
        ? `Nội dung tệp là ${found}, không phải ${fileKinds[declaredKind].label} như đã khai báo`
        : 'Nội dung tệp không phải PDF, JPEG, PNG hay DOCX',
      en: found ? `The file's content is ${found}, not ${fileKinds[declaredKind].label} as declared` : 'The content is not PDF, JPEG, PNG or DOCX',
    });
  }
  if (read.size !== file.size) {
    await rejectUpload(c, t, upload, 'size-mismatch');
    throw new ProblemError('validation', {
      vi: `Tệp đã tải lên có ${read.size} byte, khác ${file.size} byte đã khai báo`,
      en: `The uploaded file has ${read.size} bytes, not the declared ${file.size}`,
    });
  }
  if (file.sha256 && file.sha256 !== read.sha256) {
    await rejectUpload(c, t, upload, 'hash-mismatch');
    throw new ProblemError('validation', {
      vi: 'SHA-256 của tệp đã tải lên khác giá trị trình duyệt đã tính: tệp bị hỏng khi truyền',
      en: 'The uploaded file’s SHA-256 differs from the one the browser computed: corrupted in transit',
    });
  }

  const actor = actorOf(c.var.identity);
  const at = now.toISOString();
  let versionNo = 1;
  let existing: Item | undefined;
  if (upload.purpose === 'version') {
    existing = await store.get({ Key: keys.document(t, documentId), ConsistentRead: true });
    if (!existing || existing.deleted) throw notFound();
    if (existing.version !== upload.expectedVersion) throw staleVersion();
    versionNo = (existing.latestVersionNo as number) + 1;
    if (versionNo > MAX_VERSIONS) throw new ProblemError('conflict', { vi: 'Quá số phiên bản cho phép', en: 'Too many versions' });
  }

  const s3Key = s3Keys.object(t, documentId, versionNo, uploadId);
  const contentType = fileKinds[read.kind].mime;
  await copyToArchive(deps.archive, upload.incomingKey as string, s3Key, {
    etag: read.etag,
    contentType,
    metadata: { sha256: read.sha256, 'document-id': documentId, 'version-no': String(versionNo) },
  });

  const version = versionItem({
    t,
    documentId,
    versionNo,
    s3Key,
    fileName: file.name,
    size: read.size,
    kind: read.kind,
    contentType,
    sha256: read.sha256,
    uploadedAt: at,
    uploadedBy: actor,
    uploadId,
    note: upload.purpose === 'version' ? (upload.note as string) : undefined,
  });
  const current = { fileName: file.name, size: read.size, contentType, kind: read.kind, sha256: read.sha256 };
  const markCompleted: TransactItem = {
    Update: {
      Key: keys.documentUpload(t, uploadId),
      UpdateExpression: 'SET #status = :completed, completedAt = :at, versionNo = :n',
      ConditionExpression: '#status = :pending',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':completed': 'completed', ':pending': 'pending', ':at': at, ':n': versionNo },
    },
  };

  let tx: TransactItem[];
  let docAfter: Item;
  if (upload.purpose === 'new') {
    const metadata = documentMetadataSchema.parse(upload.document);
    docAfter = documentItem({ t, id: documentId, metadata, current, latestVersionNo: 1, createdAt: at, createdBy: actor });
    tx = [
      { Put: { Item: docAfter, ConditionExpression: 'attribute_not_exists(PK)' } },
      { Put: { Item: version, ConditionExpression: 'attribute_not_exists(PK)' } },
      markCompleted,
      ...linkConditionChecks(t, metadata.links).map((x) => x.check),
      ...metadata.links.map((l): TransactItem => ({ Put: { Item: linkMirrorItem(t, l, { ...metadata, id: documentId, deleted: false }) } })),
      auditPut({ tenant: t, actor: c.var.identity, entity: 'document', entityId: documentId, action: 'create', after: { ...docAfter, file: version }, at: now }),
    ];
  } else {
    const prev = existing!;
    docAfter = { ...prev, latestVersionNo: versionNo, current, updatedAt: at, version: (prev.version as number) + 1 };
    tx = [
      {
        Update: {
          Key: keys.document(t, documentId),
          UpdateExpression: 'SET latestVersionNo = :n, #current = :current, updatedAt = :at, #version = :next',
          ...versionCondition(prev.version as number),
          ExpressionAttributeNames: { '#version': 'version', '#current': 'current' },
          ExpressionAttributeValues: { ':expectedVersion': prev.version, ':n': versionNo, ':current': current, ':at': at, ':next': (prev.version as number) + 1 },
        },
      },
      {
        Update: {
          Key: keys.documentVersion(t, documentId, versionNo - 1),
          UpdateExpression: 'SET #current = :false, supersededAt = :at',
          ConditionExpression: 'attribute_exists(PK)',
          ExpressionAttributeNames: { '#current': 'current' },
          ExpressionAttributeValues: { ':false': false, ':at': at },
        },
      },
      { Put: { Item: version, ConditionExpression: 'attribute_not_exists(PK)' } },
      markCompleted,
      auditPut({
        tenant: t,
        actor: c.var.identity,
        entity: 'document',
        entityId: documentId,
        action: 'new-version',
        before: { latestVersionNo: prev.latestVersionNo, current: prev.current },
        after: { latestVersionNo: versionNo, current, note: upload.note },
        at: now,
      }),
    ];
  }
  tx.push(rollupUpdate(t, upload.purpose === 'new' ? { [counterName.documents]: 1 } : {}, now));
  try {
    await store.transactWrite(tx);
  } catch (err) {
    if (!isConditionFailure(err)) throw err;
    // Someone else changed the document (or completed this upload) first. The copy just made is
    // an unreferenced object under a unique key; nothing points at it.
    console.error(JSON.stringify({ level: 'warn', msg: 'archive: completion lost a race; unreferenced object', key: s3Key, reasons: cancellationCodes(err) }));
    if (upload.purpose === 'new') {
      throw new ProblemError('conflict', { vi: 'Một bản ghi được liên kết đã bị xoá, hoặc phiên tải lên đã được hoàn tất', en: 'A linked record was removed, or the upload was already completed' });
    }
    throw staleVersion();
  }
  await deleteIncoming(deps.archive, upload.incomingKey as string);

  const versions =
    upload.purpose === 'new'
      ? [toVersion(version)]
      : toDetail(await loadPartition(store, t, documentId))!.versions;
  const detail: DocumentDetail = { ...toSummary(docAfter), versions };
  return c.json(detail, 201);
});

// ---------- metadata corrections, soft delete, restore ----------

archiveRoutes.patch('/documents/:id', validate('param', documentParamSchema), validate('json', updateDocumentSchema), async (c) => {
  const t = writeTenant(c);
  const { id } = c.req.valid('param');
  const patch = c.req.valid('json');
  const expected = expectedVersion(c);
  const store = c.var.store;
  const now = c.var.deps.now();
  const doc = await store.get({ Key: keys.document(t, id), ConsistentRead: true });
  if (!doc || doc.deleted) throw notFound();
  if (doc.version !== expected) throw staleVersion();
  const before = metadataOf(doc);
  const merged = documentMetadataSchema.safeParse({ ...before, ...patch });
  if (!merged.success) {
    throw new ProblemError(
      'validation',
      { vi: 'Vui lòng kiểm tra các trường được nêu', en: 'Check the fields listed in errors' },
      fieldErrorsFromZod(merged.error.issues, 'body'),
    );
  }
  const after: DocumentMetadata = merged.data;
  const at = now.toISOString();
  const next = (doc.version as number) + 1;
  const attrs = { ...metadataAttributes(after), ...liveIndexKeys(t, id, after), updatedAt: at, version: next };
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = { ':expectedVersion': expected };
  const sets = Object.entries(attrs).map(([k, v], i) => {
    names[`#a${i}`] = k;
    values[`:v${i}`] = v;
    return `#a${i} = :v${i}`;
  });
  const cond = versionCondition(expected);

  const beforeKeys = new Set(before.links.map(linkKey));
  const afterKeys = new Set(after.links.map(linkKey));
  const added = after.links.filter((l) => !beforeKeys.has(linkKey(l)));
  const removed = before.links.filter((l) => !afterKeys.has(linkKey(l)));
  const kept = after.links.filter((l) => beforeKeys.has(linkKey(l)));
  const labelChanged = (['type', 'numberSymbol', 'summary', 'signedOn'] as const).some((k) => before[k] !== after[k]);
  const checks = linkConditionChecks(t, added);

  const tx: TransactItem[] = [
    {
      Update: {
        Key: keys.document(t, id),
        UpdateExpression: `SET ${sets.join(', ')}`,
        ConditionExpression: cond.ConditionExpression,
        ExpressionAttributeNames: { ...names, ...cond.ExpressionAttributeNames },
        ExpressionAttributeValues: values,
      },
    },
    ...checks.map((x) => x.check),
    ...[...added, ...(labelChanged ? kept : [])].map((l): TransactItem => ({ Put: { Item: linkMirrorItem(t, l, { ...after, id, deleted: false }) } })),
    ...removed.map((l): TransactItem => ({ Delete: { Key: keys.documentLinkMirror(t, l, id) } })),
    auditPut({ tenant: t, actor: c.var.identity, entity: 'document', entityId: id, action: 'update', before, after, at: now }),
  ];
  tx.push(rollupUpdate(t, {}, now));
  try {
    await store.transactWrite(tx);
  } catch (err) {
    if (!isConditionFailure(err)) throw err;
    const codes = cancellationCodes(err);
    if (codes[0] === 'ConditionalCheckFailed') throw staleVersion();
    const missing = checks.flatMap((x, i) => (codes[1 + i] === 'ConditionalCheckFailed' ? x.links : []));
    const errors = missing.map((li) => {
      const index = after.links.indexOf(added[li]!);
      return fieldError(`links.${index}.id`, 'Không tìm thấy bản ghi được liên kết trong đơn vị', 'Linked record not found in this tenant', 'not_found');
    });
    throw new ProblemError('validation', { vi: 'Liên kết không hợp lệ', en: 'Invalid links' }, errors);
  }
  const detail = toDetail(await loadPartition(store, t, id))!;
  return c.json(detail);
});

/** Soft delete (admins, with a reason) and restore: the files and versions stay untouched in S3. */
async function setDeleted(c: C, id: string, deleting: boolean, reason: string | undefined) {
  const t = writeTenant(c);
  const expected = expectedVersion(c);
  const store = c.var.store;
  const now = c.var.deps.now();
  const items = await loadPartition(store, t, id);
  const doc = items.find((i) => i.SK === 'D');
  if (!doc) throw notFound();
  if (Boolean(doc.deleted) === deleting) {
    throw new ProblemError('conflict', deleting ? { vi: 'Văn bản đã bị xoá', en: 'The document is already deleted' } : { vi: 'Văn bản chưa bị xoá', en: 'The document is not deleted' });
  }
  if (doc.version !== expected) throw staleVersion();
  const at = now.toISOString();
  const actor = actorOf(c.var.identity);
  const deletedInfo = { at, by: actor, reason: reason ?? '' };
  const metadata = metadataOf(doc);
  const cond = versionCondition(expected);
  const next = (doc.version as number) + 1;
  const docUpdate: TransactItem = deleting
    ? {
        Update: {
          Key: keys.document(t, id),
          UpdateExpression: 'SET deleted = :deleted, GSI1PK = :bin, updatedAt = :at, #version = :next REMOVE GSI2PK, GSI2SK',
          ConditionExpression: cond.ConditionExpression,
          ExpressionAttributeNames: cond.ExpressionAttributeNames,
          ExpressionAttributeValues: { ...cond.ExpressionAttributeValues, ':deleted': deletedInfo, ':bin': keys.documentDeletedList(t).GSI1PK, ':at': at, ':next': next },
        },
      }
    : {
        Update: {
          Key: keys.document(t, id),
          UpdateExpression: 'SET GSI1PK = :pk1, GSI2PK = :pk2, GSI2SK = :sk2, updatedAt = :at, #version = :next, restored = :restored REMOVE deleted',
          ConditionExpression: cond.ConditionExpression,
          ExpressionAttributeNames: cond.ExpressionAttributeNames,
          ExpressionAttributeValues: {
            ...cond.ExpressionAttributeValues,
            ...(() => {
              const k = liveIndexKeys(t, id, metadata);
              return { ':pk1': k.GSI1PK, ':pk2': k.GSI2PK, ':sk2': k.GSI2SK };
            })(),
            ':at': at,
            ':next': next,
            ':restored': deletedInfo,
          },
        },
      };
  const versionUpdates = items
    .filter((i) => typeof i.SK === 'string' && i.SK.startsWith(keys.documentVersionPrefix))
    .map((v): TransactItem => ({
      Update: {
        Key: { PK: v.PK as string, SK: v.SK as string },
        UpdateExpression: 'SET docDeleted = :d',
        ConditionExpression: 'attribute_exists(PK)',
        ExpressionAttributeValues: { ':d': deleting },
      },
    }));
  const mirrors = metadata.links.map((l): TransactItem => ({ Put: { Item: linkMirrorItem(t, l, { ...metadata, id, deleted: deleting }) } }));
  const tx: TransactItem[] = [
    docUpdate,
    ...versionUpdates,
    ...mirrors,
    auditPut({
      tenant: t,
      actor: c.var.identity,
      entity: 'document',
      entityId: id,
      action: deleting ? 'delete' : 'restore',
      before: { deleted: doc.deleted ?? null },
      after: { deleted: deleting ? deletedInfo : null, ...(deleting ? {} : { restoreReason: reason ?? '' }) },
      at: now,
    }),
  ];
  tx.push(rollupUpdate(t, { [counterName.documents]: deleting ? -1 : 1 }, now));
  try {
    await store.transactWrite(tx);
  } catch (err) {
    if (isConditionFailure(err)) throw staleVersion();
    throw err;
  }
  const detail = toDetail(await loadPartition(store, t, id))!;
  return c.json(detail);
}

archiveRoutes.delete(
  '/documents/:id',
  requirePermission('tenant:admin'),
  validate('param', documentParamSchema),
  validate('json', deleteDocumentSchema),
  (c) => setDeleted(c, c.req.valid('param').id, true, c.req.valid('json').reason),
);

archiveRoutes.post(
  '/documents/:id/restore',
  requirePermission('tenant:admin'),
  validate('param', documentParamSchema),
  validate('json', restoreDocumentSchema),
  (c) => setDeleted(c, c.req.valid('param').id, false, c.req.valid('json').reason),
);
