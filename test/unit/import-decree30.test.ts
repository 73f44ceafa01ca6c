import { describe, expect, it } from 'vitest';
import { agreementDocx } from '../../functions/agreements/export-docx.js';
import { detailFromItems } from '../../functions/agreements/records.js';
import { seedItems } from '../../functions/demo/agreements.js';
import { seedAgreements } from '../../functions/demo/agreements-data.js';
import { proposeFromDocument } from '../../functions/imports/read-document.js';
import type { AgreementDetail } from '../../shared/agreements/schema.js';
import type { DocumentProposal } from '../../shared/imports/schema.js';

const upper = (s: string) => s.toLocaleUpperCase('vi-VN');
const paras = (s: string) =>
  s
    .split(/\n+/)
    .map((l) => l.trim())
    .filter(Boolean)
    .join('\n');

/** What an agreement and an import proposal hold alike: header, parties' agencies, items (the description as given). */
function common(x: Pick<DocumentProposal['content'], 'kind' | 'number' | 'title' | 'term' | 'year' | 'parties' | 'areas' | 'items'>) {
  return {
    kind: x.kind,
    number: x.number,
    title: x.title,
    term: x.term,
    year: x.year,
    parties: x.parties.map((p) => p.agency).sort(),
    areas: x.areas,
    items: x.items.map((i) => ({
      title: i.title,
      description: i.description,
      lead: i.lead,
      cooperating: i.cooperating,
      due: i.due,
      placeholder: i.placeholder,
    })),
  };
}

/** The structure the issue names: items, agencies, deadlines, chapters/articles, parties, number, date. */
function structureOf(d: AgreementDetail) {
  return {
    ...common({ ...d.agreement, items: d.items.map((i) => ({ ...i, description: paras(i.description) })) }),
    signedOn: d.agreement.signedOn,
    chapters: d.chapters.map((c) => ({
      title: c.placeholder ? '' : upper(c.title),
      placeholder: c.placeholder,
      articles: c.articles.map((x) => ({ title: x.placeholder ? '' : x.title, text: x.placeholder ? '' : paras(x.text), placeholder: x.placeholder })),
    })),
  };
}

function structureOfProposal(p: DocumentProposal) {
  return {
    ...common(p.content),
    signedOn: p.signedOn,
    chapters: p.content.chapters.map((ch) => ({ title: ch.placeholder ? '' : upper(ch.title), placeholder: ch.placeholder, articles: ch.articles })),
  };
}

describe('export → import round trip', () => {
  const now = new Date('2026-11-23T03:00:00Z');
  it.each(seedAgreements.map((s) => [s.key, s] as const))('%s comes back with the same structure', async (_key, s) => {
    const detail = detailFromItems(seedItems(s), now)!;
    const docx = await agreementDocx(detail, s.tenant);
    const p = await proposeFromDocument(docx, { fileName: `${s.key}.docx`, documentId: null }, s.tenant);
    expect(structureOfProposal(p)).toEqual(structureOf(detail));
    // Parties the unit's own bodies: their usual names; content valid as a draft apart from nothing.
    expect(p.problems).toEqual([]);
    expect(p.sources.title!.length).toBeGreaterThan(0);
  });
});

const TAY_HO = { provinceCode: '01', localityCode: '00103' };

