import * as z from 'zod';

/** The words of agreements: kinds, statuses, agencies, item statuses and their labels (vi, en). */

export type Text = { vi: string; en: string };

/** Same pattern as shared/ids.ts `idSchemaPattern`, repeated so the web bundle does not pull in node:crypto. */
export const agreementIdPattern = /^[0-9A-HJKMNP-TV-Z]{26}$/;

export const agreementKinds = ['regulation', 'program', 'plan'] as const;
export const agreementKindSchema = z.enum(agreementKinds);
export type AgreementKind = z.infer<typeof agreementKindSchema>;

export const kindLabels: Record<AgreementKind, Text & { docType: string }> = {
  regulation: { vi: 'Quy chế', en: 'Regulation', docType: 'QUY CHẾ' },
  program: { vi: 'Chương trình', en: 'Program', docType: 'CHƯƠNG TRÌNH' },
  plan: { vi: 'Kế hoạch', en: 'Plan', docType: 'KẾ HOẠCH' },
};

/** Lifecycle: draft → signed → in force → expired / superseded (by a signed amendment). */
export const agreementStatuses = ['draft', 'signed', 'in_force', 'expired', 'superseded'] as const;
export const agreementStatusSchema = z.enum(agreementStatuses);
export type AgreementStatus = z.infer<typeof agreementStatusSchema>;

export const statusLabels: Record<AgreementStatus, Text> = {
  draft: { vi: 'Dự thảo', en: 'Draft' },
  signed: { vi: 'Đã ký', en: 'Signed' },
  in_force: { vi: 'Đang có hiệu lực', en: 'In force' },
  expired: { vi: 'Hết hiệu lực', en: 'Expired' },
  superseded: { vi: 'Đã được thay thế', en: 'Superseded' },
};

/** Statuses in which the signed content is frozen (changes only through an amendment). */
export const frozenStatuses: readonly AgreementStatus[] = ['signed', 'in_force', 'expired', 'superseded'];
/** Statuses in which item progress is tracked. */
export const trackingStatuses: readonly AgreementStatus[] = ['signed', 'in_force'];

/** Agencies that are parties to agreements (not tenants): HĐND, UBND, UB MTTQ, Đoàn ĐBQH, đoàn thể. */
export const agencyCodes = ['HDND', 'UBND', 'MTTQ', 'DBQH', 'LDLD', 'HLHPN', 'DTN', 'HND', 'HCCB', 'OTHER'] as const;
export const agencyCodeSchema = z.enum(agencyCodes);
export type AgencyCode = z.infer<typeof agencyCodeSchema>;

export const agencyLabels: Record<AgencyCode, Text & { short: string }> = {
  HDND: { short: 'HĐND', vi: 'Hội đồng nhân dân', en: 'People’s Council' },
  UBND: { short: 'UBND', vi: 'Ủy ban nhân dân', en: 'People’s Committee' },
  MTTQ: { short: 'UB MTTQ', vi: 'Ủy ban Mặt trận Tổ quốc Việt Nam', en: 'Fatherland Front Committee' },
  DBQH: { short: 'Đoàn ĐBQH', vi: 'Đoàn đại biểu Quốc hội', en: 'National Assembly delegation' },
  LDLD: { short: 'LĐLĐ', vi: 'Liên đoàn Lao động', en: 'Labour Federation' },
  HLHPN: { short: 'Hội LHPN', vi: 'Hội Liên hiệp Phụ nữ', en: 'Women’s Union' },
  DTN: { short: 'Đoàn TNCS HCM', vi: 'Đoàn Thanh niên Cộng sản Hồ Chí Minh', en: 'Communist Youth Union' },
  HND: { short: 'Hội Nông dân', vi: 'Hội Nông dân', en: 'Farmers’ Union' },
  HCCB: { short: 'Hội CCB', vi: 'Hội Cựu chiến binh', en: 'Veterans’ Association' },
  OTHER: { short: '', vi: 'Cơ quan, tổ chức khác', en: 'Other body' },
};

/** Content item statuses; each has the progress a status change sets when none is given. */
export const itemStatuses = ['not_started', 'in_progress', 'done', 'postponed', 'cancelled'] as const;
export const itemStatusSchema = z.enum(itemStatuses);
export type ItemStatus = z.infer<typeof itemStatusSchema>;

export const itemStatusInfo: Record<ItemStatus, Text & { defaultProgress: number | null }> = {
  not_started: { vi: 'Chưa thực hiện', en: 'Not started', defaultProgress: 0 },
  in_progress: { vi: 'Đang thực hiện', en: 'In progress', defaultProgress: 50 },
  done: { vi: 'Hoàn thành', en: 'Done', defaultProgress: 100 },
  // Keep the progress reached so far.
  postponed: { vi: 'Tạm hoãn', en: 'Postponed', defaultProgress: null },
  cancelled: { vi: 'Không thực hiện', en: 'Cancelled', defaultProgress: null },
};
/** Statuses that close an item: never overdue. */
export const closedItemStatuses: readonly ItemStatus[] = ['done', 'cancelled'];
