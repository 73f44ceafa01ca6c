import { A } from '@solidjs/router';
import { createSignal, For, Show } from 'solid-js';
import type { CheckResult } from '../../../shared/archive/schema.js';
import { formatDateTime } from '../../../shared/format.js';
import { t, type Text } from '../i18n.js';
import { createAction, ErrorAlert, Field, focusHeading, FileInput, BackLink } from '../ui/index.js';
import { checkHash, sha256Of } from './api.js';

/** Under the heading (the page's own comment below says the same to developers). */
const howTheCheckWorks: Text = {
  vi: 'Chọn một tệp để biết kho có lưu đúng tệp đó (từng byte) hay không. Tệp được tính SHA-256 ngay trên máy bạn; chỉ mã băm được gửi đi.',
  en: 'Choose a file to learn whether the archive holds exactly that file. Its SHA-256 is computed on your device; only the hash is sent.',
};

/**
 * "Does the archive hold exactly this file?" The file's SHA-256 is computed in this browser
 * (SubtleCrypto); only the hash is sent, never the file.
 */
export function ArchiveCheck() {
  focusHeading();
  const [hash, setHash] = createSignal<string | null>(null);
  const [result, setResult] = createSignal<CheckResult | null>(null);
  const action = createAction();

  const check = async (file: File | undefined) => {
    setResult(null);
    setHash(null);
    action.setError(null);
    if (!file) return;
    await action.run(async () => {
      const sha = await sha256Of(file);
      if (!sha) throw new Error(t({ vi: 'Trình duyệt không hỗ trợ tính SHA-256 (cần HTTPS)', en: 'This browser cannot compute SHA-256 here (HTTPS needed)' }));
      setHash(sha);
      setResult(await checkHash(sha));
    });
  };

  return (
    <section>
      <BackLink href="/archive" label={{ vi: 'Kho văn bản', en: 'Document archive' }} />
      <h1>{t({ vi: 'Kiểm tra một tệp', en: 'Check a file' })}</h1>
      <p class="muted">{t(howTheCheckWorks)}</p>
      <form class="archive-form" onSubmit={(e) => e.preventDefault()}>
        <Field label={{ vi: 'Tệp cần kiểm tra', en: 'File to check' }}>
          <FileInput name="check-file" disabled={action.busy()} onFile={(file) => void (file && check(file))} />
        </Field>
      </form>
      <Show when={hash()}>
        <p>
          SHA-256:{' '}
          <span class="archive-hash" data-testid="check-hash">
            {hash()}
          </span>
        </p>
      </Show>
      <ErrorAlert error={action.error()} />
      <Show when={result()}>
        {(r) => (
          <div data-testid="check-result">
            <Show
              when={r().matches.length > 0}
              fallback={
                <p class="error">{t({ vi: 'Kho không có tệp nào trùng khớp với tệp này.', en: 'The archive holds no file identical to this one.' })}</p>
              }
            >
              <p class="ok">{t({ vi: 'Kho đang lưu đúng tệp này:', en: 'The archive holds exactly this file:' })}</p>
              <ul>
                <For each={r().matches}>
                  {(m) => (
                    <li>
                      <A href={`/archive/${m.documentId}`}>{m.fileName}</A>
                      {` — ${t({ vi: 'phiên bản', en: 'version' })} ${m.versionNo}`}
                      {m.current ? ` (${t({ vi: 'hiện hành', en: 'current' })})` : ` (${t({ vi: 'đã có bản đính chính', en: 'superseded' })})`}
                      {m.deleted ? ` · ${t({ vi: 'đã xoá', en: 'deleted' })}` : ''}
                      {`, ${t({ vi: 'lưu lúc', en: 'stored' })} ${formatDateTime(m.uploadedAt)}`}
                    </li>
                  )}
                </For>
              </ul>
            </Show>
          </div>
        )}
      </Show>
    </section>
  );
}
