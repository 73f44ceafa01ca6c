import { vietnamToday, type AgreementDetail, type ListQuery, type ListResponse } from '../../shared/agreements/schema.js';
import { badCursor, decodeCursor, encodeCursor } from '../store/cursor.js';
import { foldVietnamese } from '../../shared/format.js';
import { keys, tenantPrefix, type TenantRef } from '../../shared/keys.js';
import type { MeteredStore } from '../store/metered-store.js';
import { agreementFromItem, detailFromItems, summaryOf } from './records.js';

/**
 * Agreement reads. Each is ONE DynamoDB request: the detail is one Query of the record's partition,
 * a list page is one Query of GSI1 (kind, year) or GSI2 (status).
 */

/** Every item of one agreement (header, chapters, articles, items, notes, signing, reviews). */
export async function readPartition(store: MeteredStore, t: TenantRef, id: string): Promise<Record<string, unknown>[]> {
  // A record stays far below 1 MB (≤ 90 content units, notes and reviews), so this is one request.
  return store.queryAll({
    KeyConditionExpression: 'PK = :pk',
    ExpressionAttributeValues: { ':pk': keys.agreementPartition(t, id).PK },
  });
}

export async function readDetail(store: MeteredStore, t: TenantRef, id: string, now: Date): Promise<AgreementDetail | null> {
  return detailFromItems(await readPartition(store, t, id), now);
}

// ---------------------------------------------------------------------------------------------
// Lists and their opaque cursors.

/** A cursor must come from this list and index, and point at an agreement header of the caller's tenant. */
function startKey(cursor: string | undefined, index: 'GSI1' | 'GSI2', t: TenantRef): Record<string, string> | undefined {
  const key = decodeCursor(cursor, `agreements:${index}`, index, t);
  if (!key) return undefined;
  const indexPk = index === 'GSI1' ? keys.agreementList(t).GSI1PK : keys.agreementStatusList(t).GSI2PK;
  if (key[`${index}PK`] !== indexPk || !(key.PK ?? '').startsWith(`${tenantPrefix(t)}#AGR#`) || key.SK !== 'A') throw badCursor();
  return key;
}

export async function listAgreements(store: MeteredStore, t: TenantRef, q: ListQuery, now: Date): Promise<ListResponse> {
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  const filters: string[] = [];
  let index: 'GSI1' | 'GSI2';
  let keyCondition: string;

  let term: { from: number; to: number } | null = null;
  if (q.term) {
    const [from, to] = q.term.split('-').map(Number) as [number, number];
    term = { from, to };
  }

  if (q.status) {
    index = 'GSI2';
    keyCondition = 'GSI2PK = :pk AND begins_with(GSI2SK, :sk)';
    values[':pk'] = keys.agreementStatusList(t).GSI2PK;
    values[':sk'] = `${q.status}#`;
    if (q.kind) {
      filters.push('#kind = :kind');
      names['#kind'] = 'kind';
      values[':kind'] = q.kind;
    }
  } else {
    index = 'GSI1';
    values[':pk'] = keys.agreementList(t).GSI1PK;
    keyCondition = 'GSI1PK = :pk';
    if (q.kind) {
      keyCondition += ' AND begins_with(GSI1SK, :sk)';
      // Programs/plans of one year, or regulations whose term starts in the asked term's year.
      const exactYear = q.kind !== 'regulation' && q.year !== undefined ? q.year : term ? term.from : null;
      values[':sk'] = exactYear !== null ? `${q.kind}#${exactYear}#` : `${q.kind}#`;
    }
  }
  if (q.year !== undefined) {
    filters.push('yearFrom <= :year AND yearTo >= :year');
    values[':year'] = q.year;
  }
  if (term) {
    filters.push('yearFrom = :termFrom AND yearTo = :termTo');
    values[':termFrom'] = term.from;
    values[':termTo'] = term.to;
  }
  if (q.party) {
    filters.push('contains(partyCodes, :party)');
    values[':party'] = q.party;
  }
  const words = q.q ? foldVietnamese(q.q).split(' ').filter(Boolean).slice(0, 6) : [];
  words.forEach((w, i) => {
    filters.push(`contains(searchText, :q${i})`);
    values[`:q${i}`] = w;
  });

  const page = await store.query({
    IndexName: index,
    KeyConditionExpression: keyCondition,
    ...(filters.length ? { FilterExpression: filters.join(' AND ') } : {}),
    ...(Object.keys(names).length ? { ExpressionAttributeNames: names } : {}),
    ExpressionAttributeValues: values,
    ScanIndexForward: false,
    Limit: q.limit,
    ExclusiveStartKey: startKey(q.cursor, index, t),
  });
  const today = vietnamToday(now);
  return {
    items: page.items.map((it) => summaryOf(agreementFromItem(it), today)),
    nextCursor: encodeCursor(`agreements:${index}`, page.lastKey),
    asOf: today,
  };
}
