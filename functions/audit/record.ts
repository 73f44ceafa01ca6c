import { keys, tenantPrefix, type TenantRef } from '../../shared/keys.js';
import type { Identity } from '../../shared/identity.js';
import { newId } from '../../shared/ids.js';
import type { TransactItem } from '../store/metered-store.js';

export type AuditAction = 'create' | 'update' | 'delete' | 'restore' | 'sign' | 'approve' | 'reject' | 'invite' | 'accept' | string;

/** Who made a change: a signed-in identity, or `public` for an unauthenticated sign-up. */
export type AuditActor = Pick<Identity, 'userId' | 'email' | 'name'> & { role: Identity['role'] | 'public' };

export type AuditInput = {
  tenant: TenantRef;
  actor: AuditActor;
  entity: string;
  entityId: string;
  action: AuditAction;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
  at: Date;
};

/** Fields that change on every write or are key plumbing: left out of the diff. */
const NOISE = new Set(['PK', 'SK', 'GSI1PK', 'GSI1SK', 'GSI2PK', 'GSI2SK', 'version', 'updatedAt', 'searchText', 'expiresAt']);

/** Field-level diff: only fields whose value changed, with their before and after values. */
export function diff(before: Record<string, unknown> | null | undefined, after: Record<string, unknown> | null | undefined) {
  const changes: Record<string, { before: unknown; after: unknown }> = {};
  const names = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  for (const name of names) {
    if (NOISE.has(name)) continue;
    const b = before?.[name];
    const a = after?.[name];
    if (JSON.stringify(b) !== JSON.stringify(a)) changes[name] = { before: b ?? null, after: a ?? null };
  }
  return changes;
}

/**
 * The audit item for a change, as a transaction Put: callers add it to the same TransactWrite as the
 * change itself, so a change and its audit record land together or not at all. Append-only: the
 * condition refuses to overwrite, and no code path updates or deletes audit items.
 */
export function auditPut(input: AuditInput): TransactItem {
  const at = input.at.toISOString();
  const id = newId(input.at);
  return {
    Put: {
      Item: {
        ...keys.audit(input.tenant, at, id),
        entity: 'audit',
        auditId: id,
        tenant: tenantPrefix(input.tenant),
        at,
        actor: { userId: input.actor.userId, email: input.actor.email, name: input.actor.name, role: input.actor.role },
        target: { entity: input.entity, id: input.entityId },
        action: input.action,
        changes: diff(input.before, input.after),
      },
      ConditionExpression: 'attribute_not_exists(PK)',
    },
  };
}
