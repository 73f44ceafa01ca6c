import { describe, expect, it } from 'vitest';
import { JOB_KEYS, OUTBOX_TASK } from '../../infra/reminders.js';
import { keys, mailKeys, reminderKeys, tenancyKeys } from '../../shared/keys.js';
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
    // The outbox run: the pending mail, the items' state, the profile a sign-up decision names.
    expect(can('Query', mailKeys.pending().GSI1PK, `${tableArn}/index/GSI1`)).toBe(true);
    expect(can('UpdateItem', mailKeys.signUpDecision('01', '00103', 2).PK)).toBe(true);
    expect(can('UpdateItem', mailKeys.event(ward, 'u1', 'e_1').PK)).toBe(true);
    expect(can('GetItem', keys.tenant(ward).PK)).toBe(true);
    expect(can('GetItem', keys.user(ward, 'u1').PK)).toBe(true);
    expect(can('PutItem', mailKeys.event(ward, 'u1', 'e_1').PK)).toBe(false);
    expect(can('UpdateItem', keys.tenant(ward).PK)).toBe(false);
    expect(can('Query', mailKeys.pending().GSI1PK)).toBe(false);
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
    // The job's digests and the API's immediate mail: the same single action, identity and sender.
    expect(send.map((st) => st.Sid).sort()).toEqual(['SendDigests', 'SendMailNow']);
    for (const st of send) {
      expect(st.Action).toBe('ses:SendEmail');
      expect(st.Condition).toEqual({ StringEquals: { 'ses:FromAddress': 'thongbao@phoihop.gov.vn' } });
      expect(JSON.stringify(st.Resource)).toContain(':identity/phoihop.gov.vn');
    }
    const set = Object.values(resources(t, 'AWS::SES::ConfigurationSet'))[0]!;
    expect(set.Properties.SuppressionOptions.SuppressedReasons.sort()).toEqual(['BOUNCE', 'COMPLAINT']);
    expect(s.violations()).toEqual([]);
  });

  it('lets the API send the outbox mail after its commit from the same identity, with the app URL for links and no dependency cycle', () => {
    const apiRoleId = logicalIdOf(s.stack.api.role);
    const apiPolicy = Object.values(resources(t, 'AWS::IAM::Policy')).find((p) => (p.Properties.Roles as { Ref: string }[]).some((x) => x.Ref === apiRoleId))!;
    const send = (apiPolicy.Properties.PolicyDocument.Statement as Record<string, any>[]).filter((st) => st.Action === 'ses:SendEmail');
    expect(send).toHaveLength(1);
    expect(send[0]!.Condition).toEqual({ StringEquals: { 'ses:FromAddress': 'thongbao@phoihop.gov.vn' } });
    const env = resources(t, 'AWS::Lambda::Function')[logicalIdOf(s.stack.api.fn)]!.Properties.Environment.Variables;
    expect(env.SES_FROM).toBe('thongbao@phoihop.gov.vn');
    expect(env.APP_URL).toBeDefined();
    // CloudFormation refuses a template whose resources depend on each other in a circle.
    expect(dependencyCycle(t.toJSON() as { Resources: Record<string, any> })).toBeNull();
  });

  it('sends the outbox every 5 minutes through the same function, into the same dead-letter queue', () => {
    const schedule = resources(t, 'AWS::Scheduler::Schedule')[logicalIdOf(r.outboxSchedule)]!;
    expect(schedule.Properties.ScheduleExpression).toBe('rate(5 minutes)');
    expect(JSON.parse(schedule.Properties.Target.Input)).toEqual(OUTBOX_TASK);
    expect(schedule.Properties.Target.Arn).toEqual({ 'Fn::GetAtt': [logicalIdOf(r.fn), 'Arn'] });
    expect(schedule.Properties.Target.DeadLetterConfig.Arn).toEqual({ 'Fn::GetAtt': [logicalIdOf(r.deadLetters), 'Arn'] });
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

/** A circle of resource dependencies (Ref, Fn::GetAtt, DependsOn) in a template, or null. */
function dependencyCycle(template: { Resources: Record<string, any> }): string[] | null {
  const ids = new Set(Object.keys(template.Resources));
  const edges = new Map<string, Set<string>>();
  const collect = (node: unknown, out: Set<string>) => {
    if (Array.isArray(node)) for (const x of node) collect(x, out);
    else if (node && typeof node === 'object') {
      for (const [k, v] of Object.entries(node)) {
        if (k === 'Ref' && typeof v === 'string' && ids.has(v)) out.add(v);
        else if (k === 'Fn::GetAtt' && Array.isArray(v) && ids.has(v[0])) out.add(v[0]);
        else if (k === 'Fn::Sub' && typeof (Array.isArray(v) ? v[0] : v) === 'string') {
          for (const m of String(Array.isArray(v) ? v[0] : v).matchAll(/\$\{([A-Za-z0-9]+)[.}]/g)) if (ids.has(m[1]!)) out.add(m[1]!);
          collect(v, out);
        } else collect(v, out);
      }
    }
  };
  for (const [id, res] of Object.entries(template.Resources)) {
    const out = new Set<string>();
    collect(res.Properties ?? {}, out);
    for (const d of [res.DependsOn ?? []].flat()) out.add(d);
    edges.set(id, out);
  }
  const state = new Map<string, 1 | 2>();
  const stack: string[] = [];
  const visit = (id: string): string[] | null => {
    if (state.get(id) === 2) return null;
    if (state.get(id) === 1) return [...stack.slice(stack.indexOf(id)), id];
    state.set(id, 1);
    stack.push(id);
    for (const next of edges.get(id) ?? []) {
      const found = visit(next);
      if (found) return found;
    }
    stack.pop();
    state.set(id, 2);
    return null;
  };
  for (const id of ids) {
    const found = visit(id);
    if (found) return found;
  }
  return null;
}
