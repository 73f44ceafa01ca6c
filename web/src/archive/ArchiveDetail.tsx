import { A, useParams } from '@solidjs/router';
import { createEffect, createResource, createSignal, For, Match, on, Show, Switch } from 'solid-js';
import type { DocumentDetail, DocumentVersion, VerifyResult } from '../../../shared/archive/schema.js';
import { formatDate, formatDateTime } from '../../../shared/format.js';
import { ApiError } from '../api.js';
import { t, ui } from '../i18n.js';
import { session } from '../session.js';
import { deleteDocument, fileUrl, getDocument, restoreDocument, updateDocument, uploadFile, verifyVersion, type UploadStep } from './api.js';
import { useLocality, withLocality } from '../tenancy/locality.jsx';
import { canAdmin, canWrite, createMetadataForm, formatBytes, LinkView, MetadataFields, SignInFirst, typeLabel } from './common.jsx';
import { ACCEPT, stepText } from './ArchiveUpload.jsx';

const errText = (err: unknown) => (err instanceof ApiError ? err.text : String(err));

/** One document: metadata, links, version chain, preview, download, integrity check, corrections, soft delete. */
export function ArchiveDetail() {
  const params = useParams();
  const locality = useLocality();
  const [doc, { mutate, refetch }] = createResource(
    () => (session() ? { id: params.id!, locality: locality() } : undefined),
    (k) => getDocument(k.id, k.locality),
  );
  return (
    <section>
      <p>
        <A href={withLocality('/archive', locality())}>← {t(ui.nav.archive)}</A>
      </p>
      <Show when={session()} fallback={<SignInFirst />}>
        <Switch>
          <Match when={doc.loading && !doc.latest}>
            <p>{t(ui.loading)}</p>
          </Match>
          <Match when={doc.error}>
            <p class="error" role="alert">
              {errText(doc.error)}
            </p>
          </Match>
          <Match when={doc.latest}>{(d) => <DocumentView doc={d()} onChange={(next) => (next ? mutate(next) : void refetch())} />}</Match>
        </Switch>
      </Show>
    </section>
  );
}

