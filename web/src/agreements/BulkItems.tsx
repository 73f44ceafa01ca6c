import { Show } from 'solid-js';
import { type Agreement, type Item, type ItemStatus, itemStatuses, itemStatusInfo } from '../../../shared/agreements/schema.js';
import { agencyOf } from '../../../shared/imports/agencies.js';
import { type BulkItems as Body, bulkItemsResultSchema } from '../../../shared/imports/schema.js';
import { api } from '../api.js';
import { t, type Text } from '../i18n.js';
import { BulkBar, createBulkChange, DateInput, Field, type Selection, Select } from '../ui/index.js';

/** A signed program's items change status in bulk; their deadlines and leads change by amendment. */
const signedStatusOnly: Text = {
  vi: 'Văn bản đã ký: chỉ đổi trạng thái (thời hạn, cơ quan chủ trì cần sửa đổi, bổ sung văn bản).',
  en: 'Signed: status only (deadlines and leads change by amendment).',
};

/**
 * The selected items of a program get the same status (and, in a draft, deadline or lead agency) in
 * one request, with the versions shown on the page. A signed program's content is frozen: status
 * only. A 409 names the items changed meanwhile by number and title.
 */
export function BulkItems(props: { agreement: Agreement; items: Item[]; selection: Selection; reload: () => void }) {
  const draft = () => props.agreement.status === 'draft';
  const bulk = createBulkChange({
    noun: { vi: 'nội dung', en: 'items' },
    selection: props.selection,
    blank: { status: '', due: '', lead: '' } as { status: '' | ItemStatus; due: string; lead: string },
    reload: () => props.reload(),
  });
  const f = bulk.fields;

  const apply = () => {
    const body: Body = {
      items: bulk.versions(props.items),
      set: {
        ...(f.status ? { status: f.status as ItemStatus } : {}),
        ...(draft() && f.due ? { due: { kind: 'date' as const, on: f.due } } : {}),
        ...(draft() && f.lead.trim() ? { lead: { agency: agencyOf(f.lead), name: f.lead.trim() } } : {}),
      },
      ...(draft() ? { version: props.agreement.version } : {}),
    };
    return bulk.send(() => api.post(`/api/imports/agreements/${props.agreement.id}/items/bulk`, body, bulkItemsResultSchema));
  };

  return (
    <BulkBar change={bulk} selectable={props.items.map((i) => i.no)} onApply={() => void apply()}>
      <Select
        label={{ vi: 'Trạng thái', en: 'Status' }}
        testId="bulk-status"
        options={itemStatuses}
        labels={itemStatusInfo}
        blank={{ vi: '— Không đổi —', en: '— No change —' }}
        value={f.status}
        onValue={(v) => bulk.setFields('status', v)}
      />
      <Show when={draft()} fallback={<p class="muted">{t(signedStatusOnly)}</p>}>
        <Field label={{ vi: 'Thời hạn mới', en: 'New deadline' }} hint={{ vi: 'Để trống: không đổi', en: 'Empty: no change' }}>
          <DateInput value={f.due} onValue={(v) => bulk.setFields('due', v)} data-testid="bulk-due" />
        </Field>
        <Field label={{ vi: 'Cơ quan chủ trì mới', en: 'New lead agency' }} hint={{ vi: 'Để trống: không đổi', en: 'Empty: no change' }}>
          <input type="text" maxlength="200" value={f.lead} onInput={(e) => bulk.setFields('lead', e.currentTarget.value)} data-testid="bulk-lead" />
        </Field>
      </Show>
    </BulkBar>
  );
}
