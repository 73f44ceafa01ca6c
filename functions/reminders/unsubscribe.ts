import { Hono, type Context } from 'hono';
import { reminderKeys, tenancyKeys } from '../../shared/keys.js';
import { kindLabels } from '../../shared/reminders/labels.js';
import { DEFAULT_PREFERENCES, preferencesSchema, unsubscribeSchema } from '../../shared/reminders/schema.js';
import { notFound } from '../auth/tenant-scope.js';
import type { AppEnv } from '../http/env.js';
import { validate } from '../http/validate.js';
import { tenantOfPrefix } from './notify.js';
import { unsubscribeSecret } from './mailer.js';
import { readUnsubscribeToken } from './unsubscribe-token.js';

/**
 * /api/notifications/unsubscribe?token=… — the digest's one-click link, without signing in. GET
 * shows a confirmation page (mail scanners fetch links; a GET changes nothing); POST — the page's
 * button, or a mail client's RFC 8058 one-click — turns the digest off or, from an event's mail, the
 * immediate mails of that event kind. A token that is forged, expired or names no user answers the
 * same 404.
 */

async function userOf(c: Context<AppEnv>, token: string) {
  const claims = readUnsubscribeToken(unsubscribeSecret(), token, c.var.deps.now());
  if (!claims) throw notFound();
  const tenant = tenantOfPrefix(claims.tenant);
  const user = await c.var.store.get({ Key: { PK: tenancyKeys.usersPartition(tenant).PK, SK: `USER#${claims.userId}` } });
  if (!user) throw notFound();
  return { tenant, userId: claims.userId, kind: claims.kind };
}

const esc = (s: string) => s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

const page = (body: string) =>
  `<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Phối Hợp — Hủy nhận thư</title></head><body style="font-family:sans-serif;max-width:36rem;margin:2rem auto;padding:0 1rem">${body}</body></html>`;

export const unsubscribeRoutes = new Hono<AppEnv>()
  .get('/', validate('query', unsubscribeSchema), async (c) => {
    const { token } = c.req.valid('query');
    const { kind } = await userOf(c, token);
    const what = kind
      ? { vi: `Hủy nhận thư báo ngay: ${kindLabels[kind].vi}`, en: `Stop immediate e-mails: ${kindLabels[kind].en}` }
      : { vi: 'Hủy nhận thư tổng hợp hằng ngày', en: 'Unsubscribe from the daily digest' };
    return c.html(
      page(`<h1>${esc(what.vi)}</h1><p lang="en">${esc(what.en)}</p>
<form method="post" action="/api/notifications/unsubscribe?token=${encodeURIComponent(token)}"><button type="submit">Hủy nhận thư / Unsubscribe</button></form>`),
    );
  })
  .post('/', validate('query', unsubscribeSchema), async (c) => {
    const { tenant, userId, kind } = await userOf(c, c.req.valid('query').token);
    const key = reminderKeys.notificationPrefs(tenant, userId);
    const at = c.var.deps.now().toISOString();
    if (kind) {
      // Only that event kind goes off; the digest and the other kinds stay as they were.
      const stored = await c.var.store.get({ Key: key, ConsistentRead: true });
      const parsed = preferencesSchema.safeParse({ digest: stored?.digest, email: stored?.email });
      const prefs = parsed.success ? parsed.data : DEFAULT_PREFERENCES;
      await c.var.store.put({ Item: { ...key, entity: 'notification-prefs', digest: prefs.digest, email: { ...prefs.email, [kind]: false }, updatedAt: at } });
      return c.html(
        page(
          `<h1 role="status">Đã hủy nhận thư báo ngay: ${esc(kindLabels[kind].vi)}</h1><p lang="en">You will no longer receive immediate e-mails of: ${esc(kindLabels[kind].en)}.</p><p>Bật lại trong trang Cài đặt thông báo / Turn it back on in the notification settings.</p>`,
        ),
      );
    }
    await c.var.store.update({
      Key: key,
      UpdateExpression: 'SET digest = :off, entity = :entity, updatedAt = :at, email = if_not_exists(email, :none)',
      ExpressionAttributeValues: { ':off': false, ':entity': 'notification-prefs', ':at': at, ':none': {} },
    });
    return c.html(
      page(
        '<h1 role="status">Đã hủy nhận thư tổng hợp</h1><p lang="en">You will no longer receive the daily digest.</p><p>Bật lại trong trang Cài đặt thông báo / Turn it back on in the notification settings.</p>',
      ),
    );
  });
