import { editableContent } from '../../../shared/agreements/editable.js';
import { jointBodies } from '../../../shared/agreements/parties.js';
import type { AgencyCode, AgreementContentInput, AgreementDetail, AgreementKind, ContinuesInput } from '../../../shared/agreements/schema.js';

/** The agreement editor's form state, as text fields, and its conversion to and from the API's shapes. */
export type ItemForm = {
  title: string;
  description: string;
  lead: string;
  due: string;
  status: string;
  progress?: number;
  placeholder: boolean;
  evidence: unknown[];
  cooperating: string[];
};
/** An agreement's heading as text fields (lists one entry a line): what the editor and the import review both edit. */
export type HeadingForm<P> = {
  kind: AgreementKind;
  number: string;
  title: string;
  year: string;
  termFrom: string;
  termTo: string;
  parties: P[];
  areas: string;
  summary: string;
  recipients: string;
  remarks: string;
};
export type Form = HeadingForm<{ agency: AgencyCode; name: string }> & {
  items: ItemForm[];
  chapters: { title: string; placeholder: boolean; articles: { title: string; text: string; placeholder: boolean }[] }[];
  /** A commune's program or regulation: the predecessor district's agreement it continues. */
  continues: ContinuesInput | null;
};

const thisYear = new Date().getFullYear();

export function emptyForm(): Form {
  return {
    kind: 'program',
    number: '',
    title: '',
    year: String(thisYear),
    termFrom: '2021',
    termTo: '2026',
    parties: jointBodies.map((agency) => ({ agency, name: '' })),
    areas: '',
    summary: '',
    items: [],
    chapters: [],
    recipients: '',
    remarks: '',
    continues: null,
  };
}

/** The form of a stored agreement: its editable content (as an amendment starts from it) as text fields. */
export function formOf(d: AgreementDetail): Form {
  const { year, term, parties, areas, items, recipients, ...asIs } = editableContent(d);
  return {
    ...asIs,
    year: year ? String(year) : String(thisYear),
    termFrom: String(term?.from ?? 2021),
    termTo: String(term?.to ?? 2026),
    parties: parties.map((p) => ({ ...p })),
    areas: areas.join('\n'),
    items: items.map((i) => ({
      title: i.title,
      description: i.description,
      lead: i.lead ? `${i.lead.agency}|${i.lead.name}` : '',
      due: i.due?.kind === 'date' ? i.due.on : i.due?.kind === 'period' ? i.due.to : '',
      status: i.status,
      progress: i.progress,
      placeholder: i.placeholder,
      evidence: i.evidence,
      cooperating: i.cooperating.map((c) => `${c.agency}|${c.name}`),
    })),
    recipients: recipients.join('\n'),
  };
}

const lines = (s: string) =>
  s
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
const ref = (v: string) => {
  const [agency, ...name] = v.split('|');
  return { agency: agency as AgencyCode, name: name.join('|') };
};

export function contentOf(f: Form): AgreementContentInput {
  const regulation = f.kind === 'regulation';
  return {
    kind: f.kind,
    number: f.number,
    title: f.title,
    parties: f.parties.map((p) => ({ agency: p.agency, name: p.name })),
    term: regulation ? { from: Number(f.termFrom), to: Number(f.termTo) } : null,
    year: regulation ? null : Number(f.year),
    areas: lines(f.areas),
    summary: f.summary,
    chapters: regulation ? f.chapters.map((c) => ({ title: c.title, placeholder: c.placeholder, articles: c.articles.map((x) => ({ ...x })) })) : [],
    items: regulation
      ? []
      : f.items.map((i) => ({
          title: i.title,
          description: i.description,
          lead: i.lead ? ref(i.lead) : null,
          cooperating: i.cooperating.map(ref),
          due: i.due ? { kind: 'date' as const, on: i.due } : null,
          status: i.status as never,
          ...(i.progress !== undefined ? { progress: i.progress } : {}),
          placeholder: i.placeholder,
          evidence: i.evidence as never,
        })),
    recipients: lines(f.recipients),
    remarks: f.remarks,
    continues: f.kind === 'plan' ? null : f.continues,
  };
}
