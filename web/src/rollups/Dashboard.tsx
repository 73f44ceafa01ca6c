import { A, useSearchParams } from '@solidjs/router';
import { createMemo, createResource, createSignal, For, Show, type JSX } from 'solid-js';
import { formatDate } from '../../../shared/format.js';
import { can } from '../../../shared/roles.js';
import type { Dashboard, DashboardRow, DashboardTotals } from '../../../shared/rollups/schema.js';
import type { Tenant } from '../../../shared/tenancy/schema.js';
import { api, ApiError } from '../api.js';
import { t, type Text } from '../i18n.js';
import { session } from '../session.js';
import { withLocality } from '../tenancy/locality.jsx';
import { BarChart } from './BarChart.jsx';

type SortKey =
  | 'name'
  | 'type'
  | 'programSigned'
  | 'agreements'
  | 'itemsDone'
  | 'itemsOverdue'
  | 'plans'
  | 'recOpen'
  | 'recOverdue'
  | 'documents'
  | 'lastActivity';
type Sort = { key: SortKey; desc: boolean };

const sortValue: Record<SortKey, (r: DashboardRow) => string | number> = {
  name: (r) => r.name,
  type: (r) => r.type,
  programSigned: (r) => (r.programSigned ? 1 : 0),
  agreements: (r) => Object.values(r.agreementsByKind).reduce((a, b) => a + b, 0),
  itemsDone: (r) => r.items.done,
  itemsOverdue: (r) => r.items.overdue,
  plans: (r) => Object.values(r.plansByStatus).reduce((a, b) => a + b, 0),
  recOpen: (r) => r.recommendations.open,
  recOverdue: (r) => r.recommendations.overdue,
  documents: (r) => r.documents,
  lastActivity: (r) => r.lastActivityAt ?? '',
};

const sorted = (rows: DashboardRow[], { key, desc }: Sort) => {
  const f = sortValue[key];
  return [...rows].sort((a, b) => {
    const x = f(a);
    const y = f(b);
    const c = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), 'vi');
    return desc ? -c : c;
  });
};

const unitTypes: { value: string; label: Text }[] = [
  { value: 'xa', label: { vi: 'Xã', en: 'Commune (xã)' } },
  { value: 'phuong', label: { vi: 'Phường', en: 'Ward (phường)' } },
  { value: 'dac-khu', label: { vi: 'Đặc khu', en: 'Special zone (đặc khu)' } },
];

type DataEntry = { open: boolean; version?: number };

/**
 * Province dashboard: the province's current communes, wards and special zones (one row each, the
 * same counters as before the reform), and — in their own section — the 2025 districts of the
 * province and of the provinces merged into it, with the merged provinces' own tenants. Filters go to
 * the API (name without diacritics, type, signed this year's program) and into the CSV/XLSX links.
 * Drill-down is read-only (`?locality=`). The province admin opens or closes a historical tenant for
 * data entry.
 */