function DocumentView(props: { doc: DocumentDetail; onChange: (d?: DocumentDetail) => void }) {
  const locality = useLocality();
  const d = () => props.doc;
  const [previewOf, setPreviewOf] = createSignal<number>(d().latestVersionNo);
  const [editing, setEditing] = createSignal(false);
  createEffect(on(() => d().latestVersionNo, (n) => setPreviewOf(n)));
  return (
    <>
      <h1 data-testid="doc-title">
        {typeLabel(d().type)} {d().numberSymbol}
      </h1>
      <Show when={d().deleted}>
        {(del) => (
          <p class="error" role="status" data-testid="doc-deleted">
            {t({ vi: 'Văn bản đã bị xoá (có thể khôi phục)', en: 'This document is deleted (restorable)' })}: {del().reason} — {del().by.name ?? del().by.email},{' '}
            {formatDateTime(del().at)}
          </p>
        )}
      </Show>
      <Show when={!editing()} fallback={<EditForm doc={d()} onDone={(next) => { setEditing(false); if (next) props.onChange(next); }} />}>
        <dl class="facts" data-testid="doc-facts">
          <dt>{t({ vi: 'Trích yếu', en: 'Summary' })}</dt>
          <dd>{d().summary}</dd>
          <dt>{t({ vi: 'Ngày ký', en: 'Signed on' })}</dt>
          <dd>{formatDate(d().signedOn)}</dd>
          <dt>{t({ vi: 'Cơ quan ban hành', en: 'Issued by' })}</dt>
          <dd>{d().issuingAgencies.join('; ')}</dd>
          <dt>{t({ vi: 'Người ký', en: 'Signers' })}</dt>
          <dd>{d().signers.map((s) => [s.name, s.title, s.agency].filter(Boolean).join(', ')).join('; ') || '—'}</dd>
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
            <button class="button secondary" onClick={() => setEditing(true)}>
              {t({ vi: 'Sửa thông tin văn bản', en: 'Edit details' })}
            </button>
          </p>
        </Show>
      </Show>

      <div class="archive-section">
        <h2>{t({ vi: 'Các phiên bản tệp', en: 'File versions' })}</h2>
        <p class="muted">
          {t({
            vi: 'Bản gốc không bao giờ bị ghi đè: mỗi lần đính chính là một phiên bản mới. SHA-256 được tính khi lưu và có thể kiểm tra lại bất kỳ lúc nào.',
            en: 'Originals are never overwritten: each correction is a new version. SHA-256 is computed when stored and can be re-checked at any time.',
          })}
        </p>
        <table class="archive-table" data-testid="versions">
          <thead>
            <tr>
              <th>{t({ vi: 'Phiên bản', en: 'Version' })}</th>
              <th>{t({ vi: 'Tệp', en: 'File' })}</th>
              <th>SHA-256</th>
              <th>{t({ vi: 'Tải lên', en: 'Uploaded' })}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            <For each={[...d().versions].reverse()}>
              {(v) => <VersionRow doc={d()} v={v} onPreview={() => setPreviewOf(v.versionNo)} />}
            </For>
          </tbody>
        </table>
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

function VersionRow(props: { doc: DocumentDetail; v: DocumentVersion; onPreview: () => void }) {
  const locality = useLocality();
  const [result, setResult] = createSignal<VerifyResult | null>(null);
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  const verify = async () => {
    setBusy(true);
    setError(null);
    try {
      setResult(await verifyVersion(props.doc.id, props.v.versionNo, locality()));
    } catch (err) {
      setError(errText(err));
    } finally {
      setBusy(false);
    }
  };
  const download = async () => {
    try {
      const { url } = await fileUrl(props.doc.id, props.v.versionNo, 'attachment', locality());
      window.location.assign(url);
    } catch (err) {
      setError(errText(err));
    }
  };
  return (
    <tr data-testid={`version-${props.v.versionNo}`}>
      <td>
        {props.v.versionNo}{' '}
        <Show when={props.v.current}>
          <span class="archive-badge">{t({ vi: 'hiện hành', en: 'current' })}</span>
        </Show>
      </td>
      <td>
        {props.v.fileName}
        <br />
        <span class="muted">{formatBytes(props.v.size)}</span>
        <Show when={props.v.note}>
          <br />
          <em>{props.v.note}</em>
        </Show>
      </td>
      <td class="archive-hash" title={props.v.sha256}>
        {props.v.sha256}
      </td>
      <td>
        {props.v.uploadedBy.name ?? props.v.uploadedBy.email}
        <br />
        {formatDateTime(props.v.uploadedAt)}
      </td>
      <td>
        <div class="archive-actions">
          <button class="button link" onClick={() => props.onPreview()}>
            {t({ vi: 'Xem', en: 'View' })}
          </button>
          <button class="button link" onClick={() => void download()} data-testid={`download-${props.v.versionNo}`}>
            {t({ vi: 'Tải xuống', en: 'Download' })}
          </button>
          <button class="button secondary" disabled={busy()} onClick={() => void verify()} data-testid={`verify-${props.v.versionNo}`}>
            {t({ vi: 'Kiểm tra toàn vẹn', en: 'Verify integrity' })}
          </button>
        </div>
        <Show when={result()}>
          {(r) => (
            <p data-testid={`verify-result-${props.v.versionNo}`} class={r().ok ? 'ok' : 'error'} role="status">
              {r().ok
                ? t({ vi: `Khớp SHA-256 (kiểm tra lúc ${formatDateTime(r().checkedAt)})`, en: `SHA-256 matches (checked ${formatDateTime(r().checkedAt)})` })
                : t({ vi: 'KHÔNG khớp: tệp trong kho đã bị thay đổi hoặc mất!', en: 'MISMATCH: the stored file was changed or is missing!' })}
              <Show when={!r().ok}>
                <br />
                <span class="archive-hash">{`${t({ vi: 'Tính được', en: 'Computed' })}: ${r().actual || '—'}`}</span>
              </Show>
            </p>
          )}
        </Show>
        <Show when={error()}>
          <p class="error" role="alert">
            {error()}
          </p>
        </Show>
      </td>
    </tr>
  );
}

/** PDF in the page (presigned inline GET in an iframe), images as images; DOCX can only be downloaded. */
function Preview(props: { doc: DocumentDetail; v: DocumentVersion }) {
  const locality = useLocality();
  const [url] = createResource(
    () => ({ id: props.doc.id, n: props.v.versionNo, kind: props.v.kind }),
    async (k) => (k.kind === 'docx' ? null : (await fileUrl(k.id, k.n, 'inline', locality())).url),
  );
  return (
    <Switch>
      <Match when={props.v.kind === 'docx'}>
        <p class="muted">{t({ vi: 'Tệp DOCX không xem trước được trong trang; hãy tải xuống.', en: 'DOCX files cannot be previewed in the page; download it.' })}</p>
      </Match>
      <Match when={url.error}>
        <p class="error">{errText(url.error)}</p>
      </Match>
      <Match when={url()}>
        {(u) =>
          props.v.kind === 'pdf' ? (
            <iframe class="archive-preview" data-testid="preview" title={props.v.fileName} src={u()} />
          ) : (
            <img class="archive-preview-img" data-testid="preview" alt={props.v.fileName} src={u()} />
          )
        }
      </Match>
    </Switch>
  );
}

function EditForm(props: { doc: DocumentDetail; onDone: (d?: DocumentDetail) => void }) {
  const form = createMetadataForm(props.doc);
  const [error, setError] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal(false);
  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      props.onDone(await updateDocument(props.doc.id, props.doc.version, form.value()));
    } catch (err) {
      setError(errText(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="archive-form" onSubmit={submit}>
      <MetadataFields form={form} />
      <Show when={error()}>
        <p class="error" role="alert">
          {error()}
        </p>
      </Show>
      <div class="archive-actions">
        <button class="button" type="submit" disabled={busy()}>
          {t({ vi: 'Lưu thay đổi', en: 'Save changes' })}
        </button>
        <button class="button secondary" type="button" onClick={() => props.onDone()}>
          {t({ vi: 'Huỷ', en: 'Cancel' })}
        </button>
      </div>
    </form>
  );
}

function NewVersionForm(props: { doc: DocumentDetail; onDone: (d: DocumentDetail) => void }) {
  const [file, setFile] = createSignal<File | null>(null);
  const [note, setNote] = createSignal('');
  const [step, setStep] = createSignal<UploadStep | null>(null);
  const [progress, setProgress] = createSignal(0);
  const [error, setError] = createSignal<string | null>(null);
  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    const f = file();
    if (!f) return;
    setError(null);
    try {
      const next = await uploadFile(f, { kind: 'version', documentId: props.doc.id, version: props.doc.version, note: note() }, (s, p) => {
        setStep(s);
        if (p !== undefined) setProgress(p);
      });
      setNote('');
      props.onDone(next);
    } catch (err) {
      setError(errText(err));
    } finally {
      setStep(null);
    }
  };
  return (
    <div class="archive-section">
      <h2>{t({ vi: 'Tải lên bản đính chính (phiên bản mới)', en: 'Upload a correction (new version)' })}</h2>
      <form class="archive-form" onSubmit={submit}>
        <label>
          {t({ vi: 'Tệp', en: 'File' })}
          <input name="version-file" type="file" accept={ACCEPT} required onChange={(e) => setFile(e.currentTarget.files?.[0] ?? null)} />
        </label>
        <label>
          {t({ vi: 'Lý do đính chính', en: 'Reason for the correction' })}
          <input name="version-note" required value={note()} onInput={(e) => setNote(e.currentTarget.value)} />
        </label>
        <Show when={error()}>
          <p class="error" role="alert">
            {error()}
          </p>
        </Show>
        <Show when={step()}>
          {(s) => (
            <p role="status">
              {t(stepText[s()])} <Show when={s() === 'uploading'}><progress max="1" value={progress()} /></Show>
            </p>
          )}
        </Show>
        <div>
          <button class="button secondary" type="submit" disabled={step() !== null}>
            {t({ vi: 'Lưu phiên bản mới', en: 'Save new version' })}
          </button>
        </div>
      </form>
    </div>
  );
}

function DeleteRestore(props: { doc: DocumentDetail; onDone: (d: DocumentDetail) => void }) {
  const [reason, setReason] = createSignal('');
  const [error, setError] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal(false);
  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const next = props.doc.deleted
        ? await restoreDocument(props.doc.id, props.doc.version, reason())
        : await deleteDocument(props.doc.id, props.doc.version, reason());
      setReason('');
      props.onDone(next);
    } catch (err) {
      setError(errText(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div class="archive-section">
      <h2>{props.doc.deleted ? t({ vi: 'Khôi phục văn bản', en: 'Restore the document' }) : t({ vi: 'Xoá văn bản (có thể khôi phục)', en: 'Delete the document (restorable)' })}</h2>
      <form class="archive-form" onSubmit={submit}>
        <label>
          {t({ vi: 'Lý do (ghi vào nhật ký thay đổi)', en: 'Reason (recorded in the audit log)' })}
          <input name="reason" required={!props.doc.deleted} minlength={props.doc.deleted ? 0 : 5} value={reason()} onInput={(e) => setReason(e.currentTarget.value)} />
        </label>
        <Show when={error()}>
          <p class="error" role="alert">
            {error()}
          </p>
        </Show>
        <div>
          <button class="button secondary" type="submit" disabled={busy()} data-testid={props.doc.deleted ? 'restore' : 'delete'}>
            {props.doc.deleted ? t({ vi: 'Khôi phục', en: 'Restore' }) : t({ vi: 'Xoá', en: 'Delete' })}
          </button>
        </div>
      </form>
    </div>
  );
}
