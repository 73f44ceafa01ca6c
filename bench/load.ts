/**
 * `npm run load`: concurrent clients against the local server (the stack `npm start` runs, on
 * DynamoDB Local, started by bench/load-server.ts in its own process), across many tenants, mixed
 * reads and writes, then checks that nothing was lost or doubled.
 *
 * Set-up (through the API): N commune-level units of Hà Nội sign up and the province admin approves
 * them; each tenant's editor creates and signs one program of 3 items.
 *
 * Load (autocannon, three groups of connections for `--duration` seconds):
 * - reads: the agreement list, an agreement's detail, the province dashboard (province viewer) and
 *   the tenant profile, of tenants taken in turn;
 * - creates: a new draft program with an `Idempotency-Key`, then the same request again with the
 *   same key (a client retrying after a lost answer): the second must replay the first;
 * - progress: every progress connection works on the same agreement at a time (the hot agreement
 *   moves to the next tenant every 2 s): read the detail, then PATCH item 1 or 2 with `If-Match` of the
 *   version it last saw. Connections race on the same items; the losers get 409.
 *
 * Checks afterwards (exit 1 when one fails):
 * - no 5xx, no connection error or timeout;
 * - no lost update: every tenant's roll-up row equals its rebuild from the records
 *   (functions/rollups/rebuild.ts `countersFromRecords`); on every item the accepted PATCHes got
 *   distinct versions, the final version counts exactly the accepted ones (plus any whose answer the
 *   run's end cut off) and, when none was cut off, the item shows the last accepted write;
 * - every accepted create is readable through the API;
 * - no duplicate: each Idempotency-Key made at most one agreement, and every retry got the first
 *   answer back (`Idempotent-Replayed: true`, the same id).
 *
 * Prints requests/s and p50/p99 per route (latency measured by the client from building the request
 * to its parsed answer); writes bench/results/load-<timestamp>.json and bench/results/load-latest.json.
 *
 * Flags: --duration 60 (seconds) --tenants 30 --connections 16 --out bench/results
 *        --dynamo-endpoint / --s3-endpoint / --ses-endpoint: emulators already running (the tests')
 */
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { type CreateRecord, duplicateCreates, type ItemLog, type ItemState, lostUpdates as findLostUpdates, percentile, sameCounters } from './load-checks.js';
import { countersFromRecords, storedCounters } from '../functions/rollups/rebuild.js';
import { createDocumentClient } from '../functions/store/client.js';
import { MeteredStore } from '../functions/store/metered-store.js';
import { vietnamToday } from '../shared/dates.js';
import { keys, type TenantRef } from '../shared/keys.js';
import { findProvince } from '../shared/localities/index.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const { values } = parseArgs({
  options: {
    duration: { type: 'string', default: '60' },
    tenants: { type: 'string', default: '30' },
    connections: { type: 'string', default: '16' },
    out: { type: 'string', default: join(import.meta.dirname, 'results') },
    'dynamo-endpoint': { type: 'string' },
    's3-endpoint': { type: 'string' },
    'ses-endpoint': { type: 'string' },
  },
});
const DURATION_S = Number(values.duration);
const TENANTS = Number(values.tenants);
const CONNECTIONS = Number(values.connections);
if (!(DURATION_S >= 1 && TENANTS >= 1 && TENANTS <= 120 && CONNECTIONS >= 3)) {
  console.error('--duration ≥ 1, --tenants 1–120, --connections ≥ 3');
  process.exit(2);
}

const log = (s: string) => process.stdout.write(`${s}\n`);
const started = Date.now();
const loadBefore = loadavg();
const runId = Date.now().toString(36);

// ---------------------------------------------------------------------------------------------
// The server, in its own process.

const hanoi = findProvince('01')!;
const tenants: TenantRef[] = hanoi.localities.slice(0, TENANTS).map((l) => ({ provinceCode: '01', localityCode: l.code }));
const tenantKey = (t: TenantRef) => `${t.provinceCode}:${t.localityCode}`;

