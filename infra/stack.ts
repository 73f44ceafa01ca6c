import { CfnOutput, RemovalPolicy, Stack, Validations, type StackProps } from 'aws-cdk-lib';
import * as s3 from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import { Alarms } from './alarms.js';
import { Api } from './api.js';
import { Auth } from './auth.js';
import { OpsDashboard } from './dashboard.js';
import type { EnvironmentConfig } from './environments.js';
import { ProgressiveDeploy } from './progressive.js';
import { Reminders, type MailIdentity } from './reminders.js';
import { UsageFromLogs } from './usage.js';
import * as secrets from 'aws-cdk-lib/aws-secretsmanager';
import { ArchiveBucket, LogBucket } from './storage.js';
import { AppTable } from './table.js';
import { Web, type WebDomain } from './web.js';

export type PhoiHopStackProps = StackProps & {
  config: EnvironmentConfig;
  /** Shown by /api/config and /api/health (`-c version=$(git rev-parse --short HEAD)`). */
  version?: string;
  /** Subscribed to the alarm topic (`-c alarmEmail=...`). */
  alarmEmail?: string;
  /** The web app's own domain (`-c domainName=... -c certificateArn=...`). */
  domain?: WebDomain;
  /** The SES sending identity of the digests (`-c sesIdentity=… -c sesFrom=…`); without it no mail is sent. */
  mail?: MailIdentity;
};

/**
 * One stack per environment: table, archive, user pool, API (function + HTTP API + tenant role),
 * web hosting, alarms. Names carry the environment, so dev, staging and prod can share an account.
 */
export class PhoiHopStack extends Stack {
  readonly table: AppTable;
  readonly logs: LogBucket;
  readonly archive: ArchiveBucket;
  readonly auth: Auth;
  readonly api: Api;
  readonly web: Web;
  readonly alarms?: Alarms;
  /** Every environment: requests, errors, p99, DynamoDB capacity, per-tenant usage from the logs. */
  readonly dashboard: OpsDashboard;
  /** Staging and prod: the CodeDeploy canary of the API alias. */
  readonly progressive?: ProgressiveDeploy;
  /** The daily reminder job: schedule, function, dead-letter queue, alarms. */
  readonly reminders: Reminders;
  /** Per-tenant usage from the API's log lines. */
  readonly usage: UsageFromLogs;

  constructor(scope: Construct, id: string, props: PhoiHopStackProps) {
    super(scope, id, props);
    const { config } = props;
    this.table = new AppTable(this, 'Data', { tableName: `phoi-hop-${config.name}`, protect: config.protect });
    this.logs = new LogBucket(this, 'Logs', { config });
    this.auth = new Auth(this, 'Auth', { config });

    const archiveBucketName = ArchiveBucket.bucketName(config);
    // The API is built against the archive's name; the bucket itself is created after the web
    // distribution, whose URL is the only origin its CORS rule allows.
    const archiveRef = s3.Bucket.fromBucketName(this, 'ArchiveRef', archiveBucketName);
    this.api = new Api(this, 'Api', {
      config,
      table: this.table.table,
      auth: this.auth,
      archiveBucketName,
      archive: archiveRef,
      version: props.version ?? 'unversioned',
    });
    this.web = new Web(this, 'Web', { config, httpApi: this.api.httpApi, logs: this.logs.bucket, archiveBucketName, domain: props.domain });
    this.archive = new ArchiveBucket(this, 'Archive', {
      config,
      logs: this.logs.bucket,
      corsOrigins: this.web.origins,
    });

    this.dashboard = new OpsDashboard(this, 'Ops', {
      config,
      fn: this.api.fn,
      httpApi: this.api.httpApi,
      table: this.table.table,
      logGroup: this.api.logGroup,
    });

    if (config.alarms) {
      this.alarms = new Alarms(this, 'Alarms', {
        config,
        fn: this.api.fn,
        httpApi: this.api.httpApi,
        table: this.table.table,
        email: props.alarmEmail,
      });
    }

    // Signs the digests' unsubscribe links (job) and checks them (API).
    const unsubscribeSecret = new secrets.Secret(this, 'UnsubscribeSecret', {
      description: 'Phoi Hop: HMAC key of the one-click unsubscribe links',
      generateSecretString: { passwordLength: 48, excludePunctuation: true },
      removalPolicy: config.protect ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });
    Validations.of(unsubscribeSecret).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason: 'An HMAC key for unsubscribe links that expire in 30 days; rotating it only invalidates links in sent mail. Rotate by hand if leaked.',
    });
    this.api.fn.addEnvironment('UNSUBSCRIBE_SECRET', unsubscribeSecret.secretValue.unsafeUnwrap());
    this.reminders = new Reminders(this, 'Reminders', {
      config,
      table: this.table.table,
      appUrl: this.web.origins.at(-1)!,
      unsubscribeSecret,
      mail: props.mail,
      alarmTopic: this.alarms?.topic,
      api: { fn: this.api.fn, role: this.api.role },
    });

    this.usage = new UsageFromLogs(this, 'Usage', {
      config,
      table: this.table.table,
      apiLogGroup: this.api.logGroup,
      alarmTopic: this.alarms?.topic,
    });

    if (config.apiDeployment !== 'all-at-once') {
      // Roll back on what a bad version shows first: it throws, answers 5xx, or gets slow.
      const rollbackAlarms = this.alarms ? [this.alarms.byName.FunctionErrors, this.alarms.byName.Api5xx, this.alarms.byName.ApiLatencyP99] : [];
      this.progressive = new ProgressiveDeploy(this, 'Deploy', { config, alias: this.api.alias, rollbackAlarms });
    }

    const out = (name: string, value: string, description: string) => new CfnOutput(this, name, { value, description });
    out('WebUrl', this.web.origins.at(-1)!, 'The web app (and /api/* on the same origin)');
    out('WebBucketName', this.web.bucket.bucketName, 'aws s3 sync web/dist here');
    out('DistributionId', this.web.distribution.distributionId, 'aws cloudfront create-invalidation --distribution-id');
    out('ApiUrl', this.api.httpApi.apiEndpoint, 'HTTP API endpoint (direct; the web app uses CloudFront /api/*)');
    out('TableName', this.table.table.tableName, 'DynamoDB table');
    out('ArchiveBucketName', this.archive.bucket.bucketName, 'Signed-document archive bucket');
    out('UserPoolId', this.auth.userPool.userPoolId, 'Cognito user pool');
    out('UserPoolClientId', this.auth.client.userPoolClientId, 'Cognito web client');
    out('FunctionName', this.api.fn.functionName, 'API Lambda function');
    out('ApiAliasArn', this.api.alias.functionArn, 'The live alias API Gateway calls');
    if (this.progressive) out('DeploymentGroupName', this.progressive.group.deploymentGroupName, 'CodeDeploy canary of the API alias');
    out('DashboardName', this.dashboard.dashboard.dashboardName, 'CloudWatch dashboard of this environment');
    if (this.alarms) out('AlarmTopicArn', this.alarms.topic.topicArn, 'SNS topic of the alarms');

    Validations.of(this).acknowledge({
      id: 'AwsSolutions-L1',
      reason:
        'Lambda runs nodejs22.x on purpose: the stack decision (STACK-NOTES.md) pins Node 22, the version the code and bundles are tested ' +
        'for; moving to a newer runtime is a deliberate upgrade with its own test run.',
    });
  }
}
