import { A, useSearchParams } from '@solidjs/router';
import { createResource, createSignal, For, Show } from 'solid-js';
import {
  agencyCodes,
  agreementKinds,
  agreementStatuses,
  fullTitle,
  kindLabels,
  periodLabel,
  statusLabels,
  type AgreementSummary,
  type ListResponse,
} from '../../../shared/agreements/schema.js';
import { formatDate } from '../../../shared/format.js';
import { api } from '../api.js';
import { lang, t, ui } from '../i18n.js';
import { session } from '../session.js';
import { LocalityPicker } from '../tenancy/locality.jsx';
import { agencyName, canWrite, ErrorBox, errorText, ProgressBar, StatusBadge, withLocality } from './common.jsx';

/** Quy chế & chương trình: filters (kind, status, year/term, party), search without diacritics, paging. */
export function AgreementList() {
  const [params, setParams] = useSearchParams();
  const p = (k: string) => (typeof params[k] === 'string' ? (params[k] as string) : '');
  const locality = () => p('locality') || null;
  const [q, setQ] = createSignal(p('q'));
  const [more, setMore] = createSignal<AgreementSummary[]>([]);
  const [cursor, setCursor] = createSignal<string | null>(null);
  const [error, setError] = createSignal<string | null>(null);

  const query = () => {
    const s = new URLSearchParams();
    for (const k of ['kind', 'status', 'year', 'party', 'q', 'locality']) if (p(k)) s.set(k, p(k));
    return s.toString();
  };
  const [page] = createResource(
    () => (session() ? query() : null),
    async (qs) => {
      setMore([]);
      const r = await api<ListResponse>(`/api/agreements${qs ? `?${qs}` : ''}`);
      setCursor(r.nextCursor);
      return r;
    },
  );
  // A failed resource throws when read: check `.error` first (another tenant's list answers 404).
  const rows = () => [...((page.error ? undefined : page.latest)?.items ?? []), ...more()];

  const loadMore = async () => {
    const c = cursor();
    if (!c) return;
    try {
      const qs = query();
      const r = await api<ListResponse>(`/api/agreements?${qs ? `${qs}&` : ''}cursor=${encodeURIComponent(c)}`);
      setMore([...more(), ...r.items]);
      setCursor(r.nextCursor);
    } catch (err) {
      setError(errorText(err));
    }
  };


  return (
    <section>
      <h1>{t(ui.nav.agreements)}</h1>
      <Show when={session()} fallback={<p>{t({ vi: 'Vui lòng đăng nhập để xem.', en: 'Sign in to see agreements.' })}</p>}>
        <div class="toolbar">
          {/* Province staff choose a unit of their province to look into (read-only). */}
          <LocalityPicker testId="filter-locality" value={locality() ?? undefined} onChange={(code) => setParams({ locality: code })} />
          <label>
            {t({ vi: 'Loại', en: 'Kind' })}
            <select data-testid="filter-kind" value={p('kind')} onChange={(e) => setParams({ kind: e.currentTarget.value || undefined })}>
              <option value="">{t({ vi: 'Tất cả', en: 'All' })}</option>
              <For each={agreementKinds}>{(k) => <option value={k}>{t(kindLabels[k])}</option>}</For>
            </select>
          </label>
          <label>
            {t({ vi: 'Trạng thái', en: 'Status' })}
            <select data-testid="filter-status" value={p('status')} onChange={(e) => setParams({ status: e.currentTarget.value || undefined })}>
              <option value="">{t({ vi: 'Tất cả', en: 'All' })}</option>
              <For each={agreementStatuses}>{(s) => <option value={s}>{t(statusLabels[s])}</option>}</For>
            </select>
          </label>
          <label>
            {t({ vi: 'Năm', en: 'Year' })}
            <input
              data-testid="filter-year"
              type="number"
              min="1945"
              max="2100"
              style={{ width: '6.5rem' }}
              value={p('year')}
              onChange={(e) => setParams({ year: e.currentTarget.value || undefined })}
            />
          </label>
          <label>
            {t({ vi: 'Bên tham gia', en: 'Party' })}
            <select data-testid="filter-party" value={p('party')} onChange={(e) => setParams({ party: e.currentTarget.value || undefined })}>
              <option value="">{t({ vi: 'Tất cả', en: 'All' })}</option>
              <For each={agencyCodes.filter((c) => c !== 'OTHER')}>{(c) => <option value={c}>{agencyName(c)}</option>}</For>
            </select>
          </label>
          <form
            class="toolbar"
            style={{ margin: 0 }}
            onSubmit={(e) => {
              e.preventDefault();
              setParams({ q: q() || undefined });
            }}
          >
            <label>
              {t({ vi: 'Tìm (không cần dấu)', en: 'Search (accents optional)' })}
              <input data-testid="search" type="search" value={q()} onInput={(e) => setQ(e.currentTarget.value)} />
            </label>
            <button class="button secondary" type="submit">
              {t({ vi: 'Tìm', en: 'Search' })}
            </button>
          </form>
          <Show when={canWrite(locality())}>
            <A href="/agreements/new" class="button" data-testid="new-agreement">
              {t({ vi: 'Soạn mới', en: 'New draft' })}
            </A>
          </Show>
        </div>
        <ErrorBox error={page.error ? errorText(page.error) : error()} />
        <Show when={!page.loading || rows().length} fallback={<p>{t(ui.loading)}</p>}>
          <Show when={rows().length} fallback={<p class="muted" data-testid="empty">{t({ vi: 'Không có văn bản nào phù hợp.', en: 'No matching agreements.' })}</p>}>
            <table class="agreement-table" data-testid="agreement-list">
              <thead>
                <tr>
                  <th>{t({ vi: 'Văn bản', en: 'Agreement' })}</th>
                  <th>{t({ vi: 'Thời hạn', en: 'Period' })}</th>
                  <th>{t({ vi: 'Bên tham gia', en: 'Parties' })}</th>
                  <th>{t({ vi: 'Trạng thái', en: 'Status' })}</th>
                  <th>{t({ vi: 'Tiến độ', en: 'Progress' })}</th>
                </tr>
              </thead>
              <tbody>
                <For each={rows()}>
                  {(a) => (
                    <tr data-testid="agreement-row">
                      <td>
                        <A href={withLocality(`/agreements/${a.id}`, locality())}>{fullTitle(a, lang())}</A>
                        <div class="muted">
                          {a.number ? `${t({ vi: 'Số', en: 'No.' })} ${a.number}` : t({ vi: 'Chưa có số', en: 'Unnumbered' })}
                          {a.signedOn ? ` · ${t({ vi: 'ký', en: 'signed' })} ${formatDate(a.signedOn)}` : ''}
                          {a.revision > 1 ? ` · ${t({ vi: 'sửa đổi lần', en: 'revision' })} ${a.revision - 1}` : ''}
                        </div>
                      </td>
                      <td>{periodLabel(a)}</td>
                      <td>{a.parties.map((x) => agencyName(x.agency) || x.name).join(', ')}</td>
                      <td>
                        <StatusBadge status={a.status} />
                      </td>
                      <td>
                        <Show when={a.itemStats.total} fallback={<span class="muted">{a.articleCount ? `${a.chapterCount} ${t({ vi: 'chương', en: 'chapters' })}, ${a.articleCount} ${t({ vi: 'điều', en: 'articles' })}` : '—'}</span>}>
                          <ProgressBar value={a.itemStats.averageProgress} />
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
                      </td>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
          </Show>
          <Show when={cursor()}>
            <p>
              <button class="button secondary" data-testid="load-more" onClick={loadMore}>
                {t({ vi: 'Xem thêm', en: 'Load more' })}
              </button>
            </p>
          </Show>
        </Show>
      </Show>
    </section>
  );
}
