import { A } from '@solidjs/router';
import { createResource, createSignal } from 'solid-js';
import { formatDate } from '../../../shared/format.js';
import type { Board } from '../../../shared/supervision/views.js';
import { t } from '../i18n.js';
import { Async, type Table, DataTable, Field, focusHeading, LocalityPicker, SubmitButton, FilterForm, BackLink } from '../ui/index.js';
import { supervisionApi, useLocality, withLocality } from './client.js';
import { RecStatusBadge } from './common.jsx';

const percent = (rate: number | null) => (rate === null ? '—' : `${Math.round(rate * 1000) / 10}%`.replace('.', ','));
const unitHeader = { vi: 'Đơn vị', en: 'Unit' };
const overdueHeader = { vi: 'Quá hạn', en: 'Overdue' };
const unresolvedHeader = { vi: 'Chưa giải quyết xong', en: 'Unresolved' };

const unitTable: Table<Board['byUnit'][number]> = {
  columns: [
    { id: 'unit', header: unitHeader, sort: (u) => u.unit, cell: (u) => u.unit },
    { id: 'open', header: unresolvedHeader, num: true, descFirst: true, sort: (u) => u.open, testId: 'unit-open', cell: (u) => u.open },
    { id: 'overdue', header: overdueHeader, num: true, descFirst: true, sort: (u) => u.overdue, testId: 'unit-overdue', cell: (u) => u.overdue },
    { id: 'answered', header: { vi: 'Đã trả lời', en: 'Answered' }, num: true, cell: (u) => u.answered },
    { id: 'accepted', header: { vi: 'Đã tiếp thu', en: 'Accepted' }, num: true, cell: (u) => u.accepted },
    { id: 'next', header: { vi: 'Hạn gần nhất', en: 'Next deadline' }, sort: (u) => u.nextDeadline ?? '', cell: (u) => formatDate(u.nextDeadline) },
  ],
  label: { vi: 'Theo đơn vị chịu trách nhiệm', en: 'By responsible unit' },
  testId: 'board-units',
  empty: { vi: 'Không có kiến nghị nào đang theo dõi.', en: 'Nothing to follow up.' },
  rowAttrs: (u) => ({ 'data-testid': 'board-unit', 'data-unit': u.unit }),
};

const periodTable: Table<Board['periods'][number]> = {
  columns: [
    {
      id: 'period',
      header: { vi: 'Kỳ', en: 'Period' },
      cell: (p) =>
        p.period.includes('Q') ? t({ vi: `Quý ${p.period.slice(-1)}`, en: `Q${p.period.slice(-1)}` }) : t({ vi: `Cả năm ${p.period}`, en: `Year ${p.period}` }),
    },
    { id: 'due', header: { vi: 'Đến hạn', en: 'Due' }, num: true, testId: 'period-due', cell: (p) => p.due },
    { id: 'resolved', header: { vi: 'Đã giải quyết', en: 'Resolved' }, num: true, testId: 'period-resolved', cell: (p) => p.resolved },
    { id: 'onTime', header: { vi: 'Đúng hạn', en: 'On time' }, num: true, cell: (p) => p.resolvedOnTime },
    { id: 'unresolved', header: { vi: 'Chưa xong', en: 'Unresolved' }, num: true, cell: (p) => p.unresolved },
    { id: 'overdue', header: overdueHeader, num: true, cell: (p) => p.overdue },
    { id: 'rate', header: { vi: 'Tỷ lệ', en: 'Rate' }, num: true, testId: 'period-rate', cell: (p) => percent(p.rate) },
  ],
  label: { vi: 'Tỷ lệ giải quyết theo kỳ', en: 'Resolution rate per period' },
  testId: 'board-periods',
  rowAttrs: (p) => ({ 'data-testid': 'board-period', 'data-period': p.period }),
};

/**
 * Follow-up board: every unresolved recommendation across plans, by responsible unit with overdue
 * counts (overdue is derived by the server from today's date), and the resolution rate of the
 * recommendations due in each quarter of a year.
 */
