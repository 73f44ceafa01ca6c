import { documentMetadataSchema, fileKinds, MAX_VERSIONS, type DeclaredFile, type DocumentDetail } from '../../../shared/archive/schema.js';
import { keys, s3Keys } from '../../../shared/keys.js';
import { counterName } from '../../../shared/rollups/counters.js';
import { ProblemError } from '../../http/problem.js';
import { auditPut } from '../../audit/record.js';
import { rollupUpdate } from '../../rollups/update.js';
import type { TransactItem } from '../../store/metered-store.js';
import { cancellationCodes, staleVersion, versionCondition, withConflict } from '../../store/versioning.js';
import type { SignatureCheck } from '../../../shared/archive/signatures.js';
import {
  actorOf,
  auditSignature,
  documentItem,
  isSigned,
  mirrorPuts,
  signatureFacts,
  toDetail,
  toSummary,
  toVersion,
  versionItem,
  type CurrentFile,
  type Item,
} from '../records.js';
import { readDetail, readDocument, readDocumentItems, readUpload } from '../repository.js';
import { copyToArchive, deleteIncoming } from '../storage.js';
import { notFound, uploadNotFound, type ArchiveContext } from './context.js';
import { linkConditionChecks } from './links.js';
import { contentTextOf, type ContentText } from './content-text.js';
import { checkUploadedFile, type AcceptedFile } from './upload-checks.js';

/**
 * Completion: the API reads what the browser stored, decides by content, hashes it, copies it to
 * its permanent key, and records document or version, links, audit and roll-up in ONE transaction.
 * Steps: the pending upload → the file's checks → the version number → the permanent copy → the
 * transaction (a new document, or the next version of one) → the incoming object's clean-up.
 */
export async function completeUpload(ctx: ArchiveContext, uploadId: string): Promise<{ detail: DocumentDetail; replayed: boolean }> {
  const upload = await readUpload(ctx.store, ctx.tenant, uploadId);
  if (!upload || (upload.createdBy as { userId: string }).userId !== ctx.actor.userId) throw uploadNotFound();
  if (upload.status === 'completed') {
    // A retried completion (the first answer was lost): the same document again.
    const detail = await readDetail(ctx.store, ctx.tenant, upload.documentId as string);
    if (!detail) throw uploadNotFound();
    return { detail, replayed: true };
  }
  if (upload.status !== 'pending' || (upload.expiresAt as number) * 1000 < ctx.now.getTime()) throw uploadNotFound();

  const file = await checkUploadedFile(ctx, upload);
  const { versionNo, existing } = await nextVersion(ctx, upload);
  const signature = await checkSignatures(ctx, file);
  const content = await contentTextOf(file);
  const stored = await storeOriginal(ctx, upload, versionNo, file, signature, content);
  const version = versionItem({
    t: ctx.tenant,
    documentId: upload.documentId as string,
    versionNo,
    s3Key: stored.s3Key,
    fileName: stored.current.fileName,
    size: file.size,
    kind: file.kind,
    contentType: stored.current.contentType,
    sha256: file.sha256,
    uploadedAt: ctx.now.toISOString(),
    uploadedBy: actorOf(ctx.actor),
    uploadId,
    note: existing ? (upload.note as string) : undefined,
    s3VersionId: stored.versionId,
    signature,
    text: content.facts,
  });
  const written = existing
    ? nextVersionWrites(ctx, upload, existing, version, stored.current, content.text)
    : newDocumentWrites(ctx, upload, version, stored.current, content.text);
  await withConflict(
    () => ctx.store.transactWrite(written.tx),
    (err) => {
      // Someone else changed the document (or completed this upload) first. The copy just made is
      // an unreferenced object under a unique key; nothing points at it.
      console.error(
        JSON.stringify({ level: 'warn', msg: 'archive: completion lost a race; unreferenced object', key: stored.s3Key, reasons: cancellationCodes(err) }),
      );
      if (existing) return staleVersion();
      return new ProblemError('conflict', {
        vi: 'Một bản ghi được liên kết đã bị xoá, hoặc phiên tải lên đã được hoàn tất',
        en: 'A linked record was removed, or the upload was already completed',
      });
    },
  );
  await deleteIncoming(ctx.archive, upload.incomingKey as string);

  const versions = existing ? toDetail(await readDocumentItems(ctx.store, ctx.tenant, written.doc.id as string))!.versions : [toVersion(version)];
  return { detail: { ...toSummary(written.doc), versions }, replayed: false };
}

/** Version 1 of a new document; for a new version, the document as read, unchanged since the upload was declared. */
async function nextVersion(ctx: ArchiveContext, upload: Item): Promise<{ versionNo: number; existing?: Item }> {
  if (upload.purpose !== 'version') return { versionNo: 1 };
  const existing = await readDocument(ctx.store, ctx.tenant, upload.documentId as string);
  if (!existing || existing.deleted) throw notFound();
  if (existing.version !== upload.expectedVersion) throw staleVersion();
  const versionNo = (existing.latestVersionNo as number) + 1;
  if (versionNo > MAX_VERSIONS) throw new ProblemError('conflict', { vi: 'Quá số phiên bản cho phép', en: 'Too many versions' });
  return { versionNo, existing };
}

/** PDFs: every digital signature, checked on the bytes just read (the verifier loads on first use). */
async function checkSignatures(ctx: ArchiveContext, file: AcceptedFile): Promise<SignatureCheck | undefined> {
  if (file.kind !== 'pdf') return undefined;
  const { verifyPdfSignatures } = await import('../signatures/verify.js');
  return verifyPdfSignatures(file.bytes, { trustAnchorsPem: ctx.trustAnchorsPem, now: ctx.now });
}

