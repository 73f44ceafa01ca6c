import { createHash } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import { type UsageEntry, usageEntrySchema } from '../../shared/usage/schema.js';
import { USAGE_LOG_MSG, writeUsage } from '../http/usage.js';
import { createDocumentClient, dynamoConfigFromEnv } from '../store/client.js';

/** What CloudWatch Logs hands a subscribed function, once `awslogs.data` is un-base64-ed and gunzipped. */
const logBatchSchema = z.object({
  messageType: z.string(),
  logGroup: z.string(),
  logStream: z.string(),
  logEvents: z.array(z.object({ id: z.string(), timestamp: z.number(), message: z.string() })),
});
export type LogBatch = z.infer<typeof logBatchSchema>;

/**
 * The API's `tenant_usage` lines in one log batch. A Lambda text log line is
 * `<time>\t<request id>\tINFO\t{json}` (text format) or `{"message":"{json}",…}` (JSON format);
 * anything not a well-formed usage line is skipped, and said.
 */
export function usageEntriesOf(batch: LogBatch): UsageEntry[] {
  const entries: UsageEntry[] = [];
  let skipped = 0;
  for (const event of batch.logEvents) {
    const start = event.message.indexOf('{');
    if (start < 0) continue;
    let line: unknown;
    try {
      line = JSON.parse(event.message.slice(start));
      // Lambda's JSON log format wraps the printed text in `message`.
      const wrapped = (line as { message?: unknown }).message;
      if (typeof wrapped === 'string' && wrapped.startsWith('{')) line = JSON.parse(wrapped);
    } catch {
      skipped++;
      continue;
    }
    if ((line as { msg?: unknown }).msg !== USAGE_LOG_MSG) continue;
    const entry = usageEntrySchema.safeParse(line);
    if (entry.success) entries.push(entry.data);
    else skipped++;
  }
  if (skipped) console.warn(JSON.stringify({ level: 'warn', msg: 'usage lines skipped', logStream: batch.logStream, skipped }));
  return entries;
}

/**
 * The batch's idempotency token (≤ 36 characters): CloudWatch Logs retries a failed delivery with
 * the same events, and DynamoDB then applies the transaction once.
 */
export function batchToken(batch: LogBatch): string {
  const ids = batch.logEvents.map((e) => e.id).join(',');
  return createHash('sha256').update(`${batch.logGroup}|${batch.logStream}|${ids}`).digest('base64url').slice(0, 36);
}

/** Decodes one subscription delivery (`awslogs.data`) and adds its usage lines to the usage items. */
export async function applyUsageLogs(doc: DynamoDBDocumentClient, tableName: string, data: string): Promise<{ entries: number }> {
  const batch = logBatchSchema.parse(JSON.parse(gunzipSync(Buffer.from(data, 'base64')).toString('utf8')));
  if (batch.messageType !== 'DATA_MESSAGE') return { entries: 0 }; // CONTROL_MESSAGE: the subscription's own check
  const entries = usageEntriesOf(batch);
  if (!entries.length) return { entries: 0 };
  const at = new Date(Math.max(...batch.logEvents.map((e) => e.timestamp)));
  await writeUsage(doc, tableName, entries, { at, token: batchToken(batch) });
  return { entries: entries.length };
}

let doc: DynamoDBDocumentClient | undefined;

/**
 * CloudWatch Logs subscription entry (infra/usage.ts): the API function's `tenant_usage` lines,
 * added up per tenant and month in one transaction per 100 tenants. A failure throws, so the
 * delivery is retried (and, with the same token, applied once).
 */
export async function handler(event: { awslogs: { data: string } }): Promise<{ entries: number }> {
  const dynamo = dynamoConfigFromEnv();
  doc ??= createDocumentClient(dynamo);
  return applyUsageLogs(doc, dynamo.tableName, event.awslogs.data);
}
