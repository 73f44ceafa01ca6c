import type { Role } from '../../shared/roles.js';

/**
 * The demo localities are those of the seed articles (../shared/seeds): four Hà Nội districts —
 * history since 01/07/2025, read-only — and Thái Nguyên province; plus two of today's units a new
 * user can try at once: Phường Tây Hồ (successor of Quận Tây Hồ, continuing its 2024 program) and
 * Phường Bắc Kạn of the merged Thái Nguyên (successor of Thành phố Bắc Kạn, 06/058). Their records
 * are invented and labelled "dữ liệu mẫu". Every demo user signs in with DEMO_PASSWORD.
 */
export const DEMO_PASSWORD = 'PhoiHop@2026';

export const demoTenants: { provinceCode: string; localityCode: string | null; seed: string }[] = [
  { provinceCode: '01', localityCode: null, seed: 'Hà Nội (tỉnh/thành phố của các quận trong seeds 000–003)' },
  { provinceCode: '01', localityCode: '021', seed: '000 Bắc Từ Liêm — Quy chế phối hợp nhiệm kỳ 2021–2026' },
  { provinceCode: '01', localityCode: '003', seed: '001 Tây Hồ — tổng kết 2023, chương trình 2024' },
  { provinceCode: '01', localityCode: '006', seed: '002 Đống Đa — chương trình phối hợp 2021' },
  { provinceCode: '01', localityCode: '005', seed: '003 Cầu Giấy — sơ kết 6 tháng 2022' },
  { provinceCode: '19', localityCode: null, seed: '004 Thái Nguyên — ba quy chế phối hợp song phương 2021–2026' },
  { provinceCode: '01', localityCode: '00103', seed: 'Phường Tây Hồ (kế tục Quận Tây Hồ) — chương trình 2026, dữ liệu mẫu' },
  { provinceCode: '19', localityCode: '01843', seed: 'Phường Bắc Kạn (kế tục Thành phố Bắc Kạn, tỉnh Bắc Kạn cũ) — dữ liệu mẫu' },
];

export type DemoUser = {
  email: string;
  name: string;
  role: Role;
  provinceCode: string | null;
  localityCode: string | null;
  agency?: string;
};

/** Today's units first: `npm start` prints the sign-ins in this order. */
export const demoUsers: DemoUser[] = [
  { email: 'admin.phuongtayho@demo.phoihop.vn', name: 'Phan Thị Ngọc Anh', role: 'locality_admin', provinceCode: '01', localityCode: '00103', agency: 'HĐND' },
  { email: 'bientap.phuongtayho@demo.phoihop.vn', name: 'Lương Văn Khải', role: 'locality_editor', provinceCode: '01', localityCode: '00103', agency: 'UBND' },
  {
    email: 'admin.phuongbackan@demo.phoihop.vn',
    name: 'Hà Thị Thanh Xuân',
    role: 'locality_admin',
    provinceCode: '19',
    localityCode: '01843',
    agency: 'UB MTTQ',
  },
  { email: 'admin.tayho@demo.phoihop.vn', name: 'Nguyễn Thu Hà', role: 'locality_admin', provinceCode: '01', localityCode: '003', agency: 'HĐND' },
  { email: 'bientap.tayho@demo.phoihop.vn', name: 'Trần Minh Đức', role: 'locality_editor', provinceCode: '01', localityCode: '003', agency: 'UBND' },
  { email: 'xem.tayho@demo.phoihop.vn', name: 'Lê Thị Mai', role: 'locality_viewer', provinceCode: '01', localityCode: '003', agency: 'UB MTTQ' },
  { email: 'admin.bactuliem@demo.phoihop.vn', name: 'Phạm Văn Hùng', role: 'locality_admin', provinceCode: '01', localityCode: '021', agency: 'HĐND' },
  { email: 'admin.dongda@demo.phoihop.vn', name: 'Đỗ Thị Lan', role: 'locality_admin', provinceCode: '01', localityCode: '006', agency: 'UB MTTQ' },
  { email: 'admin.caugiay@demo.phoihop.vn', name: 'Vũ Quang Huy', role: 'locality_admin', provinceCode: '01', localityCode: '005', agency: 'HĐND' },
  { email: 'admin.hanoi@demo.phoihop.vn', name: 'Hoàng Anh Tuấn', role: 'province_admin', provinceCode: '01', localityCode: null },
  { email: 'xem.hanoi@demo.phoihop.vn', name: 'Bùi Thị Hương', role: 'province_viewer', provinceCode: '01', localityCode: null },
  { email: 'admin.thainguyen@demo.phoihop.vn', name: 'Ngô Văn Bình', role: 'province_admin', provinceCode: '19', localityCode: null, agency: 'UB MTTQ' },
  { email: 'xem.thainguyen@demo.phoihop.vn', name: 'Đặng Thị Thu', role: 'province_viewer', provinceCode: '19', localityCode: null },
  { email: 'vanhanh@demo.phoihop.vn', name: 'Vận hành nền tảng', role: 'operator', provinceCode: null, localityCode: null },
];
