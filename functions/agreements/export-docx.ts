import {
  AlignmentType,
  BorderStyle,
  Document,
  Packer,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type IParagraphOptions,
} from 'docx';
import {
  agencyLabels,
  fullTitle,
  itemStatusInfo,
  kindLabels,
  reviewTitle,
  type AgreementDetail,
  type Due,
  type Party,
  type Review,
  type Signatory,
} from '../../shared/agreements/schema.js';
import { defaultSignatory, isOwnParty, placeNameOf, type Unit } from '../../shared/agreements/parties.js';
import { foldVietnamese, formatDate } from '../../shared/format.js';
import type { TenantRef } from '../../shared/keys.js';
import { count2, headerAgencyLines, placeAndDate, roman, unitOf } from './decree30-text.js';

export { count2, headerAgencyLines, placeAndDate, placeName, roman, unitOf } from './decree30-text.js';

/**
 * Agreements and reviews as Word documents laid out per Decree 30/2020/NĐ-CP (Phụ lục I): A4,
 * Times New Roman, quốc hiệu and tiêu ngữ, issuing agencies, số/ký hiệu, địa danh and date, document
 * type and trích yếu, body, signature blocks side by side for joint documents, nơi nhận.
 */

export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

const FONT = 'Times New Roman';
// docx sizes are half-points.
const PT = (n: number) => n * 2;
const BODY = PT(14);
// A4 in twips and Decree 30 margins: top/bottom 20 mm, left 30 mm, right 15 mm.
const PAGE = { width: 11906, height: 16838 };
const MARGIN = { top: 1134, bottom: 1134, left: 1701, right: 850 };
const TEXT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
const LEFT_COL = Math.round(TEXT_WIDTH * 0.39);
const RIGHT_COL = TEXT_WIDTH - LEFT_COL;

const upper = (s: string) => s.toLocaleUpperCase('vi-VN');

function run(text: string, opts: { bold?: boolean; italics?: boolean; size?: number; underline?: boolean } = {}) {
  return new TextRun({ text, font: FONT, size: opts.size ?? BODY, bold: opts.bold, italics: opts.italics, ...(opts.underline ? { underline: {} } : {}) });
}

function para(children: TextRun[], opts: Partial<IParagraphOptions> = {}) {
  return new Paragraph({ children, spacing: { before: 0, after: 0 }, ...opts });
}

function centered(text: string, opts: { bold?: boolean; italics?: boolean; size?: number } = {}, spacing = { before: 0, after: 0 }) {
  return para([run(text, opts)], { alignment: AlignmentType.CENTER, spacing });
}

/** A short centred rule under a heading line: a bottom border on an indented empty paragraph. */
function rule(colWidth: number, lineWidth: number) {
  const side = Math.max(0, Math.round((colWidth - lineWidth) / 2));
  return new Paragraph({
    children: [],
    indent: { left: side, right: side },
    border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } },
    spacing: { before: 0, after: 60 },
  });
}

/** Body text: justified, first-line indent, 6 pt before, line spacing ~1.2. */
function bodyParagraphs(text: string, opts: { italics?: boolean } = {}): Paragraph[] {
  return text
    .split(/\n+/)
    .map((l) => l.trim())
    .filter(Boolean)
    .map((line) =>
      para([run(line, { italics: opts.italics })], {
        alignment: AlignmentType.JUSTIFIED,
        indent: { firstLine: 567 },
        spacing: { before: 120, after: 0, line: 288 },
      }),
    );
}

function labelled(label: string, value: string, opts: { boldLabel?: boolean } = {}) {
  return para([run(label, { bold: opts.boldLabel ?? false, italics: !opts.boldLabel }), run(value)], {
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: 567 },
    spacing: { before: 120, after: 0, line: 288 },
  });
}

function heading(text: string, align: 'left' | 'center' = 'left') {
  return para([run(text, { bold: true })], {
    alignment: align === 'center' ? AlignmentType.CENTER : AlignmentType.JUSTIFIED,
    indent: align === 'left' ? { firstLine: 567 } : undefined,
    spacing: { before: 180, after: 0, line: 288 },
    keepNext: true,
  });
}

const noBorders = TableBorders.NONE;

