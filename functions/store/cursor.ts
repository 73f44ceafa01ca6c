import { tenantPrefix, type TenantRef } from '../../shared/keys.js';
import { ProblemError } from '../http/problem.js';

/**
 * The one paging cursor: DynamoDB's LastEvaluatedKey as base64url JSON, tagged with the list it
 * belongs to. Decoding checks it before use — same list, exactly the key attributes of that index,
 * short strings, and every partition key inside the caller's tenant — so a cursor can neither reach
 * another tenant nor make DynamoDB fail.
 */
const KEY_ATTRIBUTES: Record<string, string[]> = {
  table: ['PK', 'SK'],
  GSI1: ['PK', 'SK', 'GSI1PK', 'GSI1SK'],
  GSI2: ['PK', 'SK', 'GSI2PK', 'GSI2SK'],
};

export type CursorIndex = keyof typeof KEY_ATTRIBUTES;

export function badCursor(): ProblemError {
  return new ProblemError('validation', { vi: 'Con trỏ phân trang không hợp lệ', en: 'Invalid paging cursor' }, [
    {
      field: 'cursor',
      in: 'query',
      code: 'invalid_cursor',
      message_vi: 'Con trỏ không hợp lệ hoặc thuộc một danh sách khác; hãy tải lại trang đầu',
      message_en: 'The cursor is invalid or belongs to another list; reload the first page',
    },
  ]);
}

/** `list` names the list (e.g. `agreements:GSI1`), so a cursor of one list is refused by another. */
export function encodeCursor(list: string, lastKey: Record<string, unknown> | undefined): string | null {
  if (!lastKey) return null;
  return Buffer.from(JSON.stringify({ l: list, k: lastKey }), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string | undefined, list: string, index: CursorIndex, tenant: TenantRef): Record<string, string> | undefined {
  if (cursor === undefined || cursor === '') return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw badCursor();
  }
  const c = parsed as { l?: unknown; k?: unknown };
  if (!c || typeof c !== 'object' || c.l !== list || !c.k || typeof c.k !== 'object' || Array.isArray(c.k)) throw badCursor();
  const key = c.k as Record<string, unknown>;
  const names = Object.keys(key).sort();
  if (names.join(',') !== [...(KEY_ATTRIBUTES[index] ?? [])].sort().join(',')) throw badCursor();
  const prefix = `${tenantPrefix(tenant)}#`;
  for (const name of names) {
    const value = key[name];
    if (typeof value !== 'string' || value.length > 400) throw badCursor();
    if (name.endsWith('PK') && !value.startsWith(prefix)) throw badCursor();
  }
  return key as Record<string, string>;
}
