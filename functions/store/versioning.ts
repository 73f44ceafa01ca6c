import { ProblemError } from '../api/problem.js';

/**
 * Optimistic concurrency. Clients send the version they read (`If-Match: "<n>"` or `version` in the
 * body); updates carry this condition and a failed condition becomes a 409 problem.
 */
export function versionCondition(expected: number) {
  return {
    ConditionExpression: 'attribute_exists(PK) AND #version = :expectedVersion',
    ExpressionAttributeNames: { '#version': 'version' },
    ExpressionAttributeValues: { ':expectedVersion': expected },
  };
}

/** Reads the expected version from an `If-Match` header (`"3"`, `W/"3"` or `3`). */
export function versionFromIfMatch(header: string | undefined): number | null {
  if (!header) return null;
  const m = /^(?:W\/)?"?(\d+)"?$/.exec(header.trim());
  return m ? Number(m[1]) : null;
}

export function staleVersion(): ProblemError {
  return new ProblemError('conflict', {
    vi: 'Bản ghi đã được người khác thay đổi. Vui lòng tải lại rồi thử lại.',
    en: 'The record was changed by someone else. Reload and try again.',
  });
}

/** True when a DynamoDB error is a failed condition (alone or inside a cancelled transaction). */
export function isConditionFailure(err: unknown): boolean {
  const e = err as { name?: string; CancellationReasons?: { Code?: string }[] };
  if (e?.name === 'ConditionalCheckFailedException') return true;
  return e?.name === 'TransactionCanceledException' && (e.CancellationReasons ?? []).some((r) => r.Code === 'ConditionalCheckFailed');
}