/** Copies the checked file to its permanent key (unique per upload) under the tenant prefix; S3's version id pins it. */
async function storeOriginal(
  ctx: ArchiveContext,
  upload: Item,
  versionNo: number,
  file: AcceptedFile,
  signature: SignatureCheck | undefined,
  content: ContentText,
): Promise<{ s3Key: string; versionId?: string; current: CurrentFile }> {
  const documentId = upload.documentId as string;
  const s3Key = s3Keys.object(ctx.tenant, documentId, versionNo, upload.uploadId as string);
  const contentType = fileKinds[file.kind].mime;
  const copy = await copyToArchive(ctx.archive, upload.incomingKey as string, s3Key, {
    etag: file.etag,
    contentType,
    metadata: { sha256: file.sha256, 'document-id': documentId, 'version-no': String(versionNo) },
  });
  const declared = upload.file as DeclaredFile;
  const current = {
    fileName: declared.name,
    size: file.size,
    contentType,
    kind: file.kind,
    sha256: file.sha256,
    ...signatureFacts(signature),
    textStatus: content.facts.status,
  };
  return { s3Key, ...copy, current };
}

/** The audit records what a person set; the file's extracted text is not theirs and is bounded elsewhere. */
function withoutText(doc: Item): Item {
  const { contentText: _text, ...rest } = doc;
  return rest;
}

/** The version as the audit keeps it: the signature check summarised (auditSignature). */
function auditFile(version: Item): Item {
  const { signature, ...rest } = version;
  return signature ? { ...rest, signature: auditSignature(signature as SignatureCheck) } : rest;
}

/** The upload is spent in the same transaction: a second completion's condition fails. */
function markCompleted(ctx: ArchiveContext, upload: Item, versionNo: number): TransactItem {
  return {
    Update: {
      Key: keys.documentUpload(ctx.tenant, upload.uploadId as string),
      UpdateExpression: 'SET #status = :completed, completedAt = :at, versionNo = :n',
      ConditionExpression: '#status = :pending',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':completed': 'completed', ':pending': 'pending', ':at': ctx.now.toISOString(), ':n': versionNo },
    },
  };
}

type Writes = { tx: TransactItem[]; doc: Item };

/** A new document: its item, version 1, its link mirrors (each target checked), audit, and one more document counted. */
function newDocumentWrites(ctx: ArchiveContext, upload: Item, version: Item, current: CurrentFile, contentText: string): Writes {
  const { tenant: t, now } = ctx;
  const id = upload.documentId as string;
  const metadata = documentMetadataSchema.parse(upload.document);
  const doc = documentItem({ t, id, metadata, current, latestVersionNo: 1, createdAt: now.toISOString(), createdBy: actorOf(ctx.actor), contentText });
  const tx: TransactItem[] = [
    { Put: { Item: doc, ConditionExpression: 'attribute_not_exists(PK)' } },
    { Put: { Item: version, ConditionExpression: 'attribute_not_exists(PK)' } },
    markCompleted(ctx, upload, 1),
    ...linkConditionChecks(t, metadata.links).map((x) => x.check),
    ...mirrorPuts(t, id, metadata, false),
    auditPut({
      tenant: t,
      actor: ctx.actor,
      entity: 'document',
      entityId: id,
      action: 'create',
      after: { ...withoutText(doc), file: auditFile(version) },
      at: now,
    }),
    rollupUpdate(t, { [counterName.documents]: 1 }, now),
  ];
  return { tx, doc };
}

/** The next version: the document points at it (conditioned on the version read), the previous one is superseded. */
function nextVersionWrites(ctx: ArchiveContext, upload: Item, prev: Item, version: Item, current: CurrentFile, contentText: string): Writes {
  const { tenant: t, now } = ctx;
  const id = upload.documentId as string;
  const at = now.toISOString();
  const versionNo = version.versionNo as number;
  const expected = prev.version as number;
  const doc = { ...prev, latestVersionNo: versionNo, current, signed: isSigned(current), contentText, updatedAt: at, version: expected + 1 };
  const cond = versionCondition(expected);
  const tx: TransactItem[] = [
    {
      Update: {
        Key: keys.document(t, id),
        UpdateExpression: 'SET latestVersionNo = :n, #current = :current, signed = :signed, contentText = :text, updatedAt = :at, #version = :next',
        ConditionExpression: cond.ConditionExpression,
        ExpressionAttributeNames: { ...cond.ExpressionAttributeNames, '#current': 'current' },
        ExpressionAttributeValues: {
          ...cond.ExpressionAttributeValues,
          ':n': versionNo,
          ':current': current,
          ':signed': isSigned(current),
          ':text': contentText,
          ':at': at,
          ':next': expected + 1,
        },
      },
    },
    {
      Update: {
        Key: keys.documentVersion(t, id, versionNo - 1),
        UpdateExpression: 'SET #current = :false, supersededAt = :at',
        ConditionExpression: 'attribute_exists(PK)',
        ExpressionAttributeNames: { '#current': 'current' },
        ExpressionAttributeValues: { ':false': false, ':at': at },
      },
    },
    { Put: { Item: version, ConditionExpression: 'attribute_not_exists(PK)' } },
    markCompleted(ctx, upload, versionNo),
    auditPut({
      tenant: t,
      actor: ctx.actor,
      entity: 'document',
      entityId: id,
      action: 'new-version',
      before: { latestVersionNo: prev.latestVersionNo, current: prev.current },
      after: {
        latestVersionNo: versionNo,
        current,
        note: upload.note,
        ...(version.signature ? { signature: auditSignature(version.signature as SignatureCheck) } : {}),
      },
      at: now,
    }),
    rollupUpdate(t, {}, now),
  ];
  return { tx, doc };
}
