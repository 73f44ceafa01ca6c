import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import type * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import type * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import type { EnvironmentConfig } from './environments.js';

export type DashboardProps = {
  config: EnvironmentConfig;
  fn: lambda.IFunction;
  httpApi: apigwv2.IHttpApi;
  table: dynamodb.ITableV2;
  /** The function's log group: its JSON request lines carry tenant, province, locality and route. */
  logGroup: logs.ILogGroup;
};

/**
 * One CloudWatch dashboard per environment (`phoi-hop-<env>`): requests, errors, p99 latency,
 * DynamoDB consumed capacity, and per-tenant requests and capacity from the function's log lines
 * (Logs Insights). What the numbers cost: docs/operations.md, "Usage per tenant and cost".
 */
export class OpsDashboard extends Construct {
  readonly dashboard: cloudwatch.Dashboard;

  constructor(scope: Construct, id: string, props: DashboardProps) {
    super(scope, id);
    const { config, fn, httpApi, table, logGroup } = props;
    const period = Duration.minutes(5);
    const api = (metricName: string, statistic: string, label: string) =>
      new cloudwatch.Metric({ namespace: 'AWS/ApiGateway', metricName, dimensionsMap: { ApiId: httpApi.apiId, Stage: '$default' }, statistic, period, label });

    this.dashboard = new cloudwatch.Dashboard(this, 'Dashboard', {
      dashboardName: `phoi-hop-${config.name}`,
      defaultInterval: Duration.hours(24),
    });
    this.dashboard.addWidgets(
      new cloudwatch.GraphWidget({
        title: 'Requests',
        left: [api('Count', 'Sum', 'API requests'), fn.metricInvocations({ period, label: 'Lambda invocations' })],
        width: 12,
      }),
      new cloudwatch.GraphWidget({
        title: 'Errors',
        left: [
          api('4xx', 'Sum', 'API 4xx'),
          api('5xx', 'Sum', 'API 5xx'),
          fn.metricErrors({ period, label: 'Lambda errors' }),
          fn.metricThrottles({ period, label: 'Lambda throttles' }),
        ],
        width: 12,
      }),
    );
    this.dashboard.addWidgets(
      new cloudwatch.GraphWidget({
        title: 'Latency p99 (ms)',
        left: [
          api('Latency', 'p99', 'API p99'),
          api('IntegrationLatency', 'p99', 'integration p99'),
          fn.metricDuration({ period, statistic: 'p99', label: 'Lambda duration p99' }),
        ],
        width: 12,
      }),
      new cloudwatch.GraphWidget({
        title: 'DynamoDB consumed capacity (units per 5 min)',
        left: [
          table.metricConsumedReadCapacityUnits({ period, statistic: 'Sum', label: 'RCU (read request units)' }),
          table.metricConsumedWriteCapacityUnits({ period, statistic: 'Sum', label: 'WCU (write request units)' }),
        ],
        width: 12,
      }),
    );
    this.dashboard.addWidgets(
      new cloudwatch.LogQueryWidget({
        title: 'Per tenant (from request log lines): requests, errors, RCU, WCU, p99 ms',
        logGroupNames: [logGroup.logGroupName],
        queryLines: [
          'fields tenant, province, status, ddb.rcu, ddb.wcu, ms',
          'filter msg = "request" and ispresent(tenant)',
          'stats count(*) as requests, sum(status >= 500) as errors5xx, sum(ddb.rcu) as rcu, sum(ddb.wcu) as wcu, pct(ms, 99) as p99ms by tenant, province',
          'sort requests desc',
          'limit 50',
        ],
        width: 24,
        height: 8,
      }),
    );
  }
}
