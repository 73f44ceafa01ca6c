import { defaultParties } from '../../shared/agreements/parties.js';
import type { AgreementContentInput } from '../../shared/agreements/schema.js';
import type { SeedAgreement } from './agreements-data.js';

/**
 * Records of today's units (after 01/07/2025) are INVENTED for the demo — no seed article is from
 * after the reform — and say so in their titles and remarks.
 */
export const DEMO_REMARK = 'Dữ liệu mẫu để trình diễn phần mềm, không phải văn bản thực tế của địa phương. / Demo data, not a real agreement.';

const PHUONG_TAY_HO = { provinceCode: '01', localityCode: '00103' };
const PHUONG_BAC_KAN = { provinceCode: '19', localityCode: '01843' };

type DemoProgram = Pick<SeedAgreement, 'key' | 'tenant' | 'createdOn' | 'status' | 'signing' | 'continues'> & { ward: string };

/** A ward's 2026 program, invented: its title and remarks say so; its parties are the ward's three bodies. */
function demoProgram({ ward, ...record }: DemoProgram, content: Pick<AgreementContentInput, 'summary' | 'items'>): SeedAgreement {
  return {
    seed: 'demo',
    ...record,
    content: {
      kind: 'program',
      title: 'Phối hợp công tác năm 2026 (dữ liệu mẫu)',
      year: 2026,
      parties: defaultParties({ level: 'commune', name: ward, type: 'Phường' }),
      ...content,
      remarks: DEMO_REMARK,
    },
    reviews: [],
  };
}

export const todaysUnitAgreements: SeedAgreement[] = [
  // Dữ liệu mẫu — Phường Tây Hồ (01/00103), successor of Quận Tây Hồ: its 2026 program continues
  // the district's 2024 program (seed 001). Invented; the signers' names are left empty.
  demoProgram(
    {
      key: 'phuongtayho-ctr-2026-demo',
      ward: 'Phường Tây Hồ',
      tenant: PHUONG_TAY_HO,
      createdOn: '2026-01-20',
      status: 'signed',
      continues: 'tayho-ctr-2024',
      signing: {
        signedOn: '2026-01-20',
        place: 'Hội trường UBND phường Tây Hồ',
        signatories: [
          { agency: 'HDND', onBehalf: 'TM. Thường trực HĐND phường Tây Hồ', title: 'Chủ tịch', name: null },
          { agency: 'UBND', onBehalf: '', title: 'Chủ tịch UBND phường Tây Hồ', name: null },
          { agency: 'MTTQ', onBehalf: 'TM. Ủy ban MTTQ Việt Nam phường Tây Hồ', title: 'Chủ tịch', name: null },
        ],
        remarks: `${DEMO_REMARK} Không ghi tên người ký.`,
      },
    },
    {
      summary:
        'Tiếp nối Chương trình phối hợp công tác năm 2024 của Thường trực HĐND - UBND - Ủy ban MTTQ Việt Nam quận Tây Hồ (trước 01/07/2025), ' +
        'ba cơ quan của phường Tây Hồ thống nhất các nội dung phối hợp năm 2026 trong tổ chức chính quyền địa phương hai cấp. (Dữ liệu mẫu.)',
      items: [
        {
          title:
            'Phối hợp tuyên truyền, vận động Nhân dân thực hiện chủ trương của Đảng, chính sách, pháp luật của Nhà nước và mô hình chính quyền địa phương hai cấp',
          lead: { agency: 'MTTQ', name: 'Ủy ban Mặt trận Tổ quốc Việt Nam phường Tây Hồ' },
          cooperating: [{ agency: 'UBND', name: 'Ủy ban nhân dân phường Tây Hồ' }],
          due: { kind: 'period', from: '2026-01-20', to: '2026-12-31' },
          status: 'in_progress',
          progress: 60,
        },
        {
          title: 'Phối hợp tổ chức các kỳ họp HĐND phường và các hội nghị tiếp xúc cử tri trước và sau kỳ họp',
          lead: { agency: 'HDND', name: 'Thường trực Hội đồng nhân dân phường Tây Hồ' },
          cooperating: [
            { agency: 'UBND', name: 'Ủy ban nhân dân phường Tây Hồ' },
            { agency: 'MTTQ', name: 'Ủy ban Mặt trận Tổ quốc Việt Nam phường Tây Hồ' },
          ],
          due: { kind: 'date', on: '2026-12-15' },
          status: 'in_progress',
          progress: 50,
        },
        {
          title: 'Phối hợp tiếp công dân, giải quyết đơn thư khiếu nại, tố cáo, kiến nghị, phản ánh của công dân',
          lead: { agency: 'UBND', name: 'Ủy ban nhân dân phường Tây Hồ' },
          cooperating: [{ agency: 'HDND', name: 'Thường trực Hội đồng nhân dân phường Tây Hồ' }],
          due: { kind: 'date', on: '2026-06-30' },
          status: 'done',
        },
        {
          title: 'Phối hợp giám sát việc giải quyết kiến nghị của cử tri về trật tự đô thị ven hồ',
          lead: { agency: 'HDND', name: 'Thường trực Hội đồng nhân dân phường Tây Hồ' },
          cooperating: [{ agency: 'MTTQ', name: 'Ủy ban Mặt trận Tổ quốc Việt Nam phường Tây Hồ' }],
          due: { kind: 'date', on: '2026-10-31' },
          status: 'not_started',
        },
        {
          title: 'Phối hợp tổ chức hội nghị phản biện xã hội dự thảo kế hoạch chỉnh trang không gian công cộng của phường',
          lead: { agency: 'MTTQ', name: 'Ủy ban Mặt trận Tổ quốc Việt Nam phường Tây Hồ' },
          cooperating: [{ agency: 'UBND', name: 'Ủy ban nhân dân phường Tây Hồ' }],
          due: { kind: 'date', on: '2027-03-31' },
          status: 'not_started',
        },
      ],
    },
  ),

  // Dữ liệu mẫu — Phường Bắc Kạn (19/01843) of the merged Thái Nguyên: a small draft.
  demoProgram(
    { key: 'phuongbackan-ctr-2026-demo', ward: 'Phường Bắc Kạn', tenant: PHUONG_BAC_KAN, createdOn: '2026-02-10', status: 'draft', signing: null },
    {
      items: [
        { title: 'Phối hợp tổ chức hội nghị tiếp xúc cử tri', lead: { agency: 'HDND', name: 'Thường trực Hội đồng nhân dân phường Bắc Kạn' } },
        { title: 'Phối hợp giám sát, phản biện xã hội', lead: { agency: 'MTTQ', name: 'Ủy ban Mặt trận Tổ quốc Việt Nam phường Bắc Kạn' } },
        { title: 'Phối hợp sơ kết 6 tháng, tổng kết năm', lead: { agency: 'UBND', name: 'Ủy ban nhân dân phường Bắc Kạn' } },
      ],
    },
  ),
];
