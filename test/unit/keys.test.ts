import { describe, expect, it } from 'vitest';
import { identityFromClaims } from '../../shared/identity.js';
import { keys, leadingKeyPattern, provinceLeadingKeyPattern, tenantOf, tenantPrefix } from '../../shared/keys.js';

const district = { provinceCode: '19', localityCode: '164' };
const province = { provinceCode: '19', localityCode: null };

describe('key design', () => {
  it('starts every tenant key with province then district', () => {
    expect(tenantPrefix(district)).toBe('19#164');
    expect(tenantPrefix(province)).toBe('19#P');
    expect(keys.agreement(district, 'a1').PK).toBe('19#164#AGR#a1');
    expect(keys.agreementList(district).GSI1PK).toBe('19#164#AGR');
    expect(keys.user(district, 'u1')).toEqual({ PK: '19#164#USERS', SK: 'USER#u1' });
  });

  it('keeps every table and index partition key of a tenant inside its LeadingKeys pattern', () => {
    const pattern = leadingKeyPattern(district).replace('*', '');
    const partitionKeys = [
      keys.tenant(district).PK,
      keys.user(district, 'x').PK,
      keys.agreement(district, 'x').PK,
      keys.agreementList(district).GSI1PK,
      keys.supervisionPlan(district, 'x').PK,
      keys.supervisionList(district).GSI1PK,
      keys.document(district, 'x').PK,
      keys.documentList(district).GSI1PK,
      keys.audit(district, '2026-11-23T10:00:00.000Z', 'x').PK,
      keys.idempotency(district, 'k').PK,
    ];
    for (const pk of partitionKeys) expect(pk.startsWith(pattern), pk).toBe(true);
    // ...and a neighbouring district never matches it.
    expect(keys.agreement({ provinceCode: '19', localityCode: '165' }, 'x').PK.startsWith(pattern)).toBe(false);
    expect(keys.agreement({ provinceCode: '01', localityCode: '164' }, 'x').PK.startsWith(pattern)).toBe(false);
  });

  it("puts a merged province's roll-ups in its successor's partition (06 Bắc Kạn → 19 Thái Nguyên)", () => {
    expect(keys.rollup({ provinceCode: '06', localityCode: '058' })).toEqual({ PK: '19#P#ROLLUP', SK: 'T#06#058' });
    expect(keys.rollup({ provinceCode: '06', localityCode: null })).toEqual({ PK: '19#P#ROLLUP', SK: 'T#06#P' });
    expect(keys.rollup({ provinceCode: '01', localityCode: '00103' })).toEqual({ PK: '01#P#ROLLUP', SK: 'T#01#00103' });
  });

  it('puts roll-ups in the province partition, reachable by the province pattern', () => {
    expect(keys.rollup({ provinceCode: '19', localityCode: '164' }).PK.startsWith(provinceLeadingKeyPattern('19').replace('*', ''))).toBe(true);
    expect(keys.rollup({ provinceCode: '19', localityCode: '164' }).PK.startsWith(provinceLeadingKeyPattern('01').replace('*', ''))).toBe(false);
  });

  it('rejects codes that could forge another prefix', () => {
    expect(() => tenantPrefix({ provinceCode: '19#', localityCode: null })).toThrow();
    expect(() => tenantPrefix({ provinceCode: '19', localityCode: '16' })).toThrow();
    expect(() => tenantPrefix({ provinceCode: '1', localityCode: '164' })).toThrow();
  });

  it('derives the tenant from verified claims only', () => {
    const id = identityFromClaims({
      sub: 'u1',
      email: 'a@b.vn',
      'custom:role': 'locality_editor',
      'custom:province': '19',
      'custom:district': '164',
    });
    expect(tenantOf(id)).toEqual(district);
    expect(() =>
      identityFromClaims({ sub: 'u1', email: 'a@b.vn', 'custom:role': 'locality_editor', 'custom:province': '19', 'custom:district': '' }),
    ).toThrow();
    expect(() =>
      identityFromClaims({ sub: 'u1', email: 'a@b.vn', 'custom:role': 'province_admin', 'custom:province': '19', 'custom:district': '164' }),
    ).toThrow();
  });
});
