import { createHmac } from 'node:crypto';
import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MailSettings } from '../../functions/reminders/daily.js';
import { drainOutbox, queueEventMail, STUCK_AFTER_MS } from '../../functions/reminders/outbox.js';
import { MeteredStore } from '../../functions/store/metered-store.js';
import { mailKeys } from '../../shared/keys.js';
import { agreementsClient, programBody, type Headers } from '../support/agreements.js';
import { createHarness, type Harness } from '../support/harness.js';
import { mailTo, notificationsOf, tenantUser, TEST_UNSUBSCRIBE_SECRET, testMail, unsubscribeFromMail } from '../support/reminders.js';
import { json, signUpBody } from '../support/tenancy.js';

/**
 * Mail sent at once through the outbox and the SES v2 emulator: the applicant's mail of a sign-up
 * decision, and the events users opted into. Never lost when SES fails after the commit (the
 * scheduled sender retries), never sent twice.
 */

process.env.UNSUBSCRIBE_SECRET = TEST_UNSUBSCRIBE_SECRET;

let h: Harness;
let good: MailSettings;
/** SES unreachable: nothing listens on the discard port. */
let down: MailSettings;
const clock = { now: new Date('2026-03-02T03:00:00Z') };
const store = () => new MeteredStore(h.doc, h.tableName);
const drain = (mail = good, now = clock.now) => drainOutbox(store(), mail, now);
const outboxItem = async (Key: { PK: string; SK: string }) => (await h.doc.send(new GetCommand({ TableName: h.tableName, Key }))).Item;

beforeAll(async () => {
  good = testMail();
  down = { ...good, config: { ...good.config, endpoint: 'http://127.0.0.1:9' } };
  h = await createHarness({ now: () => clock.now, mail: good });
});

afterAll(() => h.close());

async function signUp(provinceCode: string, localityCode: string, email: string) {
  const res = await h.app.request('/api/tenancy/signups', json(signUpBody(provinceCode, localityCode, email)));
  expect(res.status, await res.clone().text()).toBe(201);
}