export function ProvinceDashboard() {
  const [params, setParams] = useSearchParams<{ year?: string; q?: string; type?: string; signed?: string }>();
  const filters = () => {
    const s = new URLSearchParams();
    for (const k of ['year', 'q', 'type', 'signed'] as const) {
      const v = params[k];
      if (typeof v === 'string' && v) s.set(k, v);
    }
    return s;
  };
  const [text, setText] = createSignal(typeof params.q === 'string' ? params.q : '');
  // The source is a string so the first load (no filter: the current year) runs too.
  const [data] = createResource(
    () => `?${filters().toString()}`,
    (qs) => api<Dashboard>(`/api/rollups${qs === '?' ? '' : qs}`),
  );
  const dashboard = () => (data.error ? undefined : data.latest);
  const [sort, setSort] = createSignal<Sort>({ key: 'name', desc: false });
  const rows = createMemo(() => sorted(dashboard()?.rows ?? [], sort()));
  const historical = createMemo(() => sorted(dashboard()?.historical ?? [], sort()));
  const charted = () => rows().filter((r) => r.hasData);

  // Data entry state of the historical tenants: the province admin's list of its tenants (one Query).
  const isAdmin = () => {
    const s = session();
    return !!s && can(s.identity.role, 'province:admin');
  };
  const [entryState, setEntryState] = createSignal<Record<string, DataEntry>>({});
  createResource(
    () => (isAdmin() ? session()!.token : false),
    async () => {
      const { tenants } = await api<{ tenants: Tenant[] }>('/api/tenancy/signups');
      const state: Record<string, DataEntry> = {};
      for (const tn of tenants) if (tn.localityCode) state[tn.localityCode] = { open: tn.dataEntryOpen === true, version: tn.version };
      setEntryState((s) => ({ ...state, ...s }));
      return state;
    },
  );

  const exportHref = (format: 'csv' | 'xlsx') => {
    const s = filters();
    s.set('format', format);
    return `/api/rollups/export?${s.toString()}`;
  };
  const download = async (e: MouseEvent, format: 'csv' | 'xlsx') => {
    // The API needs the bearer token, so the file is fetched and handed to the browser as a blob.
    e.preventDefault();
    const res = await fetch(exportHref(format), { headers: { authorization: `Bearer ${session()?.token ?? ''}` } });
    const blob = await res.blob();
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = `tong-hop-${dashboard()?.provinceCode}-${dashboard()?.year}.${format}`;
    a.click();
    URL.revokeObjectURL(a.href);
  };
  const setFilter = (k: 'year' | 'q' | 'type' | 'signed', v: string) => setParams({ [k]: v || undefined });

  return (
    <section>
      <h1>{t({ vi: 'Tổng hợp toàn tỉnh', en: 'Province roll-up' })}</h1>
      <Show when={data.error as unknown}>
        {(e) => (
          <p class="error" role="alert">
            {e() instanceof ApiError ? (e() as ApiError).text : String(e())}
          </p>
        )}
      </Show>
      <Show when={dashboard()}>
        {(d) => (
          <>
            <p class="lead" data-testid="province-name">
              {d().provinceName} · {t({ vi: 'số liệu đến ngày', en: 'as of' })} {formatDate(d().today)}
              <Show when={d().predecessors.some((p) => p.code !== d().provinceCode)}>
                {' · '}
                {t({ vi: 'gồm hồ sơ của', en: 'including the records of' })}{' '}
                {d()
                  .predecessors.filter((p) => p.code !== d().provinceCode)
                  .map((p) => p.name)
                  .join(', ')}{' '}
                {t({ vi: '(hợp nhất từ 01/07/2025)', en: '(merged on 01/07/2025)' })}
              </Show>
            </p>
            <form
              class="filters"
              data-testid="rollup-filters"
              onSubmit={(e) => {
                e.preventDefault();
                setFilter('q', text().trim());
              }}
            >
              <label>
                {t({ vi: 'Năm', en: 'Year' })}
                <select name="year" value={d().year} onChange={(e) => setFilter('year', e.currentTarget.value)}>
                  <For each={[0, 1, 2, 3, 4, 5].map((i) => Number(d().today.slice(0, 4)) - i)}>{(y) => <option value={y}>{y}</option>}</For>
                </select>
              </label>
              <label>
                {t({ vi: 'Tên đơn vị (không cần dấu)', en: 'Unit name (accents optional)' })}
                <input
                  name="q"
                  type="search"
                  value={text()}
                  onInput={(e) => setText(e.currentTarget.value)}
                  onChange={(e) => setFilter('q', e.currentTarget.value.trim())}
                />
              </label>
              <label>
                {t({ vi: 'Loại đơn vị', en: 'Unit type' })}
                <select name="type" value={typeof params.type === 'string' ? params.type : ''} onChange={(e) => setFilter('type', e.currentTarget.value)}>
                  <option value="">{t({ vi: 'Tất cả', en: 'All' })}</option>
                  <For each={unitTypes}>{(u) => <option value={u.value}>{t(u.label)}</option>}</For>
                </select>
              </label>
              <label>
                {t({ vi: `Chương trình ${d().year}`, en: `${d().year} program` })}
                <select
                  name="signed"
                  value={typeof params.signed === 'string' ? params.signed : ''}
                  onChange={(e) => setFilter('signed', e.currentTarget.value)}
                >
                  <option value="">{t({ vi: 'Tất cả', en: 'All' })}</option>
                  <option value="yes">{t({ vi: 'Đã ký chương trình năm nay', en: 'Signed this year’s program' })}</option>
                  <option value="no">{t({ vi: 'Chưa ký chương trình năm nay', en: 'No signed program this year' })}</option>
                </select>
              </label>
              <button class="button secondary" type="submit">
                {t({ vi: 'Lọc', en: 'Filter' })}
              </button>
            </form>

            <h2>{t({ vi: 'Xã, phường, đặc khu hiện hành', en: 'Current communes, wards and special zones' })}</h2>
            <Totals totals={d().totals} year={d().year} unit={{ vi: 'xã, phường, đặc khu', en: 'communes, wards, special zones' }} testId="totals" />
            <Show when={charted().length}>
              <div class="charts">
                <BarChart
                  title={t({ vi: 'Nội dung chương trình: hoàn thành / quá hạn (đơn vị có số liệu)', en: 'Program items: done / overdue (units with data)' })}
                  rows={charted().map((r) => ({ label: r.name, values: [r.items.done, r.items.overdue] }))}
                  series={[t({ vi: 'Hoàn thành', en: 'Done' }), t({ vi: 'Quá hạn', en: 'Overdue' })]}
                />
                <BarChart
                  title={t({
                    vi: 'Kiến nghị giám sát: chưa giải quyết / quá hạn (đơn vị có số liệu)',
                    en: 'Recommendations: open / overdue (units with data)',
                  })}
                  rows={charted().map((r) => ({ label: r.name, values: [r.recommendations.open, r.recommendations.overdue] }))}
                  series={[t({ vi: 'Chưa giải quyết', en: 'Open' }), t({ vi: 'Quá hạn', en: 'Overdue' })]}
                />
              </div>
            </Show>
            <p class="row-actions">
              <a class="button secondary" data-testid="export-csv" href={exportHref('csv')} onClick={(e) => download(e, 'csv')}>
                {t({ vi: 'Xuất CSV', en: 'Export CSV' })}
              </a>
              <a class="button secondary" data-testid="export-xlsx" href={exportHref('xlsx')} onClick={(e) => download(e, 'xlsx')}>
                {t({ vi: 'Xuất Excel (XLSX)', en: 'Export Excel (XLSX)' })}
              </a>
            </p>
            <RollupTable
              rows={rows()}
              year={d().year}
              sort={sort()}
              onSort={setSort}
              testId="rollup-table"
              nameLabel={{ vi: 'Xã, phường, đặc khu', en: 'Commune, ward, special zone' }}
            />

            <section class="history" data-testid="historical-section" aria-labelledby="historical-title">
              <h2 id="historical-title">{t({ vi: 'Đơn vị lịch sử (trước 01/07/2025)', en: 'Historical units (before 01/07/2025)' })}</h2>
              <p class="muted">
                {t({
                  vi: 'Các quận, huyện đã kết thúc hoạt động 01/07/2025 và các tỉnh đã hợp nhất: hồ sơ chỉ để xem. Quản trị viên cấp tỉnh có thể mở một đơn vị để nhập bổ sung hồ sơ 2021–2025, rồi đóng lại.',
                  en: 'The districts that ceased on 01/07/2025 and the provinces that merged: their records are read-only. The province admin can open a unit to backfill 2021–2025 records, then close it again.',
                })}
              </p>
              <Totals totals={d().historicalTotals} year={d().year} unit={{ vi: 'đơn vị lịch sử', en: 'historical units' }} testId="historical-totals" />
              <RollupTable
                rows={historical()}
                year={d().year}
                sort={sort()}
                onSort={setSort}
                testId="historical-table"
                nameLabel={{ vi: 'Quận, huyện, tỉnh (2025)', en: 'District, province (2025)' }}
                historical
                provinceCode={d().provinceCode}
                extra={{
                  header: { vi: 'Nhập bổ sung', en: 'Data entry' },
                  cell: (r) => (
                    <DataEntryCell
                      row={r}
                      state={r.localityCode ? entryState()[r.localityCode] : undefined}
                      admin={isAdmin()}
                      onChanged={(code, s) => setEntryState((all) => ({ ...all, [code]: s }))}
                    />
                  ),
                }}
              />
            </section>
          </>
        )}
      </Show>
    </section>
  );
}

