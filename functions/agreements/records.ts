import {
  itemDeadline,
  itemStats,
  itemStatusInfo,
  isOverdue,
  reviewKindOf,
  reviewYearOf,
  vietnamToday,
  type Agreement,
  type AgreementContent,
  type AgreementDetail,
  type AgreementStatus,
  type AgreementSummary,
  type Chapter,
  type ContinuesRef,
  type Item,
  type ItemIndexEntry,
  type ItemStatus,
  type LinkedDocument,
  type ProgressNote,
  type Review,
  type Signing,
} from '../../shared/agreements/schema.js';
import { itemContentOf } from '../../shared/agreements/editable.js';
import { foldVietnamese } from '../../shared/format.js';
import { keys, tenantPrefix, type TenantRef } from '../../shared/keys.js';
import type { HeaderMeta } from './header-meta.js';

/**
 * How an agreement maps onto DynamoDB items (docs/data-model.md "Agreements") and back. The API's
 * services and the demo seed both build items here, so seeded records look exactly like created ones.
 */

export type DbItem = Record<string, unknown> & { PK: string; SK: string };

export function progressFor(status: ItemStatus, given: number | undefined, previous = 0): number {
  if (given !== undefined) return given;
  return itemStatusInfo[status].defaultProgress ?? previous;
}

export function yearRange(c: Pick<AgreementContent, 'term' | 'year'>): { yearFrom: number; yearTo: number } {
  if (c.term) return { yearFrom: c.term.from, yearTo: c.term.to };
  return { yearFrom: c.year!, yearTo: c.year! };
}

const MAX_SEARCH_TEXT = 20_000;

/** Folded (no diacritics, lower case) text the list search matches against. */
export function searchTextOf(c: AgreementContent, extra: string[] = []): string {
  const parts = [
    c.number,
    c.title,
    ...c.parties.map((p) => p.name),
    ...c.areas,
    ...c.chapters.flatMap((ch) => [ch.title, ...ch.articles.map((a) => a.title)]),
    ...c.items.flatMap((it) => [it.title, it.lead?.name ?? '']),
    ...extra,
  ];
  return foldVietnamese(parts.filter(Boolean).join(' | ')).slice(0, MAX_SEARCH_TEXT);
}

const pad3 = (n: number) => String(n).padStart(3, '0');

/** Chapter, article and content-item items of a content (numbered by position). */
export function contentItems(t: TenantRef, id: string, c: AgreementContent, now: string): DbItem[] {
  const out: DbItem[] = [];
  let articleNo = 0;
  c.chapters.forEach((ch, i) => {
    const chapterNo = i + 1;
    out.push({ ...keys.agreementChapter(t, id, chapterNo), entity: 'agreement-chapter', no: chapterNo, title: ch.title, placeholder: ch.placeholder });
    for (const a of ch.articles) {
      articleNo += 1;
      out.push({
        ...keys.agreementArticle(t, id, chapterNo, articleNo),
        entity: 'agreement-article',
        chapter: chapterNo,
        no: articleNo,
        title: a.title,
        text: a.text,
        placeholder: a.placeholder,
      });
    }
  });
  c.items.forEach((it, i) => {
    out.push({
      ...keys.agreementItem(t, id, i + 1),
      entity: 'agreement-item',
      no: i + 1,
      ...itemContentOf(it),
      progress: progressFor(it.status, it.progress),
      version: 1,
      updatedAt: now,
    });
  });
  return out;
}

export function itemIndexOf(c: AgreementContent): Record<string, ItemIndexEntry> {
  const range = yearRange(c);
  return Object.fromEntries(c.items.map((it, i) => [pad3(i + 1), itemIndexEntry(it, range)]));
}

/** Index entry of one item: status, progress, deadline, and (for reminders) lead agency and short title. */
export function itemIndexEntry(
  it: { status: ItemStatus; progress?: number; due: Item['due'] | null; lead: Item['lead'] | null; title: string },
  range: { yearTo: number },
): ItemIndexEntry {
  return {
    s: it.status,
    p: progressFor(it.status, it.progress),
    d: itemDeadline(it.due, range),
    ...(it.lead ? { l: it.lead.agency } : {}),
    t: it.title.slice(0, 120),
  };
}

