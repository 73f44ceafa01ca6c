import { describe, expect, it } from 'vitest';
import { auditPut, diff } from '../../functions/audit/record.js';
import { MeteredStore } from '../../functions/store/metered-store.js';
import { idempotentCreate } from '../../functions/store/idempotency.js';
import { isConditionFailure, versionCondition, versionFromIfMatch } from '../../functions/store/versioning.js';
import type { Identity } from '../../shared/identity.js';
import { keys } from '../../shared/keys.js';
import { harnessSuite } from '../support/harness.js';

const h = harnessSuite();

const tenant = { provinceCode: '01', localityCode: '00103' };
const actor: Identity = { userId: 'u1', email: 'a@b.vn', role: 'locality_editor', provinceCode: '01', localityCode: '00103' };

describe('write primitives against DynamoDB Local', () => {
  it('records only changed fields in the audit diff', () => {
    expect(diff({ title: 'a', n: 1, version: 1 }, { title: 'b', n: 1, version: 2 })).toEqual({ title: { before: 'a', after: 'b' } });
  });

  it('writes a change and its audit record in one transaction, or neither', async () => {
    const store = new MeteredStore(h.doc, h.tableName);
    const at = new Date('2026-11-23T03:00:00Z');
    const item = { ...keys.agreement(tenant, 'A1'), title: 'Chương trình 2024', version: 1 };
    await store.transactWrite([
      { Put: { Item: item, ConditionExpression: 'attribute_not_exists(PK)' } },
      auditPut({ tenant, actor, entity: 'agreement', entityId: 'A1', action: 'create', after: item, at }),
    ]);
    // Second create of the same id fails its condition: the audit Put must not land either.
    const failing = store.transactWrite([
      { Put: { Item: item, ConditionExpression: 'attribute_not_exists(PK)' } },
      auditPut({ tenant, actor, entity: 'agreement', entityId: 'A1', action: 'create', after: item, at }),
    ]);
    await expect(failing).rejects.toSatisfy(isConditionFailure);
    const audit = await store.query({ KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': '01#00103#AUDIT#2026-11' } });
    expect(audit.items).toHaveLength(1);
    expect(audit.items[0]).toMatchObject({ action: 'create', actor: { userId: 'u1' }, changes: { title: { before: null, after: 'Chương trình 2024' } } });
    expect(store.metrics.requests).toBe(3);
  });

  it('refuses an update carrying a stale version', async () => {
    const store = new MeteredStore(h.doc, h.tableName);
    const key = keys.agreement(tenant, 'A2');
    await store.put({ Item: { ...key, title: 'x', version: 1 } });
    await store.update({ Key: key, UpdateExpression: 'SET title = :t, #version = :n', ...merge(versionCondition(1), { ':t': 'y', ':n': 2 }) });
    await expect(
      store.update({ Key: key, UpdateExpression: 'SET title = :t, #version = :n', ...merge(versionCondition(1), { ':t': 'z', ':n': 2 }) }),
    ).rejects.toSatisfy(isConditionFailure);
    expect(versionFromIfMatch('W/"7"')).toBe(7);
    expect(versionFromIfMatch('"3"')).toBe(3);
    expect(versionFromIfMatch('abc')).toBeNull();
  });

  it('replays a retried create and refuses the key for another body', async () => {
    const store = new MeteredStore(h.doc, h.tableName);
    let writes = 0;
    const run = (request: unknown) =>
      idempotentCreate({
        store,
        tenant,
        key: 'create-key-0001',
        request,
        now: new Date(),
        create: async (record) => {
          writes += 1;
          const body = { id: `X${writes}` };
          await store.transactWrite([{ Put: { Item: { ...keys.agreement(tenant, body.id), version: 1 } } }, ...record(201, body)]);
          return { status: 201, body };
        },
      });
    const first = await run({ title: 'a' });
    const again = await run({ title: 'a' });
    expect(first).toEqual({ status: 201, body: { id: 'X1' }, replayed: false });
    expect(again).toEqual({ status: 201, body: { id: 'X1' }, replayed: true });
    expect(writes).toBe(1);
    await expect(run({ title: 'b' })).rejects.toMatchObject({ problemType: 'conflict' });
  });
});

function merge(cond: ReturnType<typeof versionCondition>, values: Record<string, unknown>) {
  return { ...cond, ExpressionAttributeValues: { ...cond.ExpressionAttributeValues, ...values } };
}
