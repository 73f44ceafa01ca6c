import type { ValidationTargets } from 'hono';
import { TrieRouter } from 'hono/router/trie-router';
import * as z from 'zod';
import { problemTypes } from '../../shared/problem.js';
import { problemSchema } from '../../shared/problem-schema.js';
import { isAuthenticating, validatorMeta, type ValidatorMeta } from './route-meta.js';

/**
 * OpenAPI 3.1 document of the API, built from the composed app's own route table (`app.routes`):
 * every endpoint (method + path), the zod schemas its `validate()` middleware checks (route-meta.ts),
 * and whether a `requireAuth` middleware guards it (inline, or a `use()` matching its path, found by
 * Hono's own router as API Gateway's route classification does in infra/routes.ts). No route file
 * declares anything for the document, so it cannot drift from what the API validates.
 */

type RouteLike = { method: string; path: string; handler: unknown };
type Json = Record<string, unknown>;

/** Options of every schema conversion: the shape a client sends (`input`); transforms become `{}`. */
export const JSON_SCHEMA_OPTIONS = { io: 'input', unrepresentable: 'any' } as const;

/**
 * A zod schema as JSON Schema 2020-12 (the dialect of OpenAPI 3.1). Never throws: a schema zod
 * cannot express (e.g. a custom type) becomes `{}` with a note, so one odd validator cannot take
 * the whole document down.
 */
export function jsonSchemaOf(schema: z.ZodType): Json {
  try {
    const out = z.toJSONSchema(schema, JSON_SCHEMA_OPTIONS) as Json;
    delete out.$schema;
    return out;
  } catch (err) {
    return { description: `Not representable as JSON Schema: ${(err as Error).message}` };
  }
}

/** Hono's `/documents/:id/versions/:n{[0-9]+}` → OpenAPI's `/documents/{id}/versions/{n}`. */
export function openApiPath(honoPath: string): string {
  return honoPath
    .split('/')
    .map((seg) => (seg.startsWith(':') ? `{${paramName(seg)}}` : seg))
    .join('/');
}

const paramName = (seg: string) =>
  seg
    .slice(1)
    .replace(/\{.*\}$/, '')
    .replace(/\?$/, '');

/** Routes a reference leaves out: `use()` middleware and catch-alls (method ALL, or a path ending in `*`). */
export function isEndpoint(r: RouteLike): boolean {
  return r.method !== 'ALL' && !r.path.endsWith('*');
}

/** A concrete path the route matches (`:id` → `x`), to ask the router which middleware applies. */
function samplePath(path: string): string {
  return path
    .split('/')
    .map((seg) => (seg.startsWith(':') || seg === '*' ? 'x' : seg))
    .join('/');
}

export type Endpoint = { method: string; path: string; handlers: unknown[]; validators: ValidatorMeta[]; secured: boolean };

/** Endpoints of the route table with every handler that runs for them (own and `use()` middleware). */
export function endpointsOf(routes: readonly RouteLike[]): Endpoint[] {
  const middleware = new TrieRouter<unknown>();
  const endpoints = new Map<string, { method: string; path: string; own: unknown[] }>();
  for (const r of routes) {
    if (isEndpoint(r)) {
      const key = `${r.method} ${r.path}`;
      const e = endpoints.get(key) ?? { method: r.method, path: r.path, own: [] };
      e.own.push(r.handler);
      endpoints.set(key, e);
    } else {
      middleware.add(r.method, r.path, r.handler);
    }
  }
  return [...endpoints.values()].map((e) => {
    const [matched] = middleware.match(e.method, samplePath(e.path));
    const handlers = [...matched.map(([h]) => h), ...e.own];
    return {
      method: e.method,
      path: e.path,
      handlers,
      validators: handlers.map(validatorMeta).filter((m): m is ValidatorMeta => !!m),
      secured: handlers.some(isAuthenticating),
    };
  });
}

const PARAM_IN: Partial<Record<keyof ValidationTargets, 'path' | 'query' | 'header' | 'cookie'>> = {
  param: 'path',
  query: 'query',
  header: 'header',
  cookie: 'cookie',
};

export type OpenApiDocument = {
  openapi: '3.1.0';
  info: Json;
  servers: Json[];
  tags: Json[];
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Json>; responses: Record<string, Json>; securitySchemes: Record<string, Json> };
};

export type Operation = {
  operationId: string;
  summary: string;
  tags: string[];
  security: Record<string, string[]>[];
  parameters?: Json[];
  requestBody?: { required: boolean; content: Record<string, { schema: Json }> };
  responses: Record<string, Json>;
  'x-validated'?: string[];
};

