import * as z from 'zod';
import { localityCodeSchema, provinceCodeSchema } from '../identity.js';
import { listResponseOf, pagingQuery } from '../paging.js';
import { bilingual } from '../problem.js';

export const tenantStatuses = ['pending', 'active', 'rejected', 'suspended'] as const;
/** A province, a commune-level unit (xã, phường, đặc khu) or — history — a 2025 district. */
export const tenantKinds = ['province', 'commune', 'district'] as const;
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

/**
 * A tenant: a province or a locality of an official list. Profiles written before localities were
 * versioned carry `districtCode` and no level; they read as the 2025 districts they are.
 */
export const tenantSchema = z.preprocess(
  (v) => {
    if (!v || typeof v !== 'object') return v;
    const o = v as Record<string, unknown>;
    return 'localityCode' in o ? o : { ...o, localityCode: o.districtCode ?? null };
  },
  z.object({
    provinceCode: provinceCodeSchema,
    localityCode: localityCodeSchema.nullable(),
    kind: z.enum(tenantKinds),
    name: z.string().min(1),
    provinceName: z.string().min(1),
    status: z.enum(tenantStatuses),
    /** Which official list the codes come from (codes are reused after the 2025 reform). */
    localityListAsOf: z.string(),
    /** The unit's type as the list names it (Phường, Xã, Đặc khu, Quận, Huyện, …). */
    localityType: z.string().optional(),
    /** Last day the unit was in force (2025 districts: 2025-06-30); absent while in force. */
    validUntil: z.string().optional(),
    /** History only: the province opened the tenant to backfill records (audited). */
    dataEntryOpen: z.boolean().optional(),
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
  }),
);
export type Tenant = z.infer<typeof tenantSchema>;

/** `GET /api/tenancy/tenant` and the writes that answer one tenant. */
export const tenantResultSchema = z.object({ tenant: tenantSchema });
/** `GET /api/tenancy/signups`: the province's tenants in one page (a province has a few hundred units at most). */
export const signUpListSchema = listResponseOf(tenantSchema, { provinceCode: z.string() });
/** `POST /api/tenancy/signups` (public): what the applicant may see of the pending tenant. */
export const signedUpSchema = z.object({
  tenant: z.object({ name: z.string(), provinceName: z.string(), status: z.enum(tenantStatuses), version: z.number().int() }),
});

/**
 * Public sign-up of a commune-level unit (xã, phường, đặc khu). This is the one request whose codes
 * name a tenant key: it creates that tenant (pending). The API checks the codes against the current
 * official list (functions/tenancy/sign-up.ts), so this schema carries no reference data to the web.
 */
export const signUpRequestSchema = z.strictObject({
  provinceCode: provinceCodeSchema,
  localityCode: localityCodeSchema,
  agency: agencySchema,
  contactName: personNameSchema,
  contactEmail: emailSchema,
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

const tenantStatusQuery = z.enum(
  tenantStatuses,
  bilingual('Trạng thái là pending, active, rejected hoặc suspended', 'Status is pending, active, rejected or suspended'),
);

/** Operator: every tenant of the platform, optionally of one province and one status, page by page. */
export const tenantListQuerySchema = z.strictObject({
  province: provinceCodeSchema.optional(),
  status: tenantStatusQuery.optional(),
  ...pagingQuery(25, 100),
});
/** `GET /api/tenancy/tenants`: the one list contract; pages run province by province, then by locality code. */
export const tenantListSchema = listResponseOf(tenantSchema);

export const localityParamSchema = z.strictObject({ localityCode: localityCodeSchema });
export const provinceParamSchema = z.strictObject({ provinceCode: provinceCodeSchema });

/** `?locality=` drill-down (province staff, a successor commune) or the caller's own locality. */
export const localityQuerySchema = z.strictObject({ locality: localityCodeSchema.optional() });

/** Operator: create a province tenant (a province of the current list) and invite its first admin. */
export const provinceOnboardRequestSchema = z.strictObject({ provinceCode: provinceCodeSchema, adminEmail: emailSchema, adminName: personNameSchema });

/** Province admin: open or close a historical tenant for data entry (`version` of its profile, if it has one). */
export const dataEntryRequestSchema = z.strictObject({
  open: z.boolean(bilingual('"open" là true (mở) hoặc false (đóng)', '"open" is true or false')),
  version: versionSchema.optional(),
});
export type DataEntryRequest = z.infer<typeof dataEntryRequestSchema>;
