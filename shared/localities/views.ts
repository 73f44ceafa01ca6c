import * as z from 'zod';

/**
 * What `GET /api/localities` and `GET /api/localities/:province` answer, as schemas the web app
 * parses with. Kept apart from ./index.ts so the pages that parse do not bundle the unit lists.
 */
const listId = z.enum(['2025-03', '2026-04']);

export const localityUnitSchema = z.object({
  code: z.string(),
  name: z.string(),
  /** As the source names it: Quận, Huyện, Thị xã, Thành phố (2025); Xã, Phường, Đặc khu (2026). */
  type: z.string(),
  level: z.enum(['district', 'commune']),
  provinceCode: z.string(),
  validUntil: z.string().nullable(),
  /** Commune-level units: the 2025 district its code lay in (null for a new code). */
  predecessorDistrict: z.string().nullable().optional(),
});
export type LocalityUnit = z.infer<typeof localityUnitSchema>;

export const provinceListItemSchema = z.object({
  code: z.string(),
  name: z.string(),
  validUntil: z.string().nullable(),
  /** 2025 provinces: the province of the 2026 list that continues it (itself when not merged). */
  successor: z.string(),
  localityCount: z.number().int(),
});
export type ProvinceListItem = z.infer<typeof provinceListItemSchema>;

export const provinceListSchema = z.object({ list: listId, asOf: z.string(), provinces: z.array(provinceListItemSchema) });
export const provinceLocalitiesSchema = z.object({ list: listId, asOf: z.string(), province: provinceListItemSchema, localities: z.array(localityUnitSchema) });
