import { A, useSearchParams } from '@solidjs/router';
import { createSignal, For, Show } from 'solid-js';
import {
  type AgencyCode,
  agencyCodes,
  type AgreementSummary,
  agreementKinds,
  agreementStatuses,
  fullTitle,
  kindLabels,
  listResponseSchema,
  periodLabel,
  statusLabels,
} from '../../../shared/agreements/schema.js';
import { formatDate } from '../../../shared/format.js';
import { api } from '../api.js';
import { lang, type Text, t, ui } from '../i18n.js';
import { type Table, createPagedList, pageUrl, Field, focusHeading, LocalityPicker, PagedTable, Select, SubmitButton, FilterForm } from '../ui/index.js';
import { agencyName, canWrite, ProgressBar, StatusBadge, withLocality } from './common.jsx';

const empty = { vi: 'Không có văn bản nào phù hợp.', en: 'No matching agreements.' };

/** The drop-down filters, each kept in the URL under its own name. */
const selectFilters: { param: string; label: Text; options: readonly string[]; labels: Partial<Record<string, Text>> | ((v: string) => string) }[] = [
  { param: 'kind', label: { vi: 'Loại', en: 'Kind' }, options: agreementKinds, labels: kindLabels },
  { param: 'status', label: { vi: 'Trạng thái', en: 'Status' }, options: agreementStatuses, labels: statusLabels },
  { param: 'party', label: { vi: 'Bên tham gia', en: 'Party' }, options: agencyCodes.filter((c) => c !== 'OTHER'), labels: (c) => agencyName(c as AgencyCode) },
];

/** Quy chế & chương trình: filters (kind, status, year/term, party), search without diacritics, paging. */
export function AgreementList() {
  focusHeading();
  const [params, setParams] = useSearchParams();
  const p = (k: string) => (typeof params[k] === 'string' ? (params[k] as string) : '');
  const locality = () => p('locality') || null;
  const [q, setQ] = createSignal(p('q'));
  const query = () => {
    const s = new URLSearchParams();
    for (const k of ['kind', 'status', 'year', 'party', 'q', 'locality']) if (p(k)) s.set(k, p(k));
    return s.toString();
  };
  const list = createPagedList(query, (qs, cursor) => api.get(pageUrl('/api/agreements', qs, cursor), listResponseSchema));
  const agreementTable: Table<AgreementSummary> = {
    columns: [
      {
        id: 'title',
        header: { vi: 'Văn bản', en: 'Agreement' },
        cell: (a) => (
          <>
            <A href={withLocality(`/agreements/${a.id}`, locality())}>{fullTitle(a, lang())}</A>
            <div class="muted">
              {a.number ? `${t({ vi: 'Số', en: 'No.' })} ${a.number}` : t({ vi: 'Chưa có số', en: 'Unnumbered' })}
              {a.signedOn ? ` · ${t({ vi: 'ký', en: 'signed' })} ${formatDate(a.signedOn)}` : ''}
              {a.revision > 1 ? ` · ${t({ vi: 'sửa đổi lần', en: 'revision' })} ${a.revision - 1}` : ''}
            </div>
          </>
        ),
      },
      { id: 'period', header: { vi: 'Thời hạn', en: 'Period' }, cell: (a) => periodLabel(a) },
      { id: 'parties', header: { vi: 'Bên tham gia', en: 'Parties' }, cell: (a) => a.parties.map((x) => agencyName(x.agency) || x.name).join(', ') },
      { id: 'status', header: { vi: 'Trạng thái', en: 'Status' }, cell: (a) => <StatusBadge status={a.status} /> },
      {
        id: 'progress',
        header: { vi: 'Tiến độ', en: 'Progress' },
        descFirst: true,
        sort: (a) => a.itemStats.averageProgress,
        cell: (a) => (
          <Show
            when={a.itemStats.total}
            fallback={
              <span class="muted">
                {a.articleCount ? `${a.chapterCount} ${t({ vi: 'chương', en: 'chapters' })}, ${a.articleCount} ${t({ vi: 'điều', en: 'articles' })}` : '—'}
              </span>
            }
          >
            <ProgressBar value={a.itemStats.averageProgress} label={`${t({ vi: 'Tiến độ', en: 'Progress' })}: ${fullTitle(a, lang())}`} />
            <div class="muted">
              {a.itemStats.byStatus.done}/{a.itemStats.total} {t({ vi: 'hoàn thành', en: 'done' })}
              <Show when={a.itemStats.overdue}>
                {' · '}
                <span class="badge overdue">
                  {a.itemStats.overdue} {t({ vi: 'quá hạn', en: 'overdue' })}
                </span>
              </Show>
            </div>
          </Show>
        ),
      },
    ],
    label: ui.nav.agreements,
    testId: 'agreement-list',
    emptyTestId: 'empty',
    empty,
    rowAttrs: () => ({ 'data-testid': 'agreement-row' }),
  };

  return (
    <section>
      <h1>{t(ui.nav.agreements)}</h1>
      <div class="filters">
        {/* Province staff choose a unit of their province to look into (read-only). */}
        <LocalityPicker testId="filter-locality" value={locality() ?? undefined} onChange={(code) => setParams({ locality: code })} />
        <For each={selectFilters}>
          {(f) => (
            <Select
              label={f.label}
              testId={`filter-${f.param}`}
              options={f.options}
              labels={f.labels}
              blank={ui.all}
              value={p(f.param)}
              onValue={(v) => setParams({ [f.param]: v || undefined })}
            />
          )}
        </For>
        <Field label={{ vi: 'Năm', en: 'Year' }}>
          <input
            data-testid="filter-year"
            type="number"
            min="1945"
            max="2100"
            style={{ width: '6.5rem' }}
            value={p('year')}
            onChange={(e) => setParams({ year: e.currentTarget.value || undefined })}
          />
        </Field>
        <FilterForm style={{ margin: 0 }} onApply={() => setParams({ q: q() || undefined })}>
          <Field label={{ vi: 'Tìm (không cần dấu)', en: 'Search (accents optional)' }}>
            <input data-testid="search" type="search" value={q()} onInput={(e) => setQ(e.currentTarget.value)} />
          </Field>
          <SubmitButton secondary label={{ vi: 'Tìm', en: 'Search' }} busy={list.busy()} />
        </FilterForm>
        <Show when={canWrite(locality())}>
          <A href="/agreements/new" class="button" data-testid="new-agreement">
            {t({ vi: 'Soạn mới', en: 'New draft' })}
          </A>
          <A href="/agreements/import" class="button secondary" data-testid="import-agreement">
            {t({ vi: 'Nhập từ văn bản', en: 'Import a document' })}
          </A>
        </Show>
      </div>
      <PagedTable list={list} {...agreementTable} moreTestId="load-more" errorTestId="form-error" />
    </section>
  );
}
