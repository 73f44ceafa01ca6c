import { happenedOnProblem, vietnamToday } from '../../../shared/dates.js';
import { ProblemError } from '../../http/problem.js';
import { auditPut } from '../../audit/record.js';
import { idempotentCreate, type RecordResult } from '../../store/idempotency.js';
import type { OpContext } from '../../store/op-context.js';
import { staleVersion } from '../../store/versioning.js';
import { by } from '../items.js';
import type { Text } from '../../../shared/text.js';

/** What the supervision writes share: the idempotency input, audit ids and their problems. */

export type { OpContext };

/** An `Idempotency-Key` and the request it stands for (a retry must repeat the same request). */
export type Idem = { key: string | undefined; request: unknown };

/** Audit records of supervision use the audit page's entity kind `supervision`; the id says which record (`<plan>`, `<plan>/F001`, `<plan>/R001`, `<plan>/R001/<response>`). */
export const AUDIT_ENTITY = 'supervision';

const pad3 = (no: number) => String(no).padStart(3, '0');
export const findingAuditId = (planId: string, no: number) => `${planId}/F${pad3(no)}`;
export const recommendationAuditId = (planId: string, no: number) => `${planId}/R${pad3(no)}`;

/** A create under an optional `Idempotency-Key`: `create` puts `record(...)` into its own transaction. */
export function idempotent<T>(ctx: OpContext, idem: Idem, create: (record: RecordResult) => Promise<{ status: number; body: T }>) {
  return idempotentCreate({ store: ctx.store, tenant: ctx.tenant, key: idem.key, request: idem.request, now: ctx.now, create });
}

export function conflict(vi: string, en: string): ProblemError {
  return new ProblemError('conflict', { vi, en });
}

export function invalid(field: string, vi: string, en: string): ProblemError {
  return new ProblemError('validation', { vi: 'Vui lòng kiểm tra các trường được nêu', en: 'Check the fields listed in errors' }, [
    { field, in: 'body', code: 'custom', message_vi: vi, message_en: en },
  ]);
}

/** Early, friendly version check (the write's condition is what really guards the race). */
export function checkVersion(current: number, expected: number): void {
  if (current !== expected) throw staleVersion();
}

/** What a date before the previous step is told (each rule says its own: the recommendation answered, …). */
export const BEFORE_PREVIOUS_STEP: Text = { vi: 'Ngày chuyển bước không được trước bước trước đó', en: 'The date must not be before the previous step' };

/** A date something happened (shared/dates.ts `happenedOnProblem`): not after today, not before `notBefore`. */
export function checkHappenedOn(field: string, on: string, today: string, notBefore: string | null = null, early: Text = BEFORE_PREVIOUS_STEP): void {
  const problem = happenedOnProblem(on, today, notBefore);
  if (problem === 'after-today') throw invalid(field, 'Ngày không được sau hôm nay', 'The date must not be after today');
  if (problem === 'before-previous') throw invalid(field, early.vi, early.en);
}

/**
 * One step of a status history (plan or recommendation): dated `on` (default today, never later,
 * never before `notBefore` — the day the previous step happened), stamped `at` (the real instant),
 * signed `by`; and the audit record that says only what moved.
 */
export function statusStep<S extends string>(ctx: OpContext, to: S, input: { on?: string; note?: string }, notBefore: string | null) {
  const today = vietnamToday(ctx.now);
  const on = input.on ?? today;
  checkHappenedOn('on', on, today, notBefore);
  const at = ctx.now.toISOString();
  const note = input.note ? { note: input.note } : {};
  return { today, on, at, entry: { status: to, on, at, by: by(ctx.actor), ...note }, note };
}

/** A status move's guard, forward or undone: the version read and the status it leaves are still stored. */
export const STATUS_MOVE_GUARD = 'attribute_exists(PK) AND #version = :expectedVersion AND #status = :from';

/** The values the guard and the move's update name (`:next`, `:to`, `:at` are what it sets). */
export function statusMoveValues(expected: number, from: string, to: string, at: string): Record<string, unknown> {
  return { ':expectedVersion': expected, ':next': expected + 1, ':from': from, ':to': to, ':at': at };
}

export function statusAudit(ctx: OpContext, entityId: string, from: string, step: { entry: { status: string; on: string }; note: { note?: string } }) {
  return auditPut({
    tenant: ctx.tenant,
    actor: ctx.actor,
    entity: AUDIT_ENTITY,
    entityId,
    action: 'update',
    before: { status: from },
    after: { status: step.entry.status, on: step.entry.on, ...step.note },
    at: ctx.now,
  });
}
