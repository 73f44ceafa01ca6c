import { A } from '@solidjs/router';
import { For, Index, Show } from 'solid-js';
import { createStore } from 'solid-js/store';
import {
  documentTypeLabel,
  documentTypes,
  linkKindLabels,
  type DocumentLink,
  type DocumentMetadataInput,
  type DocumentSummary,
} from '../../../shared/archive/schema.js';
import { can } from '../../../shared/roles.js';
import { lang, t } from '../i18n.js';
import { Field, RemoveButton, Input, DateInput, RecordName, RecordPicker, TextArea } from '../ui/index.js';
import { session } from '../session.js';
import { canWriteHere, readsOtherTenant, useLocality, withLocality } from '../tenancy/locality.jsx';
import { NumberClash } from './NumberClash.jsx';
import './archive.css';

/** Own tenant only (never another tenant read through `?locality=`), not closed history. */
export const canWrite = (locality?: string) => canWriteHere(locality);
export const canAdmin = (locality?: string) => {
  const s = session();
  return !!s && can(s.identity.role, 'tenant:admin') && !readsOtherTenant(locality);
};

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1).replace('.', lang() === 'vi' ? ',' : '.')} KB`;
  return `${(n / 1024 / 1024).toFixed(1).replace('.', lang() === 'vi' ? ',' : '.')} MB`;
}

export const typeLabel = (code: string) => t(documentTypeLabel(code));

export function LinkView(props: { link: DocumentLink }) {
  const locality = useLocality();
  const href = () => withLocality(props.link.kind === 'plan' ? `/supervision/plans/${props.link.id}` : `/agreements/${props.link.id}`, locality());
  return (
    <A href={href()} class="archive-link" data-testid="doc-link">
      {t(linkKindLabels[props.link.kind])} · <RecordName kind={props.link.kind === 'plan' ? 'plan' : 'agreement'} id={props.link.id} locality={locality()} />
      {props.link.kind === 'review' ? ` · ${props.link.period}` : ''}
    </A>
  );
}

/** Labels of the metadata fields, also naming the fields of a refused request. */
export const metadataLabels = {
  type: { vi: 'Loại văn bản', en: 'Document type' },
  numberSymbol: { vi: 'Số, ký hiệu', en: 'Number and symbol' },
  signedOn: { vi: 'Ngày ký', en: 'Signing date' },
  summary: { vi: 'Trích yếu', en: 'Summary (trích yếu)' },
  issuingAgencies: { vi: 'Cơ quan ban hành (mỗi dòng một cơ quan)', en: 'Issuing agencies (one per line)' },
  signers: { vi: 'Người ký (mỗi dòng: họ tên; chức vụ; cơ quan)', en: 'Signers (per line: name; title; agency)' },
  tags: { vi: 'Từ khoá (cách nhau bởi dấu phẩy)', en: 'Tags (comma separated)' },
  links: { vi: 'Liên kết', en: 'Links' },
};

/** Editable metadata as form text; `value()` turns it into what the API expects. */
export type MetadataForm = ReturnType<typeof createMetadataForm>;
type LinkRow = { kind: DocumentLink['kind']; id: string; period: string };

export function createMetadataForm(initial?: DocumentSummary) {
  const [f, setF] = createStore({
    type: initial?.type ?? 'QC',
    numberSymbol: initial?.numberSymbol ?? '',
    signedOn: initial?.signedOn ?? '',
    agencies: initial?.issuingAgencies.join('\n') ?? '',
    signers: initial?.signers.map((s) => [s.name, s.title ?? '', s.agency ?? ''].join('; ').replace(/(; )+$/, '')).join('\n') ?? '',
    summary: initial?.summary ?? '',
    tags: initial?.tags.join(', ') ?? '',
    links: (initial?.links ?? []).map((l): LinkRow => ({ kind: l.kind, id: l.id, period: l.kind === 'review' ? l.period : '' })),
  });
  const lines = (s: string) =>
    s
      .split('\n')
      .map((x) => x.trim())
      .filter(Boolean);
  const value = (): DocumentMetadataInput => ({
    type: f.type as DocumentMetadataInput['type'],
    numberSymbol: f.numberSymbol.trim(),
    signedOn: f.signedOn,
    issuingAgencies: lines(f.agencies),
    signers: lines(f.signers).map((line) => {
      const [name = '', title, agency] = line.split(';').map((x) => x.trim());
      return { name, ...(title ? { title } : {}), ...(agency ? { agency } : {}) };
    }),
    summary: f.summary.trim(),
    tags: f.tags
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean),
    links: f.links
      .filter((l) => l.id.trim())
      .map((l): DocumentLink => (l.kind === 'review' ? { kind: 'review', id: l.id.trim(), period: l.period.trim() } : { kind: l.kind, id: l.id.trim() })),
  });
  return { f, setF, value };
}

export function MetadataFields(props: { form: MetadataForm; documentId?: string }) {
  const { f, setF } = props.form;
  return (
    <>
      <div class="archive-grid">
        <Field label={metadataLabels.type}>
          <select name="type" value={f.type} onChange={(e) => setF('type', e.currentTarget.value as typeof f.type)}>
            <For each={documentTypes}>{(d) => <option value={d.code}>{`${d.code} — ${t(d)}`}</option>}</For>
          </select>
        </Field>
        <Field label={metadataLabels.numberSymbol}>
          <input
            name="numberSymbol"
            required
            placeholder="69/QCPH-HĐND-UBND-MTTQ"
            value={f.numberSymbol}
            onInput={(e) => setF('numberSymbol', e.currentTarget.value)}
          />
        </Field>
        <Field label={metadataLabels.signedOn}>
          <DateInput name="signedOn" required value={f.signedOn} onValue={(v) => setF('signedOn', v)} />
        </Field>
      </div>
      <NumberClash numberSymbol={f.numberSymbol} agencies={props.form.value().issuingAgencies} documentId={props.documentId} />
      <TextArea label={metadataLabels.summary} name="summary" rows="3" required value={f.summary} onInput={(e) => setF('summary', e.currentTarget.value)} />
      <div class="archive-grid two">
        <Field label={metadataLabels.issuingAgencies}>
          <textarea name="agencies" rows="3" required value={f.agencies} onInput={(e) => setF('agencies', e.currentTarget.value)} />
        </Field>
        <TextArea label={metadataLabels.signers} name="signers" rows="3" value={f.signers} onInput={(e) => setF('signers', e.currentTarget.value)} />
      </div>
      <Input label={metadataLabels.tags} name="tags" value={f.tags} onInput={(e) => setF('tags', e.currentTarget.value)} />
      <fieldset class="archive-links">
        <legend>{t({ vi: 'Liên kết với quy chế, chương trình, kế hoạch giám sát, sơ kết', en: 'Links to agreements, supervision plans, reviews' })}</legend>
        <Index each={f.links}>
          {(l, i) => (
            <div class="archive-link-row">
              <select
                aria-label={t({ vi: 'Loại liên kết', en: 'Link kind' })}
                name={`link-kind-${i}`}
                value={l().kind}
                onChange={(e) => setF('links', i, { kind: e.currentTarget.value as LinkRow['kind'], id: '' })}
              >
                <option value="agreement">{t(linkKindLabels.agreement)}</option>
                <option value="plan">{t(linkKindLabels.plan)}</option>
                <option value="review">{t(linkKindLabels.review)}</option>
              </select>
              <RecordPicker
                inline
                kind={l().kind === 'plan' ? 'plan' : 'agreement'}
                name={`link-id-${i}`}
                label={l().kind === 'plan' ? { vi: 'Kế hoạch giám sát', en: 'Supervision plan' } : { vi: 'Văn bản phối hợp', en: 'Agreement' }}
                value={l().id}
                onPick={(r) => setF('links', i, 'id', r?.id ?? '')}
              />
              <Show when={l().kind === 'review'}>
                <input
                  aria-label={t({ vi: 'Kỳ sơ kết, tổng kết', en: 'Review period' })}
                  name={`link-period-${i}`}
                  placeholder={t({ vi: 'Kỳ (vd 2024-H1)', en: 'Period (e.g. 2024-H1)' })}
                  value={l().period}
                  onInput={(e) => setF('links', i, 'period', e.currentTarget.value)}
                />
              </Show>
              <RemoveButton onClick={() => setF('links', (ls) => ls.filter((_, j) => j !== i))} />
            </div>
          )}
        </Index>
        <button
          type="button"
          class="button secondary"
          data-testid="add-link"
          onClick={() => setF('links', (ls) => [...ls, { kind: 'agreement', id: '', period: '' }])}
        >
          {t({ vi: '+ Thêm liên kết', en: '+ Add link' })}
        </button>
      </fieldset>
    </>
  );
}
