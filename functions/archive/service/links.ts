import type { DocumentLink } from '../../../shared/archive/schema.js';
import type { TenantRef } from '../../../shared/keys.js';
import { ProblemError } from '../../http/problem.js';
import type { MeteredStore, TransactItem } from '../../store/metered-store.js';
import { linkTargetKey } from '../records.js';
import { fieldError } from './context.js';

/**
 * Links from a document to agreements, reviews and supervision plans: each target must exist in the
 * caller's tenant, checked before an upload is declared and again inside the write's transaction.
 */

const keyId = (k: { PK: string; SK: string }) => `${k.PK}|${k.SK}`;

function linkNotFound(field: string) {
  return fieldError(field, 'Không tìm thấy bản ghi được liên kết trong đơn vị', 'Linked record not found in this tenant', 'not_found');
}

/** 400 naming each link (`<fieldPrefix><index>.id`) whose record is not in the tenant. */
export function invalidLinks(fields: string[]): ProblemError {
  return new ProblemError('validation', { vi: 'Liên kết không hợp lệ', en: 'Invalid links' }, fields.map(linkNotFound));
}

/** Every linked record must exist in the caller's tenant: one TransactGet for all of them. */
export async function requireLinkTargets(store: MeteredStore, t: TenantRef, links: DocumentLink[], fieldPrefix: string): Promise<void> {
  if (links.length === 0) return;
  const unique = new Map(links.map((l) => [keyId(linkTargetKey(t, l)), linkTargetKey(t, l)]));
  const found = await store.transactGet([...unique.values()].map((Key) => ({ Key, ProjectionExpression: 'PK, SK' })));
  const present = new Set(found.flatMap((i) => (i ? [keyId(i as { PK: string; SK: string })] : [])));
  const missing = links.flatMap((l, i) => (present.has(keyId(linkTargetKey(t, l))) ? [] : [`${fieldPrefix}${i}.id`]));
  if (missing.length) throw invalidLinks(missing);
}

/** ConditionCheck of each distinct link target (no two operations may touch one item in a transaction). */
type LinkCheck = { check: TransactItem; links: number[] };

export function linkConditionChecks(t: TenantRef, links: DocumentLink[]): LinkCheck[] {
  const byKey = new Map<string, LinkCheck>();
  links.forEach((l, i) => {
    const Key = linkTargetKey(t, l);
    const entry: LinkCheck = byKey.get(keyId(Key)) ?? { check: { ConditionCheck: { Key, ConditionExpression: 'attribute_exists(PK)' } }, links: [] };
    entry.links.push(i);
    byKey.set(keyId(Key), entry);
  });
  return [...byKey.values()];
}
