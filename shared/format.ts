import { vietnamClock } from './dates.js';

/** Dates are shown as dd/mm/yyyy everywhere (Vietnamese administrative practice). */
export function formatDate(value: string | Date | null | undefined): string {
  if (!value) return '';
  const d = typeof value === 'string' ? new Date(value.length === 10 ? `${value}T00:00:00Z` : value) : value;
  if (Number.isNaN(d.getTime())) return '';
  // Calendar dates are kept in UTC; Vietnam is UTC+7 for date-times.
  const local = typeof value === 'string' && value.length === 10 ? d : vietnamClock(d);
  const dd = String(local.getUTCDate()).padStart(2, '0');
  const mm = String(local.getUTCMonth() + 1).padStart(2, '0');
  return `${dd}/${mm}/${local.getUTCFullYear()}`;
}

export function formatDateTime(value: string | Date | null | undefined): string {
  if (!value) return '';
  const d = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(d.getTime())) return '';
  const local = vietnamClock(d);
  const hh = String(local.getUTCHours()).padStart(2, '0');
  const mi = String(local.getUTCMinutes()).padStart(2, '0');
  return `${hh}:${mi} ${formatDate(d)}`;
}

/**
 * Folds Vietnamese text for diacritics-insensitive search: NFC → NFD, strip marks, đ→d, lower case.
 * "Ký kết" and "ky ket" fold to the same string.
 */
export function foldVietnamese(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[đĐ]/g, (c) => (c === 'đ' ? 'd' : 'D'))
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}
