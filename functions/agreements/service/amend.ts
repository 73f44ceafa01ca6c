import type { AgreementSummary } from '../../../shared/agreements/schema.js';
import { newId } from '../../../shared/ids.js';
import { keys } from '../../../shared/keys.js';
import { auditPut } from '../../audit/record.js';
import { idempotentCreate } from '../../store/idempotency.js';
import type { TransactItem } from '../../store/metered-store.js';
import { withConflict } from '../../store/versioning.js';
import { readPartition } from '../repository.js';
import { editableContent } from '../../../shared/agreements/editable.js';
import { detailFromItems } from '../records.js';
import { agreementNotFound, auditView, checkVersion, wrongState, type OpContext } from './context.js';
import { newDraftWrites } from './new-draft.js';
import { agreementRollup } from '../../rollups/agreements.js';

export type AmendResult = { agreement: AgreementSummary };

/**
 * An amendment (sửa đổi, bổ sung) is a new record — the next revision — drafted from the signed
 * content (items keep their status and progress). The original stays in force and readable; it is
 * marked superseded when the amendment is signed. One pending amendment at a time.
 */
export async function amendAgreement(ctx: OpContext, id: string, reason: string, expectedVersion: number, idempotencyKey: string | undefined) {
  return idempotentCreate<AmendResult>({
    store: ctx.store,
    tenant: ctx.tenant,
    key: idempotencyKey,
    request: { amend: id, reason, version: expectedVersion },
    now: ctx.now,
    create: async (record) => {
      const rows = await readPartition(ctx.store, ctx.tenant, id);
      const detail = detailFromItems(rows, ctx.now);
      if (!detail) throw agreementNotFound();
      const original = detail.agreement;
      checkVersion(original, expectedVersion);
      if (!['signed', 'in_force'].includes(original.status)) {
        throw wrongState('Chỉ sửa đổi, bổ sung được văn bản đã ký hoặc đang có hiệu lực', 'Only a signed or in-force agreement can be amended');
      }
      if (original.amendedBy) {
        throw wrongState('Văn bản này đã có một dự thảo sửa đổi, bổ sung', 'This agreement already has a draft amendment');
      }
      const content = editableContent(detail);
      const newIdValue = newId(ctx.now);
      const at = ctx.now.toISOString();
      const draft = newDraftWrites(ctx, newIdValue, content, {
        revision: original.revision + 1,
        amends: { id, revision: original.revision, number: original.number, title: original.title },
        amendmentReason: reason,
        continues: original.continues,
      });
      const body: AmendResult = { agreement: draft.summary };
      const originalRow = rows.find((r) => r.SK === 'A')!;
      const tx: TransactItem[] = [
        ...draft.writes,
        {
          Update: {
            Key: keys.agreement(ctx.tenant, id),
            UpdateExpression: 'SET amendedBy = :newId, #version = :next, updatedAt = :at, GSI2SK = :gsi2',
            ConditionExpression: 'attribute_exists(PK) AND #version = :expected AND attribute_not_exists(amendedBy)',
            ExpressionAttributeNames: { '#version': 'version' },
            ExpressionAttributeValues: {
              ':newId': newIdValue,
              ':next': expectedVersion + 1,
              ':expected': expectedVersion,
              ':at': at,
              ':gsi2': keys.agreementStatusIndex(ctx.tenant, original.status, at, id).GSI2SK,
            },
          },
        },
        auditPut({
          tenant: ctx.tenant,
          actor: ctx.actor,
          entity: 'agreement',
          entityId: id,
          action: 'amend',
          before: auditView(originalRow),
          after: { ...auditView(originalRow), amendedBy: newIdValue, amendmentReason: reason },
          at: ctx.now,
        }),
        ...record(201, body),
        ...agreementRollup(ctx.now, [
          { kind: 'header', tenant: ctx.tenant, operation: 'create', before: null, after: draft.agreement },
          {
            kind: 'header',
            tenant: ctx.tenant,
            operation: 'amend',
            before: original,
            after: { ...original, amendedBy: newIdValue, version: expectedVersion + 1, updatedAt: at },
          },
        ]),
      ];
      await withConflict(() => ctx.store.transactWrite(tx));
      return { status: 201, body };
    },
  });
}
