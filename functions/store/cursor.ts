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
  const c = openCursor(cursor, list);
  if (!c) return undefined;
  const key = cursorKey(c.k, index);
  const prefix = `${tenantPrefix(tenant)}#`;
  for (const [name, value] of Object.entries(key)) if (name.endsWith('PK') && !value.startsWith(prefix)) throw badCursor();
  return key;
}

/**
 * A cursor's JSON, refused unless it is an object tagged with `list`; undefined on the first page.
 * For lists whose cursor carries more than a key (the operator's walk over provinces).
 */
export function openCursor(cursor: string | undefined, list: string): Record<string, unknown> | undefined {
  if (cursor === undefined || cursor === '') return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw badCursor();
  }
  if (!parsed || typeof parsed !== 'object' || (parsed as { l?: unknown }).l !== list) throw badCursor();
  return parsed as Record<string, unknown>;
}

/** A cursor's key: an object of exactly the key attributes of `index`, each a short string. */
export function cursorKey(k: unknown, index: CursorIndex): Record<string, string> {
  if (!k || typeof k !== 'object' || Array.isArray(k)) throw badCursor();
  const key = k as Record<string, unknown>;
  if (Object.keys(key).sort().join(',') !== [...(KEY_ATTRIBUTES[index] ?? [])].sort().join(',')) throw badCursor();
  for (const value of Object.values(key)) if (typeof value !== 'string' || value.length > 400) throw badCursor();
  return key as Record<string, string>;
}
