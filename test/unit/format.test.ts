import { describe, expect, it } from 'vitest';
import { foldVietnamese, formatDate, formatDateTime } from '../../shared/format.js';

describe('formatting', () => {
  it('shows calendar dates as dd/mm/yyyy', () => {
    expect(formatDate('2021-11-10')).toBe('10/11/2021');
    expect(formatDate('2024-02-28')).toBe('28/02/2024');
    expect(formatDate('')).toBe('');
    expect(formatDate('not a date')).toBe('');
  });

  it('shows instants in Vietnam time (UTC+7)', () => {
    // 18:30 UTC on 31/12 is already 01:30 on 01/01 in Hà Nội.
    expect(formatDate('2023-12-31T18:30:00Z')).toBe('01/01/2024');
    expect(formatDateTime('2023-12-31T18:30:00Z')).toBe('01:30 01/01/2024');
  });

  it('folds Vietnamese for diacritics-insensitive search', () => {
    expect(foldVietnamese('Ký kết')).toBe(foldVietnamese('ky ket'));
    expect(foldVietnamese('Đống Đa')).toBe('dong da');
    expect(foldVietnamese('Quy chế phối hợp')).toBe('quy che phoi hop');
    // decomposed input (NFD from some keyboards) folds the same as composed
    expect(foldVietnamese('Hội đồng'.normalize('NFD'))).toBe('hoi dong');
  });
});
