import { foldVietnamese } from '../format.js';
import type { AgencyCode, Party } from './schema.js';
import type { Text } from '../text.js';

/**
 * Parties, signatories and document headings by the tenant's level (issue 11, item 6). Since
 * 01/07/2025 HĐND, UBND and Ủy ban MTTQ exist at province and commune level (xã, phường, đặc khu);
 * the socio-political organisations sit under the Front at both levels. A 2025 district (history)
 * keeps its own bodies. Pure functions of the level and the unit's official name, so the web (which
 * gets both from `GET /api/tenancy/tenant`) and the API (from shared/localities) share them without
 * the web bundling the reference lists.
 */

export type UnitLevel = 'province' | 'district' | 'commune';

/** What a document needs of its tenant: the level and the official name ("Phường Tây Hồ"). */
export type Unit = { level: UnitLevel; name: string; type?: string };

/** The level a tenant key names: no locality = the province, 3 digits a 2025 district, 5 a commune-level unit. */
export function levelOfLocality(localityCode: string | null): UnitLevel {
  if (localityCode === null) return 'province';
  return /^\d{3}$/.test(localityCode) ? 'district' : 'commune';
}

/**
 * Agencies that may be parties at each level. Đoàn ĐBQH exists only at province level; the Labour
 * Federation (LĐLĐ) at province and (until 30/06/2025) district level, not at commune level. Any
 * other body is `OTHER` with its full name.
 */
export const partyAgenciesByLevel: Record<UnitLevel, readonly AgencyCode[]> = {
  province: ['HDND', 'UBND', 'MTTQ', 'DBQH', 'LDLD', 'HCCB', 'HLHPN', 'HND', 'DTN', 'OTHER'],
  district: ['HDND', 'UBND', 'MTTQ', 'LDLD', 'HCCB', 'HLHPN', 'HND', 'DTN', 'OTHER'],
  commune: ['HDND', 'UBND', 'MTTQ', 'HCCB', 'HLHPN', 'HND', 'DTN', 'OTHER'],
};

export const levelLabels: Record<UnitLevel, Text> = {
  province: { vi: 'cấp tỉnh', en: 'province level' },
  district: { vi: 'cấp huyện (trước 01/07/2025)', en: 'district level (before 01/07/2025)' },
  commune: { vi: 'cấp xã', en: 'commune level' },
};

const TYPES = /^(Thành phố|Tỉnh|Quận|Huyện|Thị xã|Phường|Xã|Đặc khu)\s+/iu;

/** Splits "Phường Tây Hồ" into its type ("Phường") and proper name ("Tây Hồ"). */
export function splitUnitName(u: Pick<Unit, 'name' | 'type'>): { type: string; proper: string } {
  const name = u.name.trim();
  if (u.type && name.toLocaleLowerCase('vi-VN').startsWith(`${u.type.toLocaleLowerCase('vi-VN')} `)) {
    return { type: name.slice(0, u.type.length), proper: name.slice(u.type.length + 1).trim() };
  }
  const m = TYPES.exec(name);
  return m ? { type: m[1]!, proper: name.slice(m[0].length) } : { type: '', proper: name };
}

/** The unit as it follows a body's name: "phường Tây Hồ", "quận Tây Hồ", "tỉnh Thái Nguyên", "thành phố Bắc Kạn". */
export function unitPhrase(u: Pick<Unit, 'name' | 'type'>): string {
  const { type, proper } = splitUnitName(u);
  return type ? `${type.toLocaleLowerCase('vi-VN')} ${proper}` : proper;
}

/**
 * Địa danh (Decree 30/2020, Phụ lục I): the unit's proper name without its type ("Phường Tây Hồ" →
 * "Tây Hồ"); units named by a number or after a person keep their full name ("Phường 5",
 * "Thành phố Hồ Chí Minh").
 */
export function placeNameOf(u: Pick<Unit, 'name' | 'type'>): string {
  const { proper } = splitUnitName(u);
  if (/^\d/.test(proper) || /^Hồ Chí Minh$/u.test(proper)) return u.name.trim();
  return proper;
}

/** Full names of the bodies, before the unit phrase. */
const bodyNames: Record<Exclude<AgencyCode, 'OTHER'>, string> = {
  HDND: 'Thường trực Hội đồng nhân dân',
  UBND: 'Ủy ban nhân dân',
  MTTQ: 'Ủy ban Mặt trận Tổ quốc Việt Nam',
  DBQH: 'Đoàn đại biểu Quốc hội',
  LDLD: 'Liên đoàn Lao động',
  HCCB: 'Hội Cựu chiến binh',
  HLHPN: 'Hội Liên hiệp Phụ nữ',
  HND: 'Hội Nông dân',
  DTN: 'Đoàn Thanh niên Cộng sản Hồ Chí Minh',
};