/** Builds the document from a composed app (`createApp(...)`). */
export function buildOpenApiDocument(app: { routes: readonly RouteLike[] }, opts: { version: string }): OpenApiDocument {
  const schemas: Record<string, Json> = { Problem: jsonSchemaOf(problemSchema) };
  const paths: OpenApiDocument['paths'] = {};
  const tags = new Set<string>();
  const usedIds = new Set<string>();

  for (const e of endpointsOf(app.routes)) {
    const path = openApiPath(e.path);
    const tag = path.split('/').filter(Boolean)[1] ?? 'api';
    tags.add(tag);
    const op: Operation = {
      operationId: uniqueId(
        usedIds,
        `${e.method.toLowerCase()}_${path
          .replace(/[{}]/g, '')
          .split(/[^A-Za-z0-9]+/)
          .filter(Boolean)
          .slice(1)
          .join('_')}`,
      ),
      summary: `${e.method} ${path}`,
      tags: [tag],
      // Public operations say so explicitly: `[]` overrides nothing but documents "no token needed".
      security: e.secured ? [{ bearerAuth: [] }] : [],
      responses: {},
    };

    const params = new Map<string, Json>();
    for (const name of pathParams(e.path)) {
      params.set(`path:${name}`, { name, in: 'path', required: true, schema: { type: 'string' } });
    }
    const validated: string[] = [];
    for (const v of e.validators) {
      validated.push(v.target);
      const where = PARAM_IN[v.target];
      const json = hoistDefs(jsonSchemaOf(v.schema), schemas);
      if (where) {
        const props = json.properties as Record<string, Json> | undefined;
        if (props) {
          const required = new Set((json.required as string[] | undefined) ?? []);
          for (const [name, schema] of Object.entries(props)) {
            if (where === 'path' && !params.has(`path:${name}`)) continue; // a schema key the path lacks
            params.set(`${where}:${name}`, {
              name,
              in: where,
              required: where === 'path' ? true : required.has(name),
              schema,
              ...(typeof schema.description === 'string' ? { description: schema.description } : {}),
            });
          }
        } else if (where === 'query') {
          // Not a plain object (e.g. a refined or piped one): the whole object, one property per key.
          params.set(`query:*`, { name: 'query', in: 'query', style: 'form', explode: true, schema: json });
        }
      } else if (v.target === 'json') {
        op.requestBody = { required: true, content: { 'application/json': { schema: json } } };
      } else if (v.target === 'form') {
        op.requestBody = { required: true, content: { 'multipart/form-data': { schema: json }, 'application/x-www-form-urlencoded': { schema: json } } };
      }
    }
    if (params.size > 0) op.parameters = [...params.values()];
    if (validated.length > 0) op['x-validated'] = validated;

    op.responses['2XX'] = { description: 'Thành công / Success (JSON unless the path names a file type)' };
    if (validated.length > 0) op.responses['400'] = { $ref: '#/components/responses/Problem' };
    if (e.secured) {
      op.responses['401'] = { $ref: '#/components/responses/Problem' };
      op.responses['403'] = { $ref: '#/components/responses/Problem' };
    }
    op.responses.default = { $ref: '#/components/responses/Problem' };

    (paths[path] ??= {})[e.method.toLowerCase()] = op;
  }

  const problemList = Object.entries(problemTypes)
    .map(([type, p]) => `\`${type}\` (${p.status}): ${p.en}`)
    .join('; ');
  return {
    openapi: '3.1.0',
    info: {
      title: 'Phối Hợp API',
      version: opts.version,
      description:
        'API của Phối Hợp: quy chế, chương trình phối hợp, giám sát, kho văn bản của chính quyền địa phương. ' +
        'Generated from the zod schemas the routes validate with (functions/http/openapi.ts). Every 4xx/5xx is ' +
        `application/problem+json (RFC 9457) with a stable \`type\` (urn:phoi-hop:problem:<name>): ${problemList}.`,
    },
    servers: [{ url: '/', description: 'Same origin as the web app' }],
    tags: [...tags].sort().map((name) => ({ name, description: `/api/${name}` })),
    paths,
    components: {
      schemas,
      responses: {
        Problem: {
          description: 'Lỗi / Error: problem details, bilingual, with one entry per invalid field',
          content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
        },
      },
      securitySchemes: {
        bearerAuth: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description: 'ID token of the user pool (Cognito on AWS, the local issuer locally): `Authorization: Bearer <token>`',
        },
      },
    },
  };
}

function pathParams(honoPath: string): string[] {
  return honoPath
    .split('/')
    .filter((s) => s.startsWith(':'))
    .map(paramName);
}

