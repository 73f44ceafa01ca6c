import { UNDO_WINDOW_MINUTES, type UndoCheck, type UndoRefusal } from '../../../shared/supervision/rules.js';
import { auditPut } from '../../audit/record.js';
import { ProblemError } from '../../http/problem.js';
import { AUDIT_ENTITY, conflict, STATUS_MOVE_GUARD, statusMoveValues, type OpContext } from './context.js';
import type { Text } from '../../../shared/text.js';

/**
 * What undoing a status step shares, for a plan and a recommendation alike: refused in plain words
 * unless the check allows it; the history without its last step; the write's guard that nothing
 * happened since that step (the version read, the status it moved to, no later write); and the
 * audit entry of the undo (the log keeps both the step and its undo).
 */
export function undoStep<S extends string, H extends { on: string; at: string }>(ctx: OpContext, check: UndoCheck<S>, steps: readonly H[], what: Text) {
  if (!check.ok) throw undoRefused(check.reason, what);
  const { from, to } = check;
  const step = steps[steps.length - 1]!;
  const history = steps.slice(0, -1);
  const at = ctx.now.toISOString();
  return {
    from,
    to,
    at,
    history,
    condition: `${STATUS_MOVE_GUARD} AND updatedAt = :stepAt`,
    values: (expected: number): Record<string, unknown> => ({ ...statusMoveValues(expected, from, to, at), ':history': history, ':stepAt': step.at }),
    audit: (entityId: string) =>
      auditPut({
        tenant: ctx.tenant,
        actor: ctx.actor,
        entity: AUDIT_ENTITY,
        entityId,
        action: 'undo',
        before: { status: from, on: step.on },
        after: { status: to },
        at: ctx.now,
      }),
  };
}

/** Why an undo is refused, in plain words: another person's step is 403, anything else 409. */
export function undoRefused(reason: UndoRefusal, what: Text): ProblemError {
  switch (reason) {
    case 'other-user':
      return new ProblemError('forbidden', {
        vi: `Chỉ người đã thực hiện mới hoàn tác được ${what.vi}`,
        en: `Only the person who made it can undo ${what.en}`,
      });
    case 'expired':
      return conflict(
        `Đã quá ${UNDO_WINDOW_MINUTES} phút kể từ khi thực hiện nên không hoàn tác được ${what.vi} nữa`,
        `More than ${UNDO_WINDOW_MINUTES} minutes have passed, so ${what.en} can no longer be undone`,
      );
    case 'changed':
      return conflict(
        `Hồ sơ đã có thay đổi khác sau bước này nên không hoàn tác được ${what.vi}; hãy tải lại trang`,
        `The record changed after this step, so ${what.en} cannot be undone; reload the page`,
      );
    case 'findings':
      return conflict(
        'Kế hoạch đã có kết quả giám sát nên không quay lại bước trước khi Đoàn làm việc được',
        'The plan already has findings, so it cannot go back to before the team started',
      );
    case 'plan-closed':
      return conflict('Kế hoạch đã kết thúc nên không hoàn tác được', 'The plan is closed, so nothing can be undone');
    case 'nothing':
      return conflict('Không có bước nào để hoàn tác', 'There is no step to undo');
  }
}
