import { useSearchParams } from '@solidjs/router';
import { createResource, createSignal, For, Show } from 'solid-js';
import { formatDate } from '../../../shared/format.js';
import { dashboardWireSchema, type DashboardRow } from '../../../shared/rollups/schema.js';
import { signUpListSchema } from '../../../shared/tenancy/schema.js';
import { api } from '../api.js';
import { t, type Text, ui } from '../i18n.js';
import { session } from '../session.js';
import { allowed, createAction, downloadFile, ErrorAlert, Field, FilterForm, focusHeading, type Sort, SubmitButton } from '../ui/index.js';
import { BarChart } from './BarChart.jsx';
import { chartRows as rowsOfChart } from './chart-rows.js';
import { type DataEntry, DataEntryCell, dataEntryKey, RollupTable, Totals } from './RollupTable.jsx';

const chartRows = (rows: readonly DashboardRow[], values: (r: DashboardRow) => number[]) =>
  rowsOfChart(
    rows,
    (r) => r.name,
    values,
    (n) => t({ vi: `Các đơn vị khác (${n})`, en: `Other units (${n})` }),
  );

const unitTypes: { value: string; label: Text }[] = [
  { value: 'xa', label: { vi: 'Xã', en: 'Commune (xã)' } },
  { value: 'phuong', label: { vi: 'Phường', en: 'Ward (phường)' } },
  { value: 'dac-khu', label: { vi: 'Đặc khu', en: 'Special zone (đặc khu)' } },
];

/**
 * Province dashboard: the province's current communes, wards and special zones (one row each, the
 * same counters as before the reform), and — in their own section — the 2025 districts of the
 * province and of the provinces merged into it, with the merged provinces' own tenants. Filters go to
 * the API (name without diacritics, type, signed this year's program) and into the CSV/XLSX links.
 * Drill-down is read-only (`?locality=`). The province admin opens or closes a historical tenant for
 * data entry.
 */
