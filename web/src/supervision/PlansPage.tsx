import { A } from '@solidjs/router';
import { createSignal, Show } from 'solid-js';
import { formatDate } from '../../../shared/format.js';
import { ownerBodyLabels, planStatusLabels, planTypeLabels } from '../../../shared/supervision/labels.js';
import { planStatuses } from '../../../shared/supervision/schema.js';
import type { PlanSummary } from '../../../shared/supervision/views.js';
import { t, ui } from '../i18n.js';
import { type Table, createPagedList, Field, focusHeading, LocalityPicker, PagedTable, FilterForm, Select } from '../ui/index.js';
import { canWrite, supervisionApi, useLocality, withLocality } from './client.js';
import { DemoBadge, PlanStatusBadge } from './common.jsx';

const empty = { vi: 'Chưa có kế hoạch nào.', en: 'No plans yet.' };

/** Supervision plans of the tenant (or of a unit read through ?locality=): filter by status and year, search without diacritics. */
export function PlansPage() {
  focusHeading();
  const { locality, setLocality } = useLocality();
  const [status, setStatus] = createSignal('');
  const [year, setYear] = createSignal('');
  const [text, setText] = createSignal('');
  const [query, setQuery] = createSignal('');
  const filters = () => ({ status: status() || undefined, year: year() ? Number(year()) : undefined, q: query() || undefined, locality: locality() });
  const list = createPagedList(filters, (f, cursor) => supervisionApi.list({ ...f, cursor }));
  const planTable: Table<PlanSummary> = {
    columns: [
      {
        id: 'topic',
        header: { vi: 'Nội dung giám sát', en: 'Topic' },
        cell: (p) => (
          <>
            <A href={withLocality(`/supervision/plans/${p.id}`, locality())}>{p.topic}</A>
            <div class="muted">{t(planTypeLabels[p.type])}</div>
            <Show when={p.demo}>
              <DemoBadge />
            </Show>
          </>
        ),
      },
      {
        id: 'owner',
        header: { vi: 'Chủ thể', en: 'Owner' },
        cell: (p) => (
          <>
            {t(ownerBodyLabels[p.owner.body])}
            <Show when={p.owner.name}>
              <div class="muted">{p.owner.name}</div>
            </Show>
          </>
        ),
      },
      {
        id: 'period',
        header: { vi: 'Thời gian', en: 'Period' },
        sort: (p) => p.period.from,
        cell: (p) => `${formatDate(p.period.from)} – ${formatDate(p.period.to)}`,
      },
      { id: 'status', header: { vi: 'Trạng thái', en: 'Status' }, cell: (p) => <PlanStatusBadge status={p.status} /> },
      {
        id: 'due',
        header: { vi: 'Hạn báo cáo', en: 'Report due' },
        sort: (p) => p.reportDueOn ?? '',
        cell: (p) => (
          <>
            {p.reportDueOn ? formatDate(p.reportDueOn) : '—'}
            <Show when={p.reportOverdue}>
              {' '}
              <span class="badge overdue">{t({ vi: 'Chậm báo cáo', en: 'Report late' })}</span>
            </Show>
          </>
        ),
      },
      {
        id: 'open',
        header: { vi: 'Kiến nghị chưa xong', en: 'Open recs' },
        num: true,
        descFirst: true,
        sort: (p) => p.openRecommendations,
        cell: (p) => p.openRecommendations,
      },
    ],
    label: { vi: 'Kế hoạch giám sát', en: 'Supervision plans' },
    testId: 'plan-list',
    emptyTestId: 'no-plans',
    empty,
    rowAttrs: () => ({ 'data-testid': 'plan-row' }),
  };

  return (
    <section>
      <h1>{t({ vi: 'Kế hoạch giám sát, phản biện xã hội', en: 'Supervision and social criticism plans' })}</h1>
      <div class="sup-actions">
        <Show when={canWrite(locality())}>
          <A href="/supervision/new" class="button" data-testid="new-plan">
            {t({ vi: 'Lập kế hoạch giám sát', en: 'New supervision plan' })}
          </A>
        </Show>
        <A href={withLocality('/supervision/board', locality())} class="button secondary" data-testid="open-board">
          {t({ vi: 'Bảng theo dõi kiến nghị', en: 'Recommendation follow-up board' })}
        </A>
      </div>
      <FilterForm onApply={() => setQuery(text())}>
        <LocalityPicker value={locality()} onChange={setLocality} />
        <Select
          label={{ vi: 'Trạng thái', en: 'Status' }}
          name="status"
          options={planStatuses}
          labels={planStatusLabels}
          blank={ui.all}
          value={status()}
          onValue={setStatus}
        />
        <Field label={{ vi: 'Năm', en: 'Year' }}>
          <input type="number" min="2000" max="2100" value={year()} onChange={(e) => setYear(e.currentTarget.value)} name="year" style={{ width: '7rem' }} />
        </Field>
        <Field label={{ vi: 'Tìm kiếm (không cần dấu)', en: 'Search (accents optional)' }}>
          <input
            type="search"
            value={text()}
            onInput={(e) => setText(e.currentTarget.value)}
            name="q"
            placeholder={t({ vi: 'chủ đề, đơn vị, thành viên…', en: 'topic, unit, member…' })}
          />
        </Field>
        <button class="button secondary" type="submit">
          {t({ vi: 'Tìm', en: 'Search' })}
        </button>
      </FilterForm>
      <PagedTable list={list} {...planTable} moreTestId="more-plans" />
    </section>
  );
}
