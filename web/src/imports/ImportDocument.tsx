import { useNavigate, useSearchParams } from '@solidjs/router';
import { createSignal, For, onMount, Show } from 'solid-js';
import { createStore } from 'solid-js/store';
import * as z from 'zod';
import { documentDetailSchema } from '../../../shared/archive/schema.js';
import { agreementSummarySchema, type AgreementKind } from '../../../shared/agreements/schema.js';
import { documentProposalSchema, MAX_DIRECT_UPLOAD_BYTES, type DocumentProposal } from '../../../shared/imports/schema.js';
import { api } from '../api.js';
import { t } from '../i18n.js';
import { createAction, ErrorAlert, Field, focusHeading, SubmitButton, BackLink } from '../ui/index.js';
import { uploadFile } from '../archive/api.js';
import { HeadingFields } from '../agreements/HeadingFields.jsx';
import { ArticlesReview, ItemsReview, SourceText } from './ReviewSections.jsx';
import { contentOf, type Review, reviewOf } from './review-form.js';
import './imports.css';

const saved = z.object({ agreement: agreementSummarySchema });
const archiveType: Record<AgreementKind, 'QC' | 'CTr' | 'KH'> = { regulation: 'QC', program: 'CTr', plan: 'KH' };

/**
 * "Nhập từ văn bản": a .docx or text-layer PDF (uploaded, or `?document=` from the archive) is read
 * into a proposed draft; the clerk checks each field beside the text it came from, corrects, merges
 * or splits items, then saves a normal draft. Nothing is written before "Lưu dự thảo".
 */
