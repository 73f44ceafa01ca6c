import { createHash, randomBytes } from 'node:crypto';
import { tenancyKeys, tenantPrefix, type TenantRef } from '../../shared/keys.js';
import type { Role } from '../../shared/roles.js';
import { INVITATION_TTL_DAYS, type Invitation, type InvitationCreated } from '../../shared/users/schema.js';
import { auditPut, type AuditActor } from '../audit/record.js';
import type { TransactItem } from '../store/metered-store.js';
import { invitationDue } from '../reminders/due-entries.js';
import { vietnamToday } from '../../shared/dates.js';

/** Path of the web page that accepts an invitation; the token rides in the fragment, never in logs. */
export const INVITATION_PAGE = '/invitation';

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** `<province>.<district|P>.<43 chars of base64url>` — 256 random bits. */
export function newInvitationToken(t: TenantRef): string {
  tenantPrefix(t); // validates the codes
  return `${t.provinceCode}.${t.localityCode ?? 'P'}.${randomBytes(32).toString('base64url')}`;
}

/**
 * The tenant an invitation token points into. The caller has validated the token's shape; the
 * invitation is only found when the hash of the whole token matches, so this locates, never grants.
 */
export function tenantOfToken(token: string): TenantRef {
  const [provinceCode, district] = token.split('.');
  return { provinceCode: provinceCode!, localityCode: district === 'P' ? null : district! };
}

export type InvitationItem = Record<string, unknown> & {
  invitationId: string;
  email: string;
  name?: string;
  role: Role;
  agency?: string;
  status: Invitation['status'];
  createdAt: string;
  expiresAt: number;
  invitedBy: Invitation['invitedBy'];
  version: number;
};

/** Builds a new invitation: the item to Put (with TTL) and what the inviter is shown. */
export function buildInvitation(opts: {
  tenant: TenantRef;
  email: string;
  name?: string;
  role: Role;
  agency?: string;
  invitedBy: AuditActor;
  now: Date;
  /** The inviter's tenant, whose admins are reminded 48 h before the link expires (none for operators). */
  inviterTenant?: TenantRef;
}): {
  put: TransactItem;
  /** The due index entry of the invitation (written in the same transaction). */
  due: TransactItem[];
  item: InvitationItem;
  created: InvitationCreated;
} {
  const token = newInvitationToken(opts.tenant);
  const hash = hashToken(token);
  const item: InvitationItem = {
    ...tenancyKeys.invitation(opts.tenant, hash),
    entity: 'invitation',
    tenant: tenantPrefix(opts.tenant),
    invitationId: hash,
    email: opts.email,
    ...(opts.name ? { name: opts.name } : {}),
    role: opts.role,
    ...(opts.agency ? { agency: opts.agency } : {}),
    status: 'pending',
    createdAt: opts.now.toISOString(),
    expiresAt: Math.floor(opts.now.getTime() / 1000) + INVITATION_TTL_DAYS * 86400,
    invitedBy: { userId: opts.invitedBy.userId, email: opts.invitedBy.email, ...(opts.invitedBy.name ? { name: opts.invitedBy.name } : {}) },
    version: 1,
  };
  return {
    put: { Put: { Item: item, ConditionExpression: 'attribute_not_exists(PK)' } },
    due: opts.inviterTenant
      ? invitationDue(opts.inviterTenant, item as InvitationItem & { PK: string; SK: string }, vietnamToday(new Date(item.expiresAt * 1000)))
      : [],
    item,
    created: { invitation: invitationView(item, opts.now), token, link: `${INVITATION_PAGE}#${token}` },
  };
}

/** DynamoDB TTL deletes expired items late (up to days): expiry is always checked on read. */
export function isExpired(item: { expiresAt: number }, now: Date): boolean {
  return item.expiresAt * 1000 <= now.getTime();
}

export function invitationView(item: Record<string, unknown>, now: Date): Invitation {
  const i = item as InvitationItem;
  return {
    invitationId: i.invitationId,
    email: i.email,
    ...(i.name ? { name: i.name } : {}),
    role: i.role,
    ...(i.agency ? { agency: i.agency } : {}),
    status: i.status,
    createdAt: i.createdAt,
    expiresAt: new Date(i.expiresAt * 1000).toISOString(),
    expired: isExpired(i, now),
    invitedBy: i.invitedBy,
    // Invitations written before versions were shown carry version 1 (buildInvitation always set it).
    version: typeof i.version === 'number' ? i.version : 1,
  };
}

/**
 * The update that retires a pending invitation, revoked by an admin or replaced by a new link
 * (`replacedBy`): its old link stops working. Its condition fails once the invitation is no longer pending.
 */
export function retirePending(key: { PK: string; SK: string }, at: Date, replacedBy?: string): TransactItem {
  return {
    Update: {
      Key: key,
      UpdateExpression: `SET #status = :revoked, revokedAt = :at, ${replacedBy ? 'replacedBy = :next, ' : ''}#version = #version + :one`,
      ConditionExpression: '#status = :pending',
      ExpressionAttributeNames: { '#status': 'status', '#version': 'version' },
      ExpressionAttributeValues: {
        ':revoked': 'revoked',
        ':pending': 'pending',
        ':at': at.toISOString(),
        ...(replacedBy ? { ':next': replacedBy } : {}),
        ':one': 1,
      },
    },
  };
}

/** The audit entry of an invitation a tenant decision or the operator sends: to whom, which role (never the link). */
export function invitationSentAudit(tenant: TenantRef, actor: AuditActor, item: InvitationItem, at: Date): TransactItem {
  return auditPut({
    tenant,
    actor,
    entity: 'invitation',
    entityId: item.invitationId,
    action: 'invite',
    after: { email: item.email, name: item.name, role: item.role, agency: item.agency, status: 'pending' },
    at,
  });
}
