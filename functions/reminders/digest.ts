import { formatDate } from '../../shared/format.js';
import { headline } from '../../shared/reminders/labels.js';
import type { NewNotification } from './notify.js';

/**
 * The daily digest of one user: Vietnamese first, then English; plain text and HTML with the same
 * content, a link to each record and the one-click unsubscribe link.
 */
export function digestMail(opts: { day: string; items: NewNotification[]; appUrl: string; unsubscribeUrl: string; name?: string }) {
  const n = opts.items.length;
  const day = formatDate(opts.day);
  const subject = `Phối Hợp: ${n} việc cần theo dõi, đôn đốc ngày ${day} / ${n} item(s) to follow up`;
  const lines = opts.items.map((it) => {
    const h = headline(it);
    return { vi: h.vi, en: h.en, label: it.label, context: it.context, url: `${opts.appUrl}${it.link}` };
  });
  const greeting = opts.name ? `Kính gửi ${opts.name},` : 'Kính gửi anh/chị,';
  const text = [
    greeting,
    '',
    `Các việc cần theo dõi, đôn đốc ngày ${day}:`,
    ...lines.flatMap((l) => [`- ${l.vi}: ${l.label}${l.context ? ` (${l.context})` : ''}`, `  ${l.url}`]),
    '',
    `Không nhận thư tổng hợp nữa: ${opts.unsubscribeUrl}`,
    '',
    '---',
    `Items to follow up on ${day}:`,
    ...lines.flatMap((l) => [`- ${l.en}: ${l.label}${l.context ? ` (${l.context})` : ''}`, `  ${l.url}`]),
    '',
    `Stop these digests: ${opts.unsubscribeUrl}`,
  ].join('\n');
  const li = (l: (typeof lines)[number], lang: 'vi' | 'en') =>
    `<li><strong>${esc(l[lang])}</strong>: <a href="${esc(l.url)}">${esc(l.label)}</a>${l.context ? ` <span>(${esc(l.context)})</span>` : ''}</li>`;
  const html = `<!doctype html><html lang="vi"><body>
<p>${esc(greeting)}</p>
<p>Các việc cần theo dõi, đôn đốc ngày ${day}:</p><ul>${lines.map((l) => li(l, 'vi')).join('')}</ul>
<p><a href="${esc(opts.unsubscribeUrl)}">Hủy nhận thư tổng hợp</a></p>
<hr><div lang="en"><p>Items to follow up on ${day}:</p><ul>${lines.map((l) => li(l, 'en')).join('')}</ul>
<p><a href="${esc(opts.unsubscribeUrl)}">Unsubscribe from these digests</a></p></div>
</body></html>`;
  return { subject, text, html };
}

export function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
