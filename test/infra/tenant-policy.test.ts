import { beforeAll, describe, expect, it } from 'vitest';
import type { Identity } from '../../shared/identity.js';
import {
  keys,
  leadingKeyPattern,
  mailKeys,
  provinceLeadingKeyPattern,
  reminderKeys,
  s3Keys,
  supervisionKeys,
  tenancyKeys,
  type TenantRef,
} from '../../shared/keys.js';
import type { Role } from '../../shared/roles.js';
import { sessionTagsFor, sessionTagsForTarget, type SessionTags } from '../../shared/tenant-access.js';
import { fenceStatements, FENCE_BUCKET_ARN, FENCE_TABLE_ARN } from '../support/iam-fence.js';
import { isAllowed, renderCfn, substitute, type IamRequest, type PolicyStatement } from '../support/iam-policy.js';
import { logicalIdOf, resources, synth } from './support.js';

/**
 * The tenant role's policy, read from the synthesized prod template and evaluated the way IAM does
 * for what it uses (test/support/iam-policy.ts: anything else makes the evaluator throw), against
 * keys built by shared/keys.ts.
 */
let statements: PolicyStatement[];
let tableArn: string;
let bucketArn: string;

beforeAll(() => {
  const s = synth('prod');
  const tableId = logicalIdOf(s.stack.table.table);
  tableArn = 'arn:aws:dynamodb:ap-southeast-1:111122223333:table/phoi-hop-prod';
  bucketArn = 'arn:aws:s3:::phoi-hop-prod-archive-111122223333-ap-southeast-1';
  const subs = { [`${tableId}.Arn`]: tableArn, 'AWS::Partition': 'aws', 'AWS::AccountId': '111122223333', 'AWS::Region': 'ap-southeast-1' };
  const roleId = logicalIdOf(s.stack.api.tenantRole.role);
  const policies = Object.values(resources(s.template, 'AWS::IAM::Policy')).filter((p) =>
    (p.Properties.Roles as { Ref: string }[]).some((r) => r.Ref === roleId),
  );
  expect(policies).toHaveLength(1);
  statements = (policies[0]!.Properties.PolicyDocument.Statement as (PolicyStatement & { Resource: unknown })[]).map((st) => ({
    ...st,
    Resource: (Array.isArray(st.Resource) ? st.Resource : [st.Resource]).map((r) => renderCfn(r, subs)),
  }));
});

const allowed = (tags: SessionTags, req: IamRequest) => isAllowed(statements, tags, req);

function identity(role: Role, provinceCode: string, localityCode: string | null): Identity {
  return { userId: 'u1', email: 'u@x.vn', role, provinceCode, localityCode };
}

const thaiNguyenCity: TenantRef = { provinceCode: '19', localityCode: '164' };
const songCong: TenantRef = { provinceCode: '19', localityCode: '165' }; // same province
const thaiNguyenProvince: TenantRef = { provinceCode: '19', localityCode: null };
const hanoiBaDinh: TenantRef = { provinceCode: '01', localityCode: '001' }; // another province

const table = () => tableArn;
const index = (name: string) => `${tableArn}/index/${name}`;
const object = (t: TenantRef, docId: string) => `${bucketArn}/${s3Keys.object(t, docId, 1, 'UP1')}`;
const upload = (t: TenantRef) => `${bucketArn}/${s3Keys.incoming(t, 'UP1')}`;

/** Calls a tenant-first key builder with plausible values for its other arguments (ids, instants, hashes). */
function callWithTenant(build: unknown): Record<string, unknown> {
  const fn = build as (...a: unknown[]) => Record<string, unknown>;
  const candidates = ['2026-11-23T10:00:00Z', '2026-11', 'a'.repeat(64), 7];
  for (const c of candidates) {
    try {
      return fn(thaiNguyenCity, c, c, c, c);
    } catch {
      // try the next kind of value
    }
  }
  throw new Error(`cannot call key builder ${fn.name}`);
}

function can(tags: SessionTags, action: string, leadingKey: string, resource = table()) {
  return allowed(tags, { action: `dynamodb:${action}`, resource, leadingKeys: [leadingKey] });
}

