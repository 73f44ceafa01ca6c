import { agencyLines, levelOfLocality, placeNameOf, type Unit } from '../../shared/agreements/parties.js';
import type { Party } from '../../shared/agreements/schema.js';
import type { TenantRef } from '../../shared/keys.js';
import { findAnyProvince, findLocalityIn } from '../../shared/localities/index.js';

/** The texts of a Decree 30/2020 document that depend on who issues it and when (no `docx` here). */

const upper = (s: string) => s.toLocaleUpperCase('vi-VN');

/**
 * The tenant as the document names it: its level and official name from the reference data — a
 * commune-level unit of the current list, a 2025 district (history keeps "Quận", "Huyện", …) or
 * the province.
 */
export function unitOf(t: TenantRef): Unit {
  if (t.localityCode) {
    const l = findLocalityIn(t.provinceCode, t.localityCode);
    return { level: levelOfLocality(t.localityCode), name: l?.name ?? '', type: l?.type };
  }
  return { level: 'province', name: findAnyProvince(t.provinceCode)?.name ?? '' };
}

/** Địa danh: the locality's proper name without its type ("Phường Tây Hồ", "Quận Tây Hồ" → "Tây Hồ"; "Phường 5" stays). */
export function placeName(t: TenantRef): string {
  return placeNameOf(unitOf(t));
}

/** The header's agency lines for this tenant (shared/agreements/parties.ts `agencyLines`). */
export function headerAgencyLines(parties: Party[], t: TenantRef): string[] {
  return agencyLines(parties, unitOf(t)).map(upper);
}

/** "Tây Hồ, ngày 28 tháng 02 năm 2024": day < 10 and months 1–2 take a leading zero (Decree 30). */
export function placeAndDate(place: string, isoDate: string | null, fallbackYear?: number): string {
  if (!isoDate) return `${place}, ngày      tháng      năm ${fallbackYear ?? ''}`.trimEnd();
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  const day = d < 10 ? `0${d}` : String(d);
  const month = m <= 2 ? `0${m}` : String(m);
  return `${place}, ngày ${day} tháng ${month} năm ${y}`;
}

export function roman(n: number): string {
  const table: [number, string][] = [
    [1000, 'M'],
    [900, 'CM'],
    [500, 'D'],
    [400, 'CD'],
    [100, 'C'],
    [90, 'XC'],
    [50, 'L'],
    [40, 'XL'],
    [10, 'X'],
    [9, 'IX'],
    [5, 'V'],
    [4, 'IV'],
    [1, 'I'],
  ];
  let out = '';
  for (const [v, s] of table)
    while (n >= v) {
      out += s;
      n -= v;
    }
  return out;
}

/** Counts written as in administrative texts: 09, 11. */
export function count2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}
