/**
 * Smoke test of a running Phối Hợp: `npm run smoke -- --url <base> [--email … --password …]`.
 *
 * Talks HTTP only (the same requests a browser makes), so it runs against `npm start`, the local
 * server of the test suite and a deployed CloudFront URL alike. One line per check; exit code 1 when
 * any check fails. The smoke user must be an admin of a tenant below the province (it reads the audit
 * log and deletes what it creates); locally the demo admin of Tây Hồ is the default. Everything it writes is deleted again
 * (the archive only soft-deletes: see docs/operations.md).
 */
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { makePdf } from '../functions/demo/pdf.js';

export type SmokeOptions = {
  baseUrl: string;
  email?: string;
  password?: string;
  /** Per-request timeout (ms). */
  timeoutMs?: number;
  log?: (line: string) => void;
};

export type SmokeCheck = { name: string; ok: boolean; detail: string; ms: number };

/** Used when the server runs the local identity provider and no user is given (npm start's demo). */
// A ward of today's list: district tenants are read-only history since 01/07/2025.
export const LOCAL_SMOKE_USER = { email: 'admin.phuongtayho@demo.phoihop.vn', password: 'PhoiHop@2026' };

type AuthConfig = { kind: 'local'; tokenUrl: string } | { kind: 'cognito'; region: string; userPoolId: string; clientId: string };
type Json = Record<string, unknown>;

class CheckFailed extends Error {}

function must(condition: unknown, message: string): asserts condition {
  if (!condition) throw new CheckFailed(message);
}

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

