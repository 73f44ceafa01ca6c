import { createSignal, Show } from 'solid-js';
import { acceptedMimeTypes } from '../../../shared/archive/schema.js';
import { t } from '../i18n.js';
import { createAction } from '../ui/index.js';
import { type UploadStep, uploadFile } from './api.js';

export const ACCEPT = ['.pdf', '.jpg', '.jpeg', '.png', '.docx', ...acceptedMimeTypes].join(',');

export const stepText: Record<UploadStep, { vi: string; en: string }> = {
  hashing: { vi: 'Đang tính SHA-256 trên máy bạn…', en: 'Computing SHA-256 on your device…' },
  declaring: { vi: 'Đang đăng ký tệp…', en: 'Declaring the file…' },
  uploading: { vi: 'Đang tải tệp lên kho lưu trữ…', en: 'Uploading to storage…' },
  checking: { vi: 'Đang kiểm tra nội dung và mã băm…', en: 'Checking content and hash…' },
};

/** One upload (declare → PUT → complete) with its step, progress, busy state and error. */
export function createUpload() {
  const [step, setStep] = createSignal<UploadStep | null>(null);
  const [progress, setProgress] = createSignal(0);
  const action = createAction();
  const upload = (file: File, target: Parameters<typeof uploadFile>[1]) =>
    action.run(async () => {
      try {
        return await uploadFile(file, target, (s, p) => {
          setStep(s);
          if (p !== undefined) setProgress(p);
        });
      } finally {
        setStep(null);
      }
    });
  return { step, progress, action, upload };
}

/** Where an upload is, with a named progress bar while the file travels. */
export function UploadStatus(props: { upload: ReturnType<typeof createUpload> }) {
  return (
    <Show when={props.upload.step()}>
      {(s) => (
        <p role="status">
          {t(stepText[s()])}{' '}
          <Show when={s() === 'uploading'}>
            <progress max="1" value={props.upload.progress()} aria-label={t(stepText.uploading)} />
          </Show>
        </p>
      )}
    </Show>
  );
}
