import type { CheckResult, DocumentDetail, DocumentList, ListDocumentsQuery, NumberCheckResult } from '../../shared/archive/schema.js';
import { foldVietnamese } from '../../shared/format.js';
import { keys, s3Keys, tenantPrefix, type TenantRef } from '../../shared/keys.js';
import { badCursor, decodeCursor, encodeCursor } from '../store/cursor.js';
import type { MeteredStore } from '../store/metered-store.js';
import { numberKeyOf, toDetail, toSummary, toVersion, type Item } from './records.js';

/**
 * Archive reads. Each is ONE DynamoDB request: a detail is one Query of the document's partition, a
 * list page one Query of GSI1 (the tenant's list or its recycle bin) or GSI2 (one type's list), a
 * hash look-up one Query of GSI2, a version one GetItem.
 */

/** Every item of one document's partition: the document and its versions (≤ 51 small items). */
export async function readDocumentItems(store: MeteredStore, t: TenantRef, id: string): Promise<Item[]> {
  const { items } = await store.query({
    KeyConditionExpression: 'PK = :pk',
    ExpressionAttributeValues: { ':pk': keys.document(t, id).PK },
    ConsistentRead: true,
  });
  return items;
}

export async function readDetail(store: MeteredStore, t: TenantRef, id: string): Promise<DocumentDetail | null> {
  return toDetail(await readDocumentItems(store, t, id));
}

/** The document item alone, as a write reads it before deciding (strongly consistent). */
export function readDocument(store: MeteredStore, t: TenantRef, id: string): Promise<Item | undefined> {
  return store.get({ Key: keys.document(t, id), ConsistentRead: true });
}

export function readUpload(store: MeteredStore, t: TenantRef, uploadId: string): Promise<Item | undefined> {
  return store.get({ Key: keys.documentUpload(t, uploadId), ConsistentRead: true });
}

/**
 * One version item (its object's key, hash, name and type), or null when it does not exist, its
 * document is deleted and the caller may not see deleted documents, or — defence in depth — its
 * object lies outside the tenant's prefix (no URL is ever signed for it).
 */
export async function readStoredVersion(store: MeteredStore, t: TenantRef, id: string, n: number, includeDeleted: boolean): Promise<Item | null> {
  const item = await store.get({ Key: keys.documentVersion(t, id, n) });
  if (!item || (item.docDeleted && !includeDeleted)) return null;
  if (typeof item.s3Key !== 'string' || !item.s3Key.startsWith(`${s3Keys.tenantPrefix(t)}/`)) return null;
  return item;
}

/** "Does the archive hold exactly this file?": every version with this SHA-256 (few: one per copy stored). */
export async function findByHash(store: MeteredStore, t: TenantRef, sha256: string, includeDeleted: boolean): Promise<CheckResult> {
  const { items } = await store.query({
    IndexName: 'GSI2',
    KeyConditionExpression: 'GSI2PK = :pk',
    ExpressionAttributeValues: { ':pk': keys.documentHash(t, sha256).GSI2PK },
  });
  return {
    sha256,
    matches: items
      .filter((i) => includeDeleted || !i.docDeleted)
      .map((i) => {
        const { documentId, versionNo, fileName, size, uploadedAt, current } = toVersion(i);
        return { documentId, versionNo, fileName, size, uploadedAt, current, deleted: Boolean(i.docDeleted) };
      }),
  };
}

/**
 * Number clash (Decree 30/2020: a register never repeats a number): the tenant's documents with the
 * same number and symbol (folded, spaces ignored) and at least one issuing agency in common — one
 * Query of the register's entries for that number.
 */
export async function findNumberClashes(
  store: MeteredStore,
  t: TenantRef,
  q: { numberSymbol: string; agencies: string[]; excludeId?: string },
): Promise<NumberCheckResult> {
  const { items } = await store.query({
    KeyConditionExpression: 'PK = :pk AND begins_with(SK, :number)',
    ExpressionAttributeValues: { ':pk': keys.documentNumber(t, '', '').PK, ':number': `${numberKeyOf(q.numberSymbol)}#` },
  });
  const wanted = new Set(q.agencies.map(foldVietnamese).filter(Boolean));
  return {
    clashes: items
      .filter((i) => i.documentId !== q.excludeId)
      .filter((i) => wanted.size === 0 || ((i.agencyKeys as string[]) ?? []).some((a) => wanted.has(a)))
      .map((i) => ({
        documentId: i.documentId as string,
        numberSymbol: i.numberSymbol as string,
        issuingAgencies: i.issuingAgencies as string[],
        signedOn: i.signedOn as string,
        type: i.type as NumberCheckResult['clashes'][number]['type'],
        summary: i.summary as string,
        deleted: Boolean(i.deleted),
      })),
  };
}

// ---------- list and search ----------

