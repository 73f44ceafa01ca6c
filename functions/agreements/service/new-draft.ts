import { vietnamToday, type AgreementContent } from '../../../shared/agreements/schema.js';
import { auditPut } from '../../audit/record.js';
import type { TransactItem } from '../../store/metered-store.js';
import { newHeaderMeta, type HeaderMeta } from '../header-meta.js';
import { agreementFromItem, contentItems, headerItem, summaryOf } from '../records.js';
import { actorLabel, auditContent, auditView, type OpContext } from './context.js';

/**
 * What writing a new draft record puts (a create, or the next revision an amendment drafts): its
 * header and content units, each only if absent, and the audit entry of its creation. `lineage`
 * is what differs from a first draft (revision, what it amends or continues).
 */
export function newDraftWrites(ctx: OpContext, id: string, content: AgreementContent, lineage: Partial<HeaderMeta>) {
  const at = ctx.now.toISOString();
  const header = headerItem(ctx.tenant, id, content, newHeaderMeta(at, actorLabel(ctx.actor), lineage));
  const units = contentItems(ctx.tenant, id, content, at);
  const agreement = agreementFromItem(header);
  const writes: TransactItem[] = [
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
  ];
  return { agreement, summary: summaryOf(agreement, vietnamToday(ctx.now)), writes };
}
