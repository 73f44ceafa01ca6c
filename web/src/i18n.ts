import { createSignal } from 'solid-js';
import type { Text } from '../../shared/text.js';

/** Vietnamese first; English is a switch. Every UI string has both. */
export type Lang = 'vi' | 'en';
const stored = typeof localStorage !== 'undefined' ? localStorage.getItem('lang') : null;
const [lang, setLangSignal] = createSignal<Lang>(stored === 'en' ? 'en' : 'vi');
export { lang };

export function setLang(l: Lang) {
  setLangSignal(l);
  localStorage.setItem('lang', l);
  document.documentElement.lang = l;
}

export type { Text };
export const t = (text: Text) => text[lang()];

export const ui = {
  appName: { vi: 'Phối Hợp', en: 'Phối Hợp' },
  tagline: {
    vi: 'Quản lý quy chế, chương trình phối hợp, giám sát và văn bản ký kết giữa HĐND, UBND và Ủy ban MTTQ',
    en: 'Coordination regulations, programs, supervision and signed documents of the People’s Council, People’s Committee and Fatherland Front',
  },
  nav: {
    home: { vi: 'Tổng quan', en: 'Overview' },
    agreements: { vi: 'Quy chế & chương trình', en: 'Agreements' },
    supervision: { vi: 'Giám sát', en: 'Supervision' },
    archive: { vi: 'Kho văn bản', en: 'Document archive' },
    rollups: { vi: 'Tổng hợp toàn tỉnh', en: 'Province roll-ups' },
    audit: { vi: 'Nhật ký thay đổi', en: 'Audit log' },
    status: { vi: 'Trạng thái hệ thống', en: 'System status' },
  },
  signIn: { vi: 'Đăng nhập', en: 'Sign in' },
  signOut: { vi: 'Đăng xuất', en: 'Sign out' },
  email: { vi: 'Thư điện tử', en: 'Email' },
  password: { vi: 'Mật khẩu', en: 'Password' },
  loading: { vi: 'Đang tải…', en: 'Loading…' },
  /** The blank first option of a filter. */
  all: { vi: 'Tất cả', en: 'All' },
  switchLang: { vi: 'English', en: 'Tiếng Việt' },
} satisfies Record<string, Text | Record<string, Text>>;
