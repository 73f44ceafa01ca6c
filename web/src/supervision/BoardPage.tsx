import { A } from '@solidjs/router';
import { createResource, createSignal, For, Show } from 'solid-js';
import { formatDate } from '../../../shared/format.js';
import { t, ui } from '../i18n.js';
import { session } from '../session.js';
import { supervisionApi, useLocality, withLocality } from './client.js';
import { LocalityPicker, ErrorText, RecStatusBadge, SignInFirst } from './common.jsx';

const percent = (rate: number | null) => (rate === null ? '—' : `${Math.round(rate * 1000) / 10}%`.replace('.', ','));

/**
 * Follow-up board: every unresolved recommendation across plans, by responsible unit with overdue
 * counts (overdue is derived by the server from today's date), and the resolution rate of the
 * recommendations due in each quarter of a year.
 */
export function BoardPage() {
  const { locality, setLocality } = useLocality();
  const [year, setYear] = createSignal('');
  const [text, setText] = createSignal('');
  const [query, setQuery] = createSignal('');
  const [board] = createResource(
    () => (session() ? { year: year(), q: query(), locality: locality() } : null),
    (p) => supervisionApi.board({ year: p.year ? Number(p.year) : undefined, q: p.q || undefined, locality: p.locality }),
  );

  return (
    <section>
      <p>
        <A href={withLocality('/supervision', locality())}>← {t({ vi: 'Danh sách kế hoạch', en: 'All plans' })}</A>
      </p>
      <h1>{t({ vi: 'Theo dõi giải quyết kiến nghị sau giám sát', en: 'Recommendation follow-up' })}</h1>
      <Show when={session()} fallback={<SignInFirst />}>
        <form
          class="sup-toolbar"
          onSubmit={(e) => {
            e.preventDefault();
            setQuery(text());
          }}
        >
          <LocalityPicker value={locality()} onChange={setLocality} />
          <label>
            {t({ vi: 'Năm (tỷ lệ giải quyết)', en: 'Year (resolution rate)' })}
            <input type="number" name="year" min="2000" max="2100" value={year() || (board()?.year ?? '')} onChange={(e) => setYear(e.currentTarget.value)} style={{ width: '7rem' }} />
          </label>
          <label>
            {t({ vi: 'Tìm đơn vị, nội dung (không cần dấu)', en: 'Search unit or text (accents optional)' })}
            <input type="search" name="q" value={text()} onInput={(e) => setText(e.currentTarget.value)} />
          </label>
          <button class="button secondary" type="submit">
            {t({ vi: 'Lọc', en: 'Filter' })}
          </button>
        </form>
        <ErrorText error={board.error} />
        <Show when={board()} fallback={<Show when={!board.error}><p>{t(ui.loading)}</p></Show>}>
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
                <h2>{t({ vi: 'Theo đơn vị chịu trách nhiệm', en: 'By responsible unit' })}</h2>
                <Show when={b().byUnit.length > 0} fallback={<p class="muted">{t({ vi: 'Không có kiến nghị nào đang theo dõi.', en: 'Nothing to follow up.' })}</p>}>
                  <table class="sup-table" data-testid="board-units">
                    <thead>
                      <tr>
                        <th>{t({ vi: 'Đơn vị', en: 'Unit' })}</th>
                        <th class="num">{t({ vi: 'Chưa giải quyết xong', en: 'Unresolved' })}</th>
                        <th class="num">{t({ vi: 'Quá hạn', en: 'Overdue' })}</th>
                        <th class="num">{t({ vi: 'Đã trả lời', en: 'Answered' })}</th>
                        <th class="num">{t({ vi: 'Đã tiếp thu', en: 'Accepted' })}</th>
                        <th>{t({ vi: 'Hạn gần nhất', en: 'Next deadline' })}</th>
                      </tr>
                    </thead>
                    <tbody>
                      <For each={b().byUnit}>
                        {(u) => (
                          <tr data-testid="board-unit" data-unit={u.unit}>
                            <td>{u.unit}</td>
                            <td class="num" data-testid="unit-open">{u.open}</td>
                            <td class="num" data-testid="unit-overdue">{u.overdue}</td>
                            <td class="num">{u.answered}</td>
                            <td class="num">{u.accepted}</td>
                            <td>{formatDate(u.nextDeadline)}</td>
                          </tr>
                        )}
                      </For>
                    </tbody>
                  </table>
                </Show>
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
                <table class="sup-table" data-testid="board-periods">
                  <thead>
                    <tr>
                      <th>{t({ vi: 'Kỳ', en: 'Period' })}</th>
                      <th class="num">{t({ vi: 'Đến hạn', en: 'Due' })}</th>
                      <th class="num">{t({ vi: 'Đã giải quyết', en: 'Resolved' })}</th>
                      <th class="num">{t({ vi: 'Đúng hạn', en: 'On time' })}</th>
                      <th class="num">{t({ vi: 'Chưa xong', en: 'Unresolved' })}</th>
                      <th class="num">{t({ vi: 'Quá hạn', en: 'Overdue' })}</th>
                      <th class="num">{t({ vi: 'Tỷ lệ', en: 'Rate' })}</th>
                    </tr>
                  </thead>
                  <tbody>
                    <For each={b().periods}>
                      {(p) => (
                        <tr data-testid="board-period" data-period={p.period}>
                          <td>{p.period.includes('Q') ? t({ vi: `Quý ${p.period.slice(-1)}`, en: `Q${p.period.slice(-1)}` }) : t({ vi: `Cả năm ${p.period}`, en: `Year ${p.period}` })}</td>
                          <td class="num" data-testid="period-due">{p.due}</td>
                          <td class="num" data-testid="period-resolved">{p.resolved}</td>
                          <td class="num">{p.resolvedOnTime}</td>
                          <td class="num">{p.unresolved}</td>
                          <td class="num">{p.overdue}</td>
                          <td class="num" data-testid="period-rate">{percent(p.rate)}</td>
                        </tr>
                      )}
                    </For>
                  </tbody>
                </table>
              </div>

              <div class="sup-section">
                <h2>{t({ vi: 'Kiến nghị đang theo dõi', en: 'Recommendations being followed' })}</h2>
                <Show when={b().open.length > 0} fallback={<p class="muted">—</p>}>
                  <table class="sup-table" data-testid="board-open">
                    <thead>
                      <tr>
                        <th>{t({ vi: 'Thời hạn', en: 'Deadline' })}</th>
                        <th>{t({ vi: 'Kiến nghị', en: 'Recommendation' })}</th>
                        <th>{t({ vi: 'Đơn vị', en: 'Unit' })}</th>
                        <th>{t({ vi: 'Tình trạng', en: 'State' })}</th>
                      </tr>
                    </thead>
                    <tbody>
                      <For each={b().open}>
                        {(r) => (
                          <tr data-testid="board-rec">
                            <td>{formatDate(r.deadline)}</td>
                            <td>
                              {r.content}
                              <div class="muted">
                                <A href={withLocality(`/supervision/plans/${r.planId}`, locality())}>{r.planTopic}</A>
                              </div>
                            </td>
                            <td>{r.responsibleUnit}</td>
                            <td>
                              <RecStatusBadge status={r.status} overdue={r.overdue} />
                            </td>
                          </tr>
                        )}
                      </For>
                    </tbody>
                  </table>
                </Show>
              </div>
            </>
          )}
        </Show>
      </Show>
    </section>
  );
}
