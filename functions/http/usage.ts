import { TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Context } from 'hono';
import { tenantPrefix, usageKeys } from '../../shared/keys.js';
import type { UsageCounter, UsageCounts, UsageEntry } from '../../shared/usage/schema.js';
import type { AppEnv } from './env.js';

/** The archive's completion route: its 201 answer names the stored version (and its size). */
export const ARCHIVE_COMPLETE_ROUTE = '/api/archive/uploads/:uploadId/complete';

/**
 * What one answered request adds to its tenant's usage item. Archive bytes are read from the
 * completion's public answer (the document with its versions, `size` in bytes), so the archive's
 * write path stays untouched: the newest version is the one just stored; a document with a single
 * version is a new document.
 */
export async function usageOf(c: Context<AppEnv>, routePath: string): Promise<UsageCounts> {
  const m = c.var.store.metrics;
  const counts: UsageCounts = { requests: 1, rcu: m.readCapacity, wcu: m.writeCapacity };
  if (c.res.status >= 400) counts.errors = 1;
  if (routePath === ARCHIVE_COMPLETE_ROUTE && c.res.status === 201) {
    try {
      const body = (await c.res.clone().json()) as { versions?: { n?: number; size?: number }[] };
      const versions = body.versions ?? [];
      const newest = versions.reduce<{ n?: number; size?: number } | undefined>((a, v) => (!a || (v.n ?? 0) > (a.n ?? 0) ? v : a), undefined);
      if (newest && typeof newest.size === 'number') {
        counts.archiveBytes = newest.size;
        counts.archiveVersions = 1;
        if (versions.length === 1) counts.archiveDocuments = 1;
      }
    } catch {
      // Not the expected answer: the request still counts; bytes are simply not attributed.
    }
  }
  return counts;
}

/** Where answered requests' usage goes; the Lambda entry and the local server pick one (AppDeps.usage). */
export interface UsageSink {
  add(entry: UsageEntry): void;
  /** Writes what is held now (the local buffer); nothing to do where the log is the record. */
  flush(): Promise<void>;
}

/** The `msg` of the log line that carries one request's usage (the subscription filter's term). */
export const USAGE_LOG_MSG = 'tenant_usage';

/**
 * On Lambda: one JSON log line per request and nothing else on the request path. A CloudWatch
 * Logs subscription hands these lines to the usage function (functions/usage/logs-lambda.ts),
 * which adds them up per tenant and month with `writeUsage`: the answer never waits for a write.
 */
export const logUsageSink: UsageSink = {
  add(entry) {
    console.log(JSON.stringify({ level: 'info', msg: USAGE_LOG_MSG, ...entry }));
  },
  flush: async () => {},
};

/**
 * In a long-lived Node process (the local server, tests): entries add up in memory and are written
 * with `writeUsage` every `flushMs` (0: only on `flush()`), so a burst of calls costs one write per
 * tenant instead of one per call, as the log path does on AWS.
 */
export class BufferedUsageSink implements UsageSink {
  private held: UsageEntry[] = [];
  private timer: ReturnType<typeof setInterval> | undefined;
  private writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly tableName: string,
    opts: { flushMs: number },
  ) {
    if (opts.flushMs > 0) {
      this.timer = setInterval(() => void this.flush().catch(reportUnwritten), opts.flushMs);
      this.timer.unref();
    }
  }

  add(entry: UsageEntry): void {
    this.held.push(entry);
  }

  /** Writes one after another: two flushes never add the same entries twice. */
  flush(): Promise<void> {
    const next = this.writing.then(async () => {
      const entries = this.held;
      this.held = [];
      if (entries.length) await writeUsage(this.doc, this.tableName, entries, { at: new Date() });
    });
    this.writing = next.catch(() => {});
    return next;
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    await this.flush();
  }
}

function reportUnwritten(err: unknown) {
  console.error(JSON.stringify({ level: 'error', msg: 'usage not recorded', error: String(err) }));
}

/** TransactWriteItems takes at most 100 actions. */
const MAX_ACTIONS = 100;

/**
 * Adds entries to their `USAGE#<yyyy-mm>` / `<tenant prefix>` items: summed per item first, then
 * one UpdateItem ADD per item, up to 100 in one transaction. With `token` (the log batch's id) a
 * batch delivered twice within 10 minutes is added once (DynamoDB's ClientRequestToken; the request
 * must then be the same to the letter, so `at`, stored as `updatedAt`, comes from the batch too). Written
 * with the function's own client: the keys are outside every tenant's IAM fence, and usage is the
 * platform's bookkeeping, not the tenant's record.
 */
export async function writeUsage(doc: DynamoDBDocumentClient, tableName: string, entries: UsageEntry[], opts: { at: Date; token?: string }): Promise<void> {
  const items = [...sumPerItem(entries).values()];
  for (let i = 0; i < items.length; i += MAX_ACTIONS) {
    const chunk = items.slice(i, i + MAX_ACTIONS);
    await doc.send(
      new TransactWriteCommand({
        TransactItems: chunk.map((item) => ({ Update: { TableName: tableName, ...addExpression(item, opts.at) } })),
        ClientRequestToken: opts.token && (i === 0 ? opts.token : `${opts.token.slice(0, 30)}-${i / MAX_ACTIONS}`),
      }),
    );
  }
}

function sumPerItem(entries: UsageEntry[]): Map<string, UsageEntry> {
  const items = new Map<string, UsageEntry>();
  for (const e of entries) {
    const key = `${e.month}|${tenantPrefix(e)}`;
    const item = items.get(key) ?? { month: e.month, provinceCode: e.provinceCode, localityCode: e.localityCode, counts: {} };
    for (const [name, n] of Object.entries(e.counts) as [UsageCounter, number | undefined][]) {
      if (n) item.counts[name] = (item.counts[name] ?? 0) + n;
    }
    items.set(key, item);
  }
  return items;
}

function addExpression(item: UsageEntry, at: Date) {
  const tenant = { provinceCode: item.provinceCode, localityCode: item.localityCode };
  const names: Record<string, string> = { '#p': 'provinceCode', '#l': 'localityCode', '#u': 'updatedAt' };
  const values: Record<string, unknown> = { ':p': item.provinceCode, ':l': item.localityCode, ':u': at.toISOString() };
  const adds: string[] = [];
  for (const [k, v] of Object.entries(item.counts)) {
    if (!v) continue;
    names[`#${k}`] = k;
    values[`:${k}`] = Math.round(v * 1000) / 1000;
    adds.push(`#${k} :${k}`);
  }
  return {
    Key: usageKeys.item(item.month, tenant),
    UpdateExpression: `SET #p = :p, #l = :l, #u = :u ADD ${adds.join(', ')}`,
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: values,
  };
}