/** Short forms used in the joint heading ("HĐND - UBND - Ủy ban MTTQ Việt Nam phường Tây Hồ"). */
const headingNames: Record<Exclude<AgencyCode, 'OTHER'>, string> = {
  HDND: 'HĐND',
  UBND: 'UBND',
  MTTQ: 'Ủy ban MTTQ Việt Nam',
  DBQH: 'Đoàn ĐBQH',
  LDLD: 'Liên đoàn Lao động',
  HCCB: 'Hội Cựu chiến binh',
  HLHPN: 'Hội Liên hiệp Phụ nữ',
  HND: 'Hội Nông dân',
  DTN: 'Đoàn TNCS Hồ Chí Minh',
};

/** The full name a party of this unit usually has, e.g. "Ủy ban nhân dân phường Tây Hồ"; '' for OTHER. */
export function defaultPartyName(agency: AgencyCode, u: Pick<Unit, 'name' | 'type'>): string {
  return agency === 'OTHER' ? '' : `${bodyNames[agency]} ${unitPhrase(u)}`;
}

/** The parties an editor of this unit may pick, each with its usual name. */
export function partyChoices(u: Unit): Party[] {
  return partyAgenciesByLevel[u.level].map((agency) => ({ agency, name: defaultPartyName(agency, u) }));
}

/** The bodies of a joint program or regulation, a new draft's parties: the Standing Committee of the HĐND, the UBND and the Front. */
export const jointBodies = ['HDND', 'UBND', 'MTTQ'] as const;

/** A new draft's parties, each with the usual name in this unit. */
export function defaultParties(u: Unit): Party[] {
  return jointBodies.map((agency) => ({ agency, name: defaultPartyName(agency, u) }));
}

/** True when a party is a body of this unit (a known agency whose name names the unit, or only its type). */
export function isOwnParty(p: Party, u: Pick<Unit, 'name' | 'type'>): boolean {
  if (p.agency === 'OTHER') return false;
  const name = foldVietnamese(p.name);
  const phrase = foldVietnamese(unitPhrase(u));
  const type = foldVietnamese(splitUnitName(u).type);
  return name.includes(phrase) || (type !== '' && name.endsWith(` ${type}`));
}

/**
 * The issuing agencies' lines of the header (tên cơ quan ban hành). The unit's own bodies share one
 * line naming the unit once — "HĐND - UBND - Ủy ban MTTQ Việt Nam phường Tây Hồ" — and any other
 * party keeps its own name on its own line. Written in capitals by the export.
 */
export function agencyLines(parties: Party[], u: Pick<Unit, 'name' | 'type'>): string[] {
  const own = parties.filter((p) => isOwnParty(p, u));
  const others = parties.filter((p) => !isOwnParty(p, u)).map((p) => p.name);
  if (!own.length) return others;
  const names = [...new Set(own.map((p) => headingNames[p.agency as Exclude<AgencyCode, 'OTHER'>]))];
  return [`${names.join(' - ')} ${unitPhrase(u)}`, ...others];
}

export type SignatoryDefaults = { agency: AgencyCode; onBehalf: string; title: string };

/**
 * The usual signature block of a body of this unit: "TM. Thường trực HĐND phường Tây Hồ / Chủ tịch",
 * "Chủ tịch UBND phường Tây Hồ", "TM. Ủy ban MTTQ Việt Nam phường Tây Hồ / Chủ tịch". Editable in the
 * signing form; the export writes it in capitals.
 */
export function defaultSignatory(p: Party, u: Pick<Unit, 'name' | 'type'>): SignatoryDefaults {
  if (!isOwnParty(p, u)) return { agency: p.agency, onBehalf: p.name ? `TM. ${p.name}` : '', title: '' };
  const at = unitPhrase(u);
  switch (p.agency) {
    case 'HDND':
      return { agency: p.agency, onBehalf: `TM. Thường trực HĐND ${at}`, title: 'Chủ tịch' };
    case 'UBND':
      return { agency: p.agency, onBehalf: '', title: `Chủ tịch UBND ${at}` };
    case 'MTTQ':
      return { agency: p.agency, onBehalf: `TM. Ủy ban MTTQ Việt Nam ${at}`, title: 'Chủ tịch' };
    case 'DBQH':
      return { agency: p.agency, onBehalf: `TM. Đoàn đại biểu Quốc hội ${at}`, title: 'Trưởng đoàn' };
    case 'DTN':
      return { agency: p.agency, onBehalf: `TM. Ban Chấp hành Đoàn ${at}`, title: 'Bí thư' };
    default:
      return { agency: p.agency, onBehalf: `TM. Ban Chấp hành ${bodyNames[p.agency as Exclude<AgencyCode, 'OTHER'>]} ${at}`, title: 'Chủ tịch' };
  }
}