export function ImportDocument() {
  focusHeading();
  const navigate = useNavigate();
  const [params] = useSearchParams<{ document?: string }>();
  const [proposal, setProposal] = createSignal<DocumentProposal | null>(null);
  const [review, setReview] = createStore<Review>({} as Review);
  const [file, setFile] = createSignal<File | null>(null);
  const read = createAction();
  const save = createAction();
  const idempotencyKey = crypto.randomUUID();

  const show = (p: DocumentProposal) => {
    setReview(reviewOf(p));
    setProposal(p);
  };
  onMount(() => {
    const id = params.document;
    if (id) void read.run(async () => show(await api.post('/api/imports/documents/from-archive', { documentId: id }, documentProposalSchema)));
  });

  const readFile = async (e: SubmitEvent) => {
    e.preventDefault();
    const f = file();
    if (!f) return;
    await read.run(async () => {
      const p = await api.post(post('/api/imports/documents'), undefined, documentProposalSchema, {
        body: await f.arrayBuffer(),
        headers: { 'content-type': 'application/octet-stream' },
      });
      show(p);
    });
  };
  // The file goes as raw bytes through `init.body` (api.post adds no JSON body when given undefined).
  const post = (url: string) => `${url}?fileName=${encodeURIComponent(file()?.name ?? 'van-ban')}`;

  /** After the draft is saved: the source goes into (or is linked from) the archive when it can be. */
  const linkSource = async (p: DocumentProposal, agreementId: string) => {
    const link = { kind: 'agreement' as const, id: agreementId };
    if (p.source.documentId) {
      const d = await api.get(`/api/archive/documents/${p.source.documentId}`, documentDetailSchema);
      await api.patch(`/api/archive/documents/${d.id}`, { links: [...d.links, link], version: d.version }, documentDetailSchema);
    } else if (file() && p.signedOn) {
      await uploadFile(
        file()!,
        {
          kind: 'new',
          document: {
            type: archiveType[review.kind],
            numberSymbol: review.number,
            issuingAgencies: review.parties.map((x) => x.name).slice(0, 10),
            signedOn: p.signedOn,
            signers: p.signatories.filter((s) => s.name).map((s) => ({ name: s.name!, title: s.title ?? undefined })),
            summary: review.title,
            links: [link],
            tags: [],
          },
        },
        () => {},
      );
    }
  };

  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    const p = proposal();
    if (!p) return;
    const r = await save.run(() => api.post('/api/agreements', contentOf(review), saved, { headers: { 'idempotency-key': idempotencyKey } }));
    if (!r) return;
    // The draft is saved; a failed archive link does not undo it (the remarks keep the file's name and SHA-256).
    await linkSource(p, r.agreement.id).catch(() => undefined);
    navigate(`/agreements/${r.agreement.id}`);
  };

  return (
    <section>
      <BackLink href="/agreements" label={{ vi: 'Quay lại danh sách', en: 'Back to the list' }} />
      <h1>{t({ vi: 'Nhập từ văn bản Word hoặc PDF', en: 'Import from a Word or PDF document' })}</h1>
      <Show when={!proposal()}>
        <form class="form" onSubmit={readFile}>
          <Field
            label={{ vi: 'Tệp văn bản (.docx hoặc PDF có lớp chữ)', en: 'Document (.docx or PDF with a text layer)' }}
            hint={{
              vi: `Tối đa ${MAX_DIRECT_UPLOAD_BYTES / 1024 / 1024} MB; tệp lớn hơn: đưa vào kho văn bản rồi chọn “Nhập thành dự thảo”. Chưa lưu gì cho đến khi bạn bấm “Lưu dự thảo”.`,
              en: `Up to ${MAX_DIRECT_UPLOAD_BYTES / 1024 / 1024} MB; larger files: put them in the archive first. Nothing is saved until you press “Save draft”.`,
            }}
          >
            <input
              type="file"
              name="file"
              accept=".docx,.pdf"
              required
              data-testid="import-file"
              onChange={(e) => setFile(e.currentTarget.files?.[0] ?? null)}
            />
          </Field>
          <ErrorAlert error={read.error()} />
          <SubmitButton label={{ vi: 'Đọc văn bản', en: 'Read the document' }} busy={read.busy()} data-testid="import-read" />
        </form>
      </Show>
      <Show when={proposal()}>
        {(p) => (
          <form class="form" onSubmit={submit} data-testid="import-review">
            <p role="status">
              {t({
                vi: `Đã đọc “${p().source.fileName}” (${p().blocks.length} đoạn${p().source.pages ? `, ${p().source.pages} trang` : ''}) trong ${p().parseMs} ms. Kiểm tra từng mục bên cạnh văn bản gốc rồi lưu.`,
                en: `Read “${p().source.fileName}” (${p().blocks.length} paragraphs${p().source.pages ? `, ${p().source.pages} pages` : ''}) in ${p().parseMs} ms. Check each field beside the source, then save.`,
              })}
            </p>
            <Show when={p().unreadable.length}>
              <div class="alert warning" data-testid="import-unreadable">
                <p>{t({ vi: 'Những phần chưa đọc được (để trống, cần nhập tay):', en: 'Parts not read (left empty, to enter by hand):' })}</p>
                <ul>
                  <For each={p().unreadable}>{(u) => <li>{t({ vi: u.message_vi, en: u.message_en })}</li>}</For>
                </ul>
              </div>
            </Show>
            <div class="import-row">
              <div class="grid-form">
                <HeadingFields form={review} set={(patch) => setReview(patch)} />
                <Field label={{ vi: 'Trích yếu', en: 'Title' }} class="wide">
                  <input name="title" required value={review.title} onInput={(e) => setReview('title', e.currentTarget.value)} />
                </Field>
              </div>
              <SourceText
                blocks={p().blocks}
                src={[...(p().sources.kind ?? []), ...(p().sources.number ?? []), ...(p().sources.title ?? []), ...(p().sources.signedOn ?? [])]}
              />
            </div>
            <div class="import-row">
              <div>
                <h2>{t({ vi: 'Các bên tham gia', en: 'Parties' })}</h2>
                <For each={review.parties}>
                  {(party, i) => (
                    <Field label={{ vi: `Bên ${i() + 1}`, en: `Party ${i() + 1}` }}>
                      <input name={`party-${i()}`} value={party.name} onInput={(e) => setReview('parties', i(), 'name', e.currentTarget.value)} />
                    </Field>
                  )}
                </For>
              </div>
              <SourceText blocks={p().blocks} src={p().sources.parties} />
            </div>
            <div class="import-row">
              <Field label={{ vi: 'Phần mở đầu / tóm tắt', en: 'Preamble / summary' }}>
                <textarea name="summary" value={review.summary} onInput={(e) => setReview('summary', e.currentTarget.value)} />
              </Field>
              <SourceText blocks={p().blocks} src={p().sources.summary} />
            </div>
            <Show when={review.kind === 'regulation'} fallback={<ItemsReview review={review} set={setReview} blocks={p().blocks} />}>
              <ArticlesReview review={review} set={setReview} blocks={p().blocks} />
            </Show>
            <Field label={{ vi: 'Ghi chú nhập liệu', en: 'Data-entry remarks' }}>
              <textarea name="remarks" value={review.remarks} onInput={(e) => setReview('remarks', e.currentTarget.value)} />
            </Field>
            <ErrorAlert error={save.error()} />
            <div class="actions">
              <SubmitButton label={{ vi: 'Lưu dự thảo', en: 'Save draft' }} busy={save.busy()} data-testid="save-import" />
              <button type="button" class="button secondary" onClick={() => setProposal(null)}>
                {t({ vi: 'Đọc tệp khác', en: 'Read another file' })}
              </button>
            </div>
          </form>
        )}
      </Show>
    </section>
  );
}
