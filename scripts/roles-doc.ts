/**
 * docs/roles.md is generated from the role matrix (shared/roles.ts); a test fails when they differ.
 * Regenerate: `npx tsx scripts/roles-doc.ts`.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { grantableRoles, permissionLabels, permissions, roleLabels, roleMatrix, roles } from '../shared/roles.js';

export function renderRolesDoc(): string {
  const lines: string[] = [];
  lines.push('# Vai trò và quyền / Roles and permissions');
  lines.push('');
  lines.push('<!-- Generated from shared/roles.ts by `npx tsx scripts/roles-doc.ts`; test/unit/roles-doc.test.ts keeps it in step. Do not edit by hand. -->');
  lines.push('');
  lines.push('The one role matrix of the product is `shared/roles.ts`. The API enforces it with');
  lines.push('`requirePermission(permission)` (`functions/auth/middleware.ts`); the tenant a request acts on always');
  lines.push('comes from the verified token (`functions/auth/tenant-scope.ts`).');
  lines.push('');
  lines.push('## Quyền / Permissions');
  lines.push('');
  lines.push('| permission | Tiếng Việt | English |');
  lines.push('| --- | --- | --- |');
  for (const p of permissions) lines.push(`| \`${p}\` | ${permissionLabels[p].vi} | ${permissionLabels[p].en} |`);
  lines.push('');
  lines.push('## Ma trận vai trò / Role matrix');
  lines.push('');
  lines.push(`| role | vai trò | ${permissions.map((p) => `\`${p}\``).join(' | ')} |`);
  lines.push(`| --- | --- | ${permissions.map(() => ':---:').join(' | ')} |`);
  for (const r of roles) {
    lines.push(`| \`${r}\` (${roleLabels[r].en}) | ${roleLabels[r].vi} | ${permissions.map((p) => (roleMatrix[r].includes(p) ? '✓' : '')).join(' | ')} |`);
  }
  lines.push('');
  lines.push('## Ai mời được ai / Who may invite whom');
  lines.push('');
  lines.push("Invitations are always into the inviter's own tenant (an operator invites the first admin of a province tenant it creates).");
  lines.push('');
  lines.push('| role | may invite |');
  lines.push('| --- | --- |');
  for (const r of roles) {
    const g = grantableRoles[r];
    lines.push(`| \`${r}\` | ${g.length ? g.map((x) => `\`${x}\``).join(', ') : '—'} |`);
  }
  lines.push('');
  lines.push('## Routes of issue #3 and the permission each needs');
  lines.push('');
  lines.push('| route | needs |');
  lines.push('| --- | --- |');
  for (const [route, needs] of tenancyRoutePermissions) lines.push(`| \`${route}\` | ${needs} |`);
  lines.push('');
  return lines.join('\n');
}

/** Kept next to the generator; test/api/tenancy-isolation.test.ts exercises each of these routes. */
export const tenancyRoutePermissions: [string, string][] = [
  ['POST /api/tenancy/signups', 'public'],
  ['GET /api/tenancy/signups', '`province:admin` (own province)'],
  ['POST /api/tenancy/signups/:localityCode/decision', '`province:admin` (own province)'],
  ['GET /api/tenancy/tenant', '`tenant:read` (`?locality=`: province staff their province and merged provinces; a commune its predecessor district)'],
  ['POST /api/tenancy/history/:localityCode/data-entry', '`province:admin` (2025 districts of own province and of provinces merged into it)'],
  ['POST /api/tenancy/history/provinces/:provinceCode/data-entry', '`province:admin` (the own tenant of a 2025 province merged into its province)'],
  ['POST /api/tenancy/provinces', '`platform:operate`'],
  ['GET /api/tenancy/tenants', '`platform:operate` (every tenant; `?province=`, `?status=`, paged)'],
  ['GET /api/tenancy/users', '`tenant:admin` (own tenant)'],
  ['POST /api/tenancy/invitations', '`tenant:admin` (own tenant, roles per the table above)'],
  ['POST /api/tenancy/invitations/:invitationId/revoke', '`tenant:admin` (own tenant)'],
  ['POST /api/tenancy/invitations/:invitationId/reissue', '`tenant:admin` (own tenant)'],
  ['POST /api/tenancy/users/:userId/disable', '`tenant:admin` (own tenant)'],
  ['POST /api/tenancy/users/:userId/enable', '`tenant:admin` (own tenant)'],
  ['POST /api/tenancy/invitations/preview', 'public (the secret token)'],
  ['POST /api/tenancy/invitations/accept', 'public (the secret token)'],
  ['GET /api/audit', '`tenant:admin` (province admins: `?locality=` of own province)'],
];

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const file = join(import.meta.dirname, '..', 'docs', 'roles.md');
  writeFileSync(file, renderRolesDoc());
  console.log(`wrote ${file}`);
}
