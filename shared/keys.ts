import type { Identity } from './identity.js';
import { vietnamMonth } from './dates.js';
import { successorProvince } from './localities/index.js';

/**
 * Key design. Every partition key (table and index) starts with the tenant's place:
 *   commune-level tenant  `<province>#<commune>`   e.g. `01#00103` (Phường Tây Hồ)
 *   district tenant       `<province>#<district>`  e.g. `01#003` (Quận Tây Hồ, history until 30/06/2025)
 *   province tenant       `<province>#P`           e.g. `19#P`
 * Commune codes have 5 digits and district codes 3, so the two never collide. One IAM
 * `dynamodb:LeadingKeys` pattern (`01#00103#*`) fences a tenant, and `01#*` spans a province. The
 * tenant part is always derived from the verified identity (`tenantOf`) or from the reference data
 * after an access check, never from request input. See docs/data-model.md for every access pattern.
 */

export const PROVINCE_SCOPE = 'P';

/** The Vietnam (UTC+7) calendar month `yyyy-mm` of an instant: audit logs are partitioned by it. */
export const auditMonthOf = (at: string | Date): string => vietnamMonth(at);

/** A tenant: a locality (commune-level unit, or a 2025 district) of a province, or the province itself (null). */
export type TenantRef = { provinceCode: string; localityCode: string | null };

export function tenantPrefix(t: TenantRef): string {
  if (!/^\d{2}$/.test(t.provinceCode)) throw new Error(`bad province code ${t.provinceCode}`);
  if (t.localityCode !== null && !/^(\d{3}|\d{5})$/.test(t.localityCode)) throw new Error(`bad locality code ${t.localityCode}`);
  return `${t.provinceCode}#${t.localityCode ?? PROVINCE_SCOPE}`;
}

/**
 * The province whose dashboard a tenant rolls up into: its own province, or the province of the
 * current list that continues a merged one (06 Bắc Kạn → 19 Thái Nguyên).
 */
export function rollupProvinceOf(t: TenantRef): string {
  return successorProvince(t.provinceCode) ?? t.provinceCode;
}

/** The tenant an identity acts for. Operators act for no tenant. */
export function tenantOf(identity: Identity): TenantRef {
  if (!identity.provinceCode) throw new Error('identity has no tenant');
  return { provinceCode: identity.provinceCode, localityCode: identity.localityCode };
}

/** IAM LeadingKeys pattern fencing one tenant (used by infra's scoped role). */
export function leadingKeyPattern(t: TenantRef): string {
  return `${tenantPrefix(t)}#*`;
}

/** IAM LeadingKeys pattern spanning a province (province staff read their localities). */
export function provinceLeadingKeyPattern(provinceCode: string): string {
  return `${provinceCode}#*`;
}

