import { createResource, createSignal, For, Show } from 'solid-js';
import { auditActionLabels, auditActions, auditEntities, auditEntityLabels, type AuditEvent } from '../../../shared/audit/schema.js';
import { formatDateTime } from '../../../shared/format.js';
import { can, roleLabels, type Role } from '../../../shared/roles.js';
import { api, ApiError } from '../api.js';
import { lang, t, ui } from '../i18n.js';
import { session } from '../session.js';
import { provinceUnits } from '../tenancy/locality.jsx';
import '../tenancy/tenancy.css';

type AuditPage = { month: string; items: AuditEvent[]; nextCursor: string | null };

function thisMonth() {
  return new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 7);
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

/** Admins browse the tenant's audit log: one month at a time, newest first, with filters. */
export function AuditLog() {
  const allowed = () => {
    const s = session();
    return !!s && can(s.identity.role, 'tenant:admin');
  };
  const isProvince = () => session()?.identity.localityCode === null;
  const [month, setMonth] = createSignal(thisMonth());
  const [from, setFrom] = createSignal('');
  const [to, setTo] = createSignal('');
  const [actor, setActor] = createSignal('');
  const [entity, setEntity] = createSignal('');
  const [action, setAction] = createSignal('');
  const [locality, setLocality] = createSignal('');
  const [items, setItems] = createSignal<AuditEvent[]>([]);
  const [next, setNext] = createSignal<string | null>(null);
  const [error, setError] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal(false);

  // Province admins may read the log of a unit of their province (current or historical), read-only.
  const [units] = createResource(() => (allowed() && isProvince() ? session()!.identity.provinceCode : false), provinceUnits);

  const query = (cursor?: string) => {
    const q = new URLSearchParams({ month: month() });
    if (from()) q.set('from', from());
    if (to()) q.set('to', to());
    if (actor().trim()) q.set('actor', actor().trim());
    if (entity()) q.set('entity', entity());
    if (action()) q.set('action', action());
    if (locality()) q.set('locality', locality());
    if (cursor) q.set('cursor', cursor);
    return `/api/audit?${q}`;
  };

  const load = async (more = false) => {
    setBusy(true);
    setError(null);
    try {
      const page = await api<AuditPage>(query(more ? (next() ?? undefined) : undefined));
      setItems(more ? [...items(), ...page.items] : page.items);
      setNext(page.nextCursor);
    } catch (err) {
      setError(err instanceof ApiError ? err.text : String(err));
      if (!more) setItems([]);
    } finally {
      setBusy(false);
    }
  };
  if (allowed()) void load();

  return (
    <section>
      <h1>{t(ui.nav.audit)}</h1>
      <Show when={allowed()} fallback={<p class="muted">{t({ vi: 'Chỉ quản trị viên xem được nhật ký thay đổi.', en: 'Only admins can see the audit log.' })}</p>}>
        <form
          class="filters"
          data-testid="audit-filters"
          onSubmit={(e) => {
            e.preventDefault();
            void load();
          }}
        >
          <label>
            {t({ vi: 'Tháng', en: 'Month' })}
            <input name="month" type="month" required value={month()} onInput={(e) => setMonth(e.currentTarget.value)} />
          </label>
          <label>
            {t({ vi: 'Từ ngày', en: 'From' })}
            <input name="from" type="date" value={from()} onInput={(e) => setFrom(e.currentTarget.value)} />
          </label>
          <label>
            {t({ vi: 'Đến ngày', en: 'To' })}
            <input name="to" type="date" value={to()} onInput={(e) => setTo(e.currentTarget.value)} />
          </label>
          <label>
            {t({ vi: 'Người thực hiện (email)', en: 'Who (email)' })}
            <input name="actor" value={actor()} onInput={(e) => setActor(e.currentTarget.value)} />
          </label>
          <label>
            {t({ vi: 'Đối tượng', en: 'Entity' })}
            <select name="entity" value={entity()} onChange={(e) => setEntity(e.currentTarget.value)}>
              <option value="">{t({ vi: 'Tất cả', en: 'All' })}</option>
              <For each={[...auditEntities]}>{(x) => <option value={x}>{t(auditEntityLabels[x]!)}</option>}</For>
            </select>
          </label>
          <label>
            {t({ vi: 'Hành động', en: 'Action' })}
            <select name="action" value={action()} onChange={(e) => setAction(e.currentTarget.value)}>
              <option value="">{t({ vi: 'Tất cả', en: 'All' })}</option>
              <For each={[...auditActions]}>{(x) => <option value={x}>{t(auditActionLabels[x]!)}</option>}</For>
            </select>
          </label>
          <Show when={isProvince()}>
            <label>
              {t({ vi: 'Đơn vị', en: 'Unit' })}
              <select name="locality" value={locality()} onChange={(e) => setLocality(e.currentTarget.value)}>
                <option value="">{t({ vi: 'Cấp tỉnh (đơn vị của tôi)', en: 'Province (my unit)' })}</option>
                <optgroup label={t({ vi: 'Xã, phường, đặc khu', en: 'Communes, wards, special zones' })}>
                  <For each={units()?.current ?? []}>{(d) => <option value={d.code}>{d.name}</option>}</For>
                </optgroup>
                <For each={units()?.historical ?? []}>
                  {(h) => (
                    <optgroup label={t({ vi: `Quận, huyện của ${h.province.name} (trước 01/07/2025)`, en: `Districts of ${h.province.name} (before 01/07/2025)` })}>
                      <For each={h.units}>{(d) => <option value={d.code}>{d.name}</option>}</For>
                    </optgroup>
                  )}
                </For>
              </select>
            </label>
          </Show>
          <button class="button" type="submit" disabled={busy()}>
            {t({ vi: 'Lọc', en: 'Filter' })}
          </button>
        </form>
        <Show when={error()}>
          <p class="error" role="alert">{error()}</p>
        </Show>
        <Show when={items().length > 0} fallback={<p class="muted" data-testid="audit-empty">{busy() ? t(ui.loading) : t({ vi: 'Không có thay đổi nào trong khoảng này.', en: 'No changes in this range.' })}</p>}>
          <table class="table" data-testid="audit">
            <thead>
              <tr>
                <th>{t({ vi: 'Thời điểm', en: 'When' })}</th>
                <th>{t({ vi: 'Người thực hiện', en: 'Who' })}</th>
                <th>{t({ vi: 'Hành động', en: 'Action' })}</th>
                <th>{t({ vi: 'Đối tượng', en: 'Entity' })}</th>
                <th>{t({ vi: 'Thay đổi', en: 'Changes' })}</th>
              </tr>
            </thead>
            <tbody>
              <For each={items()}>
                {(e) => (
                  <tr data-action={e.action}>
                    <td>{formatDateTime(e.at)}</td>
                    <td>
                      {e.actor.name ?? e.actor.email}
                      <div class="hint">
                        {e.actor.email} · {e.actor.role === 'public' ? t({ vi: 'Công khai (đăng ký)', en: 'Public (sign-up)' }) : (roleLabels[e.actor.role as Role]?.[lang()] ?? e.actor.role)}
                      </div>
                    </td>
                    <td>{auditActionLabels[e.action] ? t(auditActionLabels[e.action]!) : e.action}</td>
                    <td>
                      {auditEntityLabels[e.target.entity] ? t(auditEntityLabels[e.target.entity]!) : e.target.entity}
                      <div class="hint">{e.target.id.length > 20 ? `${e.target.id.slice(0, 12)}…` : e.target.id}</div>
                    </td>
                    <td>
                      <ul class="changes">
                        <For each={Object.entries(e.changes).slice(0, 8)}>
                          {([field, c]) => (
                            <li>
                              <code>{field}</code>: {show(c.before)} → {show(c.after)}
                            </li>
                          )}
                        </For>
                      </ul>
                    </td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </Show>
        <Show when={next()}>
          <button class="button secondary" disabled={busy()} onClick={() => load(true)}>
            {t({ vi: 'Xem thêm', en: 'Load more' })}
          </button>
        </Show>
      </Show>
    </section>
  );
}
