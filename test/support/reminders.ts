import { expect, inject } from 'vitest';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { runReminders } from '../../functions/reminders/job.js';
import { MeteredStore } from '../../functions/store/metered-store.js';
import { keys, tenantPrefix } from '../../shared/keys.js';
import type { Notification } from '../../shared/reminders/schema.js';
import type { Role } from '../../shared/roles.js';
import type { Harness } from './harness.js';

/** A user in the issuer AND in the tenant's users partition (the job reads recipients from there). */
export async function tenantUser(h: Harness, u: { role: Role; provinceCode: string; localityCode: string | null; agency?: string; email?: string }) {
  const { user, headers } = await h.userToken(u);
  const t = { provinceCode: u.provinceCode, localityCode: u.localityCode };
  await h.doc.send(
    new PutCommand({
      TableName: h.tableName,
      Item: {
        ...keys.user(t, user.sub),
        entity: 'user',
        tenant: tenantPrefix(t),
        userId: user.sub,
        email: user.email,
        name: `Người dùng ${u.role}`,
        role: u.role,
        ...(u.agency ? { agency: u.agency } : {}),
        status: 'active',
        createdAt: '2026-01-01T00:00:00.000Z',
        version: 1,
      },
    }),
  );
  return { user, headers, userId: user.sub };
}

/**
 * Follows a mail's unsubscribe link as a mail reader does, signed in nowhere: the page that asks
 * (its text contains `asks`), then its one-click POST, whose answer is returned.
 */
export async function unsubscribeFromMail(h: Harness, url: string, asks: string): Promise<Response> {
  const path = url.replace('http://phoihop.test', '');
  const page = await h.app.request(path);
  expect(page.status).toBe(200);
  expect(await page.text()).toContain(asks);
  const done = await h.app.request(path, { method: 'POST' });
  expect(done.status).toBe(200);
  return done;
}

/** Runs the daily job against the harness's table (platform credentials, as the job's Lambda has). */
export async function runJob(h: Harness, now: Date, provinces?: string[]) {
  const store = new MeteredStore(h.doc, h.tableName);
  const report = await runReminders({ store, now, ...(provinces ? { provinces } : {}) });
  return { report, metrics: store.metrics };
}

export async function notificationsOf(h: Harness, headers: Record<string, string>, query = '') {
  const res = await h.app.request(`/api/notifications${query ? `?${query}` : ''}`, { headers });
  if (res.status !== 200) throw new Error(`notifications ${res.status}: ${await res.text()}`);
  return (await res.json()) as { items: Notification[]; nextCursor: string | null };
}

export async function unreadCount(h: Harness, headers: Record<string, string>) {
  const res = await h.app.request('/api/notifications/unread-count', { headers });
  return (await res.json()) as { count: number; more: boolean };
}

export const TEST_UNSUBSCRIBE_SECRET = 'test-unsubscribe-secret-0123456789abcdef';

/** Mail settings pointing at the suite's SES v2 emulator. */
export function testMail(appUrl = 'http://phoihop.test') {
  return { config: { from: 'thongbao@phoihop.test', endpoint: inject('sesEndpoint'), region: 'ap-southeast-1' }, appUrl, secret: TEST_UNSUBSCRIBE_SECRET };
}

export type SentMail = { subject: string; destination: { to: string[] }; body: { text?: string; html?: string }; headers?: { name: string; value: string }[] };

/** The mail the emulator holds for one address. */
export async function mailTo(address: string): Promise<SentMail[]> {
  const res = await fetch(`${inject('sesEndpoint')}/store`);
  const { emails } = (await res.json()) as { emails: SentMail[] };
  return emails.filter((e) => e.destination.to.includes(address));
}
