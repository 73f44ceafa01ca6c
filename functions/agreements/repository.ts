import { vietnamToday, type AgreementDetail, type ListQuery, type ListResponse } from '../../shared/agreements/schema.js';
import { foldVietnamese } from '../../shared/format.js';
import { keys, tenantPrefix, type TenantRef } from '../../shared/keys.js';
import { ProblemError } from '../api/problem.js';
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

type CursorIndex = 'GSI1' | 'GSI2';
const cursorKeys: Record<CursorIndex, string[]> = {
  GSI1: ['PK', 'SK', 'GSI1PK', 'GSI1SK'],
  GSI2: ['PK', 'SK', 'GSI2PK', 'GSI2SK'],
};

function badCursor(): ProblemError {
  return new ProblemError('validation', { vi: 'Con trỏ phân trang không hợp lệ', en: 'Invalid paging cursor' }, [
    {
      field: 'cursor',
      in: 'query',
      code: 'invalid_cursor',
      message_vi: 'Con trỏ không hợp lệ hoặc thuộc một danh sách khác; hãy tải lại trang đầu',
      message_en: 'The cursor is invalid or belongs to another list; reload the first page',
    },
  ]);
}

export function encodeCursor(index: CursorIndex, lastKey: Record<string, unknown>): string {
  return Buffer.from(JSON.stringify({ i: index, k: lastKey }), 'utf8').toString('base64url');
}

/**
 * A cursor is the LastEvaluatedKey of the same list, base64url JSON. It is checked before use: same
 * index, exactly the key attributes, string values, and partitions inside the caller's tenant — so a
 * cursor can neither reach another tenant nor make DynamoDB fail.
 */
export function decodeCursor(cursor: string, index: CursorIndex, t: TenantRef): Record<string, string> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw badCursor();
  }
  const c = parsed as { i?: unknown; k?: unknown };
  if (!c || typeof c !== 'object' || c.i !== index || !c.k || typeof c.k !== 'object' || Array.isArray(c.k)) throw badCursor();
  const key = c.k as Record<string, unknown>;
  const names = Object.keys(key).sort();
  if (names.join(',') !== [...cursorKeys[index]].sort().join(',')) throw badCursor();
  if (!names.every((n) => typeof key[n] === 'string' && (key[n] as string).length <= 400)) throw badCursor();
  const prefix = `${tenantPrefix(t)}#AGR`;
  const indexPk = index === 'GSI1' ? keys.agreementList(t).GSI1PK : keys.agreementStatusList(t).GSI2PK;
  if (key[`${index}PK`] !== indexPk || !(key.PK as string).startsWith(`${prefix}#`) || key.SK !== 'A') throw badCursor();
  return key as Record<string, string>;
}

export async function listAgreements(store: MeteredStore, t: TenantRef, q: ListQuery, now: Date): Promise<ListResponse> {
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  const filters: string[] = [];
  let index: CursorIndex;
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
    ExclusiveStartKey: q.cursor ? decodeCursor(q.cursor, index, t) : undefined,
  });
  const today = vietnamToday(now);
  return {
    items: page.items.map((it) => summaryOf(agreementFromItem(it), today)),
    nextCursor: page.lastKey ? encodeCursor(index, page.lastKey) : null,
    asOf: today,
  };
}
