import * as z from 'zod';
import { bilingual } from './problem.js';
import { roleSchema } from './roles.js';

export const provinceCodeSchema = z.string().regex(/^\d{2}$/, bilingual('Mã tỉnh gồm 2 chữ số', 'Province code is 2 digits'));
/**
 * A locality below the province: a commune-level unit of the current list (5 digits) or, for history,
 * a district of the 2025 list (3 digits). The lengths differ, so the two can never collide in a key.
 */
export const localityCodeSchema = z
  .string()
  .regex(
    /^(\d{5}|\d{3})$/,
    bilingual(
      'Mã đơn vị cấp xã gồm 5 chữ số (quận, huyện trước 01/07/2025: 3 chữ số)',
      'A commune-level code is 5 digits (a district before 01/07/2025: 3 digits)',
    ),
  );

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
    localityCode: localityCodeSchema.nullable(),
    agency: z.string().optional(),
  })
  .superRefine((v, ctx) => {
    const localityRole = v.role.startsWith('locality_');
    const provinceRole = v.role.startsWith('province_');
    if (localityRole && (!v.provinceCode || !v.localityCode))
      ctx.addIssue({ code: 'custom', message: 'locality roles need province and locality codes', path: ['localityCode'] });
    if (provinceRole && (!v.provinceCode || v.localityCode))
      ctx.addIssue({ code: 'custom', message: 'province roles carry a province code and no locality code', path: ['provinceCode'] });
  });
export type Identity = z.infer<typeof identitySchema>;

/**
 * Claim names in the ID token; Cognito prefixes custom attributes with `custom:`. The locality is
 * `custom:locality` (up to 5 digits). Users created before it carry `custom:district` (3 digits; a
 * Cognito custom attribute can be neither renamed nor widened), which is still read when the new
 * claim is absent, so no user or token has to be migrated.
 */
export const claimNames = {
  province: 'custom:province',
  locality: 'custom:locality',
  legacyDistrict: 'custom:district',
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
    localityCode: str(claims[claimNames.locality]) ?? str(claims[claimNames.legacyDistrict]),
    agency: str(claims[claimNames.agency]) ?? undefined,
  });
}
