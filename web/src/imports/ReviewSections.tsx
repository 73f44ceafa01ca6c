import { For, Show } from 'solid-js';
import type { SetStoreFunction } from 'solid-js/store';
import type { Party } from '../../../shared/agreements/schema.js';
import { formatDate } from '../../../shared/format.js';
import type { DocumentProposal } from '../../../shared/imports/schema.js';
import { t } from '../i18n.js';
import { Field, RemoveButton } from '../ui/index.js';
import { articleBody, itemBody, mergeUp, newArticle, newItem, type Review, splitOff, withArticleBody, withItemBody } from './review-form.js';

type Blocks = DocumentProposal['blocks'];

/** The document's own text a field was read from, shown beside it. */
export function SourceText(props: { blocks: Blocks; src: number[] | undefined }) {
  return (
    <aside class="import-source" aria-label={t({ vi: 'Văn bản gốc', en: 'Source text' })}>
      <Show when={props.src?.length} fallback={<p class="hint">{t({ vi: 'Không có trong văn bản gốc', en: 'Not in the source' })}</p>}>
        <For each={props.src}>
          {(i) => (
            <p>
              {props.blocks[i]?.label ? `${props.blocks[i]!.label} ` : ''}
              {props.blocks[i]?.text}
            </p>
          )}
        </For>
      </Show>
    </aside>
  );
}

function dueText(d: Review['items'][number]['due']): string {
  if (!d) return t({ vi: 'Không nêu thời hạn', en: 'No deadline stated' });
  return d.kind === 'date' ? `${t({ vi: 'trước ngày', en: 'by' })} ${formatDate(d.on)}` : `${formatDate(d.from)} – ${formatDate(d.to)}`;
}

function MoveButtons(props: { index: number; onMerge: () => void; onSplit: () => void; what: string }) {
  return (
    <div class="actions">
      <Show when={props.index > 0}>
        <button type="button" class="button secondary small" onClick={props.onMerge} data-testid="merge-up">
          {t({ vi: `Gộp vào ${props.what} trên`, en: `Merge into the ${props.what === 'mục' ? 'item' : 'article'} above` })}
        </button>
      </Show>
      <button type="button" class="button secondary small" onClick={props.onSplit} data-testid="split">
        {t({ vi: 'Tách dòng đầu thành mục mới', en: 'Split the first line off' })}
      </button>
    </div>
  );
}

