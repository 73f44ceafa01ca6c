import {
  documentMetadataSchema,
  linkKey,
  type DocumentDetail,
  type DocumentLink,
  type DocumentMetadata,
  type UpdateDocument,
} from '../../../shared/archive/schema.js';
import { keys } from '../../../shared/keys.js';
import { fieldErrorsFromZod } from '../../../shared/problem.js';
import { ProblemError } from '../../http/problem.js';
import { auditPut } from '../../audit/record.js';
import { rollupUpdate } from '../../rollups/update.js';
import type { TransactItem } from '../../store/metered-store.js';
import { cancellationCodes, staleVersion, versionCondition, withConflict } from '../../store/versioning.js';
import { linkMirrorItem, liveIndexKeys, metadataAttributes, metadataOf, numberKeyOf, numberRegisterItem } from '../records.js';
import { readDetail, readDocument } from '../repository.js';
import { notFound, type OpContext } from './context.js';
import { invalidLinks, linkConditionChecks } from './links.js';

/**
 * Metadata corrections (the file itself never changes: that is a new version). One transaction:
 * the document (conditioned on the version read), the link mirrors added, refreshed or removed,
 * a check that each newly linked record exists, and the audit record.
 */
export async function updateMetadata(ctx: OpContext, id: string, patch: Omit<UpdateDocument, 'version'>, expectedVersion: number): Promise<DocumentDetail> {
  const { tenant: t, now } = ctx;
  const doc = await readDocument(ctx.store, t, id);
  if (!doc || doc.deleted) throw notFound();
  if (doc.version !== expectedVersion) throw staleVersion();
  const before = metadataOf(doc);
  const after = mergedMetadata(before, patch);
  const links = linkChanges(before, after);
  const checks = linkConditionChecks(t, links.added);
  const tx: TransactItem[] = [
    documentUpdate(ctx, id, after, expectedVersion),
    ...checks.map((x) => x.check),
    ...links.mirrored.map((l): TransactItem => ({ Put: { Item: linkMirrorItem(t, l, { ...after, id, deleted: false }) } })),
    ...links.removed.map((l): TransactItem => ({ Delete: { Key: keys.documentLinkMirror(t, l, id) } })),
    ...numberRegisterWrites(ctx, id, before, after),
    auditPut({ tenant: t, actor: ctx.actor, entity: 'document', entityId: id, action: 'update', before, after, at: now }),
    rollupUpdate(t, {}, now),
  ];
  await withConflict(
    () => ctx.store.transactWrite(tx),
    (err) => {
      // Item 0 is the document: its version moved on. Otherwise a newly linked record is gone.
      const codes = cancellationCodes(err);
      if (codes[0] === 'ConditionalCheckFailed') return staleVersion();
      const missing = checks.flatMap((x, i) => (codes[1 + i] === 'ConditionalCheckFailed' ? x.links : []));
      return invalidLinks(missing.map((li) => `links.${after.links.indexOf(links.added[li]!)}.id`));
    },
  );
  return (await readDetail(ctx.store, t, id))!;
}

/** The register entry follows the number: the old entry goes when the number changed, the new one is written. */
function numberRegisterWrites(ctx: OpContext, id: string, before: DocumentMetadata, after: DocumentMetadata): TransactItem[] {
  const moved = numberKeyOf(before.numberSymbol) !== numberKeyOf(after.numberSymbol);
  return [
    ...(moved ? [{ Delete: { Key: keys.documentNumber(ctx.tenant, numberKeyOf(before.numberSymbol), id) } }] : []),
    { Put: { Item: numberRegisterItem(ctx.tenant, id, after, false) } },
  ];
}

function mergedMetadata(before: DocumentMetadata, patch: Omit<UpdateDocument, 'version'>): DocumentMetadata {
  const merged = documentMetadataSchema.safeParse({ ...before, ...patch });
  if (!merged.success) {
    throw new ProblemError(
      'validation',
      { vi: 'Vui lòng kiểm tra các trường được nêu', en: 'Check the fields listed in errors' },
      fieldErrorsFromZod(merged.error.issues, 'body'),
    );
  }
  return merged.data;
}

/** Links added and removed; the mirrors to write are the added ones, and the kept ones when what they show changed. */
function linkChanges(before: DocumentMetadata, after: DocumentMetadata): { added: DocumentLink[]; removed: DocumentLink[]; mirrored: DocumentLink[] } {
  const beforeKeys = new Set(before.links.map(linkKey));
  const afterKeys = new Set(after.links.map(linkKey));
  const added = after.links.filter((l) => !beforeKeys.has(linkKey(l)));
  const removed = before.links.filter((l) => !afterKeys.has(linkKey(l)));
  const kept = after.links.filter((l) => beforeKeys.has(linkKey(l)));
  const labelChanged = (['type', 'numberSymbol', 'summary', 'signedOn'] as const).some((k) => before[k] !== after[k]);
  return { added, removed, mirrored: [...added, ...(labelChanged ? kept : [])] };
}

/** Every metadata attribute, the search texts and the index keys (type and signing date sort the lists). */
function documentUpdate(ctx: OpContext, id: string, after: DocumentMetadata, expectedVersion: number): TransactItem {
  const attrs = { ...metadataAttributes(after), ...liveIndexKeys(ctx.tenant, id, after), updatedAt: ctx.now.toISOString(), version: expectedVersion + 1 };
  const cond = versionCondition(expectedVersion);
  const names: Record<string, string> = { ...cond.ExpressionAttributeNames };
  const values: Record<string, unknown> = { ...cond.ExpressionAttributeValues };
  const sets = Object.entries(attrs).map(([k, v], i) => {
    names[`#a${i}`] = k;
    values[`:v${i}`] = v;
    return `#a${i} = :v${i}`;
  });
  return {
    Update: {
      Key: keys.document(ctx.tenant, id),
      UpdateExpression: `SET ${sets.join(', ')}`,
      ConditionExpression: cond.ConditionExpression,
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
    },
  };
}
