import type { AgreementKind, Signatory } from '../../shared/agreements/schema.js';
import type { Unit } from '../../shared/agreements/parties.js';
import { foldVietnamese } from '../../shared/format.js';
import type { ProposedContent, ProposedItem, Unreadable } from '../../shared/imports/schema.js';
import type { TextBlock } from '../documents/extract-text.js';
import { agencyOf, agencyRefsOf, dueOf, isUpper, partiesFromHeader, placeDateOf, sentenceCase, termOf, yearOf } from './decree30-fields.js';

/**
 * Reads the Decree 30/2020 layout of a program, plan or regulation from its paragraphs (or PDF
 * lines): header (agency lines, số/ký hiệu, địa danh and date), tên loại and trích yếu, the body
 * (chapters "Chương I", articles "Điều n.", numbered items with "Cơ quan chủ trì/phối hợp" and
 * "Thời gian"), signature blocks ("TM.") and "Nơi nhận". Every proposed field records the blocks it
 * came from; what is there but cannot be read is listed in `unreadable` and left empty.
 */

export type Parsed = {
  content: ProposedContent;
  signedOn: string | null;
  signatories: Signatory[];
  sources: Record<string, number[]>;
  unreadable: Unreadable[];
};

/** The text the project's export writes where the source gave no content (functions/agreements/export-docx.ts). */
const PLACEHOLDER = /^\[Giữ chỗ: /u;
const KINDS: [RegExp, AgreementKind][] = [
  [/^quy che\b/, 'regulation'],
  [/^chuong trinh\b/, 'program'],
  [/^ke hoach\b/, 'plan'],
];
const NATIONAL = /^(cong hoa xa hoi chu nghia viet nam|doc lap - tu do - hanh phuc)$/;
const SIGN_START = /^(TM\.|KT\.|Q\.|TL\.|TUQ\.|T\/M)/u;

const line = (b: TextBlock) => (b.list ? `${b.list.label} ${b.text}` : b.text).trim();
const f = (s: string) => foldVietnamese(s);

export function parseDecree30(blocks: TextBlock[], units: Unit[]): Parsed {
  const sources: Record<string, number[]> = {};
  const unreadable: Unreadable[] = [];
  const src = (field: string, ...i: number[]) => {
    sources[field] = [...(sources[field] ?? []), ...i];
  };
  const mark = (field: string, i: number[], vi: string, en: string) => unreadable.push({ field, blocks: i, message_vi: vi, message_en: en });
  const content: ProposedContent = {
    kind: 'program',
    number: '',
    title: '',
    parties: [],
    term: null,
    year: null,
    areas: [],
    summary: '',
    chapters: [],
    items: [],
    recipients: [],
    remarks: '',
  };

  // 1. Tên loại: the first short line naming the kind; everything above it is the header.
  const typeAt = blocks.findIndex((b) => KINDS.some(([re]) => re.test(f(b.text))) && (b.bold || b.align === 'center') && b.text.length <= 200);
  let body = 0;
  let signedOn: string | null = null;
  let yearHint: number | null = null;
  if (typeAt < 0) {
    mark('kind', [], 'Không thấy tên loại văn bản (QUY CHẾ, CHƯƠNG TRÌNH, KẾ HOẠCH)', 'No document type line (QUY CHẾ, CHƯƠNG TRÌNH, KẾ HOẠCH) found');
  } else {
    const typeText = blocks[typeAt]!.text;
    content.kind = KINDS.find(([re]) => re.test(f(typeText)))![1];
    src('kind', typeAt);
    const agencyLines: number[] = [];
    for (let i = 0; i < typeAt; i++) {
      const t = blocks[i]!.text.trim();
      if (NATIONAL.test(f(t))) continue;
      const num = /^Số\s*:\s*(.*)$/iu.exec(t);
      if (num) {
        const n = num[1]!.replace(/\s+/g, ' ').trim();
        content.number = /^\/|^$/.test(n) ? '' : n;
        src('number', i);
        continue;
      }
      const pd = placeDateOf(t);
      if (pd) {
        signedOn = pd.date;
        yearHint = pd.year;
        src('signedOn', i);
        continue;
      }
      if (isUpper(t)) agencyLines.push(i);
    }
    content.parties = partiesFromHeader(
      agencyLines.map((i) => blocks[i]!.text),
      units,
    );
    src('parties', ...agencyLines);
    // Trích yếu: the rest of the type line, or the centred lines right below it.
    const rest = typeText.replace(/^\s*(QUY CHẾ|CHƯƠNG TRÌNH|KẾ HOẠCH)\s*/iu, '').trim();
    const titleParts: string[] = rest ? [sentenceCase(rest, units)] : [];
    if (rest) src('title', typeAt);
    body = typeAt + 1;
    const titleLine = (b: TextBlock | undefined) => b && b.align === 'center' && b.bold && !b.cell && !isUpper(b.text) && !/^(Chương|Điều)\s/u.test(b.text);
    while (!rest && titleLine(blocks[body]) && titleParts.length < 4) {
      titleParts.push(blocks[body]!.text.trim());
      src('title', body);
      body++;
    }
    content.title = titleParts.join(' ');
    if (!content.title) mark('title', [typeAt], 'Không thấy trích yếu dưới tên loại văn bản', 'No title (trích yếu) under the document type');
  }

  // 2. Period: a regulation's term, a program's year (from the title; the signing year is only a hint).
  if (content.kind === 'regulation') {
    content.term = termOf(content.title) ?? null;
    if (content.term) src('term', ...(sources.title ?? []));
    else mark('term', sources.title ?? [], 'Trích yếu không nêu nhiệm kỳ (từ năm – đến năm)', 'The title states no term (from – to year)');
  } else {
    content.year = yearOf(content.title) ?? null;
    if (content.year) src('year', ...(sources.title ?? []));
    else mark('year', sources.title ?? [], 'Trích yếu không nêu năm', 'The title states no year');
  }
  const year = content.year ?? yearHint;

  // 3. End of the body: the first signature block or "Nơi nhận".
  let end = blocks.length;
  for (let i = body; i < blocks.length; i++) {
    const t = blocks[i]!.text.trim();
    if (/^Nơi nhận\s*:?/iu.test(t) || blocks[i]!.cell || (SIGN_START.test(t) && isUpper(t))) {
      end = i;
      break;
    }
  }

  // 4. Body: chapters and articles, items, areas, preamble.
  const summary: string[] = [];
  let chapter: ProposedContent['chapters'][number] | undefined;
  let article: ProposedContent['chapters'][number]['articles'][number] | undefined;
  let item: ProposedItem | undefined;
  let inItems = content.kind !== 'regulation' && !blocks.slice(body, end).some((b) => /^(II?I?\.\s*)?NỘI DUNG/u.test(b.text));
  let inAreas = false;
  let chapterTitlePending = false;
  const chapterPath = () => `chapters.${content.chapters.length - 1}`;
  const articlePath = () => `${chapterPath()}.articles.${chapter!.articles.length - 1}`;
  const itemPath = () => `items.${content.items.length - 1}`;
  for (let i = body; i < end; i++) {
    const b = blocks[i]!;
    const t = line(b);
    if (!t) continue;
    const ch = /^Chương\s+([IVXLC]+|\d+)\b\.?\s*(.*)$/u.exec(t);
    if (content.kind === 'regulation' && ch) {
      chapter = { title: ch[2] ? sentenceCase(ch[2], units) : '', placeholder: false, articles: [] };
      content.chapters.push(chapter);
      article = undefined;
      chapterTitlePending = !ch[2];
      src(chapterPath(), i);
      continue;
    }
    if (chapter && chapterTitlePending && !article) {
      chapterTitlePending = false;
      if (PLACEHOLDER.test(t)) chapter.placeholder = true;
      else chapter.title = t;
      src(chapterPath(), i);
      continue;
    }
    const art = /^Điều\s+(\d+)\s*[.:]?\s*(.*)$/u.exec(t);
    if (content.kind === 'regulation' && art && (b.bold || /^Điều\s+\d+\./u.test(t))) {
      if (!chapter) {
        chapter = { title: '', placeholder: false, articles: [] };
        content.chapters.push(chapter);
        mark(
          chapterPath(),
          [i],
          'Văn bản không chia chương: các điều được đưa vào một chương không tên',
          'No chapters: the articles are put in one untitled chapter',
        );
      }
      article = { title: art[2]!.trim(), text: '', placeholder: false };
      chapter.articles.push(article);
      src(articlePath(), i);
      continue;
    }
    if (article) {
      if (PLACEHOLDER.test(t)) article.placeholder = true;
      else article.text = article.text ? `${article.text}\n${t}` : t;
      src(articlePath(), i);
      continue;
    }
    if (content.kind !== 'regulation') {
      if (/^(I{1,3}|IV|V|VI)\.\s/u.test(t) || (/^NỘI DUNG/u.test(t) && b.align === 'center')) {
        inItems = /NỘI DUNG/u.test(t);
        item = undefined;
        if (inItems) continue;
      }
      const num = b.list && b.list.level === 0 && /^\d+[.)]$/.test(b.list.label) ? b.text : /^(\d+)\.\s+(.+)$/u.exec(t)?.[2];
      if (inItems && num !== undefined && (b.bold || b.list)) {
        item = { title: num.trim(), description: '', lead: null, cooperating: [], due: null, status: 'not_started', placeholder: false };
        content.items.push(item);
        src(itemPath(), i);
        continue;
      }
      if (item) {
        const lead = /^(?:Cơ quan |Đơn vị )?chủ trì\s*:\s*(.+)$/iu.exec(t);
        const coop = /^(?:Cơ quan |Đơn vị )?phối hợp\s*:\s*(.+)$/iu.exec(t);
        const when = /^Thời gian(?: thực hiện| hoàn thành)?\s*:\s*(.+)$/iu.exec(t);
        if (lead) {
          const refs = agencyRefsOf(lead[1]!);
          item.lead = refs[0] ?? null;
          if (refs.length > 1) item.cooperating.push(...refs.slice(1));
          src(`${itemPath()}.lead`, i);
        } else if (coop) {
          item.cooperating.push(...agencyRefsOf(coop[1]!));
          src(`${itemPath()}.cooperating`, i);
        } else if (when) {
          const due = dueOf(when[1]!, year);
          if (due === undefined) mark(`${itemPath()}.due`, [i], `Không đọc được thời hạn: “${when[1]}”`, `Deadline not readable: “${when[1]}”`);
          else item.due = due;
          src(`${itemPath()}.due`, i);
        } else if (PLACEHOLDER.test(t)) item.placeholder = true;
        else {
          item.description = item.description ? `${item.description}\n${t}` : t;
          src(itemPath(), i);
        }
        continue;
      }
    }
    if (/^Các lĩnh vực phối hợp\s*:?$/iu.test(t)) {
      inAreas = true;
      src('areas', i);
      continue;
    }
    if (inAreas && /^[-–•+]\s*/u.test(t)) {
      content.areas.push(t.replace(/^[-–•+]\s*/u, '').replace(/[;.]\s*$/, ''));
      src('areas', i);
      continue;
    }
    inAreas = false;
    summary.push(t);
    src('summary', i);
  }
  content.summary = summary.join('\n');

  // 5. Signature blocks (one per table cell, or per "TM." line) and Nơi nhận.
  const signatories: Signatory[] = [];
  let recipients = false;
  let current: Signatory | undefined;
  let cellKey = '';
  for (let i = end; i < blocks.length; i++) {
    const b = blocks[i]!;
    const t = line(b).trim();
    if (/^Nơi nhận\s*:?/iu.test(t)) {
      recipients = true;
      current = undefined;
      src('recipients', i);
      continue;
    }
    if (recipients) {
      if (/^[-–•+]/u.test(t)) {
        content.recipients.push(t.replace(/^[-–•+]\s*/u, '').replace(/[;.]\s*$/, ''));
        src('recipients', i);
        continue;
      }
      if (!b.cell) continue;
      recipients = false;
    }
    const key = b.cell ? `${b.cell.table}.${b.cell.row}.${b.cell.col}` : '';
    if (SIGN_START.test(t) || !current || (key && key !== cellKey)) {
      current = { agency: agencyOf(t), onBehalf: '', title: null, name: null };
      signatories.push(current);
      cellKey = key;
    }
    src(`signatories.${signatories.length - 1}`, i);
    if (SIGN_START.test(t) && !current.onBehalf) current.onBehalf = sentenceCase(t, units);
    else if (isUpper(t) && current.title === null) {
      current.title = sentenceCase(t, units);
      if (current.agency === 'OTHER') current.agency = agencyOf(t);
    } else if (!isUpper(t) && current.name === null) current.name = t;
  }
  return { content, signedOn, signatories: signatories.filter((s) => s.onBehalf || s.title || s.name), sources, unreadable };
}
