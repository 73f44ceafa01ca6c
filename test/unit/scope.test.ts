import type { Context } from 'hono';
import { describe, expect, it } from 'vitest';
import type { AppEnv } from '../../functions/api/env.js';
import { ProblemError } from '../../functions/api/problem.js';
import { readTenant, writeTenant } from '../../functions/auth/tenant-scope.js';
import type { Identity } from '../../shared/identity.js';

function ctx(identity: Identity, district?: string) {
  return { var: { identity }, req: { query: () => district } } as unknown as Context<AppEnv>;
}
const districtEditor: Identity = { userId: 'u', email: 'a@b.vn', role: 'locality_editor', provinceCode: '19', localityCode: '164' };
const provinceViewer: Identity = { userId: 'p', email: 'p@b.vn', role: 'province_viewer', provinceCode: '19', localityCode: null };
const operator: Identity = { userId: 'o', email: 'o@b.vn', role: 'operator', provinceCode: null, localityCode: null };

function status(fn: () => unknown) {
  try {
    fn();
    return 200;
  } catch (e) {
    return e instanceof ProblemError ? { 'not-found': 404, forbidden: 403 }[e.problemType as string] : 500;
  }
}

describe('tenant scope', () => {
  it('lets a district read only itself', () => {
    expect(readTenant(ctx(districtEditor))).toEqual({ provinceCode: '19', localityCode: '164' });
    expect(readTenant(ctx(districtEditor, '164'))).toEqual({ provinceCode: '19', localityCode: '164' });
    expect(status(() => readTenant(ctx(districtEditor, '165')))).toBe(404);
  });

  it('lets province staff drill into their own districts only', () => {
    expect(readTenant(ctx(provinceViewer))).toEqual({ provinceCode: '19', localityCode: null });
    expect(readTenant(ctx(provinceViewer, '165'))).toEqual({ provinceCode: '19', localityCode: '165' });
    // 001 is a Hà Nội district code, not Thái Nguyên's: nothing to see
    expect(status(() => readTenant(ctx(provinceViewer, '001')))).toBe(404);
    expect(status(() => readTenant(ctx(provinceViewer, '16#')))).toBe(404);
    expect(status(() => readTenant(ctx(provinceViewer, '../164')))).toBe(404);
  });

  it('keeps viewers and operators from writing and operators from reading tenant data', () => {
    expect(status(() => writeTenant(ctx(provinceViewer)))).toBe(403);
    expect(status(() => writeTenant(ctx(operator)))).toBe(403);
    expect(status(() => readTenant(ctx(operator)))).toBe(403);
    expect(writeTenant(ctx(districtEditor))).toEqual({ provinceCode: '19', localityCode: '164' });
  });
});
