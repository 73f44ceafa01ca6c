import { can, type Permission, type Role, roleLabels } from '../../shared/roles.js';

/**
 * What the layout shows only to a signed-in user: the role matrix (nav items by permission, the
 * role's name) and the tenant's banners and predecessor links. Loaded once a session exists, with
 * the shared schemas it needs (shared/roles.ts builds a zod schema), so the visitor's sign-in
 * page does not carry it.
 */
export { PredecessorLinks, ReadOnlyBanner } from './tenancy/locality.jsx';
export { Bell } from './notifications/Bell.jsx';

export const allowed = (role: Role, needs: Permission | Permission[]): boolean => [needs].flat().some((p) => can(role, p));
export const roleLabel = (role: Role): { vi: string; en: string } => roleLabels[role];
