import { A } from '@solidjs/router';
import { createSignal, For, onMount, Show } from 'solid-js';
import { documentTypes, type DocumentSummary } from '../../../shared/archive/schema.js';
import { formatDate } from '../../../shared/format.js';
import { ApiError } from '../api.js';
import { t, ui } from '../i18n.js';
import { session } from '../session.js';
import { listDocuments } from './api.js';
import { useLocality, withLocality } from '../tenancy/locality.jsx';
import { canAdmin, canWrite, SignInFirst, typeLabel } from './common.jsx';

/** List, search (without diacritics), filters and paging; the recycle bin for admins. */
export function ArchiveList() {
  const locality = useLocality();
  const [q, setQ] = createSignal('');
  const [type, setType] = createSignal('');
  const [year, setYear] = createSignal('');
  const [agency, setAgency] = createSignal('');
  const [deleted, setDeleted] = createSignal(false);
  const [items, setItems] = createSignal<DocumentSummary[]>([]);
  const [cursor, setCursor] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal(false);
  const [loaded, setLoaded] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);

  const load = async (more: boolean) => {
    setBusy(true);
    setError(null);
    try {
      const page = await listDocuments({ q: q(), type: type(), year: year(), agency: agency(), deleted: deleted(), cursor: more ? cursor() : null, locality: locality() });
      setItems(more ? [...items(), ...page.items] : page.items);
      setCursor(page.nextCursor);
      setLoaded(true);
    } catch (err) {
      setError(err instanceof ApiError ? err.text : String(err));
    } finally {
      setBusy(false);
    }
  };
  onMount(() => session() && void load(false));

  return (
    <section>
      <h1>{t(ui.nav.archive)}</h1>
      <Show when={session()} fallback={<SignInFirst />}>
        <div class="archive-actions">
          <Show when={canWrite(locality())}>
            <A href="/archive/new" class="button" data-testid="archive-new">
              {t({ vi: 'Tải lên văn bản', en: 'Upload a document' })}
            </A>
          </Show>
          <A href="/archive/check" class="button secondary">
            {t({ vi: 'Kiểm tra một tệp', en: 'Check a file' })}
          </A>
        </div>
        <form
          class="archive-toolbar"
          role="search"
          onSubmit={(e) => {
            e.preventDefault();
            void load(false);
          }}
        >
          <label>
            {t({ vi: 'Tìm (không cần dấu)', en: 'Search (accents optional)' })}
            <input name="q" type="search" size="32" placeholder={t({ vi: 'vd: ky ket quy che', en: 'e.g. ky ket quy che' })} value={q()} onInput={(e) => setQ(e.currentTarget.value)} />
          </label>
          <label>
            {t({ vi: 'Loại', en: 'Type' })}
            <select name="type" value={type()} onChange={(e) => setType(e.currentTarget.value)}>
              <option value="">{t({ vi: 'Tất cả', en: 'All' })}</option>
              <For each={documentTypes}>{(d) => <option value={d.code}>{`${d.code} — ${t(d)}`}</option>}</For>
            </select>
          </label>
          <label>
            {t({ vi: 'Năm ký', en: 'Year signed' })}
            <input name="year" inputmode="numeric" size="6" placeholder="2024" value={year()} onInput={(e) => setYear(e.currentTarget.value)} />
          </label>
          <label>
            {t({ vi: 'Cơ quan', en: 'Agency' })}
            <input name="agency" list="archive-agencies" size="14" value={agency()} onInput={(e) => setAgency(e.currentTarget.value)} />
            <datalist id="archive-agencies">
              <option value="HĐND" />
              <option value="UBND" />
              <option value="MTTQ" />
            </datalist>
          </label>
          <Show when={canAdmin(locality())}>
            <label class="inline">
              <span>
                <input type="checkbox" name="deleted" checked={deleted()} onChange={(e) => setDeleted(e.currentTarget.checked)} />{' '}
                {t({ vi: 'Văn bản đã xoá', en: 'Deleted documents' })}
              </span>
            </label>
          </Show>
          <button class="button" type="submit" disabled={busy()} data-testid="archive-search">
            {t({ vi: 'Tìm kiếm', en: 'Search' })}
          </button>
        </form>
        <Show when={error()}>
          <p class="error" role="alert">
            {error()}
          </p>
        </Show>
        <Show when={loaded() && items().length === 0}>
          <p class="muted" data-testid="archive-empty">
            {t({ vi: 'Không có văn bản nào phù hợp.', en: 'No matching documents.' })}
          </p>
        </Show>
        <Show when={items().length > 0}>
          <table class="archive-table" data-testid="archive-results">
            <thead>
              <tr>
                <th>{t({ vi: 'Số, ký hiệu', en: 'Number' })}</th>
                <th>{t({ vi: 'Loại', en: 'Type' })}</th>
                <th>{t({ vi: 'Trích yếu', en: 'Summary' })}</th>
                <th>{t({ vi: 'Ngày ký', en: 'Signed' })}</th>
                <th>{t({ vi: 'Cơ quan ban hành', en: 'Issued by' })}</th>
              </tr>
            </thead>
            <tbody>
              <For each={items()}>
                {(d) => (
                  <tr>
                    <td>
                      <A href={withLocality(`/archive/${d.id}`, locality())}>{d.numberSymbol}</A>
                    </td>
                    <td>{typeLabel(d.type)}</td>
                    <td>{d.summary}</td>
                    <td>{formatDate(d.signedOn)}</td>
                    <td>{d.issuingAgencies.join('; ')}</td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </Show>
        <Show when={cursor()}>
          <p>
            <button class="button secondary" disabled={busy()} onClick={() => void load(true)}>
              {t({ vi: 'Xem thêm', en: 'Load more' })}
            </button>
          </p>
        </Show>
      </Show>
    </section>
  );
}
