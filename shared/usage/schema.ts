import * as z from 'zod';
import { tenantPrefix, type TenantRef } from '../keys.js';
import { bilingual } from '../problem.js';

/**
 * Per-tenant usage (issue #16 part 4). One item per tenant and Vietnam calendar month, all of a
 * month in ONE partition: `USAGE#<yyyy-mm>` / SK `<tenant prefix>` (`01#00103`, `19#P`). Every
 * authenticated tenant request ADDs to its item after the response is built (functions/api/usage.ts);
 * the operator's page is one Query of the month (per 1 MB page), a province admin's one Query per
 * province it reads (SK begins_with `<province>#`, also for the provinces merged into it).
 * The key starts with `USAGE#`, never with a tenant prefix: tenant sessions (IAM LeadingKeys fence)
 * cannot write it, so the API writes and reads it with the function's own credentials.
 */
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

export const usageKeys = {
  month: (month: string) => {
    if (!MONTH.test(month)) throw new Error(`bad month ${month}`);
    return { PK: `USAGE#${month}` };
  },
  item: (month: string, t: TenantRef) => ({ ...usageKeys.month(month), SK: tenantPrefix(t) }),
};

/** Counters of a usage item (attribute names). */
export const usageCounters = ['requests', 'errors', 'rcu', 'wcu', 'archiveBytes', 'archiveVersions', 'archiveDocuments'] as const;
export type UsageCounter = (typeof usageCounters)[number];
export type UsageCounts = Partial<Record<UsageCounter, number>>;

export const usageQuerySchema = z.object({
  month: z.string().regex(MONTH, bilingual('Tháng có dạng yyyy-mm', 'Month is yyyy-mm')).optional(),
  format: z.enum(['json', 'csv']).optional(),
});

export type UsageRow = {
  provinceCode: string;
  localityCode: string | null;
  /** `01#00103`, `19#P` */
  tenant: string;
  provinceName: string;
  localityName: string;
  requests: number;
  /** Answers with status ≥ 400 (client and server errors). */
  errors: number;
  rcu: number;
  wcu: number;
  /** Bytes of file versions archived in the month (the archive never deletes stored originals). */
  archiveBytes: number;
  archiveVersions: number;
  /** New documents archived in the month. */
  archiveDocuments: number;
  /** Documents held now (the tenant's roll-up counter `doc.total`; null when it has none). */
  documentsNow: number | null;
};

export type UsageReport = {
  month: string;
  scope: 'platform' | 'province';
  /** Provinces whose tenants the report covers (a province admin: its own and those merged into it). */
  provinces: string[];
  rows: UsageRow[];
  totals: Omit<UsageRow, 'provinceCode' | 'localityCode' | 'tenant' | 'provinceName' | 'localityName' | 'documentsNow'>;
};

export const usageCsvHeader = [
  'month',
  'tenant',
  'province_code',
  'province',
  'locality_code',
  'locality',
  'requests',
  'errors',
  'rcu',
  'wcu',
  'archive_bytes',
  'archive_versions',
  'archive_documents',
  'documents_now',
];
