import * as z from 'zod';
import { wholeNumberQuery } from './query.js';
import { bilingual } from './problem.js';

/**
 * One list contract for every list endpoint: `{ items, nextCursor }` plus named extras (e.g. `asOf`,
 * `today`). `nextCursor` is opaque (functions/store/cursor.ts) and null on the last page.
 */
export function listResponseOf<Item extends z.ZodType, Extras extends z.ZodRawShape = Record<never, never>>(item: Item, extras?: Extras) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable(), ...(extras ?? ({} as Extras)) });
}

export type ListResponseOf<Item> = { items: Item[]; nextCursor: string | null };

/** `?limit=&cursor=` of every list: 1–100, 25 unless said. */
export function pagingQuery(defaultLimit = 25, max = 100) {
  return {
    limit: wholeNumberQuery({ vi: 'Số dòng mỗi trang', en: 'The page size' }, 1, max).default(defaultLimit),
    cursor: z.string().max(2000, bilingual('Con trỏ phân trang quá dài', 'The paging cursor is too long')).optional(),
  };
}
