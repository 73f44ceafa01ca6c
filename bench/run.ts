/**
 * `npm run bench`: the province roll-up benchmark (issues #7 and #11) and the read endpoints around it.
 *
 * Two cases on one in-memory DynamoDB Local, measured over HTTP against the local server:
 *
 * 1. `hanoi` — the first 30 current commune-level units of Hà Nội (01): per unit N programs × M items,
 *    half signed (written with the API's record builders), and K supervision plans with a finding and
 *    3 recommendations each (through the API). Measures the dashboard (GET /api/rollups: latency
 *    p50/p99, DynamoDB requests, RCU, items read), the same figures computed the naive way (Scan of the
 *    province's records), the raw DynamoDB Query behind the dashboard, and the main read endpoints.
 *
 * 2. `hcm` — the largest province, Thành phố Hồ Chí Minh (79): its 168 current units plus its
 *    history — the 2025 districts of 79, 74 Bình Dương and 77 Bà Rịa–Vũng Tàu and the two merged
 *    provinces' own tenants (74#P, 77#P) — with P programs × M items each (default 20 × 10), written
 *    by direct batch writes; each tenant's roll-up row is computed from the records it was given
 *    exactly as functions/rollups/rebuild.ts computes it (agreementCounters ∘ agreementFromItem on
 *    every header), and a sample of tenants is checked against a real rebuild (countersFromRecords).
 *    Measures the dashboard against the raw Query (interleaved, so machine load hits both alike), and
 *    two history reads (a successor ward reading its predecessor district; HCM staff reading a
 *    Bình Dương district).
 *
 * Results go to bench/results/<timestamp>.json and bench/results/latest.json. The run exits non-zero
 * when a check fails: the dashboard needs more than 1 request or reads more than 1 item per tenant,
 * its counters disagree with the records, a history read fails, or (HCM) its p50 is more than
 * `--max-overhead` × the raw Query's.
 *
 * Flags (defaults):
 *   --case all|hanoi|hcm|import|reminders|signatures (all; import = the document and spreadsheet import times, bench/import-case.ts)
 *   reminders: --reminder-tenants 3000 (2 % with 10 items due this week; see bench/reminders.ts)
 *   signatures: --signature-mb 20 --signature-runs 5 (verification of a signed PDF of that size, bench/signatures.ts)
 *   Hà Nội:  --units 30 (alias --districts) --agreements 100 --items 10 --plans 10 --naive-runs 3
 *   HCM:     --hcm-units 168 --hcm-programs 20 --hcm-items 10 --hcm-history true --max-overhead 1.3
 *   both:    --iterations 100 --concurrency 8
 *   --quick  a smoke run in well under a minute (Hà Nội 10 × 10 × 5, 1 plan; HCM 3 × 5; 30 iterations)
 */
