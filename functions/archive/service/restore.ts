import type { DocumentDetail } from '../../../shared/archive/schema.js';
import { liveIndexKeys } from '../records.js';
import type { OpContext } from './context.js';
import { changeDeletedState } from './deleted-state.js';

/** Restore from the recycle bin (admins): the document is back in its lists, the restore recorded on it. */
export function restoreDocument(ctx: OpContext, id: string, reason: string | undefined, expectedVersion: number): Promise<DocumentDetail> {
  return changeDeletedState(ctx, id, expectedVersion, reason, {
    deleting: false,
    document: (info, metadata) => {
      const live = liveIndexKeys(ctx.tenant, id, metadata);
      return {
        set: 'GSI1PK = :pk1, GSI2PK = :pk2, GSI2SK = :sk2, restored = :restored',
        remove: 'deleted',
        values: { ':pk1': live.GSI1PK, ':pk2': live.GSI2PK, ':sk2': live.GSI2SK, ':restored': info },
      };
    },
    auditAfter: (info) => ({ deleted: null, restoreReason: info.reason }),
  });
}
