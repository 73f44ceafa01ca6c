import { describe, expect, it } from 'vitest';
import type { Identity } from '../../shared/identity.js';
import { keys } from '../../shared/keys.js';
import {
  DISTRICT_LEVEL_LAST_DAY,
  findLocality,
  findProvince,
  predecessorDistrict,
  predecessorProvinces,
  provincesOf,
  searchLocalities,
  successorCommunes,
  successorProvince,
} from '../../shared/localities/index.js';
import { isHistoricalTenant, mayRead, sessionTagsForTarget } from '../../shared/tenant-access.js';

/**
 * The reference data and the mapping derived from it (docs/localities.md), checked against the
 * merges of Resolution 202/2025/QH15: 63 provinces → 34 (23 formed by merger, 11 unchanged).
 */
const RESOLUTION_202: Record<string, string[]> = {
  // current code: the 2025 provinces it continues
  '01': ['01'], // Hà Nội (unchanged)
  '04': ['04'], // Cao Bằng
  '11': ['11'], // Điện Biên
  '12': ['12'], // Lai Châu
  '14': ['14'], // Sơn La
  '20': ['20'], // Lạng Sơn
  '22': ['22'], // Quảng Ninh
  '38': ['38'], // Thanh Hóa
  '40': ['40'], // Nghệ An
  '42': ['42'], // Hà Tĩnh
  '46': ['46'], // Huế
  '08': ['02', '08'], // Tuyên Quang + Hà Giang
  '15': ['10', '15'], // Lào Cai + Yên Bái → Lào Cai (Yên Bái's code)
  '19': ['06', '19'], // Thái Nguyên + Bắc Kạn
  '25': ['17', '25', '26'], // Phú Thọ + Vĩnh Phúc + Hòa Bình
  '24': ['24', '27'], // Bắc Ninh + Bắc Giang → Bắc Ninh (Bắc Giang's code)
  '33': ['33', '34'], // Hưng Yên + Thái Bình
  '31': ['30', '31'], // Hải Phòng + Hải Dương
  '37': ['35', '36', '37'], // Ninh Bình + Hà Nam + Nam Định
  '44': ['44', '45'], // Quảng Trị + Quảng Bình → Quảng Trị (Quảng Bình's code)
  '48': ['48', '49'], // Đà Nẵng + Quảng Nam
  '51': ['51', '62'], // Quảng Ngãi + Kon Tum
  '52': ['52', '64'], // Gia Lai + Bình Định → Gia Lai (Bình Định's code)
  '56': ['56', '58'], // Khánh Hòa + Ninh Thuận
  '68': ['60', '67', '68'], // Lâm Đồng + Đắk Nông + Bình Thuận
  '66': ['54', '66'], // Đắk Lắk + Phú Yên
  '79': ['74', '77', '79'], // Hồ Chí Minh + Bình Dương + Bà Rịa–Vũng Tàu
  '75': ['70', '75'], // Đồng Nai + Bình Phước
  '80': ['72', '80'], // Tây Ninh + Long An → Tây Ninh (Long An's code)
  '92': ['92', '93', '94'], // Cần Thơ + Sóc Trăng + Hậu Giang
  '86': ['83', '84', '86'], // Vĩnh Long + Bến Tre + Trà Vinh
  '82': ['82', '87'], // Đồng Tháp + Tiền Giang → Đồng Tháp (Tiền Giang's code)
  '96': ['95', '96'], // Cà Mau + Bạc Liêu
  '91': ['89', '91'], // An Giang + Kiên Giang → An Giang (Kiên Giang's code)
};

const who = (role: Identity['role'], provinceCode: string, localityCode: string | null): Identity => ({
  userId: `${role}-${provinceCode}-${localityCode ?? 'P'}`,
  email: 'x@phoihop.vn',
  role,
  provinceCode,
  localityCode,
});

describe('the two official lists', () => {
  it('ship 63 provinces / 696 districts (2025-03) and 34 provinces / 3,314 commune-level units (2026-04)', () => {
    const old = provincesOf['2025-03'];
    const current = provincesOf['2026-04'];
    expect(old).toHaveLength(63);
    expect(old.reduce((n, p) => n + p.localities.length, 0)).toBe(696);
    expect(current).toHaveLength(34);
    expect(current.reduce((n, p) => n + p.localities.length, 0)).toBe(3314);
  });

  it.each([
    {
      list: '2025-03' as const,
      each: { level: 'district', listAsOf: '2025-03-01', validUntil: DISTRICT_LEVEL_LAST_DAY },
      code: /^\d{3}$/,
      types: null,
    },
    {
      list: '2026-04' as const,
      each: { level: 'commune', listAsOf: '2026-04-30', validFrom: '2025-07-01', validUntil: null },
      code: /^\d{5}$/,
      types: ['Xã', 'Phường', 'Đặc khu'],
    },
  ])('carry level, list date and validity on every unit of the $list list', ({ list, each, code, types }) => {
    const bad = provincesOf[list].flatMap((p) =>
      p.localities.filter(
        (u) =>
          Object.entries(each).some(([field, value]) => u[field as keyof typeof u] !== value) ||
          u.provinceCode !== p.code ||
          !code.test(u.code) ||
          (types !== null && !types.includes(u.type)),
      ),
    );
    expect(bad).toEqual([]);
  });

  it('Hà Nội has 126 current units (30 districts in 2025), Hồ Chí Minh 168', () => {
    expect(findProvince('01')!.localities).toHaveLength(126);
    expect(findProvince('01', '2025-03')!.localities).toHaveLength(30);
    expect(findProvince('79')!.localities).toHaveLength(168);
  });
});

