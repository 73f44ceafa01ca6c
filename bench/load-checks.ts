/**
 * The judgements of `npm run load` (bench/load.ts), apart from the run so that they can be tested on
 * made-up logs (test/unit/load-checks.test.ts): a check that never fails proves nothing.
 */

export type ItemState = { version: number; progress: number; status: string };

/** What the clients saw of one item: PATCHes sent, answered, accepted (with the state each answered). */
export type ItemLog = { sent: number; answered: number; accepted: ItemState[]; conflicts: number };

/**
 * Lost updates of racing progress writes. Each accepted PATCH must have got its own version; the
 * item's version must have moved by exactly the number accepted — plus at most the PATCHes whose
 * answer the end of the run cut off (they may or may not have been applied); and when none was cut
 * off, the item must show the accepted write with the highest version.
 */
export function lostUpdates(logs: Map<string, ItemLog>, initial: Map<string, number>, final: Map<string, ItemState>): string[] {
  const found: string[] = [];
  for (const [k, l] of logs) {
    const end = final.get(k);
    const start = initial.get(k);
    if (!end || start === undefined) {
      found.push(`${k}: not readable after the run`);
      continue;
    }
    const unanswered = l.sent - l.answered;
    const versions = l.accepted.map((a) => a.version);
    const moved = end.version - start;
    if (new Set(versions).size !== versions.length) found.push(`${k}: two accepted updates got the same version`);
    if (moved < l.accepted.length || moved > l.accepted.length + unanswered) {
      found.push(`${k}: ${l.accepted.length} accepted (+${unanswered} cut off), version moved by ${moved}`);
    }
    if (unanswered === 0 && l.accepted.length > 0) {
      const last = l.accepted.reduce((a, b) => (b.version > a.version ? b : a));
      if (last.version !== end.version || last.progress !== end.progress || last.status !== end.status) {
        found.push(`${k}: shows v${end.version} ${end.progress}% ${end.status}, last accepted v${last.version} ${last.progress}% ${last.status}`);
      }
    }
  }
  return found;
}

/** One Idempotency-Key: the first create and its retry with the same key and body, as answered. */
export type CreateRecord = { first?: { status: number; id?: string }; retry?: { status: number; id?: string; replayed: boolean } };

/**
 * Duplicates from retried creates: a retry answered 201 must carry the first answer's id and say it
 * was replayed; and the table must hold at most one agreement per key (`stored`: key → count), which
 * also catches a duplicate whose answer the run's end cut off.
 */
export function duplicateCreates(creates: Map<string, CreateRecord>, stored: Map<string, number>): { duplicates: string[]; retriesReplayed: number } {
  const duplicates: string[] = [];
  let retriesReplayed = 0;
  for (const [key, r] of creates) {
    if (r.first?.status !== 201 || r.retry?.status !== 201) continue;
    if (r.retry.id !== r.first.id) duplicates.push(`${key}: the retry made ${r.retry.id}, the first ${r.first.id}`);
    else if (!r.retry.replayed) duplicates.push(`${key}: the retry was not marked replayed`);
    else retriesReplayed++;
  }
  for (const [key, n] of stored) if (n > 1) duplicates.push(`${key}: ${n} agreements`);
  return { duplicates, retriesReplayed };
}

/** Counters without the zeros (a counter back at 0 may stay on the row), in one key order. */
export function sameCounters(a: Record<string, number>, b: Record<string, number>): boolean {
  const clean = (c: Record<string, number>) =>
    JSON.stringify(
      Object.entries(c)
        .filter(([, v]) => v !== 0)
        .sort(([x], [y]) => x.localeCompare(y)),
    );
  return clean(a) === clean(b);
}

/** The p-th percentile of ascending values (nearest rank). */
export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}
