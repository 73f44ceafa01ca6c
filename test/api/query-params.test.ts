import { beforeAll, describe, expect, it } from 'vitest';
import { harnessSuite } from '../support/harness.js';
import { expectFieldError } from '../support/tenancy.js';

/** Numbers in queries and paths are read by one helper (shared/query.ts): the same plain words on every route. */

let editor: Record<string, string>;
let admin: Record<string, string>;
let province: Record<string, string>;

const h = harnessSuite();

beforeAll(async () => {
  editor = (await h.userToken({ role: 'locality_editor', provinceCode: '01', localityCode: '00103' })).headers;
  admin = (await h.userToken({ role: 'locality_admin', provinceCode: '01', localityCode: '00103' })).headers;
  province = (await h.userToken({ role: 'province_viewer', provinceCode: '01', localityCode: null })).headers;
});

describe('a year that is not a number', () => {
  it.each([
    ['/api/agreements?year=abc', () => editor],
    ['/api/supervision/plans?year=abc', () => editor],
    ['/api/supervision/board?year=abc', () => editor],
    ['/api/rollups?year=abc', () => province],
  ])('%s says the year must be a 4-digit number', async (path, who) => {
    const p = await expectFieldError(await h.app.request(path, { headers: who() }), 'year', 'query');
    const e = p.errors!.find((x) => x.field === 'year')!;
    expect(e.message_vi).toBe('Năm phải là số có 4 chữ số, ví dụ 2026');
    expect(e.message_en).toBe('The year must be a 4-digit number, e.g. 2026');
    expect(e.message_vi).not.toMatch(/NaN/);
  });

  it('says the range in plain words when the year is out of it', async () => {
    const p = await expectFieldError(await h.app.request('/api/supervision/plans?year=1990', { headers: editor }), 'year', 'query');
    expect(p.errors![0]!.message_vi).toBe('Năm từ 2000 đến 2100');
  });
});

describe('a page size or a number in a path that is not a whole number', () => {
  it.each([
    ['/api/agreements?limit=abc', 'limit', 'query', () => editor],
    ['/api/supervision/plans?limit=1.5', 'limit', 'query', () => editor],
    ['/api/archive/documents?limit=x', 'limit', 'query', () => editor],
    ['/api/audit?limit=abc', 'limit', 'query', () => admin],
    ['/api/supervision/plans/01JQ3Z5X8Y9ABCDEFGHJKMNPQS/recommendations/abc', 'no', 'path', () => editor],
  ] as const)('%s names %s and says it must be a whole number', async (path, field, where, who) => {
    const method = where === 'path' ? 'PATCH' : 'GET';
    const res = await h.app.request(path, { method, headers: { ...who(), 'content-type': 'application/json' }, ...(method === 'PATCH' ? { body: '{}' } : {}) });
    const p = await expectFieldError(res, field, where);
    const e = p.errors!.find((x) => x.field === field)!;
    expect(e.message_vi).toMatch(/phải là số nguyên/);
    expect(e.message_en).toMatch(/must be a whole number/);
  });
});
