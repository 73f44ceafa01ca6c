import type { AssumeRoleCommand } from '@aws-sdk/client-sts';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { createTenantAccess, tenantAccessFromEnv, type TenantCredentials } from '../../functions/store/scoped-credentials.js';
import type { Identity } from '../../shared/identity.js';
import { sessionTagsFor } from '../../shared/tenant-access.js';

const ROLE = 'arn:aws:iam::111122223333:role/phoi-hop-prod-tenant';

/** A fake STS: records every AssumeRole input and hands out numbered credentials valid for `ttlMs`. */
function fakeSts(clock: { now: number }, ttlMs = 3600_000) {
  const calls: AssumeRoleCommand['input'][] = [];
  return {
    calls,
    async send(command: AssumeRoleCommand) {
      calls.push(command.input);
      await new Promise((r) => setTimeout(r, 5)); // a real round trip is async
      return {
        Credentials: {
          AccessKeyId: `AKIA${calls.length}`,
          SecretAccessKey: 'secret',
          SessionToken: `token-${calls.length}`,
          Expiration: new Date(clock.now + ttlMs),
        },
      };
    },
  };
}

const districtEditor: Identity = { userId: 'u1', email: 'a@x.vn', role: 'locality_editor', provinceCode: '19', localityCode: '164' };
const otherEditorSameDistrict: Identity = { ...districtEditor, userId: 'u2', email: 'b@x.vn' };
const districtViewer: Identity = { ...districtEditor, userId: 'u3', role: 'locality_viewer' };
const otherDistrict: Identity = { ...districtEditor, userId: 'u4', localityCode: '165' };
const provinceAdmin: Identity = { userId: 'u5', email: 'p@x.vn', role: 'province_admin', provinceCode: '19', localityCode: null };

describe('session tags from the verified identity', () => {
  it('encode tenant, write access and province reach', () => {
    expect(sessionTagsFor(districtEditor)).toEqual({ province: '19', locality: '164', access: 'write', reach: 'own', rollup: '19' });
    expect(sessionTagsFor(districtViewer)).toEqual({ province: '19', locality: '164', access: 'read', reach: 'own', rollup: '19' });
    expect(sessionTagsFor(provinceAdmin)).toEqual({ province: '19', locality: 'P', access: 'write', reach: 'province-admin', rollup: '19' });
    expect(sessionTagsFor({ ...provinceAdmin, role: 'province_viewer' })).toEqual({
      province: '19',
      locality: 'P',
      access: 'read',
      reach: 'province-read',
      rollup: '19',
    });
  });

  it('refuse identities without a tenant and codes that could widen the pattern', () => {
    expect(() => sessionTagsFor({ ...provinceAdmin, role: 'operator', provinceCode: null })).toThrow();
    expect(() => sessionTagsFor({ ...districtEditor, localityCode: '*' })).toThrow();
    // A merged province's tenant moves its successor's roll-up partition.
    expect(sessionTagsFor({ ...districtEditor, provinceCode: '06', localityCode: '058' })).toMatchObject({ province: '06', locality: '058', rollup: '19' });
    expect(() => sessionTagsFor({ ...districtEditor, provinceCode: '1*' })).toThrow();
  });
});

