/**
 * Copies what the product needs from the official administrative-unit lists in ../shared/data
 * into shared/localities/ (provinces and districts, no communes). Run after the lists change:
 *   npx tsx scripts/import-localities.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const kit = join(import.meta.dirname, '..', '..', 'shared', 'data');
const out = join(import.meta.dirname, '..', 'shared', 'localities');

type Src2025 = { asOf: string; source: string; provinces: { code: string; name: string; type: string; districts: { code: string; name: string; type: string }[] }[] };
type Src2026 = { asOf: string; source: string; provinces: { code: string; name: string; communes: unknown[] }[] };

const a = JSON.parse(readFileSync(join(kit, 'admin-units-2025-03.json'), 'utf8')) as Src2025;
writeFileSync(
  join(out, 'units-2025-03.json'),
  JSON.stringify({
    asOf: a.asOf,
    source: a.source,
    provinces: a.provinces.map((p) => ({ code: p.code, name: p.name, type: p.type, districts: p.districts.map((d) => [d.code, d.name, d.type]) })),
  }),
);
const b = JSON.parse(readFileSync(join(kit, 'admin-units-2026-04.json'), 'utf8')) as Src2026;
writeFileSync(
  join(out, 'provinces-2026-04.json'),
  JSON.stringify({ asOf: b.asOf, source: b.source, provinces: b.provinces.map((p) => ({ code: p.code, name: p.name, communeCount: p.communes.length })) }),
);
console.log(`${a.provinces.length} provinces, ${a.provinces.reduce((n, p) => n + p.districts.length, 0)} districts (2025-03); ${b.provinces.length} provinces (2026-04)`);
