import type { AgreementContentInput, AgreementStatus, ReviewInput, Signatory } from '../../shared/agreements/schema.js';
import { defaultParties } from '../../shared/agreements/parties.js';
import type { TenantRef } from '../../shared/keys.js';
import { todaysUnitAgreements } from './agreements-today.js';

export { DEMO_REMARK } from './agreements-today.js';

/**
 * The five seed articles (../shared/seeds/000–004) as agreement records, entered as the articles
 * state them. Where an article does not give a detail, nothing official is made up:
 *  - unknown chapter/article/item texts are marked placeholders (`placeholder: true`, "Điều 5");
 *  - unknown numbers, venues and signatory names stay empty / null;
 *  - what is missing is said in `remarks`.
 * Verbatim quotes keep the article's wording.
 */

export type SeedAgreement = {
  /** Stable label: the record's id is derived from it, so re-seeding never duplicates. */
  key: string;
  seed: string;
  tenant: TenantRef;
  createdOn: string;
  content: AgreementContentInput;
  status: AgreementStatus;
  signing: { signedOn: string; place: string; signatories: Signatory[]; remarks: string } | null;
  reviews: (ReviewInput & { period: string })[];
  /** Key of the seeded agreement (of the predecessor district) this one continues. */
  continues?: string;
};

const BAC_TU_LIEM = { provinceCode: '01', localityCode: '021' };
const TAY_HO = { provinceCode: '01', localityCode: '003' };
const CAU_GIAY = { provinceCode: '01', localityCode: '005' };
const DONG_DA = { provinceCode: '01', localityCode: '006' };
const THAI_NGUYEN = { provinceCode: '19', localityCode: null };

/** A signing as the articles report it: they name no venue. */
const articleSigning = (signedOn: string, signatories: Signatory[], remarks: string): SeedAgreement['signing'] => ({
  signedOn,
  place: '',
  signatories,
  remarks,
});

/** A signatory the article names only by body ("Thường trực HĐND … đã ký"). */
const unnamed = (agency: Signatory['agency'], onBehalf: string): Signatory => ({ agency, onBehalf, title: null, name: null });

/** Placeholder chapters with articles numbered 1..n split as evenly as possible. */
function placeholderChapters(chapters: number, articles: number): AgreementContentInput['chapters'] {
  const out: NonNullable<AgreementContentInput['chapters']> = [];
  let left = articles;
  for (let c = 0; c < chapters; c++) {
    const n = Math.ceil(left / (chapters - c));
    left -= n;
    out.push({ title: '', placeholder: true, articles: Array.from({ length: n }, () => ({ title: '', text: '', placeholder: true })) });
  }
  return out;
}

const placeholderItems = (n: number, word: string): AgreementContentInput['items'] =>
  Array.from({ length: n }, (_, i) => ({ title: `${word} ${i + 1}`, placeholder: true }));

// 004: the article's list of what the three regulations coordinate.
const thaiNguyenAreas = [
  'Xây dựng khối đại đoàn kết toàn dân tộc, tuyên truyền, phổ biến pháp luật, vận động nhân dân thực hiện các chủ trương, đường lối của Đảng, chính sách, pháp luật của Nhà nước',
  'Phối hợp thực hiện các hoạt động giám sát và phản biện xã hội',
  'Công tác tiếp công dân, tiếp nhận, giải quyết đơn thư khiếu nại, tố cáo, kiến nghị, phản ánh của công dân',
  'Phối hợp xây dựng văn bản quy phạm pháp luật',
  'Thực hiện các chương trình phối hợp tuyên truyền, vận động nhân dân thực hiện các phong trào thi đua yêu nước, các cuộc vận động',
];

