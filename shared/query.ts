import * as z from 'zod';
import { bilingual } from './problem.js';
import type { Text } from './text.js';

/**
 * Numbers in a query string or a path, read the same way everywhere: the text must be digits, so
 * `?year=abc` is "Năm phải là số có 4 chữ số" rather than zod's "expected number, received NaN";
 * then the range, in plain words.
 */
export function yearQuery(min = 1945, max = 2100) {
  const range = bilingual(`Năm từ ${min} đến ${max}`, `The year is between ${min} and ${max}`);
  return z
    .string()
    .regex(/^\d{4}$/, bilingual('Năm phải là số có 4 chữ số, ví dụ 2026', 'The year must be a 4-digit number, e.g. 2026'))
    .transform(Number)
    .pipe(z.number().min(min, range).max(max, range));
}

/** A whole number in a query or path (`?limit=`, `/items/:no`), named in the message: "Số dòng mỗi trang phải là số nguyên". */
export function wholeNumberQuery(name: Text, min: number, max: number) {
  const range = bilingual(`${name.vi} từ ${min} đến ${max}`, `${name.en} is between ${min} and ${max}`);
  return z
    .string()
    .regex(/^\d{1,9}$/, bilingual(`${name.vi} phải là số nguyên, ví dụ ${min}`, `${name.en} must be a whole number, e.g. ${min}`))
    .transform(Number)
    .pipe(z.number().min(min, range).max(max, range));
}
