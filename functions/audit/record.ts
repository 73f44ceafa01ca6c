import { createHash } from 'node:crypto';
import type { AuditChange } from '../../shared/audit/schema.js';
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
  const changes: Record<string, AuditChange> = {};
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
        changes: fitChanges(diff(input.before, input.after)),
      },
      ConditionExpression: 'attribute_not_exists(PK)',
    },
  };
}

/**
 * Budget of an audit entry's `changes`: before and after of a large record together would not fit
 * one DynamoDB item (400 KB), so an entry keeps every changed field but, largest first, replaces the
 * values of fields over this budget by a digest (docs/data-model.md "Audit").
 */
export const AUDIT_CHANGES_BUDGET_BYTES = 32 * 1024;
const PREVIEW_CHARS = 200;

const jsonBytes = (v: unknown) => Buffer.byteLength(JSON.stringify(v) ?? '', 'utf8');

function digestOf(value: unknown) {
  const json = JSON.stringify(value ?? null);
  const text = typeof value === 'string' ? value : json;
  return {
    preview: text.length > PREVIEW_CHARS ? `${text.slice(0, PREVIEW_CHARS)}…` : text,
    sha256: createHash('sha256').update(json).digest('hex'),
    bytes: Buffer.byteLength(json, 'utf8'),
  };
}

/** A field's change with both values replaced by previews, marked `digested` with each full value's SHA-256 and size. */
export function digestChange(change: AuditChange): AuditChange {
  const before = digestOf(change.before);
  const after = digestOf(change.after);
  return {
    before: before.preview,
    after: after.preview,
    digested: { before: { sha256: before.sha256, bytes: before.bytes }, after: { sha256: after.sha256, bytes: after.bytes } },
  };
}

/** Digests the largest changes until the entry fits its budget; small edits keep full values. */
export function fitChanges(changes: Record<string, AuditChange>): Record<string, AuditChange> {
  let size = jsonBytes(changes);
  if (size <= AUDIT_CHANGES_BUDGET_BYTES) return changes;
  const out = { ...changes };
  const bySize = Object.keys(out).sort((a, b) => jsonBytes(out[b]) - jsonBytes(out[a]));
  for (const name of bySize) {
    if (size <= AUDIT_CHANGES_BUDGET_BYTES) break;
    const change = out[name] as AuditChange;
    const digested = digestChange(change);
    size -= jsonBytes(change) - jsonBytes(digested);
    out[name] = digested;
  }
  return out;
}