function Totals(props: { totals: DashboardTotals; year: number; unit: Text; testId: string }) {
  return (
    <ul class="kpis" data-testid={props.testId}>
      <li>
        <strong data-testid={`${props.testId}-count`}>{props.totals.localities}</strong> {t(props.unit)}
      </li>
      <li class={props.totals.withoutSignedProgram ? 'warn' : ''}>
        <strong>{props.totals.withoutSignedProgram}</strong> {t({ vi: `chưa ký chương trình ${props.year}`, en: `without a signed ${props.year} program` })}
      </li>
      <li>
        <strong>{props.totals.agreements}</strong> {t({ vi: 'quy chế, chương trình, kế hoạch', en: 'agreements' })}
      </li>
      <li class={props.totals.itemsOverdue ? 'warn' : ''}>
        <strong>{props.totals.itemsOverdue}</strong> {t({ vi: 'nội dung quá hạn', en: 'overdue items' })}
      </li>
      <li>
        <strong>{props.totals.recommendationsOpen}</strong> {t({ vi: 'kiến nghị chưa giải quyết', en: 'open recommendations' })} (
        {props.totals.recommendationsOverdue} {t({ vi: 'quá hạn', en: 'overdue' })})
      </li>
      <li>
        <strong>{props.totals.documents}</strong> {t({ vi: 'văn bản lưu trữ', en: 'archived documents' })}
      </li>
    </ul>
  );
}