/** The header item: content fields without chapters/items, lifecycle, counts and index keys. */
export function headerItem(t: TenantRef, id: string, c: AgreementContent, meta: HeaderMeta, extraSearch: string[] = []): DbItem {
  const range = yearRange(c);
  const articleCount = c.chapters.reduce((n, ch) => n + ch.articles.length, 0);
  const item: DbItem = {
    ...keys.agreement(t, id),
    ...keys.agreementList(t),
    GSI1SK: keys.agreementListSK(c.kind, range.yearFrom, id),
    ...keys.agreementStatusIndex(t, meta.status, meta.updatedAt, id),
    entity: 'agreement',
    tenant: tenantPrefix(t),
    id,
    kind: c.kind,
    number: c.number,
    title: c.title,
    parties: c.parties,
    partyCodes: [...new Set(c.parties.map((p) => p.agency))],
    term: c.term,
    year: c.year,
    ...range,
    areas: c.areas,
    summary: c.summary,
    recipients: c.recipients,
    remarks: c.remarks,
    ...meta,
    continues: meta.continues ?? null,
    chapterCount: c.chapters.length,
    articleCount,
    itemCount: c.items.length,
    contentUnits: c.chapters.length + articleCount + c.items.length,
    itemIndex: itemIndexOf(c),
    searchText: searchTextOf(c, extraSearch),
  };
  // Absent rather than null, so "no pending amendment" is `attribute_not_exists(amendedBy)`.
  if (meta.amendedBy === null) delete item.amendedBy;
  return item;
}

// ---------------------------------------------------------------------------------------------
// Reading back.

function str(v: unknown): string {
  return typeof v === 'string' ? v : '';
}
function strOrNull(v: unknown): string | null {
  return typeof v === 'string' ? v : null;
}

export function agreementFromItem(item: Record<string, unknown>): Agreement {
  const periods = item.reviewPeriods;
  return {
    id: str(item.id),
    kind: item.kind as Agreement['kind'],
    number: str(item.number),
    title: str(item.title),
    parties: (item.parties as Agreement['parties']) ?? [],
    term: (item.term as Agreement['term']) ?? null,
    year: (item.year as number | null) ?? null,
    yearFrom: item.yearFrom as number,
    yearTo: item.yearTo as number,
    areas: (item.areas as string[]) ?? [],
    summary: str(item.summary),
    recipients: (item.recipients as string[]) ?? [],
    remarks: str(item.remarks),
    status: item.status as AgreementStatus,
    revision: (item.revision as number) ?? 1,
    amends: (item.amends as Agreement['amends']) ?? null,
    amendmentReason: str(item.amendmentReason),
    continues: (item.continues as ContinuesRef | undefined) ?? null,
    amendedBy: strOrNull(item.amendedBy),
    supersededBy: strOrNull(item.supersededBy),
    signedOn: strOrNull(item.signedOn),
    effectiveFrom: strOrNull(item.effectiveFrom),
    effectiveTo: strOrNull(item.effectiveTo),
    chapterCount: (item.chapterCount as number) ?? 0,
    articleCount: (item.articleCount as number) ?? 0,
    itemCount: (item.itemCount as number) ?? 0,
    itemIndex: (item.itemIndex as Agreement['itemIndex']) ?? {},
    reviewPeriods: periods instanceof Set ? [...(periods as Set<string>)].sort() : Array.isArray(periods) ? [...periods].sort() : [],
    version: item.version as number,
    createdAt: str(item.createdAt),
    updatedAt: str(item.updatedAt),
  };
}

export function summaryOf(a: Agreement, today: string): AgreementSummary {
  return { ...a, itemStats: itemStats(a, today) };
}

export function reviewFromItem(item: Record<string, unknown>): Review {
  const period = str(item.period);
  return {
    period,
    kind: reviewKindOf(period),
    year: reviewYearOf(period),
    number: str(item.number),
    heldOn: str(item.heldOn),
    place: str(item.place),
    reportedBy: str(item.reportedBy),
    itemResults: (item.itemResults as Review['itemResults']) ?? [],
    achievements: str(item.achievements),
    shortcomings: str(item.shortcomings),
    priorities: str(item.priorities),
    discussion: str(item.discussion),
    commendations: item.commendations as Review['commendations'],
    recipients: (item.recipients as string[]) ?? [],
    remarks: str(item.remarks),
    version: item.version as number,
    createdAt: str(item.createdAt),
    updatedAt: str(item.updatedAt),
  };
}

