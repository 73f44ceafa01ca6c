import { vietnamToday } from '../../shared/dates.js';
import { reminderKeys } from '../../shared/keys.js';
import { DEFAULT_PREFERENCES, mailsKind, preferencesSchema } from '../../shared/reminders/schema.js';
import type { MeteredStore } from '../store/metered-store.js';
import { isConditionFailure } from '../store/versioning.js';
import { digestMail } from './digest.js';
import { runReminders, type JobReport } from './job.js';
import { sendMail, type MailConfig } from './mailer.js';
import { tenantOfPrefix } from './notify.js';
import { unsubscribeToken } from './unsubscribe-token.js';

export type MailSettings = { config: MailConfig; appUrl: string; secret: string };

/**
 * The daily run: reminders, then at most one digest per user per day with what that user was newly
 * told and wants by mail. The day's `DIGEST#<day>` marker is put (only if absent) before sending, so a
 * retried run never mails twice (at most once: a failed send is logged, not retried).
 */
export async function runDaily(opts: { store: MeteredStore; now: Date; mail: MailSettings | null; provinces?: string[] }) {
  const report = await runReminders(opts);
  const digests = opts.mail ? await sendDigests(opts.store, report, opts.now, opts.mail) : { sent: 0, skipped: 0, failed: 0 };
  return { report, digests };
}

export async function sendDigests(store: MeteredStore, report: JobReport, now: Date, mail: MailSettings) {
  const day = vietnamToday(now);
  const out = { sent: 0, skipped: 0, failed: 0 };
  for (const { recipient, items } of report.perUser.values()) {
    const t = tenantOfPrefix(recipient.tenant);
    const stored = await store.get({ Key: reminderKeys.notificationPrefs(t, recipient.userId) });
    const parsed = preferencesSchema.safeParse({ digest: stored?.digest, email: stored?.email });
    const prefs = parsed.success ? parsed.data : DEFAULT_PREFERENCES;
    const wanted = items.filter((i) => mailsKind(prefs, i.kind));
    if (wanted.length === 0 || !recipient.email) {
      out.skipped += 1;
      continue;
    }
    try {
      await store.put({
        Item: {
          ...reminderKeys.digest(t, recipient.userId, day),
          entity: 'digest',
          count: wanted.length,
          at: now.toISOString(),
          expiresAt: Math.floor(now.getTime() / 1000) + 35 * 86400,
        },
        ConditionExpression: 'attribute_not_exists(PK)',
      });
    } catch (err) {
      if (!isConditionFailure(err)) throw err;
      out.skipped += 1;
      continue;
    }
    const token = unsubscribeToken(mail.secret, recipient.tenant, recipient.userId, now);
    const unsubscribeUrl = `${mail.appUrl}/api/notifications/unsubscribe?token=${token}`;
    const content = digestMail({ day, items: wanted, appUrl: mail.appUrl, unsubscribeUrl, ...(recipient.name ? { name: recipient.name } : {}) });
    try {
      await sendMail(mail.config, { to: recipient.email, ...content, unsubscribeUrl });
      out.sent += 1;
    } catch (err) {
      out.failed += 1;
      console.error(JSON.stringify({ msg: 'digest not sent', tenant: recipient.tenant, error: (err as Error).name }));
    }
  }
  return out;
}
