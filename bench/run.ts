/**
 * `npm run bench`: the province roll-up benchmark of issue #7 (and the read endpoints around it).
 *
 * Seeds one province (Hà Nội, 30 districts) on an in-memory DynamoDB Local: per district N
 * agreements (programs) × M items, half of them signed (written with the API's record builders),
 * and K supervision plans with a finding and 3 recommendations each (through the API). Then measures, over HTTP against the local server:
 *   - the province dashboard (GET /api/rollups): latency p50/p99, DynamoDB requests, RCU, items read;
 *   - the same figures computed the naive way (Scan of the province's records);
 *   - the raw DynamoDB round trip of the dashboard's one Query (API overhead ratio);
 *   - the main read endpoints (agreement list, agreement detail, supervision plans, follow-up board).
 * Results go to bench/results/<timestamp>.json and bench/results/latest.json.
 *
 * Flags: --districts 30 --agreements 100 --items 10 --plans 10 --iterations 100 --concurrency 8
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { BatchWriteCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { contentItems, headerItem } from '../functions/agreements/records.js';
import { rebuildRollup } from '../functions/rollups/rebuild.js';
import { MeteredStore } from '../functions/store/metered-store.js';
import { agreementContentSchema } from '../shared/agreements/schema.js';
import { newId } from '../shared/ids.js';
import { startLocalStack } from '../functions/local/server.js';
import { createDocumentClient } from '../functions/store/client.js';
import { keys } from '../shared/keys.js';
import { findProvince } from '../shared/localities/index.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
process.env.LOG_REQUESTS = 'false';

const { values } = parseArgs({
  options: {
    districts: { type: 'string', default: '30' },
    agreements: { type: 'string', default: '100' },
    items: { type: 'string', default: '10' },
    plans: { type: 'string', default: '10' },
    iterations: { type: 'string', default: '100' },
    concurrency: { type: 'string', default: '8' },
  },
});
const cfg = {
  provinceCode: '01',
  districts: Number(values.districts),
  agreementsPerDistrict: Number(values.agreements),
  itemsPerAgreement: Number(values.items),
  plansPerDistrict: Number(values.plans),
  iterations: Number(values.iterations),
  concurrency: Number(values.concurrency),
};
const YEAR = 2026;
const NOW = new Date(`${YEAR}-06-15T03:00:00Z`);

const province = findProvince(cfg.provinceCode)!;
const districts = province.localities.slice(0, cfg.districts);
if (districts.length < cfg.districts) throw new Error(`province ${cfg.provinceCode} has only ${districts.length} districts`);

const log = (s: string) => process.stdout.write(`${s}\n`);
const started = Date.now();

const stack = await startLocalStack({ dataDir: null, seed: false, tableName: 'bench', archiveBucket: 'bench', now: () => NOW });
const doc = createDocumentClient({ tableName: stack.tableName, endpoint: stack.dynamoEndpoint, region: 'local' });

async function tokenFor(role: 'locality_editor' | 'province_viewer', localityCode: string | null) {
  const user = await stack.idp.upsertUser({
    email: `bench.${role}.${localityCode ?? 'p'}@bench.vn`,
    role,
    provinceCode: cfg.provinceCode,
    localityCode,
    password: 'Bench@12345',
  });
  return { authorization: `Bearer ${await stack.idp.issueIdToken(user)}` };
}

async function call(method: string, path: string, headers: Record<string, string>, body?: unknown) {
  const res = await fetch(`${stack.url}${path}`, {
    method,
    headers: { ...headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path} → ${res.status}: ${text.slice(0, 300)}`);
  return { res, json: JSON.parse(text) as any };
}

/** Runs tasks with bounded concurrency. */
async function pool<T>(tasks: (() => Promise<T>)[], n: number) {
  let next = 0;
  await Promise.all(
    Array.from({ length: n }, async () => {
      while (next < tasks.length) await tasks[next++]!();
    }),
  );
}

