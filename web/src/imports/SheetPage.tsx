import { createSignal, For, type JSX, Show } from 'solid-js';
import type * as z from 'zod';
import type { RowChange } from '../../../shared/imports/schema.js';
import { api } from '../api.js';
import { t, type Text } from '../i18n.js';
import { createAction, ErrorAlert, Field, focusHeading, SubmitButton, BackLink } from '../ui/index.js';
import { canWrite, download, useLocality, withLocality } from '../agreements/common.jsx';

type Preview = { rows: number; changes: RowChange[]; unchanged: number; applied: boolean };

/**
 * One page for every template sheet (items, review results, recommendations): download the records
 * (or the empty template) as Excel or CSV, edit, upload; the preview lists what would be created or
 * changed, "Áp dụng" writes all of it or nothing. Uploading the same file again shows "0 thay đổi".
 */
export function SheetPage<P extends Preview>(props: {
  title: Text;
  back: { href: string; label: Text };
  /** The records' sheet: `GET ?format=`, `POST /preview`, `POST /apply`. */
  base: string;
  template: string;
  /** What the "Số TT" column identifies, for the hint. */
  identifies: Text;
  schema: z.ZodType<P>;
  /** The version the apply is conditioned on (If-Match), when the sheet has one. */
  ifMatch?: (p: P) => number;
  children?: JSX.Element;
}) {
  focusHeading();
  const locality = useLocality();
  const [file, setFile] = createSignal<File | null>(null);
  const [preview, setPreview] = createSignal<P | null>(null);
  const action = createAction();

  const send = (path: string, headers: Record<string, string> = {}) =>
    action.run(async () => {
      const f = file();
      if (!f) return null;
      const p = await api.post(path, undefined, props.schema, {
        body: await f.arrayBuffer(),
        headers: { 'content-type': 'application/octet-stream', ...headers },
      });
      setPreview(() => p);
      return p;
    });

  return (
    <section>
      <BackLink href={withLocality(props.back.href, locality())} label={props.back.label} />
      <h1>{t(props.title)}</h1>
      {props.children}
      <div class="actions">
        <button
          type="button"
          class="button secondary"
          data-testid="export-xlsx"
          onClick={() => action.run(() => download(withLocality(`${props.base}?format=xlsx`, locality())))}
        >
          {t({ vi: 'Tải dữ liệu (.xlsx)', en: 'Download (.xlsx)' })}
        </button>
        <button type="button" class="button secondary" onClick={() => action.run(() => download(withLocality(`${props.base}?format=csv`, locality())))}>
          {t({ vi: 'Tải dữ liệu (.csv)', en: 'Download (.csv)' })}
        </button>
        <Show when={canWrite(locality())}>
          <button type="button" class="button secondary" onClick={() => action.run(() => download(`${props.template}?format=xlsx`))}>
            {t({ vi: 'Tải mẫu trống', en: 'Download the empty template' })}
          </button>
        </Show>
      </div>
      <Show when={canWrite(locality())}>
        <form
          class="form"
          onSubmit={(e) => {
            e.preventDefault();
            void send(`${props.base}/preview`);
          }}
        >
          <Field
            label={{ vi: 'Tệp đã điền theo mẫu (.xlsx hoặc .csv)', en: 'Filled-in template (.xlsx or .csv)' }}
            hint={{
              vi: `Cột “Số TT” xác định ${props.identifies.vi}; dòng giống hệt hiện tại không thay đổi gì.`,
              en: `“Số TT” identifies ${props.identifies.en}; rows equal to the current ones change nothing.`,
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
              <section class="table-box" tabindex="0" aria-label={t({ vi: 'Các dòng sẽ tạo mới hoặc thay đổi', en: 'Rows to create or change' })}>
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
              </section>
              <Show when={!p().applied}>
                <SubmitButton
                  type="button"
                  label={{ vi: `Áp dụng ${p().changes.length} thay đổi`, en: `Apply ${p().changes.length} change(s)` }}
                  busy={action.busy()}
                  data-testid="sheet-apply"
                  onClick={() => void send(`${props.base}/apply`, props.ifMatch ? { 'if-match': `"${props.ifMatch(p())}"` } : {})}
                />
              </Show>
            </Show>
          </div>
        )}
      </Show>
    </section>
  );
}