describe('documents typed by a clerk in the Decree 30 layout', () => {
  it('reads a program: header on two lines, Word numbering, agencies, quarters and dates, signatures beside Nơi nhận', async () => {
    const { programDocx } = await import('../support/decree30-docx.js');
    const docx = await programDocx(2025, [
      {
        title: 'Phối hợp tổ chức hội nghị tiếp xúc cử tri',
        points: ['Trước kỳ họp giữa năm', 'Sau kỳ họp cuối năm'],
        lead: 'Thường trực Hội đồng nhân dân phường Tây Hồ',
        cooperating: ['Ủy ban nhân dân phường Tây Hồ', 'Ủy ban Mặt trận Tổ quốc Việt Nam phường Tây Hồ'],
        when: 'Quý II/2025',
      },
      {
        title: 'Giám sát việc giải quyết kiến nghị cử tri',
        lead: 'Ủy ban MTTQ Việt Nam phường',
        cooperating: ['Hội Cựu chiến binh phường'],
        when: 'trước ngày 30/9/2025',
      },
      { title: 'Sơ kết công tác phối hợp', lead: 'UBND phường', cooperating: ['HĐND phường'], when: 'Thường xuyên' },
      { title: 'Tổng kết năm', lead: 'UBND phường', cooperating: [], when: 'khi có chỉ đạo' },
    ]);
    const p = await proposeFromDocument(docx, { fileName: 'ctr-2025.docx', documentId: null }, TAY_HO);
    const c = p.content;
    expect(c).toMatchObject({ kind: 'program', number: '05/CTrPH-HĐND-UBND-MTTQ', title: 'Phối hợp công tác năm 2025', year: 2025 });
    expect(p.signedOn).toBe('2025-01-15');
    expect(c.parties).toEqual([
      { agency: 'HDND', name: 'Thường trực Hội đồng nhân dân phường Tây Hồ' },
      { agency: 'UBND', name: 'Ủy ban nhân dân phường Tây Hồ' },
      { agency: 'MTTQ', name: 'Ủy ban Mặt trận Tổ quốc Việt Nam phường Tây Hồ' },
    ]);
    expect(c.items.map((i) => i.title)).toEqual([
      'Phối hợp tổ chức hội nghị tiếp xúc cử tri',
      'Giám sát việc giải quyết kiến nghị cử tri',
      'Sơ kết công tác phối hợp',
      'Tổng kết năm',
    ]);
    expect(c.items[0]).toMatchObject({
      description: 'a) Trước kỳ họp giữa năm\nb) Sau kỳ họp cuối năm',
      lead: { agency: 'HDND', name: 'Thường trực Hội đồng nhân dân phường Tây Hồ' },
      cooperating: [
        { agency: 'UBND', name: 'Ủy ban nhân dân phường Tây Hồ' },
        { agency: 'MTTQ', name: 'Ủy ban Mặt trận Tổ quốc Việt Nam phường Tây Hồ' },
      ],
      due: { kind: 'period', from: '2025-04-01', to: '2025-06-30' },
    });
    expect(c.items[1]!.due).toEqual({ kind: 'date', on: '2025-09-30' });
    expect(c.items[1]!.cooperating).toEqual([{ agency: 'HCCB', name: 'Hội Cựu chiến binh phường' }]);
    expect(c.items[2]!.due).toBeNull();
    // "khi có chỉ đạo" is no deadline the reader can state: left empty and marked, not guessed.
    expect(c.items[3]!.due).toBeNull();
    expect(p.unreadable).toEqual([expect.objectContaining({ field: 'items.3.due', message_vi: expect.stringContaining('khi có chỉ đạo') })]);
    // "III. TỔ CHỨC THỰC HIỆN" ends the items; its numbered points are not items.
    expect(c.summary).toContain('III. TỔ CHỨC THỰC HIỆN');
    expect(c.recipients).toEqual(['Thường trực Quận ủy', 'Lưu: VT']);
    expect(p.signatories.map((s) => [s.agency, s.onBehalf, s.title, s.name])).toEqual([
      ['HDND', 'TM. Thường trực HĐND', 'Chủ tịch', 'Nguyễn Văn An'],
      ['UBND', 'TM. Ủy ban nhân dân', 'Chủ tịch', 'Trần Thị Bình'],
      ['OTHER', 'TM. Ban thường trực', 'Chủ tịch', 'Lê Văn Cường'],
    ]);
    expect(p.problems).toEqual([]);
    // Every item points at the paragraphs it was read from.
    expect(p.blocks[p.sources['items.0']![0]!]!.text).toBe('Phối hợp tổ chức hội nghị tiếp xúc cử tri');
    expect(p.blocks[p.sources['items.0.due']![0]!]!.text).toBe('Thời gian: Quý II/2025.');
  });

  it('reads a 13-article regulation into chapters and articles, and the same text from a PDF', async () => {
    const { regulationDocx } = await import('../support/decree30-docx.js');
    const p = await proposeFromDocument(await regulationDocx({ articles: 13 }), { fileName: 'qc.docx', documentId: null }, TAY_HO);
    expect(p.content).toMatchObject({ kind: 'regulation', term: { from: 2021, to: 2026 }, number: '01/QCPH-HĐND-UBND-MTTQ' });
    expect(p.content.chapters.map((c) => [c.title, c.articles.length])).toEqual([
      ['NHỮNG QUY ĐỊNH CHUNG', 5],
      ['NỘI DUNG PHỐI HỢP', 4],
      ['TỔ CHỨC THỰC HIỆN', 4],
    ]);
    expect(p.content.chapters[2]!.articles[3]).toMatchObject({ title: 'Nội dung phối hợp thứ 13' });
    expect(p.content.chapters[0]!.articles[0]!.text.split('\n')).toHaveLength(2);
    expect(p.problems).toEqual([]);

    const { textPdf } = await import('../support/text-pdf.js');
    const lines = p.blocks
      .slice(0, 40)
      .map((b, i) => ({ text: b.label ? `${b.label} ${b.text}` : b.text, x: 60, y: 800 - i * 18, bold: /^(Điều|Chương|QUY CHẾ)/u.test(b.text) }));
    const pdf = await proposeFromDocument(textPdf([lines]), { fileName: 'qc.pdf', documentId: null }, TAY_HO);
    expect(pdf.source.format).toBe('pdf');
    expect(pdf.content.chapters[0]!.articles.map((a) => a.title).slice(0, 3)).toEqual([
      'Nội dung phối hợp thứ 1',
      'Nội dung phối hợp thứ 2',
      'Nội dung phối hợp thứ 3',
    ]);
  });
});
