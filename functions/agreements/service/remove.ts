import { keys } from '../../../shared/keys.js';
import { auditPut } from '../../audit/record.js';
import type { TransactItem } from '../../store/metered-store.js';
import { withConflict } from '../../store/versioning.js';
import { auditContent, auditView, draftCondition, readDraft, wrongState, type OpContext } from './context.js';
import { agreementRollup } from '../../rollups/agreements.js';

/**
 * Deletes a draft (never a signed record) with all its items, in one transaction with its audit
 * record. Discarding a draft amendment frees the original for another amendment.
 */
export async function deleteDraft(ctx: OpContext, id: string, expectedVersion: number) {
  const { rows, current, before } = await readDraft(ctx, id, expectedVersion);
  if (rows.some((r) => String(r.SK).startsWith('DOCLINK#'))) {
    // The archive's documents point at this record; deleting it would leave their links dangling.
    throw wrongState(
      'Dự thảo có văn bản lưu trữ liên kết; hãy gỡ liên kết trong kho văn bản trước khi xóa',
      'Archived documents link to this draft; unlink them in the archive before deleting it',
    );
  }
  const tx: TransactItem[] = [
    {
      Delete: {
        Key: { PK: current.PK, SK: current.SK },
        ...draftCondition(expectedVersion),
      },
    },
    ...rows.filter((r) => r.SK !== 'A').map((r): TransactItem => ({ Delete: { Key: { PK: r.PK, SK: r.SK } } })),
    auditPut({
      tenant: ctx.tenant,
      actor: ctx.actor,
      entity: 'agreement',
      entityId: id,
      action: 'delete',
      before: { ...auditView(current), ...auditContent(rows) },
      after: null,
      at: ctx.now,
    }),
  ];
  if (before.amends) {
    tx.push({
      Update: {
        Key: keys.agreement(ctx.tenant, before.amends.id),
        UpdateExpression: 'REMOVE amendedBy SET #version = #version + :one',
        ConditionExpression: 'attribute_exists(PK) AND amendedBy = :id',
        ExpressionAttributeNames: { '#version': 'version' },
        ExpressionAttributeValues: { ':id': id, ':one': 1 },
      },
    });
  }
  tx.push(...agreementRollup(ctx.now, [{ kind: 'header', tenant: ctx.tenant, operation: 'delete', before, after: null }]));
  await withConflict(() => ctx.store.transactWrite(tx));
}
