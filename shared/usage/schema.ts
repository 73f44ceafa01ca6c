import * as z from 'zod';
import { localityCodeSchema, provinceCodeSchema } from '../identity.js';
import { bilingual } from '../problem.js';

/** Usage items' keys: shared/keys.ts `usageKeys`. */
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** Counters of a usage item (attribute names). */
export const usageCounters = ['requests', 'errors', 'rcu', 'wcu', 'archiveBytes', 'archiveVersions', 'archiveDocuments'] as const;
export type UsageCounter = (typeof usageCounters)[number];
export type UsageCounts = Partial<Record<UsageCounter, number>>;

export const usageQuerySchema = z.object({
  month: z.string().regex(MONTH, bilingual('Tháng có dạng yyyy-mm', 'Month is yyyy-mm')).optional(),
  format: z.enum(['json', 'csv']).optional(),
});

const usageFigures = {
  requests: z.number(),
  /** Answers with status ≥ 400 (client and server errors). */
  errors: z.number(),
  rcu: z.number(),
  wcu: z.number(),
  /** Bytes of file versions archived in the month (the archive never deletes stored originals). */
  archiveBytes: z.number(),
  archiveVersions: z.number(),
  /** New documents archived in the month. */
  archiveDocuments: z.number(),
};

export const usageRowSchema = z.object({
  provinceCode: z.string(),
  localityCode: z.string().nullable(),
  /** `01#00103`, `19#P` */
  tenant: z.string(),
  provinceName: z.string(),
  localityName: z.string(),
  ...usageFigures,
  /** Documents held now (the tenant's roll-up counter `doc.total`; null when it has none). */
  documentsNow: z.number().nullable(),
});
export type UsageRow = z.infer<typeof usageRowSchema>;

/** `GET /api/usage`: one month's usage per tenant. */
export const usageReportSchema = z.object({
  month: z.string(),
  scope: z.enum(['platform', 'province']),
  /** Provinces whose tenants the report covers (a province admin: its own and those merged into it). */
  provinces: z.array(z.string()),
  rows: z.array(usageRowSchema),
  totals: z.object(usageFigures),
});
export type UsageReport = z.infer<typeof usageReportSchema>;

/** The CSV's columns: who, then each counter in snake case (`archive_bytes`), then documents held now. */
export const usageCsvHeader = [
  ...['month', 'tenant', 'province_code', 'province', 'locality_code', 'locality'],
  ...usageCounters.map((name) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)),
  'documents_now',
];

/**
 * One answered request's usage as the API hands it on (a `tenant_usage` log line on AWS, an
 * in-process buffer locally): the tenant, the Vietnam calendar month and what the call added.
 */
export const usageEntrySchema = z.object({
  month: z.string().regex(MONTH),
  provinceCode: provinceCodeSchema,
  localityCode: localityCodeSchema.nullable(),
  counts: z.object(Object.fromEntries(usageCounters.map((k) => [k, z.number().nonnegative().optional()])) as Record<UsageCounter, z.ZodOptional<z.ZodNumber>>),
});
export type UsageEntry = z.infer<typeof usageEntrySchema>;