/** Items of a program or plan: title, text, agencies and deadline beside their source. */
export function ItemsReview(props: { review: Review; set: SetStoreFunction<Review>; blocks: Blocks }) {
  const set = props.set;
  const lead = (v: string): Party | null => props.review.parties.find((p) => `${p.agency}|${p.name}` === v) ?? null;
  return (
    <>
      <h2>{t({ vi: 'Nội dung phối hợp', en: 'Content items' })}</h2>
      <For each={props.review.items}>
        {(it, i) => (
          <div class="import-row section" data-testid="import-item">
            <div class="grid-form">
              <Field label={{ vi: `Nội dung ${i() + 1}`, en: `Item ${i() + 1}` }} class="wide">
                <input name={`item-title-${i()}`} required value={it.title} onInput={(e) => set('items', i(), 'title', e.currentTarget.value)} />
              </Field>
              <Field label={{ vi: 'Mô tả', en: 'Description' }} class="wide">
                <textarea name={`item-description-${i()}`} value={it.description} onInput={(e) => set('items', i(), 'description', e.currentTarget.value)} />
              </Field>
              <Field label={{ vi: 'Cơ quan chủ trì', en: 'Lead agency' }}>
                <select name={`item-lead-${i()}`} onChange={(e) => set('items', i(), 'lead', lead(e.currentTarget.value))}>
                  <option value="">—</option>
                  <Show when={it.lead && !lead(`${it.lead.agency}|${it.lead.name}`)}>
                    <option value={`${it.lead!.agency}|${it.lead!.name}`} selected>
                      {it.lead!.name}
                    </option>
                  </Show>
                  <For each={props.review.parties}>
                    {(p) => (
                      <option value={`${p.agency}|${p.name}`} selected={it.lead?.name === p.name}>
                        {p.name}
                      </option>
                    )}
                  </For>
                </select>
              </Field>
              <Field label={{ vi: 'Cơ quan phối hợp (cách nhau bởi dấu phẩy)', en: 'Cooperating (comma-separated)' }}>
                <input name={`item-cooperating-${i()}`} value={it.cooperating} onInput={(e) => set('items', i(), 'cooperating', e.currentTarget.value)} />
              </Field>
              <Field label={{ vi: 'Hạn (đến ngày)', en: 'Deadline (by)' }} hint={{ vi: dueText(it.due), en: dueText(it.due) }}>
                <input
                  type="date"
                  name={`item-due-${i()}`}
                  value={it.due?.kind === 'date' ? it.due.on : (it.due?.to ?? '')}
                  onChange={(e) => set('items', i(), 'due', e.currentTarget.value ? { kind: 'date', on: e.currentTarget.value } : null)}
                />
              </Field>
            </div>
            <SourceText blocks={props.blocks} src={it.src} />
            <MoveButtons
              index={i()}
              what="mục"
              onMerge={() => set('items', (l) => mergeUp(l, i(), itemBody, withItemBody))}
              onSplit={() => set('items', (l) => splitOff(l, i(), itemBody, newItem, withItemBody))}
            />
            <RemoveButton onClick={() => set('items', (l) => l.filter((_, j) => j !== i()))} />
          </div>
        )}
      </For>
    </>
  );
}

/** Chapters and articles of a regulation, each article beside its source. */
export function ArticlesReview(props: { review: Review; set: SetStoreFunction<Review>; blocks: Blocks }) {
  const set = props.set;
  const articleNo = (c: number, a: number) => props.review.chapters.slice(0, c).reduce((n, ch) => n + ch.articles.length, 0) + a + 1;
  return (
    <For each={props.review.chapters}>
      {(ch, c) => (
        <div class="section" data-testid="import-chapter">
          <div class="import-row">
            <Field label={{ vi: `Chương ${c() + 1}`, en: `Chapter ${c() + 1}` }}>
              <input name={`chapter-title-${c()}`} value={ch.title} onInput={(e) => set('chapters', c(), 'title', e.currentTarget.value)} />
            </Field>
            <SourceText blocks={props.blocks} src={ch.src} />
          </div>
          <For each={ch.articles}>
            {(a, i) => (
              <div class="import-row" data-testid="import-article">
                <div>
                  <Field label={{ vi: `Điều ${articleNo(c(), i())}`, en: `Article ${articleNo(c(), i())}` }}>
                    <input
                      name={`article-title-${articleNo(c(), i()) - 1}`}
                      value={a.title}
                      onInput={(e) => set('chapters', c(), 'articles', i(), 'title', e.currentTarget.value)}
                    />
                  </Field>
                  <Field label={{ vi: 'Nội dung điều', en: 'Text' }}>
                    <textarea
                      name={`article-text-${articleNo(c(), i()) - 1}`}
                      value={a.text}
                      onInput={(e) => set('chapters', c(), 'articles', i(), 'text', e.currentTarget.value)}
                    />
                  </Field>
                  <MoveButtons
                    index={i()}
                    what="điều"
                    onMerge={() => set('chapters', c(), 'articles', (l) => mergeUp(l, i(), articleBody, withArticleBody))}
                    onSplit={() => set('chapters', c(), 'articles', (l) => splitOff(l, i(), articleBody, newArticle, withArticleBody))}
                  />
                </div>
                <SourceText blocks={props.blocks} src={a.src} />
              </div>
            )}
          </For>
        </div>
      )}
    </For>
  );
}
