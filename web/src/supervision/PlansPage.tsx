import { A } from '@solidjs/router';
import { createEffect, createResource, createSignal, For, on, Show } from 'solid-js';
import { formatDate } from '../../../shared/format.js';
import { ownerBodyLabels, planStatusLabels, planTypeLabels } from '../../../shared/supervision/labels.js';
import { planStatuses, type PlanSummary } from '../../../shared/supervision/schema.js';
import { t, ui } from '../i18n.js';
import { session } from '../session.js';
import { canWrite, supervisionApi, useLocality, withLocality } from './client.js';
import { DemoBadge, LocalityPicker, ErrorText, PlanStatusBadge, SignInFirst } from './common.jsx';

/** Supervision plans of the tenant (or of a unit read through ?locality=): filter by status and year, search without diacritics. */
export function PlansPage() {
  const { locality, setLocality } = useLocality();
  const [status, setStatus] = createSignal('');
  const [year, setYear] = createSignal('');
  const [text, setText] = createSignal('');
  const [query, setQuery] = createSignal('');
  const filters = () => ({ status: status() || undefined, year: year() ? Number(year()) : undefined, q: query() || undefined, locality: locality() });
  const [plans] = createResource(() => (session() ? filters() : null), (f) => supervisionApi.list(f));
  // Further pages ("Xem thêm"), reset whenever the first page is reloaded.
  const [more, setMore] = createSignal<PlanSummary[]>([]);
  const [cursor, setCursor] = createSignal<string | null>(null);
  const [moreError, setMoreError] = createSignal<unknown>(null);
  createEffect(
    on(plans, (d) => {
      setMore([]);
      setCursor(d?.nextCursor ?? null);
    }),
  );
  const loadMore = async () => {
    try {
      const d = await supervisionApi.list({ ...filters(), cursor: cursor() ?? undefined });
      setMore([...more(), ...d.items]);
      setCursor(d.nextCursor);
    } catch (err) {
      setMoreError(err);
    }
  };

  return (
    <section>
      <h1>{t({ vi: 'Kế hoạch giám sát, phản biện xã hội', en: 'Supervision and social criticism plans' })}</h1>
      <Show when={session()} fallback={<SignInFirst />}>
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
        <form
          class="sup-toolbar"
          onSubmit={(e) => {
            e.preventDefault();
            setQuery(text());
          }}
        >
          <LocalityPicker value={locality()} onChange={setLocality} />
          <label>
            {t({ vi: 'Trạng thái', en: 'Status' })}
            <select value={status()} onChange={(e) => setStatus(e.currentTarget.value)} name="status">
              <option value="">{t({ vi: 'Tất cả', en: 'All' })}</option>
              <For each={planStatuses}>{(s) => <option value={s}>{t(planStatusLabels[s])}</option>}</For>
            </select>
          </label>
          <label>
            {t({ vi: 'Năm', en: 'Year' })}
            <input type="number" min="2000" max="2100" value={year()} onChange={(e) => setYear(e.currentTarget.value)} name="year" style={{ width: '7rem' }} />
          </label>
          <label>
            {t({ vi: 'Tìm kiếm (không cần dấu)', en: 'Search (accents optional)' })}
            <input type="search" value={text()} onInput={(e) => setText(e.currentTarget.value)} name="q" placeholder={t({ vi: 'chủ đề, đơn vị, thành viên…', en: 'topic, unit, member…' })} />
          </label>
          <button class="button secondary" type="submit">
            {t({ vi: 'Tìm', en: 'Search' })}
          </button>
        </form>
        <ErrorText error={plans.error} />
        <Show when={plans()} fallback={<p>{t(ui.loading)}</p>}>
          {(data) => (
            <Show when={data().items.length > 0} fallback={<p class="muted" data-testid="no-plans">{t({ vi: 'Chưa có kế hoạch nào.', en: 'No plans yet.' })}</p>}>
              <table class="sup-table" data-testid="plan-list">
                <thead>
                  <tr>
                    <th>{t({ vi: 'Nội dung giám sát', en: 'Topic' })}</th>
                    <th>{t({ vi: 'Chủ thể', en: 'Owner' })}</th>
                    <th>{t({ vi: 'Thời gian', en: 'Period' })}</th>
                    <th>{t({ vi: 'Trạng thái', en: 'Status' })}</th>
                    <th>{t({ vi: 'Hạn báo cáo', en: 'Report due' })}</th>
                    <th class="num">{t({ vi: 'Kiến nghị chưa xong', en: 'Open recs' })}</th>
                  </tr>
                </thead>
                <tbody>
                  <For each={[...data().items, ...more()]}>
                    {(p) => (
                      <tr data-testid="plan-row">
                        <td>
                          <A href={withLocality(`/supervision/plans/${p.id}`, locality())}>{p.topic}</A>
                          <div class="muted">{t(planTypeLabels[p.type])}</div>
                          <Show when={p.demo}>
                            <DemoBadge />
                          </Show>
                        </td>
                        <td>
                          {t(ownerBodyLabels[p.owner.body])}
                          <Show when={p.owner.name}>
                            <div class="muted">{p.owner.name}</div>
                          </Show>
                        </td>
                        <td>
                          {formatDate(p.period.from)} – {formatDate(p.period.to)}
                        </td>
                        <td>
                          <PlanStatusBadge status={p.status} />
                        </td>
                        <td>
                          {p.reportDueOn ? formatDate(p.reportDueOn) : '—'}
                          <Show when={p.reportOverdue}>
                            {' '}
                            <span class="badge overdue">{t({ vi: 'Chậm báo cáo', en: 'Report late' })}</span>
                          </Show>
                        </td>
                        <td class="num">{p.openRecommendations}</td>
                      </tr>
                    )}
                  </For>
                </tbody>
              </table>
              <Show when={cursor()}>
                <p>
                  <button class="button secondary" data-testid="more-plans" onClick={loadMore}>
                    {t({ vi: 'Xem thêm', en: 'Show more' })}
                  </button>
                </p>
              </Show>
              <ErrorText error={moreError()} />
            </Show>
          )}
        </Show>
      </Show>
    </section>
  );
}