type ServerInfo = {
  url: string;
  dynamoEndpoint: string;
  tableName: string;
  editors: Record<string, string>;
  provinceAdmins: Record<string, string>;
  provinceViewers: Record<string, string>;
};
const emulators = (['dynamo-endpoint', 's3-endpoint', 'ses-endpoint'] as const).flatMap((f) => (values[f] ? [`--${f}`, values[f]] : []));
const serverArgs = ['--localities', tenants.map(tenantKey).join(','), '--table', `load-${runId}`, ...emulators];
const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'load-server.ts'), ...serverArgs], {
  stdio: ['pipe', 'pipe', 'inherit'],
});
const childExited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
const stopServer = async () => {
  if (child.exitCode === null) child.kill('SIGTERM');
  await Promise.race([childExited, new Promise((r) => setTimeout(r, 10_000))]);
  if (child.exitCode === null) child.kill('SIGKILL');
};
process.on('SIGINT', () => void stopServer().then(() => process.exit(130)));

const server = await new Promise<ServerInfo>((resolve, reject) => {
  const lines = createInterface({ input: child.stdout! });
  lines.once('line', (line) => {
    try {
      resolve(JSON.parse(line) as ServerInfo);
    } catch (err) {
      reject(new Error(`load server said: ${line} (${(err as Error).message})`));
    }
  });
  child.once('exit', (code) => reject(new Error(`load server exited (${code}) before it was ready`)));
});
log(`Máy chủ cục bộ / local server: ${server.url} (DynamoDB Local ${server.dynamoEndpoint}), sẵn sàng sau ${((Date.now() - started) / 1000).toFixed(1)} s`);

const editorOf = (t: TenantRef) => server.editors[tenantKey(t)]!;
const provinceAdmin = server.provinceAdmins['01']!;
const provinceViewer = server.provinceViewers['01']!;