describe('tenant role policy (synthesized) against shared/keys.ts', () => {
  it('renders, for a sample tenant, exactly the key module patterns', () => {
    const own = statements.find((s) => s.Sid === 'OwnTenantRead')!;
    const pattern = own.Condition!['ForAllValues:StringLike']!['dynamodb:LeadingKeys'] as string[];
    const tags = sessionTagsFor(identity('locality_editor', '19', '164'));
    expect(pattern.map((p) => substitute(p, tags))).toEqual([leadingKeyPattern(thaiNguyenCity)]);
    const province = statements.find((s) => s.Sid === 'ProvinceRead')!;
    const provinceTags = sessionTagsFor(identity('province_viewer', '19', null));
    expect((province.Condition!['ForAllValues:StringLike']!['dynamodb:LeadingKeys'] as string[]).map((p) => substitute(p, provinceTags))).toEqual([
      provinceLeadingKeyPattern('19'),
    ]);
  });

  it('covers every key builder of shared/keys.ts: a tenant session reaches all of its own partitions', () => {
    // Builders of province-wide partitions take (provinceCode, …) or, for a roll-up row, the tenant; all others take the tenant first.
    const provinceLevel = new Set(['keys.rollup', 'keys.rollupsOf', 'tenancyKeys.tenantsOfProvince', 'reminderKeys.dueOfProvince']);
    const tags = sessionTagsFor(identity('locality_editor', '19', '164'));
    const provinceTags = sessionTagsFor(identity('province_viewer', '19', null));
    const outside: string[] = [];
    let checked = 0;
    for (const [group, builders] of Object.entries({ keys, tenancyKeys, supervisionKeys, reminderKeys })) {
      for (const [name, build] of Object.entries(builders)) {
        if (typeof build !== 'function') continue;
        const id = `${group}.${name}`;
        const built =
          id === 'keys.rollup'
            ? keys.rollup({ provinceCode: '19', localityCode: '164' }) // a tenant's row in its province's partition
            : provinceLevel.has(id)
              ? (build as (...a: unknown[]) => Record<string, unknown>)('19', '164')
              : callWithTenant(build);
        for (const [attr, value] of Object.entries(built)) {
          if (!attr.endsWith('PK') || typeof value !== 'string') continue;
          checked += 1;
          const resource = attr === 'PK' ? table() : index(attr.replace(/PK$/, ''));
          if (provinceLevel.has(id)) {
            // Province-wide partitions: the province reads them (districts only write their roll-up row).
            if (!can(provinceTags, 'Query', value, resource)) outside.push(`${id}().${attr} = ${value}`);
          } else if (attr === 'PK') {
            // The item itself: the tenant reads and writes it (writes are authorized on the table key only).
            if (!can(tags, 'Query', value) || !can(tags, 'PutItem', value)) outside.push(`${id}().PK = ${value}`);
          } else if (!can(tags, 'Query', value, resource) && !can(provinceTags, 'Query', value, resource)) {
            // An index partition: the tenant's own list, or a province-wide list its province reads.
            outside.push(`${id}().${attr} = ${value}`);
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(30);
    // A builder listed here would be AccessDenied for tenant sessions on AWS: give its partition key
    // the tenant prefix, or serve it without a tenant session and extend infra/tenant-policy.ts.
    expect(outside).toEqual([]);
  });

  it('is the policy the test harness enforces in front of DynamoDB Local (test/support/iam-fence.ts)', () => {
    // CloudFormation collapses one-element lists; compare with lists everywhere.
    const list = (v: string | string[]) => (Array.isArray(v) ? v : [v]);
    const norm = (st: PolicyStatement, arns: [string, string][]) => ({
      ...st,
      Action: list(st.Action),
      Resource: list(st.Resource).map((r) => arns.reduce((acc, [from, to]) => acc.replace(from, to), r)),
    });
    const fence = fenceStatements().map((st) => norm(st, []));
    expect(
      statements.map((st) =>
        norm(st, [
          [tableArn, FENCE_TABLE_ARN],
          [bucketArn, FENCE_BUCKET_ARN],
        ]),
      ),
    ).toEqual(fence);
  });

  it('never allows Scan or any wildcard action', () => {
    const actions = statements.flatMap((s) => (Array.isArray(s.Action) ? s.Action : [s.Action]));
    expect(actions).not.toContain('dynamodb:Scan');
    expect(actions.filter((a) => a.includes('*'))).toEqual([]);
  });

  describe('district editor of Thái Nguyên city (19/164)', () => {
    const tags = sessionTagsFor(identity('locality_editor', '19', '164'));

    it('reads and writes every kind of its own items, on the table and its indexes', () => {
      const own = [
        keys.tenant(thaiNguyenCity).PK,
        keys.user(thaiNguyenCity, 'u1').PK,
        keys.agreement(thaiNguyenCity, 'A1').PK,
        keys.supervisionPlan(thaiNguyenCity, 'S1').PK,
        keys.document(thaiNguyenCity, 'D1').PK,
        keys.audit(thaiNguyenCity, '2026-11-23T10:00:00Z', 'e1').PK,
        keys.idempotency(thaiNguyenCity, 'k1').PK,
      ];
      for (const pk of own) {
        for (const action of ['GetItem', 'Query', 'PutItem', 'UpdateItem', 'DeleteItem', 'ConditionCheckItem']) {
          expect(can(tags, action, pk), `${action} ${pk}`).toBe(true);
        }
      }
      expect(can(tags, 'Query', keys.agreementList(thaiNguyenCity).GSI1PK, index('GSI1'))).toBe(true);
      expect(can(tags, 'Query', keys.supervisionList(thaiNguyenCity).GSI1PK, index('GSI1'))).toBe(true);
      expect(can(tags, 'Query', keys.documentList(thaiNguyenCity).GSI1PK, index('GSI1'))).toBe(true);
    });

    it("cannot touch another district's or province's partitions", () => {
      for (const other of [songCong, hanoiBaDinh, thaiNguyenProvince]) {
        const pk = keys.agreement(other, 'A1').PK;
        for (const action of ['GetItem', 'Query', 'PutItem', 'UpdateItem', 'DeleteItem']) expect(can(tags, action, pk), `${action} ${pk}`).toBe(false);
        expect(can(tags, 'Query', keys.agreementList(other).GSI1PK, index('GSI1'))).toBe(false);
      }
      // A prefix that merely starts the same way is still another tenant.
      expect(can(tags, 'GetItem', '19#1640#AGR#A1')).toBe(false);
      // One foreign key in a batch refuses the whole batch.
      expect(
        allowed(tags, {
          action: 'dynamodb:BatchGetItem',
          resource: table(),
          leadingKeys: [keys.agreement(thaiNguyenCity, 'A').PK, keys.agreement(songCong, 'A').PK],
        }),
      ).toBe(false);
    });

    it("moves its own row of the province roll-up but cannot read the province's partition", () => {
      const rollup = keys.rollup({ provinceCode: '19', localityCode: '164' }).PK;
      expect(can(tags, 'UpdateItem', rollup)).toBe(true);
      expect(can(tags, 'Query', rollup)).toBe(false);
      expect(can(tags, 'DeleteItem', rollup)).toBe(false);
      expect(can(tags, 'UpdateItem', keys.rollup({ provinceCode: '01', localityCode: '001' }).PK)).toBe(false);
    });

    it('reaches only its own archive prefix and upload area (shared/keys.ts s3Keys)', () => {
      expect(allowed(tags, { action: 's3:PutObject', resource: object(thaiNguyenCity, 'D1') })).toBe(true);
      expect(allowed(tags, { action: 's3:GetObject', resource: object(thaiNguyenCity, 'D1') })).toBe(true);
      expect(allowed(tags, { action: 's3:PutObject', resource: upload(thaiNguyenCity) })).toBe(true);
      expect(allowed(tags, { action: 's3:GetObject', resource: upload(thaiNguyenCity) })).toBe(true);
      expect(allowed(tags, { action: 's3:DeleteObject', resource: upload(thaiNguyenCity) })).toBe(true);
      // Stored originals are never deleted, not even the tenant's own.
      expect(allowed(tags, { action: 's3:DeleteObject', resource: object(thaiNguyenCity, 'D1') })).toBe(false);
      for (const other of [songCong, hanoiBaDinh, thaiNguyenProvince]) {
        expect(allowed(tags, { action: 's3:GetObject', resource: object(other, 'D1') })).toBe(false);
        expect(allowed(tags, { action: 's3:PutObject', resource: object(other, 'D1') })).toBe(false);
        expect(allowed(tags, { action: 's3:PutObject', resource: upload(other) })).toBe(false);
        expect(allowed(tags, { action: 's3:DeleteObject', resource: upload(other) })).toBe(false);
      }
    });
  });

  describe('district viewer (19/164)', () => {
    const tags = sessionTagsFor(identity('locality_viewer', '19', '164'));
    it('writes only its personal items (notifications read, preferences, follows), in its own tenant', () => {
      expect(can(tags, 'UpdateItem', reminderKeys.notification(thaiNguyenCity, 'u1', 'r_x').PK)).toBe(true);
      expect(can(tags, 'PutItem', reminderKeys.follower(thaiNguyenCity, 'AGR#A1', 'u1').PK)).toBe(true);
      expect(can(tags, 'UpdateItem', reminderKeys.notification(songCong, 'u1', 'r_x').PK)).toBe(false);
      expect(can(tags, 'PutItem', reminderKeys.dueEntry(thaiNguyenCity, 'AGR#A1').PK)).toBe(false);
    });
    it('reads its tenant and writes nothing', () => {
      const pk = keys.agreement(thaiNguyenCity, 'A1').PK;
      expect(can(tags, 'Query', pk)).toBe(true);
      for (const action of ['PutItem', 'UpdateItem', 'DeleteItem', 'BatchWriteItem']) expect(can(tags, action, pk)).toBe(false);
      expect(can(tags, 'UpdateItem', keys.rollup({ provinceCode: '19', localityCode: '164' }).PK)).toBe(false);
      expect(allowed(tags, { action: 's3:PutObject', resource: object(thaiNguyenCity, 'D1') })).toBe(false);
      expect(allowed(tags, { action: 's3:GetObject', resource: object(thaiNguyenCity, 'D1') })).toBe(true);
    });
  });

  describe('province viewer of Thái Nguyên (19)', () => {
    const tags = sessionTagsFor(identity('province_viewer', '19', null));
    it('reads its province and its districts, writes nothing, sees no other province', () => {
      expect(can(tags, 'Query', keys.rollupsOf('19').PK)).toBe(true);
      expect(can(tags, 'Query', keys.agreement(thaiNguyenCity, 'A1').PK)).toBe(true);
      expect(can(tags, 'Query', keys.agreementList(songCong).GSI1PK, index('GSI1'))).toBe(true);
      expect(can(tags, 'Query', keys.tenant(thaiNguyenCity).GSI1PK, index('GSI1'))).toBe(true);
      expect(can(tags, 'PutItem', keys.agreement(thaiNguyenProvince, 'A1').PK)).toBe(false);
      expect(can(tags, 'UpdateItem', keys.agreement(thaiNguyenCity, 'A1').PK)).toBe(false);
      expect(can(tags, 'Query', keys.agreement(hanoiBaDinh, 'A1').PK)).toBe(false);
      expect(allowed(tags, { action: 's3:GetObject', resource: object(songCong, 'D1') })).toBe(true);
      expect(allowed(tags, { action: 's3:GetObject', resource: object(hanoiBaDinh, 'D1') })).toBe(false);
      expect(allowed(tags, { action: 's3:PutObject', resource: object(thaiNguyenProvince, 'D1') })).toBe(false);
    });
  });

  describe('province admin of Thái Nguyên (19)', () => {
    const tags = sessionTagsFor(identity('province_admin', '19', null));
    it("runs its own records and its districts' sign-ups and users, not their records", () => {
      expect(can(tags, 'PutItem', keys.agreement(thaiNguyenProvince, 'A1').PK)).toBe(true);
      expect(can(tags, 'UpdateItem', keys.tenant(thaiNguyenCity).PK)).toBe(true); // approve a sign-up
      expect(can(tags, 'PutItem', keys.user(thaiNguyenCity, 'u9').PK)).toBe(true); // invite the first admin
      expect(can(tags, 'PutItem', keys.audit(thaiNguyenCity, '2026-11-23T10:00:00Z', 'e1').PK)).toBe(true);
      expect(can(tags, 'UpdateItem', keys.agreement(thaiNguyenCity, 'A1').PK)).toBe(false);
      expect(can(tags, 'UpdateItem', keys.tenant(hanoiBaDinh).PK)).toBe(false);
      expect(can(tags, 'PutItem', keys.user(hanoiBaDinh, 'u9').PK)).toBe(false);
    });
    it("queues the applicant's mail in its own outbox only; no tenant session can queue an event mail", () => {
      expect(can(tags, 'PutItem', mailKeys.signUpDecision('19', '05443', 2).PK)).toBe(true);
      expect(can(tags, 'PutItem', mailKeys.signUpDecision('01', '00004', 2).PK)).toBe(false);
      for (const t of [tags, sessionTagsFor(identity('locality_editor', '19', '164'))]) {
        expect(can(t, 'PutItem', mailKeys.event(thaiNguyenCity, 'u1', 'e_1').PK)).toBe(false);
        expect(can(t, 'UpdateItem', mailKeys.event(thaiNguyenProvince, 'u1', 'e_1').PK)).toBe(false);
      }
    });
  });

  it('a district admin has no province reach even though it is an admin', () => {
    const tags = sessionTagsFor(identity('locality_admin', '19', '164'));
    expect(can(tags, 'UpdateItem', keys.tenant(songCong).PK)).toBe(false);
    expect(can(tags, 'Query', keys.rollupsOf('19').PK)).toBe(false);
  });

  describe('sessions fenced to history (two-level government since 01/07/2025)', () => {
    const tayHoDistrict: TenantRef = { provinceCode: '01', localityCode: '003' };
    const tayHoWard: TenantRef = { provinceCode: '01', localityCode: '00103' };
    const bacKanCity: TenantRef = { provinceCode: '06', localityCode: '058' };

    it('a ward reading its predecessor district reaches that district only, read-only', () => {
      const tags = sessionTagsForTarget(identity('locality_admin', '01', '00103'), tayHoDistrict);
      expect(tags).toMatchObject({ province: '01', locality: '003', access: 'read', reach: 'own' });
      expect(can(tags, 'Query', keys.agreement(tayHoDistrict, 'A1').PK)).toBe(true);
      for (const action of ['PutItem', 'UpdateItem', 'DeleteItem']) expect(can(tags, action, keys.agreement(tayHoDistrict, 'A1').PK)).toBe(false);
      expect(can(tags, 'Query', keys.agreement({ provinceCode: '01', localityCode: '005' }, 'A1').PK)).toBe(false);
      expect(can(tags, 'Query', keys.agreement(tayHoWard, 'A1').PK)).toBe(false);
      expect(can(tags, 'Query', keys.rollupsOf('01').PK)).toBe(false);
      expect(allowed(tags, { action: 's3:GetObject', resource: object(tayHoDistrict, 'D1') })).toBe(true);
      expect(allowed(tags, { action: 's3:PutObject', resource: object(tayHoDistrict, 'D1') })).toBe(false);
    });

    it("Thái Nguyên's staff acting on merged Bắc Kạn reach Bắc Kạn's prefix only, with their own rights", () => {
      const viewer = sessionTagsForTarget(identity('province_viewer', '19', null), bacKanCity);
      expect(viewer).toMatchObject({ province: '06', locality: 'P', access: 'read', reach: 'province-read', rollup: '19' });
      expect(can(viewer, 'Query', keys.agreement(bacKanCity, 'A1').PK)).toBe(true);
      expect(can(viewer, 'PutItem', keys.agreement(bacKanCity, 'A1').PK)).toBe(false);
      expect(can(viewer, 'Query', keys.agreement(hanoiBaDinh, 'A1').PK)).toBe(false);
      // A read of Bắc Kạn by Thái Nguyên's admin is read-only; only the data-entry decision writes.
      expect(sessionTagsForTarget(identity('province_admin', '19', null), bacKanCity)).toMatchObject({ access: 'read' });
      const admin = sessionTagsForTarget(identity('province_admin', '19', null), bacKanCity, 'write');
      expect(can(admin, 'PutItem', keys.tenant(bacKanCity).PK)).toBe(true); // open for data entry
      expect(can(admin, 'PutItem', keys.audit(bacKanCity, '2026-11-30T02:00:00Z', 'e1').PK)).toBe(true);
      expect(can(admin, 'PutItem', keys.agreement(bacKanCity, 'A1').PK)).toBe(false);
      expect(can(admin, 'PutItem', keys.tenant(thaiNguyenCity).PK)).toBe(false);
    });

    it("a merged province's district moves its row in the successor's roll-up partition", () => {
      const tags = sessionTagsFor(identity('locality_editor', '06', '058'));
      expect(tags.rollup).toBe('19');
      expect(can(tags, 'UpdateItem', keys.rollup(bacKanCity).PK)).toBe(true);
      expect(keys.rollup(bacKanCity).PK).toBe('19#P#ROLLUP');
      expect(can(tags, 'UpdateItem', keys.rollupsOf('06').PK)).toBe(false);
      expect(can(tags, 'Query', keys.rollupsOf('19').PK)).toBe(false);
    });
  });
});