/** The header block: agencies and số/ký hiệu (left), quốc hiệu, tiêu ngữ, địa danh and date (right). */
function documentHeader(agencies: string[], number: string, dateLine: string, symbolHint: string) {
  const numberText = number ? `Số: ${number}` : `Số:        /${symbolHint}`;
  const left = [
    ...agencies.map((a) => centered(upper(a), { bold: true, size: PT(13) })),
    rule(LEFT_COL, Math.round(LEFT_COL / 3)),
    centered(numberText, { size: PT(13) }, { before: 60, after: 0 }),
  ];
  const right = [
    centered('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { bold: true, size: PT(12) }),
    centered('Độc lập - Tự do - Hạnh phúc', { bold: true, size: PT(14) }),
    rule(RIGHT_COL, 3900),
    centered(dateLine, { italics: true, size: PT(14) }, { before: 120, after: 0 }),
  ];
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [LEFT_COL, RIGHT_COL],
    borders: noBorders,
    rows: [
      new TableRow({
        children: [
          new TableCell({ children: left, width: { size: LEFT_COL, type: WidthType.DXA }, borders: noBorders }),
          new TableCell({ children: right, width: { size: RIGHT_COL, type: WidthType.DXA }, borders: noBorders }),
        ],
      }),
    ],
  });
}

function titleBlock(docType: string, title: string) {
  return [centered(docType, { bold: true, size: PT(14) }, { before: 360, after: 0 }), centered(title, { bold: true, size: PT(14) }), rule(TEXT_WIDTH, 2200)];
}

type SignatureBlock = { onBehalf: string; title: string; name: string };

function signatureBlocks(signatories: Signatory[] | null, parties: Party[], unit: Unit): SignatureBlock[] {
  if (signatories?.length) {
    return signatories.map((s) => ({ onBehalf: s.onBehalf, title: s.title ?? '', name: s.name ?? '' }));
  }
  // Unsigned: one block per party without a name; the unit's own bodies get their usual
  // authority and title ("TM. Thường trực HĐND phường Tây Hồ / Chủ tịch"), others their name.
  return parties.map((p) => {
    if (!isOwnParty(p, unit)) return { onBehalf: p.name, title: '', name: '' };
    const d = defaultSignatory(p, unit);
    return { onBehalf: d.onBehalf, title: d.title, name: '' };
  });
}

/** Signature blocks side by side (three per row) for joint documents. */
function signatureTable(blocks: SignatureBlock[]) {
  const perRow = Math.min(3, Math.max(1, blocks.length));
  const width = Math.floor(TEXT_WIDTH / perRow);
  const rows: TableRow[] = [];
  for (let i = 0; i < blocks.length; i += perRow) {
    const slice = blocks.slice(i, i + perRow);
    while (slice.length < perRow) slice.push({ onBehalf: '', title: '', name: '' });
    rows.push(
      new TableRow({
        children: slice.map(
          (b) =>
            new TableCell({
              width: { size: width, type: WidthType.DXA },
              borders: noBorders,
              verticalAlign: VerticalAlignTable.TOP,
              children: [
                centered(upper(b.onBehalf), { bold: true, size: PT(13) }),
                centered(upper(b.title), { bold: true, size: PT(13) }),
                centered('', {}, { before: 0, after: 0 }),
                centered('', {}),
                centered('', {}),
                centered('', {}),
                centered(b.name, { bold: true, size: PT(14) }, { before: 0, after: 240 }),
              ],
            }),
        ),
      }),
    );
  }
  return new Table({ width: { size: TEXT_WIDTH, type: WidthType.DXA }, columnWidths: Array(perRow).fill(width), borders: noBorders, rows });
}

function recipientsBlock(recipients: string[], parties: Party[]) {
  const list = recipients.length ? recipients : [...parties.map((p) => p.name), 'Lưu: VT'];
  return [
    para([run('Nơi nhận:', { bold: true, italics: true, size: PT(12) })], { spacing: { before: 240, after: 0 } }),
    ...list.map((r, i) => para([run(`- ${r.replace(/[.;]\s*$/, '')}${i === list.length - 1 ? '.' : ';'}`, { size: PT(11) })])),
  ];
}

