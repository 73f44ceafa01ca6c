import { gzipSync } from 'node:zlib';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { vietnamMonth } from '../../shared/dates.js';
import { usageKeys } from '../../shared/keys.js';
import type { UsageReport } from '../../shared/usage/schema.js';
import { BufferedUsageSink, logUsageSink, USAGE_LOG_MSG } from '../../functions/http/usage.js';
import { applyUsageLogs, batchToken, type LogBatch } from '../../functions/usage/logs-lambda.js';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { harnessSuite } from '../support/harness.js';

/**
 * Usage on AWS leaves the API as one `tenant_usage` log line per request (no write on the request
 * path); the usage function, subscribed to the API's log group, adds a delivery's lines up per
 * tenant and month. Here the lines the real app prints are wrapped as CloudWatch Logs delivers
 * them (Lambda text format, gzip, base64) and applied to DynamoDB Local.
 */
const h = harnessSuite();
const MONTH = vietnamMonth(new Date());
type Who = { headers: Record<string, string> };
let tayho: Who;
let tayhoViewer: Who;
let operator: Who;
let delivered = 0;

beforeAll(async () => {
  tayho = await h.userToken({ role: 'locality_editor', provinceCode: '01', localityCode: '00103' });
  tayhoViewer = await h.userToken({ role: 'locality_viewer', provinceCode: '01', localityCode: '00103' });
  operator = await h.userToken({ role: 'operator', provinceCode: null, localityCode: null });
});

afterEach(() => vi.restoreAllMocks());

/** Runs requests against the app with the Lambda's sink and returns the lines it printed. */
async function printedLines(calls: () => Promise<void>): Promise<string[]> {
  const lines: string[] = [];
  const buffered = h.deps.usage;
  h.deps.usage = logUsageSink;
  const log = vi.spyOn(console, 'log').mockImplementation((line: string) => void lines.push(line));
  try {
    await calls();
  } finally {
    log.mockRestore();
    h.deps.usage = buffered;
  }
  return lines;
}

/** The subscription's payload: `awslogs.data`, as the Lambda runtime and CloudWatch Logs write it. */
function delivery(lines: string[], messageType = 'DATA_MESSAGE'): { batch: LogBatch; data: string } {
  const batch: LogBatch = {
    messageType,
    logGroup: '/aws/lambda/phoi-hop-test-api',
    logStream: `2026/12/07/[$LATEST]${++delivered}`,
    logEvents: lines.map((line, i) => ({
      id: `${delivered}-${i}`,
      timestamp: Date.parse('2026-12-07T01:00:00Z') + i,
      message: `2026-12-07T01:00:00.000Z\tc0ffee-${i}\tINFO\t${line}\n`,
    })),
  };
  return { batch, data: gzipSync(Buffer.from(JSON.stringify(batch))).toString('base64') };
}

async function tayhoUsage() {
  const res = await h.app.request(`/api/usage?month=${MONTH}`, { headers: operator.headers });
  expect(res.status).toBe(200);
  return ((await res.json()) as UsageReport).rows.find((r) => r.tenant === '01#00103');
}

