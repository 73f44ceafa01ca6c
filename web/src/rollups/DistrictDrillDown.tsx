import { A, useParams } from '@solidjs/router';
import { createResource, For, Show } from 'solid-js';
import { statusLabels as agreementStatusLabels, type ListResponse } from '../../../shared/agreements/schema.js';
import { formatDate } from '../../../shared/format.js';
import type { Dashboard } from '../../../shared/rollups/schema.js';
import type { PlanList } from '../../../shared/supervision/schema.js';
import { api, ApiError } from '../api.js';
import { t } from '../i18n.js';

/**
 * Read-only drill-down into one district of the caller's province: its roll-up figures, its
 * agreements and supervision plans. The API answers `?locality=` only for the caller's own province.
 */
export function DistrictDrillDown() {
  const params = useParams<{ code: string }>();
  const q = () => `locality=${encodeURIComponent(params.code)}`;
  const [dashboard] = createResource(() => api<Dashboard>('/api/rollups'));
  const [agreements] = createResource(() => params.code, () => api<ListResponse>(`/api/agreements?limit=100&${q()}`));
  const [plans] = createResource(() => params.code, () => api<PlanList>(`/api/supervision/plans?limit=100&${q()}`));
  // A resource that failed throws when read: check `.error` first.
  const row = () => (dashboard.error ? undefined : dashboard())?.rows.find((r) => r.localityCode === params.code);
  const errorText = (e: unknown) => (e instanceof ApiError ? e.text : String(e));

  return (
    <section>
      <p>
        <A href="/province">← {t({ vi: 'Tổng hợp toàn tỉnh', en: 'Province roll-up' })}</A>
      </p>
      <h1 data-testid="district-name">{row()?.name ?? params.code}</h1>
      <p class="muted">{t({ vi: 'Chế độ chỉ xem (cấp tỉnh)', en: 'Read-only view (province)' })}</p>
      <Show when={row()}>
        {(r) => (
          <ul class="kpis" data-testid="district-figures">
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
      <Show when={agreements.error}>
        <p class="error" role="alert">{errorText(agreements.error)}</p>
      </Show>
      <Show when={!agreements.error && agreements()}>
        {(list) => (
          <Show when={list().items.length} fallback={<p class="muted">{t({ vi: 'Chưa có văn bản phối hợp.', en: 'No agreements yet.' })}</p>}>
            <table class="data" data-testid="district-agreements">
              <thead>
                <tr>
                  <th>{t({ vi: 'Số, ký hiệu', en: 'Number' })}</th>
                  <th>{t({ vi: 'Trích yếu', en: 'Title' })}</th>
                  <th>{t({ vi: 'Trạng thái', en: 'Status' })}</th>
                  <th>{t({ vi: 'Ngày ký', en: 'Signed on' })}</th>
                </tr>
              </thead>
              <tbody>
                <For each={list().items}>
                  {(a) => (
                    <tr>
                      <td>{a.number || '—'}</td>
                      <td>
                        <A href={`/agreements/${a.id}?${q()}`}>{a.title}</A>
                      </td>
                      <td>{t(agreementStatusLabels[a.status])}</td>
                      <td>{formatDate(a.signedOn)}</td>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
          </Show>
        )}
      </Show>

      <h2>{t({ vi: 'Kế hoạch giám sát', en: 'Supervision plans' })}</h2>
      <Show when={plans.error}>
        <p class="error" role="alert">{errorText(plans.error)}</p>
      </Show>
      <Show when={!plans.error && plans()}>
        {(list) => (
          <Show when={list().items.length} fallback={<p class="muted">{t({ vi: 'Chưa có kế hoạch giám sát.', en: 'No supervision plans yet.' })}</p>}>
            <ul data-testid="district-plans">
              <For each={list().items}>
                {(p) => (
                  <li>
                    {p.topic} ({formatDate(p.period.from)} – {formatDate(p.period.to)})
                  </li>
                )}
              </For>
            </ul>
          </Show>
        )}
      </Show>
    </section>
  );
}
