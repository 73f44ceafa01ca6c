import { useNavigate, useSearchParams } from '@solidjs/router';
import { createResource, createSignal, Show } from 'solid-js';
import { MAX_FILE_BYTES } from '../../../shared/archive/limits.js';
import { t } from '../i18n.js';
import { createDraft, DraftNotice, ErrorAlert, Field, focusHeading, SubmitButton, FileInput } from '../ui/index.js';
import { canWrite, createMetadataForm, formatBytes, MetadataFields, metadataLabels } from './common.jsx';
import { prefillFromAgreement } from './prefill.js';
import { ACCEPT, createUpload, UploadStatus } from './upload.jsx';

/** New document: metadata + file; the file goes straight to S3 through a presigned URL. */
export function ArchiveUpload() {
  focusHeading();
  const navigate = useNavigate();
  const form = createMetadataForm();
  const [file, setFile] = createSignal<File | null>(null);
  const upload = createUpload();
  // Opened from an agreement or a review ("Tải bản ký lên"): the form starts from that record.
  const [search] = useSearchParams<{ agreement?: string; period?: string }>();
  const [prefilled] = createResource(
    () => search.agreement ?? false,
    (id) => prefillFromAgreement(form, id, search.period ?? null).then(() => true),
  );
  // The metadata is kept as a draft; a file cannot be, it is chosen again.
  const draft = createDraft({
    key: () => `archive:new:${search.agreement ?? ''}:${search.period ?? ''}`,
    form: form.f,
    setForm: form.setF,
    ready: () => !search.agreement || prefilled.state === 'ready' || prefilled.state === 'errored',
  });

  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    const f = file();
    if (!f) return upload.action.setError({ vi: 'Chọn tệp cần lưu trữ', en: 'Choose the file to archive' });
    if (f.size > MAX_FILE_BYTES) return upload.action.setError({ vi: 'Tệp vượt quá 50 MB', en: 'The file exceeds 50 MB' });
    const doc = await upload.upload(f, { kind: 'new', document: form.value() });
    if (doc) {
      draft.saved();
      navigate(`/archive/${doc.id}`);
    }
  };

  return (
    <section>
      <h1>{t({ vi: 'Tải lên văn bản đã ký', en: 'Upload a signed document' })}</h1>
      <Show when={canWrite()} fallback={<p class="muted">{t({ vi: 'Vai trò của bạn chỉ được xem.', en: 'Your role is read-only.' })}</p>}>
        <DraftNotice draft={draft} />
        <form class="archive-form" onSubmit={submit} data-testid="archive-upload-form">
          <Field label={{ vi: 'Tệp (PDF, JPEG, PNG hoặc DOCX, tối đa 50 MB)', en: 'File (PDF, JPEG, PNG or DOCX, up to 50 MB)' }}>
            <FileInput name="file" accept={ACCEPT} required onFile={setFile} />
          </Field>
          <Show when={file()}>{(f) => <p class="muted">{`${f().name} · ${formatBytes(f().size)}`}</p>}</Show>
          <MetadataFields form={form} />
          <ErrorAlert error={upload.action.error()} labels={metadataLabels} />
          <UploadStatus upload={upload} />
          <div>
            <SubmitButton label={{ vi: 'Lưu vào kho', en: 'Archive it' }} busy={upload.action.busy()} data-testid="archive-submit" />
          </div>
        </form>
      </Show>
    </section>
  );
}
