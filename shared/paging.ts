import * as z from 'zod';
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
    limit: z.coerce
      .number(bilingual('Số dòng mỗi trang là số', 'The page size is a number'))
      .int(bilingual('Số dòng mỗi trang là số nguyên', 'The page size is a whole number'))
      .min(1, bilingual('Số dòng mỗi trang từ 1', 'The page size is at least 1'))
      .max(max, bilingual(`Số dòng mỗi trang tối đa ${max}`, `The page size is at most ${max}`))
      .default(defaultLimit),
    cursor: z.string().max(2000, bilingual('Con trỏ phân trang quá dài', 'The paging cursor is too long')).optional(),
  };
}
