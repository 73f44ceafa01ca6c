import { foldVietnamese } from '../format.js';
import units2025 from './units-2025-03.json' with { type: 'json' };
import units2026 from './units-2026-04.json' with { type: 'json' };

/**
 * Official administrative units as versioned reference data (docs/localities.md).
 *
 * Two lists ship: the three-level list of 01/03/2025 (63 provinces, 696 districts), valid until
 * 30/06/2025, and the two-level list in force since 01/07/2025 (34 provinces, 3,314 communes, wards
 * and special zones, as of 30/04/2026). A code alone is not an identity across the reform (new units
 * reuse old codes), so every unit carries the list it comes from. A tenant is a commune-level unit of
 * the current list (5-digit code), a district of the 2025 list (3-digit code, history only) or a
 * province; district and commune codes differ in length, so tenant keys never collide.
 */

export type LocalityListId = '2025-03' | '2026-04';
export type Level = 'province' | 'district' | 'commune';

/** The list new sign-ups and the province dashboard use. */
export const CURRENT_LIST: LocalityListId = '2026-04';
export const HISTORICAL_LIST: LocalityListId = '2025-03';
/** Law 72/2025/QH15 and Res. 203/2025/QH15: the district level ended at the end of 30/06/2025. */
export const DISTRICT_LEVEL_LAST_DAY = '2025-06-30';
export const TWO_LEVEL_FROM = '2025-07-01';

export type Locality = {
  code: string;
  name: string;
  /** As the source names it: Quận, Huyện, Thị xã, Thành phố (2025); Xã, Phường, Đặc khu (2026). */
  type: string;
  level: 'district' | 'commune';
  provinceCode: string;
  listAsOf: string;
  /** First day in force (2026 units: 01/07/2025; 2025 districts: unknown here, null). */
  validFrom: string | null;
  /** Last day in force (districts: 30/06/2025); null while in force. */
  validUntil: string | null;
  /** Commune-level units: the 2025 district its code lay in (null for a new code). */
  predecessorDistrict?: string | null;
};

export type ProvinceUnit = {
  code: string;
  name: string;
  level: 'province';
  list: LocalityListId;
  listAsOf: string;
  validUntil: string | null;
  /** 2025 provinces: the province of the 2026 list that continues it (itself when not merged). */
  successor: string;
  localities: Locality[];
};

export const listAsOf: Record<LocalityListId, string> = { '2025-03': units2025.asOf, '2026-04': units2026.asOf };
export const listSource: Record<LocalityListId, string> = { '2025-03': units2025.source, '2026-04': units2026.source };

/**
 * Built lazily: a cold start pays for the province-level entries only (63 + 34), and a province's
 * units become objects when something first asks for them (most requests never do: the tenant key
 * and the successor province need the province list alone). `npm run bench:cold-start` measures it.
 */
function lazyLocalities<T extends { code: string }>(unit: T, build: () => Locality[]): T & { localities: Locality[] } {
  let localities: Locality[] | undefined;
  return Object.defineProperty(unit, 'localities', { enumerable: true, get: () => (localities ??= build()) }) as T & { localities: Locality[] };
}

const historical: ProvinceUnit[] = units2025.provinces.map((p) =>
  lazyLocalities(
    {
      code: p.code,
      name: p.name,
      level: 'province' as const,
      list: '2025-03' as const,
      listAsOf: units2025.asOf,
      // A province that merged ended with the district level; one that continues keeps its code.
      validUntil: p.successor === p.code ? null : DISTRICT_LEVEL_LAST_DAY,
      successor: p.successor,
    },
    () =>
      (p.districts as string[][]).map(([code, name, type]) => ({
        code: code!,
        name: name!,
        type: type!,
        level: 'district',
        provinceCode: p.code,
        listAsOf: units2025.asOf,
        validFrom: null,
        validUntil: DISTRICT_LEVEL_LAST_DAY,
      })),
  ),
);

const current: ProvinceUnit[] = units2026.provinces.map((p) =>
  lazyLocalities(
    {
      code: p.code,
      name: p.name,
      level: 'province' as const,
      list: '2026-04' as const,
      listAsOf: units2026.asOf,
      validUntil: null,
      successor: p.code,
    },
    () =>
      (p.communes as (string | null)[][]).map(([code, name, type, predecessor]) => ({
        code: code!,
        name: name!,
        type: type!,
        level: 'commune',
        provinceCode: p.code,
        listAsOf: units2026.asOf,
        validFrom: TWO_LEVEL_FROM,
        validUntil: null,
        predecessorDistrict: predecessor ?? null,
      })),
  ),
);

