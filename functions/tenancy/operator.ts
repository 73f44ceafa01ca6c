import { Hono } from 'hono';
import { tenancyKeys } from '../../shared/keys.js';
import { provincesOf } from '../../shared/localities/index.js';
import { tenantListQuerySchema, tenantSchema } from '../../shared/tenancy/schema.js';
import { requireAuth, requirePermission } from '../auth/middleware.js';
import type { AppEnv } from '../http/env.js';
import { ProblemError } from '../http/problem.js';
import { validate } from '../http/validate.js';
import { badCursor, cursorKey, openCursor } from '../store/cursor.js';

/**
 * Every province code a tenant can carry: the current list and the 2025 list (the tenants of merged
 * provinces and their districts keep their 2025 code). Sorted, so a page walks them in one order.
 */
const ALL_PROVINCES = [...new Set([...provincesOf['2026-04'], ...provincesOf['2025-03']].map((p) => p.code))].sort();

/**
 * An unfiltered page reads province after province until it is full. Empty provinces cost one small
 * Query each, so a first page over all of them is at most this many Queries; the cursor carries on.
 */
const MAX_QUERIES_PER_PAGE = ALL_PROVINCES.length;

type Position = { province: string; key?: Record<string, string> };

/** The list a cursor belongs to: the same filters, or the cursor is refused. */
const listName = (province: string | undefined, status: string | undefined) => `tenants:${province ?? '*'}:${status ?? '*'}`;

function encodePosition(list: string, p: Position): string {
  return Buffer.from(JSON.stringify({ l: list, p: p.province, ...(p.key ? { k: p.key } : {}) }), 'utf8').toString('base64url');
}

/**
 * Checks a cursor before use: same list, a known province among those the filter walks, and a key
 * of exactly GSI1's attributes inside that province's tenant list (so it cannot point DynamoDB elsewhere).
 */
function decodePosition(cursor: string | undefined, list: string, provinces: string[]): Position | undefined {
  const c = openCursor(cursor, list);
  if (!c) return undefined;
  if (typeof c.p !== 'string' || !provinces.includes(c.p)) throw badCursor();
  if (c.k === undefined) return { province: c.p };
  const key = cursorKey(c.k, 'GSI1');
  if (key.GSI1PK !== tenancyKeys.tenantsOfProvince(c.p).GSI1PK || !String(key.PK).startsWith(`${c.p}#`)) throw badCursor();
  return { province: c.p, key };
}

/**
 * Operator: the platform's tenants, page by page — provinces in code order, within a province the
 * locality codes in order and the province's own tenant last (GSI1 of the tenant profiles, one
 * partition per province). `?province=` reads one partition; `?status=` filters on the server.
 */
export const operatorRoutes = new Hono<AppEnv>().get(
  '/tenants',
  requireAuth,
  requirePermission('platform:operate'),
  validate('query', tenantListQuerySchema),
  async (c) => {
    const { province, status, limit, cursor } = c.req.valid('query');
    if (province !== undefined && !ALL_PROVINCES.includes(province)) {
      throw new ProblemError('validation', undefined, [
        {
          field: 'province',
          in: 'query',
          code: 'unknown-province',
          message_vi: 'Không có tỉnh/thành phố với mã này (danh mục hiện hành hoặc trước 01/07/2025)',
          message_en: 'No province with this code (current list or before 01/07/2025)',
        },
      ]);
    }
    const provinces = province ? [province] : ALL_PROVINCES;
    const list = listName(province, status);
    const start = decodePosition(cursor, list, provinces);
    let index = start ? provinces.indexOf(start.province) : 0;
    let key = start?.key;
    const items: Record<string, unknown>[] = [];
    for (let queries = 0; index < provinces.length && items.length < limit && queries < MAX_QUERIES_PER_PAGE; queries++) {
      const page = await c.var.store.query({
        IndexName: 'GSI1',
        KeyConditionExpression: 'GSI1PK = :pk',
        ExpressionAttributeValues: { ':pk': tenancyKeys.tenantsOfProvince(provinces[index]!).GSI1PK, ...(status ? { ':status': status } : {}) },
        ...(status ? { FilterExpression: '#status = :status', ExpressionAttributeNames: { '#status': 'status' } } : {}),
        Limit: limit - items.length,
        ...(key ? { ExclusiveStartKey: key } : {}),
      });
      items.push(...page.items);
      if (page.lastKey) key = page.lastKey as Record<string, string>;
      else {
        index++;
        key = undefined;
      }
    }
    const nextCursor = index < provinces.length ? encodePosition(list, { province: provinces[index]!, ...(key ? { key } : {}) }) : null;
    return c.json({ items: items.map((i) => tenantSchema.parse(i)), nextCursor });
  },
);
