import { createHash } from 'node:crypto';
import type { Context } from 'hono';
import { reminderKeys, supervisionKeys, tenantPrefix, type TenantRef } from '../../shared/keys.js';
import { DEFAULT_PREFERENCES, mailsKind, preferencesSchema, type NotificationKind } from '../../shared/reminders/schema.js';
import type { AppEnv } from '../http/env.js';
import { MeteredStore } from '../store/metered-store.js';
import { isConditionFailure } from '../store/versioning.js';
import { OWNER_AGENCIES, type DueUnit } from './due-entries.js';
import { putNotification, tenantOfPrefix } from './notify.js';
import { queueEventMail, sendNow, type OutboxRef } from './outbox.js';
import { followersOf, unitRecipients, usersOf, type Recipient } from './recipients.js';

/**
 * Notifications of events (signed, in force, amended, progress, review, recommendation answered or
 * resolved), written right AFTER the change's transaction rather than inside it: who is told is read
 * with Queries (followers, users of an agency) that a TransactWrite cannot hold, and a failure to
 * notify must not undo the change. The id is derived from the event (record, kind, version), so a
 * retried request tells nobody twice. Followers may be province staff (`<prov>#P#NOTIF#…`), outside
 * the acting tenant's IAM fence, so this writes with the function's own credentials — keys come only
 * from the verified tenant and the stored followers. The actor is not told of their own change.
 * A recipient who turned the event's kind on also gets a mail: queued in the outbox, sent right
 * here and, should SES fail, by the 5-minute sender (functions/reminders/outbox.ts).
 */
export type AppEvent = {
  kind: NotificationKind;
  /** `AGR#<id>` or `SUP#<planId>`: whose followers hear of it. */
  record: string;
  /** What makes this event unique within the record (a version, a period, a response id). */
  key: string;
  label: string;
  context: string;
  link: string;
  /** Also tell the users of these agencies (HDND, MTTQ, …). */
  agencies?: string[];
};

export async function notifyEvent(c: Context<AppEnv>, tenant: TenantRef, ev: AppEvent): Promise<number> {
  const { deps, identity } = c.var;
  const store = new MeteredStore(deps.doc, deps.tableName);
  try {
    const prefix = tenantPrefix(tenant);
    const told = new Map<string, Recipient>();
    const add = (list: Recipient[]) => {
      for (const r of list) if (r.userId !== identity.userId) told.set(`${r.tenant}|${r.userId}`, r);
    };
    add(await followersOf(store, tenant, ev.record));
    if (tenant.localityCode) add(await followersOf(store, { provinceCode: tenant.provinceCode, localityCode: null }, `LOC#${tenant.localityCode}`));
    if (ev.agencies?.length) {
      const users = await usersOf(store, tenant);
      const unit = { audience: 'agency', agencies: ev.agencies } as DueUnit;
      add(unitRecipients(unit, users));
    }
    const id = `e_${createHash('sha256').update(`${prefix}|${ev.record}|${ev.kind}|${ev.key}`).digest('base64url').slice(0, 24)}`;
    const n = { id, kind: ev.kind, stage: null, due: null, label: ev.label, context: ev.context, link: ev.link };
    const now = deps.now();
    let created = 0;
    const mails: OutboxRef[] = [];
    for (const r of told.values()) {
      try {
        await putNotification(store, r, n, now);
        created += 1;
      } catch (err) {
        if (!isConditionFailure(err)) throw err;
      }
      // Those who turned this kind on get a mail at once (queued once per event and user).
      if (await wantsMail(store, r, ev.kind)) {
        const ref = await queueEventMail(store, r, n, now);
        if (ref) mails.push(ref);
      }
    }
    await sendNow(store, mails, deps.mail, now);
    return created;
  } catch (err) {
    console.error(JSON.stringify({ msg: 'event notification failed', kind: ev.kind, error: (err as Error).name }));
    return 0;
  }
}

/** The agencies of a plan's owner body (who hears that a recommendation was answered or resolved). */
export async function planOwnerAgencies(c: Context<AppEnv>, tenant: TenantRef, planId: string): Promise<{ agencies: string[]; topic: string }> {
  const plan = await c.var.store.get({
    Key: supervisionKeys.plan(tenant, planId),
    ProjectionExpression: '#o, topic',
    ExpressionAttributeNames: { '#o': 'owner' },
  });
  const body = (plan?.owner as { body?: string } | undefined)?.body ?? '';
  return { agencies: OWNER_AGENCIES[body] ?? [], topic: String(plan?.topic ?? '') };
}

/** True when the recipient turned on immediate mails of this kind (one GetItem of their preferences). */
async function wantsMail(store: MeteredStore, r: Recipient, kind: NotificationKind): Promise<boolean> {
  const stored = await store.get({ Key: reminderKeys.notificationPrefs(tenantOfPrefix(r.tenant), r.userId) });
  if (!stored) return false;
  const parsed = preferencesSchema.safeParse({ digest: stored.digest, email: stored.email });
  return mailsKind(parsed.success ? parsed.data : DEFAULT_PREFERENCES, kind);
}
