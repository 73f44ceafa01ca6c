import { UNDO_WINDOW_MINUTES, type UndoRefusal } from '../../../shared/supervision/rules.js';
import { ProblemError } from '../../http/problem.js';
import { conflict } from './context.js';

/** Why an undo is refused, in plain words: another person's step is 403, anything else 409. */
export function undoRefused(reason: UndoRefusal, what: { vi: string; en: string }): ProblemError {
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