/** How many index entries one filtered list request may examine (one Query, ≤ 1 MB read). */
const FILTERED_READ_BUDGET = 400;

/** Which list a query reads: its index, key attribute names, partition and cursor name. */
type ListTarget = { index: 'GSI1' | 'GSI2'; pkName: string; skName: string; pk: string; name: string };

function listTarget(t: TenantRef, q: ListDocumentsQuery, deleted: boolean): ListTarget {
  if (deleted) return { index: 'GSI1', pkName: 'GSI1PK', skName: 'GSI1SK', pk: keys.documentDeletedList(t).GSI1PK, name: 'archive:bin:GSI1' };
  if (q.type !== undefined) return { index: 'GSI2', pkName: 'GSI2PK', skName: 'GSI2SK', pk: keys.documentTypeList(t, q.type).GSI2PK, name: 'archive:GSI2' };
  return { index: 'GSI1', pkName: 'GSI1PK', skName: 'GSI1SK', pk: keys.documentList(t).GSI1PK, name: 'archive:GSI1' };
}

/**
 * The shared codec checks the cursor's list, key attributes and tenant; a document list also needs
 * it to point into the partition (and year) being read — one type's cursor is not another's.
 */
function startKey(cursor: string | undefined, target: ListTarget, t: TenantRef, year: string | undefined) {
  const key = decodeCursor(cursor, target.name, target.index, t);
  if (!key) return undefined;
  const inList = key[target.pkName] === target.pk && key.SK === 'D' && key.PK!.startsWith(`${tenantPrefix(t)}#DOC#`);
  if (!inList || (year && !key[target.skName]!.startsWith(`${year}-`))) throw badCursor();
  return key;
}

/** The cursor after `item`: its table and index key attributes, as DynamoDB's LastEvaluatedKey has them. */
function keyOf(item: Item, target: ListTarget): Record<string, unknown> {
  return { PK: item.PK, SK: item.SK, [target.pkName]: item[target.pkName], [target.skName]: item[target.skName] };
}

/**
 * List and search in one Query: the tenant's list (GSI1, newest signing date first), a type's list
 * (GSI2), or the recycle bin; year narrows the key range; words and agency (diacritics-insensitive)
 * filter within the read.
 *
 * `limit` is honoured after filtering up to the read budget: a filtered page examines at most
 * max(400, limit) index entries (one request), so a page can hold fewer matches than `limit` while
 * `nextCursor` is set — DynamoDB applies `Limit` before the filter, and a second request per page
 * would break the one-request rule.
 */
export async function listDocuments(store: MeteredStore, t: TenantRef, q: ListDocumentsQuery, deleted: boolean): Promise<DocumentList> {
  const target = listTarget(t, q, deleted);
  const names: Record<string, string> = { '#pk': target.pkName };
  const values: Record<string, unknown> = { ':pk': target.pk };
  let keyCondition = '#pk = :pk';
  if (q.year) {
    names['#sk'] = target.skName;
    values[':year'] = `${q.year}-`;
    keyCondition += ' AND begins_with(#sk, :year)';
  }
  const filters: string[] = [];
  if (deleted && q.type) {
    names['#type'] = 'type';
    values[':type'] = q.type;
    filters.push('#type = :type');
  }
  const words = foldVietnamese(q.q ?? '')
    .split(' ')
    .filter(Boolean)
    .slice(0, 8);
  words.forEach((w, i) => {
    values[`:w${i}`] = w;
    // The metadata, or the current file's text (search inside documents; absent for scans).
    filters.push(`(contains(searchText, :w${i}) OR contains(contentText, :w${i}))`);
  });
  if (q.signed) {
    // "có chữ ký số": the current file carries a digital signature (records.ts `isSigned`).
    values[':signed'] = true;
    filters.push(q.signed === 'true' ? 'signed = :signed' : '(attribute_not_exists(signed) OR signed <> :signed)');
  }
  const agency = foldVietnamese(q.agency ?? '');
  if (agency) {
    values[':agency'] = agency;
    filters.push('contains(agencyText, :agency)');
  }
  const { items, lastKey } = await store.query({
    IndexName: target.index,
    KeyConditionExpression: keyCondition,
    ...(filters.length ? { FilterExpression: filters.join(' AND ') } : {}),
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: values,
    ScanIndexForward: false,
    Limit: filters.length ? Math.max(FILTERED_READ_BUDGET, q.limit) : q.limit,
    ExclusiveStartKey: startKey(q.cursor, target, t, q.year),
  });
  const page = items.slice(0, q.limit);
  // More matches than the page holds: continue after the last one shown, not after the read.
  const after = items.length > q.limit ? keyOf(page[page.length - 1]!, target) : lastKey;
  return { items: page.map(toSummary), nextCursor: encodeCursor(target.name, after) };
}
