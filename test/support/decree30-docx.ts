import { AlignmentType, Document, LevelFormat, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';

/**
 * Word documents in the Decree 30 layout as a clerk's office types them — not the project's own
 * export: agency and unit on two header lines, Word's automatic list numbering for items and
 * "a)" sub-points, "Cơ quan chủ trì/phối hợp" and "Thời gian" lines, Nơi nhận beside the signatures.
 */

const p = (text: string, o: { bold?: boolean; italics?: boolean; center?: boolean; list?: 0 | 1 } = {}) =>
  new Paragraph({
    children: [new TextRun({ text, bold: o.bold, italics: o.italics })],
    alignment: o.center ? AlignmentType.CENTER : AlignmentType.JUSTIFIED,
    ...(o.list !== undefined ? { numbering: { reference: 'items', level: o.list } } : {}),
  });
const cell = (children: Paragraph[]) => new TableCell({ children, width: { size: 4500, type: WidthType.DXA } });

function header(agency: string[], number: string, dateLine: string) {
  return new Table({
    rows: [
      new TableRow({
        children: [
          cell([...agency.map((a) => p(a, { bold: true, center: true })), p(`Số: ${number}`, { center: true })]),
          cell([
            p('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { bold: true, center: true }),
            p('Độc lập - Tự do - Hạnh phúc', { bold: true, center: true }),
            p(dateLine, { italics: true, center: true }),
          ]),
        ],
      }),
    ],
  });
}

function signatures(recipients: string[], blocks: [string, string, string][]) {
  return new Table({
    rows: [
      new TableRow({
        children: [
          cell([p('Nơi nhận:', { bold: true, italics: true }), ...recipients.map((r) => p(`- ${r};`))]),
          ...blocks.map(([onBehalf, title, name]) =>
            cell([p(onBehalf, { bold: true, center: true }), p(title, { bold: true, center: true }), p(name, { bold: true, center: true })]),
          ),
        ],
      }),
    ],
  });
}

const numbering = {
  config: [
    {
      reference: 'items',
      levels: [
        { level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.LEFT },
        { level: 1, format: LevelFormat.LOWER_LETTER, text: '%2)', alignment: AlignmentType.LEFT },
      ],
    },
  ],
};

export type ProgramItemSpec = { title: string; points?: string[]; lead: string; cooperating: string[]; when: string };

/** A program of `items` for Phường Tây Hồ, year `year`. */
export async function programDocx(year: number, items: ProgramItemSpec[]): Promise<Buffer> {
  const doc = new Document({
    numbering,
    sections: [
      {
        children: [
          header(['HĐND - UBND - ỦY BAN MTTQ VIỆT NAM', 'PHƯỜNG TÂY HỒ'], '05/CTrPH-HĐND-UBND-MTTQ', `Tây Hồ, ngày 15 tháng 01 năm ${year}`),
          p('CHƯƠNG TRÌNH', { bold: true, center: true }),
          p(`Phối hợp công tác năm ${year}`, { bold: true, center: true }),
          p('I. MỤC ĐÍCH, YÊU CẦU', { bold: true }),
          p('Tăng cường phối hợp giữa Thường trực HĐND, UBND và Ủy ban MTTQ Việt Nam phường.'),
          p('II. NỘI DUNG PHỐI HỢP', { bold: true }),
          ...items.flatMap((it) => [
            p(it.title, { bold: true, list: 0 }),
            ...(it.points ?? []).map((x) => p(x, { list: 1 })),
            p(`Cơ quan chủ trì: ${it.lead}.`),
            p(`Cơ quan phối hợp: ${it.cooperating.join(', ')}.`),
            p(`Thời gian: ${it.when}.`),
          ]),
          p('III. TỔ CHỨC THỰC HIỆN', { bold: true }),
          p('1. Các cơ quan căn cứ chương trình xây dựng kế hoạch cụ thể.'),
          signatures(
            ['Thường trực Quận ủy', 'Lưu: VT'],
            [
              ['TM. THƯỜNG TRỰC HĐND', 'CHỦ TỊCH', 'Nguyễn Văn An'],
              ['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH', 'Trần Thị Bình'],
              ['TM. BAN THƯỜNG TRỰC', 'CHỦ TỊCH', 'Lê Văn Cường'],
            ],
          ),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

/** A regulation of `articles` articles in `chapters` chapters; `paragraphs` body paragraphs per article (pages grow with it). */
export async function regulationDocx(opts: { articles: number; chapters?: number; paragraphs?: number; from?: number }): Promise<Buffer> {
  const chapters = opts.chapters ?? 3;
  const from = opts.from ?? 2021;
  const body: Paragraph[] = [];
  let no = 0;
  for (let c = 0; c < chapters; c++) {
    body.push(p(`Chương ${['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'][c]}`, { bold: true, center: true }));
    body.push(p(['NHỮNG QUY ĐỊNH CHUNG', 'NỘI DUNG PHỐI HỢP', 'TỔ CHỨC THỰC HIỆN', 'ĐIỀU KHOẢN THI HÀNH'][c % 4]!, { bold: true, center: true }));
    const n = Math.ceil((opts.articles - no) / (chapters - c));
    for (let a = 0; a < n; a++) {
      no++;
      body.push(p(`Điều ${no}. Nội dung phối hợp thứ ${no}`, { bold: true }));
      for (let k = 0; k < (opts.paragraphs ?? 2); k++) {
        body.push(
          p(
            `${k + 1}. Thường trực HĐND, UBND và Ủy ban MTTQ Việt Nam phường phối hợp thực hiện nội dung ${no}.${k + 1}: tuyên truyền, vận động Nhân dân thực hiện chủ trương của Đảng, chính sách, pháp luật của Nhà nước; tổ chức tiếp xúc cử tri, giám sát và phản biện xã hội theo quy định.`,
          ),
        );
      }
    }
  }
  const doc = new Document({
    sections: [
      {
        children: [
          header(['HĐND - UBND - ỦY BAN MTTQ VIỆT NAM', 'PHƯỜNG TÂY HỒ'], '01/QCPH-HĐND-UBND-MTTQ', `Tây Hồ, ngày 10 tháng 11 năm ${from}`),
          p('QUY CHẾ', { bold: true, center: true }),
          p(`Phối hợp công tác giữa Thường trực HĐND, UBND và Ủy ban MTTQ Việt Nam phường Tây Hồ nhiệm kỳ ${from}-${from + 5}`, { bold: true, center: true }),
          ...body,
          signatures(
            ['Như Điều 13', 'Lưu: VT'],
            [
              ['TM. THƯỜNG TRỰC HĐND', 'CHỦ TỊCH', 'Nguyễn Văn An'],
              ['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH', 'Trần Thị Bình'],
            ],
          ),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
