import { createDocumentClient, dynamoConfigFromEnv } from '../store/client.js';
import { MeteredStore } from '../store/metered-store.js';
import { runDaily, type MailSettings } from './daily.js';
import { mailConfigFromEnv } from './mailer.js';
import { drainOutbox } from './outbox.js';
import { unsubscribeSecret } from './mailer.js';

/**
 * EventBridge Scheduler entry (07:00 Asia/Ho_Chi_Minh, infra/reminders.ts). Failures throw, so the
 * scheduler retries and finally parks the event in the dead-letter queue; re-runs are harmless.
 */
export async function handler(event?: { task?: string }): Promise<Record<string, number>> {
  const dynamo = dynamoConfigFromEnv();
  const store = new MeteredStore(createDocumentClient(dynamo), dynamo.tableName);
  const config = mailConfigFromEnv();
  const mail = config ? { config, appUrl: process.env.APP_URL ?? '', secret: unsubscribeSecret() } : null;
  if (event?.task === 'outbox') return outbox(store, mail);
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

/**
 * The 5-minute schedule's run (`{"task":"outbox"}`): sends the mail the API could not send right
 * after its commit. A mail given up or of unknown fate makes the run fail, so the failure alarm fires.
 */
async function outbox(store: MeteredStore, mail: MailSettings | null): Promise<Record<string, number>> {
  if (!mail) return { pending: 0 };
  const report = await drainOutbox(store, mail, new Date());
  const summary = { ...report, ddbRequests: store.metrics.requests, ddbItemsRead: store.metrics.itemsRead };
  console.log(JSON.stringify({ msg: 'outbox', ...summary }));
  if (report.failed + report.unknown > 0) throw new Error(`outbox: ${report.failed} mail(s) given up, ${report.unknown} of unknown fate`);
  return summary;
}