describe('sign-up decided → the applicant', () => {
  let admin: { headers: Headers };
  beforeAll(async () => {
    admin = await h.userToken({ role: 'province_admin', provinceCode: '01', localityCode: null });
  });

  it('mails the contact address on approval: Vietnamese first, text and HTML, what happens next, no invitation link', async () => {
    const to = 'lienhe.duyet@phuongbadinh.test';
    await signUp('01', '00004', to);
    const res = await h.app.request('/api/tenancy/signups/00004/decision', json({ decision: 'approve', version: 1 }, admin.headers));
    expect(res.status, await res.clone().text()).toBe(200);
    const { invitation } = (await res.json()) as { invitation: { token: string; invitation: { expiresAt: string } } };
    const mails = await mailTo(to);
    expect(mails).toHaveLength(1);
    const mail = mails[0]!;
    expect(mail.subject).toMatch(/^Phối Hợp: Đăng ký của Phường .+ đã được duyệt \/ Sign-up approved$/);
    const text = mail.body.text!;
    expect(text.startsWith('Kính gửi Nguyễn Văn An,')).toBe(true);
    expect(text).toContain('Thành phố Hà Nội đã duyệt đăng ký');
    expect(text).toContain('sẽ trao cho anh/chị đường dẫn mời');
    expect(text).toContain(`đến hết ngày ${new Date(invitation.invitation.expiresAt).toLocaleDateString('en-GB', { timeZone: 'Asia/Ho_Chi_Minh' })}`);
    expect(text.indexOf('approved the sign-up')).toBeGreaterThan(text.indexOf('đã duyệt'));
    expect(mail.body.html).toContain('<html lang="vi">');
    // The bearer link is handed over by the province admin, never mailed to an unverified address.
    expect(text).not.toContain(invitation.token);
    expect(mail.body.html).not.toContain(invitation.token);
    expect(mail.body.html).not.toContain('/invitation#');
    // Sent and out of the pending index: the scheduled run finds nothing to send again.
    expect(await outboxItem(mailKeys.signUpDecision('01', '00004', 2))).toMatchObject({ state: 'sent', attempts: 1 });
    expect((await drain()).pending).toBe(0);
    expect(await mailTo(to)).toHaveLength(1);
  });

  it('mails the reason on rejection, escaped in the HTML', async () => {
    const to = 'lienhe.tuchoi@phuongbaidinh.test';
    await signUp('01', '00008', to);
    const reason = 'Thiếu công văn đề nghị <kèm theo> của UBND';
    const res = await h.app.request('/api/tenancy/signups/00008/decision', json({ decision: 'reject', version: 1, reason }, admin.headers));
    expect(res.status).toBe(200);
    const [mail] = await mailTo(to);
    expect(mail!.subject).toMatch(/chưa được duyệt \/ Sign-up declined$/);
    expect(mail!.body.text).toContain(`Lý do: ${reason}`);
    expect(mail!.body.text).toContain(`Reason: ${reason}`);
    expect(mail!.body.html).toContain('&lt;kèm theo&gt;');
    expect(mail!.body.html).not.toContain('<kèm theo>');
  });

  it('is not lost when SES fails after the commit: the scheduled sender sends it once, even when two runs race', async () => {
    const to = 'lienhe.ses.loi@phuongngocha.test';
    await signUp('01', '00025', to);
    h.deps.mail = down;
    try {
      const res = await h.app.request('/api/tenancy/signups/00025/decision', json({ decision: 'approve', version: 1 }, admin.headers));
      // The decision stands; the mail waits.
      expect(res.status).toBe(200);
    } finally {
      h.deps.mail = good;
    }
    const ref = mailKeys.signUpDecision('01', '00025', 2);
    expect(await outboxItem(ref)).toMatchObject({ state: 'pending', attempts: 1, GSI1PK: 'MAIL#PENDING' });
    expect(await mailTo(to)).toHaveLength(0);
    // SES still down at the next run: retried later, still pending.
    expect(await drain(down)).toMatchObject({ pending: 1, retry: 1, sent: 0 });
    const [a, b] = await Promise.all([drain(), drain()]);
    expect(a.sent + b.sent).toBe(1);
    expect(await mailTo(to)).toHaveLength(1);
    expect(await outboxItem(ref)).toMatchObject({ state: 'sent', attempts: 3 });
    expect((await outboxItem(ref))!.GSI1PK).toBeUndefined();
    expect((await drain()).pending).toBe(0);
    expect(await mailTo(to)).toHaveLength(1);
  });

  it('never resends a mail whose sender died between claim and answer; the run reports it', async () => {
    const to = 'lienhe.treo@phuongkimma.test';
    await signUp('01', '00070', to);
    h.deps.mail = null;
    try {
      expect((await h.app.request('/api/tenancy/signups/00070/decision', json({ decision: 'approve', version: 1 }, admin.headers))).status).toBe(200);
    } finally {
      h.deps.mail = good;
    }
    const ref = mailKeys.signUpDecision('01', '00070', 2);
    // As if a sender claimed it and vanished.
    await h.doc.send(
      new UpdateCommand({
        TableName: h.tableName,
        Key: ref,
        UpdateExpression: 'SET #s = :sending, claimedAt = :at',
        ExpressionAttributeNames: { '#s': 'state' },
        ExpressionAttributeValues: { ':sending': 'sending', ':at': clock.now.toISOString() },
      }),
    );
    expect(await drain()).toMatchObject({ pending: 1, sent: 0, unknown: 0 });
    const later = new Date(clock.now.getTime() + STUCK_AFTER_MS + 1000);
    expect(await drain(good, later)).toMatchObject({ pending: 1, sent: 0, unknown: 1 });
    expect(await outboxItem(ref)).toMatchObject({ state: 'unknown' });
    expect(await mailTo(to)).toHaveLength(0);
    expect((await drain(good, later)).pending).toBe(0);
  });
});

