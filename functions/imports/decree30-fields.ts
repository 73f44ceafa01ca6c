import { agencyLabels, type AgencyCode, type Due, type Party } from '../../shared/agreements/schema.js';
import { agencyOf } from '../../shared/imports/agencies.js';
import { defaultPartyName, splitUnitName, unitPhrase, type Unit } from '../../shared/agreements/parties.js';
import { foldVietnamese } from '../../shared/format.js';

/**
 * Field readers of the Decree 30 import: which body a name denotes, parties from the header's
 * agency lines, dates and deadlines ("trước ngày 30/6/2025", "Quý II/2025", "từ … đến …"). Each
 * answers undefined when the text does not say it plainly; the caller marks that part unreadable.
 */

export { agencyOf };

const lower = (s: string) => s.toLocaleLowerCase('vi-VN');
const isUpper = (s: string) => /\p{Lu}/u.test(s) && s === s.toLocaleUpperCase('vi-VN');
export { isUpper };

/** A line written in capitals back in sentence case, naming the unit as it is spelled ("quận Tây Hồ"). */
export function sentenceCase(s: string, units: Unit[]): string {
  if (!isUpper(s)) return s;
  const prefix = /^((?:TM|KT|Q|TL|TUQ)\.\s*)?/u.exec(s)![0];
  let out = lower(s.slice(prefix.length));
  out = prefix + out.charAt(0).toLocaleUpperCase('vi-VN') + out.slice(1);
  for (const u of units) {
    const phrase = unitPhrase(u);
    const at = lower(out).lastIndexOf(lower(phrase));
    if (at >= 0) out = out.slice(0, at) + phrase + out.slice(at + phrase.length);
  }
  return out.replace(
    /\b(Hđnd|Ubnd|Mttq|Đbqh|Việt nam)\b/giu,
    (w) => ({ hđnd: 'HĐND', ubnd: 'UBND', mttq: 'MTTQ', đbqh: 'ĐBQH', 'việt nam': 'Việt Nam' })[lower(w)] ?? w,
  );
}

const HEADING_SHORT: Record<string, AgencyCode> = {
  hdnd: 'HDND',
  'thuong truc hdnd': 'HDND',
  ubnd: 'UBND',
  'uy ban mttq viet nam': 'MTTQ',
  'uy ban mttq': 'MTTQ',
  'ub mttq': 'MTTQ',
  'ub mttq vn': 'MTTQ',
  mttq: 'MTTQ',
  'doan dbqh': 'DBQH',
  'lien doan lao dong': 'LDLD',
  'hoi cuu chien binh': 'HCCB',
  'hoi lien hiep phu nu': 'HLHPN',
  'hoi nong dan': 'HND',
  'doan tncs ho chi minh': 'DTN',
};
for (const [code, l] of Object.entries(agencyLabels)) if (code !== 'OTHER') HEADING_SHORT[foldVietnamese(l.vi)] = code as AgencyCode;

const UNIT_LINE = /^(phuong|xa|quan|huyen|thi xa|tinh|thanh pho|dac khu)\s/;

/**
 * Parties from the header's agency lines. A joint line "HĐND - UBND - ỦY BAN MTTQ VIỆT NAM PHƯỜNG TÂY HỒ"
 * names the bodies of one unit (one of `units`: the tenant and its predecessor district); each gets
 * the unit's usual full name. Any other line is one body, its name in sentence case.
 */
export function partiesFromHeader(lines: string[], units: Unit[]): Party[] {
  // A unit written on its own line ("PHƯỜNG TÂY HỒ") belongs to the line above.
  const joined: string[] = [];
  for (const l of lines) {
    if (joined.length && UNIT_LINE.test(foldVietnamese(l))) joined[joined.length - 1] += ` ${l}`;
    else joined.push(l);
  }
  const parties: Party[] = [];
  for (const line of joined) {
    const folded = foldVietnamese(line);
    const unit = units.find((u) => folded.endsWith(` ${foldVietnamese(unitPhrase(u))}`));
    if (unit) {
      const head = folded.slice(0, folded.length - foldVietnamese(unitPhrase(unit)).length).trim();
      const codes = head.split(/\s+-\s+/).map((s) => HEADING_SHORT[s.trim()]);
      if (codes.every(Boolean)) {
        for (const agency of codes as AgencyCode[]) parties.push({ agency, name: defaultPartyName(agency, unit) });
        continue;
      }
    }
    parties.push({ agency: agencyOf(line), name: sentenceCase(line, units) });
  }
  return parties;
}

