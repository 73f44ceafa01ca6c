import { randomBytes } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'; // Crockford base32, as ULID

/**
 * Sortable unique ids (ULID layout: 48-bit time + 80-bit randomness, base32). Sorting ids sorts
 * by creation time, which keeps "newest first" lists a plain key order.
 */
export function newId(now: Date = new Date()): string {
  let time = now.getTime();
  let head = '';
  for (let i = 0; i < 10; i++) {
    head = ALPHABET[time % 32] + head;
    time = Math.floor(time / 32);
  }
  const bytes = randomBytes(16);
  let tail = '';
  for (let i = 0; i < 16; i++) tail += ALPHABET[bytes[i]! % 32];
  return head + tail;
}

export const idSchemaPattern = /^[0-9A-HJKMNP-TV-Z]{26}$/;
