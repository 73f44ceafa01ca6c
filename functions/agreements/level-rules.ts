import type { Context } from 'hono';
import { partyAgenciesByLevel, levelOfLocality, levelLabels } from '../../shared/agreements/parties.js';
import { agencyLabels, periodLabel, type AgreementContent, type ContinuesInput, type ContinuesRef, type SignInput } from '../../shared/agreements/schema.js';
import { keys, type TenantRef } from '../../shared/keys.js';
import { predecessorDistrict } from '../../shared/localities/index.js';
import type { FieldError } from '../../shared/problem.js';
import type { AppEnv } from '../http/env.js';
import { ProblemError } from '../http/problem.js';
import { readTenant } from '../auth/tenant-scope.js';
import { agreementFromItem } from './records.js';

/**
 * What an agreement may say given the tenant's level (issue 11, item 6): which agencies may be
 * parties and signatories, and which earlier agreement a commune's program or regulation continues.
 */

function field(field: string, vi: string, en: string, code = 'custom'): FieldError {
  return { field, in: 'body', code, message_vi: vi, message_en: en };
}

function invalid(errors: FieldError[]): ProblemError {
  return new ProblemError('validation', { vi: 'Vui lòng kiểm tra các trường được nêu', en: 'Check the fields listed in errors' }, errors);
}

function agencyErrors(list: { agency: string }[], path: string, tenant: TenantRef): FieldError[] {
  const level = levelOfLocality(tenant.localityCode);
  const allowed = partyAgenciesByLevel[level];
  const out: FieldError[] = [];
  list.forEach((p, i) => {
    if (allowed.includes(p.agency as never)) return;
    const label = agencyLabels[p.agency as keyof typeof agencyLabels];
    out.push(
      field(
        `${path}.${i}.agency`,
        `${label?.vi ?? p.agency} không có ở ${levelLabels[level].vi}; chọn cơ quan của đơn vị hoặc "Cơ quan, tổ chức khác" với tên đầy đủ`,
        `${label?.en ?? p.agency} does not exist at ${levelLabels[level].en}; pick a body of this unit or "Other body" with its full name`,
        'agency-level',
      ),
    );
  });
  return out;
}

/** Parties must be bodies that exist at the tenant's level (400 naming each wrong one). */
export function checkParties(tenant: TenantRef, content: Pick<AgreementContent, 'parties'>): void {
  const errors = agencyErrors(content.parties, 'parties', tenant);
  if (errors.length) throw invalid(errors);
}

export function checkSignatories(tenant: TenantRef, input: Pick<SignInput, 'signatories'>): void {
  const errors = agencyErrors(input.signatories, 'signatories', tenant);
  if (errors.length) throw invalid(errors);
}

/**
 * Resolves a `continues` reference of a commune's agreement: the named district must be the
 * commune's predecessor (from the reference data, before anything is read) and the agreement must
 * exist there, read through the same access rules as `?locality=` (a session fenced to that
 * district). Any other district answers the same 400 whether or not it holds such an agreement, so
 * nothing about another tenant is revealed. Costs one GetItem.
 */
export async function resolveContinues(c: Context<AppEnv>, tenant: TenantRef, ref: ContinuesInput | null): Promise<ContinuesRef | null> {
  if (!ref) return null;
  const predecessor = tenant.localityCode && levelOfLocality(tenant.localityCode) === 'commune' ? predecessorDistrict(tenant.localityCode) : undefined;
  if (!predecessor) {
    throw invalid([
      field(
        'continues',
        'Chỉ văn bản của xã, phường, đặc khu có quận, huyện tiền thân mới tiếp nối được văn bản của quận, huyện đó',
        'Only a commune-level unit with a predecessor district can continue that district’s agreement',
        'no-predecessor',
      ),
    ]);
  }
  if (predecessor.code !== ref.localityCode || predecessor.provinceCode !== ref.provinceCode) {
    throw invalid([
      field(
        'continues.localityCode',
        `Chỉ tiếp nối được văn bản của ${predecessor.name} (${predecessor.provinceCode}/${predecessor.code}), đơn vị tiền thân của đơn vị bạn`,
        `Only agreements of ${predecessor.name} (${predecessor.provinceCode}/${predecessor.code}), your unit's predecessor, can be continued`,
        'not-predecessor',
      ),
    ]);
  }
  const own = c.var.store;
  try {
    const target = await readTenant(c, ref.localityCode);
    const k = keys.agreement(target, ref.agreementId);
    const item = await c.var.store.get({ Key: { PK: k.PK, SK: k.SK } });
    if (!item) {
      throw invalid([
        field(
          'continues.agreementId',
          `Không tìm thấy văn bản này trong hồ sơ của ${predecessor.name}`,
          `No such agreement in the records of ${predecessor.name}`,
          'not-found',
        ),
      ]);
    }
    const a = agreementFromItem(item);
    return { ...ref, localityName: predecessor.name, kind: a.kind, number: a.number, title: a.title, period: periodLabel(a) };
  } finally {
    // Reading the district swapped the request's store to a session fenced to it: the write that
    // follows goes back to the tenant's own store, which carries on the request's metering.
    if (c.var.store !== own) {
      Object.assign(own.metrics, c.var.store.metrics);
      c.set('store', own);
    }
  }
}
