import * as z from 'zod';
import * as catalog from './role-labels.json';
import type { Text } from './text.js';

/**
 * Roles and what each may do: the one role matrix of the product. Middleware enforces it; docs and
 * the web app read it from here.
 */
export const roles = ['locality_admin', 'locality_editor', 'locality_viewer', 'province_admin', 'province_viewer', 'operator'] as const;
/** Roles were first named `district_*`; tokens and stored users with those names keep working. */
export const legacyRoleName = (role: unknown): unknown => (typeof role === 'string' ? role.replace(/^district_/, 'locality_') : role);
export const roleSchema = z.preprocess(legacyRoleName, z.enum(roles));
export type Role = z.infer<typeof roleSchema>;

export const permissions = [
  'tenant:read', // read own tenant's records
  'tenant:write', // create and change own tenant's records
  'tenant:admin', // users, settings, audit log of own tenant
  'province:read', // roll-ups and read-only drill-down into the province's localities
  'province:admin', // approve sign-ups, province users
  'platform:operate', // health, all tenants' metadata (never records)
] as const;
export type Permission = (typeof permissions)[number];

export const roleMatrix: Record<Role, readonly Permission[]> = {
  locality_admin: ['tenant:read', 'tenant:write', 'tenant:admin'],
  locality_editor: ['tenant:read', 'tenant:write'],
  locality_viewer: ['tenant:read'],
  // A province is a tenant too: it runs its own agreements (seed 004) besides the roll-ups.
  province_admin: ['tenant:read', 'tenant:write', 'tenant:admin', 'province:read', 'province:admin'],
  province_viewer: ['tenant:read', 'province:read'],
  operator: ['platform:operate'],
};

export function can(role: Role, permission: Permission): boolean {
  return roleMatrix[role].includes(permission);
}

/** Names of the roles and what each permission means (./role-labels.json), for docs/roles.md and the web app. */
export const roleLabels: Record<Role, Text> = catalog.role;
export const permissionLabels: Record<Permission, Text> = catalog.permission;

/**
 * Which roles a role may invite. An admin invites into its own tenant only, so a locality admin
 * grants locality roles and a province admin province roles; an operator invites the first admin
 * of a province tenant it creates. Everyone else invites nobody.
 */
export const grantableRoles: Record<Role, readonly Role[]> = {
  locality_admin: ['locality_admin', 'locality_editor', 'locality_viewer'],
  locality_editor: [],
  locality_viewer: [],
  province_admin: ['province_admin', 'province_viewer'],
  province_viewer: [],
  operator: ['province_admin'],
};
