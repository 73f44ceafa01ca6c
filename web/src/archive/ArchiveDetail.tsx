import { A, useParams } from '@solidjs/router';
import { createEffect, createResource, createSignal, For, on, Show } from 'solid-js';
import type { DocumentDetail } from '../../../shared/archive/schema.js';
import { formatDate, formatDateTime } from '../../../shared/format.js';
import { t, ui, type Text } from '../i18n.js';
import { useLocality, withLocality } from '../tenancy/locality.jsx';
import { Async, focusHeading, BackLink } from '../ui/index.js';
import { getDocument } from './api.js';
import { canAdmin, canWrite, LinkView, typeLabel } from './common.jsx';
import { DeleteRestore, EditForm, NewVersionForm } from './DocumentForms.jsx';
import { SignatureView } from './SignatureView.jsx';
import { Preview, VersionTable } from './Versions.jsx';

/** Under "Các phiên bản tệp": why there are versions at all. */
const versionsExplained: Text = {
  vi: 'Bản gốc không bao giờ bị ghi đè: mỗi lần đính chính là một phiên bản mới. SHA-256 được tính khi lưu và có thể kiểm tra lại bất kỳ lúc nào.',
  en: 'Originals are never overwritten: each correction is a new version. SHA-256 is computed when stored and can be re-checked at any time.',
};

/** One document: metadata, links, version chain, preview, download, integrity check, corrections, soft delete. */
export function ArchiveDetail() {
  focusHeading();
  const params = useParams();
  const locality = useLocality();
  const [doc, { mutate, refetch }] = createResource(
    () => ({ id: params.id!, locality: locality() }),
    (k) => getDocument(k.id, k.locality),
  );
  return (
    <section>
      <BackLink href={withLocality('/archive', locality())} label={ui.nav.archive} />
      <Async of={doc}>{(d) => <DocumentView doc={d()} onChange={(next) => (next ? mutate(next) : void refetch())} />}</Async>
    </section>
  );
}

/** The current version is a .docx or a PDF: what the import reads (a scan without text is refused there, with the reason). */
const importable = (d: DocumentDetail) => {
  const v = d.versions.find((x) => x.versionNo === d.latestVersionNo);
  return v?.kind === 'docx' || v?.kind === 'pdf';
};

function DocumentView(props: { doc: DocumentDetail; onChange: (d?: DocumentDetail) => void }) {
  const locality = useLocality();
  const d = () => props.doc;
  const [previewOf, setPreviewOf] = createSignal<number>(d().latestVersionNo);
  const [editing, setEditing] = createSignal(false);
  createEffect(
    on(
      () => d().latestVersionNo,
      (n) => setPreviewOf(n),
    ),
  );
  return (
    <>
      <h1 data-testid="doc-title">
        {typeLabel(d().type)} {d().numberSymbol}
      </h1>
      <Show when={d().deleted}>
        {(del) => (
          <p class="error" role="status" data-testid="doc-deleted">
            {t({ vi: 'Văn bản đã bị xoá (có thể khôi phục)', en: 'This document is deleted (restorable)' })}: {del().reason} — {del().by.name ?? del().by.email}
            , {formatDateTime(del().at)}
          </p>
        )}
      </Show>
      <Show
        when={!editing()}
        fallback={
          <EditForm
            doc={d()}
            onDone={(next) => {
              setEditing(false);
              if (next) props.onChange(next);
            }}
          />
        }
      >
        <dl class="facts" data-testid="doc-facts">
          <dt>{t({ vi: 'Trích yếu', en: 'Summary' })}</dt>
          <dd>{d().summary}</dd>
          <dt>{t({ vi: 'Ngày ký', en: 'Signed on' })}</dt>
          <dd>{formatDate(d().signedOn)}</dd>
          <dt>{t({ vi: 'Cơ quan ban hành', en: 'Issued by' })}</dt>
          <dd>{d().issuingAgencies.join('; ')}</dd>
          <dt>{t({ vi: 'Người ký', en: 'Signers' })}</dt>
          <dd>
            {d()
              .signers.map((s) => [s.name, s.title, s.agency].filter(Boolean).join(', '))
              .join('; ') || '—'}
          </dd>
          <dt>{t({ vi: 'Từ khoá', en: 'Tags' })}</dt>
          <dd>{d().tags.join(', ') || '—'}</dd>
          <dt>{t({ vi: 'Liên kết', en: 'Links' })}</dt>
          <dd data-testid="doc-links">
            <Show when={d().links.length} fallback="—">
              <For each={d().links}>{(l) => <LinkView link={l} />}</For>
            </Show>
          </dd>
          <dt>{t({ vi: 'Lưu trữ bởi', en: 'Archived by' })}</dt>
          <dd>
            {d().createdBy.name ?? d().createdBy.email}, {formatDateTime(d().createdAt)}
          </dd>
        </dl>
        <Show when={canWrite(locality()) && !d().deleted}>
          <p>
            <button type="button" class="button secondary" onClick={() => setEditing(true)}>
              {t({ vi: 'Sửa thông tin văn bản', en: 'Edit details' })}
            </button>{' '}
            {/* A Word or text PDF can become a draft agreement (the import page reads the current version). */}
            <Show when={importable(d())}>
              <A class="button secondary" href={`/agreements/import?document=${d().id}`} data-testid="import-as-draft">
                {t({ vi: 'Nhập thành dự thảo', en: 'Import as draft' })}
              </A>
            </Show>
          </p>
        </Show>
      </Show>

      <Show when={d().versions.find((v) => v.versionNo === previewOf())?.signature}>
        {(check) => (
          <div class="archive-section">
            <h2>{t({ vi: `Chữ ký số (phiên bản ${previewOf()})`, en: `Digital signatures (version ${previewOf()})` })}</h2>
            <SignatureView check={check()} />
          </div>
        )}
      </Show>

      <div class="archive-section">
        <h2>{t({ vi: 'Các phiên bản tệp', en: 'File versions' })}</h2>
        <p class="muted">{t(versionsExplained)}</p>
        <VersionTable doc={d()} onPreview={setPreviewOf} />
      </div>

      <div class="archive-section">
        <h2>{t({ vi: 'Xem trước', en: 'Preview' })}</h2>
        <Show when={d().versions.find((v) => v.versionNo === previewOf())}>{(v) => <Preview doc={d()} v={v()} />}</Show>
      </div>

      <Show when={canWrite(locality()) && !d().deleted}>
        <NewVersionForm doc={d()} onDone={(next) => props.onChange(next)} />
      </Show>
      <Show when={canAdmin(locality())}>
        <DeleteRestore doc={d()} onDone={(next) => props.onChange(next)} />
      </Show>
    </>
  );
}
