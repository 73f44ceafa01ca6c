import { describe, expect, it } from 'vitest';
import { MAX_JSON_BODY_BYTES } from '../../functions/app.js';
import { problemSchema } from '../../shared/problem-schema.js';
import { ddbCost, harnessSuite } from '../support/harness.js';

const h = harnessSuite();

async function problemOf(res: Response) {
  expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  return problemSchema.parse(await res.json());
}

describe('health', () => {
  it('answers from the table with exactly one DynamoDB request', async () => {
    const res = await h.app.request('/api/health');
    expect(res.status).toBe(200);
    const body = (await res.json()) as { status: string; storage: { table: string } };
    expect(body.status).toBe('ok');
    expect(body.storage.table).toBe(h.tableName);
    expect(ddbCost(res).requests).toBe(1);
  });
});

describe('error model', () => {
  it('answers unknown routes with a 404 problem', async () => {
    const res = await h.app.request('/api/khong-co');
    expect(res.status).toBe(404);
    const p = await problemOf(res);
    expect(p.type).toBe('urn:phoi-hop:problem:not-found');
    expect(p.detail_vi).toContain('/api/khong-co');
  });

  it('names the bad field of a path parameter in both languages', async () => {
    const res = await h.app.request('/api/localities/1x');
    expect(res.status).toBe(400);
    const p = await problemOf(res);
    expect(p.errors).toEqual([
      expect.objectContaining({ field: 'provinceCode', in: 'path', message_vi: 'Mã tỉnh gồm 2 chữ số', message_en: 'Province code is 2 digits' }),
    ]);
  });

  it('names the bad query field', async () => {
    const res = await h.app.request(`/api/localities?q=${'x'.repeat(101)}`);
    expect(res.status).toBe(400);
    const p = await problemOf(res);
    expect(p.errors?.[0]).toMatchObject({ field: 'q', in: 'query', code: 'too_big' });
  });

  it('refuses bodies over 1 MB with 413', async () => {
    const res = await h.app.request('/api/localities', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ pad: 'x'.repeat(MAX_JSON_BODY_BYTES) }),
    });
    expect(res.status).toBe(413);
    expect((await problemOf(res)).type).toBe('urn:phoi-hop:problem:too-large');
  });

  it('answers a known province and 404s an unknown one', async () => {
    const ok = await h.app.request('/api/localities/19');
    expect(ok.status).toBe(200);
    const body = (await ok.json()) as { province: { name: string }; localities: { code: string; name: string }[] };
    expect(body.province.name).toBe('Tỉnh Thái Nguyên');
    expect(body.localities.map((d) => d.code)).toContain('05443');
    const missing = await h.app.request('/api/localities/99');
    expect(missing.status).toBe(404);
  });
});

describe('authentication', () => {
  it('requires a bearer token', async () => {
    const res = await h.app.request('/api/me');
    expect(res.status).toBe(401);
    expect((await problemOf(res)).title_vi).toBe('Chưa đăng nhập hoặc phiên đã hết hạn');
  });

  it('returns the identity carried by a verified token', async () => {
    const { headers, user } = await h.userToken({ role: 'locality_editor', provinceCode: '01', localityCode: '00103' });
    const res = await h.app.request('/api/me', { headers });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { identity: { userId: string; localityCode: string }; permissions: string[] };
    expect(body.identity).toMatchObject({ userId: user.sub, localityCode: '00103' });
    expect(body.permissions).toEqual(['tenant:read', 'tenant:write']);
  });

  it('rejects a token signed by another key, a tampered token and an expired token', async () => {
    const { LocalIdentityProvider } = await import('../../functions/local/idp.js');
    const stranger = await LocalIdentityProvider.open({ issuer: 'http://localhost:0/local-idp', file: null });
    const foreignUser = await stranger.upsertUser({ email: 'x@y.vn', role: 'province_admin', provinceCode: '01', localityCode: null, password: 'p' });
    const foreign = await stranger.issueIdToken(foreignUser);
    expect((await h.app.request('/api/me', { headers: { authorization: `Bearer ${foreign}` } })).status).toBe(401);

    const { user } = await h.userToken({ role: 'locality_viewer', provinceCode: '01', localityCode: '00103' });
    const token = await h.idp.issueIdToken(user);
    const [head, payload, sig] = token.split('.');
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString());
    claims['custom:district'] = '00166'; // try to move into another district
    const forged = `${head}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${sig}`;
    expect((await h.app.request('/api/me', { headers: { authorization: `Bearer ${forged}` } })).status).toBe(401);

    const old = await h.idp.issueIdToken(user, new Date(Date.now() - 2 * 3600_000));
    expect((await h.app.request('/api/me', { headers: { authorization: `Bearer ${old}` } })).status).toBe(401);
  });
});