function thaiNguyenRegulation(
  key: string,
  other: { agency: 'HDND' | 'UBND' | 'DBQH'; party: string; short: string; signer: string },
  articles: number,
): SeedAgreement {
  return {
    key,
    seed: '004',
    tenant: THAI_NGUYEN,
    createdOn: '2021-10-14',
    status: 'signed',
    content: {
      kind: 'regulation',
      title: `Phối hợp công tác giữa ${other.short} và Ủy ban MTTQ tỉnh giai đoạn 2021-2026`,
      parties: [
        { agency: other.agency, name: other.party },
        { agency: 'MTTQ', name: 'Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Thái Nguyên' },
      ],
      term: { from: 2021, to: 2026 },
      areas: thaiNguyenAreas,
      chapters: placeholderChapters(3, articles),
      remarks:
        `Bài viết (seed 004) nêu Quy chế gồm 3 chương, ${articles} điều. Tên chương, tên và nội dung từng điều chưa được nhập ` +
        '(giữ chỗ); việc chia các điều vào 3 chương là tạm (chia đều) — cần nhập lại theo văn bản gốc. Bài viết không nêu số, ký hiệu, ' +
        'địa điểm ký và họ tên người ký. Các lĩnh vực phối hợp là danh sách bài viết nêu chung cho cả ba quy chế.',
    },
    signing: articleSigning(
      '2021-10-14',
      [unnamed(other.agency, other.signer), unnamed('MTTQ', 'Thường trực Ủy ban MTTQ tỉnh')],
      'Bài viết: Đoàn đại biểu Quốc hội tỉnh, Thường trực HĐND, lãnh đạo UBND và Thường trực Ủy ban MTTQ tỉnh đã ký; không nêu tên người ký.',
    ),
    reviews: [],
  };
}

/** The three standing bodies of a former district, named as a new draft names them (and as its programs do). */
const tayHoParties = defaultParties({ level: 'district', name: 'Quận Tây Hồ' });
const dongDaParties = defaultParties({ level: 'district', name: 'Quận Đống Đa' });
/** The same bodies signing, where an article names them only as bodies. */
const districtSigners = [unnamed('HDND', 'Thường trực HĐND quận'), unnamed('UBND', 'UBND quận'), unnamed('MTTQ', 'Ủy ban MTTQ Việt Nam quận')];

/** Article 002 reports two programs of Đống Đa signed on the same day. */
const dongDa2021Program = { seed: '002', tenant: DONG_DA, createdOn: '2021-01-06', status: 'signed' } as const;

