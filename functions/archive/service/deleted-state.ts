import type { DocumentDetail, DocumentMetadata } from '../../../shared/archive/schema.js';
import { keys } from '../../../shared/keys.js';
import { counterName } from '../../../shared/rollups/counters.js';
import { ProblemError } from '../../http/problem.js';
import { auditPut } from '../../audit/record.js';
import { rollupUpdate } from '../../rollups/update.js';
import type { TransactItem } from '../../store/metered-store.js';
import { staleVersion, versionCondition, withConflict } from '../../store/versioning.js';
import { actorOf, metadataOf, mirrorPuts, toDetail } from '../records.js';
import { readDocumentItems } from '../repository.js';
import { notFound, type OpContext } from './context.js';

/** Who deleted or restored, when and why (kept on the document and in the audit record). */
export type DeletedInfo = { at: string; by: ReturnType<typeof actorOf>; reason: string };

/** What a soft delete or a restore changes on the document item itself, and what its audit record says. */
export type StateChange = {
  deleting: boolean;
  document: (info: DeletedInfo, metadata: DocumentMetadata) => { set: string; remove: string; values: Record<string, unknown> };
  auditAfter: (info: DeletedInfo) => Record<string, unknown>;
};

/**
 * Soft delete (./soft-delete.ts) and restore (./restore.ts) flip one state; the files and versions
 * stay untouched in S3. One transaction conditioned on the version read: the document (its index
 * keys move to the recycle bin or back to the live lists), every version's `docDeleted` (hash
 * look-ups), the link mirrors, the audit record and the document count.
 */
export async function changeDeletedState(
  ctx: OpContext,
  id: string,
  expectedVersion: number,
  reason: string | undefined,
  change: StateChange,
): Promise<DocumentDetail> {
  const { tenant: t, now } = ctx;
  const { deleting } = change;
  const items = await readDocumentItems(ctx.store, t, id);
  const doc = items.find((i) => i.SK === 'D');
  if (!doc) throw notFound();
  if (Boolean(doc.deleted) === deleting) {
    throw new ProblemError(
      'conflict',
      deleting ? { vi: 'Văn bản đã bị xoá', en: 'The document is already deleted' } : { vi: 'Văn bản chưa bị xoá', en: 'The document is not deleted' },
    );
  }
  if (doc.version !== expectedVersion) throw staleVersion();
  const info: DeletedInfo = { at: now.toISOString(), by: actorOf(ctx.actor), reason: reason ?? '' };
  const metadata = metadataOf(doc);
  const own = change.document(info, metadata);
  const cond = versionCondition(expectedVersion);
  const versions = items.filter((i) => typeof i.SK === 'string' && i.SK.startsWith(keys.documentVersionPrefix));
  const tx: TransactItem[] = [
    {
      Update: {
        Key: keys.document(t, id),
        UpdateExpression: `SET ${own.set}, updatedAt = :at, #version = :next REMOVE ${own.remove}`,
        ConditionExpression: cond.ConditionExpression,
        ExpressionAttributeNames: cond.ExpressionAttributeNames,
        ExpressionAttributeValues: { ...cond.ExpressionAttributeValues, ...own.values, ':at': info.at, ':next': expectedVersion + 1 },
      },
    },
    ...versions.map(
      (v): TransactItem => ({
        Update: {
          Key: { PK: v.PK as string, SK: v.SK as string },
          UpdateExpression: 'SET docDeleted = :d',
          ConditionExpression: 'attribute_exists(PK)',
          ExpressionAttributeValues: { ':d': deleting },
        },
      }),
    ),
    ...mirrorPuts(t, id, metadata, deleting),
    auditPut({
      tenant: t,
      actor: ctx.actor,
      entity: 'document',
      entityId: id,
      action: deleting ? 'delete' : 'restore',
      before: { deleted: doc.deleted ?? null },
      after: change.auditAfter(info),
      at: now,
    }),
    rollupUpdate(t, { [counterName.documents]: deleting ? -1 : 1 }, now),
  ];
  await withConflict(() => ctx.store.transactWrite(tx));
  return toDetail(await readDocumentItems(ctx.store, t, id))!;
}
