import { createSignal, For, Index, Show } from 'solid-js';
import { createStore } from 'solid-js/store';
import { formatDate } from '../../../shared/format.js';
import { recommendationStatusLabels } from '../../../shared/supervision/labels.js';
import type { RecommendationView } from '../../../shared/supervision/views.js';
import { t } from '../i18n.js';
import { recommendationUndo, UNDO_WINDOW_MINUTES } from '../../../shared/supervision/rules.js';
import type { PlanStatus } from '../../../shared/supervision/schema.js';
import { session } from '../session.js';
import { ConfirmDialog, createAction, ErrorAlert, Field, AddButton, DateInput, SelectBox, type Selection, UndoNotice } from '../ui/index.js';
import { newIdempotencyKey, supervisionApi } from './client.js';
import { RecStatusBadge } from './common.jsx';
import { RecFields } from './FindingForms.jsx';

export function RecommendationItem(props: {
  planId: string;
  planStatus: PlanStatus;
  /** the server's clock minus the browser's (ms) */
  clockOffset: number;
  rec: RecommendationView;
  today: string;
  writable: boolean;
  reload: () => void;
  /** The plan page's bulk selection (writers only). */
  selection?: Selection;
}) {
  const r = () => props.rec;
  const [mode, setMode] = createSignal<'none' | 'respond' | 'edit'>('none');
  const action = createAction();
  const [resp, setResp] = createStore({ respondedOn: props.today, respondent: '', content: '', attachments: [{ label: '', documentId: '' }] });
  const madeOn = () => r().history[0]?.on ?? '';
  const [edit, setEdit] = createStore({ content: r().content, responsibleUnit: r().responsibleUnit, deadline: r().deadline, madeOn: madeOn() });
  let key = newIdempotencyKey();

  const run = async (work: () => Promise<unknown>) => {
    const done = await action.attempt(work);
    if (!done) return;
    setConfirmResolve(false);
    setMode('none');
    props.reload();
  };
  const [confirmResolve, setConfirmResolve] = createSignal(false);
  /** Until when the signed-in person may take back the last move (null: nothing to take back). */
  const undoUntil = () => {
    const userId = session()?.identity.userId;
    const check = userId ? recommendationUndo(r(), userId, new Date(Date.now() + props.clockOffset), props.planStatus) : null;
    return check?.ok ? check.until : null;
  };
  // The day the step happened (accepted, sent back, resolved): today unless a past record is entered.
  const [stepOn, setStepOn] = createSignal(props.today);
  const move = (to: 'accepted' | 'resolved' | 'open') =>
    run(() => supervisionApi.moveRecommendation(props.planId, r().no, { to, version: r().version, ...(stepOn() ? { on: stepOn() } : {}) }));

  return (
    <div class="sup-rec" id={`rec-${r().no}`} data-testid={`rec-${r().no}`}>
      <div class="sup-rec-head">
        <Show when={props.selection}>
          {(sel) => (
            <SelectBox
              selection={sel()}
              no={r().no}
              disabled={r().status === 'resolved'}
              label={{ vi: `Chọn kiến nghị ${r().no}`, en: `Select recommendation ${r().no}` }}
              testId={`select-rec-${r().no}`}
            />
          )}
        </Show>
        <strong>
          {t({ vi: 'Kiến nghị', en: 'Recommendation' })} {r().no}:
        </strong>
        <span>{r().content}</span>
      </div>
      <div class="sup-rec-head muted">
        <span>
          {t({ vi: 'Đơn vị chịu trách nhiệm', en: 'Responsible' })}: <span data-testid="rec-unit">{r().responsibleUnit}</span>
        </span>
        <span>·</span>
        <span>
          {t({ vi: 'Thời hạn', en: 'Deadline' })}: <span data-testid="rec-deadline">{formatDate(r().deadline)}</span>
        </span>
        <RecStatusBadge status={r().status} overdue={r().overdue} />
        <Show when={r().overdue}>
          <span>{t({ vi: `(${r().daysOverdue} ngày)`, en: `(${r().daysOverdue} days)` })}</span>
        </Show>
        <Show when={r().resolvedOn}>
          <span>
            {t({ vi: 'Giải quyết xong ngày', en: 'Resolved on' })} {formatDate(r().resolvedOn)}
          </span>
        </Show>
      </div>
      <Show when={r().responses.length > 0}>
        <ul class="sup-responses" data-testid="rec-responses">
          <For each={r().responses}>
            {(x) => (
              <li>
                <strong>{formatDate(x.respondedOn)}</strong> — {x.respondent}: {x.content}
                <For each={x.attachments}>
                  {(a) => (
                    <span class="badge" title={a.documentId ?? ''}>
                      {t({ vi: 'Đính kèm', en: 'Attachment' })}: {a.label}
                    </span>
                  )}
                </For>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <Show when={r().history.length > 1}>
        <div class="muted" style={{ 'font-size': '0.85rem' }}>
          {r()
            .history.map((h) => `${t(recommendationStatusLabels[h.status])} ${formatDate(h.on)}${h.note ? ` (${h.note})` : ''}`)
            .join(' → ')}
        </div>
      </Show>
      <Show when={props.writable}>
        <UndoNotice
          until={undoUntil()}
          clockOffset={props.clockOffset}
          message={{
            vi: `Kiến nghị ${r().no} vừa chuyển sang "${recommendationStatusLabels[r().status].vi}".`,
            en: `Recommendation ${r().no} has just moved to "${recommendationStatusLabels[r().status].en}".`,
          }}
          onUndo={async () => {
            await supervisionApi.undoRecommendationMove(props.planId, r().no, r().version);
            props.reload();
          }}
          testId={`rec-${r().no}-undo`}
        />
      </Show>
      <Show when={props.writable && r().status !== 'resolved'}>
        <div class="sup-actions" style={{ 'margin-top': '0.4rem' }}>
          <button type="button" class="button secondary small" data-testid="rec-respond" onClick={() => setMode(mode() === 'respond' ? 'none' : 'respond')}>
            {t({ vi: 'Ghi nhận trả lời', en: 'Record answer' })}
          </button>
          <Show when={r().status === 'answered' || r().status === 'accepted'}>
            <Field label={{ vi: 'Ngày diễn ra', en: 'Date it happened' }} class="sup-step-on">
              <DateInput name={`rec-step-on-${r().no}`} max={props.today} value={stepOn()} onValue={setStepOn} />
            </Field>
          </Show>
          <Show when={r().status === 'answered'}>
            <button type="button" class="button secondary small" data-testid="rec-accept" onClick={() => move('accepted')}>
              {t({ vi: 'Tiếp thu', en: 'Accept' })}
            </button>
            <button type="button" class="button secondary small" data-testid="rec-reopen" onClick={() => move('open')}>
              {t({ vi: 'Yêu cầu trả lời lại', en: 'Send back' })}
            </button>
          </Show>
          <Show when={r().status === 'answered' || r().status === 'accepted'}>
            <button type="button" class="button small" data-testid="rec-resolve" onClick={() => setConfirmResolve(true)}>
              {t({ vi: 'Đã giải quyết xong', en: 'Mark resolved' })}
            </button>
          </Show>
          <button type="button" class="button link small" data-testid="rec-edit" onClick={() => setMode(mode() === 'edit' ? 'none' : 'edit')}>
            {t({ vi: 'Sửa / gia hạn', en: 'Edit / extend' })}
          </button>
        </div>
      </Show>
      <Show when={mode() === 'respond'}>
        <form
          class="sup-inline"
          data-testid="response-form"
          onSubmit={(e) => {
            e.preventDefault();
            void run(async () => {
              await supervisionApi.respond(
                props.planId,
                r().no,
                {
                  version: r().version,
                  respondedOn: resp.respondedOn,
                  ...(resp.respondent.trim() ? { respondent: resp.respondent.trim() } : {}),
                  content: resp.content.trim(),
                  attachments: resp.attachments
                    .filter((a) => a.label.trim())
                    .map((a) => ({ label: a.label.trim(), ...(a.documentId.trim() ? { documentId: a.documentId.trim().toUpperCase() } : {}) })),
                },
                key,
              );
              key = newIdempotencyKey();
            });
          }}
        >
          <div class="sup-row">
            <Field label={{ vi: 'Ngày trả lời', en: 'Answered on' }}>
              <DateInput name="respondedOn" max={props.today} value={resp.respondedOn} onValue={(v) => setResp('respondedOn', v)} />
            </Field>
            <Field label={{ vi: 'Đơn vị trả lời', en: 'Answered by' }}>
              <input
                name="respondent"
                placeholder={r().responsibleUnit}
                value={resp.respondent}
                onInput={(e) => setResp('respondent', e.currentTarget.value)}
              />
            </Field>
          </div>
          <Field label={{ vi: 'Nội dung trả lời', en: 'Answer' }}>
            <textarea name="response-content" rows="3" value={resp.content} onInput={(e) => setResp('content', e.currentTarget.value)} />
          </Field>
          <Index each={resp.attachments}>
            {(a, i) => (
              <div class="sup-row">
                <Field label={{ vi: 'Văn bản đính kèm (số, ký hiệu, trích yếu)', en: 'Attachment (number, title)' }}>
                  <input name={`attachment-label-${i}`} value={a().label} onInput={(e) => setResp('attachments', i, 'label', e.currentTarget.value)} />
                </Field>
                <Field label={{ vi: 'Mã văn bản trong kho (nếu có)', en: 'Archive document id (optional)' }}>
                  <input name={`attachment-doc-${i}`} value={a().documentId} onInput={(e) => setResp('attachments', i, 'documentId', e.currentTarget.value)} />
                </Field>
              </div>
            )}
          </Index>
          <div class="sup-actions">
            <AddButton
              small
              label={{ vi: 'Thêm văn bản đính kèm', en: 'Add attachment' }}
              onClick={() => setResp('attachments', (xs) => [...xs, { label: '', documentId: '' }])}
            />
            <button class="button small" type="submit" data-testid="save-response">
              {t({ vi: 'Lưu trả lời', en: 'Save answer' })}
            </button>
          </div>
        </form>
      </Show>
      <Show when={mode() === 'edit'}>
        <form
          class="sup-inline"
          onSubmit={(e) => {
            e.preventDefault();
            void run(() =>
              supervisionApi.updateRecommendation(props.planId, r().no, {
                version: r().version,
                content: edit.content.trim(),
                responsibleUnit: edit.responsibleUnit.trim(),
                deadline: edit.deadline,
                // Sent only when corrected (a past recommendation first entered with today's date).
                ...(edit.madeOn && edit.madeOn !== madeOn() ? { madeOn: edit.madeOn } : {}),
              }),
            );
          }}
        >
          <RecFields prefix={`edit-rec-${r().no}`} value={edit} set={(k, v) => setEdit(k, v)} />
          <div class="sup-actions">
            <button class="button small" type="submit">
              {t({ vi: 'Lưu', en: 'Save' })}
            </button>
          </div>
        </form>
      </Show>
      <ErrorAlert error={action.error()} />
      <ConfirmDialog
        open={confirmResolve()}
        title={{ vi: 'Ghi nhận đã giải quyết xong', en: 'Mark the recommendation resolved' }}
        message={{
          vi: `Kiến nghị ${r().no} sẽ được đóng: không ghi nhận thêm trả lời. Người ghi nhận có thể hoàn tác trong ${UNDO_WINDOW_MINUTES} phút; sau đó không thể mở lại.`,
          en: `Recommendation ${r().no} will be closed: no further answers can be recorded. Whoever marks it can undo within ${UNDO_WINDOW_MINUTES} minutes; after that it cannot be reopened.`,
        }}
        confirmLabel={{ vi: 'Đã giải quyết xong', en: 'Mark resolved' }}
        busy={action.busy()}
        error={action.error()}
        onConfirm={() => void move('resolved')}
        onCancel={() => setConfirmResolve(false)}
        testId="resolve-dialog"
        confirmTestId="resolve-confirm"
      />
    </div>
  );
}
