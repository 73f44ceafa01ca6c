import { newId } from '../../shared/ids.js';
import { PROVINCE_SCOPE, reminderKeys, type TenantRef } from '../../shared/keys.js';
import type { Notification, NotificationKind, Stage } from '../../shared/reminders/schema.js';
import type { MeteredStore } from '../store/metered-store.js';
import type { Recipient } from './recipients.js';

/** What a new notification says; where it goes and when are added on write. */
export type NewNotification = {
  id: string;
  kind: NotificationKind;
  stage: Stage | null;
  due: string | null;
  label: string;
  context: string;
  link: string;
};

/** `01#00103` → the tenant (the prefix of a stored recipient). */
export function tenantOfPrefix(prefix: string): TenantRef {
  const [provinceCode, locality] = prefix.split('#');
  return { provinceCode: provinceCode!, localityCode: locality === PROVINCE_SCOPE ? null : locality! };
}

/** The notification item: the table key is its id (a re-run finds it), GSI1 lists newest first, GSI2 holds it while unread. */
export function notificationItem(r: Pick<Recipient, 'tenant' | 'userId'>, n: NewNotification, now: Date) {
  const t = tenantOfPrefix(r.tenant);
  const at = now.toISOString();
  const sort = `${at}#${n.id}`;
  return {
    ...reminderKeys.notification(t, r.userId, n.id),
    ...reminderKeys.notificationList(t, r.userId),
    GSI1SK: sort,
    ...reminderKeys.notificationUnread(t, r.userId),
    GSI2SK: sort,
    entity: 'notification',
    ...n,
    at,
    read: false,
    // Kept for 400 days: a year of reminders stays on the page, older ones leave by TTL.
    expiresAt: Math.floor(now.getTime() / 1000) + 400 * 86400,
  };
}

/** Puts a notification unless that id exists (ConditionalCheckFailed: told already). */
export function putNotification(store: MeteredStore, r: Pick<Recipient, 'tenant' | 'userId'>, n: NewNotification, now: Date) {
  return store.put({ Item: notificationItem(r, n, now), ConditionExpression: 'attribute_not_exists(PK)' });
}

/** A fresh id for an event notification (time-ordered). */
export const eventId = (now: Date) => `e_${newId(now)}`;

export function notificationView(item: Record<string, unknown>): Notification {
  return {
    id: String(item.id),
    kind: item.kind as NotificationKind,
    stage: (item.stage as Stage | null) ?? null,
    at: String(item.at),
    due: (item.due as string | null) ?? null,
    label: String(item.label ?? ''),
    context: String(item.context ?? ''),
    link: String(item.link ?? '/'),
    read: item.read === true,
  };
}
