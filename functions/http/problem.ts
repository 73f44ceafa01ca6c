import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { makeProblem, type FieldError, type Problem, type ProblemType } from '../../shared/problem.js';

/** Throw anywhere in a handler; the app's error handler turns it into problem+json. */
export class ProblemError extends Error {
  constructor(
    readonly problemType: ProblemType,
    readonly detail?: { vi: string; en: string },
    readonly errors?: FieldError[],
  ) {
    super(detail?.en ?? problemType);
  }
}

export function problemResponse(c: Context, problem: Problem): Response {
  const retryAfter = RETRY_AFTER_SECONDS[problem.status];
  return c.body(JSON.stringify(problem), problem.status as 400, {
    'content-type': 'application/problem+json; charset=utf-8',
    ...(retryAfter ? { 'retry-after': String(retryAfter) } : {}),
  });
}

/** Maps any thrown value to a problem. Unknown errors are logged and answered as 500 without details. */
export function handleError(err: Error, c: Context): Response {
  const instance = c.req.path;
  if (err instanceof ProblemError) {
    return problemResponse(c, makeProblem(err.problemType, { detail: err.detail, errors: err.errors, instance }));
  }
  if (err instanceof HTTPException) {
    const type = statusToType(err.status);
    const detail = err.status === 400 && /json/i.test(err.message) ? { vi: 'Nội dung JSON không hợp lệ', en: 'Malformed JSON in request body' } : undefined;
    return problemResponse(c, makeProblem(err.status === 400 ? 'malformed' : type, { detail, instance }));
  }
  const storage = storageProblem(err);
  if (storage) {
    if (storage.type !== 'conflict') {
      console.error(JSON.stringify({ level: 'warn', msg: 'storage error', path: instance, name: err.name, error: String(err.message).slice(0, 300) }));
    }
    return problemResponse(c, makeProblem(storage.type, { detail: storage.detail, errors: storage.errors, instance }));
  }
  console.error(JSON.stringify({ level: 'error', msg: 'unhandled', path: instance, error: String(err?.stack ?? err) }));
  return problemResponse(c, makeProblem('internal', { instance }));
}

/** Seconds a client should wait before retrying a 429 / 503 (the SDK already retried twice with backoff). */
export const RETRY_AFTER_SECONDS: Partial<Record<number, number>> = { 429: 2, 503: 5 };

const THROTTLED = new Set([
  'ProvisionedThroughputExceededException',
  'ThrottlingException',
  'RequestLimitExceeded',
  'TooManyRequestsException',
  'SlowDown', // S3
  'ThrottlingError', // a transaction's cancellation reason
  'ProvisionedThroughputExceeded',
]);
const UNAVAILABLE_NAMES = new Set([
  'ServiceUnavailable',
  'ServiceUnavailableException',
  'InternalServerError',
  'InternalFailure',
  'InternalError', // S3
  'RequestTimeout',
  'RequestTimeoutException',
  'TimeoutError',
  'CredentialsProviderError',
  'ExpiredTokenException',
]);
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND', 'EPIPE', 'EAI_AGAIN']);

type StorageProblem = { type: ProblemType; detail?: { vi: string; en: string }; errors?: FieldError[] };

const sizeRefused = (): StorageProblem => ({
  type: 'too-large',
  detail: { vi: 'Bản ghi vượt quá dung lượng lưu trữ cho phép', en: 'The record exceeds the storage limit' },
  errors: [{ field: '', in: 'body', code: 'too_big', message_vi: 'Hãy rút gọn nội dung', message_en: 'Shorten the content' }],
});

/**
 * What an error of DynamoDB, S3 or STS means for the client: throttling → 429, unavailable (down,
 * timing out, 5xx, no credentials) → 503, a refused size → 413, another validation → 400, a failed
 * condition or conflicting transaction → 409. undefined: not a storage error (a bug → 500).
 */
export function storageProblem(err: Error): StorageProblem | undefined {
  const e = err as Error & { code?: string; $metadata?: { httpStatusCode?: number }; CancellationReasons?: { Code?: string; Message?: string }[] };
  const name = e.name ?? '';
  if (name === 'TransactionCanceledException') {
    const codes = (e.CancellationReasons ?? []).map((r) => r.Code ?? 'None');
    if (codes.some((code) => THROTTLED.has(code))) return { type: 'throttled' };
    if (codes.includes('ValidationError')) {
      const message = (e.CancellationReasons ?? []).map((r) => r.Message ?? '').join(' ');
      return /size/i.test(message) ? sizeRefused() : { type: 'validation', detail: storageValidation };
    }
    return { type: 'conflict' };
  }
  if (name === 'ConditionalCheckFailedException' || name === 'TransactionConflictException' || name === 'TransactionInProgressException') {
    return { type: 'conflict' };
  }
  if (THROTTLED.has(name)) return { type: 'throttled' };
  if (name === 'ValidationException') return /size/i.test(e.message) ? sizeRefused() : { type: 'validation', detail: storageValidation };
  const code = e.code ?? (e.cause as { code?: string } | undefined)?.code ?? '';
  if (NETWORK_CODES.has(code) || UNAVAILABLE_NAMES.has(name) || (e.$metadata?.httpStatusCode ?? 0) >= 500) return { type: 'storage-unavailable' };
  return undefined;
}

const storageValidation = { vi: 'Kho dữ liệu từ chối yêu cầu', en: 'Storage refused the request' };

function statusToType(status: number): ProblemType {
  switch (status) {
    case 401:
      return 'unauthenticated';
    case 403:
      return 'forbidden';
    case 404:
      return 'not-found';
    case 405:
      return 'method-not-allowed';
    case 409:
      return 'conflict';
    case 413:
      return 'too-large';
    case 415:
      return 'unsupported-media-type';
    case 429:
      return 'throttled';
    case 503:
      return 'storage-unavailable';
    default:
      return status >= 500 ? 'internal' : 'validation';
  }
}
