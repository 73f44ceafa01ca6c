import type { Agreement, AgreementStatus, ContinuesRef } from '../../shared/agreements/schema.js';

/** Fields of the header that are not content: lifecycle, lineage, bookkeeping. */
export type HeaderMeta = {
  status: AgreementStatus;
  revision: number;
  amends: Agreement['amends'];
  amendmentReason: string;
  /** The predecessor district's agreement this one continues (resolved and checked by the API). */
  continues?: ContinuesRef | null;
  amendedBy: string | null;
  supersededBy: string | null;
  signedOn: string | null;
  effectiveFrom: string | null;
  effectiveTo: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
  createdBy: string;
};

/**
 * The header fields of a record written for the first time (a create, an amendment, a seeded
 * record): a draft at revision 1 and version 1 with no lineage, except what `given` says.
 */
export function newHeaderMeta(at: string, createdBy: string, given: Partial<HeaderMeta> = {}): HeaderMeta {
  return {
    status: 'draft',
    revision: 1,
    amends: null,
    amendmentReason: '',
    continues: null,
    amendedBy: null,
    supersededBy: null,
    signedOn: null,
    effectiveFrom: null,
    effectiveTo: null,
    version: 1,
    createdAt: at,
    updatedAt: at,
    createdBy,
    ...given,
  };
}

/** The header fields that are not content (for carrying them through a content replacement). */
export function metaOf(a: Agreement, createdBy: string): HeaderMeta {
  return {
    status: a.status,
    revision: a.revision,
    amends: a.amends,
    amendmentReason: a.amendmentReason,
    continues: a.continues,
    amendedBy: a.amendedBy,
    supersededBy: a.supersededBy,
    signedOn: a.signedOn,
    effectiveFrom: a.effectiveFrom,
    effectiveTo: a.effectiveTo,
    version: a.version,
    createdAt: a.createdAt,
    updatedAt: a.updatedAt,
    createdBy,
  };
}
