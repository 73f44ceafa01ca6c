import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { MAX_JSON_BODY_BYTES } from '../../functions/app.js';
import { endpointsOf } from '../../functions/http/openapi.js';
import { ITEM_LIMIT_BYTES, itemSize } from '../../functions/store/item-size.js';
import { MeteredStore } from '../../functions/store/metered-store.js';
import { appWithRouteTable } from '../../functions/capability-routes.js';
import { problemSchema } from '../../shared/problem-schema.js';
import { agreementsClient, programBody, type Headers } from '../support/agreements.js';
import { fitBytes, repairBody } from '../support/body-repair.js';
import { harnessSuite } from '../support/harness.js';
import { bodyArb, sampleBody } from '../support/schema-bodies.js';
import { samplePlan } from '../support/supervision-fixtures.js';
import { signUpBody } from '../support/tenancy.js';

/**
 * Every write route of the route table, with the largest body its schema accepts (cut to the 1 MB
 * request limit) and random valid bodies, created and then edited: never a 5xx; a record that cannot
 * be stored is a 413 problem naming the field; a stored record and its audit entry each fit 400 KB.
 */

let api: ReturnType<typeof agreementsClient>;
let editor: Headers;
let admin: Headers;
let provinceAdmin: Headers;
let operator: Headers;
let thaiNguyenAdmin: Headers;
const clock = new Date('2026-03-20T02:00:00Z');
const TAY_HO = { provinceCode: '01', localityCode: '00103' };

const h = harnessSuite({ now: () => clock });

beforeAll(async () => {
  api = agreementsClient(h);
  editor = (await h.userToken({ role: 'locality_editor', ...TAY_HO })).headers;
  admin = (await h.userToken({ role: 'locality_admin', ...TAY_HO })).headers;
  provinceAdmin = (await h.userToken({ role: 'province_admin', provinceCode: '01', localityCode: null })).headers;
  operator = (await h.userToken({ role: 'operator', provinceCode: null, localityCode: null })).headers;
  thaiNguyenAdmin = (await h.userToken({ role: 'province_admin', provinceCode: '19', localityCode: null })).headers;
});