function dueText(due: Due | null, deadline: string | null): string {
  if (due?.kind === 'date') return `trước ngày ${formatDate(due.on)}`;
  if (due?.kind === 'period') return `từ ${formatDate(due.from)} đến ${formatDate(due.to)}`;
  return deadline ? `trong năm (hạn ${formatDate(deadline)})` : '';
}

function agencyNames(list: { agency: string; name: string }[]) {
  return list.map((a) => a.name || agencyLabels[a.agency as keyof typeof agencyLabels]?.vi || a.agency).join(', ');
}

const PLACEHOLDER = '[Giữ chỗ: nguồn không nêu nội dung này; cần nhập theo văn bản gốc]';

function agreementBody(d: AgreementDetail): Paragraph[] {
  const a = d.agreement;
  const out: Paragraph[] = [];
  out.push(...bodyParagraphs(a.summary));
  if (a.areas.length) {
    out.push(heading('Các lĩnh vực phối hợp:'));
    out.push(...a.areas.map((area) => para([run(`- ${area};`)], { indent: { firstLine: 567 }, spacing: { before: 60, after: 0, line: 288 } })));
  }
  for (const ch of d.chapters) {
    out.push(centered(`Chương ${roman(ch.no)}`, { bold: true }, { before: 240, after: 0 }));
    out.push(centered(ch.placeholder || !ch.title ? PLACEHOLDER : upper(ch.title), { bold: !ch.placeholder, italics: ch.placeholder || !ch.title }));
    for (const art of ch.articles) {
      out.push(
        para([run(`Điều ${art.no}.`, { bold: true }), ...(art.title && !art.placeholder ? [run(` ${art.title}`, { bold: true })] : [])], {
          indent: { firstLine: 567 },
          spacing: { before: 180, after: 0, line: 288 },
          keepNext: true,
        }),
      );
      out.push(...(art.placeholder || !art.text ? bodyParagraphs(art.placeholder ? PLACEHOLDER : '', { italics: true }) : bodyParagraphs(art.text)));
    }
  }
  if (d.items.length) {
    out.push(heading('NỘI DUNG PHỐI HỢP', 'center'));
    for (const it of d.items) {
      out.push(heading(`${it.no}. ${it.title}`));
      if (it.placeholder) out.push(...bodyParagraphs(PLACEHOLDER, { italics: true }));
      out.push(...bodyParagraphs(it.description));
      if (it.lead) out.push(labelled('Cơ quan chủ trì: ', agencyNames([it.lead]) + '.'));
      if (it.cooperating.length) out.push(labelled('Cơ quan phối hợp: ', agencyNames(it.cooperating) + '.'));
      const when = dueText(it.due, it.deadline);
      if (when) out.push(labelled('Thời gian thực hiện: ', when + '.'));
    }
  }
  return out;
}

