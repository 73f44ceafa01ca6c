import { describe, expect, it } from 'vitest';
import { headerAgencyLines, placeName, unitOf } from '../../functions/agreements/export-docx.js';
import {
  agencyLines,
  defaultParties,
  defaultSignatory,
  levelOfLocality,
  partyAgenciesByLevel,
  partyChoices,
  placeNameOf,
  unitPhrase,
} from '../../shared/agreements/parties.js';
import type { Party } from '../../shared/agreements/schema.js';

/** Issue 11 item 6: the Decree 30 export's agency lines and địa danh follow the tenant's level. */

const WARD = { provinceCode: '01', localityCode: '00103' }; // Phường Tây Hồ
const COMMUNE = { provinceCode: '01', localityCode: '00376' }; // Xã Sóc Sơn
const SPECIAL_ZONE = { provinceCode: '91', localityCode: '31078' }; // Đặc khu Phú Quốc
const DISTRICT = { provinceCode: '01', localityCode: '003' }; // Quận Tây Hồ (history)
const DISTRICT_CITY = { provinceCode: '06', localityCode: '058' }; // Thành Phố Bắc Kạn (history, merged province)
const PROVINCE = { provinceCode: '19', localityCode: null }; // Tỉnh Thái Nguyên
const CITY = { provinceCode: '01', localityCode: null }; // Thành phố Hà Nội

const triple = (unit: string): Party[] => [
  { agency: 'HDND', name: `Thường trực Hội đồng nhân dân ${unit}` },
  { agency: 'UBND', name: `Ủy ban nhân dân ${unit}` },
  { agency: 'MTTQ', name: `Ủy ban Mặt trận Tổ quốc Việt Nam ${unit}` },
];

describe('địa danh by level', () => {
  it('names the unit without its type at every level', () => {
    expect(placeName(WARD)).toBe('Tây Hồ');
    expect(placeName(COMMUNE)).toBe('Sóc Sơn');
    expect(placeName(SPECIAL_ZONE)).toBe('Phú Quốc');
    expect(placeName(DISTRICT)).toBe('Tây Hồ');
    expect(placeName(DISTRICT_CITY)).toBe('Bắc Kạn');
    expect(placeName(PROVINCE)).toBe('Thái Nguyên');
    expect(placeName(CITY)).toBe('Hà Nội');
  });

  it('keeps the full name of units named by a number or after a person', () => {
    expect(placeNameOf({ name: 'Phường 5', type: 'Phường' })).toBe('Phường 5');
    expect(placeNameOf({ name: 'Thành phố Hồ Chí Minh' })).toBe('Thành phố Hồ Chí Minh');
    expect(placeName({ provinceCode: '79', localityCode: null })).toBe('Thành phố Hồ Chí Minh');
  });
});

