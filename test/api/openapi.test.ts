import { validate as validateOpenApi } from '@readme/openapi-parser';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { appWithRouteTable } from '../../functions/capability-routes.js';
import type { AppDeps } from '../../functions/http/env.js';
import { endpointsOf, isEndpoint, JSON_SCHEMA_OPTIONS, openApiPath, type OpenApiDocument } from '../../functions/http/openapi.js';
import { validatorMeta } from '../../functions/http/route-meta.js';
import { requireAuth } from '../../functions/auth/middleware.js';
import { problemSchema } from '../../shared/problem-schema.js';

/**
 * The API reference (issue #16 part 5) is generated from the app's route table; these tests read
 * the same table independently and hold the document to it: every route is in it, its schemas are
 * `z.toJSONSchema` of the validators actually mounted, and it is valid OpenAPI 3.1.
 */
const app = appWithRouteTable({ version: 'test' } as AppDeps);
const DOC_ROUTES = new Set(['GET /api/openapi.json', 'GET /api/docs']);

async function fetchDoc(): Promise<OpenApiDocument> {
  const res = await app.request('/api/openapi.json');
  expect(res.status).toBe(200);
  expect(res.headers.get('cache-control')).toContain('max-age');
  return (await res.json()) as OpenApiDocument;
}
const expected = (s: z.ZodType) => {
  const j = z.toJSONSchema(s, JSON_SCHEMA_OPTIONS) as Record<string, unknown>;
  delete j.$schema;
  return j;
};
/** The validator of `target` mounted on method+path, read straight from `app.routes` (own handlers only). */
function mounted(method: string, path: string, target: string) {
  const metas = app.routes
    .filter((r) => r.method === method && r.path === path)
    .map((r) => validatorMeta(r.handler))
    .filter((m) => m?.target === target);
  expect(metas, `${method} ${path} has one ${target} validator`).toHaveLength(1);
  return metas[0]!.schema;
}

describe('OpenAPI document', () => {
  it('lists every route of the route table (except the reference itself and catch-alls)', async () => {
    const doc = await fetchDoc();
    const endpoints = app.routes.filter(isEndpoint).filter((r) => !DOC_ROUTES.has(`${r.method} ${r.path}`));
    expect(endpoints.length).toBeGreaterThan(40);
    const missing = endpoints.filter((r) => !doc.paths[openApiPath(r.path)]?.[r.method.toLowerCase()]).map((r) => `${r.method} ${r.path}`);
    expect(missing).toEqual([]);
    // and nothing that is not a route
    const documented = Object.entries(doc.paths).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`));
    const served = new Set(app.routes.filter(isEndpoint).map((r) => `${r.method} ${openApiPath(r.path)}`));
    expect(documented.filter((d) => !served.has(d))).toEqual([]);
  });

  it('uses exactly the mounted validators: JSON bodies, query and path parameters', async () => {
    const doc = await fetchDoc();
    const samples: [method: string, path: string, target: 'json' | 'query' | 'param'][] = [
      ['POST', '/api/agreements', 'json'],
      ['PATCH', '/api/archive/documents/:id', 'json'],
      ['POST', '/api/archive/uploads', 'json'],
      ['POST', '/api/supervision/plans', 'json'],
      ['POST', '/api/tenancy/signups', 'json'],
      ['GET', '/api/audit', 'query'],
      ['GET', '/api/usage', 'query'],
      ['GET', '/api/archive/documents', 'query'],
      ['GET', '/api/archive/documents/:id', 'param'],
    ];
    for (const [method, path, target] of samples) {
      const op = doc.paths[openApiPath(path)]![method.toLowerCase()]!;
      const want = expected(mounted(method, path, target));
      if (target === 'json') {
        expect(op.requestBody?.content['application/json']?.schema, `${method} ${path} body`).toEqual(want);
      } else {
        const where = target === 'param' ? 'path' : 'query';
        const props = want.properties as Record<string, unknown>;
        expect(Object.keys(props).length, `${method} ${path} ${target}`).toBeGreaterThan(0);
        for (const [name, schema] of Object.entries(props)) {
          const p = op.parameters?.find((x) => x.name === name && x.in === where);
          expect(p?.schema, `${method} ${path} ${where} ${name}`).toEqual(schema);
          expect(p?.required).toBe(where === 'path' || ((want.required as string[] | undefined) ?? []).includes(name));
        }
      }
    }
  });

  it('documents every validator of every route (also those mounted by use())', async () => {
    const doc = await fetchDoc();
    for (const e of endpointsOf(app.routes)) {
      const op = doc.paths[openApiPath(e.path)]![e.method.toLowerCase()]!;
      for (const v of e.validators) {
        if (v.target === 'json') expect(op.requestBody?.content['application/json']?.schema, `${e.method} ${e.path}`).toEqual(expected(v.schema));
        else expect(op['x-validated'], `${e.method} ${e.path}`).toContain(v.target);
      }
    }
  });

  it('marks routes behind requireAuth as bearer-secured, public ones as open', async () => {
    const doc = await fetchDoc();
    const op = (m: string, p: string) => doc.paths[p]![m]!;
    expect(op('get', '/api/health').security).toEqual([]);
    expect(op('get', '/api/localities/{provinceCode}').security).toEqual([]);
    expect(op('post', '/api/tenancy/signups').security).toEqual([]);
    expect(op('get', '/api/me').security).toEqual([{ bearerAuth: [] }]);
    expect(op('get', '/api/agreements').security).toEqual([{ bearerAuth: [] }]);
    expect(op('get', '/api/usage').security).toEqual([{ bearerAuth: [] }]);
    expect(doc.components.securitySchemes.bearerAuth).toMatchObject({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' });
    // Same answer as Hono's own routing: a request without a token to a secured route is 401.
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, o] of Object.entries(ops)) {
        if (o.security.length === 0 || method !== 'get') continue;
        const res = await app.request(path.replace(/\{[^}]+\}/g, 'x'));
        expect(res.status, `${method} ${path}`).toBe(401);
      }
    }
    // requireAuth is the marked middleware
    expect(app.routes.some((r) => r.handler === requireAuth)).toBe(true);
  });

  it('describes errors as problem+json and tags operations by capability', async () => {
    const doc = await fetchDoc();
    expect(doc.components.schemas.Problem).toEqual(expected(problemSchema));
    expect(doc.components.responses.Problem).toMatchObject({ content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } });
    const agreements = doc.paths['/api/agreements']!.get!;
    expect(agreements.tags).toEqual(['agreements']);
    expect(agreements.responses.default).toEqual({ $ref: '#/components/responses/Problem' });
    expect(doc.tags.map((t) => t.name)).toEqual(expect.arrayContaining(['agreements', 'archive', 'supervision', 'tenancy', 'usage']));
  });

  it('is valid OpenAPI 3.1 (@readme/openapi-parser)', async () => {
    const doc = await fetchDoc();
    expect(doc.openapi).toBe('3.1.0');
    const result = await validateOpenApi(structuredClone(doc) as never);
    expect(result.valid, JSON.stringify(result)).toBe(true);
    const ids = Object.values(doc.paths).flatMap((ops) => Object.values(ops).map((o) => o.operationId));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('serves a readable reference page without scripts or outside assets', async () => {
    const res = await app.request('/api/docs');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    const html = await res.text();
    expect(html).not.toMatch(/<script|<link|https?:\/\/(?!json-schema)/i);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(html).toContain('/api/archive/uploads/{uploadId}/complete');
    expect(html).toContain('/api/openapi.json');
  });
});
