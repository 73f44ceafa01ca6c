import { beforeAll, describe, expect, it } from 'vitest';
import { runDaily } from '../../functions/reminders/daily.js';
import { unsubscribeToken } from '../../functions/reminders/unsubscribe-token.js';
import { MeteredStore } from '../../functions/store/metered-store.js';
import { agreementsClient, type Headers, wardItemDue, wardProgram2026 } from '../support/agreements.js';
import { harnessSuite } from '../support/harness.js';
import { mailTo, tenantUser, TEST_UNSUBSCRIBE_SECRET, testMail, unsubscribeFromMail } from '../support/reminders.js';
import { expectFieldError } from '../support/tenancy.js';

/** The daily digest through SES v2 (the suite's local emulator) and its one-click unsubscribe. */

process.env.UNSUBSCRIBE_SECRET = TEST_UNSUBSCRIBE_SECRET;

let editor: { headers: Headers; userId: string; user: { email: string } };
const clock = new Date('2026-01-20T03:00:00Z');
const ward = { provinceCode: '01', localityCode: '00103' };

const h = harnessSuite({ now: () => clock });

beforeAll(async () => {
  editor = await tenantUser(h, { role: 'locality_editor', ...ward, agency: 'UBND', email: 'bientap.mail@phuongtayho.test' });
  const api = agreementsClient(h);
  const a = await api.create(
    editor.headers,
    wardProgram2026({
      number: '02/CTrPH',
      items: [wardItemDue('Tiếp xúc cử tri trước kỳ họp', 'UBND', '2026-03-10'), wardItemDue('Rà soát kiến nghị cử tri', 'UBND', '2026-03-20')],
    }),
  );
  await api.sign(editor.headers, a.id, a.version, { signedOn: '2026-01-15' });
});

const daily = (now: Date) => runDaily({ store: new MeteredStore(h.doc, h.tableName), now, mail: testMail(), provinces: ['01'] });

describe('daily digest', () => {
  let unsubscribeUrl = '';

  it('sends one digest per user per day, Vietnamese first, text and HTML, with links', async () => {
    const { digests } = await daily(new Date('2026-03-11T00:00:00Z'));
    expect(digests).toEqual({ sent: 1, skipped: 0, failed: 0 });
    const mails = await mailTo(editor.user.email);
    expect(mails).toHaveLength(1);
    const mail = mails[0]!;
    expect(mail.subject).toBe('Phối Hợp: 1 việc cần theo dõi, đôn đốc ngày 11/03/2026 / 1 item(s) to follow up');
    const text = mail.body.text!;
    expect(text.indexOf('Nội dung chương trình đến hạn — quá hạn từ ngày 10/03/2026: Tiếp xúc cử tri trước kỳ họp')).toBeGreaterThan(0);
    expect(text.indexOf('Program item due — overdue since 10/03/2026')).toBeGreaterThan(text.indexOf('quá hạn'));
    expect(text).toMatch(/http:\/\/phoihop\.test\/agreements\/[0-9A-Z]{26}#item-1/);
    expect(mail.body.html).toContain('<a href="http://phoihop.test/agreements/');
    unsubscribeUrl = /Không nhận thư tổng hợp nữa: (\S+)/.exec(text)![1]!;
    expect(mail.headers).toContainEqual({ name: 'List-Unsubscribe', value: `<${unsubscribeUrl}>` });
    // Same day again: nothing new, no second mail.
    expect((await daily(new Date('2026-03-11T05:00:00Z'))).digests.sent).toBe(0);
    expect(await mailTo(editor.user.email)).toHaveLength(1);
  });

  it('unsubscribes from the link without signing in; later digests are not sent', async () => {
    const done = await unsubscribeFromMail(h, unsubscribeUrl, 'Hủy nhận thư tổng hợp hằng ngày');
    expect(await done.text()).toContain('Đã hủy nhận thư tổng hợp');
    const prefs = await h.app.request('/api/notifications/preferences', { headers: editor.headers });
    expect(await prefs.json()).toEqual({ digest: false, email: {} });
    // 13/03: the second item enters its week — a reminder in the app, but no mail.
    const next = await daily(new Date('2026-03-13T00:00:00Z'));
    expect(next.report.created).toBe(1);
    expect(next.digests).toEqual({ sent: 0, skipped: 1, failed: 0 });
    expect(await mailTo(editor.user.email)).toHaveLength(1);
  });

  it('answers 404 revealing nothing for a forged, expired or foreign token, 400 for a malformed one', async () => {
    const now = new Date('2026-03-13T00:00:00Z');
    const good = unsubscribeToken(TEST_UNSUBSCRIBE_SECRET, '01#00103', editor.userId, now);
    const forged = unsubscribeToken('another-secret-0123456789abcdefghijkl', '01#00103', editor.userId, now);
    const expired = unsubscribeToken(TEST_UNSUBSCRIBE_SECRET, '01#00103', editor.userId, new Date('2025-01-01T00:00:00Z'));
    const stranger = unsubscribeToken(TEST_UNSUBSCRIBE_SECRET, '01#00602', editor.userId, now); // same id, another tenant
    const [payload, signature] = good.split('.');
    const swapped = `${Buffer.from(JSON.stringify({ t: '01#00103', u: 'someone-else', e: 4102444800 })).toString('base64url')}.${signature}`;
    const bodies = new Set<string>();
    for (const token of [forged, expired, stranger, swapped]) {
      for (const method of ['GET', 'POST']) {
        const res = await h.app.request(`/api/notifications/unsubscribe?token=${token}`, { method });
        expect(res.status, `${method} ${token}`).toBe(404);
        bodies.add(JSON.stringify({ ...(await res.json()), instance: '' }));
      }
    }
    expect(bodies.size).toBe(1);
    expect(payload).toBeTruthy();
    await expectFieldError(await h.app.request('/api/notifications/unsubscribe?token=<script>'), 'token', 'query');
  });
});