export function signingFromItem(item: Record<string, unknown>): Signing {
  return {
    signedOn: str(item.signedOn),
    place: str(item.place),
    signatories: (item.signatories as Signing['signatories']) ?? [],
    remarks: str(item.remarks),
    recordedAt: strOrNull(item.recordedAt),
    recordedBy: strOrNull(item.recordedBy),
  };
}

/** Assembles the detail page from the items of one partition (one Query). */
export function detailFromItems(rows: Record<string, unknown>[], now: Date): AgreementDetail | null {
  const headerRow = rows.find((r) => r.SK === 'A');
  if (!headerRow) return null;
  const agreement = agreementFromItem(headerRow);
  const today = vietnamToday(now);
  const chapters = new Map<number, Chapter>();
  const items = new Map<number, Item>();
  const notes = new Map<number, ProgressNote[]>();
  const reviews: Review[] = [];
  const documents: LinkedDocument[] = [];
  let signing: Signing | null = null;
  for (const r of rows) {
    const sk = str(r.SK);
    if (/^CH#\d+$/.test(sk)) {
      chapters.set(r.no as number, { no: r.no as number, title: str(r.title), placeholder: Boolean(r.placeholder), articles: [] });
    }
  }
  for (const r of rows) {
    const sk = str(r.SK);
    if (/^CH#\d+#ART#\d+$/.test(sk)) {
      chapters.get(r.chapter as number)?.articles.push({ no: r.no as number, title: str(r.title), text: str(r.text), placeholder: Boolean(r.placeholder) });
    } else if (/^ITEM#\d+$/.test(sk)) {
      const deadline = itemDeadline((r.due as Item['due']) ?? null, agreement);
      const status = r.status as ItemStatus;
      items.set(r.no as number, {
        no: r.no as number,
        title: str(r.title),
        description: str(r.description),
        lead: (r.lead as Item['lead']) ?? null,
        cooperating: (r.cooperating as Item['cooperating']) ?? [],
        due: (r.due as Item['due']) ?? null,
        status,
        progress: r.progress as number,
        evidence: (r.evidence as Item['evidence']) ?? [],
        placeholder: Boolean(r.placeholder),
        version: r.version as number,
        deadline,
        overdue: isOverdue({ status, deadline }, agreement.status, today),
        notes: [],
      });
    } else if (/^ITEM#\d+#NOTE#/.test(sk)) {
      const no = Number(sk.slice(5, 8));
      const list = notes.get(no) ?? [];
      list.push({ at: str(r.at), on: str(r.on), text: str(r.text), status: r.status as ItemStatus, progress: r.progress as number, by: str(r.by) });
      notes.set(no, list);
    } else if (sk === 'SIGNING') {
      signing = signingFromItem(r);
    } else if (sk.startsWith('REVIEW#')) {
      reviews.push(reviewFromItem(r));
    } else if (sk.startsWith('DOCLINK#')) {
      // Written by the archive (#6) in this partition, so the detail stays one Query.
      const link = r.link as { kind?: string; period?: string } | undefined;
      documents.push({
        documentId: str(r.documentId),
        type: str(r.type),
        numberSymbol: str(r.numberSymbol),
        summary: str(r.summary),
        signedOn: strOrNull(r.signedOn),
        deleted: Boolean(r.deleted),
        period: link?.kind === 'review' ? (link.period ?? null) : null,
      });
    }
  }
  for (const [no, list] of notes) {
    const item = items.get(no);
    if (item) item.notes = list.sort((a, b) => (a.on + a.at < b.on + b.at ? -1 : 1));
  }
  return {
    agreement: summaryOf(agreement, today),
    chapters: [...chapters.values()].sort((a, b) => a.no - b.no).map((c) => ({ ...c, articles: c.articles.sort((a, b) => a.no - b.no) })),
    items: [...items.values()].sort((a, b) => a.no - b.no),
    signing,
    reviews: reviews.sort((a, b) => (a.period < b.period ? -1 : 1)),
    documents: documents.sort((a, b) => ((a.signedOn ?? '') < (b.signedOn ?? '') ? -1 : 1)),
    asOf: today,
  };
}
