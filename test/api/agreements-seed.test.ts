import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { seedAgreementsDemo } from '../../functions/demo/agreements.js';
import { seedAgreements } from '../../functions/demo/agreements-data.js';
import { levelOfLocality, partyAgenciesByLevel } from '../../shared/agreements/parties.js';
import type { AgreementDetail, AgreementSummary } from '../../shared/agreements/schema.js';
import { agreementsClient, type Headers } from '../support/agreements.js';
import { ddbCost, harnessSuite } from '../support/harness.js';

/** The demo data must state exactly what the five seed articles state (copied from ../shared/seeds). */
const seedsDir = join(import.meta.dirname, '..', 'fixtures', 'seed-articles');
const article = (n: string) => {
  const file = readdirSync(seedsDir).find((f) => f.startsWith(`${n}_`))!;
  return readFileSync(join(seedsDir, file), 'utf8').replace(/\s+/g, ' ');
};
const norm = (s: string) => s.replace(/\s+/g, ' ').trim();

let api: ReturnType<typeof agreementsClient>;
const who: Record<string, Headers> = {};

const h = harnessSuite({ now: () => new Date('2026-11-23T03:00:00Z') });

beforeAll(async () => {
  api = agreementsClient(h);
  const first = await seedAgreementsDemo({ doc: h.doc, tableName: h.tableName });
  expect(first.created).toBeGreaterThan(50);
  // Idempotent: a restart adds nothing (and keeps edits).
  expect((await seedAgreementsDemo({ doc: h.doc, tableName: h.tableName })).created).toBe(0);
  for (const [name, localityCode] of [
    ['btl', '021'],
    ['tayho', '003'],
    ['dongda', '006'],
    ['caugiay', '005'],
  ] as const) {
    who[name] = (await h.userToken({ role: 'locality_viewer', provinceCode: '01', localityCode })).headers;
  }
  who.thainguyen = (await h.userToken({ role: 'province_viewer', provinceCode: '19', localityCode: null })).headers;
});

async function all(headers: Headers): Promise<AgreementDetail[]> {
  const { res, body } = await api.list(headers);
  expect(ddbCost(res).requests).toBe(1);
  const out: AgreementDetail[] = [];
  for (const a of body!.items as AgreementSummary[]) {
    const d = await api.detail(headers, a.id);
    expect(ddbCost(d.res).requests).toBe(1);
    out.push(d.body);
  }
  return out;
}

