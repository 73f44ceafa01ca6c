import type { Text } from '../text.js';
import fieldLabels from './field-labels.json' with { type: 'json' };

/**
 * What the audit log records, in words: every entity and action the product writes (the catalogue
 * a test holds the code to), and the labels of the fields whose before/after it shows.
 */

/** Every (entity → actions) pair written through `auditPut` (test/unit/audit-sentences.test.ts scans for them). */
export const auditCatalogue = {
  tenant: ['sign-up', 'approve', 'reject', 'create', 'open-data-entry', 'close-data-entry'],
  invitation: ['invite', 'revoke', 'reissue'],
  user: ['accept', 'disable', 'enable'],
  agreement: ['create', 'update', 'delete', 'sign', 'supersede', 'transition', 'amend'],
  'agreement-review': ['create', 'update'],
  'agreement-item': ['progress'],
  supervision: ['create', 'update', 'undo'],
  document: ['create', 'update', 'new-version', 'delete', 'restore', 'verify-signature'],
} as const satisfies Record<string, readonly string[]>;
export type AuditEntity = keyof typeof auditCatalogue;

/** Labels of the fields an audit entry may show, in ./field-labels.json (a field not listed is named "other details", never by its code). */
export const auditFieldLabels: Record<string, Text> = fieldLabels;
