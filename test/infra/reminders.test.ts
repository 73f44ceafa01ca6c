import { describe, expect, it } from 'vitest';
import { JOB_KEYS } from '../../infra/reminders.js';
import { reminderKeys, tenancyKeys } from '../../shared/keys.js';
import { sessionTagsFor } from '../../shared/tenant-access.js';
import { isAllowed, renderCfn, type PolicyStatement } from '../support/iam-policy.js';
import { logicalIdOf, resources, synth } from './support.js';

/** The daily reminder job's infrastructure: schedule, dead-letter queue, alarms, least privilege, SES. */
const s = synth('prod', { context: { sesIdentity: 'phoihop.gov.vn', sesFrom: 'thongbao@phoihop.gov.vn' } });
const t = s.template;
const r = s.stack.reminders;

function jobStatements(): PolicyStatement[] {
  const roleId = logicalIdOf(r.role);
  const tableArn = 'arn:aws:dynamodb:ap-southeast-1:111122223333:table/phoi-hop-prod';
  const subs = {
    [`${logicalIdOf(s.stack.table.table)}.Arn`]: tableArn,
    'AWS::Partition': 'aws',
    'AWS::AccountId': '111122223333',
    'AWS::Region': 'ap-southeast-1',
  };
  const policy = Object.values(resources(t, 'AWS::IAM::Policy')).find((p) => (p.Properties.Roles as { Ref: string }[]).some((x) => x.Ref === roleId))!;
  return (policy.Properties.PolicyDocument.Statement as (PolicyStatement & { Resource: unknown })[])
    .filter((st) => String(st.Sid) !== 'Logs' && String(st.Sid) !== 'SendDigests')
    .map((st) => ({ ...st, Resource: (Array.isArray(st.Resource) ? st.Resource : [st.Resource]).map((x) => renderCfn(x, subs)) }));
}

describe('daily reminder job (prod, with an SES identity)', () => {
  it('runs at 07:00 Vietnam time through EventBridge Scheduler, retrying into an encrypted dead-letter queue', () => {
    const schedule = Object.values(resources(t, 'AWS::Scheduler::Schedule'))[0]!;
    expect(schedule.Properties.ScheduleExpression).toBe('cron(0 7 * * ? *)');
    expect(schedule.Properties.ScheduleExpressionTimezone).toBe('Asia/Ho_Chi_Minh');
    expect(schedule.Properties.Target.RetryPolicy.MaximumRetryAttempts).toBe(2);
    expect(schedule.Properties.Target.DeadLetterConfig.Arn).toEqual({ 'Fn::GetAtt': [logicalIdOf(r.deadLetters), 'Arn'] });
    const queue = resources(t, 'AWS::SQS::Queue')[logicalIdOf(r.deadLetters)]!;
    expect(queue.Properties.SqsManagedSseEnabled).toBe(true);
  });

  it('alarms on a failed run and on a parked event', () => {
    const names = Object.values(resources(t, 'AWS::CloudWatch::Alarm')).map((a) => a.Properties.AlarmName);
    expect(names).toEqual(expect.arrayContaining(['phoi-hop-prod-RemindersFailed', 'phoi-hop-prod-RemindersParked']));
  });

  it('reads only the due index, users, followers and preferences, and writes only notifications', () => {
    const statements = jobStatements();
    const tableArn = 'arn:aws:dynamodb:ap-southeast-1:111122223333:table/phoi-hop-prod';
    const tags = sessionTagsFor({ userId: 'x', email: 'x@x.vn', role: 'province_admin', provinceCode: '01', localityCode: null });
    const can = (action: string, key: string, resource = tableArn) =>
      isAllowed(statements, tags, { action: `dynamodb:${action}`, resource, leadingKeys: [key] });
    const ward = { provinceCode: '01', localityCode: '00103' };
    expect(can('Query', reminderKeys.dueOfProvince('01').GSI1PK, `${tableArn}/index/GSI1`)).toBe(true);
    expect(can('Query', tenancyKeys.usersPartition(ward).PK)).toBe(true);
    expect(can('Query', reminderKeys.followers(ward, 'AGR#A').PK)).toBe(true);
    expect(can('GetItem', reminderKeys.notificationPrefs(ward, 'u1').PK)).toBe(true);
    expect(can('PutItem', reminderKeys.notification(ward, 'u1', 'r_1').PK)).toBe(true);
    // Not the records, not the due entries themselves, no writes elsewhere, no Scan.
    for (const pk of ['01#00103#AGR#A', '01#00103#SUP#P', '01#00103#DUE', '01#00103#AUDIT#2026-06']) {
      expect(can('Query', pk)).toBe(false);
      expect(can('GetItem', pk)).toBe(false);
    }
    expect(can('PutItem', tenancyKeys.usersPartition(ward).PK)).toBe(false);
    expect(can('UpdateItem', reminderKeys.notification(ward, 'u1', 'r_1').PK)).toBe(false);
    expect(can('Query', '01#00103#AGR', `${tableArn}/index/GSI1`)).toBe(false);
    expect(statements.flatMap((st) => st.Action)).not.toContain('dynamodb:Scan');
    expect(JOB_KEYS.dueIndex).toEqual(['??#P#DUE']);
  });

  it('sends mail only from the configured identity, through a configuration set that suppresses bounces and complaints', () => {
    const policies = Object.values(resources(t, 'AWS::IAM::Policy')).flatMap((p) => p.Properties.PolicyDocument.Statement as Record<string, any>[]);
    const send = policies.filter((st) => JSON.stringify(st.Action).includes('ses:'));
    expect(send).toHaveLength(1);
    expect(send[0]!.Action).toBe('ses:SendEmail');
    expect(send[0]!.Condition).toEqual({ StringEquals: { 'ses:FromAddress': 'thongbao@phoihop.gov.vn' } });
    expect(JSON.stringify(send[0]!.Resource)).toContain(':identity/phoihop.gov.vn');
    const set = Object.values(resources(t, 'AWS::SES::ConfigurationSet'))[0]!;
    expect(set.Properties.SuppressionOptions.SuppressedReasons.sort()).toEqual(['BOUNCE', 'COMPLAINT']);
    expect(s.violations()).toEqual([]);
  });

  it('sends no mail and has no SES permission without an identity in context', () => {
    const plain = synth('dev');
    const statements = Object.values(resources(plain.template, 'AWS::IAM::Policy')).flatMap(
      (p) => p.Properties.PolicyDocument.Statement as Record<string, any>[],
    );
    expect(statements.filter((st) => JSON.stringify(st.Action).includes('ses:'))).toEqual([]);
    const fn = Object.values(resources(plain.template, 'AWS::Lambda::Function')).find((f) => String(f.Properties.FunctionName).endsWith('-reminders'))!;
    expect(fn.Properties.Environment.Variables.SES_FROM).toBeUndefined();
  });
});
