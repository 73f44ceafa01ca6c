import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as destinations from 'aws-cdk-lib/aws-logs-destinations';
import type * as sns from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import { USAGE_LOG_MSG } from '../functions/http/usage.js';
import type { EnvironmentConfig } from './environments.js';
import { bundling, LAMBDA_ARCHITECTURE, LAMBDA_RUNTIME, lambdaFunctions, repoRoot } from './functions.js';

/** The only items the usage function writes: one per tenant and month (`USAGE#<yyyy-mm>`). */
export const USAGE_KEYS = ['USAGE#*'];

export type UsageProps = {
  config: EnvironmentConfig;
  table: dynamodb.ITableV2;
  /** The API function's log group: its `tenant_usage` lines are the usage record. */
  apiLogGroup: logs.ILogGroup;
  alarmTopic?: sns.ITopic;
};

/**
 * Per-tenant usage, off the request path: the API prints one `tenant_usage` line per tenant call
 * (functions/http/usage.ts), a subscription filter on its log group hands those lines to this
 * function, and it adds each delivery up per tenant and month (functions/usage/logs-lambda.ts).
 * CloudWatch Logs retries a failed delivery; the function applies a delivery once (idempotency token).
 */
export class UsageFromLogs extends Construct {
  readonly fn: NodejsFunction;
  readonly role: iam.Role;
  readonly subscription: logs.SubscriptionFilter;
  readonly failed?: cloudwatch.Alarm;

  constructor(scope: Construct, id: string, props: UsageProps) {
    super(scope, id);
    const { config, table } = props;
    const removalPolicy = config.protect ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;
    const logGroup = new logs.LogGroup(this, 'Logs', { retention: config.logRetentionDays as unknown as logs.RetentionDays, removalPolicy });

    this.role = new iam.Role(this, 'Role', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'), description: 'Phoi Hop usage from the API log' });
    this.role.addToPolicy(new iam.PolicyStatement({ sid: 'Logs', actions: ['logs:CreateLogStream', 'logs:PutLogEvents'], resources: [logGroup.logGroupArn] }));
    // A transaction's updates are authorised as UpdateItem, each on its own key.
    this.role.addToPolicy(
      new iam.PolicyStatement({
        sid: 'UsageItems',
        actions: ['dynamodb:UpdateItem'],
        resources: [table.tableArn],
        conditions: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': USAGE_KEYS } },
      }),
    );

    const def = lambdaFunctions.usage;
    this.fn = new NodejsFunction(this, 'Function', {
      functionName: `phoi-hop-${config.name}-usage`,
      description: `Phoi Hop usage per tenant from the API log (${config.name})`,
      entry: def.entry,
      handler: def.handler,
      projectRoot: repoRoot,
      depsLockFilePath: `${repoRoot}/package-lock.json`,
      runtime: LAMBDA_RUNTIME,
      architecture: LAMBDA_ARCHITECTURE,
      memorySize: 256,
      timeout: Duration.seconds(30),
      role: this.role,
      logGroup,
      bundling,
      environment: { TABLE_NAME: table.tableName },
    });

    this.subscription = new logs.SubscriptionFilter(this, 'ApiUsageLines', {
      logGroup: props.apiLogGroup,
      destination: new destinations.LambdaDestination(this.fn),
      filterPattern: logs.FilterPattern.allTerms(USAGE_LOG_MSG),
    });

    if (props.alarmTopic) {
      this.failed = new cloudwatch.Alarm(this, 'Failed', {
        alarmName: `phoi-hop-${config.name}-UsageFailed`,
        alarmDescription: 'Usage lines could not be written (CloudWatch Logs retries; see the usage function logs)',
        metric: this.fn.metricErrors({ period: Duration.minutes(15), statistic: 'Sum' }),
        threshold: 1,
        evaluationPeriods: 1,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      });
      this.failed.addAlarmAction(new actions.SnsAction(props.alarmTopic));
    }
  }
}