describe('usage from the API log (the AWS path)', () => {
  it('prints one tenant_usage line per tenant call and writes nothing on the request path', async () => {
    const before = await h.doc.send(new GetCommand({ TableName: h.tableName, Key: usageKeys.item(MONTH, { provinceCode: '01', localityCode: '00103' }) }));
    const lines = await printedLines(async () => {
      expect((await h.app.request('/api/agreements', { headers: tayho.headers })).status).toBe(200);
      expect((await h.app.request('/api/health')).status).toBe(200);
    });
    const usage = lines.filter((l) => l.includes(USAGE_LOG_MSG)).map((l) => JSON.parse(l));
    expect(usage).toHaveLength(1); // health is nobody's usage
    expect(usage[0]).toMatchObject({ msg: USAGE_LOG_MSG, month: MONTH, provinceCode: '01', localityCode: '00103', counts: { requests: 1 } });
    const after = await h.doc.send(new GetCommand({ TableName: h.tableName, Key: usageKeys.item(MONTH, { provinceCode: '01', localityCode: '00103' }) }));
    expect(after.Item).toEqual(before.Item);
  });

  it('adds a delivery up per tenant; the same delivery again is applied once', async () => {
    const start = (await tayhoUsage())?.requests ?? 0;
    const lines = await printedLines(async () => {
      for (let i = 0; i < 3; i++) expect((await h.app.request('/api/agreements', { headers: tayho.headers })).status).toBe(200);
      expect((await h.app.request('/api/agreements/01ARZ3NDEKTSV4RRFFQ69G5FAV', { headers: tayhoViewer.headers })).status).toBe(404);
    });
    const { data } = delivery(lines);
    expect(await applyUsageLogs(h.doc, h.tableName, data)).toEqual({ entries: 4 });
    const row = await tayhoUsage();
    expect(row?.requests).toBe(start + 4);
    expect(row?.errors).toBeGreaterThanOrEqual(1);
    // CloudWatch Logs retries a failed delivery with the same events: the token makes it a no-op.
    await applyUsageLogs(h.doc, h.tableName, data);
    expect((await tayhoUsage())?.requests).toBe(start + 4);
  });

  it('skips lines that are not usage or not well formed, and control messages', async () => {
    const start = (await tayhoUsage())?.requests ?? 0;
    const good = JSON.stringify({ level: 'info', msg: USAGE_LOG_MSG, month: MONTH, provinceCode: '01', localityCode: '00103', counts: { requests: 2 } });
    const lines = [
      'START RequestId: c0ffee Version: 7',
      JSON.stringify({ level: 'info', msg: 'request', tenant: '01#00103' }),
      JSON.stringify({ level: 'info', msg: USAGE_LOG_MSG, month: MONTH, provinceCode: '1', localityCode: '00103', counts: { requests: 1 } }),
      JSON.stringify({ level: 'info', msg: USAGE_LOG_MSG, month: MONTH, provinceCode: '01', localityCode: '00103', counts: { requests: -5 } }),
      `{"msg":"${USAGE_LOG_MSG}", broken`,
      good,
      // the same line as Lambda's JSON log format prints it
      JSON.stringify({ timestamp: '2026-12-07T01:00:00Z', level: 'INFO', requestId: 'c0ffee', message: good }),
    ];
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(await applyUsageLogs(h.doc, h.tableName, delivery(lines).data)).toEqual({ entries: 2 });
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('"skipped":3'));
    expect(await applyUsageLogs(h.doc, h.tableName, delivery([good], 'CONTROL_MESSAGE').data)).toEqual({ entries: 0 });
    expect((await tayhoUsage())?.requests).toBe(start + 4);
  });

  it('writes more than 100 tenants of one delivery in several transactions', async () => {
    const month = '2026-01';
    const lines = Array.from({ length: 130 }, (_, i) =>
      JSON.stringify({ msg: USAGE_LOG_MSG, month, provinceCode: '79', localityCode: String(26000 + i), counts: { requests: 1, rcu: 0.5 } }),
    );
    const { batch, data } = delivery([...lines, ...lines]); // each tenant twice: summed before writing
    expect(batchToken(batch)).toHaveLength(36);
    expect(await applyUsageLogs(h.doc, h.tableName, data)).toEqual({ entries: 260 });
    for (const i of [0, 99, 100, 129]) {
      const got = await h.doc.send(
        new GetCommand({ TableName: h.tableName, Key: usageKeys.item(month, { provinceCode: '79', localityCode: String(26000 + i) }) }),
      );
      expect(got.Item).toMatchObject({ requests: 2, rcu: 1, provinceCode: '79', localityCode: String(26000 + i) });
    }
  });
});

describe('usage in a long-lived Node process (the local path)', () => {
  it('adds calls up in memory and writes them on flush, once', async () => {
    const sink = new BufferedUsageSink(h.doc, h.tableName, { flushMs: 0 });
    const month = '2026-02';
    const key = usageKeys.item(month, { provinceCode: '19', localityCode: '05443' });
    for (let i = 0; i < 5; i++) sink.add({ month, provinceCode: '19', localityCode: '05443', counts: { requests: 1, wcu: 1 } });
    expect((await h.doc.send(new GetCommand({ TableName: h.tableName, Key: key }))).Item).toBeUndefined();
    await Promise.all([sink.flush(), sink.flush()]);
    await sink.close();
    expect((await h.doc.send(new GetCommand({ TableName: h.tableName, Key: key }))).Item).toMatchObject({ requests: 5, wcu: 5 });
  });
});
