/**
 * The import benchmark (#18), run by `npm run bench` (case `import`): in process, no DynamoDB.
 *
 * 1. A regulation .docx of ~50 pages (80 articles in 4 chapters, 6 body paragraphs each, written by
 *    the `docx` library as a clerk's office would lay it out): extraction + Decree 30 parse, i.e.
 *    what POST /api/imports/documents does before answering (proposeFromDocument). Pages are
 *    estimated from the text: 2,300 characters per A4 page at Times New Roman 14 pt, Decree 30 margins.
 * 2. A 1,000-row XLSX written by exceljs (shared strings, as Excel writes): reading, row validation
 *    and the preview against an agreement, i.e. what POST …/items/preview does after reading the body.
 *
 * Each is run `runs` times; p50 and max wall time, and the process's peak RSS, are reported.
 */
import { detailFromItems } from '../functions/agreements/records.js';
import { seedItems } from '../functions/demo/agreements.js';
import { seedAgreements } from '../functions/demo/agreements-data.js';
import { proposeFromDocument } from '../functions/imports/read-document.js';
import { previewOf, readItemRows } from '../functions/imports/items-sheet.js';
import { readSheet } from '../functions/imports/sheet-read.js';
import { regulationDocx } from '../test/support/decree30-docx.js';
import { itemRows, xlsxOf } from '../test/support/sheets.js';

const CHARS_PER_PAGE = 2300;

async function timed<T>(runs: number, fn: () => Promise<T> | T): Promise<{ p50Ms: number; maxMs: number; last: T }> {
  const ms: number[] = [];
  let last!: T;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    last = await fn();
    ms.push(performance.now() - t);
  }
  ms.sort((a, b) => a - b);
  const r = (n: number) => Math.round(n * 10) / 10;
  return { p50Ms: r(ms[Math.floor(ms.length / 2)]!), maxMs: r(ms.at(-1)!), last };
}

export async function importCase(opts: { runs?: number; check: (name: string, ok: boolean, detail: string) => void }) {
  const runs = opts.runs ?? 5;
  const tenant = { provinceCode: '01', localityCode: '00103' };
  const docx = await regulationDocx({ articles: 80, chapters: 4, paragraphs: 6 });
  const doc = await timed(runs, () => proposeFromDocument(docx, { fileName: 'quy-che-50-trang.docx', documentId: null }, tenant));
  const chars = doc.last.blocks.reduce((n, b) => n + b.text.length, 0);
  const articles = doc.last.content.chapters.reduce((n, c) => n + c.articles.length, 0);

  const xlsx = await xlsxOf(itemRows(1000));
  const demo = seedAgreements.find((s) => s.content.kind === 'program')!;
  const detail = detailFromItems(seedItems(demo), new Date())!;
  const sheet = await timed(runs, () => {
    const rows = readItemRows(readSheet(xlsx));
    return { rows: rows.length, ...previewOf(rows, detail) };
  });

  opts.check(
    '50-page .docx read into 80 articles',
    articles === 80 && doc.last.problems.length === 0,
    `${articles} articles, ${doc.last.problems.length} problems`,
  );
  opts.check('1,000-row XLSX read and previewed', sheet.last.rows === 1000, `${sheet.last.rows} rows`);
  return {
    docx: {
      bytes: docx.length,
      paragraphs: doc.last.blocks.length,
      characters: chars,
      estimatedPages: Math.round(chars / CHARS_PER_PAGE),
      articles,
      p50Ms: doc.p50Ms,
      maxMs: doc.maxMs,
    },
    xlsx: { bytes: xlsx.length, rows: sheet.last.rows, changes: sheet.last.changes.length, p50Ms: sheet.p50Ms, maxMs: sheet.maxMs },
    runs,
    peakRssMb: Math.round(process.memoryUsage().rss / 1024 / 1024),
  };
}
