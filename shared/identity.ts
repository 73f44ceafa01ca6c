import * as z from 'zod';
import { bilingual } from './problem.js';
import { roleSchema } from './roles.js';

export const provinceCodeSchema = z.string().regex(/^\d{2}$/, bilingual('Mã tỉnh gồm 2 chữ số', 'Province code is 2 digits'));
export const districtCodeSchema = z.string().regex(/^\d{3}$/, bilingual('Mã quận/huyện gồm 3 chữ số', 'District code is 3 digits'));

/**
 * The verified identity the API works with. It is built only from a verified token's claims
 * (Cognito ID token on AWS, the local issuer's token locally: same claim names).
 */
export const identitySchema = z
  .object({
    userId: z.string().min(1),
    email: z.email(),
    name: z.string().optional(),
    role: roleSchema,
    provinceCode: provinceCodeSchema.nullable(),
    /** null for province staff and operators */
    districtCode: districtCodeSchema.nullable(),
    agency: z.string().optional(),
  })
  .superRefine((v, ctx) => {
    const districtRole = v.role.startsWith('district_');
    const provinceRole = v.role.startsWith('province_');
    if (districtRole && (!v.provinceCode || !v.districtCode))
      ctx.addIssue({ code: 'custom', message: 'district roles need province and district codes', path: ['districtCode'] });
    if (provinceRole && (!v.provinceCode || v.districtCode))
      ctx.addIssue({ code: 'custom', message: 'province roles carry a province code and no district code', path: ['provinceCode'] });
  });
export type Identity = z.infer<typeof identitySchema>;

/** Claim names in the ID token; Cognito prefixes custom attributes with `custom:`. */
export const claimNames = {
  province: 'custom:province',
  district: 'custom:district',
  role: 'custom:role',
  agency: 'custom:agency',
} as const;

export function identityFromClaims(claims: Record<string, unknown>): Identity {
  const str = (v: unknown) => (typeof v === 'string' && v.length > 0 ? v : null);
  return identitySchema.parse({
    userId: claims.sub,
    email: claims.email,
    name: str(claims.name) ?? undefined,
    role: claims[claimNames.role],
    provinceCode: str(claims[claimNames.province]),
    districtCode: str(claims[claimNames.district]),
    agency: str(claims[claimNames.agency]) ?? undefined,
  });
}