function uniqueId(used: Set<string>, id: string): string {
  let out = id;
  for (let n = 2; used.has(out); n++) out = `${id}_${n}`;
  used.add(out);
  return out;
}

/**
 * A schema with `$defs` (a recursive or registry-named zod schema) refers to `#/$defs/X`, which
 * inside an OpenAPI document would point at the document's root: move them to components.
 */
function hoistDefs(json: Json, schemas: Record<string, Json>): Json {
  const defs = json.$defs as Record<string, Json> | undefined;
  if (!defs) return json;
  const renamed = new Map<string, string>();
  for (const name of Object.keys(defs)) {
    let target = name.replace(/[^A-Za-z0-9._-]/g, '_');
    for (let n = 2; schemas[target] && JSON.stringify(schemas[target]) !== JSON.stringify(defs[name]); n++) target = `${name}_${n}`;
    renamed.set(name, target);
  }
  const rewrite = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(rewrite);
    if (v && typeof v === 'object') {
      const o: Json = {};
      for (const [k, x] of Object.entries(v)) {
        if (k === '$ref' && typeof x === 'string' && x.startsWith('#/$defs/')) o[k] = `#/components/schemas/${renamed.get(x.slice(8)) ?? x.slice(8)}`;
        else if (k !== '$defs') o[k] = rewrite(x);
      }
      return o;
    }
    return v;
  };
  for (const [name, def] of Object.entries(defs)) schemas[renamed.get(name)!] = rewrite(def) as Json;
  return rewrite(json) as Json;
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

/**
 * A readable reference without any script or outside asset (the web app's CSP allows only 'self'
 * scripts, and none are needed): operations grouped by capability, each with its parameters and
 * request body schema; the full document is one link away.
 */
export function renderReferenceHtml(doc: OpenApiDocument): string {
  const byTag = new Map<string, [string, string, Operation][]>();
  for (const [path, ops] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(ops)) {
      const list = byTag.get(op.tags[0]!) ?? [];
      list.push([method, path, op]);
      byTag.set(op.tags[0]!, list);
    }
  }
  const tagDesc = new Map(doc.tags.map((t) => [t.name as string, t.description as string]));
  const sections = [...byTag.keys()].sort().map((tag) => {
    const ops = byTag.get(tag)!.sort((a, b) => a[1].localeCompare(b[1]) || a[0].localeCompare(b[0]));
    const items = ops.map(([method, path, op]) => {
      const params = (op.parameters ?? [])
        .map(
          (p) =>
            `<li><code>${escapeHtml(String(p.name))}</code> <small>${escapeHtml(String(p.in))}${p.required ? ', bắt buộc / required' : ''}</small> <code>${escapeHtml(JSON.stringify(p.schema))}</code></li>`,
        )
        .join('');
      const body = op.requestBody
        ? `<details><summary>Nội dung / request body (${escapeHtml(Object.keys(op.requestBody.content).join(', '))})</summary><pre>${escapeHtml(JSON.stringify(Object.values(op.requestBody.content)[0]!.schema, null, 2))}</pre></details>`
        : '';
      const lock = op.security.length > 0 ? '<small>🔒 Bearer</small>' : '<small>công khai / public</small>';
      return `<li id="${escapeHtml(op.operationId)}"><b>${method.toUpperCase()}</b> <code>${escapeHtml(path)}</code> ${lock}${params ? `<ul>${params}</ul>` : ''}${body}</li>`;
    });
    return `<section><h2>${escapeHtml(tagDesc.get(tag) ?? tag)}</h2><ul>${items.join('')}</ul></section>`;
  });
  return `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Phối Hợp API — tài liệu / reference</title>
<style>
body{font:15px/1.5 system-ui,sans-serif;margin:0 auto;max-width:60rem;padding:1rem}
ul{list-style:none;padding:0}li{padding:.3rem 0;overflow-wrap:anywhere}pre{background:#f6f8fa;padding:.5rem;overflow:auto;font-size:12px}
b{display:inline-block;min-width:4rem;font:600 12px monospace}small{color:#57606a}
</style></head><body>
<h1>Phối Hợp API <small>${escapeHtml(String(doc.info.version))}</small></h1>
<p>Tài liệu sinh tự động từ các lược đồ zod mà API dùng để kiểm tra dữ liệu. / Generated from the zod schemas the API validates with.
Tài liệu máy đọc / machine-readable: <a href="/api/openapi.json">/api/openapi.json</a> (OpenAPI 3.1).
Lỗi / errors: <code>application/problem+json</code>. 🔒 = <code>Authorization: Bearer &lt;ID token&gt;</code>.</p>
${sections.join('\n')}
</body></html>`;
}
