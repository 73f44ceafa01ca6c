import type { Context } from 'hono';
import { describe, expect, it } from 'vitest';
import type { AppEnv } from '../../functions/http/env.js';
import { ProblemError } from '../../functions/http/problem.js';
import { readTenant, writeTenant } from '../../functions/auth/tenant-scope.js';
import type { Identity } from '../../shared/identity.js';

// No tenantAccess in deps: the request keeps the process's store (as locally); scoping is decided here.
function ctx(identity: Identity, locality?: string) {
  return { var: { identity, deps: {} }, req: { query: () => locality } } as unknown as Context<AppEnv>;
}
const wardEditor: Identity = { userId: 'u', email: 'a@b.vn', role: 'locality_editor', provinceCode: '19', localityCode: '05443' }; // Phường Phan Đình Phùng
const tayHoWard: Identity = { userId: 't', email: 't@b.vn', role: 'locality_viewer', provinceCode: '01', localityCode: '00103' }; // Phường Tây Hồ
const provinceViewer: Identity = { userId: 'p', email: 'p@b.vn', role: 'province_viewer', provinceCode: '19', localityCode: null };
const hanoiViewer: Identity = { userId: 'h', email: 'h@b.vn', role: 'province_viewer', provinceCode: '01', localityCode: null };
const operator: Identity = { userId: 'o', email: 'o@b.vn', role: 'operator', provinceCode: null, localityCode: null };

async function status(fn: () => unknown) {
  try {
    await fn();
    return 200;
  } catch (e) {
    return e instanceof ProblemError ? { 'not-found': 404, forbidden: 403 }[e.problemType as string] : 500;
  }
}

describe('tenant scope', () => {
  it('lets a commune-level unit read itself and, read-only, its predecessor district only', async () => {
    expect(await readTenant(ctx(wardEditor))).toEqual({ provinceCode: '19', localityCode: '05443' });
    expect(await readTenant(ctx(wardEditor, '05443'))).toEqual({ provinceCode: '19', localityCode: '05443' });
    expect(await status(() => readTenant(ctx(wardEditor, '05518')))).toBe(404);
    // 05443 lay in Thành phố Thái Nguyên (164) in the 2025 list.
    expect(await readTenant(ctx(wardEditor, '164'))).toEqual({ provinceCode: '19', localityCode: '164' });
    expect(await status(() => readTenant(ctx(wardEditor, '165')))).toBe(404);
    expect(await readTenant(ctx(tayHoWard, '003'))).toEqual({ provinceCode: '01', localityCode: '003' });
    expect(await status(() => readTenant(ctx(tayHoWard, '005')))).toBe(404);
  });

  it('lets province staff read their localities, their history and that of merged provinces only', async () => {
    expect(await readTenant(ctx(provinceViewer))).toEqual({ provinceCode: '19', localityCode: null });
    expect(await readTenant(ctx(provinceViewer, '05518'))).toEqual({ provinceCode: '19', localityCode: '05518' });
    expect(await readTenant(ctx(provinceViewer, '165'))).toEqual({ provinceCode: '19', localityCode: '165' });
    // 058 Thành phố Bắc Kạn: province 06, merged into Thái Nguyên (19).
    expect(await readTenant(ctx(provinceViewer, '058'))).toEqual({ provinceCode: '06', localityCode: '058' });
    expect(await status(() => readTenant(ctx(hanoiViewer, '058')))).toBe(404);
    // 001 and 00103 are Hà Nội's: nothing to see for Thái Nguyên.
    expect(await status(() => readTenant(ctx(provinceViewer, '001')))).toBe(404);
    expect(await status(() => readTenant(ctx(provinceViewer, '00103')))).toBe(404);
    expect(await status(() => readTenant(ctx(provinceViewer, '16#')))).toBe(404);
    expect(await status(() => readTenant(ctx(provinceViewer, '../164')))).toBe(404);
    expect(await status(() => readTenant(ctx(provinceViewer, '99999')))).toBe(404);
  });

  it('keeps viewers and operators from writing and operators from reading tenant data', async () => {
    expect(await status(() => writeTenant(ctx(provinceViewer)))).toBe(403);
    expect(await status(() => writeTenant(ctx(operator)))).toBe(403);
    expect(await status(() => readTenant(ctx(operator)))).toBe(403);
    expect(writeTenant(ctx(wardEditor))).toEqual({ provinceCode: '19', localityCode: '05443' });
  });
});
