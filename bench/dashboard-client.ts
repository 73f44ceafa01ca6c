import { pathToFileURL } from 'node:url';
import { type DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { createDocumentClient } from '../functions/store/client.js';

/**
 * The client's side of the dashboard measurement. `npm run bench` runs it in a process of its own,
 * as a browser is: the benchmark's HTTP client then no longer shares the server's event loop, and
 * its reading of the answer is not counted as the API's time. It times the dashboard over HTTP and
 * the raw Query behind it, interleaved, and prints the samples as one JSON line.
 */
export type Sample = { ms: number; requests: number; rcu: number; items: number; serverMs?: number };
export type DashboardClientInput = {
  url: string;
  headers: Record<string, string>;
  dynamoEndpoint: string;
  tableName: string;
  /** The province's roll-up partition: the dashboard's one Query. */
  pk: string;
  /** Samples per series, after 5 to warm up. */
  n: number;
};
export type DashboardClientRun = { api: Sample[]; raw: number[]; plain: number[]; rawPages: number };

export async function timedGet(url: string, headers: Record<string, string>): Promise<Sample> {
  const t0 = performance.now();
  const res = await fetch(url, { headers });
  await res.arrayBuffer();
  const ms = performance.now() - t0;
  if (!res.ok) throw new Error(`${url} → ${res.status}`);
  return {
    ms,
    requests: Number(res.headers.get('x-ddb-requests')),
    rcu: Number(res.headers.get('x-ddb-rcu')),
    items: Number(res.headers.get('x-ddb-items')),
    // `server-timing: app;dur=…` (functions/http/metering.ts): the time spent inside the app.
    serverMs: Number(/dur=([\d.]+)/.exec(res.headers.get('server-timing') ?? '')?.[1] ?? Number.NaN),
  };
}

/**
 * The dashboard's one Query, straight from the SDK (all pages, though one is expected): the same
 * request the API sends, `ReturnConsumedCapacity: 'TOTAL'` included (the metered store asks for it:
 * the x-ddb-rcu header and the usage record). `capacity: false` leaves it out, as a plain Query:
 * DynamoDB Local takes a few ms more to size 208 items for it, which is the table's time, not the API's.
 */
async function rawQuery(doc: DynamoDBDocumentClient, tableName: string, pk: string, capacity: boolean) {
  const t0 = performance.now();
  let pages = 0;
  let start: Record<string, unknown> | undefined;
  do {
    const out = await doc.send(
      new QueryCommand({
        TableName: tableName,
        KeyConditionExpression: 'PK = :pk',
        ExpressionAttributeValues: { ':pk': pk },
        ExclusiveStartKey: start,
        ...(capacity ? { ReturnConsumedCapacity: 'TOTAL' as const } : {}),
      }),
    );
    pages += 1;
    start = out.LastEvaluatedKey;
  } while (start);
  return { ms: performance.now() - t0, pages };
}

/** A B C, C B A, …: on a shared machine a slow stretch then hits every series alike. */
export async function measureInterleaved(input: DashboardClientInput): Promise<DashboardClientRun> {
  const doc = createDocumentClient({ tableName: input.tableName, endpoint: input.dynamoEndpoint, region: 'local' });
  const run: DashboardClientRun = { api: [], raw: [], plain: [], rawPages: 0 };
  for (let i = 0; i < input.n + 5; i++) {
    const order = i % 2 === 0 ? ['api', 'raw', 'plain'] : ['plain', 'raw', 'api'];
    for (const which of order) {
      if (which === 'api') {
        const s = await timedGet(input.url, input.headers);
        if (i >= 5) run.api.push(s);
      } else {
        const r = await rawQuery(doc, input.tableName, input.pk, which === 'raw');
        run.rawPages = r.pages;
        if (i >= 5) (which === 'raw' ? run.raw : run.plain).push(r.ms);
      }
    }
  }
  doc.destroy();
  return run;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const input = JSON.parse(process.argv[2] ?? '{}') as DashboardClientInput;
  console.log(JSON.stringify(await measureInterleaved(input)));
}
