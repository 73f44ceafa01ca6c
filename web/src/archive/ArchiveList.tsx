import { A, useSearchParams } from '@solidjs/router';
import { createSignal, For, Show } from 'solid-js';
import { documentTypes, type DocumentSummary } from '../../../shared/archive/schema.js';
import { formatDate } from '../../../shared/format.js';
import { t, ui } from '../i18n.js';
import { useLocality, withLocality } from '../tenancy/locality.jsx';
import { type Column, createPagedList, Field, focusHeading, LocalityPicker, SubmitButton, PagedTable, FilterForm } from '../ui/index.js';
import { listDocuments } from './api.js';
import { canAdmin, canWrite, typeLabel } from './common.jsx';
import { signatureBadge } from './SignatureView.jsx';

const empty = { vi: 'Không có văn bản nào phù hợp.', en: 'No matching documents.' };

/** List, search (without diacritics), filters and paging; the recycle bin for admins. */
export function ArchiveList() {
  focusHeading();
  const locality = useLocality();
  const [, setParams] = useSearchParams();
  const [q, setQ] = createSignal('');
  const [type, setType] = createSignal('');
  const [year, setYear] = createSignal('');
  const [agency, setAgency] = createSignal('');
  const [deleted, setDeleted] = createSignal(false);
  const [signed, setSigned] = createSignal(false);
  const filters = () => ({ q: q(), type: type(), year: year(), agency: agency(), deleted: deleted(), signed: signed(), locality: locality() });
  // The filters apply when the form is sent; a new `?locality=` applies at once.
  const [applied, setApplied] = createSignal(filters());
  const list = createPagedList(
    () => ({ ...applied(), locality: locality() }),
    (f, cursor) => listDocuments({ ...f, cursor: cursor ?? null }),
  );
  const columns: Column<DocumentSummary>[] = [
    { id: 'number', header: { vi: 'Số, ký hiệu', en: 'Number' }, cell: (d) => <A href={withLocality(`/archive/${d.id}`, locality())}>{d.numberSymbol}</A> },
    { id: 'type', header: { vi: 'Loại', en: 'Type' }, cell: (d) => typeLabel(d.type) },
    { id: 'summary', header: { vi: 'Trích yếu', en: 'Summary' }, cell: (d) => d.summary },
    { id: 'signed', header: { vi: 'Ngày ký', en: 'Signed' }, sort: (d) => d.signedOn, descFirst: true, cell: (d) => formatDate(d.signedOn) },
    { id: 'agencies', header: { vi: 'Cơ quan ban hành', en: 'Issued by' }, cell: (d) => d.issuingAgencies.join('; ') },
    {
      id: 'signature',
      header: { vi: 'Chữ ký số', en: 'Digital signature' },
      cell: (d) => {
        const badge = signatureBadge(d.current.signatureStatus);
        return badge ? <span class={d.current.signatureStatus === 'trusted' ? 'archive-badge ok' : 'archive-badge bad'}>{t(badge)}</span> : '—';
      },
    },
  ];

  return (
    <section>
      <h1>{t(ui.nav.archive)}</h1>
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
      <FilterForm aria-label={t({ vi: 'Tìm văn bản', en: 'Find documents' })} onApply={() => setApplied(filters())}>
        {/* Province staff look into one unit of their province (read-only). */}
        <LocalityPicker testId="archive-locality" value={locality()} onChange={(code) => setParams({ locality: code })} />
        <Field label={{ vi: 'Tìm trong thông tin và nội dung (không cần dấu)', en: 'Search details and text (accents optional)' }}>
          <input
            name="q"
            type="search"
            size="28"
            placeholder={t({ vi: 'vd: ky ket quy che', en: 'e.g. ky ket quy che' })}
            value={q()}
            onInput={(e) => setQ(e.currentTarget.value)}
          />
        </Field>
        <Field label={{ vi: 'Loại', en: 'Type' }}>
          <select name="type" value={type()} onChange={(e) => setType(e.currentTarget.value)}>
            <option value="">{t({ vi: 'Tất cả', en: 'All' })}</option>
            <For each={documentTypes}>{(d) => <option value={d.code}>{`${d.code} — ${t(d)}`}</option>}</For>
          </select>
        </Field>
        <Field label={{ vi: 'Năm ký', en: 'Year signed' }}>
          <input name="year" inputmode="numeric" size="6" placeholder="2024" value={year()} onInput={(e) => setYear(e.currentTarget.value)} />
        </Field>
        <Field label={{ vi: 'Cơ quan', en: 'Agency' }}>
          <input name="agency" list="archive-agencies" size="14" value={agency()} onInput={(e) => setAgency(e.currentTarget.value)} />
          <datalist id="archive-agencies">
            <option value="HĐND" />
            <option value="UBND" />
            <option value="MTTQ" />
          </datalist>
        </Field>
        <label class="check">
          <input type="checkbox" name="signed" checked={signed()} onChange={(e) => setSigned(e.currentTarget.checked)} />{' '}
          {t({ vi: 'Có chữ ký số', en: 'Digitally signed' })}
        </label>
        <Show when={canAdmin(locality())}>
          <label class="check">
            <input type="checkbox" name="deleted" checked={deleted()} onChange={(e) => setDeleted(e.currentTarget.checked)} />{' '}
            {t({ vi: 'Văn bản đã xoá', en: 'Deleted documents' })}
          </label>
        </Show>
        <SubmitButton label={{ vi: 'Tìm kiếm', en: 'Search' }} busy={list.busy()} data-testid="archive-search" />
      </FilterForm>
      <PagedTable list={list} columns={columns} label={ui.nav.archive} testId="archive-results" emptyTestId="archive-empty" empty={empty} />
    </section>
  );
}
