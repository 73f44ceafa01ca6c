import type { Agreement, ItemIndexEntry } from '../../../shared/agreements/schema.js';
import type { TenantRef } from '../../../shared/keys.js';
import { agreementRollup } from '../../rollups/agreements.js';
import type { TransactItem } from '../../store/metered-store.js';

/**
 * The seam for province roll-ups (issue #7). Every agreement write calls `rollupWrites` with what it
 * changed and appends the result to its own TransactWrite, so counters move in the same transaction
 * as the change (functions/rollups/agreements.ts: ONE Update of the district's roll-up row, however
 * many changes). Transactions here stay ≤ 95 items, leaving room.
 */
export type AgreementChange =
  | { kind: 'header'; tenant: TenantRef; operation: 'create' | 'update' | 'delete' | 'sign' | 'transition' | 'amend' | 'supersede'; before: Agreement | null; after: Agreement | null }
  | { kind: 'item'; tenant: TenantRef; agreement: Agreement; no: number; before: ItemIndexEntry; after: ItemIndexEntry }
  | { kind: 'review'; tenant: TenantRef; agreement: Agreement; period: string; created: boolean };

export function rollupWrites(at: Date, changes: AgreementChange[]): TransactItem[] {
  return agreementRollup(changes, at);
}
