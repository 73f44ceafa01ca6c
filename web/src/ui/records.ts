import { api } from '../api.js';

/**
 * Records a form may point at, found and named by what people know them by (title and number),
 * never by their internal id. Each kind searches through the list endpoint it already has (`q`:
 * diacritics-insensitive, in the caller's tenant) and names one record through its detail. The
 * shared schemas load with the first search.
 */
export type RecordKind = 'agreement' | 'plan' | 'document';
export type RecordRef = { kind: RecordKind; id: string; title: string; number: string };

const PAGE = 'limit=50';
const withLocality = (query: string, locality?: string) => (locality ? `${query}&locality=${encodeURIComponent(locality)}` : query);

async function agreementRef(a: { id: string; kind: 'regulation' | 'program' | 'plan'; title: string; number: string | null }): Promise<RecordRef> {
  const { fullTitle } = await import('../../../shared/agreements/derive.js');
  return { kind: 'agreement', id: a.id, title: fullTitle(a), number: a.number ?? '' };
}
async function documentRef(d: { id: string; type: string; numberSymbol: string; summary: string }): Promise<RecordRef> {
  const { documentTypeLabel } = await import('../../../shared/archive/schema.js');
  return { kind: 'document', id: d.id, title: `${documentTypeLabel(d.type).vi}: ${d.summary}`, number: d.numberSymbol };
}

/** Records of `kind` whose title, number (or other searchable text) contain the words of `q`. */
export async function searchRecords(kind: RecordKind, q: string, locality?: string): Promise<RecordRef[]> {
  const query = withLocality(`${PAGE}${q ? `&q=${encodeURIComponent(q)}` : ''}`, locality);
  if (kind === 'agreement') {
    const { listResponseSchema } = await import('../../../shared/agreements/schema.js');
    const list = await api.get(`/api/agreements?${query}`, listResponseSchema);
    return Promise.all(list.items.map(agreementRef));
  }
  if (kind === 'plan') {
    const { planListSchema } = await import('../../../shared/supervision/views.js');
    const list = await api.get(`/api/supervision/plans?${query}`, planListSchema);
    return list.items.map((p) => ({ kind: 'plan', id: p.id, title: p.topic, number: '' }));
  }
  const { documentListSchema } = await import('../../../shared/archive/schema.js');
  const list = await api.get(`/api/archive/documents?${query}`, documentListSchema);
  return Promise.all(list.items.map(documentRef));
}

const named = new Map<string, Promise<RecordRef | null>>();
/** One record named by its title and number (null when it is gone or out of reach); asked once per page load. */
export function describeRecord(kind: RecordKind, id: string, locality?: string): Promise<RecordRef | null> {
  const key = `${kind}:${id}:${locality ?? ''}`;
  let found = named.get(key);
  if (!found) {
    const query = locality ? `?locality=${encodeURIComponent(locality)}` : '';
    found = (async () => {
      if (kind === 'agreement') {
        const { agreementDetailSchema } = await import('../../../shared/agreements/schema.js');
        return agreementRef((await api.get(`/api/agreements/${id}${query}`, agreementDetailSchema)).agreement);
      }
      if (kind === 'plan') {
        const { planDetailSchema } = await import('../../../shared/supervision/views.js');
        const { plan } = await api.get(`/api/supervision/plans/${id}${query}`, planDetailSchema);
        return { kind, id, title: plan.topic, number: '' } satisfies RecordRef;
      }
      const { documentDetailSchema } = await import('../../../shared/archive/schema.js');
      return documentRef(await api.get(`/api/archive/documents/${id}${query}`, documentDetailSchema));
    })().catch(() => null);
    named.set(key, found);
  }
  return found;
}

/** "Title (number)", or the title alone. */
export const recordLabel = (r: RecordRef): string => (r.number ? `${r.title} (${r.number})` : r.title);