// ---------------------------------------------------------------------------------------------
// Seed.
log(`Seeding ${cfg.districts} districts × ${cfg.agreementsPerDistrict} agreements × ${cfg.itemsPerAgreement} items, ${cfg.plansPerDistrict} plans each…`);
const editors = new Map<string, Record<string, string>>();
for (const d of districts) editors.set(d.code, await tokenFor('locality_editor', d.code));
const parties = [
  { agency: 'HDND', name: 'Thường trực Hội đồng nhân dân' },
  { agency: 'UBND', name: 'Ủy ban nhân dân' },
  { agency: 'MTTQ', name: 'Ủy ban Mặt trận Tổ quốc Việt Nam' },
];
const sampleAgreement: Record<string, string> = {};
const tasks: (() => Promise<unknown>)[] = [];
/**
 * Agreements are written straight into the table with the API's own record builders (BatchWrite,
 * 25 items a request) — 33,000 items through the transactional API would take a quarter of an hour
 * on a 2-core machine — and each district's roll-up row is then rebuilt from the records. The write
 * path's own counter maintenance is proven by test/api/rollups-drift.test.ts; supervision below
 * does go through the API.
 */
async function seedAgreementsDirect(localityCode: string) {
  const t = { provinceCode: cfg.provinceCode, localityCode };
  const items: Record<string, unknown>[] = [];
  for (let i = 0; i < cfg.agreementsPerDistrict; i++) {
    const year = YEAR - (i % 5);
    const content = agreementContentSchema.parse({
      kind: 'program',
      number: `${i + 1}/CTrPH-HĐND-UBND-MTTQ`,
      title: `Phối hợp công tác năm ${year} — nội dung ${i + 1}`,
      year,
      parties,
      items: Array.from({ length: cfg.itemsPerAgreement }, (_, k) => ({
        title: `Nội dung ${k + 1}: phối hợp tổ chức tiếp xúc cử tri, giám sát, phản biện xã hội`,
        lead: parties[k % 3],
        due: { kind: 'date', on: `${year}-${String((k % 12) + 1).padStart(2, '0')}-28` },
        status: k % 3 === 0 ? 'done' : 'in_progress',
      })),
    });
    const id = newId(new Date(NOW.getTime() - i * 60_000));
    sampleAgreement[localityCode] ??= id;
    const signed = i % 2 === 0;
    const at = NOW.toISOString();
    items.push(
      headerItem(t, id, content, {
        status: signed ? 'in_force' : 'draft',
        revision: 1,
        amends: null,
        amendmentReason: '',
        amendedBy: null,
        supersededBy: null,
        signedOn: signed ? `${year}-01-15` : null,
        effectiveFrom: signed ? `${year}-01-15` : null,
        effectiveTo: null,
        version: signed ? 2 : 1,
        createdAt: at,
        updatedAt: at,
        createdBy: 'bench',
      }),
      ...contentItems(t, id, content, at),
    );
  }
  for (let i = 0; i < items.length; i += 25) {
    const chunk = items.slice(i, i + 25);
    let pending: Record<string, unknown>[] | undefined = chunk.map((Item) => ({ PutRequest: { Item } }));
    while (pending?.length) {
      const out = await doc.send(new BatchWriteCommand({ RequestItems: { [stack.tableName]: pending as never } }));
      pending = out.UnprocessedItems?.[stack.tableName] as Record<string, unknown>[] | undefined;
    }
  }
}
for (const d of districts) {
  const h = editors.get(d.code)!;
  tasks.push(() => seedAgreementsDirect(d.code));
  for (let p = 0; p < cfg.plansPerDistrict; p++) {
    tasks.push(async () => {
      const plan = (
        await call('POST', '/api/supervision/plans', h, {
          owner: { body: 'hdnd_standing' },
          type: 'thematic',
          topic: `Giám sát việc giải quyết kiến nghị cử tri, đợt ${p + 1}`,
          supervisedUnits: ['UBND phường'],
          period: { from: `${YEAR}-03-01`, to: `${YEAR}-04-30` },
          sessions: [{ date: `${YEAR}-03-10`, unit: 'UBND phường' }],
          team: { leader: { name: 'Nguyễn Văn B', title: 'Phó Chủ tịch HĐND', agency: 'HĐND' }, members: [] },
          methods: ['working_session'],
        })
      ).json.plan;
      await call('POST', `/api/supervision/plans/${plan.id}/transitions`, h, { to: 'notified', version: 1 });
      await call('POST', `/api/supervision/plans/${plan.id}/transitions`, h, { to: 'in_progress', version: 2 });
      await call('POST', `/api/supervision/plans/${plan.id}/findings`, h, {
        kind: 'shortcoming',
        title: 'Một số kiến nghị cử tri chậm được giải quyết',
        recommendations: [1, 2, 3].map((r) => ({ content: `Kiến nghị ${r}`, responsibleUnit: `Phòng ${r}`, deadline: `${YEAR}-0${r + 3}-30` })),
      });
    });
  }
}
const seedStart = performance.now();
await pool(tasks, cfg.concurrency);
// Supervision went through the API (counters kept at write time); rebuild adds the agreements'.
for (const d of districts) await rebuildRollup(new MeteredStore(doc, stack.tableName), { provinceCode: cfg.provinceCode, localityCode: d.code }, NOW);
const seedSeconds = (performance.now() - seedStart) / 1000;
log(`Seeded in ${seedSeconds.toFixed(1)} s (${tasks.length} write flows).`);

