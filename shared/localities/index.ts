import units2025 from './units-2025-03.json' with { type: 'json' };

/**
 * Official administrative units (GSO list in force 01/03/2025, the last with districts). Tenants are
 * districts of this list; the 2026 two-level list sits beside it for the reform (DESIGN.md §5).
 */
export type District = { code: string; name: string; type: string };
export type Province = { code: string; name: string; type: string; districts: District[] };

export const localitiesAsOf = units2025.asOf;

export const provinces: Province[] = units2025.provinces.map((p) => ({
  code: p.code,
  name: p.name,
  type: p.type,
  districts: (p.districts as string[][]).map(([code, name, type]) => ({ code: code!, name: name!, type: type! })),
}));

const byCode = new Map(provinces.map((p) => [p.code, p]));

export function findProvince(code: string): Province | undefined {
  return byCode.get(code);
}

export function findDistrict(provinceCode: string, districtCode: string): District | undefined {
  return byCode.get(provinceCode)?.districts.find((d) => d.code === districtCode);
}
