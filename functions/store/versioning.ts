import type { Context } from 'hono';
import type { AppEnv } from '../http/env.js';
import { ProblemError } from '../http/problem.js';

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

function fieldProblem(field: string, where: 'header' | 'body', vi: string, en: string): ProblemError {
  return new ProblemError('validation', { vi: 'Vui lòng kiểm tra các trường được nêu', en: 'Check the fields listed in errors' }, [
    { field, in: where, code: 'version', message_vi: vi, message_en: en },
  ]);
}

/**
 * The version a write expects, the same way on every route: `If-Match` (`"3"`, `W/"3"`, `3`) or the
 * body's `version`; both given must agree. null when neither is given (callers that need one use
 * `requiredVersion`).
 */
export function expectedVersion(c: Context<AppEnv>, bodyVersion?: number): number | null {
  const header = c.req.header('if-match');
  const fromHeader = header !== undefined ? versionFromIfMatch(header) : null;
  if (header !== undefined && fromHeader === null) {
    throw fieldProblem('If-Match', 'header', 'If-Match phải là số phiên bản, ví dụ "3"', 'If-Match must be a version number, e.g. "3"');
  }
  if (fromHeader !== null && bodyVersion !== undefined && fromHeader !== bodyVersion) {
    throw fieldProblem('version', 'body', 'Phiên bản trong nội dung khác với If-Match', 'Body version differs from If-Match');
  }
  return fromHeader ?? bodyVersion ?? null;
}

export function requiredVersion(c: Context<AppEnv>, bodyVersion?: number): number {
  const v = expectedVersion(c, bodyVersion);
  if (v === null) {
    throw fieldProblem(
      'version',
      'body',
      'Cần số phiên bản đã đọc (trường version hoặc tiêu đề If-Match)',
      'The version you read is required (version field or If-Match header)',
    );
  }
  return v;
}

/**
 * The one condition-failure path: a write whose condition failed becomes `onConflict(err)` (default:
 * stale version, 409). The error is passed on for writes whose answer depends on which condition
 * failed (a transaction's cancellation reasons).
 */
export async function withConflict<T>(write: () => Promise<T>, onConflict: (err: unknown) => ProblemError = staleVersion): Promise<T> {
  try {
    return await write();
  } catch (err) {
    if (isConditionFailure(err)) throw onConflict(err);
    throw err;
  }
}

/** The code of each item of a cancelled transaction, in the order of its items (`ConditionalCheckFailed`, `None`, …). */
export function cancellationCodes(err: unknown): (string | undefined)[] {
  return ((err as { CancellationReasons?: { Code?: string }[] }).CancellationReasons ?? []).map((r) => r.Code);
}

/**
 * `ETag: "<version>"` of a create's or write's answer: the version of the record the body carries
 * (`{ plan: { version } }`, `{ recommendation: … }`, a document itself), so a client can send it back
 * as `If-Match` without reading the record again.
 */
export function setVersionTag(c: Context<AppEnv>, body: unknown): void {
  const b = body as Record<string, unknown> | null;
  if (!b || typeof b !== 'object') return;
  const candidates = [b, ...Object.values(b)] as ({ version?: unknown } | null)[];
  const version = candidates.find((v) => v && typeof v === 'object' && typeof v.version === 'number')?.version;
  if (typeof version === 'number') c.header('etag', `"${version}"`);
}
