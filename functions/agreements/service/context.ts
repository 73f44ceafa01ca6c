import type { Agreement } from '../../../shared/agreements/schema.js';
import { happenedOnProblem } from '../../../shared/dates.js';
import type { Identity } from '../../../shared/identity.js';
import { ProblemError } from '../../http/problem.js';
import type { OpContext } from '../../store/op-context.js';
import { staleVersion, versionCondition } from '../../store/versioning.js';
import { notFound } from '../../auth/tenant-scope.js';
import { readPartition } from '../repository.js';
import { agreementFromItem, type DbItem } from '../records.js';
import type { Text } from '../../../shared/text.js';

export type { OpContext } from '../../store/op-context.js';

export function actorLabel(actor: Identity): string {
  return actor.name ?? actor.email;
}

export function agreementNotFound(): ProblemError {
  return notFound();
}

export function frozen(status: string): ProblemError {
  return new ProblemError('conflict', {
    vi: `Văn bản đang ở trạng thái "${status}": văn bản đã ký chỉ thay đổi được bằng văn bản sửa đổi, bổ sung`,
    en: `The agreement is "${status}": a signed agreement changes only through an amendment`,
  });
}

export function wrongState(vi: string, en: string): ProblemError {
  return new ProblemError('conflict', { vi, en });
}

/** Early, friendly version check (the write's condition is what really guards the race). */
export function checkVersion(current: { version: number }, expected: number) {
  if (current.version !== expected) throw staleVersion();
}

/**
 * A draft about to be replaced or deleted, read with all its items: refused when missing, when the
 * version read is not the stored one, or when it is no longer a draft.
 */
export async function readDraft(ctx: OpContext, id: string, expectedVersion: number) {
  const rows = await readPartition(ctx.store, ctx.tenant, id);
  const current = rows.find((r) => r.SK === 'A');
  if (!current) throw agreementNotFound();
  const before = agreementFromItem(current);
  checkVersion(before, expectedVersion);
  if (before.status !== 'draft') throw frozen(before.status);
  return { rows, current, before };
}

/** The write's own guard of the same: still the version read, still a draft. */
export function draftCondition(expectedVersion: number) {
  const cond = versionCondition(expectedVersion);
  return {
    ConditionExpression: `${cond.ConditionExpression} AND #status = :draft`,
    ExpressionAttributeNames: { ...cond.ExpressionAttributeNames, '#status': 'status' },
    ExpressionAttributeValues: { ...cond.ExpressionAttributeValues, ':draft': 'draft' },
  };
}

/** The header without key plumbing, as the audit log records it. */
export function auditView(item: DbItem | Record<string, unknown> | null): Record<string, unknown> | null {
  if (!item) return null;
  const { PK: _pk, SK: _sk, GSI1PK: _g1, GSI1SK: _g1s, GSI2PK: _g2, GSI2SK: _g2s, searchText: _s, tenant: _t, ...rest } = item;
  return rest;
}

/** The content units of a record in compact form for the audit log (titles and states, not full texts). */
export function auditContent(rows: Record<string, unknown>[]): Record<string, unknown> {
  return {
    content: rows
      .filter((r) => r.entity === 'agreement-chapter' || r.entity === 'agreement-article' || r.entity === 'agreement-item')
      .map((r) => `${String(r.SK)}: ${String(r.title ?? '')}${r.status ? ` [${String(r.status)} ${String(r.progress)}%]` : ''}`),
  };
}

export type { Agreement };

/**
 * A date something happened (a note, a review, a status change, a signing): never before
 * `notBefore` (what it follows, e.g. the signing), and — when `today` is given — never after today.
 * Past years are fine: agreements are backfilled from 2021 on.
 */
export function checkHappenedOn(field: string, on: string, today: string | null, notBefore: string | null, early: Text): void {
  const problem = happenedOnProblem(on, today ?? '9999-12-31', notBefore);
  if (!problem) return;
  const [vi, en] = problem === 'after-today' ? ['Ngày không được sau hôm nay', 'The date must not be after today'] : [early.vi, early.en];
  throw new ProblemError('validation', { vi, en }, [{ field, in: 'body', code: 'custom', message_vi: vi, message_en: en }]);
}
