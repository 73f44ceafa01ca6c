import type { TransactItem } from '../../store/metered-store.js';
import { cancellationCodes, isConditionFailure, staleVersion } from '../../store/versioning.js';
import type { OpContext } from './context.js';

/**
 * Writes of one record of a signed agreement (an item's progress, a review) also move the header's
 * due revision (reminders' `dueGuard`). When only the header's guard fails, another record of the
 * same agreement changed between read and write: the attempt reads and writes again, three times at
 * most. The record's own failed condition is the caller's 409.
 */
export async function retryOnHeaderRace<R>(attempt: (mayRetry: boolean) => Promise<R>): Promise<Exclude<R, 'retry'>> {
  for (let n = 1; ; n++) {
    const result = await attempt(n < 3);
    if (result !== 'retry') return result as Exclude<R, 'retry'>;
  }
}

/** Writes `tx` (the record first, the header second): 'retry' when only the header's guard failed. */
export async function writeRecordAndHeader(ctx: OpContext, tx: TransactItem[], mayRetry: boolean): Promise<'retry' | 'written'> {
  try {
    await ctx.store.transactWrite(tx);
    return 'written';
  } catch (err) {
    const [recordCode, headerCode] = cancellationCodes(err);
    if (mayRetry && recordCode !== 'ConditionalCheckFailed' && headerCode === 'ConditionalCheckFailed') return 'retry';
    if (isConditionFailure(err)) throw staleVersion();
    throw err;
  }
}
