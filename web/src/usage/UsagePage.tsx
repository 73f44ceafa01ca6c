import { createResource, createSignal, Show } from 'solid-js';
import { vietnamMonth } from '../../../shared/dates.js';
import { formatDate } from '../../../shared/format.js';
import { type UsageReport, usageReportSchema } from '../../../shared/usage/schema.js';
import { api } from '../api.js';
import { lang, t, type Text } from '../i18n.js';
import { Async, type Column, type Table, DataTable, DateInput, downloadFile, Field, focusHeading } from '../ui/index.js';

/** What the page counts, per tenant and month. */
const usageExplained: Text = {
  vi: 'Số yêu cầu, dung lượng đọc/ghi DynamoDB và văn bản lưu trữ của từng đơn vị trong tháng.',
  en: 'Requests, DynamoDB read/write capacity and archived documents of each tenant in the month.',
};

/** `yyyy-mm` of today in Vietnam (UTC+7), the month the page opens on. */
function thisMonth(): string {
  return vietnamMonth(Date.now());
}

const num = (n: number) => n.toLocaleString(lang() === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: 1 });
function bytes(n: number): string {
  if (n < 1024) return `${num(n)} B`;
  if (n < 1024 ** 2) return `${num(n / 1024)} KB`;
  if (n < 1024 ** 3) return `${num(n / 1024 ** 2)} MB`;
  return `${num(n / 1024 ** 3)} GB`;
}
/** `2026-11` → `11/2026`; the first and last day as dd/mm/yyyy. */
const monthLabel = (m: string) => `${m.slice(5)}/${m.slice(0, 4)}`;
function monthRange(m: string): string {
  const [y, mo] = m.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, mo, 0));
  return `${formatDate(`${m}-01`)} – ${formatDate(last)}`;
}

type UsageRow = UsageReport['rows'][number];
const count = (id: string, header: { vi: string; en: string }, value: (r: UsageRow) => number): Column<UsageRow> => ({
  id,
  header,
  num: true,
  descFirst: true,
  sort: value,
  cell: (r) => num(value(r)),
});
const usageTable: Table<UsageRow> = {
  columns: [
    {
      id: 'tenant',
      header: { vi: 'Đơn vị', en: 'Tenant' },
      sort: (r) => r.localityName,
      cell: (row) => (
        <>
          {row.localityName}
          <br />
          <small>
            {row.provinceName} · {row.tenant}
          </small>
        </>
      ),
    },
    count('requests', { vi: 'Yêu cầu', en: 'Requests' }, (r) => r.requests),
    count('errors', { vi: 'Lỗi', en: 'Errors' }, (r) => r.errors),
    count('rcu', { vi: 'RCU', en: 'RCU' }, (r) => r.rcu),
    count('wcu', { vi: 'WCU', en: 'WCU' }, (r) => r.wcu),
    {
      id: 'archived',
      header: { vi: 'Lưu trữ thêm', en: 'Archived' },
      num: true,
      descFirst: true,
      sort: (r) => r.archiveBytes,
      cell: (row) => (
        <>
          {bytes(row.archiveBytes)}
          <Show when={row.archiveDocuments > 0}>
            <br />
            <small>{t({ vi: `${row.archiveDocuments} văn bản mới`, en: `${row.archiveDocuments} new documents` })}</small>
          </Show>
        </>
      ),
    },
    { id: 'documents', header: { vi: 'Văn bản hiện có', en: 'Documents now' }, num: true, cell: (row) => row.documentsNow ?? '—' },
  ],
  label: { vi: 'Mức sử dụng theo đơn vị', en: 'Usage per tenant' },
  testId: 'usage-table',
  empty: { vi: 'Chưa có số liệu trong tháng này.', en: 'No usage in this month yet.' },
  rowAttrs: (row) => ({ 'data-tenant': row.tenant }),
};

/**
 * Usage per tenant and month (issue #16): operators see every tenant, a province admin its own
 * localities and those of the provinces merged into it. The API decides the scope.
 */
export function UsagePage() {
  focusHeading();
  const [month, setMonth] = createSignal(thisMonth());
  const [data] = createResource(month, (m) => api.get(`/api/usage?month=${m}`, usageReportSchema));

  const download = () => downloadFile(`/api/usage?month=${month()}&format=csv`, `muc-su-dung-${month()}.csv`);

  return (
    <section>
      <h1>{t({ vi: 'Mức sử dụng theo đơn vị', en: 'Usage per tenant' })}</h1>
      <p class="lead">{t(usageExplained)}</p>
      <div class="filters">
        <Field label={{ vi: 'Tháng', en: 'Month' }}>
          <DateInput kind="month" name="month" value={month()} onValue={(v) => v && setMonth(v)} />
        </Field>
        <span data-testid="usage-range">{monthRange(month())}</span>
        <button type="button" class="button secondary" onClick={download}>
          {t({ vi: 'Xuất CSV', en: 'Export CSV' })}
        </button>
      </div>
      <Async of={data}>
        {(r) => (
          <>
            <p data-testid="usage-scope">
              {r().scope === 'platform'
                ? t({ vi: `Tất cả đơn vị, tháng ${monthLabel(r().month)}`, en: `All tenants, ${monthLabel(r().month)}` })
                : t({
                    vi: `Các đơn vị của tỉnh (mã ${r().provinces.join(', ')}), tháng ${monthLabel(r().month)}`,
                    en: `Tenants of province ${r().provinces.join(', ')}, ${monthLabel(r().month)}`,
                  })}
            </p>
            <DataTable
              rows={r().rows}
              {...usageTable}
              footer={
                <tr data-testid="usage-totals">
                  <th scope="row">{t({ vi: 'Tổng', en: 'Total' })}</th>
                  <td class="num">{num(r().totals.requests)}</td>
                  <td class="num">{num(r().totals.errors)}</td>
                  <td class="num">{num(r().totals.rcu)}</td>
                  <td class="num">{num(r().totals.wcu)}</td>
                  <td class="num">{bytes(r().totals.archiveBytes)}</td>
                  <td>—</td>
                </tr>
              }
            />
          </>
        )}
      </Async>
    </section>
  );
}
