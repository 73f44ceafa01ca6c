import { A, useNavigate } from '@solidjs/router';
import { createSignal, For, Show } from 'solid-js';
import { type AgreementDetail as Detail, agreementResultSchema } from '../../../shared/agreements/schema.js';
import { api } from '../api.js';
import { t } from '../i18n.js';
import { ConfirmDialog, createAction, DateInput, Field, FormDialog } from '../ui/index.js';
import { download, ErrorBox, newIdempotencyKey, todayVN, withLocality } from './common.jsx';
import { SignDialog } from './SignDialog.jsx';

/** The status changes of a signed agreement, each shown while the agreement is in one of `from`. */
const statusMoves = [
  { to: 'in_force', from: ['signed'], label: { vi: 'Đưa vào hiệu lực', en: 'Put in force' } },
  { to: 'expired', from: ['signed', 'in_force'], label: { vi: 'Kết thúc hiệu lực', en: 'Mark expired' } },
] as const;

/** The lifecycle actions of one agreement: export, edit, sign, delete a draft, put in force, expire, amend, review. */
export function AgreementActions(props: { detail: Detail; writable: boolean; locality: string | null; reload: () => Promise<void> }) {
  const navigate = useNavigate();
  const action = createAction();
  const [signing, setSigning] = createSignal(false);
  const [asking, setAsking] = createSignal<'delete' | 'amend' | null>(null);
  const [reason, setReason] = createSignal('');
  // The day the agreement came into force or expired: today, or an earlier day when a past record is entered.
  const [statusOn, setStatusOn] = createSignal(todayVN());
  const a = () => props.detail.agreement;
  const locality = () => props.locality;
  const writable = () => props.writable;
  const act = async (work: () => Promise<unknown>, after: () => unknown = props.reload) => {
    const done = await action.attempt(work);
    if (done) await after();
    return done;
  };
  const post = (path: string, body: unknown) => api.send(`/api/agreements/${a().id}${path}`, { method: 'POST', body: JSON.stringify(body) });
  const deleteDraft = () =>
    act(
      () =>
        api.send(`/api/agreements/${a().id}`, { method: 'DELETE', headers: { 'if-match': `"${a().version}"` } }).catch((err) => {
          // 204 has no JSON body.
          if (!(err instanceof SyntaxError)) throw err;
        }),
      () => navigate('/agreements'),
    );
  const amend = async () => {
    const r = await action.run(() =>
      api.post(`/api/agreements/${a().id}/amendments`, { version: a().version, reason: reason() }, agreementResultSchema, {
        headers: { 'idempotency-key': newIdempotencyKey() },
      }),
    );
    if (r) navigate(`/agreements/${r.agreement.id}`);
  };
  const close = () => setAsking(null);

  return (
    <>
      <div class="actions">
        <button
          type="button"
          class="button secondary"
          data-testid="export-docx"
          disabled={action.busy()}
          onClick={() => act(() => download(withLocality(`/api/agreements/${a().id}/export.docx`, locality())))}
        >
          {t({ vi: 'Tải văn bản (.docx)', en: 'Download (.docx)' })}
        </button>
        <Show when={a().kind !== 'regulation'}>
          <A class="button secondary" href={withLocality(`/agreements/${a().id}/items-sheet`, locality())} data-testid="items-sheet">
            {t({ vi: 'Bảng tính nội dung (Excel)', en: 'Items spreadsheet (Excel)' })}
          </A>
        </Show>
        <Show when={writable() && a().status === 'draft'}>
          <A class="button secondary" href={`/agreements/${a().id}/edit`} data-testid="edit">
            {t({ vi: 'Sửa dự thảo', en: 'Edit draft' })}
          </A>
          <button type="button" class="button" data-testid="open-sign" onClick={() => setSigning(true)}>
            {t({ vi: 'Ký kết', en: 'Sign' })}
          </button>
          <button type="button" class="button secondary" data-testid="delete-draft" disabled={action.busy()} onClick={() => setAsking('delete')}>
            {t({ vi: 'Xóa dự thảo', en: 'Delete draft' })}
          </button>
        </Show>
        <Show when={writable() && (a().status === 'signed' || a().status === 'in_force')}>
          <Field
            label={{ vi: 'Ngày diễn ra', en: 'Date it happened' }}
            hint={{ vi: 'Ngày có hiệu lực hoặc hết hiệu lực', en: 'The day it came into force or expired' }}
          >
            <DateInput name="status-on" value={statusOn()} onValue={setStatusOn} />
          </Field>
        </Show>
        <For each={statusMoves}>
          {(move) => (
            <Show when={writable() && (move.from as readonly string[]).includes(a().status)}>
              <button
                type="button"
                class="button secondary"
                disabled={action.busy()}
                onClick={() => act(() => post('/status', { version: a().version, to: move.to, on: statusOn() || todayVN() }))}
              >
                {t(move.label)}
              </button>
            </Show>
          )}
        </For>
        <Show when={writable() && (a().status === 'signed' || a().status === 'in_force') && !a().amendedBy}>
          <button type="button" class="button secondary" data-testid="amend" disabled={action.busy()} onClick={() => setAsking('amend')}>
            {t({ vi: 'Sửa đổi, bổ sung', en: 'Amend' })}
          </button>
        </Show>
        <Show when={writable() && a().status !== 'draft'}>
          <A class="button secondary" href={`/agreements/${a().id}/reviews/new`} data-testid="new-review">
            {t({ vi: 'Sơ kết / tổng kết', en: 'Write a review' })}
          </A>
          <A class="button secondary" href={`/archive/new?agreement=${a().id}`} data-testid="upload-signed">
            {t({ vi: 'Tải bản ký lên', en: 'Upload the signed copy' })}
          </A>
        </Show>
      </div>
      <Show when={!asking()}>
        <ErrorBox error={action.error()} />
      </Show>

      <ConfirmDialog
        open={asking() === 'delete'}
        title={{ vi: 'Xóa dự thảo', en: 'Delete the draft' }}
        message={{
          vi: 'Dự thảo sẽ bị xóa khỏi danh sách cùng các nội dung của nó. Việc xóa được ghi vào nhật ký thay đổi và không hoàn tác được trên trang này.',
          en: 'The draft and its content are removed from the list. The deletion is recorded in the audit log and cannot be undone from this page.',
        }}
        confirmLabel={{ vi: 'Xóa dự thảo', en: 'Delete draft' }}
        action={action}
        onConfirm={() => void deleteDraft()}
        onCancel={close}
        confirmTestId="confirm-delete"
      />
      <FormDialog
        open={asking() === 'amend'}
        title={{ vi: 'Sửa đổi, bổ sung', en: 'Amend' }}
        submitLabel={{ vi: 'Tạo dự thảo sửa đổi', en: 'Create the amendment draft' }}
        action={action}
        onSubmit={() => void amend()}
        onClose={close}
        testId="amend-dialog"
      >
        <Field label={{ vi: 'Lý do sửa đổi, bổ sung', en: 'Reason for the amendment' }}>
          <textarea name="reason" rows="3" required value={reason()} onInput={(e) => setReason(e.currentTarget.value)} />
        </Field>
      </FormDialog>
      <SignDialog
        open={signing()}
        detail={props.detail}
        onClose={() => setSigning(false)}
        onSigned={async () => {
          setSigning(false);
          await props.reload();
        }}
      />
    </>
  );
}
