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
  return c.body(JSON.stringify(problem), problem.status as 400, {
    'content-type': 'application/problem+json; charset=utf-8',
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
  const name = (err as { name?: string }).name ?? '';
  if (name === 'ConditionalCheckFailedException' || name === 'TransactionCanceledException') {
    return problemResponse(c, makeProblem('conflict', { instance }));
  }
  if (name === 'ProvisionedThroughputExceededException' || name === 'ThrottlingException' || name === 'RequestLimitExceeded') {
    return problemResponse(c, makeProblem('throttled', { instance }));
  }
  if (isStorageDown(err)) {
    return problemResponse(c, makeProblem('storage-unavailable', { instance }));
  }
  console.error(JSON.stringify({ level: 'error', msg: 'unhandled', path: instance, error: String(err?.stack ?? err) }));
  return problemResponse(c, makeProblem('internal', { instance }));
}

function isStorageDown(err: Error): boolean {
  const code = (err as { code?: string }).code ?? (err.cause as { code?: string } | undefined)?.code;
  return ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH'].includes(code ?? '') || err.name === 'TimeoutError' || err.name === 'ServiceUnavailable';
}

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
