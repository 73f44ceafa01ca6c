import { A } from '@solidjs/router';
import { createMemo, createResource, createSignal, For, Show } from 'solid-js';
import { formatDate } from '../../../shared/format.js';
import type { Dashboard, DashboardRow } from '../../../shared/rollups/schema.js';
import { api, ApiError } from '../api.js';
import { t } from '../i18n.js';
import { session } from '../session.js';
import { BarChart } from './BarChart.jsx';

type SortKey = 'name' | 'programSigned' | 'agreements' | 'itemsDone' | 'itemsOverdue' | 'plans' | 'recOpen' | 'recOverdue' | 'documents' | 'lastActivity';

const sortValue: Record<SortKey, (r: DashboardRow) => string | number> = {
  name: (r) => r.name,
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

/** Province dashboard: one row per district, totals, charts, export; drill-down is read-only. */
export function ProvinceDashboard() {
  const [year, setYear] = createSignal<number | undefined>(undefined);
  // The source is an object so the first load (no year chosen: the current year) runs too.
  const [data] = createResource(
    () => ({ y: year() }),
    ({ y }) => api<Dashboard>(`/api/rollups${y ? `?year=${y}` : ''}`),
  );
  const dashboard = () => (data.error ? undefined : data.latest);
  const [sort, setSort] = createSignal<{ key: SortKey; desc: boolean }>({ key: 'name', desc: false });

  const rows = createMemo(() => {
    const d = dashboard();
    if (!d) return [];
    const { key, desc } = sort();
    const f = sortValue[key];
    return [...d.rows].sort((a, b) => {
      const x = f(a);
      const y = f(b);
      const c = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), 'vi');
      return desc ? -c : c;
    });
  });

  const header = (key: SortKey, label: { vi: string; en: string }) => (
    <th>
      <button
        class="sort"
        data-sort={key}
        onClick={() => setSort((s) => ({ key, desc: s.key === key ? !s.desc : key !== 'name' }))}
        aria-sort={sort().key === key ? (sort().desc ? 'descending' : 'ascending') : 'none'}
      >
        {t(label)}
        {sort().key === key ? (sort().desc ? ' ▼' : ' ▲') : ''}
      </button>
    </th>
  );

  const exportHref = (format: 'csv' | 'xlsx') => `/api/rollups/export?format=${format}${year() ? `&year=${year()}` : ''}`;
  const download = async (format: 'csv' | 'xlsx') => {
    // The API needs the bearer token, so the file is fetched and handed to the browser as a blob.
    const res = await fetch(exportHref(format), { headers: { authorization: `Bearer ${session()?.token ?? ''}` } });
    const blob = await res.blob();
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = `tong-hop-${dashboard()?.provinceCode}-${dashboard()?.year}.${format}`;
    a.click();
    URL.revokeObjectURL(a.href);
  };

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
              {d().provinceName} · {t({ vi: 'năm', en: 'year' })}{' '}
              <select
                aria-label={t({ vi: 'Năm', en: 'Year' })}
                value={d().year}
                onChange={(e) => setYear(Number(e.currentTarget.value))}
              >
                <For each={[0, 1, 2, 3, 4, 5].map((i) => Number(d().today.slice(0, 4)) - i)}>{(y) => <option value={y}>{y}</option>}</For>
              </select>{' '}
              · {t({ vi: 'số liệu đến ngày', en: 'as of' })} {formatDate(d().today)}
            </p>
            <ul class="kpis" data-testid="totals">
              <li>
                <strong>{d().totals.localities}</strong> {t({ vi: 'quận, huyện', en: 'districts' })}
              </li>
              <li class={d().totals.withoutSignedProgram ? 'warn' : ''}>
                <strong>{d().totals.withoutSignedProgram}</strong>{' '}
                {t({ vi: `chưa ký chương trình ${d().year}`, en: `without a signed ${d().year} program` })}
              </li>
              <li>
                <strong>{d().totals.agreements}</strong> {t({ vi: 'quy chế, chương trình, kế hoạch', en: 'agreements' })}
              </li>
              <li class={d().totals.itemsOverdue ? 'warn' : ''}>
                <strong>{d().totals.itemsOverdue}</strong> {t({ vi: 'nội dung quá hạn', en: 'overdue items' })}
              </li>
              <li>
                <strong>{d().totals.recommendationsOpen}</strong> {t({ vi: 'kiến nghị chưa giải quyết', en: 'open recommendations' })} (
                {d().totals.recommendationsOverdue} {t({ vi: 'quá hạn', en: 'overdue' })})
              </li>
              <li>
                <strong>{d().totals.documents}</strong> {t({ vi: 'văn bản lưu trữ', en: 'archived documents' })}
              </li>
            </ul>
            <div class="charts">
              <BarChart
                title={t({ vi: 'Nội dung chương trình: hoàn thành / quá hạn', en: 'Program items: done / overdue' })}
                rows={rows().map((r) => ({ label: r.name, values: [r.items.done, r.items.overdue] }))}
                series={[t({ vi: 'Hoàn thành', en: 'Done' }), t({ vi: 'Quá hạn', en: 'Overdue' })]}
              />
              <BarChart
                title={t({ vi: 'Kiến nghị giám sát: chưa giải quyết / quá hạn', en: 'Recommendations: open / overdue' })}
                rows={rows().map((r) => ({ label: r.name, values: [r.recommendations.open, r.recommendations.overdue] }))}
                series={[t({ vi: 'Chưa giải quyết', en: 'Open' }), t({ vi: 'Quá hạn', en: 'Overdue' })]}
              />
            </div>
            <p>
              <button class="button secondary" onClick={() => download('csv')}>
                {t({ vi: 'Xuất CSV', en: 'Export CSV' })}
              </button>{' '}
              <button class="button secondary" onClick={() => download('xlsx')}>
                {t({ vi: 'Xuất Excel (XLSX)', en: 'Export Excel (XLSX)' })}
              </button>
            </p>
            <div class="table-wrap">
              <table class="data" data-testid="rollup-table">
                <thead>
                  <tr>
                    {header('name', { vi: 'Quận, huyện', en: 'District' })}
                    {header('programSigned', { vi: `CTr ${d().year}`, en: `${d().year} program` })}
                    {header('agreements', { vi: 'Văn bản phối hợp', en: 'Agreements' })}
                    {header('itemsDone', { vi: 'ND hoàn thành', en: 'Items done' })}
                    {header('itemsOverdue', { vi: 'ND quá hạn', en: 'Items overdue' })}
                    {header('plans', { vi: 'KH giám sát', en: 'Supervision plans' })}
                    {header('recOpen', { vi: 'Kiến nghị mở', en: 'Open recs' })}
                    {header('recOverdue', { vi: 'Kiến nghị quá hạn', en: 'Overdue recs' })}
                    {header('documents', { vi: 'Văn bản lưu', en: 'Documents' })}
                    {header('lastActivity', { vi: 'Hoạt động gần nhất', en: 'Last activity' })}
                  </tr>
                </thead>
                <tbody>
                  <For each={rows()}>
                    {(r) => (
                      <tr data-locality={r.localityCode} classList={{ flagged: !r.programSigned }}>
                        <td>
                          <A href={`/province/districts/${r.localityCode}`}>{r.name}</A>
                        </td>
                        <td>
                          {r.programSigned ? (
                            <span class="ok">{t({ vi: 'Đã ký', en: 'Signed' })}</span>
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
                      </tr>
                    )}
                  </For>
                </tbody>
              </table>
            </div>
          </>
        )}
      </Show>
    </section>
  );
}