describe('immediate e-mails of events a user opted into', () => {
  const ward = { provinceCode: '01', localityCode: '00103' };
  let editor: { headers: Headers; userId: string };
  let optedIn: { headers: Headers; userId: string; user: { email: string } };
  let notOpted: { headers: Headers; userId: string; user: { email: string } };
  let agreementId = '';
  let itemVersion = 1;
  const api = () => agreementsClient(h);

  const progress = async (value: number) => {
    const res = await api().call('PATCH', `/${agreementId}/items/1`, editor.headers, { progress: value, version: itemVersion });
    expect(res.status, await res.clone().text()).toBe(200);
    itemVersion = ((await res.json()) as { item: { version: number } }).item.version;
  };

  beforeAll(async () => {
    editor = await tenantUser(h, { role: 'locality_editor', ...ward, agency: 'UBND' });
    optedIn = await tenantUser(h, { role: 'locality_viewer', ...ward, agency: 'Văn phòng', email: 'theodoi.thu@phuongtayho.test' });
    notOpted = await tenantUser(h, { role: 'locality_viewer', ...ward, agency: 'Văn phòng', email: 'theodoi.khongthu@phuongtayho.test' });
    const parties = [
      { agency: 'HDND' as const, name: 'Thường trực HĐND phường Tây Hồ' },
      { agency: 'UBND' as const, name: 'UBND phường Tây Hồ' },
    ];
    const draft = await api().create(editor.headers, programBody({ year: 2026, parties, items: [{ title: 'Tiếp xúc cử tri', lead: parties[1] }] }));
    agreementId = draft.id;
    for (const u of [optedIn, notOpted]) {
      expect((await h.app.request(`/api/notifications/follows/agreement/${draft.id}`, { method: 'PUT', headers: u.headers })).status).toBe(200);
    }
    const put = await h.app.request('/api/notifications/preferences', {
      method: 'PUT',
      headers: { ...optedIn.headers, 'content-type': 'application/json' },
      body: JSON.stringify({ digest: true, email: { 'item-progress': true, 'agreement-signed': true } }),
    });
    expect(put.status).toBe(200);
    await api().sign(editor.headers, draft.id, draft.version, { signedOn: '2026-02-20' });
  });

  it('mails the users who turned the kind on, once, Vietnamese first with the link; the others only see it in the app', async () => {
    await progress(40);
    const mails = (await mailTo(optedIn.user.email)).filter((m) => m.subject.includes('Tiến độ'));
    expect(mails).toHaveLength(1);
    const mail = mails[0]!;
    expect(mail.subject).toBe('Phối Hợp: Tiến độ nội dung thay đổi — Tiếp xúc cử tri — 40% / Item progress changed');
    const text = mail.body.text!;
    expect(text).toContain(`http://phoihop.test/agreements/${agreementId}#item-1`);
    expect(text.indexOf('Item progress changed')).toBeGreaterThan(text.indexOf('Tiến độ nội dung thay đổi'));
    expect(mail.body.html).toContain(`<a href="http://phoihop.test/agreements/${agreementId}#item-1">`);
    expect(mail.headers?.find((x) => x.name === 'List-Unsubscribe')?.value).toMatch(/^<http:\/\/phoihop\.test\/api\/notifications\/unsubscribe\?token=/);
    // Signing was also turned on: one mail for it.
    expect((await mailTo(optedIn.user.email)).filter((m) => m.subject.includes('Văn bản được ký'))).toHaveLength(1);
    expect(await mailTo(notOpted.user.email)).toHaveLength(0);
    expect((await notificationsOf(h, notOpted.headers, 'kind=item-progress')).items).toHaveLength(1);
    // Nothing waits; a second fan-out of the same event queues nothing.
    expect((await drain()).pending).toBe(0);
    const [n] = (await notificationsOf(h, optedIn.headers, 'kind=item-progress')).items;
    const again = await queueEventMail(store(), { tenant: '01#00103', userId: optedIn.userId }, { ...n!, stage: null, due: null }, clock.now);
    expect(again).toBeNull();
    expect(h.fenceViolations()).toEqual([]);
  });

  it('is not lost when SES fails: the scheduled sender delivers it', async () => {
    h.deps.mail = down;
    try {
      await progress(60);
    } finally {
      h.deps.mail = good;
    }
    const about60 = async () => (await mailTo(optedIn.user.email)).filter((m) => m.subject.includes('60%'));
    expect(await about60()).toHaveLength(0);
    expect(await drain()).toMatchObject({ pending: 1, sent: 1 });
    expect(await about60()).toHaveLength(1);
  });

  it("turns that kind off from the mail's link without signing in; the digest and other kinds stay", async () => {
    const mail = (await mailTo(optedIn.user.email)).find((m) => m.subject.includes('40%'))!;
    const url = /Không nhận thư báo ngay loại này nữa: (\S+)/.exec(mail.body.text!)![1]!;
    await unsubscribeFromMail(h, url, 'Hủy nhận thư báo ngay: Tiến độ nội dung thay đổi');
    const prefs = await h.app.request('/api/notifications/preferences', { headers: optedIn.headers });
    expect(await prefs.json()).toEqual({ digest: true, email: { 'item-progress': false, 'agreement-signed': true } });
    const before = (await mailTo(optedIn.user.email)).length;
    await progress(80);
    expect(await mailTo(optedIn.user.email)).toHaveLength(before);
    // Still told in the app.
    expect((await notificationsOf(h, optedIn.headers, 'kind=item-progress')).items.map((n) => n.label)).toContain('Tiếp xúc cử tri — 80%');
  });

  it('refuses, with the same 404, a genuinely signed link naming a kind that is not an event users choose', async () => {
    for (const k of ['item-due', 'signup-decided', 'anything']) {
      const payload = Buffer.from(JSON.stringify({ t: '01#00103', u: optedIn.userId, e: 4102444800, k })).toString('base64url');
      const token = `${payload}.${createHmac('sha256', TEST_UNSUBSCRIBE_SECRET).update(payload).digest('base64url')}`;
      for (const method of ['GET', 'POST']) expect((await h.app.request(`/api/notifications/unsubscribe?token=${token}`, { method })).status).toBe(404);
    }
  });
});
