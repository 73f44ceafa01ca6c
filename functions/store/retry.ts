/**
 * Retries, chosen rather than defaulted: the SDK's standard mode (exponential backoff with jitter,
 * a retry quota per client so a storage outage does not multiply load) with 3 attempts in all;
 * throttling, 5xx and network errors are retried, a failed condition never is. A connection that
 * does not open in 2 s or a request unanswered in 8 s counts as failed, so three attempts end well
 * inside API Gateway's 29 s; what still fails becomes 429 or 503 with Retry-After
 * (functions/http/problem.ts).
 */
export const STORAGE_RETRY = {
  maxAttempts: 3,
  retryMode: 'standard',
  requestHandler: { connectionTimeout: 2000, requestTimeout: 8000 },
} as const;
