import { createResource, createSignal, Match, Show, Switch } from 'solid-js';
import type { DocumentDetail, DocumentVersion, VerifyResult } from '../../../shared/archive/schema.js';
import { formatDateTime } from '../../../shared/format.js';
import { t } from '../i18n.js';
import { useLocality } from '../tenancy/locality.jsx';
import { type Table, createAction, DataTable, ErrorAlert, SubmitButton } from '../ui/index.js';
import { fileUrl, verifyVersion } from './api.js';
import { formatBytes } from './common.jsx';
import { SignatureView } from './SignatureView.jsx';

/** What search can read of a file (search inside documents; no OCR). */
const textLabels: Record<NonNullable<DocumentVersion['text']>['status'], { vi: string; en: string }> = {
  indexed: { vi: 'Tìm được theo nội dung', en: 'Searchable by its text' },
  'no-text-layer': { vi: 'Không có lớp chữ (bản quét, ảnh): chỉ tìm theo thông tin văn bản', en: 'No text layer (scan, image): found by its details only' },
  'not-extracted': { vi: 'Không đọc được nội dung để tìm kiếm', en: 'Its text could not be read for search' },
};

/** The version chain, newest first: file, SHA-256, who stored it; view, download, verify. */
export function VersionTable(props: { doc: DocumentDetail; onPreview: (versionNo: number) => void }) {
  const versionTable: Table<DocumentVersion> = {
    columns: [
      {
        id: 'no',
        header: { vi: 'Phiên bản', en: 'Version' },
        cell: (v) => (
          <>
            {v.versionNo}{' '}
            <Show when={v.current}>
              <span class="archive-badge">{t({ vi: 'hiện hành', en: 'current' })}</span>
            </Show>
          </>
        ),
      },
      {
        id: 'file',
        header: { vi: 'Tệp', en: 'File' },
        cell: (v) => (
          <>
            {v.fileName}
            <br />
            <span class="muted">{formatBytes(v.size)}</span>
            <Show when={v.note}>
              <br />
              <em>{v.note}</em>
            </Show>
            <Show when={v.text}>
              {(text) => (
                <>
                  <br />
                  <span class="muted" data-testid={`text-${v.versionNo}`}>
                    {t(textLabels[text().status])}
                    {text().truncated ? ` ${t({ vi: '(phần đầu)', en: '(the beginning)' })}` : ''}
                  </span>
                </>
              )}
            </Show>
          </>
        ),
      },
      {
        id: 'sha',
        header: { vi: 'SHA-256', en: 'SHA-256' },
        cell: (v) => (
          <span class="archive-hash" title={v.sha256}>
            {v.sha256}
          </span>
        ),
      },
      {
        id: 'uploaded',
        header: { vi: 'Tải lên', en: 'Uploaded' },
        cell: (v) => (
          <>
            {v.uploadedBy.name ?? v.uploadedBy.email}
            <br />
            {formatDateTime(v.uploadedAt)}
          </>
        ),
      },
      {
        id: 'actions',
        header: { vi: 'Thao tác', en: 'Actions' },
        hiddenHeader: true,
        cell: (v) => <VersionActions doc={props.doc} v={v} onPreview={() => props.onPreview(v.versionNo)} />,
      },
    ],
    label: { vi: 'Các phiên bản tệp', en: 'File versions' },
    testId: 'versions',
    rowAttrs: (v) => ({ 'data-testid': `version-${v.versionNo}` }),
  };
  return <DataTable rows={[...props.doc.versions].reverse()} {...versionTable} stack />;
}

function VersionActions(props: { doc: DocumentDetail; v: DocumentVersion; onPreview: () => void }) {
  const locality = useLocality();
  const [result, setResult] = createSignal<VerifyResult | null>(null);
  const action = createAction();
  const verify = async () => {
    const r = await action.run(() => verifyVersion(props.doc.id, props.v.versionNo, locality()));
    if (r) setResult(r);
  };
  const download = async () => {
    const file = await action.run(() => fileUrl(props.doc.id, props.v.versionNo, 'attachment', locality()));
    if (file) window.location.assign(file.url);
  };
  return (
    <>
      <div class="archive-actions">
        <button type="button" class="button link" onClick={() => props.onPreview()}>
          {t({ vi: 'Xem', en: 'View' })}
        </button>
        <button type="button" class="button link" onClick={() => void download()} data-testid={`download-${props.v.versionNo}`}>
          {t({ vi: 'Tải xuống', en: 'Download' })}
        </button>
        <SubmitButton
          type="button"
          secondary
          label={
            props.v.kind === 'pdf'
              ? { vi: 'Kiểm tra toàn vẹn và chữ ký số', en: 'Verify integrity and signatures' }
              : { vi: 'Kiểm tra toàn vẹn', en: 'Verify integrity' }
          }
          busy={action.busy()}
          onClick={() => void verify()}
          data-testid={`verify-${props.v.versionNo}`}
        />
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
      <Show when={result()?.signature}>{(check) => <SignatureView check={check()} testId={`verify-signature-${props.v.versionNo}`} />}</Show>
      <ErrorAlert error={action.error()} />
    </>
  );
}

/** PDF in the page (presigned inline GET in an iframe), images as images; DOCX can only be downloaded. */
export function Preview(props: { doc: DocumentDetail; v: DocumentVersion }) {
  const locality = useLocality();
  const [url] = createResource(
    () => ({ id: props.doc.id, n: props.v.versionNo, kind: props.v.kind }),
    async (k) => (k.kind === 'docx' ? null : (await fileUrl(k.id, k.n, 'inline', locality())).url),
  );
  return (
    <Switch>
      <Match when={props.v.kind === 'docx'}>
        <p class="muted">
          {t({ vi: 'Tệp DOCX không xem trước được trong trang; hãy tải xuống.', en: 'DOCX files cannot be previewed in the page; download it.' })}
        </p>
      </Match>
      <Match when={url.error}>
        <ErrorAlert error={url.error} />
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
