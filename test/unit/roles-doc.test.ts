import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditRoutes } from '../../functions/audit/routes.js';
import { tenancyRoutes } from '../../functions/tenancy/routes.js';
import { renderRolesDoc, tenancyRoutePermissions } from '../../scripts/roles-doc.js';
import { can, grantableRoles, roleMatrix, roles } from '../../shared/roles.js';

describe('role matrix documentation', () => {
  it('docs/roles.md is exactly what the matrix generates (run `npx tsx scripts/roles-doc.ts`)', () => {
    const file = readFileSync(join(import.meta.dirname, '..', '..', 'docs', 'roles.md'), 'utf8');
    expect(file).toBe(renderRolesDoc());
  });

  it('shows every role with exactly its permissions', () => {
    const doc = renderRolesDoc();
    for (const r of roles) {
      const row = doc.split('\n').find((l) => l.startsWith(`| \`${r}\` (`))!;
      expect(row.split('✓').length - 1).toBe(roleMatrix[r].length);
    }
  });

  it('lets an admin grant only roles of its own tenant kind, never more than it holds', () => {
    for (const r of roles) {
      for (const g of grantableRoles[r]) {
        if (r !== 'operator') expect(g.split('_')[0]).toBe(r.split('_')[0]);
        if (r !== 'operator') for (const p of roleMatrix[g]) expect(can(r, p)).toBe(true);
      }
    }
  });

  it('documents every tenancy and audit route the app serves', () => {
    const served = new Set([
      ...tenancyRoutes.routes.map((r) => `${r.method} /api/tenancy${r.path}`),
      ...auditRoutes.routes.map((r) => `${r.method} /api/audit${r.path === '/' ? '' : r.path}`),
    ]);
    expect([...served].sort()).toEqual(tenancyRoutePermissions.map(([route]) => route).sort());
  });
});
