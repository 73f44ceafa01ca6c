import { createDocumentClient, dynamoConfigFromEnv } from '../store/client.js';
import { MeteredStore } from '../store/metered-store.js';
import { runDaily } from './daily.js';
import { mailConfigFromEnv } from './mailer.js';
import { unsubscribeSecret } from './unsubscribe-token.js';

/**
 * EventBridge Scheduler entry (07:00 Asia/Ho_Chi_Minh, infra/reminders.ts). Failures throw, so the
 * scheduler retries and finally parks the event in the dead-letter queue; re-runs are harmless.
 */
export async function handler(): Promise<Record<string, number>> {
  const dynamo = dynamoConfigFromEnv();
  const store = new MeteredStore(createDocumentClient(dynamo), dynamo.tableName);
  const config = mailConfigFromEnv();
  const mail = config ? { config, appUrl: process.env.APP_URL ?? '', secret: unsubscribeSecret() } : null;
  const { report, digests } = await runDaily({ store, now: new Date(), mail });
  const summary = {
    entries: report.entries,
    tenants: report.tenants,
    units: report.units,
    created: report.created,
    existing: report.existing,
    digestsSent: digests.sent,
    digestsFailed: digests.failed,
    ddbRequests: store.metrics.requests,
    ddbItemsRead: store.metrics.itemsRead,
  };
  console.log(JSON.stringify({ msg: 'reminders', ...summary }));
  return summary;
}