export const keys = {
  /** Tenant profile (status pending/active/rejected) and, through GSI1, the province's tenant list. */
  tenant: (t: TenantRef) => ({
    PK: `${tenantPrefix(t)}#TENANT`,
    SK: 'PROFILE',
    GSI1PK: `${t.provinceCode}#TENANTS`,
    GSI1SK: t.localityCode ?? PROVINCE_SCOPE,
  }),
  /** Users of a tenant: one partition, so the users page is one Query. */
  user: (t: TenantRef, userId: string) => ({ PK: `${tenantPrefix(t)}#USERS`, SK: `USER#${userId}` }),
  usersOf: (t: TenantRef) => ({ PK: `${tenantPrefix(t)}#USERS`, SKPrefix: 'USER#' }),
  /** Agreement record partition: header, items, signing, reviews share it (one Query per page). */
  agreement: (t: TenantRef, id: string) => ({ PK: `${tenantPrefix(t)}#AGR#${id}`, SK: 'A' }),
  /** Agreement list index entry (GSI1 on the header item). */
  agreementList: (t: TenantRef) => ({ GSI1PK: `${tenantPrefix(t)}#AGR` }),
  supervisionPlan: (t: TenantRef, id: string) => ({ PK: `${tenantPrefix(t)}#SUP#${id}`, SK: 'P' }),
  supervisionList: (t: TenantRef) => ({ GSI1PK: `${tenantPrefix(t)}#SUP` }),
  document: (t: TenantRef, id: string) => ({ PK: `${tenantPrefix(t)}#DOC#${id}`, SK: 'D' }),
  documentList: (t: TenantRef) => ({ GSI1PK: `${tenantPrefix(t)}#DOC` }),
  /**
   * Append-only audit, one partition per tenant per month; SK sorts by time (UTC ISO). The month is
   * the Vietnam calendar month (UTC+7), so a day range chosen in Vietnam is always one partition.
   */
  audit: (t: TenantRef, at: string, id: string) => ({ PK: `${tenantPrefix(t)}#AUDIT#${auditMonthOf(at)}`, SK: `${at}#${id}` }),
  /**
   * One small roll-up item per tenant in the current province's partition: dashboard = one Query.
   * The SK names the tenant's own province too, because a merged province's tenants (`06#058`,
   * `06#P`) roll up into their successor's partition (`19#P#ROLLUP`).
   */
  rollup: (t: TenantRef) => ({ PK: `${rollupProvinceOf(t)}#P#ROLLUP`, SK: `T#${tenantPrefix(t)}` }),
  rollupsOf: (provinceCode: string) => ({ PK: `${provinceCode}#P#ROLLUP` }),
  /** Idempotency record for a create, scoped to the tenant; expires through TTL. */
  idempotency: (t: TenantRef, key: string) => ({ PK: `${tenantPrefix(t)}#IDEMP`, SK: key }),
  ...agreementKeys(),
  // ---- signed-document archive (issue #6) ----
  /** One file version of a document, in the document's partition; GSI2 finds it by content hash. */
  documentVersion: (t: TenantRef, id: string, n: number) => ({ PK: `${tenantPrefix(t)}#DOC#${id}`, SK: `V#${String(n).padStart(4, '0')}` }),
  documentVersionPrefix: 'V#',
  /** "Does the archive hold exactly this file?" (GSI2 on version items). */
  documentHash: (t: TenantRef, sha256: string) => ({ GSI2PK: `${tenantPrefix(t)}#SHA#${sha256}` }),
  /** Documents of one type, newest signing date first (GSI2 on the document item). */
  documentTypeList: (t: TenantRef, type: string) => ({ GSI2PK: `${tenantPrefix(t)}#DOCTYPE#${type}` }),
  /** Soft-deleted documents move to this GSI1 partition (the recycle bin), out of every list. */
  documentDeletedList: (t: TenantRef) => ({ GSI1PK: `${tenantPrefix(t)}#DOCDEL` }),
  /** An upload in progress (declared file + metadata), until completed or expired (TTL). */
  documentUpload: (t: TenantRef, uploadId: string) => ({ PK: `${tenantPrefix(t)}#DOCUPLOAD`, SK: uploadId }),
  /** The tenant's register of document numbers (số, ký hiệu folded): one item per document, for the number clash check. */
  documentNumber: (t: TenantRef, numberKey: string, id: string) => ({ PK: `${tenantPrefix(t)}#DOCNO`, SK: `${numberKey}#${id}` }),
  /** Mirror of a document link in the linked record's partition ("documents of this agreement" = its Query). */
  documentLinkMirror: (t: TenantRef, link: { kind: 'agreement' | 'plan' | 'review'; id: string; period?: string }, docId: string) =>
    link.kind === 'plan'
      ? { PK: `${tenantPrefix(t)}#SUP#${link.id}`, SK: `DOCLINK#${docId}` }
      : { PK: `${tenantPrefix(t)}#AGR#${link.id}`, SK: link.kind === 'review' ? `DOCLINK#${docId}#REVIEW#${link.period}` : `DOCLINK#${docId}` },
};

/**
 * S3 object keys of the archive. Stored files start with the tenant prefix (`19/164/…`, `19/P/…`) so
 * IAM can fence them like table keys; uploads land first in a separate incoming area
 * (`incoming/19/164/<uploadId>`) that the browser may write through a presigned PUT and that a
 * lifecycle rule empties. Only ids the API generated appear in a key, never request text.
 */
