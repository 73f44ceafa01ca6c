import { UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Context } from 'hono';
import { vietnamMonth } from '../../shared/dates.js';
import type { TenantRef } from '../../shared/keys.js';
import { usageKeys } from '../../shared/keys.js';
import type { UsageCounts } from '../../shared/usage/schema.js';
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

/**
 * One UpdateItem ADD on `USAGE#<yyyy-mm>` / `<tenant prefix>`, with the function's own client:
 * the key is outside every tenant's IAM fence (a viewer's session could not write at all), and
 * usage is the platform's bookkeeping, not the tenant's record.
 */
export async function recordUsage(doc: DynamoDBDocumentClient, tableName: string, tenant: TenantRef, at: Date, counts: UsageCounts) {
  const month = vietnamMonth(at);
  const names: Record<string, string> = { '#p': 'provinceCode', '#l': 'localityCode', '#u': 'updatedAt' };
  const values: Record<string, unknown> = { ':p': tenant.provinceCode, ':l': tenant.localityCode, ':u': at.toISOString() };
  const adds: string[] = [];
  for (const [k, v] of Object.entries(counts)) {
    if (!v) continue;
    names[`#${k}`] = k;
    values[`:${k}`] = Math.round(v * 1000) / 1000;
    adds.push(`#${k} :${k}`);
  }
  await doc.send(
    new UpdateCommand({
      TableName: tableName,
      Key: usageKeys.item(month, tenant),
      UpdateExpression: `SET #p = :p, #l = :l, #u = :u ADD ${adds.join(', ')}`,
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
    }),
  );
}