import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { parseArgs, promisify } from 'node:util';
import { isDeepStrictEqual } from 'node:util';
import { BatchWriteCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { agreementFromItem, contentItems, headerItem } from '../functions/agreements/records.js';
import { startLocalStack } from '../functions/local/server.js';
import { importCase } from './import-case.js';
import { agreementCounters } from '../functions/rollups/agreements.js';
import { loadDashboard } from '../functions/rollups/dashboard.js';
import { countersFromRecords, rebuildRollup } from '../functions/rollups/rebuild.js';
import { createDocumentClient } from '../functions/store/client.js';
import { MeteredStore } from '../functions/store/metered-store.js';
import { agreementContentSchema } from '../shared/agreements/schema.js';
import { newId } from '../shared/ids.js';
import { keys, tenantPrefix, type TenantRef } from '../shared/keys.js';
import { findProvince, predecessorProvinces } from '../shared/localities/index.js';
import { sum, type Counters } from '../shared/rollups/counters.js';
import { dashboardWireSchema } from '../shared/rollups/schema.js';
import { ensureTable } from '../functions/local/dynamodb-local.js';
import { remindersCase } from './reminders.js';
import { signatureCase } from './signatures.js';
import { stackBearer } from '../test/support/stack-users.js';
import { type DashboardClientInput, type DashboardClientRun, type Sample, timedGet as timedGetUrl } from './dashboard-client.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
process.env.LOG_REQUESTS = 'false';

const { values } = parseArgs({
  options: {
    case: { type: 'string', default: 'all' },
    'signature-mb': { type: 'string', default: '20' },
    'signature-runs': { type: 'string', default: '5' },
    units: { type: 'string' },
    districts: { type: 'string' },
    agreements: { type: 'string' },
    items: { type: 'string' },
    plans: { type: 'string' },
    'naive-runs': { type: 'string' },
    'hcm-units': { type: 'string' },
    'hcm-programs': { type: 'string' },
    'hcm-items': { type: 'string' },
    'hcm-history': { type: 'string', default: 'true' },
    'max-overhead': { type: 'string', default: '1.3' },
    iterations: { type: 'string' },
    concurrency: { type: 'string', default: '8' },
    'reminder-tenants': { type: 'string' },
    quick: { type: 'boolean', default: false },
  },
});
const q = values.quick;
const num = (v: string | undefined, full: number, quick: number) => Number(v ?? (q ? quick : full));
if (!['all', 'hanoi', 'hcm', 'import', 'reminders', 'signatures'].includes(values.case!)) {
  throw new Error(`--case must be all, hanoi, hcm, import, reminders or signatures, not ${values.case}`);
}
const cfg = {
  case: values.case as 'all' | 'hanoi' | 'hcm' | 'import' | 'reminders' | 'signatures',
  quick: q,
  iterations: num(values.iterations, 100, 30),
  concurrency: Number(values.concurrency),
  hanoi: {
    provinceCode: '01',
    units: num(values.units ?? values.districts, 30, 10),
    agreementsPerUnit: num(values.agreements, 100, 10),
    itemsPerAgreement: num(values.items, 10, 5),
    plansPerUnit: num(values.plans, 10, 1),
    naiveRuns: num(values['naive-runs'], 3, 1),
  },
  hcm: {
    provinceCode: '79',
    currentUnits: num(values['hcm-units'], 168, 168),
    programsPerTenant: num(values['hcm-programs'], 20, 3),
    itemsPerProgram: num(values['hcm-items'], 10, 5),
    history: values['hcm-history'] !== 'false',
    maxOverhead: Number(values['max-overhead']),
  },
};
const YEAR = 2026;
const NOW = new Date(`${YEAR}-06-15T03:00:00Z`);

const log = (s: string) => process.stdout.write(`${s}\n`);
const started = Date.now();
const round = (n: number) => Math.round(n * 100) / 100;

const stack = await startLocalStack({ dataDir: null, seed: false, tableName: 'bench', archiveBucket: 'bench', now: () => NOW });
const doc = createDocumentClient({ tableName: stack.tableName, endpoint: stack.dynamoEndpoint, region: 'local' });
const store = () => new MeteredStore(doc, stack.tableName);

type Role = 'locality_editor' | 'locality_viewer' | 'province_viewer';
async function tokenFor(role: Role, provinceCode: string, localityCode: string | null) {
  return { authorization: await stackBearer(stack, 'bench', role, provinceCode, localityCode) };
}

type Page = {
  Count?: number;
  ScannedCount?: number;
  Items?: Record<string, unknown>[];
  ConsumedCapacity?: { CapacityUnits?: number };
  LastEvaluatedKey?: Record<string, unknown>;
};

/** Every page of a Query or Scan: `send` sends one page's command from the key where the last one stopped. */
async function* pagesOf(send: (start: Record<string, unknown> | undefined) => Promise<Page>) {
  let start: Record<string, unknown> | undefined;
  do {
    const out = await send(start);
    yield out;
    start = out.LastEvaluatedKey;
  } while (start);
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

/** BatchWrite, 25 items a request, retrying what DynamoDB leaves unprocessed. */
async function batchPut(items: Record<string, unknown>[], tableName = stack.tableName) {
  for (let i = 0; i < items.length; i += 25) {
    let pending: Record<string, unknown>[] | undefined = items.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } }));
    while (pending?.length) {
      const out = await doc.send(new BatchWriteCommand({ RequestItems: { [tableName]: pending as never } }));
      pending = out.UnprocessedItems?.[tableName] as Record<string, unknown>[] | undefined;
    }
  }
}

const parties = [
  { agency: 'HDND', name: 'Thường trực Hội đồng nhân dân' },
  { agency: 'UBND', name: 'Ủy ban nhân dân' },
  { agency: 'MTTQ', name: 'Ủy ban Mặt trận Tổ quốc Việt Nam' },
];

/**
 * `count` programs of `itemsPer` items for one tenant, half of them signed, as the API's record
 * builders write them; with the counters the rebuild would derive from them (agreementCounters of
 * agreementFromItem of each header, as countersFromRecords does).
 */
