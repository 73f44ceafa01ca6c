import type { AgreementContent, AgreementSummary, ContinuesRef } from '../../../shared/agreements/schema.js';
import { newId } from '../../../shared/ids.js';
import { idempotentCreate } from '../../store/idempotency.js';
import { agreementRollup } from '../../rollups/agreements.js';
import type { OpContext } from './context.js';
import { newDraftWrites } from './new-draft.js';

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
      const draft = newDraftWrites(ctx, newId(ctx.now), content, { continues });
      const body: CreateResult = { agreement: draft.summary };
      await ctx.store.transactWrite([
        ...draft.writes,
        ...record(201, body),
        ...agreementRollup(ctx.now, [{ kind: 'header', tenant: ctx.tenant, operation: 'create', before: null, after: draft.agreement }]),
      ]);
      return { status: 201, body };
    },
  });
}
