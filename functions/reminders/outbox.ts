import { keys, mailKeys, type TenantRef } from '../../shared/keys.js';
import type { EventKind, NotificationKind } from '../../shared/reminders/schema.js';
import type { MeteredStore } from '../store/metered-store.js';
import { isConditionFailure } from '../store/versioning.js';
import type { MailSettings } from './daily.js';
import { eventMail, signUpDecisionMail } from './event-mail.js';
import { sendMail, type Mail } from './mailer.js';
import { tenantOfPrefix, type NewNotification } from './notify.js';
import { unsubscribeToken } from './unsubscribe-token.js';

/**
 * The mail outbox: a mail that must go out is first an item (`state: pending`, listed in the sparse
 * GSI1 partition `MAIL#PENDING`), then a sender claims it with a conditional update
 * (pending → sending), calls SES and marks it `sent`, taking it out of the index. So:
 * - a mail is never lost once its item is written: if SES answers an error, the item goes back to
 *   `pending` and the next run (after the commit, then every 5 minutes) tries again, up to
 *   MAX_ATTEMPTS; then it is `failed` and the run reports it (alarm);
 * - it is never sent twice: only the sender whose claim succeeded sends, and an item that stays
 *   `sending` (the process died between the claim and the answer — SES may or may not have sent it)
 *   is NOT retried: after STUCK_AFTER_MS the run marks it `unknown` and reports it. We prefer a mail
 *   lost in that rare case to a mail sent twice.
 * The sender reads only the pending partition, the items it sends and what they name (a tenant
 * profile, a user): its cost follows the mail, never the table.
 */
export const MAX_ATTEMPTS = 12;
export const STUCK_AFTER_MS = 15 * 60_000;
/** Sent items stay 90 days (what was mailed, when), then leave by TTL. */
const KEEP_DAYS = 90;

export type OutboxRef = { PK: string; SK: string };

function outboxItem(ref: OutboxRef, now: Date, body: Record<string, unknown>) {
  const at = now.toISOString();
  return {
    ...ref,
    ...mailKeys.pending(),
    GSI1SK: `${at}#${ref.PK}#${ref.SK}`,
    entity: 'mail',
    state: 'pending',
    attempts: 0,
    createdAt: at,
    expiresAt: Math.floor(now.getTime() / 1000) + KEEP_DAYS * 86400,
    ...body,
  };
}

/**
 * The applicant's mail of a sign-up decision, as a transaction item of the decision itself: written
 * with the decision or not at all. It holds only what points at the decision; the sender composes
 * the mail from the tenant profile, so the address is always the sign-up's contact address.
 */
export function signUpDecisionOutbox(opts: { provinceCode: string; localityCode: string; version: number; now: Date; invitationExpiresAt?: string }) {
  const ref = mailKeys.signUpDecision(opts.provinceCode, opts.localityCode, opts.version);
  return {
    ref,
    put: {
      Put: {
        Item: outboxItem(ref, opts.now, {
          kind: 'signup-decided',
          provinceCode: opts.provinceCode,
          localityCode: opts.localityCode,
          version: opts.version,
          ...(opts.invitationExpiresAt ? { invitationExpiresAt: opts.invitationExpiresAt } : {}),
        }),
        ConditionExpression: 'attribute_not_exists(PK)',
      },
    },
  };
}

/**
 * Queues a user's immediate mail of an event. The key is (user, notification id) and the put is
 * conditional, so one event mails one user at most once, however often its fan-out runs. Returns
 * the ref when it was queued now, null when it already was.
 */
export async function queueEventMail(store: MeteredStore, r: { tenant: string; userId: string }, n: NewNotification, now: Date): Promise<OutboxRef | null> {
  const ref = mailKeys.event(tenantOfPrefix(r.tenant), r.userId, n.id);
  try {
    await store.put({
      Item: outboxItem(ref, now, { kind: n.kind, tenant: r.tenant, userId: r.userId, label: n.label, context: n.context, link: n.link }),
      ConditionExpression: 'attribute_not_exists(PK)',
    });
    return ref;
  } catch (err) {
    if (isConditionFailure(err)) return null;
    throw err;
  }
}

export type SendOutcome = 'sent' | 'retry' | 'failed' | 'dropped' | 'taken';

/** Sends one outbox item if it is still pending (see the module comment for the states). */
export async function sendOutboxItem(store: MeteredStore, ref: OutboxRef, mail: MailSettings, now: Date): Promise<SendOutcome> {
  let item: Record<string, unknown>;
  try {
    const out = await store.update({
      Key: ref,
      UpdateExpression: 'SET #s = :sending, claimedAt = :now, attempts = attempts + :one',
      ConditionExpression: '#s = :pending',
      ExpressionAttributeNames: { '#s': 'state' },
      ExpressionAttributeValues: { ':sending': 'sending', ':pending': 'pending', ':now': now.toISOString(), ':one': 1 },
      ReturnValues: 'ALL_NEW',
    });
    item = out.Attributes ?? {};
  } catch (err) {
    if (isConditionFailure(err)) return 'taken';
    throw err;
  }
  const content = await compose(store, item, mail, now);
  if (!content) {
    await settle(store, ref, 'dropped', now);
    return 'dropped';
  }
  try {
    const messageId = await sendMail(mail.config, content);
    await settle(store, ref, 'sent', now, { messageId: messageId ?? '' });
    return 'sent';
  } catch (err) {
    const error = (err as Error).name || 'Error';
    const attempts = Number(item.attempts ?? 1);
    if (attempts >= MAX_ATTEMPTS) {
      console.error(JSON.stringify({ msg: 'mail given up', ref: ref.SK.slice(0, 40), attempts, error }));
      await settle(store, ref, 'failed', now, { lastError: error });
      return 'failed';
    }
    console.warn(JSON.stringify({ msg: 'mail not sent, will retry', attempts, error }));
    await store.update({
      Key: ref,
      UpdateExpression: 'SET #s = :pending, lastError = :error',
      ConditionExpression: '#s = :sending',
      ExpressionAttributeNames: { '#s': 'state' },
      ExpressionAttributeValues: { ':pending': 'pending', ':sending': 'sending', ':error': error },
    });
    return 'retry';
  }
}

