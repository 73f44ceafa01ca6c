import { vietnamMonth } from '../../../shared/dates.js';
import { createResource, createSignal, For, Show } from 'solid-js';
import { createStore } from 'solid-js/store';
import { provinceLocalitiesSchema } from '../../../shared/localities/views.js';
import { auditActionLabels, auditActions, auditEntities, auditEntityLabels, type AuditEvent, auditPageSchema } from '../../../shared/audit/schema.js';
import { roleLabels, type Role } from '../../../shared/roles.js';
import { api } from '../api.js';
import { lang, t, ui } from '../i18n.js';
import {
  type Table,
  createPagedList,
  pageUrl,
  Field,
  GatedPage,
  LocalityPicker,
  SubmitButton,
  PagedTable,
  Input,
  DateInput,
  Select,
  FilterForm,
} from '../ui/index.js';
import '../tenancy/tenancy.css';
import { auditSentence, auditValue, fieldLabel, tenantCodeOf } from './sentence.js';

function thisMonth() {
  return vietnamMonth(Date.now());
}

const empty = { vi: 'Không có thay đổi nào trong khoảng này.', en: 'No changes in this range.' };

/** Admins browse the tenant's audit log: one month at a time, newest first, with filters. */
export function AuditLog() {
  return (
    <GatedPage
      title={ui.nav.audit}
      needs="tenant:admin"
      message={{ vi: 'Chỉ quản trị viên xem được nhật ký thay đổi.', en: 'Only admins can see the audit log.' }}
    >
      <AuditBrowser />
    </GatedPage>
  );
}

/** The drop-down filters: which kind of record, which action. */
const choiceFilters = [
  { name: 'entity', label: { vi: 'Đối tượng', en: 'Entity' }, options: auditEntities, labels: auditEntityLabels },
  { name: 'action', label: { vi: 'Hành động', en: 'Action' }, options: auditActions, labels: auditActionLabels },
] as const;

const unitNames = new Map<string, Promise<string | undefined>>();
/** A unit's name by its code (one request per unit and page load), for entries that carry only the code. */
function unitName(provinceCode: string, localityCode: string): Promise<string | undefined> {
  const key = `${provinceCode}-${localityCode}`;
  let found = unitNames.get(key);
  if (!found) {
    found = api
      .get(`/api/localities/${provinceCode}?q=${localityCode}&limit=5`, provinceLocalitiesSchema)
      .then((r) => r.localities.find((l) => l.code === localityCode)?.name)
      .catch(() => undefined);
    unitNames.set(key, found);
  }
  return found;
}

function AuditSentence(props: { event: AuditEvent }) {
  const [name] = createResource(
    () => tenantCodeOf(props.event) ?? false,
    (c) => unitName(c.provinceCode, c.localityCode),
  );
  return <span data-testid="audit-sentence">{auditSentence(props.event, lang(), name())}</span>;
}

const auditTable: Table<AuditEvent> = {
  columns: [
    {
      id: 'what',
      header: { vi: 'Nội dung', en: 'What happened' },
      cell: (e) => (
        <>
          <AuditSentence event={e} />
          <div class="hint">
            {e.actor.email} ·{' '}
            {e.actor.role === 'public' ? t({ vi: 'Công khai (đăng ký)', en: 'Public (sign-up)' }) : (roleLabels[e.actor.role as Role]?.[lang()] ?? '')}
          </div>
        </>
      ),
    },
    {
      id: 'changes',
      header: { vi: 'Thay đổi', en: 'Changes' },
      cell: (e) => (
        <ul class="changes">
          <For each={Object.entries(e.changes).slice(0, 8)}>
            {([field, c]) => (
              <li>
                <span class="field-name">{fieldLabel(field, lang())}</span>: {auditValue(c.before, lang())} → {auditValue(c.after, lang())}
                <Show when={c.digested}>
                  <span class="hint">
                    {' '}
                    {t({ vi: '(bản ghi đầy đủ quá dài, chỉ lưu phần đầu và dấu kiểm)', en: '(too long to keep in full: beginning and checksum kept)' })}
                  </span>
                </Show>
              </li>
            )}
          </For>
        </ul>
      ),
    },
  ],
  label: ui.nav.audit,
  testId: 'audit',
  empty,
  rowAttrs: (e) => ({ 'data-action': e.action }),
};

function AuditBrowser() {
  const [month, setMonth] = createSignal(thisMonth());
  const [from, setFrom] = createSignal('');
  const [to, setTo] = createSignal('');
  const [actor, setActor] = createSignal('');
  const [choices, setChoices] = createStore<Record<(typeof choiceFilters)[number]['name'], string>>({ entity: '', action: '' });
  const [locality, setLocality] = createSignal<string | undefined>(undefined);

  const query = () => {
    const q = new URLSearchParams({ month: month() });
    if (from()) q.set('from', from());
    if (to()) q.set('to', to());
    if (actor().trim()) q.set('actor', actor().trim());
    for (const { name } of choiceFilters) if (choices[name]) q.set(name, choices[name]);
    const unit = locality();
    if (unit) q.set('locality', unit);
    return q;
  };
  // The filters apply when the form is sent, not at each keystroke.
  const [applied, setApplied] = createSignal(query());
  const list = createPagedList(applied, (q, cursor) => api.get(pageUrl('/api/audit', q, cursor), auditPageSchema));

  return (
    <>
      <FilterForm data-testid="audit-filters" onApply={() => setApplied(query())}>
        <Field label={{ vi: 'Tháng', en: 'Month' }}>
          <DateInput kind="month" name="month" required value={month()} onValue={setMonth} />
        </Field>
        <Field label={{ vi: 'Từ ngày', en: 'From' }}>
          <DateInput name="from" value={from()} onValue={setFrom} />
        </Field>
        <Field label={{ vi: 'Đến ngày', en: 'To' }}>
          <DateInput name="to" min={from() || undefined} value={to()} onValue={setTo} />
        </Field>
        <Input label={{ vi: 'Người thực hiện (email)', en: 'Who (email)' }} name="actor" value={actor()} onInput={(e) => setActor(e.currentTarget.value)} />
        <For each={choiceFilters}>
          {(f) => (
            <Select
              label={f.label}
              name={f.name}
              options={f.options}
              labels={f.labels}
              blank={ui.all}
              value={choices[f.name]}
              onValue={(v) => setChoices(f.name, v)}
            />
          )}
        </For>
        <LocalityPicker
          value={locality()}
          onChange={setLocality}
          label={{ vi: 'Đơn vị', en: 'Unit' }}
          ownLabel={{ vi: 'Cấp tỉnh (đơn vị của tôi)', en: 'Province (my unit)' }}
          testId="audit-locality"
        />
        <SubmitButton label={{ vi: 'Lọc', en: 'Filter' }} busy={list.busy()} />
      </FilterForm>
      <PagedTable list={list} {...auditTable} />
    </>
  );
}