describe('successors derived from code reuse', () => {
  it('map the 63 provinces exactly as Resolution 202/2025/QH15 merged them', () => {
    expect(Object.keys(RESOLUTION_202)).toHaveLength(34);
    expect(Object.values(RESOLUTION_202).flat()).toHaveLength(63);
    for (const [current, olds] of Object.entries(RESOLUTION_202)) {
      expect(
        predecessorProvinces(current)
          .map((p) => p.code)
          .sort(),
        `province ${current}`,
      ).toEqual([...olds].sort());
      for (const o of olds) expect(findProvince(o, '2025-03')!.successor, `2025 province ${o}`).toBe(current);
    }
  });

  it.each([
    ['06', '19'],
    ['02', '08'],
    ['74', '79'],
    ['77', '79'],
    ['95', '96'],
    ['35', '37'],
    ['36', '37'],
    ['17', '25'],
    ['26', '25'],
    ['01', '01'],
  ])('2025 province %s → %s', (old, current) => {
    expect(successorProvince(old)).toBe(current);
  });

  it('send every 2025 province to one of the 34', () => {
    const current = new Set(provincesOf['2026-04'].map((p) => p.code));
    for (const p of provincesOf['2025-03']) expect(current.has(p.successor), p.code).toBe(true);
  });

  it('list a current province first among its predecessors whenever its code existed in 2025', () => {
    for (const p of provincesOf['2026-04']) {
      const preds = predecessorProvinces(p.code);
      expect(preds.length, p.code).toBeGreaterThan(0);
      if (findProvince(p.code, '2025-03')) expect(preds[0]!.code, p.code).toBe(p.code);
      else expect(preds.map((x) => x.code)).not.toContain(p.code); // a new code: none today
    }
    // Today every one of the 34 codes is a reused 2025 code.
    expect(provincesOf['2026-04'].every((p) => findProvince(p.code, '2025-03'))).toBe(true);
  });

  it('mark merged provinces as ended on 30/06/2025 and continuing ones as in force', () => {
    expect(findProvince('06', '2025-03')!.validUntil).toBe(DISTRICT_LEVEL_LAST_DAY);
    expect(findProvince('19', '2025-03')!.validUntil).toBeNull();
  });

  it('give Phường Tây Hồ (00103) Quận Tây Hồ (003) as its predecessor district, and back', () => {
    expect(findLocality('00103')).toMatchObject({ name: 'Phường Tây Hồ', provinceCode: '01', predecessorDistrict: '003' });
    expect(predecessorDistrict('00103')).toMatchObject({ code: '003', name: 'Quận Tây Hồ', provinceCode: '01', level: 'district' });
    expect(successorCommunes('003').map((l) => l.code)).toContain('00103');
  });

  it('leave exactly the 6 units with a new code without a predecessor district', () => {
    const orphans = provincesOf['2026-04'].flatMap((p) => p.localities.filter((l) => !l.predecessorDistrict).map((l) => l.code));
    expect(orphans.sort()).toEqual(['06978', '11948', '19742', '20333', '21548', '26732']);
  });

  it('never give a unit a predecessor district of a province that continues elsewhere', () => {
    for (const p of provincesOf['2026-04']) {
      for (const l of p.localities) {
        if (!l.predecessorDistrict) continue;
        const d = findLocality(l.predecessorDistrict)!;
        expect(successorProvince(d.provinceCode), l.code).toBe(p.code);
      }
    }
  });
});

describe('search without diacritics', () => {
  it('"tay ho" finds Phường Tây Hồ in Hà Nội', () => {
    expect(searchLocalities(findProvince('01')!.localities, 'tay ho').map((l) => l.name)).toContain('Phường Tây Hồ');
  });

  it('"dac khu" finds the special zones (and only them)', () => {
    const all = provincesOf['2026-04'].flatMap((p) => p.localities);
    const found = searchLocalities(all, 'dac khu');
    expect(found.length).toBe(13);
    expect(found.every((l) => l.type === 'Đặc khu')).toBe(true);
    expect(searchLocalities(findProvince('79')!.localities, 'DAC KHU').map((l) => l.name)).toEqual(['Đặc khu Côn Đảo']);
  });
});

