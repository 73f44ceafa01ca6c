import type { FieldError } from '../../shared/problem.js';
import { ProblemError } from '../http/problem.js';

/**
 * DynamoDB's limits, checked before a write is sent so that a record that cannot be stored is a
 * 413 naming the field, not a `ValidationException` (500) after the fact, and nothing is half-written.
 * Sizes follow DynamoDB's published rules: names and strings in UTF-8 bytes, numbers ~1 byte per two
 * digits + 1, booleans and null 1 byte, lists and maps 3 bytes + 1 per element.
 */
export const ITEM_LIMIT_BYTES = 400 * 1024;
export const TRANSACTION_LIMIT_BYTES = 4 * 1024 * 1024;

const utf8 = (s: string) => Buffer.byteLength(s, 'utf8');

export function valueSize(value: unknown): number {
  if (value === null || value === undefined || typeof value === 'boolean') return 1;
  if (typeof value === 'string') return utf8(value);
  if (typeof value === 'number')
    return Math.min(
      21,
      Math.ceil(
        String(Math.abs(value))
          .replace(/[.e+-]/g, '')
          .replace(/^0+/, '').length / 2,
      ) + 1,
    );
  if (value instanceof Set) return [...value].reduce((n: number, v) => n + valueSize(v), 0);
  if (value instanceof Uint8Array) return value.byteLength;
  if (Array.isArray(value)) return 3 + value.reduce((n: number, v) => n + 1 + valueSize(v), 0);
  if (typeof value === 'object') {
    return 3 + Object.entries(value as Record<string, unknown>).reduce((n, [k, v]) => (v === undefined ? n : n + 1 + utf8(k) + valueSize(v)), 0);
  }
  return utf8(String(value));
}

/** Size of a whole item: attribute names plus values (the map overhead does not apply at the top). */
export function itemSize(item: Record<string, unknown>): number {
  return Object.entries(item).reduce((n, [k, v]) => (v === undefined ? n : n + utf8(k) + valueSize(v)), 0);
}

/** The dotted path of the part that makes a value large: descends into the largest child while it holds most of it. */
export function largestPath(value: unknown, path: string[] = []): string {
  const children: [string, unknown][] = Array.isArray(value)
    ? value.map((v, i) => [String(i), v])
    : value && typeof value === 'object' && !(value instanceof Set) && !(value instanceof Uint8Array)
      ? Object.entries(value as Record<string, unknown>)
      : [];
  if (children.length === 0) return path.join('.');
  const total = valueSize(value);
  const [name, child] = children.reduce((best, c) => (valueSize(c[1]) > valueSize(best[1]) ? c : best));
  // An array whose elements are all alike (a list of names) is named as the list, not one element.
  if (Array.isArray(value) || valueSize(child) < total / 2) return path.length ? path.join('.') : name;
  return largestPath(child, [...path, name]);
}

const KEY_ATTRIBUTES = new Set(['PK', 'SK', 'GSI1PK', 'GSI1SK', 'GSI2PK', 'GSI2SK']);

function tooLarge(field: string, bytes: number, limit: number): ProblemError {
  const kb = (n: number) => Math.ceil(n / 1024);
  const error: FieldError = {
    field,
    in: 'body',
    code: 'too_big',
    message_vi: `Nội dung quá dài: bản ghi cần ${kb(bytes)} KB, tối đa ${kb(limit)} KB; hãy rút gọn trường này`,
    message_en: `Too long: the record needs ${kb(bytes)} KB, at most ${kb(limit)} KB; shorten this field`,
  };
  return new ProblemError('too-large', { vi: 'Bản ghi vượt quá dung lượng lưu trữ cho phép', en: 'The record exceeds the storage limit' }, [error]);
}

/** Throws a 413 problem naming the field when an item cannot be stored. */
export function assertItemFits(item: Record<string, unknown>): number {
  const bytes = itemSize(item);
  if (bytes > ITEM_LIMIT_BYTES) {
    const fields = Object.fromEntries(Object.entries(item).filter(([k]) => !KEY_ATTRIBUTES.has(k)));
    throw tooLarge(largestPath(fields), bytes, ITEM_LIMIT_BYTES);
  }
  return bytes;
}

type WriteLike = { Put?: { Item?: Record<string, unknown> }; Update?: { ExpressionAttributeValues?: Record<string, unknown> }; [op: string]: unknown };

/**
 * Checks every Put of a transaction (or a single Put) and the values an Update sets (a lower bound
 * of the item it leaves: an Update that alone exceeds the limit can never succeed), and the
 * transaction's total against its 4 MB limit.
 */
export function assertWritesFit(writes: readonly WriteLike[]): void {
  let total = 0;
  for (const w of writes) {
    if (w.Put?.Item) total += assertItemFits(w.Put.Item);
    if (w.Update?.ExpressionAttributeValues) {
      const values = Object.fromEntries(Object.entries(w.Update.ExpressionAttributeValues).map(([k, v]) => [k.replace(/^:/, ''), v]));
      total += assertItemFits(values);
    }
  }
  if (total > TRANSACTION_LIMIT_BYTES) throw tooLarge('', total, TRANSACTION_LIMIT_BYTES);
}
