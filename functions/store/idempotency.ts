import { createHash } from 'node:crypto';
import * as z from 'zod';
import { keys, type TenantRef } from '../../shared/keys.js';
import { ProblemError } from '../http/problem.js';
import type { MeteredStore, TransactItem } from './metered-store.js';

export const IDEMPOTENCY_TTL_SECONDS = 24 * 3600;
export const idempotencyKeySchema = z.string().regex(/^[A-Za-z0-9_.:-]{8,128}$/);

export type IdempotentResult<T> = { status: number; body: T; replayed: boolean };

/** Builds the idempotency record for the response a create is about to return. */
export type RecordResult = <T>(status: number, body: T) => TransactItem[];

/**
 * Creates with an `Idempotency-Key`: the first call runs `create`, which puts `record(status, body)`
 * into the same TransactWrite as the new items; a retry with the same key and body gets the recorded
 * response back; the same key with another body is a 409. Without a key, `record` adds nothing.
 * Two racing first calls: one transaction wins, the other fails its condition and is answered 409.
 */
export async function idempotentCreate<T>(opts: {
  store: MeteredStore;
  tenant: TenantRef;
  key: string | undefined;
  request: unknown;
  now: Date;
  create: (record: RecordResult) => Promise<{ status: number; body: T }>;
}): Promise<IdempotentResult<T>> {
  if (opts.key === undefined) return { ...(await opts.create(() => [])), replayed: false };
  const parsedKey = idempotencyKeySchema.safeParse(opts.key);
  if (!parsedKey.success) {
    throw new ProblemError('validation', { vi: 'Idempotency-Key không hợp lệ', en: 'Invalid Idempotency-Key' }, [
      {
        field: 'Idempotency-Key',
        in: 'header',
        code: 'invalid_format',
        message_vi: 'Từ 8 đến 128 ký tự: chữ, số, _ . : -',
        message_en: '8 to 128 characters: letters, digits, _ . : -',
      },
    ]);
  }
  const requestHash = createHash('sha256').update(JSON.stringify(opts.request)).digest('hex');
  const k = keys.idempotency(opts.tenant, opts.key);
  const existing = await opts.store.get({ Key: k, ConsistentRead: true });
  if (existing) {
    if (existing.requestHash !== requestHash) {
      throw new ProblemError('conflict', {
        vi: 'Idempotency-Key này đã được dùng cho một yêu cầu khác',
        en: 'This Idempotency-Key was already used for a different request',
      });
    }
    return { status: existing.status as number, body: existing.body as T, replayed: true };
  }
  const record: RecordResult = (status, body) => [
    {
      Put: {
        Item: {
          ...k,
          entity: 'idempotency',
          requestHash,
          status,
          body,
          expiresAt: Math.floor(opts.now.getTime() / 1000) + IDEMPOTENCY_TTL_SECONDS,
        },
        ConditionExpression: 'attribute_not_exists(PK)',
      },
    },
  ];
  return { ...(await opts.create(record)), replayed: false };
}