export const seedAgreements: SeedAgreement[] = [
  // 000 — Bắc Từ Liêm, 10/11/2021.
  {
    key: 'btl-qcph-2021-2026',
    seed: '000',
    tenant: BAC_TU_LIEM,
    createdOn: '2021-11-10',
    status: 'signed',
    content: {
      kind: 'regulation',
      title: 'Phối hợp công tác giữa HĐND - UBND - Ủy ban MTTQ Việt Nam quận Bắc Từ Liêm nhiệm kỳ 2021-2026',
      parties: [
        { agency: 'HDND', name: 'Hội đồng nhân dân quận Bắc Từ Liêm' },
        { agency: 'UBND', name: 'Ủy ban nhân dân quận Bắc Từ Liêm' },
        { agency: 'MTTQ', name: 'Ủy ban Mặt trận Tổ quốc Việt Nam quận Bắc Từ Liêm' },
      ],
      term: { from: 2021, to: 2026 },
      areas: [
        'Tập hợp xây dựng khối đại đoàn kết toàn dân tộc',
        'Hoạt động tiếp xúc cử tri',
        'Tham gia xây dựng văn bản pháp luật',
        'Phản biện xã hội',
        'Hoạt động giám sát',
        'Giải quyết phản ánh kiến nghị của nhân dân',
        'Tổ chức các phong trào thi đua yêu nước, các cuộc vận động',
        'Thực hiện quy chế dân chủ ở cơ sở',
      ],
      remarks:
        'Bài viết (seed 000) nêu Quy chế "với nhiều nội dung, quy định cụ thể, phân công trách nhiệm cho mỗi cơ quan" trong các lĩnh vực trên; ' +
        'không nêu số chương, điều, số, ký hiệu, địa điểm và họ tên người ký. Chương, điều chưa được nhập.',
    },
    signing: articleSigning(
      '2021-11-10',
      [unnamed('HDND', 'Lãnh đạo HĐND quận'), unnamed('UBND', 'Lãnh đạo UBND quận'), unnamed('MTTQ', 'Lãnh đạo Ủy ban MTTQ Việt Nam quận')],
      'Bài viết: "Tại Hội nghị lãnh đạo ba cơ quan ký kết Quy chế". Dự hội nghị có Ông Nguyễn Hữu Tuyên – Chủ tịch HĐND Quận; ' +
        'Ông Lưu Ngọc Hà – Chủ tịch UBND Quận; bà Văn Thúy Hoa – Chủ tịch Ủy ban MTTQ Việt Nam Quận. Bài viết không nêu riêng tên người ký.',
    ),
    reviews: [],
  },

  // 001 — Tây Hồ, 28/02/2024: review of 2023, signing of the 2024 program with 06 items.
  {
    key: 'tayho-ctr-2023',
    seed: '001',
    tenant: TAY_HO,
    createdOn: '2023-01-01',
    status: 'signed',
    content: {
      kind: 'program',
      title: 'Phối hợp công tác năm 2023',
      year: 2023,
      parties: tayHoParties,
      remarks:
        'Bài viết (seed 001) chỉ nêu việc tổng kết chương trình năm 2023; không nêu số, ký hiệu, ngày ký và các nội dung của chương trình năm 2023 ' +
        '(chưa nhập nội dung, chưa có sự kiện ký).',
    },
    signing: null,
    reviews: [
      {
        period: '2023-Y',
        heldOn: '2024-02-28',
        reportedBy: 'Bùi Thị Lan Phương - Phó Chủ tịch UBND quận',
        achievements: [
          'Trên cơ sở nội dung chương trình phối hợp công tác giữa Thường trực HĐND - UBND - Ủy ban MTTQ Việt Nam quận, ba cơ quan đã tích cực, chủ động, xây dựng triển khai các nội dung công tác theo chức năng, nhiệm vụ của mình và đạt được những kết quả đáng khích lệ. Phối hợp làm tốt công tác tuyên truyền vận động, quán triệt các nhiệm vụ chính trị năm 2023; phát huy quyền làm chủ của Nhân dân, tăng cường khối đại đoàn kết toàn dân thực hiện thắng lợi các chỉ tiêu, nhiệm vụ phát triển kinh tế - xã hội, quốc phòng - an ninh quận năm 2023.',
          'Công tác phối hợp trong hoạt động giám sát, thanh tra, kiểm tra, phản biện của 03 cơ quan đã được đổi mới về nội dung, hình thức và có chất lượng, hiệu quả cao góp phần nâng cao hiệu lực, hiệu quả trong hoạt động quản lý nhà nước của chính quyền địa phương. Công tác phối hợp của ba cơ quan trong tổ chức tiếp xúc cử tri, tổ chức kỳ họp HĐND quận đảm bảo chặt chẽ, chu đáo và đi vào nề nếp, chất lượng ngày càng được nâng cao, đảm bảo việc thực hiện cải cách hành chính trong việc gửi tài liệu cho đại biểu bằng hình thức trực tuyến và lưu trữ tài liệu.',
          'UBND quận và các đơn vị nghiêm túc thực hiện các kết luận, kiến nghị của HĐND, Ủy ban MTTQ quận. Tỷ lệ giải quyết kiến nghị của cử tri đạt cao hơn các năm trước, tập trung giải quyết được một số kiến nghị lâu ngày góp phần tiếp tục tăng cường niềm tin của Nhân dân.',
        ].join('\n'),
        shortcomings:
          'Việc phối hợp, tuyên truyền vận động Nhân dân thực hiện các chủ trương, chính sách của Đảng, pháp luật của Nhà nước có lúc chưa thường xuyên, một bộ phận Nhân dân chưa đồng tình trong công tác giải phóng mặt bằng dẫn tới còn kiến nghị về chính sách, ảnh hưởng đến tiến độ thực hiện một số dự án. Việc phối hợp để nắm tình hình tại một số di tích chưa kịp thời, công tác quản lý còn hạn chế...',
        priorities: 'Tại Hội nghị, Thường trực HĐND - UBND - Ủy ban MTTQ Việt Nam quận đã ký kết Chương trình phối hợp công tác năm 2024 với 06 nội dung.',
        remarks: 'Trích bài viết seed 001. Bài viết không nêu địa điểm hội nghị và khen thưởng.',
      },
    ],
  },
  {
    key: 'tayho-ctr-2024',
    seed: '001',
    tenant: TAY_HO,
    createdOn: '2024-02-28',
    status: 'signed',
    content: {
      kind: 'program',
      title: 'Phối hợp công tác năm 2024',
      year: 2024,
      parties: tayHoParties,
      items: [
        {
          title:
            'Phối hợp tổ chức thực hiện tốt công tác tuyên truyền, vận động, tập hợp các tầng lớp Nhân dân phát huy sức mạnh đại đoàn kết toàn dân, tích cực hưởng ứng các phong trào thi đua yêu nước, thực hiện thắng lợi chỉ tiêu, nhiệm vụ phát triển kinh tế - xã hội năm 2024',
        },
        {
          title:
            'Phối hợp tổ chức thực hiện các nhiệm vụ chính trị của quận, các cuộc vận động, các phong trào thi đua, phấn đấu hoàn thành và hoàn thành vượt mức các chỉ tiêu phát triển kinh tế - xã hội, an ninh quốc phòng năm 2024, đẩy nhanh việc thực hiện các mục tiêu theo Nghị quyết Đại hội Đảng bộ quận lần thứ VI',
        },
        { title: 'Phối hợp tổ chức các kỳ họp HĐND quận, các hội nghị tiếp xúc cử tri' },
        { title: 'Phối hợp tổ chức phản biện xã hội' },
        { title: 'Phối hợp thực hiện các nội dung tiếp công dân; tổ chức, đối thoại trực tiếp với MTTQ Việt Nam và các tầng lớp nhân dân trên địa bàn quận' },
        { title: 'Phối hợp thực hiện giám sát' },
      ],
      remarks:
        'Sáu nội dung ghi nguyên văn theo bài viết (seed 001). Bài viết không nêu số, ký hiệu, địa điểm, người ký, cơ quan chủ trì và thời hạn ' +
        'của từng nội dung; hạn của nội dung được tính là hết năm 2024.',
    },
    signing: articleSigning(
      '2024-02-28',
      districtSigners,
      'Bài viết: "Thường trực HĐND - UBND - Ủy ban MTTQ Việt Nam quận đã ký kết Chương trình phối hợp công tác năm 2024 với 06 nội dung"; không nêu tên người ký.',
    ),
    reviews: [],
  },

  // 002 — Đống Đa, 06/01/2021: two programs.
  {
    key: 'dongda-ctr-2021',
    ...dongDa2021Program,
    content: {
      kind: 'program',
      title: 'Phối hợp công tác năm 2021 giữa HĐND - UBND - Ủy ban MTTQ Việt Nam quận Đống Đa',
      year: 2021,
      parties: dongDaParties,
      summary:
        'Trích bài viết: Tại Hội nghị, Thường trực HĐND-UBND-Ủy ban MTTQ Quận đã tiến hành ký kết chương trình phối hợp công tác năm 2021 và quyết tâm thực hiện thắng lợi 07 nhiệm vụ với nội dung chủ yếu, trong đó phối hợp thực hiện các chương trình công tác, nhiệm vụ trọng tâm: Phối hợp thực hiện các chương trình công tác, nhiệm vụ trọng tâm, khâu đột phá theo Nghị quyết Đại hội Đảng bộ quận Đống Đa lần thứ XXVIII; Nghị quyết Đại hội Đảng bộ Thành phố lần thứ XVII; Nghị quyết Đại hội Đảng toàn quốc lần thứ XIII; thực hiện tốt chủ đề công tác năm “Kỷ cương, trách nhiệm, hành động, sáng tạo, phát triển; tiếp tục đổi mới nội dung, phương thức phối hợp, ứng dụng công nghệ thông tin triển khai các giải pháp nhằm thực hiện tốt mục tiêu “kép” vừa phát triển kinh tế - xã hội, vừa quyết liệt phòng, chống dịch Covid -19; Phối hợp thực hiện nhiệm vụ công tác bầu cử đại biểu Quốc hội khóa XV và đại biểu Hội đồng nhân dân các cấp nhiệm kỳ 2021 - 2026 diễn ra ngày 23/5/2021; thực hiện tốt việc triển khai thí điểm mô hình chính quyền đô thị; Phối hợp chuẩn bị tổ chức các kỳ họp HĐND quận khóa XX, nhiệm kỳ 2021 - 2026; Tăng cường đổi mới nâng cao chất lượng trong phối hợp tổ chức tiếp xúc cử tri.Tiếp nhận và giải quyết đơn khiếu nại, tố cáo của công dân theo thẩm quyền; đôn đốc thực hiện các kết luận, quyết định đã có hiệu lực pháp luật; kiến nghị với các sở, ngành, UBND Thành phố, hướng dẫn tháo gỡ những khó khăn trong việc giải quyết các vụ việc còn tồn đọng kéo dài trên địa bàn Quận; Tiếp tục phối hợp nâng cao hiệu lực, hiệu quả giám sát theo chương trình kế hoạch giám sát của Thường trực HĐND, các Ban HĐND, Tổ đại biểu HĐND và Ủy ban MTTQ Việt Nam Quận năm 2021; Xây dựng kế hoạch và tổ chức tốt các hội nghị phản biện của MTTQ, các tổ chức chính trị- xã hội; Đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh bằng những việc làm cụ thể, thiết thực, hiệu quả. Siết chặt kỷ luật, kỷ cương, tăng cường trách nhiệm của mỗi cán bộ, đảng viên, nhất là trách nhiệm của người đứng đầu; Phối hợp tuyên truyền vận động cán bộ, đảng viên, nhân dân thực hiện tốt đường lối, chủ trương, chính sách, nghị quyết của Đảng, pháp luật của Nhà nước, nâng cao hiệu quả Cuộc vận động“Toàn dân đoàn kết xây dựng nông thôn mới, đô thị văn minh”, tiếp tục đẩy mạnh nhân rộng mô hình điểm tại các phường theo Hướng dẫn số 38/HD-MTTQ-BTT ngày 21/7/2017 của Ban Thường trực UB MTTQ thành phố Hà Nội, xây dựng gia đình văn hóa, tổ dân phố văn hóa, trường học và các đơn vị văn hóa; gia đình học tập, xã hội học tập; thực hiện nếp sống văn minh trong việc cưới, việc tang, lễ hội; đẩy mạnh tháng cao điểm “Vì người nghèo”; Cuộc vận động “Người Việt Nam ưu tiên dùng hàng Việt Nam”; Thực hiện tốt các phong trào thi đua “Dân vận khéo”, “Người tốt việc tốt”, “Đoàn kết sáng tạo”, “Đền ơn đáp nghĩa”,“Toàn dân bảo vệ an ninh Tổ quốc”; triển khai Toàn dân tham gia phòng, chống tham nhũng”…; huy động các nguồn lực, chăm lo cho các hộ có hoàn cảnh khó khăn, các gia đình chính sách, giải quyết việc làm, đảm bảo an sinh xã hội; tiếp tục thực hiện tốt công tác chăm sóc sức khỏe nhân dân, đẩy mạnh công tác tuyên truyền phòng, chống dịch bệnh, quyết liệt thực hiện các biện pháp phòng, chống dịch Covid-19 trong tình hình mới; Thường trực HĐND - UBND - UB MTTQ Việt Nam Quận thường xuyên trao đổi, cung cấp thông tin, duy trì các hoạt động phối hợp giao ban, sơ kết, tổng kết thực hiện chương trình phối hợp công tác năm 2021; Phối hợp với Văn phòng Đoàn đại biểu Quốc hội, Văn phòng HĐND thành phố Hà Nội thực hiện tốt các nội dung hoạt động của các vị Đại biểu Quốc hội Hà Nội và Đại biểu HĐND Thành phố tại đơn vị bầu cử Quận.',
      items: placeholderItems(7, 'Nhiệm vụ'),
      remarks:
        'Bài viết (seed 002) nêu 07 nhiệm vụ nhưng trình bày chung trong một đoạn, không tách từng nhiệm vụ: 07 nhiệm vụ là giữ chỗ (Nhiệm vụ 1–7), ' +
        'nội dung chủ yếu trích nguyên văn ở phần tóm tắt. Không nêu số, ký hiệu, địa điểm, người ký.',
    },
    signing: articleSigning(
      '2021-01-06',
      districtSigners,
      'Dự lễ ký kết có: Nguyễn Anh Cường - Phó Bí thư Thường trực Quận ủy, Chủ tịch HĐND Quận; Đặng Việt Quân - PBT, Chủ tịch UBND Quận; ' +
        'Đỗ Trọng Nam - UVTV, Chủ tịch Uỷ ban MTTQ Việt Nam Quận. Ảnh: "Đại diện lãnh đạo HĐND - UBND - Uỷ ban MTTQ Quận ký kết"; bài viết không nêu tên người ký.',
    ),
    reviews: [],
  },
  {
    key: 'dongda-ctr-2021-mttq-doan-the',
    ...dongDa2021Program,
    content: {
      kind: 'program',
      title: 'Phối hợp công tác năm 2021 giữa Ủy ban MTTQ Việt Nam quận Đống Đa và các tổ chức chính trị - xã hội quận',
      year: 2021,
      parties: [
        { agency: 'MTTQ', name: 'Ủy ban Mặt trận Tổ quốc Việt Nam quận Đống Đa' },
        { agency: 'OTHER', name: 'Các tổ chức chính trị - xã hội quận Đống Đa' },
      ],
      summary:
        'Trích bài viết: Phát huy hơn nữa vai trò của MTTQ và các tổ chức thành viên; thực hiện các nhiệm vụ trọng tâm: bầu cử đại biểu Quốc hội khóa XV và đại biểu Hội đồng nhân dân các cấp nhiệm kỳ 2021 - 2026; thí điểm mô hình chính quyền đô thị; tích cực tham gia các hoạt động kỷ niệm 60 năm ngày thành lập Quận; thực hiện tốt mục tiêu “kép” vừa phát triển kinh tế - xã hội, vừa quyết liệt phòng, chống dịch Covid -19… góp phần hoàn thành thắng lợi các chỉ tiêu kinh tế - xã hội, an ninh- quốc phòng của Quận năm 2021.',
      items: [
        { title: 'Bầu cử đại biểu Quốc hội khóa XV và đại biểu Hội đồng nhân dân các cấp nhiệm kỳ 2021 - 2026' },
        { title: 'Thí điểm mô hình chính quyền đô thị' },
        { title: 'Tích cực tham gia các hoạt động kỷ niệm 60 năm ngày thành lập Quận' },
        { title: 'Thực hiện tốt mục tiêu “kép” vừa phát triển kinh tế - xã hội, vừa quyết liệt phòng, chống dịch Covid-19' },
      ],
      remarks:
        'Bài viết (seed 002) không nêu tên từng tổ chức chính trị - xã hội ký kết, không nêu số, ký hiệu và người ký. Bốn nội dung là các "nhiệm vụ trọng tâm" ' +
        'bài viết liệt kê (kết thúc bằng "…", nên có thể chưa đủ); bài viết in "chính quyền đô;" — ghi theo câu trước đó của bài: "chính quyền đô thị".',
    },
    signing: articleSigning(
      '2021-01-06',
      [unnamed('MTTQ', 'Ủy ban MTTQ Việt Nam quận'), unnamed('OTHER', 'Các tổ chức chính trị - xã hội quận')],
      'Ảnh: "Đại diện lãnh đạo Ủy ban MTTQ và các đoàn thể chính trị - xã hội quận Đống Đa ký kết chương trình phối hợp năm 2021".',
    ),
    reviews: [],
  },

  // 003 — Cầu Giấy, 22/07/2022: semi-annual review.
  {
    key: 'caugiay-ctr-2022',
    seed: '003',
    tenant: CAU_GIAY,
    createdOn: '2022-01-01',
    status: 'signed',
    content: {
      kind: 'program',
      title: 'Phối hợp công tác năm 2022',
      year: 2022,
      parties: [
        { agency: 'HDND', name: 'Thường trực Hội đồng nhân dân quận Cầu Giấy' },
        { agency: 'UBND', name: 'Ủy ban nhân dân quận Cầu Giấy' },
        { agency: 'MTTQ', name: 'Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam quận Cầu Giấy' },
      ],
      items: placeholderItems(8, 'Nội dung'),
      remarks:
        'Bài viết (seed 003) nói báo cáo sơ kết nêu kết quả "trên 8 nội dung công tác" nhưng không nêu tên từng nội dung: 8 nội dung là giữ chỗ. ' +
        'Không nêu số, ký hiệu, ngày ký chương trình năm 2022 (chưa có sự kiện ký).',
    },
    signing: null,
    reviews: [
      {
        period: '2022-H1',
        heldOn: '2022-07-22',
        place: 'Hội trường UBND quận Cầu Giấy',
        reportedBy: 'Nguyễn Thị Thanh - UVTV Quận ủy, Chủ tịch Ủy ban MTTQ Việt Nam quận',
        achievements:
          'Báo cáo đã nêu bật kết quả công tác phối hợp giữa 3 cơ quan từ đầu năm 2022 trên 8 nội dung công tác; đã phối hợp triển khai thực hiện các nhiệm vụ trọng tâm, quan trọng theo đúng nội dung chủ đề công tác năm 2022 “Kỷ cương, trách nhiệm, hành động, sáng tạo, phát triển”. Đáng chú ý là những nội dung MTTQ các cấp quận đã tích cực tham gia cùng với chính quyền, các ban ngành, đoàn thể thực hiện hoàn thành tốt các nhiệm vụ trọng tâm trong 6 tháng đầu năm như: công tác tuyên truyền phổ biến pháp luật; công tác phòng chống dịch bệnh Covid- 19; việc tổ chức hội nghị đại biểu Nhân dân; tổ chức các hoạt động của Đoàn đại biểu Quốc hội và Tổ đại biểu HĐND Thành phố tại quận; tổ chức các kỳ họp của HĐND quận; đặc biệt là hoạt động giám sát của Ủy ban MTTQ Việt Nam quận trên các lĩnh vực có liên quan; công tác tiếp xúc cử tri, xử lý đơn thư khiếu nại, tố cáo của công dân và tham gia xây dựng Đảng, chính quyền, đẩy mạnh các phong trào thi đua.',
        discussion:
          'Tại hội nghị, có 4 ý kiến phát biểu tham luận của các đại biểu đại diện các ban HĐND quận, văn phòng HĐND- UBND, tổ đại biểu HĐND phường và Ủy ban MTTQ Việt Nam phường Quan Hoa xoay quanh chủ đề nâng cao ý thức trách nhiệm trong thực hiện tốt các nhiệm vụ theo hướng ngày càng chuyên nghiệp, giúp cho công tác lãnh đạo, chỉ đạo ngày càng hiệu quả, thiết thực.',
        commendations: { decidedBy: 'UBND Quận', collectives: { count: 9, names: [] }, individuals: { count: 11, names: [] } },
        remarks:
          'Trích bài viết seed 003. Bài viết không nêu tên 09 tập thể và 11 cá nhân được khen thưởng, không nêu tồn tại, hạn chế và nhiệm vụ trọng tâm 6 tháng cuối năm cụ thể.',
      },
    ],
  },

  // 004 — Thái Nguyên province, 14/10/2021: three bilateral regulations.
  thaiNguyenRegulation(
    'tn-qcph-hdnd-mttq',
    { agency: 'HDND', party: 'Hội đồng nhân dân tỉnh Thái Nguyên', short: 'HĐND tỉnh', signer: 'Thường trực HĐND tỉnh' },
    12,
  ),
  thaiNguyenRegulation(
    'tn-qcph-ubnd-mttq',
    { agency: 'UBND', party: 'Ủy ban nhân dân tỉnh Thái Nguyên', short: 'UBND tỉnh', signer: 'Lãnh đạo UBND tỉnh' },
    13,
  ),
  thaiNguyenRegulation(
    'tn-qcph-dbqh-mttq',
    {
      agency: 'DBQH',
      party: 'Đoàn đại biểu Quốc hội tỉnh Thái Nguyên',
      short: 'Đoàn đại biểu Quốc hội tỉnh Thái Nguyên',
      signer: 'Đoàn đại biểu Quốc hội tỉnh',
    },
    11,
  ),
  ...todaysUnitAgreements,
];
