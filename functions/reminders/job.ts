import { createHash } from 'node:crypto';
import { vietnamToday } from '../../shared/dates.js';
import { reminderKeys, type TenantRef } from '../../shared/keys.js';
import { CURRENT_LIST, provincesOf } from '../../shared/localities/index.js';
import { addDays, HORIZON_DAYS, stageOf, type NotificationKind, type Stage } from '../../shared/reminders/schema.js';
import type { MeteredStore } from '../store/metered-store.js';
import { isConditionFailure } from '../store/versioning.js';
import type { DueUnit } from './due-entries.js';
import { putNotification, type NewNotification } from './notify.js';
import { followersOf, unitRecipients, usersOf, type Recipient } from './recipients.js';

/**
 * The daily reminder job (07:00 Vietnam time). It reads the due index — one Query per current
 * province of `<prov>#P#DUE` for entries whose earliest date is at most a week ahead — and, per
 * tenant with something due, that tenant's users (one Query) and the followers of the records
 * concerned (one Query each). It never reads the records, nor a tenant with nothing due, so its
 * cost grows with what is due. Each reminder has a deterministic id (what, which date, which stage:
 * a week ahead, on the day, overdue) and is put only if absent: a re-run the same day — or the next
 * day, for a stage already told — creates nothing twice.
 */

export type JobReport = {
  today: string;
  entries: number;
  tenants: number;
  units: number;
  created: number;
  existing: number;
  /** What each user was newly told, for the digest. */
  perUser: Map<string, { recipient: Recipient; items: NewNotification[] }>;
};

type DueItem = {
  tenant: string;
  provinceCode: string;
  localityCode: string | null;
  ref: string;
  record: string;
  context: string;
  units: DueUnit[];
  /** An invitation: remind only while the item named here still has this status. */
  check?: { PK: string; SK: string; status: string };
};

/** Deterministic notification id: the same reminder on the same date and stage is the same item. */
export function reminderId(tenant: string, ref: string, unit: string, due: string, stage: Stage): string {
  return `r_${createHash('sha256').update(`${tenant}|${ref}|${unit}|${due}|${stage}`).digest('base64url').slice(0, 24)}`;
}

/** Follow targets of a due entry: its record (agreement or plan). */
function followTarget(entry: DueItem): string | null {
  if (entry.ref.startsWith('AGR#')) return entry.ref;
  const plan = /^(?:REC|REPORT)#([^#]+)/.exec(entry.ref)?.[1];
  return plan ? `SUP#${plan}` : null;
}

export async function runReminders(opts: { store: MeteredStore; now: Date; provinces?: string[] }): Promise<JobReport> {
  const { store, now } = opts;
  const today = vietnamToday(now);
  const end = `${addDays(today, HORIZON_DAYS)}$`; // '$' sorts after '#': every entry dated up to the horizon
  const report: JobReport = { today, entries: 0, tenants: 0, units: 0, created: 0, existing: 0, perUser: new Map() };
  const provinces = opts.provinces ?? provincesOf[CURRENT_LIST].map((p) => p.code);

  const byTenant = new Map<string, DueItem[]>();
  for (const provinceCode of provinces) {
    const items = await store.queryAll({
      IndexName: 'GSI1',
      KeyConditionExpression: 'GSI1PK = :pk AND GSI1SK < :end',
      ExpressionAttributeValues: { ':pk': reminderKeys.dueOfProvince(provinceCode).GSI1PK, ':end': end },
    });
    for (const item of items as unknown as DueItem[]) {
      report.entries += 1;
      const list = byTenant.get(item.tenant) ?? [];
      list.push(item);
      byTenant.set(item.tenant, list);
    }
  }

  for (const [prefix, entries] of byTenant) {
    report.tenants += 1;
    const first = entries[0]!;
    const tenant: TenantRef = { provinceCode: first.provinceCode, localityCode: first.localityCode };
    const users = await usersOf(store, tenant);
    // Province staff who follow this locality hear about everything due in it.
    const province: TenantRef = { provinceCode: tenant.provinceCode, localityCode: null };
    const localityFollowers = tenant.localityCode ? await followersOf(store, province, `LOC#${tenant.localityCode}`) : [];

    for (const entry of entries) {
      if (entry.check) {
        const current = await store.get({
          Key: { PK: entry.check.PK, SK: entry.check.SK },
          ProjectionExpression: '#s',
          ExpressionAttributeNames: { '#s': 'status' },
        });
        if (current?.status !== entry.check.status) continue;
      }
      const target = followTarget(entry);
      const recordFollowers = target ? await followersOf(store, tenant, target) : [];
      for (const unit of entry.units) {
        const stage = stageOf(unit.kind, unit.due, today);
        if (!stage) continue;
        report.units += 1;
        const recipients = new Map<string, Recipient>();
        for (const r of [...unitRecipients(unit, users), ...recordFollowers, ...localityFollowers]) recipients.set(`${r.tenant}|${r.userId}`, r);
        for (const r of recipients.values()) {
          const n: NewNotification = {
            id: reminderId(prefix, entry.ref, unit.u, unit.due, stage),
            kind: unit.kind as NotificationKind,
            stage,
            due: unit.due,
            label: unit.label,
            context: entry.context,
            link: unit.link,
          };
          try {
            await putNotification(store, r, n, now);
          } catch (err) {
            if (!isConditionFailure(err)) throw err;
            report.existing += 1;
            continue;
          }
          report.created += 1;
          const key = `${r.tenant}|${r.userId}`;
          const slot = report.perUser.get(key) ?? { recipient: r, items: [] };
          slot.items.push(n);
          report.perUser.set(key, slot);
        }
      }
    }
  }
  return report;
}
