import * as z from 'zod';
import { districtCodeSchema, provinceCodeSchema } from '../identity.js';
import { findDistrict, findProvince } from '../localities/index.js';
import { bilingual } from '../problem.js';

export const tenantStatuses = ['pending', 'active', 'rejected', 'suspended'] as const;
export const tenantKinds = ['province', 'district'] as const;
export type TenantStatus = (typeof tenantStatuses)[number];

/** Text fields people type: trimmed, never empty, bounded. */
export const personNameSchema = z
  .string(bilingual('Họ và tên là chuỗi ký tự', 'Name must be text'))
  .trim()
  .min(2, bilingual('Họ và tên cần ít nhất 2 ký tự', 'Name needs at least 2 characters'))
  .max(120, bilingual('Họ và tên tối đa 120 ký tự', 'Name is at most 120 characters'));

export const agencySchema = z
  .string(bilingual('Cơ quan là chuỗi ký tự', 'Agency must be text'))
  .trim()
  .min(2, bilingual('Tên cơ quan cần ít nhất 2 ký tự', 'Agency needs at least 2 characters'))
  .max(120, bilingual('Tên cơ quan tối đa 120 ký tự', 'Agency is at most 120 characters'));

/** Emails are kept lower-case: they are the sign-in name in the identity provider. */
export const emailSchema = z
  .string(bilingual('Thư điện tử là chuỗi ký tự', 'Email must be text'))
  .trim()
  .toLowerCase()
  .max(254, bilingual('Thư điện tử tối đa 254 ký tự', 'Email is at most 254 characters'))
  .pipe(z.email(bilingual('Thư điện tử không hợp lệ', 'Invalid email address')));

/** Agencies a district usually signs up as (the form offers them; any name is accepted). */
export const commonAgencies = ['Thường trực HĐND', 'Văn phòng HĐND và UBND', 'UBND', 'Ủy ban MTTQ Việt Nam'] as const;

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
  /** Sign-up details (district tenants). */
  agency: z.string().optional(),
  contactName: z.string().optional(),
  contactEmail: z.string().optional(),
  requestedAt: z.iso.datetime().optional(),
  /** The province's decision. */
  decidedAt: z.iso.datetime().optional(),
  decidedBy: z.object({ userId: z.string(), email: z.string(), name: z.string().optional() }).optional(),
  rejectionReason: z.string().optional(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  version: z.number().int().positive(),
});
export type Tenant = z.infer<typeof tenantSchema>;

/**
 * Public sign-up of a district: the codes must be a district of that province in the official list.
 * This is the one request whose codes name a tenant key: it creates that tenant (pending).
 */
export const signUpRequestSchema = z
  .strictObject({
    provinceCode: provinceCodeSchema,
    districtCode: districtCodeSchema,
    agency: agencySchema,
    contactName: personNameSchema,
    contactEmail: emailSchema,
  })
  .superRefine((v, ctx) => {
    if (!findProvince(v.provinceCode)) {
      ctx.addIssue({ code: 'custom', path: ['provinceCode'], ...customMessage('Không có tỉnh/thành phố với mã này', 'No province with this code') });
    } else if (!findDistrict(v.provinceCode, v.districtCode)) {
      ctx.addIssue({
        code: 'custom',
        path: ['districtCode'],
        ...customMessage('Quận/huyện này không thuộc tỉnh/thành phố đã chọn', 'This district is not in the chosen province'),
      });
    }
  });
export type SignUpRequest = z.infer<typeof signUpRequestSchema>;

const versionSchema = z
  .number(bilingual('Phiên bản là số nguyên dương', 'Version is a positive integer'))
  .int(bilingual('Phiên bản là số nguyên dương', 'Version is a positive integer'))
  .positive(bilingual('Phiên bản là số nguyên dương', 'Version is a positive integer'));

export const rejectionReasonSchema = z
  .string(bilingual('Cần nêu lý do từ chối', 'A reason for rejecting is required'))
  .trim()
  .min(5, bilingual('Lý do từ chối cần ít nhất 5 ký tự', 'The reason needs at least 5 characters'))
  .max(1000, bilingual('Lý do từ chối tối đa 1000 ký tự', 'The reason is at most 1000 characters'));

/** The province's decision on a pending sign-up; `version` is the one the admin saw. */
export const decisionRequestSchema = z.discriminatedUnion(
  'decision',
  [
    z.strictObject({ decision: z.literal('approve'), version: versionSchema }),
    z.strictObject({ decision: z.literal('reject'), version: versionSchema, reason: rejectionReasonSchema }),
  ],
  bilingual('Quyết định là "approve" (duyệt) hoặc "reject" (từ chối)', 'Decision is "approve" or "reject"'),
);
export type DecisionRequest = z.infer<typeof decisionRequestSchema>;

export const signUpListQuerySchema = z.strictObject({ status: z.enum(tenantStatuses).optional() });

export const districtParamSchema = z.strictObject({ districtCode: districtCodeSchema });

/** `?district=` drill-down (province staff) or the caller's own district; nothing else. */
export const districtQuerySchema = z.strictObject({ district: districtCodeSchema.optional() });

/** Operator: create a province tenant and invite its first province admin. */
export const provinceOnboardRequestSchema = z
  .strictObject({ provinceCode: provinceCodeSchema, adminEmail: emailSchema, adminName: personNameSchema })
  .superRefine((v, ctx) => {
    if (!findProvince(v.provinceCode)) {
      ctx.addIssue({ code: 'custom', path: ['provinceCode'], ...customMessage('Không có tỉnh/thành phố với mã này', 'No province with this code') });
    }
  });

function customMessage(vi: string, en: string) {
  return { message: bilingual(vi, en).error };
}