export const s3Keys = {
  tenantPrefix: (t: TenantRef) => tenantPrefix(t).replace('#', '/'),
  /** A stored original: never overwritten (the upload id makes every key unique). */
  object: (t: TenantRef, docId: string, n: number, uploadId: string) => `${s3Keys.tenantPrefix(t)}/${docId}/${String(n).padStart(4, '0')}-${uploadId}`,
  incoming: (t: TenantRef, uploadId: string) => `incoming/${s3Keys.tenantPrefix(t)}/${uploadId}`,
};

/* Tenancy, users, invitations, audit browse (issue #3). */
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const HASH = /^[0-9a-f]{64}$/;

export const tenancyKeys = {
  /** The province's tenant list (GSI1 of the tenant profiles): sign-ups to approve, its localities. */
  tenantsOfProvince: (provinceCode: string) => {
    if (!/^\d{2}$/.test(provinceCode)) throw new Error(`bad province code ${provinceCode}`);
    return { GSI1PK: `${provinceCode}#TENANTS` };
  },
  /** Users and invitations of a tenant share one partition: the users page is one Query. */
  usersPartition: (t: TenantRef) => ({ PK: `${tenantPrefix(t)}#USERS` }),
  /** An invitation, keyed by the SHA-256 of its secret token (the token itself is never stored). */
  invitation: (t: TenantRef, tokenHash: string) => {
    if (!HASH.test(tokenHash)) throw new Error('bad invitation hash');
    return { PK: `${tenantPrefix(t)}#USERS`, SK: `INVITE#${tokenHash}` };
  },
  /** One month of a tenant's audit log (`yyyy-mm`, UTC month of the event time). */
  auditMonth: (t: TenantRef, month: string) => {
    if (!MONTH.test(month)) throw new Error(`bad month ${month}`);
    return { PK: `${tenantPrefix(t)}#AUDIT#${month}` };
  },
};

const pad3 = (n: number) => String(n).padStart(3, '0');

/**
 * Supervision (issue #5). One plan = one partition (`<T>#SUP#<id>`: header `P`, `FINDING#nnn`,
 * `REC#nnn`, `REC#nnn#RESP#<id>`), so a plan page is one Query. Plans are listed through GSI1
 * (`<T>#SUP` / `<status>#<start>#<id>`); recommendations of every plan through GSI2 (`<T>#REC` /
 * `<open|done>#<deadline>#<plan>#<nnn>`) for the follow-up board. See docs/data-model.md.
 */
export const supervisionKeys = {
  partition: (t: TenantRef, planId: string) => ({ PK: `${tenantPrefix(t)}#SUP#${planId}` }),
  plan: (t: TenantRef, planId: string) => ({ PK: `${tenantPrefix(t)}#SUP#${planId}`, SK: 'P' }),
  planListEntry: (t: TenantRef, status: string, start: string, planId: string) => ({
    GSI1PK: `${tenantPrefix(t)}#SUP`,
    GSI1SK: `${status}#${start}#${planId}`,
  }),
  planList: (t: TenantRef) => ({ GSI1PK: `${tenantPrefix(t)}#SUP` }),
  finding: (t: TenantRef, planId: string, no: number) => ({ PK: `${tenantPrefix(t)}#SUP#${planId}`, SK: `FINDING#${pad3(no)}` }),
  recommendation: (t: TenantRef, planId: string, no: number) => ({ PK: `${tenantPrefix(t)}#SUP#${planId}`, SK: `REC#${pad3(no)}` }),
  /** GSI2 entry of a recommendation; rewritten in the same update whenever its state or deadline changes. */
  recommendationIndex: (t: TenantRef, state: 'open' | 'done', deadline: string, planId: string, no: number) => ({
    GSI2PK: `${tenantPrefix(t)}#REC`,
    GSI2SK: `${state}#${deadline}#${planId}#${pad3(no)}`,
  }),
  recommendationBoard: (t: TenantRef) => ({ GSI2PK: `${tenantPrefix(t)}#REC` }),
  response: (t: TenantRef, planId: string, recNo: number, responseId: string) => ({
    PK: `${tenantPrefix(t)}#SUP#${planId}`,
    SK: `REC#${pad3(recNo)}#RESP#${responseId}`,
  }),
};

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/**
 * Agreement items (issue #4, docs/data-model.md "Agreements"). Everything of one agreement lives in
 * its partition `<T>#AGR#<id>`, so the detail page is one Query; lists go through GSI1 (kind, year)
 * and GSI2 (status, last change) of the header item.
 */
