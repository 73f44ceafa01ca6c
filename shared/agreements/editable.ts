import type { AgreementContent, AgreementDetail } from './schema.js';

/**
 * The editable content of a stored agreement: what an amendment's first draft (API) and the editor's
 * form (web) both start from. Chapters and articles lose their numbers, items what storing them
 * adds (number, notes, version), the continued agreement's reference what its link shows.
 */
export function editableContent(d: AgreementDetail): AgreementContent {
  const a = d.agreement;
  return {
    kind: a.kind,
    number: a.number,
    title: a.title,
    parties: a.parties,
    term: a.term,
    year: a.year,
    areas: a.areas,
    summary: a.summary,
    chapters: d.chapters.map((c) => ({
      title: c.title,
      placeholder: c.placeholder,
      articles: c.articles.map((x) => ({ title: x.title, text: x.text, placeholder: x.placeholder })),
    })),
    items: d.items.map(itemContentOf),
    recipients: a.recipients,
    remarks: a.remarks,
    continues: a.continues ? { provinceCode: a.continues.provinceCode, localityCode: a.continues.localityCode, agreementId: a.continues.agreementId } : null,
  };
}

type ContentItem = AgreementContent['items'][number];

/** The content fields of an item, without what storing it adds (number, notes, version). */
export function itemContentOf(it: ContentItem): ContentItem {
  return {
    title: it.title,
    description: it.description,
    lead: it.lead,
    cooperating: it.cooperating,
    due: it.due,
    status: it.status,
    progress: it.progress,
    evidence: it.evidence,
    placeholder: it.placeholder,
  };
}
