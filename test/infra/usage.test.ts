import { describe, expect, it } from 'vitest';
import { USAGE_LOG_MSG } from '../../functions/http/usage.js';
import { USAGE_KEYS } from '../../infra/usage.js';
import { usageKeys } from '../../shared/keys.js';
import { sessionTagsFor } from '../../shared/tenant-access.js';
import { isAllowed, renderCfn, type PolicyStatement } from '../support/iam-policy.js';
import { logicalIdOf, resources, synth } from './support.js';

/** Usage per tenant off the request path: the API's log lines → subscription → the usage function. */
const s = synth('prod');
const t = s.template;
const u = s.stack.usage;
const tableArn = 'arn:aws:dynamodb:ap-southeast-1:111122223333:table/phoi-hop-prod';

describe('usage from the API log (prod)', () => {
  it("subscribes the usage function to the API function's log group, for the usage lines only", () => {
    const [filter, ...others] = Object.values(resources(t, 'AWS::Logs::SubscriptionFilter'));
    expect(others).toEqual([]);
    expect(filter!.Properties).toEqual({
      LogGroupName: { Ref: logicalIdOf(s.stack.api.logGroup) },
      DestinationArn: { 'Fn::GetAtt': [logicalIdOf(u.fn), 'Arn'] },
      FilterPattern: `"${USAGE_LOG_MSG}"`,
    });
  });

  it('may only add to the usage items: no tenant record, no other action', () => {
    const roleId = logicalIdOf(u.role);
    const policy = Object.values(resources(t, 'AWS::IAM::Policy')).find((p) => (p.Properties.Roles as { Ref: string }[]).some((x) => x.Ref === roleId))!;
    const subs = { [`${logicalIdOf(s.stack.table.table)}.Arn`]: tableArn };
    const statements = (policy.Properties.PolicyDocument.Statement as (PolicyStatement & { Resource: unknown })[])
      .filter((st) => String(st.Sid) !== 'Logs')
      .map((st) => ({ ...st, Resource: [renderCfn(st.Resource, subs)] }));
    const can = (action: string, key: string) =>
      isAllowed(statements, sessionTagsFor({ userId: 'x', email: 'x@x.vn', role: 'province_admin', provinceCode: '01', localityCode: null }), {
        action: `dynamodb:${action}`,
        resource: tableArn,
        leadingKeys: [key],
      });
    expect(USAGE_KEYS).toEqual(['USAGE#*']);
    expect(can('UpdateItem', usageKeys.item('2026-12', { provinceCode: '01', localityCode: '00103' }).PK)).toBe(true);
    for (const pk of ['01#00103#AGR#A', '01#00103#TENANT', '01#P#ROLLUP']) expect(can('UpdateItem', pk)).toBe(false);
    for (const action of ['PutItem', 'GetItem', 'Query', 'DeleteItem']) expect(can(action, 'USAGE#2026-12')).toBe(false);
  });

  it('alarms when a delivery could not be written', () => {
    const names = Object.values(resources(t, 'AWS::CloudWatch::Alarm')).map((a) => a.Properties.AlarmName);
    expect(names).toContain('phoi-hop-prod-UsageFailed');
  });
});
