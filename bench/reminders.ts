import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { headerItem } from '../functions/agreements/records.js';
import { runReminders } from '../functions/reminders/job.js';
import { dueItemsOf } from '../functions/reminders/seed-due.js';
import { MeteredStore } from '../functions/store/metered-store.js';
import { agreementContentSchema } from '../shared/agreements/schema.js';
import { newId } from '../shared/ids.js';
import { keys, tenantPrefix, type TenantRef } from '../shared/keys.js';
import { CURRENT_LIST, provincesOf } from '../shared/localities/index.js';

/**
 * `--case reminders`: the daily job over 3,000 current commune-level tenants (across the 34
 * provinces), 2 % of them with a signed program whose 10 items fall due this week. Every tenant has a
 * signed program (its header carries the item index); only the due ones have due-index entries. The
 * job's DynamoDB requests and items read are measured three times — 1,000 tenants, 3,000 tenants with
 * the same due ones, and 3,000 tenants with twice as many due — against the naive way, one Query of
 * every tenant's agreement list (what a job without the due index would have to read).
 */
export type RemindersBench = {
  doc: DynamoDBDocumentClient;
  tableName: string;
  now: Date;
  batchPut: (items: Record<string, unknown>[]) => Promise<void>;
  check: (kase: string, name: string, ok: boolean, detail: string) => void;
  log: (s: string) => void;
  tenants: number;
  dueShare: number;
  itemsPerProgram: number;
};

const parties = [
  { agency: 'HDND', name: 'Thường trực Hội đồng nhân dân' },
  { agency: 'UBND', name: 'Ủy ban nhân dân' },
  { agency: 'MTTQ', name: 'Ủy ban Mặt trận Tổ quốc Việt Nam' },
];

function communes(count: number): TenantRef[] {
  const out: TenantRef[] = [];
  const provinces = provincesOf[CURRENT_LIST].map((p) => p.localities.filter((u) => u.level === 'commune'));
  // Round-robin over the provinces, so every due-list partition gets its share.
  for (let i = 0; out.length < count && i < 400; i++) {
    for (const units of provinces) {
      const u = units[i];
      if (u && out.length < count) out.push({ provinceCode: u.provinceCode, localityCode: u.code });
    }
  }
  return out;
}

/** One signed program per tenant; `due`: its items fall due between today and a week ahead (else in December). */
function tenantRecords(t: TenantRef, items: number, now: Date, due: boolean): Record<string, unknown>[] {
  const day = (d: number) => new Date(now.getTime() + d * 86_400_000).toISOString().slice(0, 10);
  const content = agreementContentSchema.parse({
    kind: 'program',
    number: '01/CTrPH',
    title: 'Phối hợp công tác năm 2026',
    year: 2026,
    parties,
    items: Array.from({ length: items }, (_, k) => ({
      title: `Nội dung ${k + 1}`,
      lead: parties[k % 3],
      due: { kind: 'date', on: due ? day(k % 8) : '2026-12-20' },
      status: 'in_progress',
    })),
  });
  const at = now.toISOString();
  const header = headerItem(t, newId(now), content, {
    status: 'in_force',
    revision: 1,
    amends: null,
    amendmentReason: '',
    amendedBy: null,
    supersededBy: null,
    signedOn: '2026-01-15',
    effectiveFrom: '2026-01-15',
    effectiveTo: null,
    version: 2,
    createdAt: at,
    updatedAt: at,
    createdBy: 'bench',
  });
  // Reviews recorded, so the only due units are the items (the job's load is what the brief sets).
  header.reviewPeriods = new Set(['2026-H1', '2026-Y']);
  const user = {
    ...keys.user(t, `bench-${tenantPrefix(t).replace('#', '-')}`),
    entity: 'user',
    userId: `bench-${tenantPrefix(t).replace('#', '-')}`,
    email: `ubnd.${t.localityCode}@bench.vn`,
    role: 'locality_editor',
    agency: 'UBND',
    status: 'active',
  };
  return due ? [header, ...dueItemsOf([header]), user] : [header, user];
}

