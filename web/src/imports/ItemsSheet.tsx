import { A, useParams } from '@solidjs/router';
import { createSignal, For, Show } from 'solid-js';
import { sheetPreviewSchema, type SheetPreview } from '../../../shared/imports/schema.js';
import { api } from '../api.js';
import { t } from '../i18n.js';
import { createAction, ErrorAlert, Field, focusHeading, SubmitButton } from '../ui/index.js';
import { canWrite, download, useLocality, withLocality } from '../agreements/common.jsx';

/**
 * A program's items as a spreadsheet: download the items (or the empty template) as Excel or CSV,
 * edit, upload; the preview lists what would be created or changed, "Áp dụng" writes all of it or
 * nothing. Uploading the same file again shows "0 thay đổi".
 */
export function ItemsSheet() {
  focusHeading();
  const params = useParams<{ id: string }>();
  const locality = useLocality();
  const [file, setFile] = createSignal<File | null>(null);
  const [preview, setPreview] = createSignal<SheetPreview | null>(null);
  const action = createAction();
  const base = () => `/api/imports/agreements/${params.id}/items`;

  const send = (path: string, headers: Record<string, string> = {}) =>
    action.run(async () => {
      const f = file();
      if (!f) return null;
      const p = await api.post(path, undefined, sheetPreviewSchema, {
        body: await f.arrayBuffer(),
        headers: { 'content-type': 'application/octet-stream', ...headers },
      });
      setPreview(p);
      return p;
    });

  return (
    <section>
      <p>
        <A href={withLocality(`/agreements/${params.id}`, locality())}>← {t({ vi: 'Quay lại văn bản', en: 'Back to the agreement' })}</A>
      </p>
      <h1>{t({ vi: 'Nội dung phối hợp: bảng tính Excel / CSV', en: 'Content items: Excel / CSV spreadsheet' })}</h1>
      <div class="actions">
        <button
          type="button"
          class="button secondary"
          data-testid="export-xlsx"
          onClick={() => action.run(() => download(withLocality(`${base()}?format=xlsx`, locality())))}
        >
          {t({ vi: 'Tải nội dung (.xlsx)', en: 'Download items (.xlsx)' })}
        </button>
        <button type="button" class="button secondary" onClick={() => action.run(() => download(withLocality(`${base()}?format=csv`, locality())))}>
          {t({ vi: 'Tải nội dung (.csv)', en: 'Download items (.csv)' })}
        </button>
        <Show when={canWrite(locality())}>
          <button type="button" class="button secondary" onClick={() => action.run(() => download('/api/imports/templates/items?format=xlsx'))}>
            {t({ vi: 'Tải mẫu trống', en: 'Download the empty template' })}
          </button>
        </Show>
      </div>
      <Show when={canWrite(locality())}>
        <form
          class="form"
          onSubmit={(e) => {
            e.preventDefault();
            void send(`${base()}/preview`);
          }}
        >
          <Field
            label={{ vi: 'Tệp đã điền theo mẫu (.xlsx hoặc .csv)', en: 'Filled-in template (.xlsx or .csv)' }}
            hint={{
              vi: 'Cột “Số TT” xác định nội dung; dòng giống hệt hiện tại không thay đổi gì.',
              en: '“Số TT” identifies the item; rows equal to the current items change nothing.',
            }}
          >
            <input
              type="file"
              name="sheet"
              accept=".xlsx,.csv"
              required
              data-testid="sheet-file"
              onChange={(e) => {
                setFile(e.currentTarget.files?.[0] ?? null);
                setPreview(null);
              }}
            />
          </Field>
          <SubmitButton label={{ vi: 'Xem trước', en: 'Preview' }} busy={action.busy()} secondary data-testid="sheet-preview" />
        </form>
      </Show>
      <ErrorAlert error={action.error()} />
      <Show when={preview()}>
        {(p) => (
          <div class="section" data-testid="sheet-result">
            <p role="status" data-testid="sheet-summary">
              {p().applied
                ? t({ vi: `Đã áp dụng ${p().changes.length} thay đổi.`, en: `Applied ${p().changes.length} change(s).` })
                : t({
                    vi: `${p().changes.length} thay đổi, ${p().unchanged} dòng giữ nguyên (${p().rows} dòng).`,
                    en: `${p().changes.length} change(s), ${p().unchanged} row(s) unchanged (${p().rows} rows).`,
                  })}
            </p>
            <Show when={p().changes.length}>
              <table class="table">
                <caption>{t({ vi: 'Các dòng sẽ tạo mới hoặc thay đổi', en: 'Rows to create or change' })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t({ vi: 'Dòng', en: 'Row' })}</th>
                    <th scope="col">{t({ vi: 'Số TT', en: 'No.' })}</th>
                    <th scope="col">{t({ vi: 'Nội dung', en: 'Item' })}</th>
                    <th scope="col">{t({ vi: 'Thay đổi', en: 'Change' })}</th>
                  </tr>
                </thead>
                <tbody>
                  <For each={p().changes}>
                    {(c) => (
                      <tr data-testid="sheet-change">
                        <td>{c.row}</td>
                        <td>{c.no}</td>
                        <td>{c.title}</td>
                        <td>{c.action === 'create' ? t({ vi: 'Thêm mới', en: 'New' }) : c.columns.join(', ')}</td>
                      </tr>
                    )}
                  </For>
                </tbody>
              </table>
              <Show when={!p().applied}>
                <SubmitButton
                  type="button"
                  label={{ vi: `Áp dụng ${p().changes.length} thay đổi`, en: `Apply ${p().changes.length} change(s)` }}
                  busy={action.busy()}
                  data-testid="sheet-apply"
                  onClick={() => void send(`${base()}/apply`, { 'if-match': `"${p().agreementVersion}"` })}
                />
              </Show>
            </Show>
          </div>
        )}
      </Show>
    </section>
  );
}
