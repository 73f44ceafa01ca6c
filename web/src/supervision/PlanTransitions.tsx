import { createSignal, For, Show } from 'solid-js';
import { planStatusActions } from '../../../shared/supervision/labels.js';
import { planTransitions } from '../../../shared/supervision/rules.js';
import type { PlanSummary } from '../../../shared/supervision/views.js';
import { t } from '../i18n.js';
import { createAction, ErrorAlert, SubmitButton, Input } from '../ui/index.js';
import { supervisionApi } from './client.js';

/** The plan's next steps (notify, start, report, close), each dated and with an optional note. */
export function PlanTransitions(props: { plan: PlanSummary; today: string; reload: () => void }) {
  const [on, setOn] = createSignal(props.today);
  const [note, setNote] = createSignal('');
  const action = createAction();
  const act = async (work: () => Promise<unknown>) => {
    const done = await action.run(async () => {
      await work();
      return true;
    });
    if (done) props.reload();
  };
  return (
    <>
      <div class="sup-inline">
        <div class="sup-row">
          <Input label={{ vi: 'Ngày thực hiện', en: 'Date' }} type="date" name="transition-on" value={on()} onInput={(e) => setOn(e.currentTarget.value)} />
          <Input label={{ vi: 'Ghi chú', en: 'Note' }} name="transition-note" value={note()} onInput={(e) => setNote(e.currentTarget.value)} />
        </div>
        <div class="sup-actions">
          <For each={planTransitions[props.plan.status]}>
            {(to) => (
              <SubmitButton
                type="button"
                busy={action.busy()}
                label={planStatusActions[to]}
                data-testid={`plan-move-${to}`}
                onClick={() =>
                  act(() => supervisionApi.move(props.plan.id, { to, version: props.plan.version, on: on() || undefined, note: note().trim() || undefined }))
                }
              />
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
      <ErrorAlert error={action.error()} testId="plan-error" />
    </>
  );
}
