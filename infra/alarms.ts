import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subs from 'aws-cdk-lib/aws-sns-subscriptions';
import type * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { Construct } from 'constructs';
import type { EnvironmentConfig } from './environments.js';

export type AlarmName = 'FunctionErrors' | 'FunctionThrottles' | 'Api5xx' | 'ApiLatencyP99' | 'TableSystemErrors' | 'TableThrottles';

export type AlarmsProps = {
  config: EnvironmentConfig;
  fn: lambda.IFunction;
  httpApi: apigwv2.IHttpApi;
  table: dynamodb.ITableV2;
  /** `-c alarmEmail=ops@example.vn`: subscribed to the topic (confirm the e-mail once). */
  email?: string;
};

/**
 * Operational alarms, all to one SNS topic (encrypted with a rotating customer key CloudWatch may
 * use). Thresholds are small on purpose: a government tool with modest traffic should have no
 * errors at all.
 */
export class Alarms extends Construct {
  readonly topic: sns.Topic;
  readonly alarms: cloudwatch.Alarm[] = [];
  /** Each alarm by its short name (FunctionErrors, Api5xx, ApiLatencyP99, …): the canary rolls back on some. */
  readonly byName: Record<AlarmName, cloudwatch.Alarm> = {} as Record<AlarmName, cloudwatch.Alarm>;

  constructor(scope: Construct, id: string, props: AlarmsProps) {
    super(scope, id);
    const { config, fn, httpApi, table } = props;
    const key = new kms.Key(this, 'TopicKey', {
      description: `Phoi Hop ${config.name} alarm topic`,
      enableKeyRotation: true,
      removalPolicy: config.protect ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });
    key.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'CloudWatchAlarmsPublish',
        principals: [new iam.ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
        resources: ['*'],
      }),
    );
    this.topic = new sns.Topic(this, 'Topic', {
      topicName: `phoi-hop-${config.name}-alarms`,
      displayName: `Phoi Hop ${config.name} alarms`,
      masterKey: key,
      enforceSSL: true,
    });
    if (props.email) this.topic.addSubscription(new subs.EmailSubscription(props.email));

    const fiveMin = Duration.minutes(5);
    const apiMetric = (metricName: string, statistic: string) =>
      new cloudwatch.Metric({
        namespace: 'AWS/ApiGateway',
        metricName,
        dimensionsMap: { ApiId: httpApi.apiId, Stage: '$default' },
        statistic,
        period: fiveMin,
      });

    // The operations the API uses (an alarm's metric math may combine at most 10 metrics).
    const O = dynamodb.Operation;
    const operations = [
      O.GET_ITEM,
      O.QUERY,
      O.PUT_ITEM,
      O.UPDATE_ITEM,
      O.DELETE_ITEM,
      O.TRANSACT_WRITE_ITEMS,
      O.TRANSACT_GET_ITEMS,
      O.BATCH_GET_ITEM,
      O.BATCH_WRITE_ITEM,
    ];
    const defs: [AlarmName, cloudwatch.IMetric, number, string][] = [
      ['FunctionErrors', fn.metricErrors({ period: fiveMin, statistic: 'Sum' }), 1, 'API function threw (unhandled errors or timeouts)'],
      ['FunctionThrottles', fn.metricThrottles({ period: fiveMin, statistic: 'Sum' }), 1, 'API function was throttled (concurrency limit)'],
      ['Api5xx', apiMetric('5xx', 'Sum'), 5, 'HTTP API answered 5xx'],
      ['ApiLatencyP99', apiMetric('Latency', 'p99'), 3000, 'HTTP API p99 latency above 3 s'],
      ['TableSystemErrors', table.metricSystemErrorsForOperations({ period: fiveMin, operations }), 1, 'DynamoDB returned system errors'],
      ['TableThrottles', table.metricThrottledRequestsForOperations({ period: fiveMin, operations }), 1, 'DynamoDB throttled requests'],
    ];
    for (const [name, metric, threshold, description] of defs) {
      const alarm = new cloudwatch.Alarm(this, name, {
        alarmName: `phoi-hop-${config.name}-${name}`,
        alarmDescription: description,
        metric,
        threshold,
        evaluationPeriods: 1,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      });
      alarm.addAlarmAction(new actions.SnsAction(this.topic));
      alarm.addOkAction(new actions.SnsAction(this.topic));
      this.alarms.push(alarm);
      this.byName[name] = alarm;
    }
  }
}

/** An alarm that fires on one occurrence of `metric` in its period, sent to the alarm topic. */
export function alarmOnAny(scope: Construct, id: string, a: { name: string; description: string; metric: cloudwatch.IMetric; topic: sns.ITopic }) {
  const alarm = new cloudwatch.Alarm(scope, id, {
    alarmName: a.name,
    alarmDescription: a.description,
    metric: a.metric,
    threshold: 1,
    evaluationPeriods: 1,
    comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
    treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
  });
  alarm.addAlarmAction(new actions.SnsAction(a.topic));
  return alarm;
}
