import * as z from 'zod';
import { districtCodeSchema, provinceCodeSchema } from '../identity.js';

export const tenantStatuses = ['pending', 'active', 'rejected', 'suspended'] as const;
export const tenantKinds = ['province', 'district'] as const;

/** A tenant: a province or a district of the official list. */
export const tenantSchema = z.object({
  provinceCode: provinceCodeSchema,
  districtCode: districtCodeSchema.nullable(),
  kind: z.enum(tenantKinds),
  name: z.string().min(1),
  provinceName: z.string().min(1),
  status: z.enum(tenantStatuses),
  /** Which official list the codes come from (codes are reused after the 2025 reform). */
  localityListAsOf: z.string(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  version: z.number().int().positive(),
});
export type Tenant = z.infer<typeof tenantSchema>;
