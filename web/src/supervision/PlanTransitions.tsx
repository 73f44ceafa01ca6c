import { createSignal, For, Show } from 'solid-js';
import { planStatusActions } from '../../../shared/supervision/labels.js';
import { planTransitions, UNDO_WINDOW_MINUTES } from '../../../shared/supervision/rules.js';
import type { PlanStatus } from '../../../shared/supervision/schema.js';
import type { PlanSummary } from '../../../shared/supervision/views.js';
import { t, type Text } from '../i18n.js';
import { ConfirmDialog, createAction, ErrorAlert, SubmitButton, Input, DateInput, Field } from '../ui/index.js';
import { supervisionApi } from './client.js';

/** What each step does, said before it is taken: a plan moves forward; only its author may take a step back, and only briefly. */
const undoLater = {
  vi: ` Người chuyển bước có thể hoàn tác trong ${UNDO_WINDOW_MINUTES} phút nếu chưa có thay đổi nào khác; sau đó không thể quay lại bước trước.`,
  en: ` The person who takes it can undo it within ${UNDO_WINDOW_MINUTES} minutes if nothing else has changed; after that it cannot be undone.`,
};

const stepConsequences: Record<PlanStatus, Text> = {
  planned: { vi: '', en: '' },
  notified: {
    vi: 'Kế hoạch được ghi nhận là đã thông báo cho các đơn vị chịu giám sát. ',
    en: 'The plan is recorded as notified to the supervised units.',
  },
  in_progress: {
    vi: 'Đoàn giám sát bắt đầu làm việc; từ đây có thể ghi nhận kết quả và kiến nghị. ',
    en: 'The team starts its work; findings and recommendations can be recorded from now on.',
  },
  reported: {
    vi: 'Báo cáo kết quả giám sát được ghi nhận; các kiến nghị được theo dõi đến khi giải quyết xong. ',
    en: 'The team report is recorded; its recommendations are followed up until resolved.',
  },
  closed: {
    vi: 'Kế hoạch kết thúc và chỉ còn để xem, không sửa được nữa.',
    en: 'The plan is closed and becomes read-only.',
  },
};

/** The plan's next steps (notify, start, report, close), each dated and with an optional note. */
export function PlanTransitions(props: { plan: PlanSummary; today: string; reload: () => void }) {
  const [on, setOn] = createSignal(props.today);
  const [note, setNote] = createSignal('');
  const action = createAction();
  const [asking, setAsking] = createSignal<PlanStatus | null>(null);
  const act = async (work: () => Promise<unknown>) => {
    const done = await action.attempt(work);
    if (!done) return;
    setAsking(null);
    props.reload();
  };
  return (
    <>
      <div class="sup-inline">
        <div class="sup-row">
          <Field label={{ vi: 'Ngày diễn ra', en: 'Date it happened' }} hint={{ vi: 'Có thể là ngày của năm trước', en: 'May be a day of a past year' }}>
            <DateInput name="transition-on" max={props.today} value={on()} onValue={setOn} />
          </Field>
          <Input label={{ vi: 'Ghi chú', en: 'Note' }} name="transition-note" value={note()} onInput={(e) => setNote(e.currentTarget.value)} />
        </div>
        <div class="sup-actions">
          <For each={planTransitions[props.plan.status]}>
            {(to) => (
              <SubmitButton type="button" busy={action.busy()} label={planStatusActions[to]} data-testid={`plan-move-${to}`} onClick={() => setAsking(to)} />
            )}
          </For>
          <Show when={props.plan.status === 'reported' && props.plan.openRecommendations > 0}>
            <span class="muted">
              {t({
                vi: `Còn ${props.plan.openRecommendations} kiến nghị chưa giải quyết xong; kế hoạch kết thúc khi mọi kiến nghị đã giải quyết.`,
                en: `${props.plan.openRecommendations} recommendation(s) still open; the plan closes when all are resolved.`,
              })}
            </span>
          </Show>
        </div>
      </div>
      <Show when={!asking()}>
        <ErrorAlert error={action.error()} testId="plan-error" />
      </Show>
      <ConfirmDialog
        open={!!asking()}
        title={asking() ? planStatusActions[asking()!] : { vi: '', en: '' }}
        message={asking() ? { vi: stepConsequences[asking()!].vi + undoLater.vi, en: stepConsequences[asking()!].en + undoLater.en } : { vi: '', en: '' }}
        confirmLabel={asking() ? planStatusActions[asking()!] : undefined}
        action={action}
        onConfirm={() => {
          const to = asking()!;
          void act(() => supervisionApi.move(props.plan.id, { to, version: props.plan.version, on: on() || undefined, note: note().trim() || undefined }));
        }}
        onCancel={() => setAsking(null)}
        testId="plan-step-dialog"
        confirmTestId="plan-step-confirm"
      />
    </>
  );
}