export async function runSmoke(opts: SmokeOptions): Promise<{ ok: boolean; checks: SmokeCheck[] }> {
  const base = opts.baseUrl.replace(/\/+$/, '');
  const log = opts.log ?? ((line: string) => console.log(line));
  const timeoutMs = opts.timeoutMs ?? 15_000;
  const checks: SmokeCheck[] = [];
  let token: string | null = null;
  let config: AuthConfig | null = null;

  const http = async (path: string, init: RequestInit & { auth?: boolean } = {}) => {
    const headers = new Headers(init.headers);
    if (init.auth) {
      must(token, 'not signed in (sign-in check failed)');
      headers.set('authorization', `Bearer ${token}`);
    }
    const url = /^https?:/.test(path) ? path : `${base}${path}`;
    return fetch(url, { ...init, headers, signal: AbortSignal.timeout(timeoutMs), redirect: 'manual' });
  };
  const json = async (res: Response, expected: number, what: string): Promise<Json> => {
    const body = await res.text();
    must(res.status === expected, `${what}: HTTP ${res.status}, expected ${expected}: ${body.slice(0, 200)}`);
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch {
      throw new CheckFailed(`${what}: not JSON: ${body.slice(0, 120)}`);
    }
    must(isObject(parsed), `${what}: expected a JSON object`);
    return parsed;
  };
  const sendJson = (method: string, body: unknown, extra: Record<string, string> = {}): RequestInit & { auth: boolean } => ({
    method,
    auth: true,
    headers: { 'content-type': 'application/json', ...extra },
    body: JSON.stringify(body),
  });

  const check = async (name: string, fn: () => Promise<string>) => {
    const started = performance.now();
    let result: SmokeCheck;
    try {
      result = { name, ok: true, detail: await fn(), ms: 0 };
    } catch (err) {
      const detail = err instanceof CheckFailed ? err.message : `${(err as Error).name}: ${(err as Error).message}`;
      result = { name, ok: false, detail, ms: 0 };
    }
    result.ms = Math.round(performance.now() - started);
    checks.push(result);
    log(`${result.ok ? 'ok  ' : 'FAIL'} ${name} — ${result.detail} (${result.ms} ms)`);
  };

  await check('health', async () => {
    const body = await json(await http('/api/health'), 200, 'GET /api/health');
    must(body.status === 'ok', `status is ${String(body.status)}`);
    return `status ok, version ${String(body.version)}`;
  });

  await check('config', async () => {
    const body = await json(await http('/api/config'), 200, 'GET /api/config');
    const auth = body.auth;
    must(isObject(auth), 'no auth settings');
    if (auth.kind === 'local' && typeof auth.tokenUrl === 'string') config = { kind: 'local', tokenUrl: auth.tokenUrl };
    else if (auth.kind === 'cognito' && typeof auth.clientId === 'string' && typeof auth.region === 'string' && typeof auth.userPoolId === 'string') {
      config = { kind: 'cognito', region: auth.region, userPoolId: auth.userPoolId, clientId: auth.clientId };
    }
    must(config, `unknown auth kind ${String(auth.kind)}`);
    return `auth ${config.kind}, version ${String(body.version)}`;
  });

  await check('public localities', async () => {
    const list = await json(await http('/api/localities'), 200, 'GET /api/localities');
    const provinces = list.provinces;
    must(Array.isArray(provinces) && provinces.length > 0, 'no provinces');
    const first = provinces[0] as Json;
    const one = await json(await http(`/api/localities/${String(first.code)}`), 200, `GET /api/localities/${String(first.code)}`);
    must(isObject(one.province), 'no province detail');
    return `${provinces.length} provinces; ${String(first.name)} has detail`;
  });

  let tenant = '';
  await check('sign-in', async () => {
    must(config, 'no auth config (config check failed)');
    const local = config.kind === 'local';
    const email = opts.email ?? (local ? LOCAL_SMOKE_USER.email : undefined);
    const password = opts.password ?? (local ? LOCAL_SMOKE_USER.password : undefined);
    must(email && password, 'the server uses Cognito: give --email and --password (or SMOKE_EMAIL / SMOKE_PASSWORD)');
    if (config.kind === 'local') {
      // The local issuer is served by the same server, under the path of its token URL.
      const res = await http(new URL(config.tokenUrl).pathname, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password }),
      });
      const body = await json(res, 200, 'local token');
      must(typeof body.id_token === 'string', 'no id_token');
      token = body.id_token;
    } else {
      const res = await http(`https://cognito-idp.${config.region}.amazonaws.com/`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'AWSCognitoIdentityProviderService.InitiateAuth' },
        body: JSON.stringify({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: config.clientId, AuthParameters: { USERNAME: email, PASSWORD: password } }),
      });
      const body = await json(res, 200, 'Cognito InitiateAuth');
      const result = body.AuthenticationResult;
      must(isObject(result) && typeof result.IdToken === 'string', `no ID token (challenge ${String(body.ChallengeName)}?)`);
      token = result.IdToken;
    }
    const me = await json(await http('/api/me', { auth: true }), 200, 'GET /api/me');
    const identity = me.identity;
    must(isObject(identity), 'no identity');
    // The tenant model names the unit below the province localityCode (earlier: districtCode).
    const unit = identity.localityCode ?? identity.districtCode;
    must(typeof unit === 'string', `the smoke user must belong to a tenant below the province (role ${String(identity.role)})`);
    tenant = `${String(identity.provinceCode)}/${unit}`;
    return `${email} is ${String(identity.role)} of ${tenant}`;
  });

  const read = (name: string, path: string, describe: (body: Json) => string) =>
    check(`read ${name}`, async () => describe(await json(await http(path, { auth: true }), 200, `GET ${path}`)));
  // A list answer: whatever its list is called (items, plans, …), one must be there.
  const count = (body: Json) => {
    const list = Object.entries(body).find(([, v]) => Array.isArray(v));
    must(list, 'no list in the answer');
    return `${(list[1] as unknown[]).length} ${list[0]}`;
  };
  await read('agreements', '/api/agreements', count);
  await read('supervision', '/api/supervision/plans', count);
  await read('archive', '/api/archive/documents', count);
  await read('audit', `/api/audit?month=${new Date().toISOString().slice(0, 7)}`, count);
  await read('tenant', '/api/tenancy/tenant', (b) => `tenant ${JSON.stringify(b).slice(0, 80)}`);

  await check('write + delete (draft agreement)', async () => {
    const year = new Date().getFullYear();
    const created = await json(
      await http(
        '/api/agreements',
        sendJson('POST', {
          kind: 'program',
          number: `SMOKE-${Date.now()}`,
          title: 'Kiểm tra khói (smoke test) — xoá ngay',
          year,
          parties: [
            { agency: 'HDND', name: 'Thường trực HĐND (smoke test)' },
            { agency: 'UBND', name: 'UBND (smoke test)' },
          ],
          items: [{ title: 'Mục kiểm tra (smoke test)', lead: { agency: 'UBND', name: 'UBND (smoke test)' } }],
        }),
      ),
      201,
      'POST /api/agreements',
    );
    const agreement = created.agreement;
    must(isObject(agreement) && typeof agreement.id === 'string', 'no agreement in the answer');
    const del = await http(`/api/agreements/${agreement.id}`, { method: 'DELETE', auth: true, headers: { 'if-match': `"${String(agreement.version)}"` } });
    must(del.status === 204, `DELETE: HTTP ${del.status}: ${(await del.text()).slice(0, 200)}`);
    const gone = await http(`/api/agreements/${agreement.id}`, { auth: true });
    must(gone.status === 404, `deleted draft still answers ${gone.status}`);
    return `created ${agreement.id}, deleted, now 404`;
  });

  await check('presigned upload round trip (archive)', async () => {
    // A minimal one-page PDF: the archive decides by magic bytes and needs a real file to hash.
    const pdf = new Uint8Array(makePdf('Phoi Hop smoke test'));
    const ticket = await json(
      await http(
        '/api/archive/uploads',
        sendJson('POST', {
          file: { name: 'smoke-test.pdf', size: pdf.length, contentType: 'application/pdf' },
          document: {
            type: 'KHAC',
            numberSymbol: `SMOKE-${Date.now()}`,
            issuingAgencies: ['Kiểm tra khói (smoke test)'],
            signedOn: new Date().toISOString().slice(0, 10),
            summary: 'Văn bản kiểm tra khói (smoke test), đánh dấu xoá ngay sau khi tải lên',
            tags: ['smoke-test'],
          },
        }),
      ),
      201,
      'POST /api/archive/uploads',
    );
    const put = ticket.put;
    must(isObject(put) && typeof put.url === 'string' && isObject(put.headers), 'no presigned PUT in the ticket');
    // Straight to storage with the signed headers only: no API credentials travel with the file.
    const stored = await fetch(put.url, { method: 'PUT', headers: put.headers as Record<string, string>, body: pdf, signal: AbortSignal.timeout(timeoutMs) });
    must(stored.status === 200, `PUT to the presigned URL: HTTP ${stored.status}: ${(await stored.text()).slice(0, 200)}`);
    const done = await json(await http(`/api/archive/uploads/${String(ticket.uploadId)}/complete`, { method: 'POST', auth: true }), 201, 'complete');
    const doc = isObject(done.document) ? done.document : done;
    const id = String(doc.id ?? ticket.documentId);
    const version = doc.version;
    must(typeof version === 'number', 'no document version after completion');
    // The archive keeps signed records: DELETE marks the document deleted (restorable); files stay.
    const del = await http(`/api/archive/documents/${id}`, sendJson('DELETE', { reason: 'Smoke test: tải lên để kiểm tra' }, { 'if-match': `"${version}"` }));
    must(del.status === 200, `DELETE document: HTTP ${del.status}: ${(await del.text()).slice(0, 200)}`);
    return `declared, PUT ${pdf.length} B, completed ${id}, marked deleted (files kept by design)`;
  });

  await check('SPA fallback', async () => {
    const res = await http('/smoke/deep/link', { headers: { accept: 'text/html' } });
    const body = await res.text();
    must(res.status === 200, `HTTP ${res.status}`);
    must((res.headers.get('content-type') ?? '').startsWith('text/html'), `content-type ${res.headers.get('content-type')}`);
    must(/<!doctype html>/i.test(body) && /<script[^>]+src=/i.test(body), 'not the app shell (index.html)');
    return 'GET /smoke/deep/link → index.html';
  });

  await check('security headers', async () => {
    const https = base.startsWith('https:');
    const missing: string[] = [];
    for (const path of ['/', '/api/health']) {
      const h = (await http(path)).headers;
      if (h.get('x-content-type-options') !== 'nosniff') missing.push(`${path} x-content-type-options`);
      if (!/^(DENY|SAMEORIGIN)$/i.test(h.get('x-frame-options') ?? '')) missing.push(`${path} x-frame-options`);
      if (!h.get('referrer-policy')) missing.push(`${path} referrer-policy`);
      // HSTS and CSP come from CloudFront's policy (infra/web.ts); a plain-http local server has neither.
      if (https && !/max-age=\d+/.test(h.get('strict-transport-security') ?? '')) missing.push(`${path} strict-transport-security`);
      if (https && !(h.get('content-security-policy') ?? '').includes("frame-ancestors 'none'")) missing.push(`${path} content-security-policy`);
    }
    must(missing.length === 0, `missing: ${missing.join(', ')}`);
    return https
      ? 'nosniff, frame options, referrer policy, HSTS, CSP on / and /api/health'
      : 'nosniff, frame options, referrer policy on / and /api/health (http: no HSTS/CSP expected)';
  });

  const failed = checks.filter((c) => !c.ok).length;
  log(failed === 0 ? `smoke: all ${checks.length} checks passed against ${base}` : `smoke: ${failed} of ${checks.length} checks FAILED against ${base}`);
  return { ok: failed === 0, checks };
}

async function main() {
  const { values } = parseArgs({
    options: { url: { type: 'string' }, email: { type: 'string' }, password: { type: 'string' }, timeout: { type: 'string' } },
  });
  if (!values.url) {
    console.error('usage: npm run smoke -- --url <base> [--email <smoke user> --password <password>]');
    process.exit(2);
  }
  const { ok } = await runSmoke({
    baseUrl: values.url,
    email: values.email ?? process.env.SMOKE_EMAIL,
    password: values.password ?? process.env.SMOKE_PASSWORD,
    timeoutMs: values.timeout ? Number(values.timeout) : undefined,
  });
  process.exit(ok ? 0 : 1);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
