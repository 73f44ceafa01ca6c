import type { TenantRef } from '../../shared/keys.js';
import { findAnyProvince, findLocalityIn, findProvince, listAsOf } from '../../shared/localities/index.js';
import type { Tenant } from '../../shared/tenancy/schema.js';

/** What the reference data says of a tenant: its name, level, list and validity (for profiles and seeds). */
export function describeTenant(
  t: TenantRef,
): Pick<Tenant, 'kind' | 'name' | 'provinceName' | 'localityListAsOf'> & { localityType?: string; validUntil?: string } {
  const province = findAnyProvince(t.provinceCode);
  if (!province) throw new Error(`unknown province ${t.provinceCode}`);
  if (t.localityCode === null) {
    return {
      kind: 'province',
      name: province.name,
      provinceName: province.name,
      localityListAsOf: province.listAsOf,
      ...(province.validUntil ? { validUntil: province.validUntil } : {}),
    };
  }
  const locality = findLocalityIn(t.provinceCode, t.localityCode);
  if (!locality) throw new Error(`unknown locality ${t.provinceCode}/${t.localityCode}`);
  // A 2025 district's province is the 2025 one (its name then), even when its code lives on.
  const provinceName = locality.level === 'district' ? (findProvince(t.provinceCode, '2025-03')?.name ?? province.name) : province.name;
  return {
    kind: locality.level,
    name: locality.name,
    provinceName,
    localityListAsOf: listAsOf[locality.level === 'district' ? '2025-03' : '2026-04'],
    localityType: locality.type,
    ...(locality.validUntil ? { validUntil: locality.validUntil } : {}),
  };
}