function reviewBody(d: AgreementDetail, r: Review): Paragraph[] {
  const out: Paragraph[] = [];
  const a = d.agreement;
  out.push(
    ...bodyParagraphs(
      `Thực hiện ${fullTitle(a)}${a.number ? ` (số ${a.number})` : ''}, ` +
        `các cơ quan phối hợp báo cáo ${r.kind === 'semiannual' ? 'kết quả sơ kết 6 tháng đầu năm' : 'kết quả tổng kết năm'} ${r.year}` +
        `${r.heldOn ? ` tại hội nghị ngày ${formatDate(r.heldOn)}` : ''}${r.place ? `, ${r.place}` : ''} như sau:`,
    ),
  );
  if (r.reportedBy) out.push(labelled('Người trình bày báo cáo: ', r.reportedBy + '.'));
  out.push(heading('I. KẾT QUẢ ĐẠT ĐƯỢC'));
  out.push(...bodyParagraphs(r.achievements || '(Chưa nhập)'));
  if (r.itemResults.length) {
    out.push(heading('Kết quả thực hiện từng nội dung'));
    for (const res of r.itemResults) {
      const item = d.items.find((i) => i.no === res.no);
      const state = res.status ? `${itemStatusInfo[res.status].vi}${res.progress !== undefined ? ` – ${res.progress}%` : ''}` : '';
      out.push(
        para([run(`${res.no}. ${item?.title ?? ''}`, { bold: true })], {
          alignment: AlignmentType.JUSTIFIED,
          indent: { firstLine: 567 },
          spacing: { before: 120, after: 0, line: 288 },
        }),
      );
      if (res.result) out.push(...bodyParagraphs(res.result));
      if (state) out.push(labelled('Đánh giá: ', state + '.'));
    }
  }
  out.push(heading('II. TỒN TẠI, HẠN CHẾ'));
  out.push(...bodyParagraphs(r.shortcomings || '(Chưa nhập)'));
  out.push(heading(r.kind === 'semiannual' ? 'III. NHIỆM VỤ TRỌNG TÂM 6 THÁNG CUỐI NĂM' : 'III. NHIỆM VỤ TRỌNG TÂM THỜI GIAN TỚI'));
  out.push(...bodyParagraphs(r.priorities || '(Chưa nhập)'));
  const c = r.commendations;
  if (c.collectives.count || c.individuals.count) {
    out.push(heading('IV. KHEN THƯỞNG'));
    const parts = [
      c.collectives.count ? `${count2(c.collectives.count)} tập thể` : '',
      c.individuals.count ? `${count2(c.individuals.count)} cá nhân` : '',
    ].filter(Boolean);
    out.push(...bodyParagraphs(`${c.decidedBy || 'Hội nghị'} quyết định khen thưởng ${parts.join(' và ')} có thành tích tiêu biểu.`));
    if (c.collectives.names.length) out.push(labelled('Tập thể: ', c.collectives.names.join('; ') + '.'));
    if (c.individuals.names.length) out.push(labelled('Cá nhân: ', c.individuals.names.join('; ') + '.'));
  }
  if (r.discussion) {
    out.push(heading('Ý kiến tham luận, thảo luận'));
    out.push(...bodyParagraphs(r.discussion));
  }
  return out;
}

function build(children: (Paragraph | Table)[], title: string) {
  return new Document({
    title,
    creator: 'Phối Hợp',
    styles: { default: { document: { run: { font: FONT, size: BODY } } } },
    sections: [{ properties: { page: { size: PAGE, margin: MARGIN } }, children }],
  });
}

const symbolHints: Record<string, string> = { regulation: 'QCPH', program: 'CTrPH', plan: 'KHPH' };

export async function agreementDocx(d: AgreementDetail, tenant: TenantRef): Promise<Buffer> {
  const a = d.agreement;
  const unit = unitOf(tenant);
  const place = placeNameOf(unit);
  const children: (Paragraph | Table)[] = [
    documentHeader(headerAgencyLines(a.parties, tenant), a.number, placeAndDate(place, a.signedOn, a.year ?? a.term?.from), symbolHints[a.kind]!),
    ...titleBlock(kindLabels[a.kind].docType, a.title),
    ...agreementBody(d),
    centered('', {}, { before: 240, after: 0 }),
    signatureTable(signatureBlocks(d.signing?.signatories ?? null, a.parties, unit)),
    ...recipientsBlock(a.recipients, a.parties),
  ];
  return Packer.toBuffer(build(children, `${kindLabels[a.kind].vi} ${a.title}`));
}

export async function reviewDocx(d: AgreementDetail, r: Review, tenant: TenantRef): Promise<Buffer> {
  const a = d.agreement;
  const unit = unitOf(tenant);
  const place = placeNameOf(unit);
  const children: (Paragraph | Table)[] = [
    documentHeader(headerAgencyLines(a.parties, tenant), r.number, placeAndDate(place, r.heldOn), 'BC'),
    ...titleBlock('BÁO CÁO', `${reviewTitle(r.period)} thực hiện ${fullTitle(a)}`),
    ...reviewBody(d, r),
    centered('', {}, { before: 240, after: 0 }),
    signatureTable(signatureBlocks(null, a.parties, unit)),
    ...recipientsBlock(r.recipients, a.parties),
  ];
  return Packer.toBuffer(build(children, reviewTitle(r.period)));
}

/** ASCII file name plus the UTF-8 one for Content-Disposition. */
export function docxFileName(base: string): { ascii: string; utf8: string } {
  const slug =
    foldVietnamese(base)
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 80) || 'van-ban';
  return { ascii: `${slug}.docx`, utf8: `${base.replace(/[\\/:*?"<>|]+/g, ' ').slice(0, 120)}.docx` };
}
