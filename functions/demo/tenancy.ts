import { PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { keys } from '../../shared/keys.js';
import { describeTenant } from '../tenancy/describe.js';
import type { Tenant } from '../../shared/tenancy/schema.js';

/** A demo sign-up waiting for Hà Nội's approval, so the approvals page has something to decide. */
export const demoPendingSignUp = {
  provinceCode: '01',
  localityCode: '00004', // Phường Ba Đình
  agency: 'Văn phòng HĐND và UBND',
  contactName: 'Trịnh Quốc Khánh',
  contactEmail: 'vanphong.phuongbadinh@demo.phoihop.vn',
};

/** Seeds tenancy demo data; idempotent (an existing profile is left as it is). */
export async function seedTenancyDemo(opts: { doc: DynamoDBDocumentClient; tableName: string; now?: Date }) {
  const at = (opts.now ?? new Date()).toISOString();
  const s = demoPendingSignUp;
  const tenant: Tenant = {
    provinceCode: s.provinceCode,
    localityCode: s.localityCode,
    ...describeTenant(s),
    status: 'pending',
    agency: s.agency,
    contactName: s.contactName,
    contactEmail: s.contactEmail,
    requestedAt: at,
    createdAt: at,
    updatedAt: at,
    version: 1,
  };
  try {
    await opts.doc.send(
      new PutCommand({ TableName: opts.tableName, Item: { ...keys.tenant(s), entity: 'tenant', ...tenant }, ConditionExpression: 'attribute_not_exists(PK)' }),
    );
    return { created: 1 };
  } catch (err) {
    if ((err as Error).name !== 'ConditionalCheckFailedException') throw err;
    return { created: 0 };
  }
}