function agreementKeys() {
  const partition = (t: TenantRef, id: string) => `${tenantPrefix(t)}#AGR#${id}`;
  return {
    /** Whole record partition (detail Query). */
    agreementPartition: (t: TenantRef, id: string) => ({ PK: partition(t, id) }),
    /** GSI1 sort key of the header: `<kind>#<year or term start>#<id>`. */
    agreementListSK: (kind: string, yearFrom: number, id: string) => `${kind}#${yearFrom}#${id}`,
    /** GSI2 of the header: list by status, most recently changed first. */
    agreementStatusIndex: (t: TenantRef, status: string, updatedAt: string, id: string) => ({
      GSI2PK: `${tenantPrefix(t)}#AGR#STATUS`,
      GSI2SK: `${status}#${updatedAt}#${id}`,
    }),
    agreementStatusList: (t: TenantRef) => ({ GSI2PK: `${tenantPrefix(t)}#AGR#STATUS` }),
    agreementChapter: (t: TenantRef, id: string, chapter: number) => ({ PK: partition(t, id), SK: `CH#${pad(chapter, 2)}` }),
    agreementArticle: (t: TenantRef, id: string, chapter: number, article: number) => ({
      PK: partition(t, id),
      SK: `CH#${pad(chapter, 2)}#ART#${pad(article, 3)}`,
    }),
    agreementItem: (t: TenantRef, id: string, no: number) => ({ PK: partition(t, id), SK: `ITEM#${pad(no, 3)}` }),
    /** Progress note of an item: sorts right after its item, in time order. */
    agreementNote: (t: TenantRef, id: string, no: number, at: string, noteId: string) => ({
      PK: partition(t, id),
      SK: `ITEM#${pad(no, 3)}#NOTE#${at}#${noteId}`,
    }),
    agreementSigning: (t: TenantRef, id: string) => ({ PK: partition(t, id), SK: 'SIGNING' }),
    /** Review (sơ kết / tổng kết): period `2022-H1` or `2023-Y`. */
    agreementReview: (t: TenantRef, id: string, period: string) => ({ PK: partition(t, id), SK: `REVIEW#${period}` }),
  };
}

/**
 * Reminders and notifications (docs/data-model.md "Reminders and notifications").
 *  - due entry: one item per record that carries a deadline, in the tenant's `<T>#DUE` partition,
 *    written in the same transaction as the record. Its GSI1 entry lands in the current province's
 *    due list `<prov>#P#DUE`, sorted by the earliest open date, so the daily job reads what is due
 *    (GSI1SK ≤ today + 7 days) with one Query per province, never the tenants' records.
 *  - notification: per user, `<T>#NOTIF#<userId>` / `<id>` (deterministic id → a re-run puts nothing
 *    twice); GSI1 lists them newest first, GSI2 (sparse) holds the unread ones.
 *  - follower: `<T>#FOLLOW#<target>` / `<userId>`: the followers of a record are one Query.
 */
const USER_ID = /^[A-Za-z0-9-]{1,64}$/;
const checkedUser = (userId: string) => {
  if (!USER_ID.test(userId)) throw new Error('bad user id');
  return userId;
};