export function BoardPage() {
  focusHeading();
  const { locality, setLocality } = useLocality();
  const [year, setYear] = createSignal('');
  const [text, setText] = createSignal('');
  const [query, setQuery] = createSignal('');
  const [board] = createResource(
    () => ({ year: year(), q: query(), locality: locality() }),
    (p) => supervisionApi.board({ year: p.year ? Number(p.year) : undefined, q: p.q || undefined, locality: p.locality }),
  );
  const openTable: Table<Board['open'][number]> = {
    columns: [
      { id: 'deadline', header: { vi: 'Thời hạn', en: 'Deadline' }, sort: (r) => r.deadline, cell: (r) => formatDate(r.deadline) },
      {
        id: 'content',
        header: { vi: 'Kiến nghị', en: 'Recommendation' },
        cell: (r) => (
          <>
            {r.content}
            <div class="muted">
              <A href={withLocality(`/supervision/plans/${r.planId}`, locality())}>{r.planTopic}</A>
            </div>
          </>
        ),
      },
      { id: 'unit', header: unitHeader, sort: (r) => r.responsibleUnit, cell: (r) => r.responsibleUnit },
      { id: 'state', header: { vi: 'Tình trạng', en: 'State' }, cell: (r) => <RecStatusBadge status={r.status} overdue={r.overdue} /> },
    ],
    label: { vi: 'Kiến nghị đang theo dõi', en: 'Recommendations being followed' },
    testId: 'board-open',
    empty: { vi: 'Không có kiến nghị nào.', en: 'None.' },
    rowAttrs: () => ({ 'data-testid': 'board-rec' }),
  };

  return (
    <section>
      <BackLink href={withLocality('/supervision', locality())} label={{ vi: 'Danh sách kế hoạch', en: 'All plans' }} />
      <h1>{t({ vi: 'Theo dõi giải quyết kiến nghị sau giám sát', en: 'Recommendation follow-up' })}</h1>
      <FilterForm onApply={() => setQuery(text())}>
        <LocalityPicker value={locality()} onChange={setLocality} />
        <Field label={{ vi: 'Năm (tỷ lệ giải quyết)', en: 'Year (resolution rate)' }}>
          <input
            type="number"
            name="year"
            min="2000"
            max="2100"
            value={year() || (board.latest?.year ?? '')}
            onChange={(e) => setYear(e.currentTarget.value)}
            style={{ width: '7rem' }}
          />
        </Field>
        <Field label={{ vi: 'Tìm đơn vị, nội dung (không cần dấu)', en: 'Search unit or text (accents optional)' }}>
          <input type="search" name="q" value={text()} onInput={(e) => setText(e.currentTarget.value)} />
        </Field>
        <SubmitButton secondary label={{ vi: 'Lọc', en: 'Filter' }} busy={board.loading} />
      </FilterForm>
      <Async of={board}>
        {(b) => (
          <>
            <div class="sup-kpis">
              <div data-testid="kpi-open">
                <span class="muted">{t({ vi: 'Kiến nghị chưa giải quyết xong', en: 'Unresolved recommendations' })}</span>
                <strong>{b().totals.open}</strong>
              </div>
              <div data-testid="kpi-overdue">
                <span class="muted">{t({ vi: 'Trong đó quá hạn', en: 'Of which overdue' })}</span>
                <strong>{b().totals.overdue}</strong>
              </div>
              <div>
                <span class="muted">{t({ vi: 'Tính đến ngày', en: 'As of' })}</span>
                <strong data-testid="board-today">{formatDate(b().today)}</strong>
              </div>
            </div>

            <div class="sup-section">
              <DataTable rows={b().byUnit} {...unitTable} heading />
            </div>

            <div class="sup-section">
              <h2>
                {t({ vi: 'Tỷ lệ giải quyết theo kỳ', en: 'Resolution rate per period' })} {b().year}
              </h2>
              <p class="muted">
                {t({
                  vi: 'Tính trên các kiến nghị có thời hạn rơi vào kỳ: đã giải quyết xong / đến hạn trong kỳ.',
                  en: 'Among the recommendations whose deadline falls in the period: resolved / due.',
                })}
              </p>
              <DataTable rows={b().periods} {...periodTable} />
            </div>

            <div class="sup-section">
              <DataTable rows={b().open} {...openTable} heading stack />
            </div>
          </>
        )}
      </Async>
    </section>
  );
}