const iso = (y: number, m: number, d: number) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
function validDate(y: number, m: number, d: number): string | undefined {
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d ? iso(y, m, d) : undefined;
}
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
const DMY = /(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})/g;

/** "Tây Hồ, ngày 28 tháng 02 năm 2024" → place and date; a blank day/month ("ngày   tháng   năm 2025") gives only the year. */
export function placeDateOf(text: string): { place: string; date: string | null; year: number | null } | undefined {
  const m = /^(.+?),\s*ngày\s*(\d{1,2})?\s*tháng\s*(\d{1,2})?\s*năm\s*(\d{4})\s*$/iu.exec(text.trim());
  if (!m) return undefined;
  const y = Number(m[4]);
  return { place: m[1]!.trim(), date: m[2] && m[3] ? (validDate(y, Number(m[3]), Number(m[2])) ?? null) : null, year: y };
}

const QUARTER: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4, '1': 1, '2': 2, '3': 3, '4': 4 };

/**
 * A deadline as programs write it. `null` = the text states no deadline ("thường xuyên", "cả năm",
 * the export's "trong năm"); undefined = a text that could not be read as one.
 */
export function dueOf(text: string, year: number | null): Due | null | undefined {
  const t = foldVietnamese(text).replace(/[.;]+$/, '');
  const dates = [...t.matchAll(DMY)].map((m) => validDate(Number(m[3]), Number(m[2]), Number(m[1])));
  if (dates.some((d) => d === undefined)) return undefined;
  if (/\btu\b/.test(t) && /\bden\b/.test(t) && dates.length === 2)
    return dates[1]! >= dates[0]! ? { kind: 'period', from: dates[0]!, to: dates[1]! } : undefined;
  if (/^trong nam\b/.test(t) || /^(thuong xuyen|ca nam|hang nam|dinh ky)\b/.test(t)) return null;
  if (dates.length === 1) return { kind: 'date', on: dates[0]! };
  const q = /\bquy\s+(iv|iii|ii|i|[1-4])\b(?:\s*(?:\/|nam)\s*(\d{4}))?/.exec(t);
  if (q) {
    const y = q[2] ? Number(q[2]) : year;
    const n = QUARTER[q[1]!]!;
    return y ? { kind: 'period', from: iso(y, n * 3 - 2, 1), to: iso(y, n * 3, lastDay(y, n * 3)) } : undefined;
  }
  const half = /\b6 thang (dau|cuoi) nam\b(?:\s*(\d{4}))?/.exec(t);
  if (half) {
    const y = half[2] ? Number(half[2]) : year;
    if (!y) return undefined;
    return half[1] === 'dau' ? { kind: 'period', from: iso(y, 1, 1), to: iso(y, 6, 30) } : { kind: 'period', from: iso(y, 7, 1), to: iso(y, 12, 31) };
  }
  const month = /\bthang\s+(\d{1,2})\s*(?:\/|nam)\s*(\d{4})\b/.exec(t);
  if (month && Number(month[1]) >= 1 && Number(month[1]) <= 12) {
    const y = Number(month[2]);
    const m = Number(month[1]);
    return { kind: 'period', from: iso(y, m, 1), to: iso(y, m, lastDay(y, m)) };
  }
  return undefined;
}

/** Agencies on an item line: "Ủy ban nhân dân phường Tây Hồ, Hội Nông dân phường" → refs with their names. */
export function agencyRefsOf(text: string): Party[] {
  return text
    .replace(/[.;]+$/, '')
    .split(/\s*[,;]\s*|\s+và\s+/u)
    .map((s) => s.trim())
    .filter(Boolean)
    .map((name) => ({ agency: agencyOf(name), name }));
}

/** Term of a regulation from its title ("nhiệm kỳ 2021-2026", "giai đoạn 2021 – 2026"). */
export function termOf(text: string): { from: number; to: number } | undefined {
  const m = /\b(19\d{2}|20\d{2})\s*[-–—]\s*(19\d{2}|20\d{2})\b/.exec(text);
  if (!m) return undefined;
  const from = Number(m[1]);
  const to = Number(m[2]);
  return to >= from && to - from <= 10 ? { from, to } : undefined;
}

/** The year N of a program or plan from its title ("… năm 2025"). */
export function yearOf(text: string): number | undefined {
  const m = /\bnăm\s+(19\d{2}|20\d{2})\b/iu.exec(text);
  return m ? Number(m[1]) : undefined;
}

export { splitUnitName };