function programsFor(t: TenantRef, count: number, itemsPer: number, yearOf: (i: number) => number) {
  const items: Record<string, unknown>[] = [];
  const parts: Counters[] = [];
  let firstId: string | undefined;
  for (let i = 0; i < count; i++) {
    const year = yearOf(i);
    const content = agreementContentSchema.parse({
      kind: 'program',
      number: `${i + 1}/CTrPH-HĐND-UBND-MTTQ`,
      title: `Phối hợp công tác năm ${year} — nội dung ${i + 1}`,
      year,
      parties,
      items: Array.from({ length: itemsPer }, (_, k) => ({
        title: `Nội dung ${k + 1}: phối hợp tổ chức tiếp xúc cử tri, giám sát, phản biện xã hội`,
        lead: parties[k % 3],
        due: { kind: 'date', on: `${year}-${String((k % 12) + 1).padStart(2, '0')}-28` },
        status: k % 3 === 0 ? 'done' : 'in_progress',
      })),
    });
    const id = newId(new Date(NOW.getTime() - i * 60_000));
    firstId ??= id;
    const signed = i % 2 === 0;
    const at = NOW.toISOString();
    const header = headerItem(t, id, content, {
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
    });
    items.push(header, ...contentItems(t, id, content, at));
    parts.push(agreementCounters(agreementFromItem(header)));
  }
  return { items, counters: sum(...parts), firstId: firstId! };
}

// ---------------------------------------------------------------------------------------------
// Measurement helpers.
const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
};
function summarise(samples: Sample[]) {
  const last = samples[samples.length - 1]!;
  return {
    calls: samples.length,
    p50Ms: round(
      pct(
        samples.map((s) => s.ms),
        50,
      ),
    ),
    p99Ms: round(
      pct(
        samples.map((s) => s.ms),
        99,
      ),
    ),
    requestsPerCall: last.requests,
    maxRequestsPerCall: Math.max(...samples.map((s) => s.requests)),
    rcuPerCall: last.rcu,
    itemsReadPerCall: last.items,
  };
}

const execFileAsync = promisify(execFile);
const timedGet = (path: string, headers: Record<string, string>) => timedGetUrl(`${stack.url}${path}`, headers);

/** The dashboard measurement's client, in a process of its own (bench/dashboard-client.ts). */
async function dashboardClient(input: Omit<DashboardClientInput, 'url' | 'dynamoEndpoint' | 'tableName'> & { path: string }) {
  const { path, ...rest } = input;
  const args = JSON.stringify({ ...rest, url: `${stack.url}${path}`, dynamoEndpoint: stack.dynamoEndpoint, tableName: stack.tableName });
  const { stdout } = await execFileAsync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'dashboard-client.ts'), args], {
    maxBuffer: 64 * 1024 * 1024,
  });
  return JSON.parse(stdout.trim().split('\n').at(-1)!) as DashboardClientRun;
}

async function measureEndpoint(path: string, headers: Record<string, string>, n = cfg.iterations) {
  const samples: Sample[] = [];
  for (let i = 0; i < n + 5; i++) {
    const s = await timedGet(path, headers);
    if (i >= 5) samples.push(s); // the first 5 warm up
  }
  return summarise(samples);
}

/**
 * The dashboard and the raw Query behind it, interleaved by a client in its own process
 * (bench/dashboard-client.ts): the ratio of their p50s measures the API's own overhead.
 */
