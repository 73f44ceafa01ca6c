/**
 * Copies what the product needs from the two official administrative-unit lists in ../shared/data
 * into shared/localities/, and derives how the 2025 units continue in the 2026 list:
 *   npx tsx scripts/import-localities.ts
 *
 * - units-2025-03.json: the three-level list (63 provinces and their districts; no communes), each
 *   province with the 2026 province that succeeded it.
 * - units-2026-04.json: the two-level list (34 provinces and their communes, wards and special
 *   zones), each unit with the 2025 district its code lay in (null when the code is new).
 *
 * The method (docs/localities.md): a 2026 unit usually reuses the code of one of the communes it was
 * merged from, so the 2025 district that held that code is its predecessor; a 2025 province's
 * successor is the 2026 province that holds the most codes of its 2025 communes.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const kit = join(import.meta.dirname, '..', '..', 'shared', 'data');
const out = join(import.meta.dirname, '..', 'shared', 'localities');

type Unit = [code: string, name: string, type: string];
type Src2025 = {
  asOf: string;
  source: string;
  provinces: { code: string; name: string; type: string; districts: { code: string; name: string; type: string; communes: Unit[] }[] }[];
};
type Src2026 = { asOf: string; source: string; provinces: { code: string; name: string; communes: Unit[] }[] };

const old = JSON.parse(readFileSync(join(kit, 'admin-units-2025-03.json'), 'utf8')) as Src2025;
const current = JSON.parse(readFileSync(join(kit, 'admin-units-2026-04.json'), 'utf8')) as Src2026;

// Where each 2025 commune code lay.
const districtOfCommune = new Map<string, { province: string; district: string }>();
for (const p of old.provinces)
  for (const d of p.districts) for (const [code] of d.communes) districtOfCommune.set(code, { province: p.code, district: d.code });

// Successor province: the 2026 province holding most of a 2025 province's commune codes.
const votes = new Map<string, Map<string, number>>();
for (const p of current.provinces) {
  for (const [code] of p.communes) {
    const was = districtOfCommune.get(code);
    if (!was) continue;
    const tally = votes.get(was.province) ?? new Map<string, number>();
    tally.set(p.code, (tally.get(p.code) ?? 0) + 1);
    votes.set(was.province, tally);
  }
}
const successorOf = (provinceCode: string): string => {
  const tally = [...(votes.get(provinceCode) ?? new Map<string, number>()).entries()].sort((a, b) => b[1] - a[1]);
  if (!tally[0]) throw new Error(`no successor found for province ${provinceCode}`);
  return tally[0][0];
};

writeFileSync(
  join(out, 'units-2025-03.json'),
  JSON.stringify({
    asOf: old.asOf,
    source: old.source,
    provinces: old.provinces.map((p) => ({
      code: p.code,
      name: p.name,
      type: p.type,
      successor: successorOf(p.code),
      districts: p.districts.map((d) => [d.code, d.name, d.type]),
    })),
  }),
);

writeFileSync(
  join(out, 'units-2026-04.json'),
  JSON.stringify({
    asOf: current.asOf,
    source: current.source,
    provinces: current.provinces.map((p) => ({
      code: p.code,
      name: p.name,
      communes: p.communes.map(([code, name, type]) => [code, name, type, districtOfCommune.get(code)?.district ?? null]),
    })),
  }),
);

const districts = old.provinces.reduce((n, p) => n + p.districts.length, 0);
const communes = current.provinces.reduce((n, p) => n + p.communes.length, 0);
const unmatched = current.provinces.reduce((n, p) => n + p.communes.filter(([code]) => !districtOfCommune.has(code)).length, 0);
console.log(
  `2025-03: ${old.provinces.length} provinces, ${districts} districts; 2026-04: ${current.provinces.length} provinces, ${communes} units (${unmatched} with a new code, no predecessor district)`,
);
