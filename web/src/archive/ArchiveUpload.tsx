import { useNavigate } from '@solidjs/router';
import { createSignal, Show } from 'solid-js';
import { acceptedMimeTypes, MAX_FILE_BYTES } from '../../../shared/archive/schema.js';
import { ApiError } from '../api.js';
import { t } from '../i18n.js';
import { session } from '../session.js';
import { uploadFile, type UploadStep } from './api.js';
import { canWrite, createMetadataForm, formatBytes, MetadataFields, SignInFirst } from './common.jsx';

export const ACCEPT = ['.pdf', '.jpg', '.jpeg', '.png', '.docx', ...acceptedMimeTypes].join(',');

export const stepText: Record<UploadStep, { vi: string; en: string }> = {
  hashing: { vi: 'Đang tính SHA-256 trên máy bạn…', en: 'Computing SHA-256 on your device…' },
  declaring: { vi: 'Đang đăng ký tệp…', en: 'Declaring the file…' },
  uploading: { vi: 'Đang tải tệp lên kho lưu trữ…', en: 'Uploading to storage…' },
  checking: { vi: 'Đang kiểm tra nội dung và mã băm…', en: 'Checking content and hash…' },
};

/** New document: metadata + file; the file goes straight to S3 through a presigned URL. */
export function ArchiveUpload() {
  const navigate = useNavigate();
  const form = createMetadataForm();
  const [file, setFile] = createSignal<File | null>(null);
  const [step, setStep] = createSignal<UploadStep | null>(null);
  const [progress, setProgress] = createSignal(0);
  const [error, setError] = createSignal<string | null>(null);

  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    const f = file();
    if (!f) return setError(t({ vi: 'Chọn tệp cần lưu trữ', en: 'Choose the file to archive' }));
    if (f.size > MAX_FILE_BYTES) return setError(t({ vi: 'Tệp vượt quá 50 MB', en: 'The file exceeds 50 MB' }));
    setError(null);
    try {
      const doc = await uploadFile(f, { kind: 'new', document: form.value() }, (s, p) => {
        setStep(s);
        if (p !== undefined) setProgress(p);
      });
      navigate(`/archive/${doc.id}`);
    } catch (err) {
      setError(err instanceof ApiError ? err.text : String(err));
    } finally {
      setStep(null);
    }
  };

  return (
    <section>
      <h1>{t({ vi: 'Tải lên văn bản đã ký', en: 'Upload a signed document' })}</h1>
      <Show when={session()} fallback={<SignInFirst />}>
        <Show when={canWrite()} fallback={<p class="muted">{t({ vi: 'Vai trò của bạn chỉ được xem.', en: 'Your role is read-only.' })}</p>}>
          <form class="archive-form" onSubmit={submit} data-testid="archive-upload-form">
            <label>
              {t({ vi: 'Tệp (PDF, JPEG, PNG hoặc DOCX, tối đa 50 MB)', en: 'File (PDF, JPEG, PNG or DOCX, up to 50 MB)' })}
              <input name="file" type="file" accept={ACCEPT} required onChange={(e) => setFile(e.currentTarget.files?.[0] ?? null)} />
            </label>
            <Show when={file()}>{(f) => <p class="muted">{`${f().name} · ${formatBytes(f().size)}`}</p>}</Show>
            <MetadataFields form={form} />
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
              <button class="button" type="submit" disabled={step() !== null} data-testid="archive-submit">
                {t({ vi: 'Lưu vào kho', en: 'Archive it' })}
              </button>
            </div>
          </form>
        </Show>
      </Show>
    </section>
  );
}
