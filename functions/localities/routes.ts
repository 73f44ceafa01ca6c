import { Hono } from 'hono';
import * as z from 'zod';
import { provinceCodeSchema } from '../../shared/identity.js';
import { findProvince, localitiesAsOf, provinces } from '../../shared/localities/index.js';
import type { AppEnv } from '../api/env.js';
import { ProblemError } from '../api/problem.js';
import { validate } from '../api/validate.js';

/**
 * Public pick-lists of the official administrative units (sign-up chooses from these).
 * Static data bundled with the code: no DynamoDB request.
 */
export const localityRoutes = new Hono<AppEnv>()
  .get('/', validate('query', z.object({ q: z.string().max(100).optional() })), (c) => {
    const { q } = c.req.valid('query');
    const list = provinces
      .filter((p) => !q || p.name.toLowerCase().includes(q.toLowerCase()))
      .map((p) => ({ code: p.code, name: p.name, type: p.type, districtCount: p.districts.length }));
    return c.json({ asOf: localitiesAsOf, provinces: list });
  })
  .get('/:provinceCode', validate('param', z.object({ provinceCode: provinceCodeSchema })), (c) => {
    const { provinceCode } = c.req.valid('param');
    const province = findProvince(provinceCode);
    if (!province) {
      throw new ProblemError('not-found', {
        vi: `Không có tỉnh/thành phố mã ${provinceCode}`,
        en: `No province with code ${provinceCode}`,
      });
    }
    return c.json({ asOf: localitiesAsOf, province });
  });
