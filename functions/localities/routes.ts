import { Hono } from 'hono';
import * as z from 'zod';
import { wholeNumberQuery } from '../../shared/query.js';
import { provinceCodeSchema } from '../../shared/identity.js';
import { bilingual } from '../../shared/problem.js';
import { CURRENT_LIST, findProvince, listAsOf, listSource, matchesName, provincesOf, searchLocalities } from '../../shared/localities/index.js';
import type { AppEnv } from '../http/env.js';
import { ProblemError } from '../http/problem.js';
import { validate } from '../http/validate.js';

/** `?list=2026-04` (current, the default) or `?list=2025-03` (the three-level list, history). */
const listQuery = z.enum(
  ['2026-04', '2025-03'],
  bilingual('Danh mục là 2026-04 (hiện hành) hoặc 2025-03 (trước 01/07/2025)', 'List is 2026-04 (current) or 2025-03 (before 01/07/2025)'),
);
const searchQuery = z.string().max(100, bilingual('Từ khóa tối đa 100 ký tự', 'The search text is at most 100 characters'));

/**
 * Public pick-lists of the official administrative units: the current two-level list by default,
 * the 2025 three-level list on request. Names match without diacritics ("tay ho" → Phường Tây Hồ).
 * Static data bundled with the code: no DynamoDB request. Cached by browsers for a day.
 */
export const localityRoutes = new Hono<AppEnv>()
  .get('/', validate('query', z.strictObject({ q: searchQuery.optional(), list: listQuery.optional() })), (c) => {
    const { q, list = CURRENT_LIST } = c.req.valid('query');
    const provinces = provincesOf[list]
      .filter((p) => !q || matchesName(p.name, q))
      .map((p) => ({ code: p.code, name: p.name, level: p.level, validUntil: p.validUntil, successor: p.successor, localityCount: p.localities.length }));
    c.header('cache-control', 'public, max-age=86400');
    return c.json({ list, asOf: listAsOf[list], source: listSource[list], provinces });
  })
  .get(
    '/:provinceCode',
    validate('param', z.strictObject({ provinceCode: provinceCodeSchema })),
    validate(
      'query',
      z.strictObject({
        q: searchQuery.optional(),
        list: listQuery.optional(),
        limit: wholeNumberQuery({ vi: 'Số dòng', en: 'The limit' }, 1, 5000).optional(),
      }),
    ),
    (c) => {
      const { provinceCode } = c.req.valid('param');
      const { q, list = CURRENT_LIST, limit } = c.req.valid('query');
      const province = findProvince(provinceCode, list);
      if (!province) {
        throw new ProblemError('not-found', {
          vi: `Không có tỉnh/thành phố mã ${provinceCode} trong danh mục ${list}`,
          en: `No province with code ${provinceCode} in the ${list} list`,
        });
      }
      const localities = searchLocalities(province.localities, q, limit);
      c.header('cache-control', 'public, max-age=86400');
      return c.json({
        list,
        asOf: listAsOf[list],
        province: {
          code: province.code,
          name: province.name,
          level: province.level,
          validUntil: province.validUntil,
          successor: province.successor,
          localityCount: province.localities.length,
        },
        localities,
      });
    },
  );
