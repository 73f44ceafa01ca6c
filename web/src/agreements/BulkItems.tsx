import { createSignal, Show } from 'solid-js';
import { type Agreement, type Item, type ItemStatus, itemStatuses, itemStatusInfo } from '../../../shared/agreements/schema.js';
import { agencyOf } from '../../../shared/imports/agencies.js';
import { type BulkItems as Body, bulkItemsResultSchema } from '../../../shared/imports/schema.js';
import { api } from '../api.js';
import { t } from '../i18n.js';
import { BulkBar, createAction, DateInput, Field, type Selection, Select } from '../ui/index.js';

/**
 * The selected items of a program get the same status (and, in a draft, deadline or lead agency) in
 * one request, with the versions shown on the page. A signed program's content is frozen: status
 * only. A 409 names the items changed meanwhile by number and title.
 */
export function BulkItems(props: { agreement: Agreement; items: Item[]; selection: Selection; reload: () => void }) {
  const action = createAction();
  const [status, setStatus] = createSignal<'' | ItemStatus>('');
  const [due, setDue] = createSignal('');
  const [lead, setLead] = createSignal('');
  const [done, setDone] = createSignal('');
  const draft = () => props.agreement.status === 'draft';

  const apply = async () => {
    setDone('');
    const byNo = new Map(props.items.map((i) => [i.no, i]));
    const body: Body = {
      items: props.selection.keys().flatMap((no) => (byNo.has(no) ? [{ no, version: byNo.get(no)!.version }] : [])),
      set: {
        ...(status() ? { status: status() as ItemStatus } : {}),
        ...(draft() && due() ? { due: { kind: 'date' as const, on: due() } } : {}),
        ...(draft() && lead().trim() ? { lead: { agency: agencyOf(lead()), name: lead().trim() } } : {}),
      },
      ...(draft() ? { version: props.agreement.version } : {}),
    };
    const r = await action.run(() => api.post(`/api/imports/agreements/${props.agreement.id}/items/bulk`, body, bulkItemsResultSchema));
    if (!r) return;
    setDone(t({ vi: `đã cập nhật ${r.changed} nội dung`, en: `${r.changed} updated` }));
    props.selection.clear();
    setStatus('');
    setDue('');
    setLead('');
    props.reload();
  };

  return (
    <BulkBar
      selection={props.selection}
      selectable={props.items.map((i) => i.no)}
      noun={{ vi: 'nội dung', en: 'items' }}
      busy={action.busy()}
      error={action.error()}
      done={done()}
      onApply={() => void apply()}
    >
      <Select
        label={{ vi: 'Trạng thái', en: 'Status' }}
        testId="bulk-status"
        options={itemStatuses}
        labels={itemStatusInfo}
        blank={{ vi: '— Không đổi —', en: '— No change —' }}
        value={status()}
        onValue={setStatus}
      />
      <Show
        when={draft()}
        fallback={
          <p class="muted">
            {t({
              vi: 'Văn bản đã ký: chỉ đổi trạng thái (thời hạn, cơ quan chủ trì cần sửa đổi, bổ sung văn bản).',
              en: 'Signed: status only (deadlines and leads change by amendment).',
            })}
          </p>
        }
      >
        <Field label={{ vi: 'Thời hạn mới', en: 'New deadline' }} hint={{ vi: 'Để trống: không đổi', en: 'Empty: no change' }}>
          <DateInput value={due()} onValue={setDue} data-testid="bulk-due" />
        </Field>
        <Field label={{ vi: 'Cơ quan chủ trì mới', en: 'New lead agency' }} hint={{ vi: 'Để trống: không đổi', en: 'Empty: no change' }}>
          <input type="text" maxlength="200" value={lead()} onInput={(e) => setLead(e.currentTarget.value)} data-testid="bulk-lead" />
        </Field>
      </Show>
    </BulkBar>
  );
}