describe('demo data: seeds 000–004', () => {
  it('000 Bắc Từ Liêm: the 2021–2026 regulation of HĐND, UBND and UB MTTQ signed 10/11/2021', async () => {
    const [reg, ...rest] = await all(who.btl!);
    expect(rest).toEqual([]);
    expect(reg!.agreement).toMatchObject({ kind: 'regulation', term: { from: 2021, to: 2026 }, status: 'signed', signedOn: '2021-11-10' });
    expect(reg!.agreement.parties.map((p) => p.agency)).toEqual(['HDND', 'UBND', 'MTTQ']);
    expect(reg!.agreement.areas).toHaveLength(8);
    expect(reg!.signing!.signatories).toHaveLength(3);
    // The article names no signer: names stay empty rather than guessed.
    expect(reg!.signing!.signatories.every((s) => s.name === null)).toBe(true);
  });

  it('001 Tây Hồ: the 2023 review and the 2024 program with 06 items signed 28/02/2024, items verbatim', async () => {
    const list = await all(who.tayho!);
    const p2024 = list.find((d) => d.agreement.year === 2024)!;
    const p2023 = list.find((d) => d.agreement.year === 2023)!;
    expect(list).toHaveLength(2);
    expect(p2024.agreement).toMatchObject({ kind: 'program', status: 'signed', signedOn: '2024-02-28', itemCount: 6 });
    expect(p2024.items).toHaveLength(6);
    const text = article('001');
    for (const item of p2024.items) expect(text, item.title).toContain(norm(item.title));
    const review = p2023.reviews[0]!;
    expect(p2023.reviews).toHaveLength(1);
    expect(review).toMatchObject({ period: '2023-Y', kind: 'annual', heldOn: '2024-02-28' });
    expect(text).toContain(norm(review.shortcomings));
    // Verbatim except a paragraph's first letter, capitalised when a quote starts mid-sentence.
    for (const para of review.achievements.split('\n')) expect(text.toLowerCase()).toContain(norm(para).toLowerCase());
  });

  it('002 Đống Đa: the 2021 program with 07 tasks and the MTTQ – socio-political organisations program', async () => {
    const list = await all(who.dongda!);
    expect(list).toHaveLength(2);
    const main = list.find((d) => d.agreement.parties.some((p) => p.agency === 'HDND'))!;
    const fronts = list.find((d) => d !== main)!;
    expect(main.agreement).toMatchObject({ year: 2021, signedOn: '2021-01-06', itemCount: 7 });
    // The article does not delimit the 7 tasks: marked placeholders, the article's text in the summary.
    expect(main.items.every((i) => i.placeholder)).toBe(true);
    expect(article('002')).toContain(norm(main.agreement.summary.replace(/^Trích bài viết: /, '')));
    expect(fronts.agreement.parties.map((p) => p.agency)).toEqual(['MTTQ', 'OTHER']);
    expect(fronts.agreement).toMatchObject({ year: 2021, signedOn: '2021-01-06' });
  });

  it('003 Cầu Giấy: the semi-annual review of 2022 commending 09 collectives and 11 individuals', async () => {
    const [program, ...rest] = await all(who.caugiay!);
    expect(rest).toEqual([]);
    const review = program!.reviews[0]!;
    expect(review).toMatchObject({
      period: '2022-H1',
      kind: 'semiannual',
      heldOn: '2022-07-22',
      place: 'Hội trường UBND quận Cầu Giấy',
      commendations: { decidedBy: 'UBND Quận', collectives: { count: 9, names: [] }, individuals: { count: 11, names: [] } },
    });
    expect(article('003')).toContain(norm(review.achievements));
    expect(review.discussion).toContain('phường Quan Hoa');
    expect(program!.items).toHaveLength(8);
  });

  it('004 Thái Nguyên: three bilateral 2021–2026 regulations with 3 chapters and 12 / 13 / 11 articles, signed 14/10/2021', async () => {
    const list = await all(who.thainguyen!);
    expect(list).toHaveLength(3);
    const byAgency = Object.fromEntries(list.map((d) => [d.agreement.parties[0]!.agency, d]));
    for (const [agency, articles] of [
      ['HDND', 12],
      ['UBND', 13],
      ['DBQH', 11],
    ] as const) {
      const d = byAgency[agency]!;
      expect(
        d.agreement.parties.map((p) => p.agency),
        agency,
      ).toEqual([agency, 'MTTQ']);
      expect(d.agreement, agency).toMatchObject({
        kind: 'regulation',
        term: { from: 2021, to: 2026 },
        signedOn: '2021-10-14',
        chapterCount: 3,
        articleCount: articles,
      });
      expect(
        d.chapters.flatMap((c) => c.articles.map((a) => a.no)),
        agency,
      ).toEqual(Array.from({ length: articles }, (_, i) => i + 1));
      // Article texts are not in the article: every one is a marked placeholder.
      expect(d.chapters.every((c) => c.placeholder && c.articles.every((a) => a.placeholder && a.text === ''))).toBe(true);
    }
  });

  it('states every party and signatory as a body of its tenant’s level (what the API would accept)', () => {
    for (const s of seedAgreements) {
      const allowed = partyAgenciesByLevel[levelOfLocality(s.tenant.localityCode)];
      for (const p of s.content.parties) expect(allowed, `${s.key}: ${p.name}`).toContain(p.agency);
      for (const x of s.signing?.signatories ?? []) expect(allowed, `${s.key}: ${x.onBehalf}`).toContain(x.agency);
    }
  });

  it('exports a seeded review as .docx', async () => {
    const [program] = (await api.list(who.caugiay!)).body!.items;
    const res = await api.call('GET', `/${program!.id}/reviews/2022-H1/export.docx`, who.caugiay!);
    expect(res.status).toBe(200);
    expect((await res.arrayBuffer()).byteLength).toBeGreaterThan(5000);
  });
});
