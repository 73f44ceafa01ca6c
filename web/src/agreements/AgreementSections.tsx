import { A } from '@solidjs/router';
import { For, type JSX, Show } from 'solid-js';
import { type AgreementDetail as Detail, reviewTitle, trackingStatuses } from '../../../shared/agreements/schema.js';
import { formatDate, formatDateTime } from '../../../shared/format.js';
import { lang, type Text, t } from '../i18n.js';
import { createAction, createSelection } from '../ui/index.js';
import { BulkItems } from './BulkItems.jsx';
import { agencyName, download, ProgressBar, withLocality } from './common.jsx';
import { ItemCard } from './ItemCard.jsx';

/** The agreement's body, read-only: summary and areas, items (each with its progress form), chapters, signing, documents, reviews. */
export function AgreementSections(props: { detail: Detail; writable: boolean; locality: string | null; reload: () => Promise<void> }) {
  const d = () => props.detail;
  const a = () => props.detail.agreement;
  const writable = () => props.writable;
  const locality = () => props.locality;
  const action = createAction();
  const selection = createSelection();
  // Bulk changes: a draft's items (status, deadline, lead) or a signed program's (status).
  const bulk = () => writable() && (a().status === 'draft' || trackingStatuses.includes(a().status));
  return (
    <>
      <Show when={a().summary || a().areas.length}>
        <div class="section">
          <Show when={a().summary}>
            <p class="pre-line">{a().summary}</p>
          </Show>
          <Show when={a().areas.length}>
            <h2>{t({ vi: 'Lĩnh vực phối hợp', en: 'Coordination areas' })}</h2>
            <ul>
              <For each={a().areas}>{(x) => <li>{x}</li>}</For>
            </ul>
          </Show>
        </div>
      </Show>

      <Show when={d().items.length}>
        <div class="section" data-testid="items">
          <h2>
            {t({ vi: 'Nội dung phối hợp', en: 'Content items' })} — {a().itemStats.byStatus.done}/{a().itemStats.total} {t({ vi: 'hoàn thành', en: 'done' })}
          </h2>
          <ProgressBar value={a().itemStats.averageProgress} label={t({ vi: 'Tiến độ chung', en: 'Overall progress' })} />
          <Show when={bulk()}>
            <BulkItems agreement={a()} items={d().items} selection={selection} reload={() => void props.reload()} />
          </Show>
          <For each={d().items}>
            {(item) => (
              <ItemCard
                item={item}
                agreementId={a().id}
                tracking={writable() && trackingStatuses.includes(a().status)}
                onSaved={() => void props.reload()}
                selection={bulk() ? selection : undefined}
              />
            )}
          </For>
        </div>
      </Show>

      <Show when={d().chapters.length}>
        <Section title={{ vi: 'Chương, điều', en: 'Chapters and articles' }} testId="chapters">
          <For each={d().chapters}>
            {(ch) => (
              <div>
                <h3>
                  {t({ vi: 'Chương', en: 'Chapter' })} {ch.no}
                  {ch.title ? `. ${ch.title}` : ''}
                  <Show when={ch.placeholder}>
                    <span class="placeholder-note"> ({t({ vi: 'giữ chỗ: nguồn không nêu', en: 'placeholder: not in the source' })})</span>
                  </Show>
                </h3>
                <For each={ch.articles}>
                  {(art) => (
                    <div>
                      <p>
                        <strong>
                          {t({ vi: 'Điều', en: 'Article' })} {art.no}.{art.title ? ` ${art.title}` : ''}
                        </strong>
                        <Show when={art.placeholder}>
                          <span class="placeholder-note"> ({t({ vi: 'giữ chỗ', en: 'placeholder' })})</span>
                        </Show>
                      </p>
                      <Show when={art.text}>
                        <p class="pre-line">{art.text}</p>
                      </Show>
                    </div>
                  )}
                </For>
              </div>
            )}
          </For>
        </Section>
      </Show>

      <Show when={d().signing}>
        {(s) => (
          <Section title={{ vi: 'Ký kết', en: 'Signing' }} testId="signing">
            <p>
              {formatDate(s().signedOn)}
              {s().place ? ` — ${s().place}` : ''}
            </p>
            <ul>
              <For each={s().signatories}>
                {(x) => (
                  <li>
                    {[x.onBehalf, x.title, x.name ?? t({ vi: '(chưa ghi họ tên người ký)', en: '(signer’s name not recorded)' })].filter(Boolean).join(' — ')} (
                    {agencyName(x.agency)})
                  </li>
                )}
              </For>
            </ul>
            <Show when={props.writable && s().remarks}>
              <p class="remarks">{s().remarks}</p>
            </Show>
          </Section>
        )}
      </Show>

      <Show when={d().documents.length}>
        <Section title={{ vi: 'Văn bản đã ký trong kho lưu trữ', en: 'Signed documents in the archive' }} testId="documents">
          <ul>
            <For each={d().documents}>
              {(doc) => (
                <li>
                  <A href={`/archive/${doc.documentId}`}>{doc.numberSymbol || doc.documentId}</A> — {doc.summary}
                  {doc.signedOn ? ` (${formatDate(doc.signedOn)})` : ''}
                  <Show when={doc.period}>
                    {' · '}
                    {reviewTitle(doc.period!, lang())}
                  </Show>
                  <Show when={doc.deleted}>
                    <span class="badge">{t({ vi: 'đã xóa', en: 'deleted' })}</span>
                  </Show>
                </li>
              )}
            </For>
          </ul>
        </Section>
      </Show>

      <Section title={{ vi: 'Sơ kết, tổng kết', en: 'Reviews' }} testId="reviews">
        <Show when={d().reviews.length} fallback={<p class="muted">{t({ vi: 'Chưa có.', en: 'None yet.' })}</p>}>
          <For each={d().reviews}>
            {(r) => (
              <div class="item-card" data-testid="review">
                <div class="item-head">
                  <span class="item-title">{reviewTitle(r.period, lang())}</span>
                  <span class="muted">
                    {formatDate(r.heldOn)}
                    {r.place ? ` — ${r.place}` : ''}
                  </span>
                </div>
                <Show when={r.commendations.collectives.count || r.commendations.individuals.count}>
                  <p>
                    {t({ vi: 'Khen thưởng', en: 'Commendations' })}: {r.commendations.collectives.count} {t({ vi: 'tập thể', en: 'collectives' })},{' '}
                    {r.commendations.individuals.count} {t({ vi: 'cá nhân', en: 'individuals' })}
                    {r.commendations.decidedBy ? ` (${r.commendations.decidedBy})` : ''}
                  </p>
                </Show>
                <Show when={r.shortcomings}>
                  <p class="pre-line">
                    <strong>{t({ vi: 'Tồn tại, hạn chế', en: 'Shortcomings' })}:</strong> {r.shortcomings}
                  </p>
                </Show>
                <div class="actions">
                  <button
                    type="button"
                    class="button secondary"
                    data-testid="export-review"
                    onClick={() => void action.run(() => download(withLocality(`/api/agreements/${a().id}/reviews/${r.period}/export.docx`, locality())))}
                  >
                    {t({ vi: 'Tải báo cáo (.docx)', en: 'Download report (.docx)' })}
                  </button>
                  <A
                    class="button secondary"
                    href={withLocality(`/agreements/${a().id}/reviews/${r.period}/results-sheet`, locality())}
                    data-testid="review-results-sheet"
                  >
                    {t({ vi: 'Kết quả từng nội dung (Excel)', en: 'Results per item (Excel)' })}
                  </A>
                  <Show when={writable()}>
                    <A class="button secondary" href={`/agreements/${a().id}/reviews/${r.period}`}>
                      {t({ vi: 'Sửa', en: 'Edit' })}
                    </A>
                    <A class="button secondary" href={`/archive/new?agreement=${a().id}&period=${r.period}`} data-testid="upload-signed-review">
                      {t({ vi: 'Tải bản ký lên', en: 'Upload the signed copy' })}
                    </A>
                  </Show>
                </div>
              </div>
            )}
          </For>
        </Show>
      </Section>
      <p class="muted">
        {t({ vi: 'Phiên bản', en: 'Version' })} {a().version} · {t({ vi: 'cập nhật', en: 'updated' })} {formatDateTime(a().updatedAt)} ·{' '}
        {t({ vi: 'quá hạn tính đến ngày', en: 'overdue as of' })} {formatDate(d().asOf)}
      </p>
    </>
  );
}

/** One part of the agreement's page: its heading, then what it holds. */
function Section(props: { title: Text; testId: string; children: JSX.Element }) {
  return (
    <div class="section" data-testid={props.testId}>
      <h2>{t(props.title)}</h2>
      {props.children}
    </div>
  );
}
