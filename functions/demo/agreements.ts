import { createHash } from 'node:crypto';
import { PutCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { agreementContentSchema, periodLabel, reviewInputSchema, reviewKindOf, reviewYearOf, type ContinuesRef } from '../../shared/agreements/schema.js';
import { vietnamDayStart } from '../../shared/dates.js';
import { keys } from '../../shared/keys.js';
import { findLocalityIn } from '../../shared/localities/index.js';
import { newHeaderMeta } from '../agreements/header-meta.js';
import { contentItems, headerItem, type DbItem } from '../agreements/records.js';
import { seedAgreements, type SeedAgreement } from './agreements-data.js';
import { dueItemsOf } from '../reminders/seed-due.js';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A stable id in the product's id format (time of the source date + hash of the label). */
export function seedId(label: string, isoDate: string): string {
  let time = vietnamDayStart(isoDate).getTime();
  let head = '';
  for (let i = 0; i < 10; i++) {
    head = ALPHABET[time % 32] + head;
    time = Math.floor(time / 32);
  }
  const hash = createHash('sha256').update(label).digest();
  let tail = '';
  for (let i = 0; i < 16; i++) tail += ALPHABET[hash[i]! % 32];
  return head + tail;
}

/** The seeded agreement a demo record continues, as the API would have resolved it. */
function continuesOf(s: SeedAgreement): ContinuesRef | null {
  if (!s.continues) return null;
  const target = seedAgreements.find((x) => x.key === s.continues);
  if (!target?.tenant.localityCode) throw new Error(`seed ${s.key} continues unknown ${s.continues}`);
  const content = agreementContentSchema.parse(target.content);
  return {
    provinceCode: target.tenant.provinceCode,
    localityCode: target.tenant.localityCode,
    agreementId: seedId(target.key, target.createdOn),
    localityName: findLocalityIn(target.tenant.provinceCode, target.tenant.localityCode)?.name ?? target.tenant.localityCode,
    kind: content.kind,
    number: content.number,
    title: content.title,
    period: periodLabel(content),
  };
}

/** Every DynamoDB item of one seeded agreement, built by the same code the API writes with. */
export function seedItems(s: SeedAgreement): DbItem[] {
  const id = seedId(s.key, s.createdOn);
  const continues = continuesOf(s);
  const content = agreementContentSchema.parse({
    ...s.content,
    continues: continues && { provinceCode: continues.provinceCode, localityCode: continues.localityCode, agreementId: continues.agreementId },
  });
  const at = `${s.createdOn}T01:00:00.000Z`;
  const by = s.seed === 'demo' ? 'Dữ liệu mẫu (trình diễn)' : `Dữ liệu mẫu (seed ${s.seed})`;
  const header = headerItem(
    s.tenant,
    id,
    content,
    newHeaderMeta(at, by, { status: s.status, continues, signedOn: s.signing?.signedOn ?? null }),
    s.signing ? s.signing.signatories.map((x) => `${x.onBehalf} ${x.name ?? ''}`) : [],
  );
  const items: DbItem[] = [header, ...contentItems(s.tenant, id, content, at)];
  if (s.signing) {
    items.push({ ...keys.agreementSigning(s.tenant, id), entity: 'agreement-signing', ...s.signing, recordedAt: at, recordedBy: by });
  }
  for (const { period, ...r } of s.reviews) {
    const { version: _v, ...fields } = reviewInputSchema.parse(r);
    items.push({
      ...keys.agreementReview(s.tenant, id, period),
      entity: 'agreement-review',
      ...fields,
      period,
      kind: reviewKindOf(period),
      year: reviewYearOf(period),
      version: 1,
      createdAt: at,
      updatedAt: at,
    });
  }
  // The due index entry, as signing through the API writes it (current tenants only).
  items.push(...(dueItemsOf(items) as DbItem[]));
  return items;
}

/**
 * Seeds the agreements of the five seed articles (seeds 000–004) and the invented records of the
 * demo's current units (Phường Tây Hồ, Phường Bắc Kạn; labelled "dữ liệu mẫu"). Idempotent: an item that exists
 * is left alone, so a restart keeps the demo user's edits.
 */
export async function seedAgreementsDemo(opts: { doc: DynamoDBDocumentClient; tableName: string }): Promise<{ created: number }> {
  let created = 0;
  for (const s of seedAgreements) {
    const items = seedItems(s);
    for (const item of items) {
      try {
        await opts.doc.send(new PutCommand({ TableName: opts.tableName, Item: item, ConditionExpression: 'attribute_not_exists(PK)' }));
        created += 1;
      } catch (err) {
        if ((err as Error).name !== 'ConditionalCheckFailedException') throw err;
      }
    }
    if (s.reviews.length) {
      await opts.doc.send(
        new UpdateCommand({
          TableName: opts.tableName,
          Key: keys.agreement(s.tenant, seedId(s.key, s.createdOn)),
          UpdateExpression: 'ADD reviewPeriods :p',
          ExpressionAttributeValues: { ':p': new Set(s.reviews.map((r) => r.period)) },
        }),
      );
    }
  }
  return { created };
}