// ---------------------------------------------------------------------------------------------
// Measurements.
type Sample = { ms: number; requests: number; rcu: number; items: number };
const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
};
function summarise(samples: Sample[]) {
  const last = samples[samples.length - 1]!;
  return {
    calls: samples.length,
    p50Ms: round(pct(samples.map((s) => s.ms), 50)),
    p99Ms: round(pct(samples.map((s) => s.ms), 99)),
    requestsPerCall: last.requests,
    rcuPerCall: last.rcu,
    itemsReadPerCall: last.items,
  };
}
const round = (n: number) => Math.round(n * 100) / 100;

async function measureEndpoint(path: string, headers: Record<string, string>, n = cfg.iterations) {
  const samples: Sample[] = [];
  for (let i = 0; i < n + 5; i++) {
    const t0 = performance.now();
    const res = await fetch(`${stack.url}${path}`, { headers });
    await res.arrayBuffer();
    const ms = performance.now() - t0;
    if (!res.ok) throw new Error(`${path} → ${res.status}`);
    if (i < 5) continue; // warm-up
    samples.push({
      ms,
      requests: Number(res.headers.get('x-ddb-requests')),
      rcu: Number(res.headers.get('x-ddb-rcu')),
      items: Number(res.headers.get('x-ddb-items')),
    });
  }
  return summarise(samples);
}

const provinceViewer = await tokenFor('province_viewer', null);
const firstDistrict = districts[0]!.code;
const editor = editors.get(firstDistrict)!;

log('Measuring the dashboard…');
const dashboard = await measureEndpoint(`/api/rollups?year=${YEAR}`, provinceViewer);
const dashboardBody = (await call('GET', `/api/rollups?year=${YEAR}`, provinceViewer)).json;

log('Measuring the raw DynamoDB Query behind it…');
const raw: number[] = [];
for (let i = 0; i < cfg.iterations + 5; i++) {
  const t0 = performance.now();
  await doc.send(
    new (await import('@aws-sdk/lib-dynamodb')).QueryCommand({
      TableName: stack.tableName,
      KeyConditionExpression: 'PK = :pk',
      ExpressionAttributeValues: { ':pk': keys.rollupsOf(cfg.provinceCode).PK },
    }),
  );
  if (i >= 5) raw.push(performance.now() - t0);
}
const rawQuery = { p50Ms: round(pct(raw, 50)), p99Ms: round(pct(raw, 99)) };

log('Measuring the naive way (Scan of the province’s records)…');
const naiveRuns = Math.max(3, Math.min(10, Math.floor(cfg.iterations / 10)));
const naiveSamples: Sample[] = [];
let naiveCounts: Record<string, { agreements: number; items: number; plans: number }> = {};
for (let run = 0; run < naiveRuns; run++) {
  const t0 = performance.now();
  let requests = 0;
  let rcu = 0;
  let items = 0;
  const counts: typeof naiveCounts = {};
  let lastKey: Record<string, unknown> | undefined;
  do {
    const out = await doc.send(
      new ScanCommand({
        TableName: stack.tableName,
        FilterExpression: 'begins_with(PK, :p)',
        ExpressionAttributeValues: { ':p': `${cfg.provinceCode}#` },
        ExclusiveStartKey: lastKey,
        ReturnConsumedCapacity: 'TOTAL',
      }),
    );
    requests += 1;
    rcu += out.ConsumedCapacity?.CapacityUnits ?? 0;
    items += out.ScannedCount ?? 0;
    for (const it of out.Items ?? []) {
      const d = String(it.PK).split('#')[1]!;
      const c = (counts[d] ??= { agreements: 0, items: 0, plans: 0 });
      if (it.entity === 'agreement') c.agreements += 1;
      else if (it.entity === 'agreement-item') c.items += 1;
      else if (typeof it.SK === 'string' && it.SK === 'P') c.plans += 1;
    }
    lastKey = out.LastEvaluatedKey;
  } while (lastKey);
  naiveSamples.push({ ms: performance.now() - t0, requests, rcu: round(rcu), items });
  naiveCounts = counts;
}
const naive = summarise(naiveSamples);