export function ProvinceDashboard() {
  focusHeading();
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
    (qs) => api.get(`/api/rollups${qs === '?' ? '' : qs}`, dashboardWireSchema),
  );
  const dashboard = () => (data.error ? undefined : data.latest);
  const [sort, setSort] = createSignal<Sort>({ key: 'name', desc: false });
  const rows = () => dashboard()?.rows ?? [];
  const historical = () => dashboard()?.historical ?? [];

  // Data entry state of the historical tenants: the province admin's list of its tenants (one Query).
  const isAdmin = () => allowed('province:admin');
  const [entryState, setEntryState] = createSignal<Record<string, DataEntry>>({});
  createResource(
    () => (isAdmin() ? session()!.identity.userId : false),
    async () => {
      const { items: tenants } = await api.get('/api/tenancy/signups', signUpListSchema);
      const state: Record<string, DataEntry> = {};
      for (const tn of tenants) if (tn.localityCode) state[dataEntryKey(tn)] = { open: tn.dataEntryOpen === true, version: tn.version };
      setEntryState((s) => ({ ...state, ...s }));
      return state;
    },
  );

  const exportHref = (format: 'csv' | 'xlsx') => {
    const s = filters();
    s.set('format', format);
    return `/api/rollups/export?${s.toString()}`;
  };
  const exportAction = createAction();
  const download = (e: MouseEvent, format: 'csv' | 'xlsx') => {
    // The API needs the bearer token: the typed client fetches the file (renewing the sign-in if due).
    e.preventDefault();
    void exportAction.run(() => downloadFile(exportHref(format), `tong-hop-${dashboard()?.provinceCode}-${dashboard()?.year}.${format}`));
  };
  const setFilter = (k: 'year' | 'q' | 'type' | 'signed', v: string) => setParams({ [k]: v || undefined });

  return (
    <section>
      <h1>{t({ vi: 'Tổng hợp toàn tỉnh', en: 'Province roll-up' })}</h1>
      <ErrorAlert error={data.error} />
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
            <FilterForm data-testid="rollup-filters" onApply={() => setFilter('q', text().trim())}>
              <Field label={{ vi: 'Năm', en: 'Year' }}>
                <select name="year" value={d().year} onChange={(e) => setFilter('year', e.currentTarget.value)}>
                  <For each={[0, 1, 2, 3, 4, 5].map((i) => Number(d().today.slice(0, 4)) - i)}>{(y) => <option value={y}>{y}</option>}</For>
                </select>
              </Field>
              <Field label={{ vi: 'Tên đơn vị (không cần dấu)', en: 'Unit name (accents optional)' }}>
                <input
                  name="q"
                  type="search"
                  value={text()}
                  onInput={(e) => setText(e.currentTarget.value)}
                  onChange={(e) => setFilter('q', e.currentTarget.value.trim())}
                />
              </Field>
              <Field label={{ vi: 'Loại đơn vị', en: 'Unit type' }}>
                <select name="type" value={typeof params.type === 'string' ? params.type : ''} onChange={(e) => setFilter('type', e.currentTarget.value)}>
                  <option value="">{t(ui.all)}</option>
                  <For each={unitTypes}>{(u) => <option value={u.value}>{t(u.label)}</option>}</For>
                </select>
              </Field>
              <Field label={{ vi: `Chương trình ${d().year}`, en: `${d().year} program` }}>
                <select
                  name="signed"
                  value={typeof params.signed === 'string' ? params.signed : ''}
                  onChange={(e) => setFilter('signed', e.currentTarget.value)}
                >
                  <option value="">{t(ui.all)}</option>
                  <option value="yes">{t({ vi: 'Đã ký chương trình năm nay', en: 'Signed this year’s program' })}</option>
                  <option value="no">{t({ vi: 'Chưa ký chương trình năm nay', en: 'No signed program this year' })}</option>
                </select>
              </Field>
              <SubmitButton secondary label={{ vi: 'Lọc', en: 'Filter' }} />
            </FilterForm>

            <h2>{t({ vi: 'Xã, phường, đặc khu hiện hành', en: 'Current communes, wards and special zones' })}</h2>
            <Totals totals={d().totals} year={d().year} unit={{ vi: 'xã, phường, đặc khu', en: 'communes, wards, special zones' }} testId="totals" />
            <p class="muted" data-testid="year-scope">
              {t({
                vi: `Năm ${d().year} áp dụng cho: chương trình đã ký trong năm, nội dung và kiến nghị đến hạn trong năm. Các số liệu còn lại tính đến hôm nay (${formatDate(d().today)}): văn bản phối hợp, nội dung hoàn thành, kế hoạch giám sát, văn bản lưu trữ.`,
                en: `The year ${d().year} applies to: programs signed in the year, items and recommendations due in the year. The other figures are as of today (${formatDate(d().today)}): agreements, items done, supervision plans, archived documents.`,
              })}
            </p>
            <Show when={rows().some((r) => r.hasData)}>
              <div class="charts">
                <BarChart
                  testId="chart-items"
                  title={t({
                    vi: `Nội dung đến hạn năm ${d().year}: chưa hoàn thành / quá hạn`,
                    en: `Items due in ${d().year}: not done / overdue`,
                  })}
                  rows={chartRows(rows(), (r) => [r.inYear.itemsDue, r.inYear.itemsOverdue])}
                  series={[t({ vi: 'Chưa hoàn thành', en: 'Not done' }), t({ vi: 'Quá hạn', en: 'Overdue' })]}
                />
                <BarChart
                  testId="chart-recommendations"
                  title={t({
                    vi: `Kiến nghị giám sát đến hạn năm ${d().year}: chưa giải quyết / quá hạn`,
                    en: `Recommendations due in ${d().year}: open / overdue`,
                  })}
                  rows={chartRows(rows(), (r) => [r.inYear.recommendationsDue, r.inYear.recommendationsOverdue])}
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
            <ErrorAlert error={exportAction.error()} />
            <RollupTable rows={rows()} year={d().year} sort={sort()} onSort={setSort} />

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
                historical
                provinceCode={d().provinceCode}
                extra={{
                  header: { vi: 'Nhập bổ sung', en: 'Data entry' },
                  cell: (r) => (
                    <DataEntryCell
                      row={r}
                      state={entryState()[dataEntryKey(r)]}
                      admin={isAdmin()}
                      onChanged={(key, s) => setEntryState((all) => ({ ...all, [key]: s }))}
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