async function measureDashboardVsRaw(provinceCode: string, headers: Record<string, string>, n = cfg.iterations) {
  const { api, raw, plain, rawPages } = await dashboardClient({ path: `/api/rollups?year=${YEAR}`, headers, pk: keys.rollupsOf(provinceCode).PK, n });
  const dashboard = summarise(api);
  const rawQuery = { calls: raw.length, p50Ms: round(pct(raw, 50)), p99Ms: round(pct(raw, 99)), pages: rawPages };
  // Where the difference goes: the in-memory join alone (loadDashboard on the already-read items),
  // the app's own time (server-timing: auth, Query, join, metering), and the rest (HTTP, JSON).
  const items = await store().queryAll({ KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': keys.rollupsOf(provinceCode).PK } });
  const readNothing = { queryAll: async () => items } as unknown as MeteredStore;
  const join: number[] = [];
  for (let i = 0; i < n + 5; i++) {
    const t0 = performance.now();
    await loadDashboard(readNothing, provinceCode, NOW, { year: YEAR });
    if (i >= 5) join.push(performance.now() - t0);
  }
  const breakdown = {
    inMemoryJoinP50Ms: round(pct(join, 50)),
    serverAppP50Ms: round(
      pct(
        api.map((s) => s.serverMs ?? Number.NaN),
        50,
      ),
    ),
    httpP50Ms: dashboard.p50Ms,
    rawQueryP50Ms: rawQuery.p50Ms,
    plainQueryP50Ms: round(pct(plain, 50)),
  };
  return {
    dashboard,
    rawQuery,
    apiOverheadRatio: round(dashboard.p50Ms / rawQuery.p50Ms),
    overPlainQueryRatio: round(dashboard.p50Ms / breakdown.plainQueryP50Ms),
    breakdown,
  };
}

const row = (name: string, s: { p50Ms: number; p99Ms: number; requestsPerCall?: number; rcuPerCall?: number; itemsReadPerCall?: number }) =>
  `${name.padEnd(34)} p50 ${String(s.p50Ms).padStart(8)} ms  p99 ${String(s.p99Ms).padStart(8)} ms  requests ${String(s.requestsPerCall ?? '-').padStart(5)}  RCU ${String(s.rcuPerCall ?? '-').padStart(8)}  items ${String(s.itemsReadPerCall ?? '-').padStart(7)}`;

type Check = { case: string; check: string; ok: boolean; detail: string };
const checks: Check[] = [];
const check = (kase: string, name: string, ok: boolean, detail: string) => {
  checks.push({ case: kase, check: name, ok, detail });
  log(`  ${ok ? 'ok  ' : 'FAIL'} ${name}: ${detail}`);
};

// ---------------------------------------------------------------------------------------------
// Case 1: Hà Nội, 30 current communes/wards, many records each, naive scan for comparison.
async function hanoiCase() {
  const c = cfg.hanoi;
  const province = findProvince(c.provinceCode)!;
  const units = province.localities.slice(0, c.units);
  if (units.length < c.units) throw new Error(`province ${c.provinceCode} has only ${units.length} current units`);
  log(
    `\n[hanoi] Seeding ${c.units} current units of ${province.name} × ${c.agreementsPerUnit} programs × ${c.itemsPerAgreement} items, ${c.plansPerUnit} plans each…`,
  );

  const editors = new Map<string, Record<string, string>>();
  for (const u of units) editors.set(u.code, await tokenFor('locality_editor', c.provinceCode, u.code));
  const sampleAgreement: Record<string, string> = {};
  const tasks: (() => Promise<unknown>)[] = [];
  for (const u of units) {
    const h = editors.get(u.code)!;
    // Agreements straight into the table with the API's own record builders (33,000 items through
    // the transactional API would take a quarter of an hour on 2 cores); the roll-up row is rebuilt
    // from the records below. The write path's own counters are proven by test/api/rollups-drift.
    tasks.push(async () => {
      const t = { provinceCode: c.provinceCode, localityCode: u.code };
      const p = programsFor(t, c.agreementsPerUnit, c.itemsPerAgreement, (i) => YEAR - (i % 5));
      sampleAgreement[u.code] = p.firstId;
      await batchPut(p.items);
    });
    for (let n = 0; n < c.plansPerUnit; n++) {
      tasks.push(async () => {
        const plan = (
          await call('POST', '/api/supervision/plans', h, {
            owner: { body: 'hdnd_standing' },
            type: 'thematic',
            topic: `Giám sát việc giải quyết kiến nghị cử tri, đợt ${n + 1}`,
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
  // Supervision went through the API (counters kept at write time); the rebuild adds the agreements'.
  for (const u of units) await rebuildRollup(store(), { provinceCode: c.provinceCode, localityCode: u.code }, NOW);
  const seedSeconds = (performance.now() - seedStart) / 1000;
  log(`[hanoi] Seeded in ${seedSeconds.toFixed(1)} s (${tasks.length} write flows).`);

  const provinceViewer = await tokenFor('province_viewer', c.provinceCode, null);
  const first = units[0]!.code;
  const editor = editors.get(first)!;

  log('[hanoi] Measuring the dashboard and the raw DynamoDB Query behind it…');
  const { dashboard, rawQuery, apiOverheadRatio, overPlainQueryRatio, breakdown } = await measureDashboardVsRaw(c.provinceCode, provinceViewer);
  const wire = (await call('GET', `/api/rollups?year=${YEAR}`, provinceViewer)).json;
  const body = dashboardWireSchema.parse(wire);

  log(`[hanoi] Measuring the naive way (Scan of the province's records, ${c.naiveRuns} run(s))…`);
  const naiveSamples: Sample[] = [];
  let naiveCounts: Record<string, { agreements: number; items: number; plans: number }> = {};
  for (let run = 0; run < c.naiveRuns; run++) {
    const t0 = performance.now();
    let requests = 0;
    let rcu = 0;
    let items = 0;
    const counts: typeof naiveCounts = {};
    const scan = (start: Record<string, unknown> | undefined) =>
      doc.send(
        new ScanCommand({
          TableName: stack.tableName,
          FilterExpression: 'begins_with(PK, :p)',
          ExpressionAttributeValues: { ':p': `${c.provinceCode}#` },
          ExclusiveStartKey: start,
          ReturnConsumedCapacity: 'TOTAL',
        }),
      );
    for await (const out of pagesOf(scan)) {
      requests += 1;
      rcu += out.ConsumedCapacity?.CapacityUnits ?? 0;
      items += out.ScannedCount ?? 0;
      for (const it of out.Items ?? []) {
        const d = String(it.PK).split('#')[1]!;
        const cnt = (counts[d] ??= { agreements: 0, items: 0, plans: 0 });
        if (it.entity === 'agreement') cnt.agreements += 1;
        else if (it.entity === 'agreement-item') cnt.items += 1;
        else if (typeof it.SK === 'string' && it.SK === 'P') cnt.plans += 1;
      }
    }
    naiveSamples.push({ ms: performance.now() - t0, requests, rcu: round(rcu), items });
    naiveCounts = counts;
  }
  const naive = summarise(naiveSamples);

  log('[hanoi] Measuring the main read endpoints…');
  const endpoints = {
    agreementList: await measureEndpoint('/api/agreements?limit=25', editor),
    agreementDetail: await measureEndpoint(`/api/agreements/${sampleAgreement[first]}`, editor),
    supervisionPlans: await measureEndpoint('/api/supervision/plans?limit=50', editor),
    supervisionBoard: await measureEndpoint('/api/supervision/board', editor),
    provinceDrillDownList: await measureEndpoint(`/api/agreements?limit=25&locality=${first}`, provinceViewer),
  };

  const withData = body.rows.filter((r: any) => r.hasData).length;
  const mismatches = body.rows
    .filter((r: any) => naiveCounts[r.localityCode])
    .filter((r: any) => Object.values(r.agreementsByKind as Record<string, number>).reduce((a, b) => a + b, 0) !== naiveCounts[r.localityCode]!.agreements)
    .map((r: any) => r.localityCode);
  const result = {
    config: { ...c, iterations: cfg.iterations, concurrency: cfg.concurrency },
    seed: { seconds: round(seedSeconds), writeFlows: tasks.length },
    dashboard: {
      ...dashboard,
      rowsReturned: body.rows.length,
      historicalRowsReturned: body.historical.length,
      tenantsWithData: withData,
      itemsReadPerTenant: round(dashboard.itemsReadPerCall / Math.max(withData, 1)),
    },
    rawDynamoQuery: rawQuery,
    apiOverheadRatio,
    overPlainQueryRatio,
    overheadBreakdown: breakdown,
    naiveScan: naive,
    naiveVsDashboard: {
      requests: round(naive.requestsPerCall / dashboard.requestsPerCall),
      rcu: round(naive.rcuPerCall / Math.max(dashboard.rcuPerCall, 0.5)),
      itemsRead: round(naive.itemsReadPerCall / Math.max(dashboard.itemsReadPerCall, 1)),
      p50: round(naive.p50Ms / dashboard.p50Ms),
    },
    countersMatchNaiveScan: mismatches.length === 0,
    endpoints,
  };

  log('');
  log(row('dashboard (1 Query)', dashboard));
  log(row('naive scan of records', naive));
  log(row('raw DynamoDB Query', rawQuery));
  for (const [name, s] of Object.entries(endpoints)) log(row(name, s));
  log(
    `Naive scan ÷ dashboard: ${result.naiveVsDashboard.requests}× requests, ${result.naiveVsDashboard.rcu}× RCU, ${result.naiveVsDashboard.itemsRead}× items read, ${result.naiveVsDashboard.p50}× p50.`,
  );
  log(
    `API overhead (dashboard p50 ÷ raw Query p50, the same request the API sends): ${apiOverheadRatio}× (${overPlainQueryRatio}× over a Query without ReturnConsumedCapacity). Breakdown (p50): raw Query ${breakdown.rawQueryP50Ms} ms (without capacity ${breakdown.plainQueryP50Ms} ms), in-memory join ${breakdown.inMemoryJoinP50Ms} ms, app total ${breakdown.serverAppP50Ms} ms, over HTTP ${breakdown.httpP50Ms} ms.`,
  );
  check(
    'hanoi',
    'dashboard rows = current units of Hà Nội',
    body.rows.length === province.localities.length,
    `${body.rows.length} rows, ${province.localities.length} units in the list`,
  );
  check('hanoi', 'dashboard is one DynamoDB request', dashboard.maxRequestsPerCall === 1, `${dashboard.maxRequestsPerCall} max over ${dashboard.calls} calls`);
  check('hanoi', '≤ 1 item read per tenant', dashboard.itemsReadPerCall <= withData, `${dashboard.itemsReadPerCall} items for ${withData} tenants with data`);
  check(
    'hanoi',
    'counters match the naive scan',
    mismatches.length === 0,
    mismatches.length ? `differ: ${mismatches.join(', ')}` : `${body.rows.filter((r: any) => naiveCounts[r.localityCode]).length} tenants compared`,
  );
  return result;
}

// ---------------------------------------------------------------------------------------------
// Case 2: Thành phố Hồ Chí Minh at full size: 168 current units + the districts of 79, 74, 77.
async function hcmCase() {
  const c = cfg.hcm;
  const province = findProvince(c.provinceCode)!;
  const predecessors = predecessorProvinces(c.provinceCode);
  const current: TenantRef[] = province.localities.slice(0, c.currentUnits).map((l) => ({ provinceCode: l.provinceCode, localityCode: l.code }));
  const history: TenantRef[] = c.history
    ? predecessors.flatMap((p) => [
        ...p.localities.map((l) => ({ provinceCode: p.code, localityCode: l.code })),
        // The merged provinces' own tenants (their province-level agreements until 30/06/2025).
        ...(p.code === c.provinceCode ? [] : [{ provinceCode: p.code, localityCode: null }]),
      ])
    : [];
  const tenants = [...current, ...history];
  const isHistory = (t: TenantRef) => t.localityCode === null || t.localityCode.length === 3;
  log(
    `\n[hcm] Seeding ${province.name}: ${current.length} current units + ${history.length} historical tenants ` +
      `(${predecessors.map((p) => `${p.code} ${p.name}: ${p.localities.length} districts`).join('; ')}${c.history ? '; + 74#P, 77#P' : ''}) ` +
      `× ${c.programsPerTenant} programs × ${c.itemsPerProgram} items…`,
  );

  const expected = new Map<string, Counters>();
  const firstProgram = new Map<string, string>();
  let written = 0;
  const seedStart = performance.now();
  await pool(
    tenants.map((t) => async () => {
      // Current units: programs of 2026 and 2025; history: 2021–2025.
      const p = programsFor(t, c.programsPerTenant, c.itemsPerProgram, isHistory(t) ? (i) => 2025 - (i % 5) : (i) => YEAR - (i % 2));
      await batchPut(p.items);
      expected.set(tenantPrefix(t), p.counters);
      firstProgram.set(tenantPrefix(t), p.firstId);
      written += p.items.length;
    }),
    cfg.concurrency,
  );
  // The roll-up rows, as rebuildRollup writes them (key, entity, lastActivityAt, counters).
  await batchPut(tenants.map((t) => ({ ...keys.rollup(t), entity: 'rollup', lastActivityAt: NOW.toISOString(), ...expected.get(tenantPrefix(t))! })));
  const seedSeconds = (performance.now() - seedStart) / 1000;
  log(`[hcm] Seeded ${written.toLocaleString('en')} record items + ${tenants.length} roll-up rows in ${seedSeconds.toFixed(1)} s.`);

  // A sample checked against a real rebuild from the records (every kind of tenant).
  const sample = [
    current[0],
    current[current.length - 1],
    history.find((t) => t.provinceCode === '79' && t.localityCode),
    history.find((t) => t.provinceCode === '74' && t.localityCode),
    history.find((t) => t.provinceCode === '77' && t.localityCode),
    history.find((t) => t.localityCode === null),
  ].filter((t): t is TenantRef => Boolean(t));
  const rebuildDiffers: string[] = [];
  for (const t of sample) {
    const fromRecords = await countersFromRecords(store(), t);
    if (!isDeepStrictEqual(fromRecords, expected.get(tenantPrefix(t)))) rebuildDiffers.push(tenantPrefix(t));
  }

  const viewer = await tokenFor('province_viewer', c.provinceCode, null);
  log('[hcm] Measuring the dashboard and the raw DynamoDB Query behind it (interleaved)…');
  const { dashboard, rawQuery, apiOverheadRatio, overPlainQueryRatio, breakdown } = await measureDashboardVsRaw(c.provinceCode, viewer);
  const wire = (await call('GET', `/api/rollups?year=${YEAR}`, viewer)).json;
  const body = dashboardWireSchema.parse(wire);

  // Every seeded tenant shows with its own counters (programs and done items), in rows or history.
  const shown = new Map<string, any>([...body.rows, ...body.historical].map((r: any) => [`${r.provinceCode}#${r.localityCode ?? 'P'}`, r]));
  const wrong = tenants.filter((t) => {
    const r = shown.get(tenantPrefix(t));
    const e = expected.get(tenantPrefix(t))!;
    const programs = Object.entries(e)
      .filter(([k]) => k.startsWith('agr.program.'))
      .reduce((n, [, v]) => n + v, 0);
    return !r || r.agreementsByKind.program !== programs || r.items.done !== (e['item.done'] ?? 0);
  });

  // History reads through a session fenced to exactly the target tenant (locally: the same client).
  const ward = province.localities.find((l) => l.predecessorDistrict && predecessors[0]!.localities.some((d) => d.code === l.predecessorDistrict))!;
  const bdDistrict = predecessors.find((p) => p.code === '74')?.localities[0];
  const endpoints: Record<string, ReturnType<typeof summarise>> = {};
  if (c.history) {
    log('[hcm] Measuring history reads…');
    const wardViewer = await tokenFor('locality_viewer', c.provinceCode, ward.code);
    endpoints.wardReadsPredecessorDistrict = await measureEndpoint(
      `/api/agreements?limit=25&locality=${ward.predecessorDistrict}`,
      wardViewer,
      Math.min(cfg.iterations, 50),
    );
    if (bdDistrict)
      endpoints.hcmStaffReadBinhDuongDistrict = await measureEndpoint(
        `/api/agreements?limit=25&locality=${bdDistrict.code}`,
        viewer,
        Math.min(cfg.iterations, 50),
      );
  }

  const result = {
    config: { ...c, iterations: cfg.iterations, concurrency: cfg.concurrency },
    tenants: { current: current.length, historical: history.length, total: tenants.length },
    seed: { seconds: round(seedSeconds), recordItems: written, rollupRows: tenants.length },
    rebuildSample: { tenants: sample.map(tenantPrefix), matches: rebuildDiffers.length === 0, differs: rebuildDiffers },
    dashboard: {
      ...dashboard,
      rowsReturned: body.rows.length,
      historicalRowsReturned: body.historical.length,
      itemsReadPerTenant: round(dashboard.itemsReadPerCall / tenants.length),
      responseBytes: JSON.stringify(wire).length,
    },
    rawDynamoQuery: rawQuery,
    apiOverheadRatio,
    overPlainQueryRatio,
    overheadBreakdown: breakdown,
    countersMatchRecords: wrong.length === 0,
    historyReads: {
      ward: `${ward.code} ${ward.name} → ${ward.predecessorDistrict}`,
      province74District: bdDistrict ? `${bdDistrict.code} ${bdDistrict.name}` : null,
    },
    endpoints,
  };

  log('');
  log(row('dashboard (1 Query)', dashboard));
  log(row('raw DynamoDB Query', rawQuery));
  for (const [name, s] of Object.entries(endpoints)) log(row(name, s));
  log(
    `API overhead (dashboard p50 ÷ raw Query p50, the same request the API sends): ${apiOverheadRatio}× (${overPlainQueryRatio}× over a Query without ReturnConsumedCapacity). Breakdown (p50): raw Query ${breakdown.rawQueryP50Ms} ms (without capacity ${breakdown.plainQueryP50Ms} ms), in-memory join ${breakdown.inMemoryJoinP50Ms} ms, app total ${breakdown.serverAppP50Ms} ms, over HTTP ${breakdown.httpP50Ms} ms.`,
  );
  const fullSize = c.currentUnits >= province.localities.length;
  check(
    'hcm',
    'dashboard rows = current units of HCM',
    body.rows.length === province.localities.length,
    `${body.rows.length} rows (${province.localities.length} in the list)`,
  );
  if (c.history) {
    const expectedHistory = predecessors.reduce((n, p) => n + p.localities.length + (p.code === c.provinceCode ? 0 : 1), 0);
    check(
      'hcm',
      'historical rows = districts of 79, 74, 77 + 74#P, 77#P',
      body.historical.length === expectedHistory,
      `${body.historical.length} rows (expected ${expectedHistory})`,
    );
  }
  check(
    'hcm',
    'dashboard is one DynamoDB request',
    dashboard.maxRequestsPerCall === 1 && rawQuery.pages === 1,
    `${dashboard.maxRequestsPerCall} max over ${dashboard.calls} calls; raw Query ${rawQuery.pages} page`,
  );
  check('hcm', '≤ 1 item read per tenant', dashboard.itemsReadPerCall <= tenants.length, `${dashboard.itemsReadPerCall} items for ${tenants.length} tenants`);
  check(
    'hcm',
    'counters match the records',
    wrong.length === 0,
    wrong.length ? `differ: ${wrong.slice(0, 5).map(tenantPrefix).join(', ')}` : `${tenants.length} tenants`,
  );
  check(
    'hcm',
    'roll-up rows equal a rebuild from the records (sample)',
    rebuildDiffers.length === 0,
    rebuildDiffers.length ? `differ: ${rebuildDiffers.join(', ')}` : sample.map(tenantPrefix).join(', '),
  );
  for (const [name, s] of Object.entries(endpoints)) check('hcm', `${name} is one request`, s.maxRequestsPerCall === 1, `${s.maxRequestsPerCall}`);
  if (c.maxOverhead > 0) {
    check(
      'hcm',
      `dashboard p50 ≤ ${c.maxOverhead}× raw Query p50${fullSize ? '' : ' (not full size)'}`,
      apiOverheadRatio <= c.maxOverhead,
      `${dashboard.p50Ms} ms ÷ ${rawQuery.p50Ms} ms = ${apiOverheadRatio}×`,
    );
  }
  return result;
}

const cases: Record<string, unknown> = {};
if (cfg.case === 'all' || cfg.case === 'hanoi') cases.hanoi = await hanoiCase();
if (cfg.case === 'all' || cfg.case === 'hcm') cases.hcm = await hcmCase();
if (cfg.case === 'all' || cfg.case === 'import') {
  const imported = await importCase({ runs: q ? 2 : 5, check: (name, ok, detail) => check('import', name, ok, detail) });
  log(`import: 50-page .docx (${imported.docx.estimatedPages} pages est.) p50 ${imported.docx.p50Ms} ms; 1,000-row XLSX p50 ${imported.xlsx.p50Ms} ms`);
  cases.import = imported;
}
if (cfg.case === 'all' || cfg.case === 'reminders') {
  // A table of its own: the other cases' records have due dates too, and the job would count them.
  const remindersTable = `${stack.tableName}-reminders`;
  await ensureTable(stack.dynamoEndpoint, remindersTable);
  cases.reminders = await remindersCase({
    doc,
    tableName: remindersTable,
    now: NOW,
    batchPut: (items) => batchPut(items, remindersTable),
    check,
    log,
    tenants: num(values['reminder-tenants'], 3000, 300),
    dueShare: 0.02,
    itemsPerProgram: 10,
  });
}
if (cfg.case === 'all' || cfg.case === 'signatures') {
  const sizeMb = Number(values['signature-mb']);
  log(`\n== Digital signatures: verification of a ${sizeMb} MB signed PDF ==`);
  const sig = await signatureCase({ sizeMb, runs: Number(values['signature-runs']) });
  cases.signatures = sig;
  log(`  ${sig.sizeBytes} bytes · p50 ${sig.p50Ms} ms · max ${sig.maxMs} ms over ${sig.runs} runs · peak RSS ${sig.maxRssMb} MB · ${sig.status}`);
  check('signatures', 'verdict is trusted', sig.status === 'trusted', sig.status);
  check('signatures', 'peak memory within the Lambda’s 1024 MB', sig.maxRssMb <= 1024, `${sig.maxRssMb} MB`);
  check('signatures', 'within the verifier’s 10 s budget', sig.maxMs <= 10_000, `${sig.maxMs} ms`);
}

const result = {
  at: new Date().toISOString(),
  command: `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`,
  machine: { node: process.version, cpus: cpus().length },
  cases,
  checks,
  ok: checks.every((c) => c.ok),
  totalSeconds: round((Date.now() - started) / 1000),
};

const dir = join(import.meta.dirname, 'results');
mkdirSync(dir, { recursive: true });
const stamp = result.at.replace(/[:.]/g, '-');
writeFileSync(join(dir, `${stamp}.json`), `${JSON.stringify(result, null, 2)}\n`);
writeFileSync(join(dir, 'latest.json'), `${JSON.stringify(result, null, 2)}\n`);
log('');
log(
  `${result.ok ? 'All checks pass' : `${checks.filter((c) => !c.ok).length} check(s) FAILED`} · ${result.totalSeconds} s · written to bench/results/${stamp}.json`,
);

doc.destroy();
await stack.stop();
process.exit(result.ok ? 0 : 1);
