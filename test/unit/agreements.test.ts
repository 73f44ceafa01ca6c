import { describe, expect, it } from 'vitest';
import { seedItems } from '../../functions/demo/agreements.js';
import { seedAgreements } from '../../functions/demo/agreements-data.js';
import { agreementContentSchema, agreementIdPattern, fullTitle, isOverdue, itemDeadline, itemStats, vietnamToday } from '../../shared/agreements/schema.js';
import { idSchemaPattern } from '../../shared/ids.js';
import { keys, leadingKeyPattern, tenantPrefix } from '../../shared/keys.js';

const district = { provinceCode: '01', localityCode: '003' };
const province = { provinceCode: '19', localityCode: null };

describe('agreement keys', () => {
  it('keeps every agreement item and index key inside the tenant’s LeadingKeys pattern', () => {
    for (const t of [district, province]) {
      const prefix = leadingKeyPattern(t).replace('*', '');
      const pks = [
        keys.agreementPartition(t, 'X').PK,
        keys.agreementItem(t, 'X', 1).PK,
        keys.agreementNote(t, 'X', 1, '2024-01-01T00:00:00Z', 'n').PK,
        keys.agreementArticle(t, 'X', 1, 1).PK,
        keys.agreementReview(t, 'X', '2024-H1').PK,
        keys.agreementStatusList(t).GSI2PK,
        keys.agreementList(t).GSI1PK,
      ];
      for (const pk of pks) expect(pk.startsWith(prefix), pk).toBe(true);
    }
  });

  it('sorts notes right after their item and articles inside their chapter', () => {
    const sks = [
      keys.agreementItem(district, 'X', 2).SK,
      keys.agreementNote(district, 'X', 1, '2024-03-01T00:00:00Z', 'a').SK,
      keys.agreementItem(district, 'X', 1).SK,
      keys.agreementArticle(district, 'X', 1, 2).SK,
      keys.agreementChapter(district, 'X', 1).SK,
    ].sort();
    expect(sks).toEqual(['CH#01', 'CH#01#ART#002', 'ITEM#001', 'ITEM#001#NOTE#2024-03-01T00:00:00Z#a', 'ITEM#002']);
    expect(keys.agreementListSK('program', 2024, 'X')).toBe('program#2024#X');
  });
});

describe('agreement rules shared by API and web', () => {
  it('uses the product’s id format', () => {
    expect(agreementIdPattern.source).toBe(idSchemaPattern.source);
  });

  it('derives deadlines and overdue in Vietnam time', () => {
    expect(itemDeadline(null, { yearTo: 2024 })).toBe('2024-12-31');
    expect(itemDeadline({ kind: 'period', from: '2024-01-01', to: '2024-06-30' }, { yearTo: 2024 })).toBe('2024-06-30');
    expect(vietnamToday(new Date('2024-06-30T17:00:00Z'))).toBe('2024-07-01');
    expect(isOverdue({ status: 'in_progress', deadline: '2024-06-30' }, 'in_force', '2024-07-01')).toBe(true);
    expect(isOverdue({ status: 'done', deadline: '2024-06-30' }, 'in_force', '2024-07-01')).toBe(false);
    expect(isOverdue({ status: 'in_progress', deadline: '2024-06-30' }, 'draft', '2024-07-01')).toBe(false);
    expect(isOverdue({ status: 'in_progress', deadline: '2024-06-30' }, 'superseded', '2024-07-01')).toBe(false);
    expect(isOverdue({ status: 'in_progress', deadline: '2024-07-01' }, 'in_force', '2024-07-01')).toBe(false);
    const stats = itemStats(
      { status: 'in_force', itemIndex: { '001': { s: 'done', p: 100, d: '2024-01-01' }, '002': { s: 'in_progress', p: 40, d: '2024-01-01' } } },
      '2024-07-01',
    );
    expect(stats).toMatchObject({ total: 2, overdue: 1, averageProgress: 70, byStatus: { done: 1, in_progress: 1 } });
  });

  it('writes full titles in Vietnamese style without breaking acronyms', () => {
    expect(fullTitle({ kind: 'program', title: 'Phối hợp công tác năm 2024' })).toBe('Chương trình phối hợp công tác năm 2024');
    expect(fullTitle({ kind: 'regulation', title: 'HĐND - UBND phối hợp' })).toBe('Quy chế HĐND - UBND phối hợp');
    // A title typed with its kind is not given it twice ("Chương trình chương trình…").
    expect(fullTitle({ kind: 'program', title: 'Chương trình phối hợp công tác năm 2026' })).toBe('Chương trình phối hợp công tác năm 2026');
    expect(fullTitle({ kind: 'program', title: 'chương trình phối hợp công tác năm 2026' })).toBe('Chương trình phối hợp công tác năm 2026');
  });

  it('validates every seed through the same schema and builds one partition per seeded record', () => {
    // Nine records of the five seed articles, and two invented ones of today's demo wards.
    expect(seedAgreements).toHaveLength(11);
    expect(
      seedAgreements.filter((s) => s.seed === 'demo').every((s) => s.content.title.endsWith('(dữ liệu mẫu)') && s.content.remarks?.startsWith('Dữ liệu mẫu')),
    ).toBe(true);
    for (const s of seedAgreements) {
      expect(() => agreementContentSchema.parse(s.content), s.key).not.toThrow();
      // The due index entry of a signed record lives in the tenant's due partition (written with it).
      const all = seedItems(s);
      for (const due of all.filter((i) => i.entity === 'due')) expect(due.PK).toBe(`${tenantPrefix(s.tenant)}#DUE`);
      const items = all.filter((i) => i.entity !== 'due');
      const pks = new Set(items.map((i) => i.PK));
      expect(pks.size, s.key).toBe(1);
      expect([...pks][0]!.startsWith(`${tenantPrefix(s.tenant)}#AGR#`)).toBe(true);
    }
  });
});
