import * as z from 'zod';
import type { Text } from '../text.js';
import * as catalog from './labels.json';

/**
 * The words of agreements: kinds, statuses, agencies, item statuses, and their labels (vi, en), kept
 * in ./labels.json and typed here by the vocabulary, so that a missing word fails the type check.
 */

/** Same pattern as shared/ids.ts `idSchemaPattern`, repeated so the web bundle does not pull in node:crypto. */
export const agreementIdPattern = /^[0-9A-HJKMNP-TV-Z]{26}$/;

export const agreementKinds = ['regulation', 'program', 'plan'] as const;
export const agreementKindSchema = z.enum(agreementKinds);
export type AgreementKind = z.infer<typeof agreementKindSchema>;

export const kindLabels: Record<AgreementKind, Text & { docType: string }> = catalog.kind;

/** Lifecycle: draft → signed → in force → expired / superseded (by a signed amendment). */
export const agreementStatuses = ['draft', 'signed', 'in_force', 'expired', 'superseded'] as const;
export const agreementStatusSchema = z.enum(agreementStatuses);
export type AgreementStatus = z.infer<typeof agreementStatusSchema>;

export const statusLabels: Record<AgreementStatus, Text> = catalog.status;

/** Statuses in which the signed content is frozen (changes only through an amendment). */
export const frozenStatuses: readonly AgreementStatus[] = ['signed', 'in_force', 'expired', 'superseded'];
/** Statuses in which item progress is tracked. */
export const trackingStatuses: readonly AgreementStatus[] = ['signed', 'in_force'];

/** Agencies that are parties to agreements (not tenants): HĐND, UBND, UB MTTQ, Đoàn ĐBQH, đoàn thể. */
export const agencyCodes = ['HDND', 'UBND', 'MTTQ', 'DBQH', 'LDLD', 'HLHPN', 'DTN', 'HND', 'HCCB', 'OTHER'] as const;
export const agencyCodeSchema = z.enum(agencyCodes);
export type AgencyCode = z.infer<typeof agencyCodeSchema>;

export const agencyLabels: Record<AgencyCode, Text & { short: string }> = catalog.agency;

/** Content item statuses; each has the progress a status change sets when none is given. */
export const itemStatuses = ['not_started', 'in_progress', 'done', 'postponed', 'cancelled'] as const;
export const itemStatusSchema = z.enum(itemStatuses);
export type ItemStatus = z.infer<typeof itemStatusSchema>;

/** `defaultProgress` null (postponed, cancelled): the status change keeps the progress reached so far. */
export const itemStatusInfo: Record<ItemStatus, Text & { defaultProgress: number | null }> = catalog.itemStatus;
/** Statuses that close an item: never overdue. */
export const closedItemStatuses: readonly ItemStatus[] = ['done', 'cancelled'];
