import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { count2, placeAndDate, placeName, roman } from '../../functions/agreements/export-docx.js';
import { agreementsClient, regulationBody, programBody, type Headers } from '../support/agreements.js';
import { ddbCost, harnessSuite } from '../support/harness.js';

let api: ReturnType<typeof agreementsClient>;
let editor: Headers;

const h = harnessSuite({ now: () => new Date('2024-08-01T03:00:00Z') });

beforeAll(async () => {
  api = agreementsClient(h);
  editor = (await h.userToken({ role: 'locality_editor', provinceCode: '01', localityCode: '00103' })).headers;
});

const decode = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

/** The produced file as Word stores it: paragraphs' text, tables (rows of cells' text) and raw XML. */
async function openDocx(res: Response) {
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
  const zip = await JSZip.loadAsync(Buffer.from(await res.arrayBuffer()));
  const xml = await zip.file('word/document.xml')!.async('string');
  const styles = await zip.file('word/styles.xml')!.async('string');
  const textOf = (fragment: string) => [...fragment.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => decode(m[1]!)).join('');
  const paragraphs = [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) => textOf(m[0])).filter(Boolean);
  const tables = [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((t) =>
    [...t[0].matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((r) => [...r[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((c) => textOf(c[0]))),
  );
  return { xml, styles, paragraphs, tables, text: paragraphs.join('\n') };
}

describe('Decree 30/2020 formatting helpers', () => {
  it('writes địa danh and date with leading zeros for days < 10 and months 1–2 only', () => {
    expect(placeAndDate('Tây Hồ', '2024-02-28')).toBe('Tây Hồ, ngày 28 tháng 02 năm 2024');
    expect(placeAndDate('Đống Đa', '2021-01-06')).toBe('Đống Đa, ngày 06 tháng 01 năm 2021');
    expect(placeAndDate('Cầu Giấy', '2022-07-22')).toBe('Cầu Giấy, ngày 22 tháng 7 năm 2022');
    expect(placeAndDate('Thái Nguyên', '2021-10-14')).toBe('Thái Nguyên, ngày 14 tháng 10 năm 2021');
    expect(placeAndDate('Tây Hồ', null, 2025)).toBe('Tây Hồ, ngày      tháng      năm 2025');
  });

  it('names the place without its administrative type', () => {
    expect(placeName({ provinceCode: '01', localityCode: '00602' })).toBe('Đông Ngạc');
    expect(placeName({ provinceCode: '01', localityCode: '021' })).toBe('Bắc Từ Liêm');
    expect(placeName({ provinceCode: '01', localityCode: '00103' })).toBe('Tây Hồ');
    expect(placeName({ provinceCode: '19', localityCode: null })).toBe('Thái Nguyên');
    expect(placeName({ provinceCode: '01', localityCode: null })).toBe('Hà Nội');
    expect(roman(3)).toBe('III');
    expect(roman(14)).toBe('XIV');
    expect(count2(9)).toBe('09');
    expect(count2(11)).toBe('11');
  });
});

describe('agreement .docx', () => {
  it('lays out a signed joint regulation: quốc hiệu, agencies, số, date, type, trích yếu, chapters, signatures side by side, nơi nhận', async () => {
    const a = await api.create(
      editor,
      regulationBody({
        parties: [
          { agency: 'HDND', name: 'Hội đồng nhân dân quận Tây Hồ' },
          { agency: 'UBND', name: 'Ủy ban nhân dân quận Tây Hồ' },
          { agency: 'MTTQ', name: 'Ủy ban Mặt trận Tổ quốc Việt Nam quận Tây Hồ' },
        ],
      }),
    );
    await api.sign(editor, a.id, 1);
    const res = await api.call('GET', `/${a.id}/export.docx`, editor);
    expect(ddbCost(res).requests).toBe(1);
    expect(res.headers.get('content-disposition')).toContain('filename="quy-che-phoi-hop-cong-tac-nhiem-ky-2021-2026.docx"');
    const doc = await openDocx(res);

    // Header table: agencies + số (left), quốc hiệu, tiêu ngữ, địa danh và ngày (right).
    const [header] = doc.tables;
    expect(header![0]![0]).toBe(
      'HỘI ĐỒNG NHÂN DÂN QUẬN TÂY HỒỦY BAN NHÂN DÂN QUẬN TÂY HỒỦY BAN MẶT TRẬN TỔ QUỐC VIỆT NAM QUẬN TÂY HỒSố: 69/QCPH-HĐND-UBND-MTTQ',
    );
    expect(header![0]![1]).toBe('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAMĐộc lập - Tự do - Hạnh phúcTây Hồ, ngày 28 tháng 02 năm 2024');

    const p = doc.paragraphs;
    const at = (s: string) => p.indexOf(s);
    expect(at('QUY CHẾ')).toBeGreaterThan(0);
    expect(p[at('QUY CHẾ') + 1]).toBe('Phối hợp công tác nhiệm kỳ 2021-2026');
    expect(p).toEqual(
      expect.arrayContaining([
        'Chương I',
        'QUY ĐỊNH CHUNG',
        'Điều 1. Phạm vi điều chỉnh',
        'Quy chế này quy định nguyên tắc, nội dung phối hợp.',
        'Chương II',
        'Điều 3. Phối hợp giám sát',
      ]),
    );
    expect(at('Chương I')).toBeLessThan(at('Điều 1. Phạm vi điều chỉnh'));
    expect(at('Điều 2. Nguyên tắc phối hợp')).toBeLessThan(at('Chương II'));

    // Joint document: the three signature blocks sit side by side in ONE row.
    const signatures = doc.tables[1]!;
    expect(signatures).toHaveLength(1);
    expect(signatures[0]).toEqual([
      'TM. THƯỜNG TRỰC HĐNDCHỦ TỊCHNguyễn Văn An',
      'TM. ỦY BAN NHÂN DÂNCHỦ TỊCHTrần Thị Bình',
      'TM. BAN THƯỜNG TRỰCCHỦ TỊCHLê Văn Cường',
    ]);
    // Nơi nhận after the signatures, ending with "Lưu: VT."
    expect(at('Nơi nhận:')).toBeGreaterThan(at('Điều 3. Phối hợp giám sát'));
    expect(p.slice(at('Nơi nhận:') + 1)).toEqual([
      '- Hội đồng nhân dân quận Tây Hồ;',
      '- Ủy ban nhân dân quận Tây Hồ;',
      '- Ủy ban Mặt trận Tổ quốc Việt Nam quận Tây Hồ;',
      '- Lưu: VT.',
    ]);

    // Times New Roman 14 pt body (sizes are half-points), A4 with Decree 30 margins.
    expect(doc.styles).toMatch(/w:rFonts w:ascii="Times New Roman"/);
    expect(doc.xml).toMatch(/<w:rFonts w:ascii="Times New Roman"/);
    expect(doc.xml).toContain('<w:sz w:val="28"/>');
    const sizes = new Set([...doc.xml.matchAll(/<w:sz w:val="(\d+)"\/>/g)].map((m) => Number(m[1])));
    for (const s of sizes) expect(s, 'font sizes between 11 and 14 pt').toBeGreaterThanOrEqual(22);
    for (const s of sizes) expect(s).toBeLessThanOrEqual(28);
    expect(doc.xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(doc.xml).toMatch(/<w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1701"/);
  });

  it('exports a draft program with numbered items, lead and cooperating agencies, blank number and date', async () => {
    const a = await api.create(editor, programBody({ number: '' }));
    const doc = await openDocx(await api.call('GET', `/${a.id}/export.docx`, editor));
    expect(doc.tables[0]![0]![0]).toContain('Số:        /CTrPH');
    expect(doc.tables[0]![0]![1]).toContain('Tây Hồ, ngày      tháng      năm 2024');
    expect(doc.paragraphs).toEqual(
      expect.arrayContaining([
        'CHƯƠNG TRÌNH',
        'Phối hợp công tác năm 2024',
        'NỘI DUNG PHỐI HỢP',
        '1. Phối hợp tổ chức phản biện xã hội',
        'Cơ quan chủ trì: Ủy ban MTTQ Việt Nam quận.',
        '2. Phối hợp tổ chức các kỳ họp HĐND quận, các hội nghị tiếp xúc cử tri',
        'Cơ quan phối hợp: UBND quận.',
        'Thời gian thực hiện: trước ngày 30/06/2024.',
      ]),
    );
    // Unsigned: one block per party, side by side.
    expect(doc.tables[1]![0]).toEqual([
      'THƯỜNG TRỰC HỘI ĐỒNG NHÂN DÂN QUẬN TÂY HỒ',
      'ỦY BAN NHÂN DÂN QUẬN TÂY HỒ',
      'ỦY BAN MẶT TRẬN TỔ QUỐC VIỆT NAM QUẬN TÂY HỒ',
    ]);
  });
});

describe('review .docx', () => {
  it('exports a semi-annual review report with results, shortcomings, priorities and commendations', async () => {
    const a = await api.create(editor, programBody());
    await api.sign(editor, a.id, 1);
    await api.call('PUT', `/${a.id}/reviews/2024-H1`, editor, {
      number: '12/BC-HĐND-UBND-MTTQ',
      heldOn: '2024-07-22',
      place: 'Hội trường UBND quận',
      itemResults: [{ no: 2, result: 'Tổ chức 12 hội nghị tiếp xúc cử tri', status: 'in_progress', progress: 60 }],
      achievements: 'Ba cơ quan phối hợp chặt chẽ.',
      shortcomings: 'Tuyên truyền có lúc chưa thường xuyên.',
      priorities: 'Chuẩn bị kỳ họp cuối năm.',
      commendations: { decidedBy: 'UBND Quận', collectives: { count: 9 }, individuals: { count: 11, names: ['Nguyễn Văn A'] } },
    });
    const res = await api.call('GET', `/${a.id}/reviews/2024-H1/export.docx`, editor);
    expect(ddbCost(res).requests).toBe(1);
    const doc = await openDocx(res);
    expect(doc.tables[0]![0]![0]).toContain('Số: 12/BC-HĐND-UBND-MTTQ');
    expect(doc.tables[0]![0]![1]).toContain('Tây Hồ, ngày 22 tháng 7 năm 2024');
    const p = doc.paragraphs;
    expect(p).toEqual(
      expect.arrayContaining([
        'BÁO CÁO',
        'Sơ kết 6 tháng đầu năm 2024 thực hiện Chương trình phối hợp công tác năm 2024',
        'I. KẾT QUẢ ĐẠT ĐƯỢC',
        'Ba cơ quan phối hợp chặt chẽ.',
        '2. Phối hợp tổ chức các kỳ họp HĐND quận, các hội nghị tiếp xúc cử tri',
        'Tổ chức 12 hội nghị tiếp xúc cử tri',
        'Đánh giá: Đang thực hiện – 60%.',
        'II. TỒN TẠI, HẠN CHẾ',
        'Tuyên truyền có lúc chưa thường xuyên.',
        'III. NHIỆM VỤ TRỌNG TÂM 6 THÁNG CUỐI NĂM',
        'IV. KHEN THƯỞNG',
        'UBND Quận quyết định khen thưởng 09 tập thể và 11 cá nhân có thành tích tiêu biểu.',
        'Cá nhân: Nguyễn Văn A.',
        'Nơi nhận:',
      ]),
    );
    expect(p.indexOf('I. KẾT QUẢ ĐẠT ĐƯỢC')).toBeLessThan(p.indexOf('II. TỒN TẠI, HẠN CHẾ'));
    expect(doc.tables[1]![0]).toHaveLength(3);
    expect((await api.call('GET', `/${a.id}/reviews/2024-Y/export.docx`, editor)).status).toBe(404);
  });
});
