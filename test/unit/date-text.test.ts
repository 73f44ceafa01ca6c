import { describe, expect, it } from 'vitest';
import { dateText, monthText, parseDateText, parseMonthText, parseTimeText } from '../../web/src/ui/date-text.js';

describe('dates typed day first, whatever the browser language', () => {
  it('reads dd/mm/yyyy and its everyday variants as ISO', () => {
    for (const text of ['05/11/2026', '5/11/2026', '5-11-26', '05.11.2026', '05112026', ' 2026-11-05 ']) expect(parseDateText(text), text).toBe('2026-11-05');
  });
  it('refuses what is not a day of the calendar', () => {
    for (const text of ['31/11/2026', '29/02/2026', '00/01/2026', '12/13/2026', '11/05', 'hôm nay', '2026-13-01']) expect(parseDateText(text), text).toBeNull();
    expect(parseDateText('29/02/2028')).toBe('2028-02-29');
  });
  it('shows ISO dates and months day first', () => {
    expect(dateText('2026-11-05')).toBe('05/11/2026');
    expect(monthText('2026-11')).toBe('11/2026');
    expect(parseMonthText('11/2026')).toBe('2026-11');
    expect(parseMonthText('3/2026')).toBe('2026-03');
    expect(parseMonthText('13/2026')).toBeNull();
  });
  it('reads a 24-hour clock', () => {
    const read: [typed: string, time: string | null][] = [
      ['14:30', '14:30'],
      ['9h30', '09:30'],
      ['9h', '09:00'],
      ['0930', '09:30'],
      ['7.05', '07:05'],
      ['24:00', null],
      ['2:30 PM', null],
    ];
    for (const [typed, time] of read) expect(parseTimeText(typed), typed).toBe(time);
  });
});
