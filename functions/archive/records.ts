import {
  documentTypeLabel,
  type Actor,
  type DocumentDetail,
  type DocumentLink,
  type DocumentMetadata,
  type DocumentSummary,
  type DocumentVersion,
  type FileKind,
} from '../../shared/archive/schema.js';
import type { SignatureCheck } from '../../shared/archive/signatures.js';
import { foldVietnamese } from '../../shared/format.js';
import type { Identity } from '../../shared/identity.js';
import { keys, tenantPrefix, type TenantRef } from '../../shared/keys.js';
import type { TransactItem } from '../store/metered-store.js';

/**
 * Archive items ↔ API records (docs/data-model.md, "Signed-document archive"). Key attributes are
 * built here from the tenant and ids only.
 */

export type Item = Record<string, unknown>;

export function actorOf(identity: Identity): Actor {
  return { userId: identity.userId, email: identity.email, ...(identity.name ? { name: identity.name } : {}) };
}

/** What a search looks in: number/symbol, summary, agencies, signers, tags and the type's name, folded. */
export function searchTextOf(m: DocumentMetadata): string {
  const label = documentTypeLabel(m.type);
  return foldVietnamese(
    [m.numberSymbol, m.summary, ...m.issuingAgencies, ...m.signers.flatMap((s) => [s.name, s.title ?? '', s.agency ?? '']), ...m.tags, m.type, label.vi].join(
      ' | ',
    ),
  );
}

export function agencyTextOf(m: DocumentMetadata): string {
  return foldVietnamese(m.issuingAgencies.join(' | '));
}

export type CurrentFile = DocumentSummary['current'];

/** What a document keeps of its current file's signature check: the verdict and the signers' names. */
export function signatureFacts(check: SignatureCheck | undefined): Pick<CurrentFile, 'signatureStatus' | 'signedBy'> {
  if (!check) return {};
  const names = check.signatures.flatMap((s) => (s.signer?.commonName ? [s.signer.commonName] : []));
  return { signatureStatus: check.status, ...(names.length ? { signedBy: [...new Set(names)].slice(0, 5) } : {}) };
}

/** The signature check as the audit log keeps it: verdict, verifier, and who signed when. */
export function auditSignature(check: SignatureCheck) {
  return {
    status: check.status,
    verifier: check.verifier,
    modifiedAfterSigning: check.modifiedAfterSigning,
    signatures: check.signatures.map((s) => ({
      index: s.index,
      integrity: s.integrity,
      ...(s.trust ? { trust: s.trust } : {}),
      ...(s.signer ? { signer: s.signer.commonName, organization: s.signer.organization, serialNumber: s.signer.serialNumber } : {}),
      ...(s.signingTime ? { signingTime: s.signingTime } : {}),
    })),
  };
}

/** The "có chữ ký số" flag the list filters on: the current file carries at least one signature. */
export function isSigned(current: Pick<CurrentFile, 'signatureStatus'>): boolean {
  return current.signatureStatus !== undefined && current.signatureStatus !== 'not-signed';
}

/** Index attributes of a live (not deleted) document: the tenant list and its type's list, by signing date. */
export function liveIndexKeys(t: TenantRef, id: string, m: Pick<DocumentMetadata, 'type' | 'signedOn'>) {
  const sortKey = `${m.signedOn}#${id}`;
  return { ...keys.documentList(t), GSI1SK: sortKey, ...keys.documentTypeList(t, m.type), GSI2SK: sortKey };
}

export function metadataAttributes(m: DocumentMetadata) {
  return {
    type: m.type,
    numberSymbol: m.numberSymbol,
    issuingAgencies: m.issuingAgencies,
    signedOn: m.signedOn,
    signers: m.signers,
    summary: m.summary,
    links: m.links,
    tags: m.tags,
    searchText: searchTextOf(m),
    agencyText: agencyTextOf(m),
  };
}

export function metadataOf(item: Item): DocumentMetadata {
  return {
    type: item.type as DocumentMetadata['type'],
    numberSymbol: item.numberSymbol as string,
    issuingAgencies: (item.issuingAgencies as string[]) ?? [],
    signedOn: item.signedOn as string,
    signers: (item.signers as DocumentMetadata['signers']) ?? [],
    summary: item.summary as string,
    links: (item.links as DocumentLink[]) ?? [],
    tags: (item.tags as string[]) ?? [],
  };
}

export function documentItem(opts: {
  t: TenantRef;
  id: string;
  metadata: DocumentMetadata;
  current: CurrentFile;
  latestVersionNo: number;
  createdAt: string;
  createdBy: Actor;
  /** The current file's folded text (search inside documents), bounded. */
  contentText?: string;
}): Item {
  return {
    ...keys.document(opts.t, opts.id),
    ...liveIndexKeys(opts.t, opts.id, opts.metadata),
    entity: 'document',
    tenant: tenantPrefix(opts.t),
    id: opts.id,
    ...metadataAttributes(opts.metadata),
    latestVersionNo: opts.latestVersionNo,
    current: opts.current,
    signed: isSigned(opts.current),
    ...(opts.contentText ? { contentText: opts.contentText } : {}),
    createdAt: opts.createdAt,
    createdBy: opts.createdBy,
    updatedAt: opts.createdAt,
    version: 1,
  };
}

