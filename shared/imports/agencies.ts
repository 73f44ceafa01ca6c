import type { AgencyCode } from '../agreements/vocabulary.js';
import { foldVietnamese } from '../format.js';

/** Which body a name denotes, for the import (API) and its review screen (web). */

const AGENCY_PATTERNS: [AgencyCode, RegExp][] = [
  ['MTTQ', /\b(mat tran to quoc|mttq)\b/],
  ['DBQH', /\b(doan dai bieu quoc hoi|dbqh)\b/],
  ['HDND', /\b(hoi dong nhan dan|hdnd)\b/],
  ['UBND', /\b(uy ban nhan dan|ubnd)\b/],
  ['LDLD', /\b(lien doan lao dong|ldld)\b/],
  ['HLHPN', /\b(lien hiep phu nu|hlhpn|hoi lhpn)\b/],
  ['DTN', /\b(doan thanh nien|tncs|doan tn)\b/],
  ['HND', /\bhoi nong dan\b/],
  ['HCCB', /\b(cuu chien binh|hccb)\b/],
];

/** The body a name denotes ("Thường trực HĐND phường Tây Hồ" → HDND); OTHER when none. */
export function agencyOf(name: string): AgencyCode {
  const f = foldVietnamese(name);
  return AGENCY_PATTERNS.find(([, re]) => re.test(f))?.[0] ?? 'OTHER';
}
