import { vietnamToday, type AgreementContent, type AgreementSummary, type ContinuesRef } from '../../../shared/agreements/schema.js';
import { newId } from '../../../shared/ids.js';
import { auditPut } from '../../audit/record.js';
import { idempotentCreate } from '../../store/idempotency.js';
import type { TransactItem } from '../../store/metered-store.js';
import { agreementFromItem, contentItems, headerItem, summaryOf } from '../records.js';
import { actorLabel, auditContent, auditView, type OpContext } from './context.js';
import { agreementRollup } from '../../rollups/agreements.js';

export type CreateResult = { agreement: AgreementSummary };

/**
 * Creates a draft: header + chapters/articles/items + audit (+ idempotency record) in ONE
 * TransactWrite. A retried create with the same `Idempotency-Key` and body returns the first result.
 */
export async function createAgreement(ctx: OpContext, content: AgreementContent, idempotencyKey: string | undefined, continues: ContinuesRef | null = null) {
  return idempotentCreate<CreateResult>({
    store: ctx.store,
    tenant: ctx.tenant,
    key: idempotencyKey,
    request: content,
    now: ctx.now,
    create: async (record) => {
      const id = newId(ctx.now);
      const at = ctx.now.toISOString();
      const header = headerItem(ctx.tenant, id, content, {
        status: 'draft',
        revision: 1,
        amends: null,
        amendmentReason: '',
        continues,
        amendedBy: null,
        supersededBy: null,
        signedOn: null,
        effectiveFrom: null,
        effectiveTo: null,
        version: 1,
        createdAt: at,
        updatedAt: at,
        createdBy: actorLabel(ctx.actor),
      });
      const units = contentItems(ctx.tenant, id, content, at);
      const agreement = agreementFromItem(header);
      const body: CreateResult = { agreement: summaryOf(agreement, vietnamToday(ctx.now)) };
      const tx: TransactItem[] = [
        { Put: { Item: header, ConditionExpression: 'attribute_not_exists(PK)' } },
        ...units.map((Item): TransactItem => ({ Put: { Item, ConditionExpression: 'attribute_not_exists(PK)' } })),
        auditPut({
          tenant: ctx.tenant,
          actor: ctx.actor,
          entity: 'agreement',
          entityId: id,
          action: 'create',
          before: null,
          after: { ...auditView(header), ...auditContent(units) },
          at: ctx.now,
        }),
        ...record(201, body),
        ...agreementRollup(ctx.now, [{ kind: 'header', tenant: ctx.tenant, operation: 'create', before: null, after: agreement }]),
      ];
      await ctx.store.transactWrite(tx);
      return { status: 201, body };
    },
  });
}
