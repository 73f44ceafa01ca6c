import type { DocumentDetail } from '../../../shared/archive/schema.js';
import { keys } from '../../../shared/keys.js';
import type { OpContext } from './context.js';
import { changeDeletedState } from './deleted-state.js';

/** Soft delete (admins, with a reason): the document leaves every list for the recycle bin; its files stay. */
export function softDeleteDocument(ctx: OpContext, id: string, reason: string, expectedVersion: number): Promise<DocumentDetail> {
  return changeDeletedState(ctx, id, expectedVersion, reason, {
    deleting: true,
    document: (info) => ({
      set: 'deleted = :deleted, GSI1PK = :bin',
      remove: 'GSI2PK, GSI2SK',
      values: { ':deleted': info, ':bin': keys.documentDeletedList(ctx.tenant).GSI1PK },
    }),
    auditAfter: (info) => ({ deleted: info }),
  });
}