describe('tenant access (AssumeRole with session tags, cached per tenant)', () => {
  function setup(opts: { ttlMs?: number } = {}) {
    const clock = { now: Date.parse('2026-11-23T10:00:00Z') };
    const sts = fakeSts(clock, opts.ttlMs);
    const docs: (() => Promise<TenantCredentials>)[] = [];
    const access = createTenantAccess({
      roleArn: ROLE,
      sts,
      now: () => clock.now,
      createDoc: (credentials) => {
        docs.push(credentials);
        return { destroy() {} } as unknown as DynamoDBDocumentClient;
      },
    });
    return { clock, sts, access, docs };
  }

  it('assumes the tenant role with the identity’s tags, a readable session name and one-hour duration', async () => {
    const { sts, access } = setup();
    const creds = await access.credentials(districtEditor);
    expect(creds).toMatchObject({ accessKeyId: 'AKIA1', sessionToken: 'token-1' });
    expect(sts.calls).toEqual([
      {
        RoleArn: ROLE,
        RoleSessionName: 't-19-164-write-own',
        DurationSeconds: 3600,
        Tags: [
          { Key: 'province', Value: '19' },
          { Key: 'locality', Value: '164' },
          { Key: 'access', Value: 'write' },
          { Key: 'reach', Value: 'own' },
          { Key: 'rollup', Value: '19' },
        ],
      },
    ]);
  });

  it('reuses the credentials for every user of the same tenant and rights until shortly before expiry', async () => {
    const { clock, sts, access } = setup();
    await access.credentials(districtEditor);
    await access.credentials(otherEditorSameDistrict);
    clock.now += 44 * 60_000; // 16 min left: still fresh
    expect((await access.credentials(districtEditor)).accessKeyId).toBe('AKIA1');
    expect(sts.calls).toHaveLength(1);
    clock.now += 2 * 60_000; // 14 min left: inside the 15-min margin (longer than any presigned URL lives) → renew
    expect((await access.credentials(districtEditor)).accessKeyId).toBe('AKIA2');
    expect(sts.calls).toHaveLength(2);
  });

  it('keeps separate sessions per tenant and per rights', async () => {
    const { sts, access } = setup();
    const a = await access.credentials(districtEditor);
    const b = await access.credentials(otherDistrict);
    const c = await access.credentials(districtViewer);
    expect(new Set([a.accessKeyId, b.accessKeyId, c.accessKeyId]).size).toBe(3);
    expect(sts.calls.map((i) => i.RoleSessionName)).toEqual(['t-19-164-write-own', 't-19-165-write-own', 't-19-164-read-own']);
  });

  it('makes one AssumeRole call for concurrent requests of a tenant', async () => {
    const { sts, access } = setup();
    const all = await Promise.all(Array.from({ length: 10 }, () => access.credentials(districtEditor)));
    expect(new Set(all.map((c) => c.accessKeyId))).toEqual(new Set(['AKIA1']));
    expect(sts.calls).toHaveLength(1);
  });

  it('retries after a failed AssumeRole instead of caching the failure', async () => {
    const clock = { now: 0 };
    let fail = true;
    const good = fakeSts(clock);
    const access = createTenantAccess({
      roleArn: ROLE,
      now: () => clock.now,
      sts: { send: (cmd) => (fail ? Promise.reject(new Error('AccessDenied')) : good.send(cmd)) },
      createDoc: () => ({ destroy() {} }) as unknown as DynamoDBDocumentClient,
    });
    await expect(access.credentials(districtEditor)).rejects.toThrow('AccessDenied');
    fail = false;
    await expect(access.credentials(districtEditor)).resolves.toMatchObject({ accessKeyId: 'AKIA1' });
  });

  it('builds one client per tenant session whose credential provider follows the cache', async () => {
    const { clock, sts, access, docs } = setup();
    const d1 = await access.doc(districtEditor);
    const d2 = await access.doc(otherEditorSameDistrict);
    expect(d1).toBe(d2);
    expect(docs).toHaveLength(1);
    expect((await docs[0]!()).accessKeyId).toBe('AKIA1');
    clock.now += 3600_000;
    expect((await docs[0]!()).accessKeyId).toBe('AKIA2');
    expect(sts.calls).toHaveLength(2);
  });

  it('drops the least recently used session beyond the limit', async () => {
    const clock = { now: 0 };
    const sts = fakeSts(clock);
    const destroyed: string[] = [];
    const access = createTenantAccess({
      roleArn: ROLE,
      sts,
      now: () => clock.now,
      maxSessions: 2,
      createDoc: () => {
        const name = `doc${sts.calls.length}`;
        return { destroy: () => destroyed.push(name) } as unknown as DynamoDBDocumentClient;
      },
    });
    await access.doc(districtEditor); // doc1
    await access.doc(otherDistrict); // doc2
    await access.doc(districtEditor); // refresh recency of doc1
    await access.doc(districtViewer); // evicts otherDistrict (doc2)
    expect(destroyed).toEqual(['doc2']);
    await access.doc(districtEditor);
    expect(sts.calls).toHaveLength(3);
  });

  it('is off without TENANT_ROLE_ARN (local runs use the single client)', () => {
    expect(tenantAccessFromEnv({})).toBeUndefined();
    expect(tenantAccessFromEnv({ TENANT_ROLE_ARN: ROLE, AWS_REGION: 'ap-southeast-1' })).toBeDefined();
  });
});
