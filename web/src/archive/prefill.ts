import { fullTitle, reviewTitle } from '../../../shared/agreements/derive.js';
import { agencyLabels, agreementDetailSchema } from '../../../shared/agreements/schema.js';
import { api } from '../api.js';
import type { MetadataForm } from './common.jsx';

/**
 * "Tải bản ký lên" from an agreement or one of its reviews: the upload form starts from what the
 * record already says (type, number, signing date, parties, signatories, link), so nothing is typed twice.
 */
export async function prefillFromAgreement(form: MetadataForm, agreementId: string, period: string | null): Promise<void> {
  const d = await api.get(`/api/agreements/${agreementId}`, agreementDetailSchema);
  const a = d.agreement;
  const review = period ? d.reviews.find((r) => r.period === period) : undefined;
  const signers = (d.signing?.signatories ?? [])
    .filter((s) => s.name)
    .map((s) => [s.name, s.title ?? '', agencyLabels[s.agency].short || agencyLabels[s.agency].vi].join('; ').replace(/(; )+$/, ''));
  form.setF({
    type: review ? 'BC' : a.kind === 'regulation' ? 'QC' : a.kind === 'program' ? 'CTr' : 'KH',
    numberSymbol: review ? review.number : (a.number ?? ''),
    signedOn: review ? review.heldOn : (d.signing?.signedOn ?? a.signedOn ?? ''),
    summary: review ? `${reviewTitle(review.period, 'vi')} ${fullTitle(a)}` : fullTitle(a),
    agencies: a.parties.map((p) => p.name).join('\n'),
    signers: review ? '' : signers.join('\n'),
    links: [review ? { kind: 'review', id: a.id, period: review.period } : { kind: 'agreement', id: a.id, period: '' }],
  });
}
