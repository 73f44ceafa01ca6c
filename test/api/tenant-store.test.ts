import { PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { Hono } from 'hono';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../functions/app.js';
import type { AppDeps, AppEnv } from '../../functions/http/env.js';
import { metering } from '../../functions/http/metering.js';
import { handleError } from '../../functions/http/problem.js';
import { requireAuth } from '../../functions/auth/middleware.js';
import { createDocumentClient } from '../../functions/store/client.js';
import type { TenantAccess, TenantCredentials } from '../../functions/store/scoped-credentials.js';
import type { Identity } from '../../shared/identity.js';
import { keys, tenantOf } from '../../shared/keys.js';
import { ddbCost, harnessSuite } from '../support/harness.js';

/**
 * The request path on AWS: after requireAuth the request's store signs with the tenant's scoped
 * credentials. Here the "scoped" client talks to DynamoDB Local with credentials that name the
 * tenant, so the test can see which client served each request.
 */
const h = harnessSuite();

beforeAll(async () => {
  await h.doc.send(
    new PutCommand({ TableName: h.tableName, Item: { ...keys.tenant({ provinceCode: '19', localityCode: '05443' }), entity: 'tenant', name: 'Thái Nguyên' } }),
  );
});

function fakeTenantAccess(opts: { fail?: boolean } = {}) {
  const asked: Identity[] = [];
  const signedWith: string[] = [];
  const clients = new Map<string, DynamoDBDocumentClient>();
  const access: TenantAccess = {
    async credentials(identity) {
      const t = tenantOf(identity);
      return {
        accessKeyId: `TENANT${t.provinceCode}${t.localityCode ?? 'P'}` /* DynamoDB Local accepts [A-Za-z0-9] only */,
        secretAccessKey: 's',
        sessionToken: 't',
        expiration: new Date(Date.now() + 3600_000),
      };
    },
    async docForTags() {
      throw new Error('not used here');
    },
    async s3ForTags() {
      throw new Error('not used here');
    },
    async doc(identity) {
      asked.push(identity);
      if (opts.fail) throw new Error('AccessDenied: sts:AssumeRole');
      const key = `${identity.provinceCode}#${identity.localityCode}`;
      let doc = clients.get(key);
      if (!doc) {
        doc = createDocumentClient({
          tableName: h.tableName,
          endpoint: h.endpoint,
          region: 'local',
          credentials: async (): Promise<TenantCredentials> => {
            const c = await access.credentials(identity);
            signedWith.push(c.accessKeyId);
            return c;
          },
        });
        clients.set(key, doc);
      }
      return doc;
    },
  };
  return {
    access,
    asked,
    signedWith,
    close: () => {
      for (const d of clients.values()) d.destroy();
    },
  };
}

function tenantProfileKey(identity: Identity) {
  const { PK, SK } = keys.tenant(tenantOf(identity));
  return { PK, SK };
}

/** The real middleware chain (deps → metering → requireAuth) with one route that reads the tenant's profile. */
function probeApp(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  app.onError(handleError);
  app.use('*', async (c, next) => {
    c.set('deps', deps);
    await next();
  });
  app.use('*', metering);
  app.get('/probe', requireAuth, async (c) => {
    const item = c.var.identity.provinceCode ? await c.var.store.get({ Key: tenantProfileKey(c.var.identity) }) : undefined;
    return c.json({ name: item?.name ?? null });
  });
  return app;
}

describe('tenant-scoped store after requireAuth', () => {
  it('serves an authenticated tenant request with the client of that tenant, metering intact', async () => {
    const fake = fakeTenantAccess();
    const app = probeApp({ ...h.deps, tenantAccess: fake.access });
    const { headers, user } = await h.userToken({ role: 'locality_editor', provinceCode: '19', localityCode: '05443' });
    const res = await app.request('/probe', { headers });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ name: 'Thái Nguyên' });
    expect(fake.asked.map((i) => [i.email, i.provinceCode, i.localityCode])).toEqual([[user.email, '19', '05443']]);
    expect(fake.signedWith).toEqual(['TENANT1905443']);
    expect(ddbCost(res)).toMatchObject({ requests: 1, items: 1 });
    fake.close();
  });

  it('keeps the process client for identities without a tenant (operators)', async () => {
    const fake = fakeTenantAccess();
    const app = probeApp({ ...h.deps, tenantAccess: fake.access });
    const { headers } = await h.userToken({ role: 'operator', provinceCode: null, localityCode: null });
    const res = await app.request('/probe', { headers });
    expect(res.status).toBe(200);
    expect(fake.asked).toEqual([]);
  });

  it('answers 503 problem+json when tenant credentials cannot be obtained, before touching data', async () => {
    const fake = fakeTenantAccess({ fail: true });
    const app = probeApp({ ...h.deps, tenantAccess: fake.access });
    const { headers } = await h.userToken({ role: 'locality_viewer', provinceCode: '19', localityCode: '05443' });
    const res = await app.request('/probe', { headers });
    expect(res.status).toBe(503);
    expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect((await res.json()).type).toBe('urn:phoi-hop:problem:storage-unavailable');
    expect(ddbCost(res).requests).toBe(0);
  });

  it('is wired into the real app: every requireAuth route gets the tenant client, public routes do not', async () => {
    const fake = fakeTenantAccess();
    const app = createApp({ ...h.deps, tenantAccess: fake.access });
    const { headers } = await h.userToken({ role: 'province_viewer', provinceCode: '19', localityCode: null });
    expect((await app.request('/api/me', { headers })).status).toBe(200);
    expect(fake.asked.map((i) => [i.role, i.provinceCode, i.localityCode])).toEqual([['province_viewer', '19', null]]);
    expect((await app.request('/api/health')).status).toBe(200);
    expect(fake.asked).toHaveLength(1);
    fake.close();
  });

  it('refuses a route bug that reads another tenant: the IAM fence answers AccessDenied, nothing leaks', async () => {
    // h.deps carries the harness's fenced tenant access: the tenant role's policy in front of DynamoDB Local.
    expect(h.deps.tenantAccess).toBeDefined();
    const app = new Hono<AppEnv>();
    app.onError(handleError);
    app.use('*', async (c, next) => {
      c.set('deps', h.deps);
      await next();
    });
    app.use('*', metering);
    // The "bug": the key comes from the query string instead of the token.
    app.get('/buggy', requireAuth, async (c) => {
      const { PK, SK } = keys.tenant({ provinceCode: c.req.query('p')!, localityCode: c.req.query('d')! });
      const item = await c.var.store.get({ Key: { PK, SK } });
      return c.json({ name: item?.name ?? null });
    });
    const { headers } = await h.userToken({ role: 'locality_admin', provinceCode: '19', localityCode: '05518' });
    const res = await app.request('/buggy?p=19&d=05443', { headers });
    expect(res.status).toBe(500);
    expect(JSON.stringify(await res.json())).not.toContain('Thái Nguyên');
    expect(h.fenceViolations().at(-1)).toMatchObject({ action: 'dynamodb:GetItem', keys: ['19#05443#TENANT'], tags: { province: '19', locality: '05518' } });
    // The same route for its own tenant passes the fence.
    const own = await app.request('/buggy?p=19&d=05518', { headers });
    expect(own.status).toBe(200);
  });

  it('without tenant access (local) the single client serves authenticated requests', async () => {
    const app = probeApp({ ...h.deps, tenantAccess: undefined });
    const { headers } = await h.userToken({ role: 'locality_editor', provinceCode: '19', localityCode: '05443' });
    const res = await app.request('/probe', { headers });
    expect(await res.json()).toEqual({ name: 'Thái Nguyên' });
    expect(ddbCost(res).requests).toBe(1);
  });
});
