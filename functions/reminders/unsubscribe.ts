import { Hono, type Context } from 'hono';
import { reminderKeys, tenancyKeys } from '../../shared/keys.js';
import { unsubscribeSchema } from '../../shared/reminders/schema.js';
import { notFound } from '../auth/tenant-scope.js';
import type { AppEnv } from '../http/env.js';
import { validate } from '../http/validate.js';
import { tenantOfPrefix } from './notify.js';
import { readUnsubscribeToken, unsubscribeSecret } from './unsubscribe-token.js';

/**
 * /api/notifications/unsubscribe?token=… — the digest's one-click link, without signing in. GET
 * shows a confirmation page (mail scanners fetch links; a GET changes nothing); POST — the page's
 * button, or a mail client's RFC 8058 one-click — turns the digest off. A token that is forged,
 * expired or names no user answers the same 404.
 */

async function userOf(c: Context<AppEnv>, token: string) {
  const claims = readUnsubscribeToken(unsubscribeSecret(), token, c.var.deps.now());
  if (!claims) throw notFound();
  const tenant = tenantOfPrefix(claims.tenant);
  const user = await c.var.store.get({ Key: { PK: tenancyKeys.usersPartition(tenant).PK, SK: `USER#${claims.userId}` } });
  if (!user) throw notFound();
  return { tenant, userId: claims.userId };
}

const page = (body: string) =>
  `<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Phối Hợp — Hủy nhận thư</title></head><body style="font-family:sans-serif;max-width:36rem;margin:2rem auto;padding:0 1rem">${body}</body></html>`;

export const unsubscribeRoutes = new Hono<AppEnv>()
  .get('/', validate('query', unsubscribeSchema), async (c) => {
    const { token } = c.req.valid('query');
    await userOf(c, token);
    return c.html(
      page(`<h1>Hủy nhận thư tổng hợp hằng ngày</h1><p lang="en">Unsubscribe from the daily digest</p>
<form method="post" action="/api/notifications/unsubscribe?token=${encodeURIComponent(token)}"><button type="submit">Hủy nhận thư / Unsubscribe</button></form>`),
    );
  })
  .post('/', validate('query', unsubscribeSchema), async (c) => {
    const { tenant, userId } = await userOf(c, c.req.valid('query').token);
    const key = reminderKeys.notificationPrefs(tenant, userId);
    await c.var.store.update({
      Key: key,
      UpdateExpression: 'SET digest = :off, entity = :entity, updatedAt = :at, email = if_not_exists(email, :none)',
      ExpressionAttributeValues: { ':off': false, ':entity': 'notification-prefs', ':at': c.var.deps.now().toISOString(), ':none': {} },
    });
    return c.html(
      page(
        '<h1 role="status">Đã hủy nhận thư tổng hợp</h1><p lang="en">You will no longer receive the daily digest.</p><p>Bật lại trong trang Cài đặt thông báo / Turn it back on in the notification settings.</p>',
      ),
    );
  });
