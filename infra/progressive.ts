import { Validations } from 'aws-cdk-lib';
import type * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as codedeploy from 'aws-cdk-lib/aws-codedeploy';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import type { EnvironmentConfig } from './environments.js';

export type ProgressiveDeployProps = {
  config: EnvironmentConfig;
  /** The `live` alias API Gateway integrates; CodeDeploy moves its weights. */
  alias: lambda.Alias;
  /** Alarms that stop the shift and send all traffic back to the previous version. */
  rollbackAlarms: cloudwatch.IAlarm[];
};

/** CodeDeploy's predefined configurations, by the environment setting that selects them. */
const DEPLOYMENT_CONFIGS = {
  'canary-10-percent-5-minutes': codedeploy.LambdaDeploymentConfig.CANARY_10PERCENT_5MINUTES,
} as const;

/**
 * Canary deploys of the API (staging, prod): CloudFormation hands the alias update to CodeDeploy,
 * which sends 10 % of requests to the new version for 5 minutes and then all of them, or rolls back
 * when one of the alarms fires (or the deployment fails or is stopped).
 */
export class ProgressiveDeploy extends Construct {
  readonly group: codedeploy.LambdaDeploymentGroup;

  constructor(scope: Construct, id: string, props: ProgressiveDeployProps) {
    super(scope, id);
    const { config } = props;
    if (config.apiDeployment === 'all-at-once') throw new Error(`${config.name} deploys all at once: no deployment group`);
    if (props.rollbackAlarms.length === 0) throw new Error('A canary without alarms cannot roll back: enable alarms for this environment');
    this.group = new codedeploy.LambdaDeploymentGroup(this, 'Group', {
      deploymentGroupName: `phoi-hop-${config.name}-api`,
      alias: props.alias,
      deploymentConfig: DEPLOYMENT_CONFIGS[config.apiDeployment],
      alarms: props.rollbackAlarms,
      autoRollback: { failedDeployment: true, stoppedDeployment: true, deploymentInAlarm: true },
    });
    Validations.of(this.group.role).acknowledge({
      id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSCodeDeployRoleForLambdaLimited]',
      reason:
        "CDK attaches AWS's service policy for CodeDeploy on Lambda: invoke hook functions named CodeDeployHook_*, update aliases, " +
        'read alarms. It is the narrowest AWS offers for this service role and is kept current by AWS.',
    });
  }
}
