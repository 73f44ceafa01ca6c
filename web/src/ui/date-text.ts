/**
 * Dates and times as people type them in Vietnam: day first (05/11/2026, 5-11-2026, 5.11.26) and
 * a 24-hour clock (09:30, 9h30, 930). The app keeps ISO values (2026-11-05, 09:30); these turn one
 * into the other, whatever the browser's language. Pure functions, unit-tested.
 */

const pad = (n: number) => String(n).padStart(2, '0');

function validDay(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1 || year < 1000 || year > 9999) return false;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= last;
}

/** dd/mm/yyyy (also d/m/yy, with - . or space) or ISO yyyy-mm-dd → yyyy-mm-dd; null when not a date. */
export function parseDateText(text: string): string | null {
  const s = text.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  const dmy = /^(\d{1,2})[/.\-\s](\d{1,2})[/.\-\s](\d{2}|\d{4})$/.exec(s);
  const compact = /^(\d{2})(\d{2})(\d{4})$/.exec(s);
  const parts = iso ? [iso[3], iso[2], iso[1]] : (dmy ?? compact)?.slice(1, 4);
  if (!parts) return null;
  const day = Number(parts[0]);
  const month = Number(parts[1]);
  const yearText = parts[2] ?? '';
  const year = yearText.length === 2 ? 2000 + Number(yearText) : Number(yearText);
  return validDay(year, month, day) ? `${year}-${pad(month)}-${pad(day)}` : null;
}

/** yyyy-mm-dd → dd/mm/yyyy; anything else unchanged. */
export function dateText(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

/** 24-hour time: 9:30, 09.30, 9h30, 9h, 0930 → 09:30; null when not a time. */
export function parseTimeText(text: string): string | null {
  const s = text.trim().toLowerCase();
  const m = /^(\d{1,2})(?:[:.h\s]?(\d{2}))?(?:\s*(?:h|giờ))?$/.exec(s);
  if (!m) return null;
  const hours = Number(m[1]);
  const minutes = Number(m[2] ?? '0');
  return hours <= 23 && minutes <= 59 ? `${pad(hours)}:${pad(minutes)}` : null;
}

/** mm/yyyy (or ISO yyyy-mm) → yyyy-mm; null when not a month. */
export function parseMonthText(text: string): string | null {
  const s = text.trim();
  const iso = /^(\d{4})-(\d{1,2})$/.exec(s);
  const my = /^(\d{1,2})[/.\-\s](\d{4})$/.exec(s);
  const month = Number(iso ? iso[2] : my?.[1]);
  const year = Number(iso ? iso[1] : my?.[2]);
  if (!(iso || my) || month < 1 || month > 12) return null;
  return `${year}-${pad(month)}`;
}

/** yyyy-mm → mm/yyyy; anything else unchanged. */
export function monthText(iso: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(iso);
  return m ? `${m[2]}/${m[1]}` : iso;
}
