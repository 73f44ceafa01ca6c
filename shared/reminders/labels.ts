import { formatDate } from '../format.js';
import type { Text } from '../text.js';
import * as catalog from './labels.json';
import type { Notification, NotificationKind, Stage } from './schema.js';

/** What each kind of notification is called (filters, preferences), from ./labels.json. */
export const kindLabels: Record<NotificationKind, Text> = catalog.kind;

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