describe('who may read which tenant', () => {
  it('province 19 staff read a Bắc Kạn (06) district; province 01 staff do not', () => {
    const target = { provinceCode: '06', localityCode: '058' };
    expect(mayRead(who('province_viewer', '19', null), target)).toBe(true);
    expect(mayRead(who('province_admin', '19', null), target)).toBe(true);
    expect(mayRead(who('province_viewer', '19', null), { provinceCode: '06', localityCode: null })).toBe(true);
    expect(mayRead(who('province_viewer', '01', null), target)).toBe(false);
    expect(mayRead(who('province_admin', '01', null), target)).toBe(false);
  });

  it('province staff read their own communes and districts, not another province’s', () => {
    const hanoi = who('province_viewer', '01', null);
    expect(mayRead(hanoi, { provinceCode: '01', localityCode: '00103' })).toBe(true);
    expect(mayRead(hanoi, { provinceCode: '01', localityCode: '003' })).toBe(true);
    expect(mayRead(hanoi, { provinceCode: '79', localityCode: '760' })).toBe(false);
  });

  it('commune 01#00103 reads its predecessor 01#003, not 01#005 nor another commune', () => {
    const tayHo = who('locality_viewer', '01', '00103');
    expect(mayRead(tayHo, { provinceCode: '01', localityCode: '00103' })).toBe(true);
    expect(mayRead(tayHo, { provinceCode: '01', localityCode: '003' })).toBe(true);
    expect(mayRead(tayHo, { provinceCode: '01', localityCode: '005' })).toBe(false);
    const other = findProvince('01')!.localities.find((l) => l.code !== '00103')!.code;
    expect(mayRead(tayHo, { provinceCode: '01', localityCode: other })).toBe(false);
    expect(mayRead(tayHo, { provinceCode: '01', localityCode: null })).toBe(false);
    // The same district code under another province is not its predecessor.
    expect(mayRead(tayHo, { provinceCode: '19', localityCode: '003' })).toBe(false);
  });

  it('a commune of another province reads nothing of Hà Nội', () => {
    const hcmWard = who('locality_admin', '79', findProvince('79')!.localities[0]!.code);
    for (const target of [
      { provinceCode: '01', localityCode: '003' },
      { provinceCode: '01', localityCode: '00103' },
      { provinceCode: '01', localityCode: null },
      { provinceCode: '06', localityCode: '058' },
    ]) {
      expect(mayRead(hcmWard, target), JSON.stringify(target)).toBe(false);
    }
  });

  it('a commune of the successor province reads its predecessor district in the merged province', () => {
    // Some Thái Nguyên unit continues a Bắc Kạn district: it reads that district, not the others.
    const unit = findProvince('19')!.localities.find((l) => l.predecessorDistrict && findLocality(l.predecessorDistrict)!.provinceCode === '06')!;
    const identity = who('locality_viewer', '19', unit.code);
    expect(mayRead(identity, { provinceCode: '06', localityCode: unit.predecessorDistrict! })).toBe(true);
    const otherBacKan = findProvince('06', '2025-03')!.localities.find((d) => d.code !== unit.predecessorDistrict)!;
    expect(mayRead(identity, { provinceCode: '06', localityCode: otherBacKan.code })).toBe(false);
  });
});

describe('history', () => {
  it('districts and merged provinces are historical; communes and current provinces are not', () => {
    expect(isHistoricalTenant({ provinceCode: '01', localityCode: '003' })).toBe(true);
    expect(isHistoricalTenant({ provinceCode: '06', localityCode: '058' })).toBe(true);
    expect(isHistoricalTenant({ provinceCode: '06', localityCode: null })).toBe(true);
    expect(isHistoricalTenant({ provinceCode: '01', localityCode: '00103' })).toBe(false);
    expect(isHistoricalTenant({ provinceCode: '19', localityCode: null })).toBe(false);
  });

  it('roll-up rows of a merged province’s tenants live in the successor’s partition', () => {
    expect(keys.rollup({ provinceCode: '06', localityCode: '058' })).toEqual({ PK: '19#P#ROLLUP', SK: 'T#06#058' });
    expect(keys.rollup({ provinceCode: '06', localityCode: null })).toEqual({ PK: '19#P#ROLLUP', SK: 'T#06#P' });
    expect(keys.rollup({ provinceCode: '01', localityCode: '00103' })).toEqual({ PK: '01#P#ROLLUP', SK: 'T#01#00103' });
  });

  it('a history read runs in a session fenced to the target (docs/data-model.md, IAM fence)', () => {
    // A commune reads its predecessor district through exactly that tenant, read-only.
    expect(sessionTagsForTarget(who('locality_admin', '01', '00103'), { provinceCode: '01', localityCode: '003' })).toEqual({
      province: '01',
      locality: '003',
      access: 'read',
      reach: 'own',
      rollup: '01',
    });
    // Province staff act on a merged province with their home reach, fenced to its prefix.
    expect(sessionTagsForTarget(who('province_viewer', '19', null), { provinceCode: '06', localityCode: '058' })).toEqual({
      province: '06',
      locality: 'P',
      access: 'read',
      reach: 'province-read',
      rollup: '19',
    });
  });
});
