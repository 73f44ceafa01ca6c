import { describe, expect, it } from 'vitest';
import { LIVE_ALIAS } from '../../infra/api.js';
import { environments, type EnvironmentName } from '../../infra/environments.js';
import { SUPERSEDED_TAG } from '../../infra/web.js';
import { logicalIdOf, onlyResource, resources, synthBeforeAll } from './support.js';

const envNames = Object.keys(environments) as EnvironmentName[];

describe.each(envNames)('progressive deploys in %s', (env) => {
  const config = environments[env];
  const canary = config.apiDeployment !== 'all-at-once';
  const s = synthBeforeAll(env);

  it('publishes the API function as a version behind the live alias, which API Gateway calls', () => {
    const version = onlyResource(s.template, 'AWS::Lambda::Version');
    expect(version.Properties.FunctionName).toEqual({ Ref: logicalIdOf(s.stack.api.fn) });
    const alias = onlyResource(s.template, 'AWS::Lambda::Alias');
    expect(alias.Properties).toMatchObject({
      Name: LIVE_ALIAS,
      FunctionName: { Ref: logicalIdOf(s.stack.api.fn) },
      FunctionVersion: { 'Fn::GetAtt': [version.logicalId, 'Version'] },
    });
    // The integration and API Gateway's invoke permission name the alias, never the bare function.
    const integration = onlyResource(s.template, 'AWS::ApiGatewayV2::Integration');
    expect(integration.Properties.IntegrationUri).toEqual({ Ref: alias.logicalId });
    const permissions = Object.values(resources(s.template, 'AWS::Lambda::Permission'));
    const [byApi, byLogs] = [
      permissions.filter((p) => p.Properties.Principal === 'apigateway.amazonaws.com'),
      permissions.filter((p) => p.Properties.Principal === 'logs.amazonaws.com'),
    ];
    expect(byApi.length).toBeGreaterThan(0);
    for (const p of byApi) expect(p.Properties).toMatchObject({ FunctionName: { Ref: alias.logicalId } });
    // The one other caller: CloudWatch Logs hands the API's usage lines to the usage function.
    expect(byLogs.map((p) => p.Properties.FunctionName)).toEqual([{ 'Fn::GetAtt': [logicalIdOf(s.stack.usage.fn), 'Arn'] }]);
    expect(byApi.length + byLogs.length).toBe(permissions.length);
  });

  it(canary ? 'shifts 10 % for 5 minutes with CodeDeploy and rolls back on the errors, 5xx and p99 alarms' : 'deploys at once: no CodeDeploy', () => {
    const alias = onlyResource(s.template, 'AWS::Lambda::Alias');
    const groups = Object.entries(resources(s.template, 'AWS::CodeDeploy::DeploymentGroup'));
    if (!canary) {
      expect(groups).toEqual([]);
      s.template.resourceCountIs('AWS::CodeDeploy::Application', 0);
      expect(alias.UpdatePolicy).toBeUndefined();
      expect(s.stack.progressive).toBeUndefined();
      return;
    }
    expect(groups).toHaveLength(1);
    const [groupId, group] = groups[0]!;
    const alarmRef = (name: 'FunctionErrors' | 'Api5xx' | 'ApiLatencyP99') => ({ Name: { Ref: logicalIdOf(s.stack.alarms!.byName[name]) } });
    expect(group.Properties).toMatchObject({
      DeploymentGroupName: `phoi-hop-${env}-api`,
      DeploymentConfigName: 'CodeDeployDefault.LambdaCanary10Percent5Minutes',
      DeploymentStyle: { DeploymentType: 'BLUE_GREEN', DeploymentOption: 'WITH_TRAFFIC_CONTROL' },
      AlarmConfiguration: { Enabled: true, Alarms: [alarmRef('FunctionErrors'), alarmRef('Api5xx'), alarmRef('ApiLatencyP99')] },
      AutoRollbackConfiguration: { Enabled: true },
    });
    expect([...group.Properties.AutoRollbackConfiguration.Events].sort()).toEqual([
      'DEPLOYMENT_FAILURE',
      'DEPLOYMENT_STOP_ON_ALARM',
      'DEPLOYMENT_STOP_ON_REQUEST',
    ]);
    // CloudFormation hands every change of the alias to this deployment group.
    expect(alias.UpdatePolicy).toMatchObject({ CodeDeployLambdaAliasUpdate: { DeploymentGroupName: { Ref: groupId } } });
    // The rollback alarms exist, with their SNS actions, in this stack.
    const alarms = resources(s.template, 'AWS::CloudWatch::Alarm');
    for (const ref of group.Properties.AlarmConfiguration.Alarms as { Name: { Ref: string } }[]) expect(alarms[ref.Name.Ref]).toBeDefined();
  });

  it('keeps superseded web assets for the grace period and never expires current ones', () => {
    const bucket = resources(s.template, 'AWS::S3::Bucket')[logicalIdOf(s.stack.web.bucket)]!;
    expect(bucket.Properties.LifecycleConfiguration.Rules).toEqual([
      {
        Id: 'expire-superseded-assets',
        Status: 'Enabled',
        TagFilters: [{ Key: SUPERSEDED_TAG.key, Value: SUPERSEDED_TAG.value }],
        ExpirationInDays: config.webAssetGraceDays,
      },
    ]);
    expect(config.webAssetGraceDays).toBeGreaterThanOrEqual(7);
  });

  it('outputs the alias (and the deployment group where there is one)', () => {
    const outputs = s.assembly.getStackByName(s.stack.stackName).template.Outputs as Record<string, unknown>;
    expect(outputs.ApiAliasArn).toBeDefined();
    expect(outputs.DeploymentGroupName !== undefined).toBe(canary);
  });
});

describe('environment settings', () => {
  it('never runs a canary without alarms to stop it', () => {
    for (const c of Object.values(environments)) if (c.apiDeployment !== 'all-at-once') expect(c.alarms, c.name).toBe(true);
    expect(environments.dev.apiDeployment).toBe('all-at-once');
    expect(environments.staging.apiDeployment).toBe('canary-10-percent-5-minutes');
    expect(environments.prod.apiDeployment).toBe('canary-10-percent-5-minutes');
  });
});