async function call(method: string, path: string, authorization: string | null, body?: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${server.url}${path}`, {
    method,
    headers: { ...(authorization ? { authorization } : {}), ...headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, json: (text ? JSON.parse(text) : null) as any };
}
async function must(method: string, path: string, authorization: string | null, body?: unknown, expected = [200, 201]) {
  const r = await call(method, path, authorization, body);
  if (!expected.includes(r.status)) throw new Error(`${method} ${path} → ${r.status}: ${JSON.stringify(r.json).slice(0, 300)}`);
  return r;
}
async function pool<T>(items: T[], n: number, work: (item: T) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: n }, async () => {
      while (next < items.length) await work(items[next++]!);
    }),
  );
}

// ---------------------------------------------------------------------------------------------
// Set-up through the API: sign-up, approval, one signed program of 3 items per tenant.

const today = vietnamToday(new Date());
const YEAR = Number(today.slice(0, 4));
const parties = [
  { agency: 'HDND', name: 'Thường trực Hội đồng nhân dân' },
  { agency: 'UBND', name: 'Ủy ban nhân dân' },
  { agency: 'MTTQ', name: 'Ủy ban Mặt trận Tổ quốc Việt Nam' },
];
const programBody = (title: string, items = 3) => ({
  kind: 'program',
  number: `01/CTrPH-${YEAR}`,
  title,
  year: YEAR,
  parties,
  items: Array.from({ length: items }, (_, k) => ({ title: `Nội dung ${k + 1}: phối hợp tiếp xúc cử tri, giám sát`, lead: parties[k % 3] })),
});

type Seeded = { tenant: TenantRef; agreementId: string };
const seeded: Seeded[] = [];
const initialVersions = new Map<string, number>(); // `${agreementId}#${no}` → version after signing
const seedStarted = Date.now();
await pool(tenants, 10, async (t) => {
  const signUp = await must('POST', '/api/tenancy/signups', null, {
    provinceCode: t.provinceCode,
    localityCode: t.localityCode,
    agency: 'UBND',
    contactName: 'Người Liên Hệ',
    contactEmail: `lienhe.${t.localityCode}@load.vn`,
  });
  await must('POST', `/api/tenancy/signups/${t.localityCode}/decision`, provinceAdmin, { decision: 'approve', version: signUp.json.tenant.version });
  const created = await must('POST', '/api/agreements', editorOf(t), programBody(`Chương trình phối hợp năm ${YEAR}`));
  const id = created.json.agreement.id as string;
  await must('POST', `/api/agreements/${id}/sign`, editorOf(t), {
    version: created.json.agreement.version,
    signedOn: today,
    signatories: parties.map((p) => ({ agency: p.agency, onBehalf: `TM. ${p.name}`, title: 'Chủ tịch', name: 'Nguyễn Văn An' })),
  });
  const detail = await must('GET', `/api/agreements/${id}`, editorOf(t));
  for (const item of detail.json.items as { no: number; version: number }[]) initialVersions.set(`${id}#${item.no}`, item.version);
  seeded.push({ tenant: t, agreementId: id });
});
seeded.sort((a, b) => a.tenant.localityCode!.localeCompare(b.tenant.localityCode!));
log(`Đã tạo / set up ${seeded.length} đơn vị, mỗi đơn vị một chương trình đã ký (${((Date.now() - seedStarted) / 1000).toFixed(1)} s)`);

// ---------------------------------------------------------------------------------------------
// Measurements kept by the client, per route.

type RouteStats = { latencies: number[]; statuses: Record<string, number> };
const stats = new Map<string, RouteStats>();
const record = (route: string, status: number, ms: number) => {
  let s = stats.get(route);
  if (!s) stats.set(route, (s = { latencies: [], statuses: {} }));
  s.latencies.push(ms);
  s.statuses[status] = (s.statuses[status] ?? 0) + 1;
};
type Ctx = Record<string, any>;
const now = () => performance.now();
let turn = 0;
const nextSeeded = () => seeded[turn++ % seeded.length]!;

/** One request of a sequence: `build` fills path, headers and body; `done` sees the answer. */
function step(
  route: string,
  method: string,
  build: (ctx: Ctx) => { path: string; headers: Record<string, string>; body?: unknown },
  done?: (status: number, body: string, ctx: Ctx, headers: Record<string, string | string[]>) => void,
): autocannon.Request {
  return {
    method: method as autocannon.Request['method'],
    setupRequest: ((req: autocannon.Request, ctx: Ctx) => {
      const r = build(ctx);
      ctx.sentAt = now();
      return {
        ...req,
        path: r.path,
        headers: { ...r.headers, ...(r.body === undefined ? {} : { 'content-type': 'application/json' }) },
        ...(r.body === undefined ? {} : { body: JSON.stringify(r.body) }),
      };
    }) as autocannon.Request['setupRequest'],
    onResponse: ((status: number, body: string, ctx: Ctx, headers: Record<string, string | string[]>) => {
      record(route, status, now() - (ctx.sentAt as number));
      done?.(status, body, ctx, headers);
    }) as autocannon.Request['onResponse'],
  };
}

// Reads: the list, a detail, the dashboard, the tenant profile — of tenants in turn.
const reads = [
  step('GET /api/agreements', 'GET', () => ({ path: '/api/agreements?limit=25', headers: { authorization: editorOf(nextSeeded().tenant) } })),
  step('GET /api/agreements/:id', 'GET', () => {
    const s = nextSeeded();
    return { path: `/api/agreements/${s.agreementId}`, headers: { authorization: editorOf(s.tenant) } };
  }),
  step('GET /api/rollups', 'GET', () => ({ path: '/api/rollups', headers: { authorization: provinceViewer } })),
  step('GET /api/tenancy/tenant', 'GET', () => ({ path: '/api/tenancy/tenant', headers: { authorization: editorOf(nextSeeded().tenant) } })),
];

// Creates with an Idempotency-Key, each sent twice.
const creates = new Map<string, CreateRecord & { tenant: TenantRef }>();
let createCount = 0;
const createSteps = [
  step(
    'POST /api/agreements',
    'POST',
    (ctx) => {
      const t = seeded[createCount % seeded.length]!.tenant;
      const key = `load-${runId}-${createCount++}`;
      ctx.key = key;
      ctx.tenant = t;
      ctx.body = programBody(`Chương trình tải thử ${key}`, 2);
      creates.set(key, { tenant: t });
      return { path: '/api/agreements', headers: { authorization: editorOf(t), 'idempotency-key': key }, body: ctx.body };
    },
    (status, body, ctx) => {
      const rec = creates.get(ctx.key)!;
      rec.first = { status, ...(status === 201 ? { id: JSON.parse(body).agreement.id as string } : {}) };
    },
  ),
  step(
    'POST /api/agreements (retry, same key)',
    'POST',
    (ctx) => ({
      path: '/api/agreements',
      headers: { authorization: editorOf(ctx.tenant), 'idempotency-key': ctx.key },
      body: ctx.body,
    }),
    (status, body, ctx, headers) => {
      const rec = creates.get(ctx.key)!;
      rec.retry = { status, replayed: headers['idempotent-replayed'] === 'true', ...(status === 201 ? { id: JSON.parse(body).agreement.id as string } : {}) };
    },
  ),
];

// Progress racing on the same items: the hot agreement moves every 2 s.
const loadStart = { at: 0 };
const hot = () => seeded[Math.floor((Date.now() - loadStart.at) / 2000) % seeded.length]!;
const lastSeen = new Map<string, number>(); // item → the version this client last saw
const itemLogs = new Map<string, ItemLog>();
const itemLog = (k: string) => {
  let l = itemLogs.get(k);
  if (!l) itemLogs.set(k, (l = { sent: 0, answered: 0, accepted: [], conflicts: 0 }));
  return l;
};
const PROGRESS = [0, 30, 60, 100];
const progressSteps = [
  step(
    'GET /api/agreements/:id (before update)',
    'GET',
    (ctx) => {
      const s = hot();
      ctx.seeded = s;
      return { path: `/api/agreements/${s.agreementId}`, headers: { authorization: editorOf(s.tenant) } };
    },
    (status, body, ctx) => {
      if (status !== 200) return;
      for (const item of JSON.parse(body).items as { no: number; version: number }[]) {
        const k = `${(ctx.seeded as Seeded).agreementId}#${item.no}`;
        lastSeen.set(k, Math.max(lastSeen.get(k) ?? 0, item.version));
      }
    },
  ),
  step(
    'PATCH /api/agreements/:id/items/:no',
    'PATCH',
    (ctx) => {
      const s = ctx.seeded as Seeded;
      const no = 1 + Math.floor(Math.random() * 2);
      const k = `${s.agreementId}#${no}`;
      ctx.item = k;
      itemLog(k).sent++;
      return {
        path: `/api/agreements/${s.agreementId}/items/${no}`,
        headers: { authorization: editorOf(s.tenant), 'if-match': `"${lastSeen.get(k) ?? initialVersions.get(k)}"` },
        body: { progress: PROGRESS[Math.floor(Math.random() * PROGRESS.length)] },
      };
    },
    (status, body, ctx) => {
      const l = itemLog(ctx.item);
      l.answered++;
      if (status === 409) l.conflicts++;
      if (status !== 200) return;
      const item = JSON.parse(body).item as { version: number; progress: number; status: string };
      l.accepted.push({ version: item.version, progress: item.progress, status: item.status });
      lastSeen.set(ctx.item, Math.max(lastSeen.get(ctx.item) ?? 0, item.version));
    },
  ),
];

// ---------------------------------------------------------------------------------------------
// The load.

const share = (w: number) => Math.max(1, Math.round((CONNECTIONS * w) / 16));
const groups = [
  { name: 'reads', connections: share(6), requests: reads },
  { name: 'creates', connections: share(4), requests: createSteps },
  { name: 'progress', connections: share(6), requests: progressSteps },
];
log(`Tải / load: ${DURATION_S} s, ${groups.map((g) => `${g.name} ${g.connections}`).join(', ')} kết nối / connections, ${seeded.length} đơn vị / tenants`);
loadStart.at = Date.now();
const results = await Promise.all(
  groups.map(
    (g) =>
      new Promise<autocannon.Result>((resolve, reject) => {
        autocannon(
          { url: server.url, connections: g.connections, duration: DURATION_S, requests: g.requests, timeout: 20 },
          (err: Error | null, result: autocannon.Result) => (err ? reject(err) : resolve(result)),
        );
      }),
  ),
);
const elapsedS = (Date.now() - loadStart.at) / 1000;
const loadDuring = loadavg();
// Answers the run's end cut off may still be in the server: let them land before checking.
await new Promise((r) => setTimeout(r, 1500));

// ---------------------------------------------------------------------------------------------
// Checks.

const checkStarted = Date.now();
const doc = createDocumentClient({ tableName: server.tableName, endpoint: server.dynamoEndpoint, region: 'local' });
const store = new MeteredStore(doc, server.tableName);

const fiveXx = [...stats.values()].reduce((n, s) => n + Object.entries(s.statuses).reduce((m, [code, c]) => m + (Number(code) >= 500 ? c : 0), 0), 0);
const connectionErrors = results.reduce((n, r) => n + r.errors + r.timeouts, 0);

// Roll-ups: every tenant's row equals its rebuild.
const rollupMismatches: { tenant: string; stored: Record<string, number>; rebuilt: Record<string, number> }[] = [];
await pool(tenants, 4, async (t) => {
  const [stored, rebuilt] = await Promise.all([storedCounters(store, t), countersFromRecords(store, t)]);
  if (!sameCounters(stored, rebuilt)) rollupMismatches.push({ tenant: tenantKey(t), stored, rebuilt });
});

// Progress: distinct accepted versions, the count in the final version, the last write shown.
const finalItems = new Map<string, ItemState>();
await pool(seeded, 4, async (s) => {
  const detail = await must('GET', `/api/agreements/${s.agreementId}`, editorOf(s.tenant));
  for (const item of detail.json.items as (ItemState & { no: number })[]) {
    finalItems.set(`${s.agreementId}#${item.no}`, { version: item.version, progress: item.progress, status: item.status });
  }
});
const lostUpdates = findLostUpdates(itemLogs, initialVersions, finalItems);
const logs = [...itemLogs.values()];
const accepted = logs.reduce((n, l) => n + l.accepted.length, 0);
const conflicts = logs.reduce((n, l) => n + l.conflicts, 0);
const cutOff = logs.reduce((n, l) => n + l.sent - l.answered, 0);

// Creates: every accepted one readable; each key at most one agreement; every retry replayed.
const acceptedCreates = [...creates.entries()].filter(([, r]) => r.first?.status === 201 || r.retry?.status === 201);
const unreadable: string[] = [];
await pool(acceptedCreates, 16, async ([key, r]) => {
  const id = r.first?.id ?? r.retry!.id!;
  const got = await call('GET', `/api/agreements/${id}`, editorOf(r.tenant));
  if (got.status !== 200 || !String(got.json.agreement.title).includes(key)) unreadable.push(`${key} (${id}) → ${got.status}`);
});
const perKey = new Map<string, number>();
await pool(tenants, 4, async (t) => {
  const items = await store.queryAll({
    IndexName: 'GSI1',
    KeyConditionExpression: 'GSI1PK = :pk',
    ExpressionAttributeValues: { ':pk': keys.agreementList(t).GSI1PK },
  });
  for (const i of items) {
    const m = /tải thử (load-\S+)/.exec(String(i.title ?? ''));
    if (m && i.entity === 'agreement') perKey.set(m[1]!, (perKey.get(m[1]!) ?? 0) + 1);
  }
});
const { duplicates, retriesReplayed } = duplicateCreates(creates, perKey);
const storedCreates = perKey.size;
doc.destroy();
const checkS = (Date.now() - checkStarted) / 1000;

await stopServer();

// ---------------------------------------------------------------------------------------------
// Report.

const round = (n: number) => Math.round(n * 10) / 10;
const routes = [...stats.entries()].map(([route, s]) => {
  const sorted = [...s.latencies].sort((a, b) => a - b);
  return {
    route,
    requests: sorted.length,
    perSecond: round(sorted.length / elapsedS),
    p50Ms: round(percentile(sorted, 50)),
    p99Ms: round(percentile(sorted, 99)),
    statuses: s.statuses,
  };
});
const totalRequests = routes.reduce((n, r) => n + r.requests, 0);
const checks = {
  noServerErrors: fiveXx === 0 && connectionErrors === 0,
  rollupsEqualRebuild: rollupMismatches.length === 0,
  noLostUpdates: lostUpdates.length === 0,
  acceptedCreatesReadable: unreadable.length === 0,
  noDuplicates: duplicates.length === 0,
  racesHappened: conflicts > 0 || DURATION_S < 10,
};
const result = {
  at: new Date().toISOString(),
  command: `npm run load -- --duration ${DURATION_S} --tenants ${TENANTS} --connections ${CONNECTIONS}`,
  machine: {
    cpus: cpus().length,
    model: cpus()[0]?.model,
    loadavgBefore: loadBefore.map(round),
    loadavgDuringLoad: loadDuring.map(round),
    node: process.version,
  },
  durationS: round(elapsedS),
  tenants: seeded.length,
  connections: Object.fromEntries(groups.map((g) => [g.name, g.connections])),
  requests: totalRequests,
  requestsPerSecond: round(totalRequests / elapsedS),
  fiveXx,
  connectionErrors,
  routes,
  progress: { accepted, conflicts409: conflicts, cutOffAtEnd: cutOff, lostUpdates },
  creates: { sent: creates.size, accepted: acceptedCreates.length, stored: storedCreates, retriesReplayed, unreadable, duplicates },
  rollups: { tenants: tenants.length, mismatches: rollupMismatches },
  checks,
  passed: Object.values(checks).every(Boolean),
  totalS: round((Date.now() - started) / 1000),
  checkS: round(checkS),
};

mkdirSync(values.out, { recursive: true });
const file = join(values.out, `load-${result.at.replace(/[:.]/g, '-')}.json`);
writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
writeFileSync(join(values.out, 'load-latest.json'), `${JSON.stringify(result, null, 2)}\n`);

log('');
log(`${'route'.padEnd(48)} ${'req'.padStart(7)} ${'req/s'.padStart(7)} ${'p50 ms'.padStart(8)} ${'p99 ms'.padStart(8)}  statuses`);
for (const r of routes) {
  log(
    `${r.route.padEnd(48)} ${String(r.requests).padStart(7)} ${String(r.perSecond).padStart(7)} ${String(r.p50Ms).padStart(8)} ${String(r.p99Ms).padStart(8)}  ${Object.entries(
      r.statuses,
    )
      .map(([k, v]) => `${k}×${v}`)
      .join(' ')}`,
  );
}
log(`${'all'.padEnd(48)} ${String(totalRequests).padStart(7)} ${String(result.requestsPerSecond).padStart(7)}`);
log('');
log(`5xx: ${fiveXx}; lỗi kết nối / connection errors + timeouts: ${connectionErrors}`);
log(
  `Tiến độ / progress: ${accepted} cập nhật được nhận / accepted, ${conflicts} xung đột 409 / conflicts, ${cutOff} bị cắt khi hết giờ / cut off; mất cập nhật / lost updates: ${lostUpdates.length}`,
);
log(
  `Tạo mới / creates: ${creates.size} khoá / keys, ${acceptedCreates.length} được nhận / accepted, ${storedCreates} đã lưu / stored, ${retriesReplayed} lần gửi lại trả lại kết quả cũ / retries replayed; trùng lặp / duplicates: ${duplicates.length}; không đọc được / unreadable: ${unreadable.length}`,
);
log(`Tổng hợp / roll-ups: ${tenants.length - rollupMismatches.length}/${tenants.length} dòng khớp với tính lại / rows equal their rebuild`);
for (const line of [...lostUpdates, ...duplicates, ...unreadable].slice(0, 20)) log(`  ! ${line}`);
for (const m of rollupMismatches.slice(0, 5)) log(`  ! roll-up ${m.tenant}: stored ${JSON.stringify(m.stored)} rebuilt ${JSON.stringify(m.rebuilt)}`);
log('');
log(
  `Máy / machine: ${result.machine.cpus} CPU, tải trung bình / load average trước / before ${result.machine.loadavgBefore.join(' ')}, lúc chạy / during ${result.machine.loadavgDuringLoad.join(' ')}`,
);
log(
  `${result.passed ? 'ĐẠT / PASSED' : 'KHÔNG ĐẠT / FAILED'}: ${Object.entries(checks)
    .map(([k, v]) => `${k} ${v ? '✓' : '✗'}`)
    .join(', ')} — ${result.totalS} s in all → ${file}`,
);
process.exit(result.passed ? 0 : 1);