describe('agency lines by level', () => {
  it('ward: "HĐND - UBND - ỦY BAN MTTQ VIỆT NAM PHƯỜNG TÂY HỒ"', () => {
    expect(unitOf(WARD)).toMatchObject({ level: 'commune', name: 'Phường Tây Hồ' });
    expect(headerAgencyLines(triple('phường Tây Hồ'), WARD)).toEqual(['HĐND - UBND - ỦY BAN MTTQ VIỆT NAM PHƯỜNG TÂY HỒ']);
  });

  it('commune: the Front with the organisations under it', () => {
    const parties = partyChoices(unitOf(COMMUNE)).filter((p) => ['MTTQ', 'HCCB', 'HLHPN', 'HND', 'DTN'].includes(p.agency));
    expect(parties.map((p) => p.name)).toEqual([
      'Ủy ban Mặt trận Tổ quốc Việt Nam xã Sóc Sơn',
      'Hội Cựu chiến binh xã Sóc Sơn',
      'Hội Liên hiệp Phụ nữ xã Sóc Sơn',
      'Hội Nông dân xã Sóc Sơn',
      'Đoàn Thanh niên Cộng sản Hồ Chí Minh xã Sóc Sơn',
    ]);
    expect(headerAgencyLines(parties, COMMUNE)).toEqual([
      'ỦY BAN MTTQ VIỆT NAM - HỘI CỰU CHIẾN BINH - HỘI LIÊN HIỆP PHỤ NỮ - HỘI NÔNG DÂN - ĐOÀN TNCS HỒ CHÍ MINH XÃ SÓC SƠN',
    ]);
  });

  it('special zone: "ĐẶC KHU PHÚ QUỐC"', () => {
    expect(headerAgencyLines(defaultParties(unitOf(SPECIAL_ZONE)), SPECIAL_ZONE)).toEqual(['HĐND - UBND - ỦY BAN MTTQ VIỆT NAM ĐẶC KHU PHÚ QUỐC']);
  });

  it('district (history) keeps QUẬN / THÀNH PHỐ of the 2025 list', () => {
    expect(unitOf(DISTRICT)).toMatchObject({ level: 'district', name: 'Quận Tây Hồ' });
    expect(headerAgencyLines(triple('quận Tây Hồ'), DISTRICT)).toEqual(['HĐND - UBND - ỦY BAN MTTQ VIỆT NAM QUẬN TÂY HỒ']);
    // Parties named only by the type ("… quận") are the district's own bodies too.
    expect(
      headerAgencyLines(
        [
          { agency: 'HDND', name: 'Thường trực HĐND quận' },
          { agency: 'UBND', name: 'UBND quận' },
        ],
        DISTRICT,
      ),
    ).toEqual(['HĐND - UBND QUẬN TÂY HỒ']);
    expect(headerAgencyLines(triple('thành phố Bắc Kạn'), DISTRICT_CITY)).toEqual(['HĐND - UBND - ỦY BAN MTTQ VIỆT NAM THÀNH PHỐ BẮC KẠN']);
  });

  it('province: bilateral regulations of seed 004', () => {
    const parties: Party[] = [
      { agency: 'DBQH', name: 'Đoàn đại biểu Quốc hội tỉnh Thái Nguyên' },
      { agency: 'MTTQ', name: 'Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Thái Nguyên' },
    ];
    expect(headerAgencyLines(parties, PROVINCE)).toEqual(['ĐOÀN ĐBQH - ỦY BAN MTTQ VIỆT NAM TỈNH THÁI NGUYÊN']);
    expect(headerAgencyLines(triple('thành phố Hà Nội'), CITY)).toEqual(['HĐND - UBND - ỦY BAN MTTQ VIỆT NAM THÀNH PHỐ HÀ NỘI']);
  });

  it('keeps another body (or another unit’s) on its own line', () => {
    const parties: Party[] = [
      { agency: 'MTTQ', name: 'Ủy ban Mặt trận Tổ quốc Việt Nam quận Đống Đa' },
      { agency: 'OTHER', name: 'Các tổ chức chính trị - xã hội quận Đống Đa' },
    ];
    expect(agencyLines(parties, { name: 'Quận Đống Đa', type: 'Quận' })).toEqual([
      'Ủy ban MTTQ Việt Nam quận Đống Đa',
      'Các tổ chức chính trị - xã hội quận Đống Đa',
    ]);
    // A ward's record naming the former district's bodies lists them as they are.
    expect(headerAgencyLines(triple('quận Tây Hồ'), WARD)).toEqual([
      'THƯỜNG TRỰC HỘI ĐỒNG NHÂN DÂN QUẬN TÂY HỒ',
      'ỦY BAN NHÂN DÂN QUẬN TÂY HỒ',
      'ỦY BAN MẶT TRẬN TỔ QUỐC VIỆT NAM QUẬN TÂY HỒ',
    ]);
  });
});

describe('parties and signatories by level', () => {
  it('offers the commune level its bodies, without Đoàn ĐBQH and LĐLĐ', () => {
    expect(levelOfLocality('00103')).toBe('commune');
    expect(levelOfLocality('003')).toBe('district');
    expect(levelOfLocality(null)).toBe('province');
    expect(partyAgenciesByLevel.commune).toEqual(['HDND', 'UBND', 'MTTQ', 'HCCB', 'HLHPN', 'HND', 'DTN', 'OTHER']);
    expect(partyAgenciesByLevel.district).not.toContain('DBQH');
    expect(partyAgenciesByLevel.province).toContain('DBQH');
    expect(defaultParties(unitOf(WARD)).map((p) => p.name)).toEqual([
      'Thường trực Hội đồng nhân dân phường Tây Hồ',
      'Ủy ban nhân dân phường Tây Hồ',
      'Ủy ban Mặt trận Tổ quốc Việt Nam phường Tây Hồ',
    ]);
    expect(unitPhrase({ name: 'Thành Phố Bắc Kạn', type: 'Thành phố' })).toBe('thành phố Bắc Kạn');
  });

  it('titles signatories by the unit: CHỦ TỊCH UBND PHƯỜNG, TM. ỦY BAN MTTQ VIỆT NAM PHƯỜNG …', () => {
    const unit = unitOf(WARD);
    const [hdnd, ubnd, mttq] = defaultParties(unit).map((p) => defaultSignatory(p, unit));
    expect(hdnd).toEqual({ agency: 'HDND', onBehalf: 'TM. Thường trực HĐND phường Tây Hồ', title: 'Chủ tịch' });
    expect(ubnd).toEqual({ agency: 'UBND', onBehalf: '', title: 'Chủ tịch UBND phường Tây Hồ' });
    expect(mttq).toEqual({ agency: 'MTTQ', onBehalf: 'TM. Ủy ban MTTQ Việt Nam phường Tây Hồ', title: 'Chủ tịch' });
    expect(defaultSignatory({ agency: 'DTN', name: 'Đoàn Thanh niên Cộng sản Hồ Chí Minh phường Tây Hồ' }, unit)).toMatchObject({
      onBehalf: 'TM. Ban Chấp hành Đoàn phường Tây Hồ',
      title: 'Bí thư',
    });
    expect(defaultSignatory({ agency: 'HDND', name: 'Hội đồng nhân dân tỉnh Thái Nguyên' }, unitOf(PROVINCE))).toMatchObject({
      onBehalf: 'TM. Thường trực HĐND tỉnh Thái Nguyên',
    });
  });
});