async function send(method: string, path: string, headers: Headers, body?: unknown) {
  const res = await h.app.request(path, {
    method,
    headers: { ...headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  return { status: res.status, text, type: res.headers.get('content-type') ?? '', json: text ? (JSON.parse(text) as Record<string, any>) : null };
}

/** The answer every write must give: no 5xx; a 4xx is a problem; a 400/413 names at least one field. */
function expectSane(route: string, r: Awaited<ReturnType<typeof send>>) {
  expect(r.status, `${route} → ${r.status} ${r.text.slice(0, 300)}`).toBeLessThan(500);
  if (r.status >= 400) {
    expect(r.type, route).toMatch(/^application\/problem\+json/);
    const p = problemSchema.parse(r.json);
    if (r.status === 413 || (r.status === 400 && p.type.endsWith(':validation'))) {
      expect(p.errors?.length ?? 0, `${route} ${r.text.slice(0, 300)}`).toBeGreaterThan(0);
    }
  }
}

async function signedProgram(): Promise<string> {
  const draft = await api.create(editor, programBody());
  await api.sign(editor, draft.id, draft.version);
  return draft.id;
}

async function planAt(status: 'planned' | 'in_progress'): Promise<string> {
  const r = await send('POST', '/api/supervision/plans', editor, samplePlan({ period: { from: '2026-03-01', to: '2026-04-30' } }));
  const id = r.json!.plan.id as string;
  if (status === 'in_progress') {
    await send('POST', `/api/supervision/plans/${id}/transitions`, editor, { to: 'notified', version: 1 });
    await send('POST', `/api/supervision/plans/${id}/transitions`, editor, { to: 'in_progress', version: 2 });
  }
  return id;
}

async function planWithRecommendation(): Promise<string> {
  const id = await planAt('in_progress');
  await send('POST', `/api/supervision/plans/${id}/findings`, editor, {
    kind: 'shortcoming',
    title: 'Chậm xử lý',
    recommendations: [{ content: 'Xử lý dứt điểm', responsibleUnit: 'UBND phường', deadline: '2026-04-30' }],
  });
  return id;
}

const reviewOf = (r: { json: Record<string, any> | null }) =>
  (r.json?.reviews as { period: string; version: number; place: string }[] | undefined)?.find((x) => x.period === '2024-Y');
const pick = (json: Record<string, any> | null, ...path: string[]): number | undefined =>
  path.reduce<any>((v, k) => (v && typeof v === 'object' ? v[k] : undefined), json) as number | undefined;

/** How to reach one write route: the URL (resources it needs are made once), who calls, a valid base body, the current version. */
type Scenario = {
  url: () => Promise<string>;
  who: () => Headers;
  base?: unknown;
  version?: (url: string) => Promise<number | undefined>;
  fix?: (body: Record<string, any>) => void;
};

function once<T>(make: () => Promise<T>): () => Promise<T> {
  let p: Promise<T> | undefined;
  return () => (p ??= make());
}

const signed = once(signedProgram);
const plan = once(() => planAt('planned'));
const working = once(planWithRecommendation);
const agreementVersion = async (url: string) => pick((await send('GET', url.replace(/\/(sign|status|amendments)$/, ''), editor)).json, 'agreement', 'version');
const planVersion = async (url: string) => pick((await send('GET', url.replace(/\/(transitions)$/, ''), editor)).json, 'plan', 'version');
const recVersion = async (url: string) => {
  const [, id, no] = /plans\/([^/]+)\/recommendations\/(\d+)/.exec(url) ?? [];
  const d = (await send('GET', `/api/supervision/plans/${id}`, editor)).json;
  const recs = (d?.findings ?? []).flatMap((f: { recommendations: { no: number; version: number }[] }) => f.recommendations);
  return recs.find((r: { no: number }) => r.no === Number(no))?.version;
};

const scenarios: Record<string, Scenario> = {
  'POST /api/agreements': { url: async () => '/api/agreements', who: () => editor, base: programBody(), fix: (b) => delete b.continues },
  'PUT /api/agreements/:id': {
    url: once(async () => `/api/agreements/${(await api.create(editor)).id}`),
    who: () => editor,
    base: programBody(),
    version: agreementVersion,
    fix: (b) => delete b.continues,
  },
  'DELETE /api/agreements/:id': { url: async () => `/api/agreements/${(await api.create(editor)).id}`, who: () => admin, version: agreementVersion },
  'POST /api/agreements/:id/sign': { url: async () => `/api/agreements/${(await api.create(editor)).id}/sign`, who: () => editor, version: agreementVersion },
  'POST /api/agreements/:id/status': { url: async () => `/api/agreements/${await signed()}/status`, who: () => editor, version: agreementVersion },
  'POST /api/agreements/:id/amendments': { url: async () => `/api/agreements/${await signed()}/amendments`, who: () => editor, version: agreementVersion },
  'PATCH /api/agreements/:id/items/:no': {
    url: async () => `/api/agreements/${await signed()}/items/1`,
    who: () => editor,
    version: async (url) => pick((await send('GET', url.replace(/\/items\/1$/, ''), editor)).json, 'items', '0', 'version'),
  },
  'PUT /api/agreements/:id/reviews/:period': {
    url: once(async () => `/api/agreements/${await signed()}/reviews/2024-Y`),
    who: () => editor,
    base: { heldOn: '2024-12-20' },
    version: async (url) => reviewOf(await send('GET', url.replace(/\/reviews\/.*$/, ''), editor))?.version,
    fix: (b) => {
      b.heldOn = '2024-12-20';
      b.itemResults = (b.itemResults ?? []).slice(0, 2).map((r: object, i: number) => ({ ...r, no: i + 1 }));
    },
  },
  'POST /api/archive/documents/:id/versions/:n/verify': {
    url: async () => '/api/archive/documents/01JQ3Z5X8Y9ABCDEFGHJKMNPQS/versions/1/verify',
    who: () => editor,
  },
  'POST /api/archive/uploads': { url: async () => '/api/archive/uploads', who: () => editor },
  'POST /api/archive/documents/:id/uploads': { url: async () => '/api/archive/documents/01JQ3Z5X8Y9ABCDEFGHJKMNPQS/uploads', who: () => editor },
  'POST /api/archive/uploads/:uploadId/complete': { url: async () => '/api/archive/uploads/01JQ3Z5X8Y9ABCDEFGHJKMNPQS/complete', who: () => editor },
  'PATCH /api/archive/documents/:id': { url: async () => '/api/archive/documents/01JQ3Z5X8Y9ABCDEFGHJKMNPQS', who: () => editor },
  'DELETE /api/archive/documents/:id': { url: async () => '/api/archive/documents/01JQ3Z5X8Y9ABCDEFGHJKMNPQS', who: () => admin },
  'POST /api/archive/documents/:id/restore': { url: async () => '/api/archive/documents/01JQ3Z5X8Y9ABCDEFGHJKMNPQS/restore', who: () => admin },
  'POST /api/tenancy/signups': { url: async () => '/api/tenancy/signups', who: () => ({}), base: signUpBody('01', '00070') },
  'POST /api/tenancy/signups/:localityCode/decision': { url: async () => '/api/tenancy/signups/00070/decision', who: () => provinceAdmin },
  'POST /api/tenancy/provinces': { url: async () => '/api/tenancy/provinces', who: () => operator },
  'POST /api/tenancy/history/:localityCode/data-entry': { url: async () => '/api/tenancy/history/003/data-entry', who: () => provinceAdmin },
  'POST /api/tenancy/history/provinces/:provinceCode/data-entry': {
    url: async () => '/api/tenancy/history/provinces/06/data-entry',
    who: () => thaiNguyenAdmin,
  },
  'POST /api/tenancy/invitations': { url: async () => '/api/tenancy/invitations', who: () => admin },
  'POST /api/tenancy/invitations/:invitationId/revoke': { url: async () => '/api/tenancy/invitations/01JQ3Z5X8Y9ABCDEFGHJKMNPQS/revoke', who: () => admin },
  'POST /api/tenancy/users/:userId/disable': { url: async () => '/api/tenancy/users/nobody/disable', who: () => admin },
  'POST /api/tenancy/users/:userId/enable': { url: async () => '/api/tenancy/users/nobody/enable', who: () => admin },
  'POST /api/tenancy/invitations/:invitationId/reissue': { url: async () => '/api/tenancy/invitations/01JQ3Z5X8Y9ABCDEFGHJKMNPQS/reissue', who: () => admin },
  'POST /api/tenancy/invitations/preview': { url: async () => '/api/tenancy/invitations/preview', who: () => ({}) },
  'POST /api/tenancy/invitations/accept': { url: async () => '/api/tenancy/invitations/accept', who: () => ({}) },
  'POST /api/supervision/plans': { url: async () => '/api/supervision/plans', who: () => editor, base: samplePlan(), fix: fixPlan },
  'PATCH /api/supervision/plans/:id': {
    url: async () => `/api/supervision/plans/${await plan()}`,
    who: () => editor,
    base: samplePlan(),
    version: planVersion,
    fix: fixPlan,
  },
  'POST /api/supervision/plans/:id/transitions': {
    url: async () => `/api/supervision/plans/${await plan()}/transitions`,
    who: () => editor,
    version: planVersion,
  },
  'POST /api/supervision/plans/:id/transitions/undo': {
    url: async () => `/api/supervision/plans/${await plan()}/transitions/undo`,
    who: () => editor,
    version: planVersion,
  },
  'POST /api/supervision/plans/:id/recommendations/:no/transitions/undo': {
    url: async () => `/api/supervision/plans/${await working()}/recommendations/1/transitions/undo`,
    who: () => editor,
    version: recVersion,
  },
  'POST /api/supervision/plans/:id/findings': { url: async () => `/api/supervision/plans/${await working()}/findings`, who: () => editor, fix: fixDeadlines },
  'POST /api/supervision/plans/:id/findings/:no/recommendations': {
    url: async () => `/api/supervision/plans/${await working()}/findings/1/recommendations`,
    who: () => editor,
    fix: (b) => {
      b.deadline = '2026-04-30';
      // Made the day the supervision began (today here), not a random earlier day the rule refuses.
      if (b.madeOn) b.madeOn = '2026-03-20';
    },
  },
  'PATCH /api/supervision/plans/:id/recommendations/:no': {
    url: async () => `/api/supervision/plans/${await working()}/recommendations/1`,
    who: () => editor,
    version: recVersion,
  },
  'POST /api/supervision/plans/:id/recommendations/:no/responses': {
    url: async () => `/api/supervision/plans/${await working()}/recommendations/1/responses`,
    who: () => editor,
    version: recVersion,
    // Not before the recommendation was made (today: the plan went in progress today).
    fix: (b) => (b.respondedOn = '2026-03-20'),
  },
  // Import (#18): the document and sheet routes take the file as the body (no JSON schema: an empty body is a 400 naming `file`).
  'POST /api/imports/documents': { url: async () => '/api/imports/documents', who: () => editor },
  'POST /api/imports/documents/from-archive': { url: async () => '/api/imports/documents/from-archive', who: () => editor },
  'POST /api/imports/agreements/:id/items/preview': { url: async () => `/api/imports/agreements/${await signed()}/items/preview`, who: () => editor },
  'POST /api/imports/agreements/:id/items/apply': { url: async () => `/api/imports/agreements/${await signed()}/items/apply`, who: () => editor },
  'POST /api/imports/agreements/:id/items/bulk': { url: async () => `/api/imports/agreements/${await signed()}/items/bulk`, who: () => editor },
  'POST /api/imports/agreements/:id/reviews/:period/results/preview': {
    url: async () => `/api/imports/agreements/${await signed()}/reviews/2024-H1/results/preview`,
    who: () => editor,
  },
  'POST /api/imports/agreements/:id/reviews/:period/results/apply': {
    url: async () => `/api/imports/agreements/${await signed()}/reviews/2024-H1/results/apply`,
    who: () => editor,
  },
  'POST /api/imports/plans/:id/recommendations/preview': {
    url: async () => `/api/imports/plans/${await working()}/recommendations/preview`,
    who: () => editor,
  },
  'POST /api/imports/plans/:id/recommendations/apply': { url: async () => `/api/imports/plans/${await working()}/recommendations/apply`, who: () => editor },
  'POST /api/supervision/plans/:id/recommendations/bulk': {
    url: async () => `/api/supervision/plans/${await working()}/recommendations/bulk`,
    who: () => editor,
    base: { recommendations: [{ no: 1, version: 1 }], set: { deadline: '2026-04-30' } },
    fix: (b) => {
      b.recommendations = [{ no: 1, version: 1 }];
      if (b.set?.deadline) b.set.deadline = '2026-04-30';
      if (b.on) b.on = '2026-03-19';
    },
  },
  'POST /api/supervision/plans/:id/recommendations/:no/transitions': {
    url: async () => `/api/supervision/plans/${await working()}/recommendations/1/transitions`,
    who: () => editor,
    version: recVersion,
  },
  'POST /api/notifications/read-all': { url: async () => '/api/notifications/read-all', who: () => editor },
  'POST /api/notifications/:id/read': { url: async () => '/api/notifications/r_aaaaaaaaaaaaaaaaaaaaaaaa/read', who: () => editor },
  'PUT /api/notifications/preferences': { url: async () => '/api/notifications/preferences', who: () => editor },
  'PUT /api/notifications/follows/:type/:id': { url: async () => `/api/notifications/follows/agreement/${await signed()}`, who: () => editor },
  'DELETE /api/notifications/follows/:type/:id': { url: async () => `/api/notifications/follows/agreement/${await signed()}`, who: () => editor },
  'POST /api/notifications/unsubscribe': { url: async () => '/api/notifications/unsubscribe', who: () => ({}) },
};

function fixPlan(b: Record<string, any>) {
  if (b.methods) b.methods = [...new Set(b.methods)];
  b.period = { from: '2026-03-01', to: '2026-04-30' };
  for (const s of b.sessions ?? []) s.date = '2026-03-10';
}
function fixDeadlines(b: Record<string, any>) {
  for (const r of b.recommendations ?? []) {
    r.deadline = '2026-04-30';
    if (r.madeOn) r.madeOn = '2026-03-20';
  }
}

// The served app loads capabilities lazily; the full route table comes from the same routes mounted at once.
const writeRoutes = () => endpointsOf(appWithRouteTable(h.deps).routes).filter((e) => e.method !== 'GET');
const routeKey = (e: { method: string; path: string }) => `${e.method} ${e.path}`;

/** A body for the route: from its schema, fixed to the scenario, repaired to the schema, cut to the request limit. */
async function bodyFor(e: ReturnType<typeof writeRoutes>[number], s: Scenario, raw: unknown, url: string) {
  const schema = e.validators.find((v) => v.target === 'json')?.schema;
  if (!schema) return undefined;
  const body = structuredClone(raw) as Record<string, any>;
  s.fix?.(body);
  const repaired = repairBody(schema, body, s.base ?? {}) as Record<string, any>;
  s.fix?.(repaired);
  const fitted = repairBody(schema, fitBytes(repaired, MAX_JSON_BODY_BYTES - 1024), s.base ?? {}) as Record<string, any>;
  const shape = (schema as unknown as { _zod: { def: { shape?: object } } })._zod.def.shape;
  if (shape && 'version' in shape) {
    const v = await s.version?.(url);
    if (v === undefined) delete fitted.version;
    else fitted.version = v;
  }
  return fitted;
}

describe('every write route of the route table has a scenario', () => {
  it('lists them all (a new write route fails here until it is added)', () => {
    expect(writeRoutes().map(routeKey).sort()).toEqual(Object.keys(scenarios).sort());
  });
});

describe('largest and random valid bodies, created then edited: never a 5xx', () => {
  it('answers the schema-maximal body of every write route (cut to 1 MB) with a success or a problem naming the field', { timeout: 240_000 }, async () => {
    const answers = new Map<string, { status: number; fields: string[] }[]>();
    for (const e of writeRoutes()) {
      const s = scenarios[routeKey(e)]!;
      const schema = e.validators.find((v) => v.target === 'json')?.schema;
      for (const round of ['create', 'edit']) {
        const url = await s.url();
        const body = schema ? await bodyFor(e, s, sampleBody(schema, 'maximal'), url) : undefined;
        const version = body ? undefined : await s.version?.(url);
        const r = await send(e.method, url, { ...s.who(), ...(version === undefined ? {} : { 'if-match': `"${version}"` }) }, body);
        expectSane(`${round} ${routeKey(e)}`, r);
        answers.set(routeKey(e), [
          ...(answers.get(routeKey(e)) ?? []),
          { status: r.status, fields: (r.json?.errors ?? []).map((x: { field: string }) => x.field) },
        ]);
      }
    }
    // The large records are stored and edited at their largest; those that cannot be stored name the field.
    for (const route of [
      'POST /api/agreements',
      'PUT /api/agreements/:id',
      'DELETE /api/agreements/:id',
      'PATCH /api/agreements/:id/items/:no',
      'POST /api/supervision/plans/:id/findings',
      'POST /api/supervision/plans/:id/recommendations/:no/responses',
    ]) {
      expect(
        answers.get(route)?.map((a) => a.status),
        route,
      ).toEqual([expect.toSatisfy((n: number) => n < 300), expect.toSatisfy((n: number) => n < 300)]);
    }
    expect(answers.get('PUT /api/agreements/:id/reviews/:period')?.[0]).toEqual({ status: 413, fields: [expect.stringMatching(/^commendations\./)] });
    expect(answers.get('POST /api/supervision/plans')?.[0]).toEqual({ status: 413, fields: ['sessions'] });
  });

  it('answers random valid bodies of every write route', { timeout: 240_000 }, async () => {
    for (const e of writeRoutes()) {
      const s = scenarios[routeKey(e)]!;
      const schema = e.validators.find((v) => v.target === 'json')?.schema;
      if (!schema) continue;
      await fc.assert(
        fc.asyncProperty(bodyArb(schema, 'random'), async (raw) => {
          const url = await s.url();
          expectSane(routeKey(e), await send(e.method, url, s.who(), await bodyFor(e, s, raw, url)));
        }),
        { numRuns: 4, seed: 15 },
      );
    }
  });

  it('keeps every stored item, audit entries included, within 400 KB', async () => {
    const store = new MeteredStore(h.doc, h.tableName);
    const month = clock.toISOString().slice(0, 7);
    const audit = await store.queryAll({ KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': `01#00103#AUDIT#${month}` } });
    expect(audit.length).toBeGreaterThan(20);
    for (const item of audit) expect(itemSize(item)).toBeLessThanOrEqual(ITEM_LIMIT_BYTES);
    expect(audit.some((a) => Object.values(a.changes as Record<string, { digested?: unknown }>).some((c) => c.digested))).toBe(true);
  });
});

describe('reviews at the storage limit (regressions)', () => {
  // 290 letters of 3 UTF-8 bytes: 500 names ≈ 430 KB, 250 ≈ 217 KB, the sizes the probe found.
  const longName = (i: number) => `${i} ${'ữệảốờịụỹấầ'.repeat(29)}`.slice(0, 290);
  const review = (names: number, place = 'Hội trường UBND phường') => ({
    heldOn: '2024-12-20',
    place,
    commendations: {
      decidedBy: 'UBND phường',
      collectives: { count: 0, names: [] },
      individuals: { count: names, names: Array.from({ length: names }, (_, i) => longName(i)) },
    },
  });

  it('answers a ~430 KB review with 413 naming the commended names (it was a 500), and stores nothing', async () => {
    const id = await signedProgram();
    const body = review(500);
    expect(Buffer.byteLength(JSON.stringify(body))).toBeGreaterThan(400 * 1024);
    const r = await send('PUT', `/api/agreements/${id}/reviews/2024-Y`, editor, body);
    expect(r.status, r.text).toBe(413);
    expect(r.json?.errors).toEqual([expect.objectContaining({ field: 'commendations.individuals.names', in: 'body', code: 'too_big' })]);
    expect(reviewOf(await send('GET', `/api/agreements/${id}`, editor))).toBeUndefined();
  });

  it('edits a ~217 KB review (every edit was a 500): the audit entry digests the large field and keeps small ones whole', async () => {
    const id = await signedProgram();
    const url = `/api/agreements/${id}/reviews/2024-Y`;
    const body = review(250);
    expect(Buffer.byteLength(JSON.stringify(body))).toBeGreaterThan(200 * 1024);
    expect((await send('PUT', url, editor, body)).status).toBe(201);
    const edited = { ...review(250, 'Hội trường Nhà văn hoá'), version: 1 };
    edited.commendations.individuals.names[0] = 'Trần Văn Bình';
    const r = await send('PUT', url, editor, edited);
    expect(r.status, r.text).toBe(200);
    expect(reviewOf(await send('GET', `/api/agreements/${id}`, editor))).toMatchObject({ version: 2, place: 'Hội trường Nhà văn hoá' });

    const store = new MeteredStore(h.doc, h.tableName);
    const audit = await store.queryAll({
      KeyConditionExpression: 'PK = :pk',
      ExpressionAttributeValues: { ':pk': `01#00103#AUDIT#${clock.toISOString().slice(0, 7)}` },
    });
    const entry = audit.find((a) => (a.target as { id: string }).id === `${id}/REVIEW#2024-Y` && a.action === 'update')!;
    expect(itemSize(entry)).toBeLessThan(40 * 1024);
    const changes = entry.changes as Record<string, { before: unknown; after: unknown; digested?: { before: { bytes: number }; after: { bytes: number } } }>;
    expect(changes.place).toEqual({ before: 'Hội trường UBND phường', after: 'Hội trường Nhà văn hoá' });
    expect(changes.commendations!.digested!.after.bytes).toBeGreaterThan(200 * 1024);
    expect(String(changes.commendations!.after)).toContain('Trần Văn Bình');
    expect(String(changes.commendations!.before).length).toBeLessThanOrEqual(201);
  });
});