/** Leaves the pending index for good: sent, dropped (nothing to send any more), failed or unknown. */
function settle(store: MeteredStore, ref: OutboxRef, state: 'sent' | 'dropped' | 'failed' | 'unknown', now: Date, extra: Record<string, string> = {}) {
  const names = Object.keys(extra);
  return store.update({
    Key: ref,
    UpdateExpression: `SET #s = :state, settledAt = :now${names.map((n) => `, ${n} = :${n}`).join('')} REMOVE GSI1PK, GSI1SK`,
    ConditionExpression: '#s = :sending',
    ExpressionAttributeNames: { '#s': 'state' },
    ExpressionAttributeValues: {
      ':state': state,
      ':now': now.toISOString(),
      ':sending': 'sending',
      ...Object.fromEntries(names.map((n) => [`:${n}`, extra[n]])),
    },
  });
}

/** The mail of an outbox item, from the records it names; null when there is nobody to send it to. */
async function compose(store: MeteredStore, item: Record<string, unknown>, mail: MailSettings, now: Date): Promise<Mail | null> {
  if (item.kind === 'signup-decided') {
    const tenant: TenantRef = { provinceCode: String(item.provinceCode), localityCode: String(item.localityCode) };
    const k = keys.tenant(tenant);
    const profile = await store.get({ Key: { PK: k.PK, SK: k.SK } });
    // The decision it was queued for must still be the profile's (a later sign-up counts on).
    if (!profile || profile.version !== item.version || !['active', 'rejected'].includes(String(profile.status))) return null;
    const to = String(profile.contactEmail ?? '');
    if (!to) return null;
    const content = signUpDecisionMail(
      {
        decision: profile.status === 'active' ? 'approve' : 'reject',
        unitName: String(profile.name ?? ''),
        provinceName: String(profile.provinceName ?? ''),
        ...(typeof profile.contactName === 'string' ? { contactName: profile.contactName } : {}),
        decidedAt: String(profile.decidedAt ?? now.toISOString()),
        ...(typeof profile.rejectionReason === 'string' ? { reason: profile.rejectionReason } : {}),
        ...(typeof item.invitationExpiresAt === 'string' ? { invitationExpiresAt: item.invitationExpiresAt } : {}),
      },
      mail.appUrl,
    );
    return { to, ...content };
  }
  // An event: the address is read from the user's record now (not from the follow item), and a
  // user disabled since gets nothing.
  const tenant = tenantOfPrefix(String(item.tenant));
  const userId = String(item.userId);
  const user = await store.get({ Key: keys.user(tenant, userId) });
  if (!user || user.status === 'disabled' || typeof user.email !== 'string' || !user.email) return null;
  const kind = item.kind as EventKind;
  const token = unsubscribeToken(mail.secret, String(item.tenant), userId, now, kind);
  const unsubscribeUrl = `${mail.appUrl}/api/notifications/unsubscribe?token=${token}`;
  const content = eventMail({
    kind: kind as NotificationKind,
    label: String(item.label ?? ''),
    context: String(item.context ?? ''),
    link: String(item.link ?? '/'),
    appUrl: mail.appUrl,
    unsubscribeUrl,
    ...(typeof user.name === 'string' ? { name: user.name } : {}),
  });
  return { to: user.email, ...content, unsubscribeUrl };
}

/**
 * Sends what is queued right after the commit that queued it. Never throws: the request has
 * succeeded, and whatever is not sent now stays pending for the scheduled run.
 */
export async function sendNow(store: MeteredStore, refs: OutboxRef[], mail: MailSettings | null | undefined, now: Date): Promise<void> {
  if (!mail) return;
  for (const ref of refs) {
    try {
      await sendOutboxItem(store, ref, mail, now);
    } catch (err) {
      console.error(JSON.stringify({ msg: 'mail send after commit failed; left for the scheduled run', error: (err as Error).name }));
    }
  }
}

export type DrainReport = { pending: number; sent: number; retry: number; failed: number; dropped: number; unknown: number };

/** The scheduled run: one Query of the pending partition (oldest first), each item sent at most once. */
export async function drainOutbox(store: MeteredStore, mail: MailSettings, now: Date, limit = 200): Promise<DrainReport> {
  const out: DrainReport = { pending: 0, sent: 0, retry: 0, failed: 0, dropped: 0, unknown: 0 };
  const { items } = await store.query({
    IndexName: 'GSI1',
    KeyConditionExpression: 'GSI1PK = :pk',
    ExpressionAttributeValues: { ':pk': mailKeys.pending().GSI1PK },
    Limit: limit,
  });
  out.pending = items.length;
  for (const item of items) {
    const ref = { PK: String(item.PK), SK: String(item.SK) };
    if (item.state === 'sending') {
      if (now.getTime() - Date.parse(String(item.claimedAt)) < STUCK_AFTER_MS) continue;
      try {
        await settle(store, ref, 'unknown', now);
        out.unknown += 1;
        console.error(JSON.stringify({ msg: 'mail state unknown (not resent)', ref: ref.SK.slice(0, 40) }));
      } catch (err) {
        if (!isConditionFailure(err)) throw err;
      }
      continue;
    }
    const outcome = await sendOutboxItem(store, ref, mail, now);
    if (outcome !== 'taken') out[outcome] += 1;
  }
  return out;
}
