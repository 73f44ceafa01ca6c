import { vietnamMonth } from '../../../shared/dates.js';
import { createSignal, For } from 'solid-js';
import { auditActionLabels, auditActions, auditEntities, auditEntityLabels, type AuditEvent, auditPageSchema } from '../../../shared/audit/schema.js';
import { formatDateTime } from '../../../shared/format.js';
import { roleLabels, type Role } from '../../../shared/roles.js';
import { api } from '../api.js';
import { lang, t, ui } from '../i18n.js';
import { type Column, createPagedList, Field, focusHeading, LocalityPicker, RoleGate, SubmitButton, PagedTable, Input } from '../ui/index.js';
import '../tenancy/tenancy.css';

function thisMonth() {
  return vietnamMonth(Date.now());
}

function show(v: unknown): string {
  if (v === null || v === undefined || v === '') return '—';
  if (typeof v === 'string') return /^\d{4}-\d{2}-\d{2}T/.test(v) ? formatDateTime(v) : v;
  if (typeof v === 'object' && v && ('name' in v || 'email' in v)) {
    const o = v as { name?: string; email?: string };
    return o.name ?? o.email ?? '';
  }
  return JSON.stringify(v);
}

const empty = { vi: 'Không có thay đổi nào trong khoảng này.', en: 'No changes in this range.' };

/** Admins browse the tenant's audit log: one month at a time, newest first, with filters. */
export function AuditLog() {
  focusHeading();
  return (
    <section>
      <h1>{t(ui.nav.audit)}</h1>
      <RoleGate needs="tenant:admin" message={{ vi: 'Chỉ quản trị viên xem được nhật ký thay đổi.', en: 'Only admins can see the audit log.' }}>
        <AuditBrowser />
      </RoleGate>
    </section>
  );
}

const all = { vi: 'Tất cả', en: 'All' };

const columns: Column<AuditEvent>[] = [
  { id: 'at', header: { vi: 'Thời điểm', en: 'When' }, cell: (e) => formatDateTime(e.at) },
  {
    id: 'actor',
    header: { vi: 'Người thực hiện', en: 'Who' },
    cell: (e) => (
      <>
        {e.actor.name ?? e.actor.email}
        <div class="hint">
          {e.actor.email} ·{' '}
          {e.actor.role === 'public' ? t({ vi: 'Công khai (đăng ký)', en: 'Public (sign-up)' }) : (roleLabels[e.actor.role as Role]?.[lang()] ?? e.actor.role)}
        </div>
      </>
    ),
  },
  { id: 'action', header: { vi: 'Hành động', en: 'Action' }, cell: (e) => (auditActionLabels[e.action] ? t(auditActionLabels[e.action]!) : e.action) },
  {
    id: 'entity',
    header: { vi: 'Đối tượng', en: 'Entity' },
    cell: (e) => (
      <>
        {auditEntityLabels[e.target.entity] ? t(auditEntityLabels[e.target.entity]!) : e.target.entity}
        <div class="hint">{e.target.id.length > 20 ? `${e.target.id.slice(0, 12)}…` : e.target.id}</div>
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
              <code>{field}</code>: {show(c.before)} → {show(c.after)}
            </li>
          )}
        </For>
      </ul>
    ),
  },
];

function AuditBrowser() {
  const [month, setMonth] = createSignal(thisMonth());
  const [from, setFrom] = createSignal('');
  const [to, setTo] = createSignal('');
  const [actor, setActor] = createSignal('');
  const [entity, setEntity] = createSignal('');
  const [action, setAction] = createSignal('');
  const [locality, setLocality] = createSignal<string | undefined>(undefined);

  const query = () => {
    const q = new URLSearchParams({ month: month() });
    if (from()) q.set('from', from());
    if (to()) q.set('to', to());
    if (actor().trim()) q.set('actor', actor().trim());
    if (entity()) q.set('entity', entity());
    if (action()) q.set('action', action());
    const unit = locality();
    if (unit) q.set('locality', unit);
    return q;
  };
  // The filters apply when the form is sent, not at each keystroke.
  const [applied, setApplied] = createSignal(query());
  const list = createPagedList(applied, async (q, cursor) => {
    const page = await api.get(`/api/audit?${q}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, auditPageSchema);
    return { items: page.items, next: page.nextCursor };
  });

  return (
    <>
      <form
        class="filters"
        data-testid="audit-filters"
        onSubmit={(e) => {
          e.preventDefault();
          setApplied(query());
        }}
      >
        <Input label={{ vi: 'Tháng', en: 'Month' }} name="month" type="month" required value={month()} onInput={(e) => setMonth(e.currentTarget.value)} />
        <Input label={{ vi: 'Từ ngày', en: 'From' }} name="from" type="date" value={from()} onInput={(e) => setFrom(e.currentTarget.value)} />
        <Input label={{ vi: 'Đến ngày', en: 'To' }} name="to" type="date" value={to()} onInput={(e) => setTo(e.currentTarget.value)} />
        <Input label={{ vi: 'Người thực hiện (email)', en: 'Who (email)' }} name="actor" value={actor()} onInput={(e) => setActor(e.currentTarget.value)} />
        <Field label={{ vi: 'Đối tượng', en: 'Entity' }}>
          <select name="entity" value={entity()} onChange={(e) => setEntity(e.currentTarget.value)}>
            <option value="">{t(all)}</option>
            <For each={[...auditEntities]}>{(x) => <option value={x}>{t(auditEntityLabels[x]!)}</option>}</For>
          </select>
        </Field>
        <Field label={{ vi: 'Hành động', en: 'Action' }}>
          <select name="action" value={action()} onChange={(e) => setAction(e.currentTarget.value)}>
            <option value="">{t(all)}</option>
            <For each={[...auditActions]}>{(x) => <option value={x}>{t(auditActionLabels[x]!)}</option>}</For>
          </select>
        </Field>
        <LocalityPicker
          value={locality()}
          onChange={setLocality}
          label={{ vi: 'Đơn vị', en: 'Unit' }}
          ownLabel={{ vi: 'Cấp tỉnh (đơn vị của tôi)', en: 'Province (my unit)' }}
          testId="audit-locality"
        />
        <SubmitButton label={{ vi: 'Lọc', en: 'Filter' }} busy={list.busy()} />
      </form>
      <PagedTable
        list={list}
        columns={columns}
        label={ui.nav.audit}
        testId="audit"
        emptyTestId="audit-empty"
        empty={empty}
        rowAttrs={(e) => ({ 'data-action': e.action })}
      />
    </>
  );
}
