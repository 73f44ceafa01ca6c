import { vietnamToday, type AgreementContent, type AgreementSummary, type ContinuesRef } from '../../../shared/agreements/schema.js';
import { auditPut } from '../../audit/record.js';
import type { TransactItem } from '../../store/metered-store.js';
import { withConflict } from '../../store/versioning.js';
import { metaOf } from '../header-meta.js';
import { agreementFromItem, contentItems, headerItem, summaryOf } from '../records.js';
import { auditContent, auditView, draftCondition, readDraft, type OpContext } from './context.js';
import { agreementRollup } from '../../rollups/agreements.js';

/**
 * Replaces a draft's content (header and every chapter, article and item) in one TransactWrite
 * conditioned on the version read: a concurrent edit gets 409. Signed agreements are frozen.
 */
export async function updateDraft(
  ctx: OpContext,
  id: string,
  content: AgreementContent,
  expectedVersion: number,
  continues: ContinuesRef | null = null,
): Promise<{ agreement: AgreementSummary }> {
  const { rows, current, before } = await readDraft(ctx, id, expectedVersion);
  const at = ctx.now.toISOString();
  const header = headerItem(ctx.tenant, id, content, {
    ...metaOf(before, String(current.createdBy ?? '')),
    continues,
    version: expectedVersion + 1,
    updatedAt: at,
  });
  const units = contentItems(ctx.tenant, id, content, at);
  const keep = new Set(units.map((u) => u.SK));
  const removed = rows.filter((r) => r.SK !== 'A' && !keep.has(r.SK as string) && /^(CH#|ITEM#)/.test(r.SK as string));
  const after = agreementFromItem(header);
  const tx: TransactItem[] = [
    {
      Put: {
        Item: header,
        ...draftCondition(expectedVersion),
      },
    },
    ...units.map((Item): TransactItem => ({ Put: { Item } })),
    ...removed.map((r): TransactItem => ({ Delete: { Key: { PK: r.PK, SK: r.SK } } })),
    auditPut({
      tenant: ctx.tenant,
      actor: ctx.actor,
      entity: 'agreement',
      entityId: id,
      action: 'update',
      before: { ...auditView(current), ...auditContent(rows) },
      after: { ...auditView(header), ...auditContent(units) },
      at: ctx.now,
    }),
    ...agreementRollup(ctx.now, [{ kind: 'header', tenant: ctx.tenant, operation: 'update', before, after }]),
  ];
  await withConflict(() => ctx.store.transactWrite(tx));
  return { agreement: summaryOf(after, vietnamToday(ctx.now)) };
}
