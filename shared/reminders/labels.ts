import { formatDate } from '../format.js';
import type { Notification, NotificationKind, Stage } from './schema.js';

type Text = { vi: string; en: string };

/** What each kind of notification is called (filters, preferences). */
export const kindLabels: Record<NotificationKind, Text> = {
  'item-due': { vi: 'Nội dung chương trình đến hạn', en: 'Program item due' },
  'review-due': { vi: 'Sơ kết, tổng kết đến hạn', en: 'Review due' },
  'report-due': { vi: 'Báo cáo kết quả giám sát đến hạn', en: 'Supervision report due' },
  'recommendation-due': { vi: 'Kiến nghị sau giám sát đến hạn', en: 'Recommendation due' },
  'signup-pending': { vi: 'Đăng ký chờ duyệt', en: 'Sign-up waiting' },
  'invitation-expiring': { vi: 'Lời mời sắp hết hạn', en: 'Invitation expiring' },
  'agreement-signed': { vi: 'Văn bản được ký', en: 'Agreement signed' },
  'agreement-amended': { vi: 'Văn bản được sửa đổi, bổ sung', en: 'Agreement amended' },
  'agreement-in-force': { vi: 'Văn bản có hiệu lực', en: 'Agreement in force' },
  'item-progress': { vi: 'Tiến độ nội dung thay đổi', en: 'Item progress changed' },
  'review-recorded': { vi: 'Đã sơ kết, tổng kết', en: 'Review recorded' },
  'recommendation-answered': { vi: 'Kiến nghị đã được trả lời', en: 'Recommendation answered' },
  'recommendation-resolved': { vi: 'Kiến nghị đã giải quyết xong', en: 'Recommendation resolved' },
  'signup-decided': { vi: 'Đăng ký đã được xét duyệt', en: 'Sign-up decided' },
};

const stageText: Record<Stage, (due: string) => Text> = {
  soon: (d) => ({ vi: `đến hạn ngày ${d}`, en: `due on ${d}` }),
  today: () => ({ vi: 'đến hạn hôm nay', en: 'due today' }),
  overdue: (d) => ({ vi: `quá hạn từ ngày ${d}`, en: `overdue since ${d}` }),
};

/** One line saying what a notification is about: "Nội dung chương trình đến hạn — quá hạn từ ngày 01/06/2026". */
export function headline(n: Pick<Notification, 'kind' | 'stage' | 'due'>): Text {
  const kind = kindLabels[n.kind];
  if (!n.stage || !n.due) return kind;
  const s = stageText[n.stage](formatDate(n.due));
  return { vi: `${kind.vi} — ${s.vi}`, en: `${kind.en} — ${s.en}` };
}