export function versionItem(opts: {
  t: TenantRef;
  documentId: string;
  versionNo: number;
  s3Key: string;
  fileName: string;
  size: number;
  kind: FileKind;
  contentType: string;
  sha256: string;
  uploadedAt: string;
  uploadedBy: Actor;
  uploadId: string;
  note?: string;
  /** The S3 version id of the stored copy (pinned reads), when the bucket reported one. */
  s3VersionId?: string;
  signature?: SignatureCheck;
  text?: DocumentVersion['text'];
}): Item {
  return {
    ...keys.documentVersion(opts.t, opts.documentId, opts.versionNo),
    ...keys.documentHash(opts.t, opts.sha256),
    GSI2SK: `${opts.documentId}#${String(opts.versionNo).padStart(4, '0')}`,
    entity: 'document-version',
    tenant: tenantPrefix(opts.t),
    documentId: opts.documentId,
    versionNo: opts.versionNo,
    s3Key: opts.s3Key,
    fileName: opts.fileName,
    size: opts.size,
    kind: opts.kind,
    contentType: opts.contentType,
    sha256: opts.sha256,
    uploadedAt: opts.uploadedAt,
    uploadedBy: opts.uploadedBy,
    uploadId: opts.uploadId,
    ...(opts.note ? { note: opts.note } : {}),
    ...(opts.s3VersionId ? { s3VersionId: opts.s3VersionId } : {}),
    ...(opts.signature ? { signature: opts.signature } : {}),
    ...(opts.text ? { text: opts.text } : {}),
    current: true,
    docDeleted: false,
  };
}

/** How a number and symbol is compared: folded like search (no diacritics, lower case), without spaces. */
export function numberKeyOf(numberSymbol: string): string {
  return foldVietnamese(numberSymbol).replace(/\s+/g, '').replace(/#/g, '_');
}

/** The document's entry in the tenant's number register (written with every create, edit, delete and restore). */
export function numberRegisterItem(t: TenantRef, id: string, m: DocumentMetadata, deleted: boolean): Item {
  return {
    ...keys.documentNumber(t, numberKeyOf(m.numberSymbol), id),
    entity: 'document-number',
    tenant: tenantPrefix(t),
    documentId: id,
    numberSymbol: m.numberSymbol,
    issuingAgencies: m.issuingAgencies,
    agencyKeys: m.issuingAgencies.map(foldVietnamese),
    signedOn: m.signedOn,
    type: m.type,
    summary: m.summary.slice(0, 300),
    deleted,
  };
}

/** The mirror of a link in the linked record's partition, carrying what a list of its documents shows. */
export function linkMirrorItem(t: TenantRef, link: DocumentLink, doc: { id: string; deleted: boolean } & DocumentMetadata): Item {
  return {
    ...keys.documentLinkMirror(t, link, doc.id),
    entity: 'document-link',
    tenant: tenantPrefix(t),
    documentId: doc.id,
    link,
    type: doc.type,
    numberSymbol: doc.numberSymbol,
    summary: doc.summary,
    signedOn: doc.signedOn,
    deleted: doc.deleted,
  };
}

/** The record a link must point at, for the existence check (a review lives in its agreement's partition). */
export function linkTargetKey(t: TenantRef, link: DocumentLink): { PK: string; SK: string } {
  return link.kind === 'plan' ? keys.supervisionPlan(t, link.id) : keys.agreement(t, link.id);
}

/** A document item as stored: its metadata and file attributes under the API's names. */
type StoredDocument = Omit<DocumentSummary, keyof DocumentMetadata | 'deleted'> & { deleted?: DocumentSummary['deleted'] };

export function toSummary(item: Item): DocumentSummary {
  const { id, latestVersionNo, current, createdAt, createdBy, updatedAt, version, deleted } = item as StoredDocument;
  return { id, ...metadataOf(item), latestVersionNo, current, createdAt, createdBy, updatedAt, version, ...(deleted ? { deleted } : {}) };
}

export function toVersion(item: Item): DocumentVersion {
  const { documentId, versionNo, fileName, size, contentType, kind, sha256, uploadedAt, uploadedBy, note, current, signature, text } = item as DocumentVersion;
  return {
    documentId,
    versionNo,
    fileName,
    size,
    contentType,
    kind,
    sha256,
    uploadedAt,
    uploadedBy,
    ...(note ? { note } : {}),
    current,
    ...(signature ? { signature } : {}),
    ...(text ? { text } : {}),
  };
}

/** Detail from the items of the document's partition (one Query): the document and its versions. */
export function toDetail(items: Item[]): DocumentDetail | null {
  const doc = items.find((i) => i.SK === 'D');
  if (!doc) return null;
  const versions = items
    .filter((i) => typeof i.SK === 'string' && i.SK.startsWith(keys.documentVersionPrefix))
    .map(toVersion)
    .sort((a, b) => a.versionNo - b.versionNo);
  return { ...toSummary(doc), versions };
}

/**
 * What mirrors a document outside its own items: each link's mirror on the linked record and its
 * entry in the number register, both carrying whether the document is deleted.
 */
export function mirrorPuts(t: TenantRef, id: string, metadata: DocumentMetadata, deleted: boolean): TransactItem[] {
  return [
    ...metadata.links.map((l): TransactItem => ({ Put: { Item: linkMirrorItem(t, l, { ...metadata, id, deleted }) } })),
    { Put: { Item: numberRegisterItem(t, id, metadata, deleted) } },
  ];
}
