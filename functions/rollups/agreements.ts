import { closedItemStatuses, type Agreement, type AgreementStatus, type ItemIndexEntry } from '../../shared/agreements/schema.js';
import { counterName, delta, sum, type Counters } from '../../shared/rollups/counters.js';
import type { TenantRef } from '../../shared/keys.js';
import type { TransactItem } from '../store/metered-store.js';
import { rollupUpdate } from './update.js';

/**
 * What an agreement write changed. Every agreement write (functions/agreements/service/*) passes its
 * changes to `agreementRollup` and appends the result to its own TransactWrite, so counters move in
 * the same transaction as the change (ONE Update of the tenant's roll-up row, however many changes).
 * Roll-ups depend on shared types only, never on a capability's code.
 */
export type AgreementChange =
  | {
      kind: 'header';
      tenant: TenantRef;
      operation: 'create' | 'update' | 'delete' | 'sign' | 'transition' | 'amend' | 'supersede';
      before: Agreement | null;
      after: Agreement | null;
    }
  | { kind: 'item'; tenant: TenantRef; agreement: Agreement; no: number; before: ItemIndexEntry; after: ItemIndexEntry }
  | { kind: 'review'; tenant: TenantRef; agreement: Agreement; period: string; created: boolean };

/** Agreement statuses whose items are commitments being carried out (and can fall overdue). */
const TRACKED: readonly AgreementStatus[] = ['signed', 'in_force', 'expired'];
const SIGNED_PROGRAM: readonly AgreementStatus[] = ['signed', 'in_force'];

/** One content item's share of its district's counters (only items of signed agreements count). */
export function itemCounters(entry: ItemIndexEntry): Counters {
  if (entry.s === 'done') return { 'item.done': 1 };
  if (closedItemStatuses.includes(entry.s)) return {}; // cancelled: neither open nor done
  return entry.d ? { [counterName.itemOpenDue(entry.d)]: 1 } : { [counterName.itemOpenNoDue]: 1 };
}

/** What one agreement record (header with its item index) adds to its district's counters. */
export function agreementCounters(a: Pick<Agreement, 'kind' | 'status' | 'year' | 'itemIndex'>): Counters {
  const parts: Counters[] = [{ [counterName.agreement(a.kind, a.status)]: 1 }];
  if (a.kind === 'program' && a.year !== null && SIGNED_PROGRAM.includes(a.status)) parts.push({ [counterName.programSigned(a.year)]: 1 });
  if (TRACKED.includes(a.status)) parts.push(...Object.values(a.itemIndex).map(itemCounters));
  return sum(...parts);
}

/** Counter change of one agreement write event. */
export function agreementChangeCounters(change: AgreementChange): Counters {
  switch (change.kind) {
    case 'header':
      return delta(change.before ? agreementCounters(change.before) : null, change.after ? agreementCounters(change.after) : null);
    case 'item':
      return TRACKED.includes(change.agreement.status) ? delta(itemCounters(change.before), itemCounters(change.after)) : {};
    case 'review':
      return {};
  }
}

/** The one roll-up Update an agreement write adds to its transaction (changes of one tenant). */
export function agreementRollup(at: Date, changes: AgreementChange[]): TransactItem[] {
  const first = changes[0];
  if (!first) return [];
  return [rollupUpdate(first.tenant, sum(...changes.map(agreementChangeCounters)), at)];
}
