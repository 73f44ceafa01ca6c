import { beforeAll, describe, expect, it } from 'vitest';
import { signInAs, webSuite } from '../support/browser.js';
import { mailTo } from '../support/reminders.js';

/**
 * The "done when": with the clock past a program item's deadline the job runs; the lead
 * agency's editor sees the bell count, opens the notification and reaches the item; the digest is in
 * the local SES emulator with the Vietnamese subject and the link; unsubscribe works from the mail.
 */

const EDITOR = 'bientap.phuongtayho@demo.phoihop.vn'; // Phường Tây Hồ, agency UBND
const ADMIN = 'admin.phuongtayho@demo.phoihop.vn'; // the same ward's admin
const ITEM = 'Rà soát kiến nghị cử tri chưa được giải quyết (thử nghiệm nhắc việc)';

let clock = new Date('2026-03-02T03:00:00Z');
let agreementId = '';

const web = webSuite('browser-reminders', { now: () => clock });

async function apiAs(email: string, method: string, path: string, body?: unknown) {
  const user = web.stack.idp.findUser(email)!;
  const res = await fetch(`${web.stack.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${await web.stack.idp.issueIdToken(user)}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  expect(res.status, await res.clone().text()).toBeLessThan(300);
  return res.json() as Promise<any>;
}

beforeAll(async () => {
  const parties = [
    { agency: 'HDND', name: 'Thường trực Hội đồng nhân dân phường Tây Hồ' },
    { agency: 'UBND', name: 'Ủy ban nhân dân phường Tây Hồ' },
  ];
  const created = await apiAs(EDITOR, 'POST', '/api/agreements', {
    kind: 'program',
    number: '09/CTrPH-HĐND-UBND',
    title: 'Phối hợp công tác năm 2026 (thử nghiệm nhắc việc)',
    year: 2026,
    parties,
    items: [{ title: ITEM, lead: parties[1], due: { kind: 'date', on: '2026-03-10' } }],
  });
  agreementId = created.agreement.id;
  await apiAs(EDITOR, 'POST', `/api/agreements/${agreementId}/sign`, {
    version: created.agreement.version,
    signedOn: '2026-03-01',
    place: 'Trụ sở UBND phường',
    signatories: [
      { agency: 'HDND', onBehalf: 'TM. Thường trực HĐND', title: 'Chủ tịch', name: 'Nguyễn Văn An' },
      { agency: 'UBND', onBehalf: 'TM. Ủy ban nhân dân', title: 'Chủ tịch', name: 'Trần Thị Bình' },
    ],
  });
  // The next morning after the deadline, 07:00 in Vietnam: the daily job runs.
  clock = new Date('2026-03-11T00:00:00Z');
  const { report, digests } = await web.stack.runReminders();
  expect(report.created).toBeGreaterThan(0);
  expect(digests.sent).toBeGreaterThan(0);
}, 120_000);

describe('a deadline reaches the lead agency', () => {
  it('shows the bell count; the notification leads to the item', async () => {
    await signInAs(web.page, web.stack.url, EDITOR);
    await expect.poll(() => web.page.locator('[data-testid=bell-count]').count()).toBe(1);
    const count = Number(await web.page.locator('[data-testid=bell-count]').innerText());
    expect(count).toBeGreaterThanOrEqual(1);
    expect(await web.page.getAttribute('[data-testid=bell]', 'aria-label')).toContain('chưa đọc');
    await web.page.click('[data-testid=bell]');
    await web.page.waitForSelector('[data-testid=notifications]');
    const row = web.page.locator('[data-testid=notifications] tr', { hasText: ITEM });
    expect(await row.innerText()).toContain('quá hạn từ ngày 10/03/2026');
    await row.locator('[data-testid=notification-link]').click();
    await web.page.waitForURL(`**/agreements/${agreementId}#item-1`);
    await web.page.waitForSelector('[data-testid=item-1]');
    expect(await web.page.locator('[data-testid=item-1]').innerText()).toContain(ITEM);
    // Opened: one fewer unread.
    await expect.poll(async () => Number((await web.page.locator('[data-testid=bell-count]').allInnerTexts())[0] ?? 0)).toBe(count - 1);
  }, 60_000);

  it('mails the digest through the SES emulator, and unsubscribes from its link without signing in', async () => {
    const mails = (await fetch(`${web.stack.sesEndpoint}/store`).then((r) => r.json())) as {
      emails: { subject: string; destination: { to: string[] }; body: { text: string } }[];
    };
    const mine = mails.emails.filter((m) => m.destination.to.includes(EDITOR));
    expect(mine).toHaveLength(1);
    expect(mine[0]!.subject).toMatch(/^Phối Hợp: \d+ việc cần theo dõi, đôn đốc ngày 11\/03\/2026 \/ \d+ item\(s\) to follow up$/);
    const text = mine[0]!.body.text;
    expect(text).toContain(`${web.stack.url}/agreements/${agreementId}#item-1`);
    expect(await mailTo(EDITOR)).toHaveLength(1);
    const link = /Không nhận thư tổng hợp nữa: (\S+)/.exec(text)![1]!;

    const visitor = await web.browser.newPage();
    await visitor.goto(link);
    await visitor.click('button[type=submit]');
    await visitor.waitForSelector('h1[role=status]');
    expect(await visitor.innerText('h1')).toBe('Đã hủy nhận thư tổng hợp');
    await visitor.close();
    const prefs = await apiAs(EDITOR, 'GET', '/api/notifications/preferences');
    expect(prefs.digest).toBe(false);
  }, 60_000);

  it('mails an event the editor chose on the settings page at once, though the digest is off', async () => {
    await apiAs(EDITOR, 'PUT', `/api/notifications/follows/agreement/${agreementId}`);
    await web.page.goto(`${web.stack.url}/notifications/settings`);
    await web.page.waitForSelector('[data-testid=notification-settings]');
    const box = web.page.getByLabel('Tiến độ nội dung thay đổi');
    expect(await box.isChecked()).toBe(false);
    await box.check();
    await web.page.getByRole('button', { name: /Lưu/ }).click();
    await web.page.waitForSelector('[data-testid=settings-saved]');
    expect(await apiAs(EDITOR, 'GET', '/api/notifications/preferences')).toEqual({ digest: false, email: { 'item-progress': true } });
    // A colleague moves the item: the editor (a follower) is mailed at once.
    const detail = await apiAs(ADMIN, 'GET', `/api/agreements/${agreementId}`);
    await apiAs(ADMIN, 'PATCH', `/api/agreements/${agreementId}/items/1`, { progress: 50, version: detail.items[0].version });
    const mails = (await mailTo(EDITOR)).filter((m) => m.subject.startsWith('Phối Hợp: Tiến độ nội dung thay đổi'));
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toBe(`Phối Hợp: Tiến độ nội dung thay đổi — ${ITEM} — 50% / Item progress changed`);
    expect(mails[0]!.body.text).toContain(`${web.stack.url}/agreements/${agreementId}#item-1`);
  }, 60_000);
});