export const provincesOf: Record<LocalityListId, ProvinceUnit[]> = { '2025-03': historical, '2026-04': current };

const currentByCode = new Map(current.map((p) => [p.code, p]));
const historicalByCode = new Map(historical.map((p) => [p.code, p]));

/** Which province holds a unit code: a pass over the raw rows, built on the first look-up by code. */
let provinceOfCode: Map<string, ProvinceUnit> | undefined;
function provinceHolding(code: string): ProvinceUnit | undefined {
  if (!provinceOfCode) {
    provinceOfCode = new Map();
    for (const p of units2025.provinces) for (const row of p.districts as string[][]) provinceOfCode.set(row[0]!, historicalByCode.get(p.code)!);
    for (const p of units2026.provinces) for (const row of p.communes as (string | null)[][]) provinceOfCode.set(row[0]!, currentByCode.get(p.code)!);
  }
  return provinceOfCode.get(code);
}
const unitIn = (p: ProvinceUnit | undefined, code: string) => p?.localities.find((l) => l.code === code);

const foldedNames = new Map<Locality, string>();
const folded = (l: Locality) => {
  let f = foldedNames.get(l);
  if (f === undefined) foldedNames.set(l, (f = foldVietnamese(l.name)));
  return f;
};

export function findProvince(code: string, list: LocalityListId = CURRENT_LIST): ProvinceUnit | undefined {
  return (list === '2026-04' ? currentByCode : historicalByCode).get(code);
}

/** A province of either list: the current one when the code is in force, else the 2025 one. */
export function findAnyProvince(code: string): ProvinceUnit | undefined {
  return currentByCode.get(code) ?? historicalByCode.get(code);
}

/** A locality by its code alone: 3 digits are 2025 districts, 5 digits current commune-level units. */
export function findLocality(code: string): Locality | undefined {
  return /^\d{3}$|^\d{5}$/.test(code) ? unitIn(provinceHolding(code), code) : undefined;
}

/** A locality of one province (the tenant key pairs them). */
export function findLocalityIn(provinceCode: string, code: string): Locality | undefined {
  const l = findLocality(code);
  return l && l.provinceCode === provinceCode ? l : undefined;
}

/** The current province that continues a province code (itself if it is in force). */
export function successorProvince(provinceCode: string): string | undefined {
  if (currentByCode.has(provinceCode)) return provinceCode;
  return historicalByCode.get(provinceCode)?.successor;
}

/** The 2025 provinces a current province continues, itself first when it kept its code. */
export function predecessorProvinces(currentProvinceCode: string): ProvinceUnit[] {
  return historical
    .filter((p) => p.successor === currentProvinceCode)
    .sort((a, b) => (a.code === currentProvinceCode ? -1 : b.code === currentProvinceCode ? 1 : a.code.localeCompare(b.code)));
}

/** The commune-level units whose codes lay in a 2025 district: they continue its records. */
export function successorCommunes(localityCode: string): Locality[] {
  return current.flatMap((p) => p.localities.filter((l) => l.predecessorDistrict === localityCode));
}

/** The 2025 district a commune-level unit's code lay in. */
export function predecessorDistrict(communeCode: string): Locality | undefined {
  const code = /^\d{5}$/.test(communeCode) ? findLocality(communeCode)?.predecessorDistrict : undefined;
  return code ? findLocality(code) : undefined;
}

/** Type-ahead over unit names that ignores diacritics ("tay ho" finds "Phường Tây Hồ"). */
export function searchLocalities(localities: Locality[], query: string | undefined, limit = Number.POSITIVE_INFINITY): Locality[] {
  const q = query ? foldVietnamese(query) : '';
  const out = q ? localities.filter((l) => folded(l).includes(q) || l.code.startsWith(q)) : localities;
  return out.slice(0, limit);
}

export function matchesName(name: string, query: string): boolean {
  return foldVietnamese(name).includes(foldVietnamese(query));
}