log('Measuring the main read endpoints…');
const endpoints = {
  agreementList: await measureEndpoint('/api/agreements?limit=25', editor),
  agreementDetail: await measureEndpoint(`/api/agreements/${sampleAgreement[firstDistrict]}`, editor),
  supervisionPlans: await measureEndpoint('/api/supervision/plans?limit=50', editor),
  supervisionBoard: await measureEndpoint('/api/supervision/board', editor),
  provinceDrillDownList: await measureEndpoint(`/api/agreements?limit=25&locality=${firstDistrict}`, provinceViewer),
};

// Sanity: the dashboard's counters equal what the naive scan counted.
const mismatches = dashboardBody.rows
  .filter((r: any) => naiveCounts[r.localityCode])
  .filter((r: any) => Object.values(r.agreementsByKind as Record<string, number>).reduce((a, b) => a + b, 0) !== naiveCounts[r.localityCode]!.agreements)
  .map((r: any) => r.localityCode);

const result = {
  at: new Date().toISOString(),
  machine: { node: process.version, cpus: (await import('node:os')).cpus().length },
  config: cfg,
  seed: { seconds: round(seedSeconds), writeFlows: tasks.length },
  dashboard: { ...dashboard, districtsReturned: dashboardBody.rows.length, itemsReadPerDistrict: round(dashboard.itemsReadPerCall / cfg.districts) },
  rawDynamoQuery: rawQuery,
  apiOverheadRatio: round(dashboard.p50Ms / rawQuery.p50Ms),
  naiveScan: naive,
  naiveVsDashboard: {
    requests: round(naive.requestsPerCall / dashboard.requestsPerCall),
    rcu: round(naive.rcuPerCall / Math.max(dashboard.rcuPerCall, 0.5)),
    itemsRead: round(naive.itemsReadPerCall / Math.max(dashboard.itemsReadPerCall, 1)),
    p50: round(naive.p50Ms / dashboard.p50Ms),
  },
  countersMatchNaiveScan: mismatches.length === 0,
  endpoints,
  totalSeconds: round((Date.now() - started) / 1000),
};

const dir = join(import.meta.dirname, 'results');
mkdirSync(dir, { recursive: true });
const stamp = result.at.replace(/[:.]/g, '-');
writeFileSync(join(dir, `${stamp}.json`), `${JSON.stringify(result, null, 2)}\n`);
writeFileSync(join(dir, 'latest.json'), `${JSON.stringify(result, null, 2)}\n`);

const row = (name: string, s: { p50Ms: number; p99Ms: number; requestsPerCall?: number; rcuPerCall?: number; itemsReadPerCall?: number }) =>
  `${name.padEnd(28)} p50 ${String(s.p50Ms).padStart(8)} ms  p99 ${String(s.p99Ms).padStart(8)} ms  requests ${String(s.requestsPerCall ?? '-').padStart(5)}  RCU ${String(s.rcuPerCall ?? '-').padStart(8)}  items ${String(s.itemsReadPerCall ?? '-').padStart(7)}`;
log('');
log(row('dashboard (1 Query)', dashboard));
log(row('naive scan of records', naive));
log(row('raw DynamoDB Query', rawQuery));
for (const [name, s] of Object.entries(endpoints)) log(row(name, s));
log('');
log(`Dashboard: ${dashboard.requestsPerCall} request, ${dashboard.itemsReadPerCall} items for ${cfg.districts} districts (${result.dashboard.itemsReadPerDistrict} per district).`);
log(`Naive scan ÷ dashboard: ${result.naiveVsDashboard.requests}× requests, ${result.naiveVsDashboard.rcu}× RCU, ${result.naiveVsDashboard.itemsRead}× items read, ${result.naiveVsDashboard.p50}× p50 latency.`);
log(`API overhead (dashboard p50 ÷ raw Query p50): ${result.apiOverheadRatio}×. Counters match the scan: ${result.countersMatchNaiveScan}.`);
log(`Written to bench/results/${stamp}.json`);

doc.destroy();
await stack.stop();
process.exit(result.countersMatchNaiveScan && dashboard.requestsPerCall === 1 && result.dashboard.itemsReadPerDistrict <= 1 ? 0 : 1);
