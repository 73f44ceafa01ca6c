import { formatDate } from '../../shared/format.js';
import { kindLabels } from '../../shared/reminders/labels.js';
import type { NotificationKind } from '../../shared/reminders/schema.js';
import { esc } from './digest.js';

/**
 * The mails sent at once (the outbox's, functions/reminders/outbox.ts): an event a user opted into,
 * and a sign-up decision to the applicant's contact address. Like the digest: Vietnamese first, then
 * English; plain text and HTML with the same content.
 */

type Content = { subject: string; text: string; html: string };

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

function html(viParagraphs: string[], enParagraphs: string[]): string {
  const ps = (list: string[]) => list.map((p) => `<p>${p}</p>`).join('\n');
  return `<!doctype html><html lang="vi"><body>\n${ps(viParagraphs)}\n<hr><div lang="en">\n${ps(enParagraphs)}\n</div>\n</body></html>`;
}

/** One event a user asked to hear of at once, with a link to the record and a link that turns that kind off. */
export function eventMail(opts: {
  kind: NotificationKind;
  label: string;
  context: string;
  link: string;
  appUrl: string;
  unsubscribeUrl: string;
  name?: string;
}): Content {
  const kind = kindLabels[opts.kind];
  const label = clip(opts.label, 120);
  const url = `${opts.appUrl}${opts.link}`;
  const subject = `Phối Hợp: ${kind.vi} — ${label} / ${kind.en}`;
  const greeting = opts.name ? `Kính gửi ${opts.name},` : 'Kính gửi anh/chị,';
  const about = `${opts.label}${opts.context ? ` (${opts.context})` : ''}`;
  const text = [
    greeting,
    '',
    `${kind.vi}: ${about}`,
    url,
    '',
    `Không nhận thư báo ngay loại này nữa: ${opts.unsubscribeUrl}`,
    '',
    '---',
    `${kind.en}: ${about}`,
    url,
    '',
    `Stop immediate e-mails of this kind: ${opts.unsubscribeUrl}`,
  ].join('\n');
  const link = `<a href="${esc(url)}">${esc(opts.label)}</a>${opts.context ? ` (${esc(opts.context)})` : ''}`;
  const off = esc(opts.unsubscribeUrl);
  return {
    subject,
    text,
    html: html(
      [esc(greeting), `<strong>${esc(kind.vi)}</strong>: ${link}`, `<a href="${off}">Không nhận thư báo ngay loại này nữa</a>`],
      [`<strong>${esc(kind.en)}</strong>: ${link}`, `<a href="${off}">Stop immediate e-mails of this kind</a>`],
    ),
  };
}

export type SignUpDecisionFacts = {
  decision: 'approve' | 'reject';
  /** The commune or ward that signed up, and its province. */
  unitName: string;
  provinceName: string;
  contactName?: string;
  decidedAt: string;
  reason?: string;
  /** Approval: when the first admin's invitation link expires (ISO). */
  invitationExpiresAt?: string;
};

/**
 * The applicant's mail. It carries no invitation link, on purpose: the contact address was typed
 * into a public form and nobody has verified it, the link is a bearer credential that makes its
 * holder the unit's first administrator, and the table keeps only the link's hash — a link in the
 * outbox would be the one place it is stored readable. So the province admin, who sees the link
 * once in the approval answer, hands it over through the channel they use with the unit (and can
 * check who they give it to); the mail says so, and until when the link works.
 */
export function signUpDecisionMail(f: SignUpDecisionFacts, appUrl: string): Content {
  const greeting = f.contactName ? `Kính gửi ${f.contactName},` : 'Kính gửi anh/chị,';
  const day = formatDate(f.decidedAt);
  if (f.decision === 'approve') {
    const until = f.invitationExpiresAt ? formatDate(f.invitationExpiresAt) : '';
    const vi = [
      `${f.provinceName} đã duyệt đăng ký sử dụng Phối Hợp của ${f.unitName} ngày ${day}.`,
      `Bước tiếp theo: cán bộ quản trị của ${f.provinceName} sẽ trao cho anh/chị đường dẫn mời để tạo tài khoản quản trị của đơn vị${until ? ` (đường dẫn có hiệu lực đến hết ngày ${until})` : ''}. Vì lý do an toàn, thư này không chứa đường dẫn đó; nếu chưa nhận được, xin liên hệ ${f.provinceName}.`,
    ];
    const en = [
      `${f.provinceName} approved the sign-up of ${f.unitName} to Phối Hợp on ${day}.`,
      `Next: an administrator of ${f.provinceName} will hand you the invitation link that creates the unit's administrator account${until ? ` (valid until the end of ${until})` : ''}. For safety this mail does not contain that link; if you have not received it, please contact ${f.provinceName}.`,
    ];
    return {
      subject: `Phối Hợp: Đăng ký của ${f.unitName} đã được duyệt / Sign-up approved`,
      text: [greeting, '', ...vi, '', appUrl, '', '---', ...en, '', appUrl].join('\n'),
      html: html([esc(greeting), ...vi.map(esc), `<a href="${esc(appUrl)}">Phối Hợp</a>`], [...en.map(esc), `<a href="${esc(appUrl)}">Phối Hợp</a>`]),
    };
  }
  const reason = f.reason ?? '';
  const vi = [
    `${f.provinceName} đã từ chối đăng ký sử dụng Phối Hợp của ${f.unitName} ngày ${day}.`,
    `Lý do: ${reason}`,
    'Đơn vị có thể đăng ký lại sau khi đã khắc phục.',
  ];
  const en = [
    `${f.provinceName} declined the sign-up of ${f.unitName} to Phối Hợp on ${day}.`,
    `Reason: ${reason}`,
    'The unit may sign up again once this is addressed.',
  ];
  return {
    subject: `Phối Hợp: Đăng ký của ${f.unitName} chưa được duyệt / Sign-up declined`,
    text: [greeting, '', ...vi, '', '---', ...en].join('\n'),
    html: html([esc(greeting), ...vi.map(esc)], en.map(esc)),
  };
}