export const reminderKeys = {
  dueEntry: (t: TenantRef, ref: string) => ({ PK: `${tenantPrefix(t)}#DUE`, SK: ref }),
  /** GSI1 of a due entry: the current province's due list, earliest date first. */
  dueIndex: (t: TenantRef, date: string, ref: string) => ({ GSI1PK: `${rollupProvinceOf(t)}#P#DUE`, GSI1SK: `${date}#${tenantPrefix(t)}#${ref}` }),
  dueOfProvince: (provinceCode: string) => {
    if (!/^\d{2}$/.test(provinceCode)) throw new Error(`bad province code ${provinceCode}`);
    return { GSI1PK: `${provinceCode}#P#DUE` };
  },
  notifications: (t: TenantRef, userId: string) => ({ PK: `${tenantPrefix(t)}#NOTIF#${checkedUser(userId)}` }),
  notification: (t: TenantRef, userId: string, id: string) => ({ PK: `${tenantPrefix(t)}#NOTIF#${checkedUser(userId)}`, SK: `N#${id}` }),
  /** Newest first (GSI1) and unread only (GSI2, removed when read). */
  notificationList: (t: TenantRef, userId: string) => ({ GSI1PK: `${tenantPrefix(t)}#NOTIF#${checkedUser(userId)}` }),
  notificationUnread: (t: TenantRef, userId: string) => ({ GSI2PK: `${tenantPrefix(t)}#NOTIF#${checkedUser(userId)}#UNREAD` }),
  /** E-mail preferences and the last digest sent, beside the user's notifications. */
  notificationPrefs: (t: TenantRef, userId: string) => ({ PK: `${tenantPrefix(t)}#NOTIF#${checkedUser(userId)}`, SK: 'PREFS' }),
  digest: (t: TenantRef, userId: string, day: string) => ({ PK: `${tenantPrefix(t)}#NOTIF#${checkedUser(userId)}`, SK: `DIGEST#${day}` }),
  /** Followers of a record of the tenant (`AGR#<id>`, `SUP#<id>`) or, for a province, of a locality (`LOC#<code>`). */
  followers: (t: TenantRef, target: string) => ({ PK: `${tenantPrefix(t)}#FOLLOW#${target}` }),
  follower: (t: TenantRef, target: string, userId: string) => ({ PK: `${tenantPrefix(t)}#FOLLOW#${target}`, SK: checkedUser(userId) }),
};

/**
 * The mail outbox (functions/reminders/outbox.ts). An item is written before its mail is sent and
 * lists itself in the sparse GSI1 partition `MAIL#PENDING` until it is sent (or given up), so the
 * frequent sender reads only what waits. A sign-up decision's mail lies in the deciding province's
 * partition (written in the decision's transaction, inside the admin's fence); an event mail lies
 * under `MAIL#<tenant>#<user>`, outside every tenant's fence: only the functions write it.
 */
export const mailKeys = {
  pending: () => ({ GSI1PK: 'MAIL#PENDING' }),
  signUpDecision: (provinceCode: string, localityCode: string, version: number) => ({
    PK: `${tenantPrefix({ provinceCode, localityCode: null })}#OUTBOX`,
    SK: `SIGNUP#${localityCode}#${version}`,
  }),
  event: (t: TenantRef, userId: string, notificationId: string) => ({ PK: `MAIL#${tenantPrefix(t)}#${checkedUser(userId)}`, SK: notificationId }),
};

/**
 * Per-tenant usage (issue #16 part 4). One item per tenant and Vietnam calendar month, all of a
 * month in ONE partition: `USAGE#<yyyy-mm>` / SK `<tenant prefix>` (`01#00103`, `19#P`). Every
 * authenticated tenant request ADDs to its item after the response is built (functions/http/usage.ts);
 * the operator's page is one Query of the month (per 1 MB page), a province admin's one Query per
 * province it reads (SK begins_with `<province>#`, also for the provinces merged into it).
 * The key starts with `USAGE#`, never with a tenant prefix: tenant sessions (IAM LeadingKeys fence)
 * cannot write it, so the API writes and reads it with the function's own credentials.
 */
const USAGE_MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

export const usageKeys = {
  month: (month: string) => {
    if (!USAGE_MONTH.test(month)) throw new Error(`bad month ${month}`);
    return { PK: `USAGE#${month}` };
  },
  item: (month: string, t: TenantRef) => ({ ...usageKeys.month(month), SK: tenantPrefix(t) }),
};