export async function remindersCase(b: RemindersBench) {
  const all = communes(b.tenants);
  const dueCount = Math.round(b.tenants * b.dueShare);
  // Due tenants are spread evenly over the list; the first third of tenants holds all of them.
  const third = Math.floor(all.length / 3);
  const step = Math.max(1, Math.floor(third / dueCount));
  const dueSet = new Set(Array.from({ length: dueCount }, (_, i) => i * step));
  const write = async (from: number, to: number, isDue: (i: number) => boolean) => {
    const items: Record<string, unknown>[] = [];
    for (let i = from; i < to; i++) items.push(...tenantRecords(all[i]!, b.itemsPerProgram, b.now, isDue(i)));
    await b.batchPut(items);
  };
  const job = async (label: string) => {
    const store = new MeteredStore(b.doc, b.tableName);
    const started = performance.now();
    const report = await runReminders({ store, now: b.now });
    const ms = Math.round(performance.now() - started);
    const reads = store.metrics.requests - report.created - report.existing;
    b.log(
      `  job (${label}): ${store.metrics.requests} requests (${reads} reads, ${report.created + report.existing} puts), ${store.metrics.itemsRead} items read, ${ms} ms`,
    );
    return {
      label,
      requests: store.metrics.requests,
      readRequests: reads,
      puts: report.created + report.existing,
      itemsRead: store.metrics.itemsRead,
      ms,
      ...pick(report),
    };
  };
  const naive = async (tenants: TenantRef[]) => {
    const store = new MeteredStore(b.doc, b.tableName);
    const started = performance.now();
    for (const t of tenants) {
      await store.queryAll({ IndexName: 'GSI1', KeyConditionExpression: 'GSI1PK = :pk', ExpressionAttributeValues: { ':pk': keys.agreementList(t).GSI1PK } });
    }
    return { requests: store.metrics.requests, itemsRead: store.metrics.itemsRead, ms: Math.round(performance.now() - started) };
  };

  b.log(`reminders: ${all.length} tenants, ${dueCount} with ${b.itemsPerProgram} items due this week`);
  await write(0, third, (i) => dueSet.has(i));
  const small = await job(`${third} tenants, ${dueCount} due`);
  await write(third, all.length, () => false);
  const full = await job(`${all.length} tenants, ${dueCount} due`);
  const rerun = await job('same day again');
  // Twice as many due tenants: mark the next `dueCount` tenants of the second third as due.
  const more: Record<string, unknown>[] = [];
  for (let i = 0; i < dueCount; i++) more.push(...tenantRecords(all[third + i * step]!, b.itemsPerProgram, b.now, true));
  await b.batchPut(more);
  const doubled = await job(`${all.length} tenants, ${2 * dueCount} due`);
  const naiveAll = await naive(all);
  b.log(`  naive: one Query of every tenant's agreement list: ${naiveAll.requests} requests, ${naiveAll.itemsRead} items read, ${naiveAll.ms} ms`);

  const provinces = provincesOf[CURRENT_LIST].length;
  b.check(
    'reminders',
    'job cost does not grow with tenants',
    full.requests === small.requests && full.itemsRead === small.itemsRead,
    `${small.requests} → ${full.requests} requests`,
  );
  b.check(
    'reminders',
    'job reads = provinces + per due tenant (users, locality followers) + per due record (followers)',
    full.readRequests === provinces + 3 * dueCount,
    `${full.readRequests} = ${provinces} + 3 × ${dueCount}`,
  );
  b.check(
    'reminders',
    'twice the due tenants ≈ twice the reads beyond the province Queries',
    doubled.readRequests - provinces === 2 * (full.readRequests - provinces),
    `${doubled.readRequests}`,
  );
  b.check('reminders', 'a re-run the same day creates nothing', rerun.created === 0, `${rerun.existing} already there`);
  return { tenants: all.length, dueTenants: dueCount, itemsPerProgram: b.itemsPerProgram, runs: [small, full, rerun, doubled], naive: naiveAll };
}

function pick(r: { entries: number; tenants: number; units: number; created: number; existing: number }) {
  return { entries: r.entries, dueTenants: r.tenants, units: r.units, created: r.created, existing: r.existing };
}
