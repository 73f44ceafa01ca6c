import type { AgreementContentInput, Due, Party } from '../../../shared/agreements/schema.js';
import { agencyOf } from '../../../shared/imports/agencies.js';
import type { DocumentProposal } from '../../../shared/imports/schema.js';
import type { HeadingForm } from '../agreements/editor-form.js';

/**
 * The review screen's state: the proposal with each item and article carrying the source blocks it
 * was read from (so merging and splitting keep them), and the conversion to a draft's content.
 */

type Src = { src: number[] };
export type ReviewItem = Src & { title: string; description: string; lead: Party | null; cooperating: string; due: Due | null; placeholder: boolean };
export type ReviewArticle = Src & { title: string; text: string; placeholder: boolean };
export type ReviewChapter = Src & { title: string; placeholder: boolean; articles: ReviewArticle[] };
export type Review = HeadingForm<Party> & { items: ReviewItem[]; chapters: ReviewChapter[] };

export function reviewOf(p: DocumentProposal): Review {
  const c = p.content;
  const s = (k: string) => p.sources[k] ?? [];
  return {
    kind: c.kind,
    number: c.number,
    title: c.title,
    year: c.year ? String(c.year) : '',
    termFrom: c.term ? String(c.term.from) : '',
    termTo: c.term ? String(c.term.to) : '',
    parties: c.parties.map((x) => ({ ...x })),
    areas: c.areas.join('\n'),
    summary: c.summary,
    recipients: c.recipients.join('\n'),
    remarks: c.remarks,
    items: c.items.map((it, i) => ({
      ...it,
      cooperating: it.cooperating.map((x) => x.name).join(', '),
      src: [...s(`items.${i}`), ...s(`items.${i}.lead`), ...s(`items.${i}.cooperating`), ...s(`items.${i}.due`)].sort((a, b) => a - b),
    })),
    chapters: c.chapters.map((ch, i) => ({
      ...ch,
      src: s(`chapters.${i}`),
      articles: ch.articles.map((a, j) => ({ ...a, src: s(`chapters.${i}.articles.${j}`) })),
    })),
  };
}

const join = (...parts: string[]) => parts.filter((x) => x.trim()).join('\n');

/** Item i joins the one above it: its title and description become part of the description above. */
export function mergeUp<T extends Src & { title: string }>(list: T[], i: number, body: (x: T) => string, withBody: (x: T, text: string) => T): T[] {
  if (i <= 0 || i >= list.length) return list;
  const prev = list[i - 1]!;
  const cur = list[i]!;
  const merged = withBody({ ...prev, src: [...prev.src, ...cur.src].sort((a, b) => a - b) }, join(body(prev), cur.title, body(cur)));
  return [...list.slice(0, i - 1), merged, ...list.slice(i + 1)];
}

/** The first line of item i's text becomes a new item's title right below it, with the rest of the text. */
export function splitOff<T extends Src & { title: string }>(
  list: T[],
  i: number,
  body: (x: T) => string,
  make: (title: string, text: string, src: number[]) => T,
  withBody: (x: T, text: string) => T,
): T[] {
  const cur = list[i];
  if (!cur) return list;
  const lines = body(cur).split('\n');
  if (!lines[0]?.trim()) return list;
  return [
    ...list.slice(0, i),
    withBody(cur, ''),
    make(lines[0].replace(/^([a-zđ]\)|-|\d+\.)\s*/u, '').trim(), lines.slice(1).join('\n'), cur.src),
    ...list.slice(i + 1),
  ];
}

export const itemBody = (x: ReviewItem) => x.description;
export const withItemBody = (x: ReviewItem, description: string): ReviewItem => ({ ...x, description });
export const newItem = (title: string, description: string, src: number[]): ReviewItem => ({
  title,
  description,
  lead: null,
  cooperating: '',
  due: null,
  placeholder: false,
  src,
});
export const articleBody = (x: ReviewArticle) => x.text;
export const withArticleBody = (x: ReviewArticle, text: string): ReviewArticle => ({ ...x, text });
export const newArticle = (title: string, text: string, src: number[]): ReviewArticle => ({ title, text, placeholder: false, src });

const lines = (s: string) =>
  s
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
const num = (s: string) => (s.trim() ? Number(s) : null);

/** The draft's content as POST /api/agreements takes it. */
export function contentOf(r: Review): AgreementContentInput {
  const regulation = r.kind === 'regulation';
  return {
    kind: r.kind,
    number: r.number.trim(),
    title: r.title.trim(),
    parties: r.parties.filter((p) => p.name.trim()),
    term: regulation ? { from: num(r.termFrom) ?? 0, to: num(r.termTo) ?? 0 } : null,
    year: regulation ? null : num(r.year),
    areas: lines(r.areas),
    summary: r.summary,
    recipients: lines(r.recipients),
    remarks: r.remarks,
    chapters: regulation ? r.chapters.map((c) => ({ title: c.title, placeholder: c.placeholder, articles: c.articles.map(({ src: _s, ...a }) => a) })) : [],
    items: regulation
      ? []
      : r.items.map((it) => ({
          title: it.title,
          description: it.description,
          lead: it.lead,
          cooperating: it.cooperating
            .split(/\s*[,;]\s*/)
            .filter(Boolean)
            .map((name) => ({ agency: agencyOf(name), name })),
          due: it.due,
          placeholder: it.placeholder,
        })),
  };
}
