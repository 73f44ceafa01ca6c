import { agencyCodes, agencyLabels } from '../../shared/agreements/vocabulary.js';
import { foldVietnamese } from '../../shared/format.js';
import { can, legacyRoleName, roleSchema, type Role } from '../../shared/roles.js';
import { reminderKeys, tenancyKeys, tenantPrefix, type TenantRef } from '../../shared/keys.js';
import type { MeteredStore } from '../store/metered-store.js';
import type { DueUnit } from './due-entries.js';

/** A person a notification can go to: a user of a tenant (its prefix) with what identifies their agency. */
export type Recipient = { tenant: string; userId: string; email: string; name?: string; role: Role; agency: string };

/** Words that name each agency in free text ("Văn phòng HĐND và UBND", "UB MTTQ phường"), folded. */
const AGENCY_WORDS: Record<string, string[]> = Object.fromEntries(
  agencyCodes
    .filter((c) => c !== 'OTHER')
    .map((c) => [c, [c.toLowerCase(), foldVietnamese(agencyLabels[c].short), foldVietnamese(agencyLabels[c].vi)].filter((w) => w.length >= 3)]),
);

/** Agency codes named in a text: `Văn phòng HĐND và UBND` → HDND, UBND. */
export function agencyCodesIn(text: string): string[] {
  const folded = ` ${foldVietnamese(text)} `;
  return Object.entries(AGENCY_WORDS)
    .filter(([, words]) => words.some((w) => folded.includes(w)))
    .map(([code]) => code);
}

/** A user item of `<T>#USERS` as a recipient (active users only). */
export function recipientOf(tenant: string, item: Record<string, unknown>): Recipient | null {
  if (item.entity !== 'user' || item.status === 'disabled' || typeof item.userId !== 'string') return null;
  const role = roleSchema.safeParse(legacyRoleName(item.role));
  if (!role.success) return null;
  return {
    tenant,
    userId: item.userId,
    email: String(item.email ?? ''),
    ...(typeof item.name === 'string' ? { name: item.name } : {}),
    role: role.data,
    agency: String(item.agency ?? ''),
  };
}

/**
 * Who a due unit goes to among its tenant's users: those whose agency is the unit's lead agency (or
 * named by the responsible unit's text); when nobody matches, the tenant's editors and admins, so a
 * reminder never goes nowhere. `admins` units go to the tenant's admins.
 */
export function unitRecipients(unit: DueUnit, users: Recipient[]): Recipient[] {
  if (unit.audience === 'admins') return users.filter((u) => can(u.role, 'tenant:admin'));
  const wanted = new Set([...(unit.agencies ?? []), ...(unit.unitText ? agencyCodesIn(unit.unitText) : [])]);
  const matched = wanted.size ? users.filter((u) => agencyCodesIn(u.agency).some((c) => wanted.has(c))) : [];
  return matched.length ? matched : users.filter((u) => can(u.role, 'tenant:write'));
}

/** The tenant's active users (one Query of its users partition). */
export async function usersOf(store: MeteredStore, tenant: TenantRef): Promise<Recipient[]> {
  const items = await store.queryAll({
    KeyConditionExpression: 'PK = :pk AND begins_with(SK, :user)',
    ExpressionAttributeValues: { ':pk': tenancyKeys.usersPartition(tenant).PK, ':user': 'USER#' },
  });
  const prefix = tenantPrefix(tenant);
  return items.map((i) => recipientOf(prefix, i)).filter((r): r is Recipient => r !== null);
}

/** Followers of a target (`AGR#<id>`, `SUP#<id>`, `LOC#<code>`) in a tenant's partition (one Query). */
export async function followersOf(store: MeteredStore, t: TenantRef, target: string): Promise<Recipient[]> {
  const items = await store.queryAll({ KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': reminderKeys.followers(t, target).PK } });
  return items.map((i) => i.recipient as Recipient).filter((r) => r && typeof r.userId === 'string');
}