function RollupTable(props: {
  rows: DashboardRow[];
  year: number;
  sort: Sort;
  onSort: (s: Sort) => void;
  testId: string;
  nameLabel: Text;
  historical?: boolean;
  provinceCode?: string;
  extra?: { header: Text; cell: (r: DashboardRow) => JSX.Element };
}) {
  const header = (key: SortKey, label: Text) => (
    <th>
      <button
        class="sort"
        type="button"
        data-sort={key}
        onClick={() => props.onSort({ key, desc: props.sort.key === key ? !props.sort.desc : key !== 'name' && key !== 'type' })}
        aria-sort={props.sort.key === key ? (props.sort.desc ? 'descending' : 'ascending') : 'none'}
      >
        {t(label)}
        {props.sort.key === key ? (props.sort.desc ? ' ▼' : ' ▲') : ''}
      </button>
    </th>
  );
  return (
    <Show
      when={props.rows.length}
      fallback={
        <p class="muted" data-testid={`${props.testId}-empty`}>
          {t({ vi: 'Không có đơn vị nào phù hợp bộ lọc.', en: 'No unit matches the filters.' })}
        </p>
      }
    >
      <div class="table-wrap">
        <table class="data" data-testid={props.testId}>
          <thead>
            <tr>
              {header('name', props.nameLabel)}
              {header('type', { vi: 'Loại', en: 'Type' })}
              {header('programSigned', { vi: `CTr ${props.year}`, en: `${props.year} program` })}
              {header('agreements', { vi: 'Văn bản phối hợp', en: 'Agreements' })}
              {header('itemsDone', { vi: 'ND hoàn thành', en: 'Items done' })}
              {header('itemsOverdue', { vi: 'ND quá hạn', en: 'Items overdue' })}
              {header('plans', { vi: 'KH giám sát', en: 'Supervision plans' })}
              {header('recOpen', { vi: 'Kiến nghị mở', en: 'Open recs' })}
              {header('recOverdue', { vi: 'Kiến nghị quá hạn', en: 'Overdue recs' })}
              {header('documents', { vi: 'Văn bản lưu', en: 'Documents' })}
              {header('lastActivity', { vi: 'Hoạt động gần nhất', en: 'Last activity' })}
              <Show when={props.extra}>{(x) => <th>{t(x().header)}</th>}</Show>
            </tr>
          </thead>
          <tbody>
            <For each={props.rows}>
              {(r) => (
                <tr data-locality={r.localityCode ?? `P${r.provinceCode}`} data-level={r.level} classList={{ flagged: !props.historical && !r.programSigned }}>
                  <td>
                    <Show when={r.localityCode} fallback={<span>{r.name}</span>}>
                      {(code) => <A href={withLocality('/province/locality', code())}>{r.name}</A>}
                    </Show>
                    <Show when={props.historical && r.provinceCode !== props.provinceCode && r.level !== 'province'}>
                      <div class="muted">{r.provinceCode}</div>
                    </Show>
                  </td>
                  <td>
                    {r.type}
                    <Show when={r.validUntil}>{(v) => <div class="muted">{t({ vi: `đến ${formatDate(v())}`, en: `until ${formatDate(v())}` })}</div>}</Show>
                  </td>
                  <td>
                    {r.programSigned ? (
                      <span class="ok">{t({ vi: 'Đã ký', en: 'Signed' })}</span>
                    ) : props.historical ? (
                      <span class="muted">{t({ vi: 'Không', en: 'No' })}</span>
                    ) : (
                      <span class="badge-warn">{t({ vi: 'Chưa ký', en: 'Not signed' })}</span>
                    )}
                  </td>
                  <td>{sortValue.agreements(r)}</td>
                  <td>{r.items.done}</td>
                  <td classList={{ 'num-warn': r.items.overdue > 0 }}>{r.items.overdue}</td>
                  <td>{sortValue.plans(r)}</td>
                  <td>{r.recommendations.open}</td>
                  <td classList={{ 'num-warn': r.recommendations.overdue > 0 }}>{r.recommendations.overdue}</td>
                  <td>{r.documents}</td>
                  <td>{r.lastActivityAt ? formatDate(r.lastActivityAt) : '—'}</td>
                  <Show when={props.extra}>{(x) => <td>{x().cell(r)}</td>}</Show>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </div>
    </Show>
  );
}

/** A historical unit's data-entry state; the province admin opens or closes it after confirming. */
function DataEntryCell(props: { row: DashboardRow; state: DataEntry | undefined; admin: boolean; onChanged: (code: string, s: DataEntry) => void }) {
  const [confirming, setConfirming] = createSignal(false);
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  const open = () => props.state?.open === true;
  const change = async () => {
    const code = props.row.localityCode;
    if (!code) return;
    setBusy(true);
    setError(null);
    try {
      const body = { open: !open(), ...(props.state?.version ? { version: props.state.version } : {}) };
      const res = await api<{ tenant: Tenant }>(`/api/tenancy/history/${code}/data-entry`, { method: 'POST', body: JSON.stringify(body) });
      props.onChanged(code, { open: res.tenant.dataEntryOpen === true, version: res.tenant.version });
      setConfirming(false);
    } catch (err) {
      setError(err instanceof ApiError ? err.text : String(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Show when={props.row.localityCode} fallback={<span class="muted">{t({ vi: 'Chỉ xem', en: 'Read-only' })}</span>}>
      <div class="entry-cell" data-testid="data-entry">
        {/* The state comes from the province admin's tenant list; a viewer's dashboard does not carry it. */}
        <Show when={props.admin || props.state} fallback={<span class="muted">—</span>}>
          <span class={`badge ${open() ? 'active' : ''}`} data-testid="data-entry-state">
            {open() ? t({ vi: 'Đang mở nhập bổ sung', en: 'Open for data entry' }) : t({ vi: 'Chỉ xem', en: 'Read-only' })}
          </span>
        </Show>
        <Show when={props.admin}>
          <Show
            when={confirming()}
            fallback={
              <button type="button" class="button link" data-testid="data-entry-toggle" onClick={() => setConfirming(true)}>
                {open() ? t({ vi: 'Đóng nhập liệu', en: 'Close data entry' }) : t({ vi: 'Mở nhập liệu', en: 'Open data entry' })}
              </button>
            }
          >
            <div class="confirm" role="group" aria-label={t({ vi: 'Xác nhận', en: 'Confirm' })}>
              <span>
                {open()
                  ? t({
                      vi: `Đóng nhập liệu của ${props.row.name}? Hồ sơ trở lại chỉ để xem.`,
                      en: `Close data entry for ${props.row.name}? Its records become read-only again.`,
                    })
                  : t({
                      vi: `Mở ${props.row.name} để nhập bổ sung hồ sơ 2021–2025? Người dùng của đơn vị này được nhập và sửa cho đến khi tỉnh đóng lại. Thao tác được ghi nhật ký.`,
                      en: `Open ${props.row.name} to backfill 2021–2025 records? Its users may enter and edit records until the province closes it. This is audited.`,
                    })}
              </span>
              <button type="button" class="button" data-testid="data-entry-confirm" disabled={busy()} onClick={change}>
                {t({ vi: 'Xác nhận', en: 'Confirm' })}
              </button>
              <button type="button" class="button secondary" disabled={busy()} onClick={() => setConfirming(false)}>
                {t({ vi: 'Hủy', en: 'Cancel' })}
              </button>
            </div>
          </Show>
        </Show>
        <Show when={error()}>
          <p class="error" role="alert">
            {error()}
          </p>
        </Show>
      </div>
    </Show>
  );
}
