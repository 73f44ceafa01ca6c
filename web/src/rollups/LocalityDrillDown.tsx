import { FollowButton } from '../notifications/FollowButton.jsx';
import { A, Navigate, useParams } from '@solidjs/router';
import { createResource, For, Show } from 'solid-js';
import { statusLabels as agreementStatusLabels, type AgreementSummary, listResponseSchema } from '../../../shared/agreements/schema.js';
import { formatDate } from '../../../shared/format.js';
import { dashboardWireSchema } from '../../../shared/rollups/schema.js';
import { planListSchema } from '../../../shared/supervision/views.js';
import { api } from '../api.js';
import { Async, type Column, DataTable, focusHeading, BackLink } from '../ui/index.js';
import { t } from '../i18n.js';
import { useLocality, withLocality } from '../tenancy/locality.jsx';

/** The address before localities: `/province/districts/:code` → `/province/locality?locality=:code`. */
export function LegacyDrillDownRedirect() {
  const params = useParams<{ code: string }>();
  return <Navigate href={withLocality('/province/locality', params.code)} />;
}

/**
 * Read-only drill-down into one unit the caller's province reads (`?locality=`): a current commune,
 * ward or special zone, or a historical district of the province or of a province merged into it.
 * Its roll-up figures, its agreements and supervision plans, and links to its full lists.
 */
export function LocalityDrillDown() {
  focusHeading();
  const locality = useLocality();
  const code = () => locality() ?? '';
  const q = () => `locality=${encodeURIComponent(code())}`;
  const [dashboard] = createResource(() => api.get('/api/rollups', dashboardWireSchema));
  const [agreements] = createResource(code, () => api.get(`/api/agreements?limit=100&${q()}`, listResponseSchema));
  const [plans] = createResource(code, () => api.get(`/api/supervision/plans?limit=100&${q()}`, planListSchema));
  // A resource that failed throws when read: check `.error` first.
  const row = () => {
    const d = dashboard.error ? undefined : dashboard();
    return d?.rows.find((r) => r.localityCode === code()) ?? d?.historical.find((r) => r.localityCode === code());
  };
  const agreementColumns = (): Column<AgreementSummary>[] => [
    { id: 'number', header: { vi: 'Số, ký hiệu', en: 'Number' }, cell: (a) => a.number || '—' },
    { id: 'title', header: { vi: 'Trích yếu', en: 'Title' }, cell: (a) => <A href={withLocality(`/agreements/${a.id}`, code())}>{a.title}</A> },
    { id: 'status', header: { vi: 'Trạng thái', en: 'Status' }, cell: (a) => t(agreementStatusLabels[a.status]) },
    { id: 'signed', header: { vi: 'Ngày ký', en: 'Signed on' }, sort: (a) => a.signedOn ?? '', descFirst: true, cell: (a) => formatDate(a.signedOn) },
  ];

  return (
    <section>
      <BackLink href="/province" label={{ vi: 'Tổng hợp toàn tỉnh', en: 'Province roll-up' }} />
      <h1 data-testid="locality-name">{row()?.name ?? code()}</h1>
      <Show when={/^\d{5}$/.test(code())}>
        <FollowButton type="locality" id={code()} />
      </Show>
      <Show when={row()}>
        {(r) => (
          <p class="muted" data-testid="locality-level">
            {r().type}
            {r().validUntil
              ? ` · ${t({ vi: 'đã kết thúc hoạt động 01/07/2025 (hồ sơ lịch sử)', en: 'ceased on 01/07/2025 (history)' })}`
              : ` · ${t({ vi: 'đơn vị cấp xã hiện hành', en: 'current commune-level unit' })}`}
          </p>
        )}
      </Show>
      <p class="inline-links">
        <A href={withLocality('/agreements', code())}>{t({ vi: 'Tất cả quy chế, chương trình', en: 'All agreements' })}</A>
        <A href={withLocality('/supervision', code())}>{t({ vi: 'Giám sát', en: 'Supervision' })}</A>
        <A href={withLocality('/archive', code())}>{t({ vi: 'Kho văn bản', en: 'Document archive' })}</A>
      </p>
      <Show when={row()}>
        {(r) => (
          <ul class="kpis" data-testid="locality-figures">
            <li class={r().programSigned ? '' : 'warn'}>
              {r().programSigned
                ? t({ vi: `Đã ký chương trình ${dashboard()!.year}`, en: `${dashboard()!.year} program signed` })
                : t({ vi: `Chưa ký chương trình ${dashboard()!.year}`, en: `No signed ${dashboard()!.year} program` })}
            </li>
            <li>
              <strong>{r().items.done}</strong> {t({ vi: 'nội dung hoàn thành', en: 'items done' })} · <strong>{r().items.overdue}</strong>{' '}
              {t({ vi: 'quá hạn', en: 'overdue' })}
            </li>
            <li>
              <strong>{r().recommendations.open}</strong> {t({ vi: 'kiến nghị chưa giải quyết', en: 'open recommendations' })}
            </li>
            <li>
              <strong>{r().documents}</strong> {t({ vi: 'văn bản lưu trữ', en: 'documents' })}
            </li>
          </ul>
        )}
      </Show>

      <h2>{t({ vi: 'Quy chế, chương trình, kế hoạch phối hợp', en: 'Agreements' })}</h2>
      <Async of={agreements}>
        {(list) => (
          <DataTable
            rows={list().items}
            columns={agreementColumns()}
            label={{ vi: 'Quy chế, chương trình, kế hoạch phối hợp', en: 'Agreements' }}
            testId="locality-agreements"
            empty={{ vi: 'Chưa có văn bản phối hợp.', en: 'No agreements yet.' }}
            stack
          />
        )}
      </Async>

      <h2>{t({ vi: 'Kế hoạch giám sát', en: 'Supervision plans' })}</h2>
      <Async of={plans}>
        {(list) => (
          <Show when={list().items.length} fallback={<p class="muted">{t({ vi: 'Chưa có kế hoạch giám sát.', en: 'No supervision plans yet.' })}</p>}>
            <ul data-testid="locality-plans">
              <For each={list().items}>
                {(p) => (
                  <li>
                    <A href={withLocality(`/supervision/plans/${p.id}`, code())}>{p.topic}</A> ({formatDate(p.period.from)} – {formatDate(p.period.to)})
                  </li>
                )}
              </For>
            </ul>
          </Show>
        )}
      </Async>
    </section>
  );
}
