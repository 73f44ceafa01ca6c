import { Aws, Duration, Stack, TimeZone, Validations } from 'aws-cdk-lib';
import type * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import * as targets from 'aws-cdk-lib/aws-scheduler-targets';
import type * as secrets from 'aws-cdk-lib/aws-secretsmanager';
import * as ses from 'aws-cdk-lib/aws-ses';
import type * as sns from 'aws-cdk-lib/aws-sns';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { EnvironmentConfig } from './environments.js';
import { alarmOnAny } from './alarms.js';
import { BundledFunction, ownLogsAndRole } from './functions.js';
import { acknowledgeWildcardResources } from './nag.js';

/** The e-mail sending identity from context (`-c sesIdentity=phoihop.gov.vn -c sesFrom=thongbao@phoihop.gov.vn`). */
export type MailIdentity = { identity: string; from: string };

export type RemindersProps = {
  config: EnvironmentConfig;
  table: dynamodb.ITableV2;
  /** The web app's URL: links in the digests. */
  appUrl: string;
  /** Shared with the API, which checks the unsubscribe links the job signs. */
  unsubscribeSecret: secrets.ISecret;
  mail?: MailIdentity;
  /** The alarm topic (environments with alarms). */
  alarmTopic?: sns.ITopic;
  /** The API function: it sends the outbox's mail right after the commit that queued it. */
  api?: { fn: BundledFunction; role: iam.IRole };
};

/**
 * LeadingKeys the job may touch (functions/reminders/job.ts, daily.ts, outbox.ts): it reads the due
 * index (GSI1 `<prov>#P#DUE`), the users and followers of tenants with something due and the users'
 * e-mail preferences, and writes notifications and digest markers. The outbox run reads the pending
 * mail (GSI1 `MAIL#PENDING`), the outbox items (a province's `<prov>#P#OUTBOX`, `MAIL#<tenant>#<user>`)
 * and the tenant profile a sign-up decision names, and updates only the outbox items' state.
 * Nothing else of any tenant.
 */
export const JOB_KEYS = {
  dueIndex: ['??#P#DUE'],
  pendingMail: ['MAIL#PENDING'],
  read: ['*#USERS', '*#FOLLOW#*', '*#NOTIF#*', '*#TENANT'],
  write: ['*#NOTIF#*'],
  outbox: ['??#P#OUTBOX', 'MAIL#*'],
};

/** The outbox run's input (functions/reminders/lambda.ts): every 5 minutes, the mail not sent yet. */
export const OUTBOX_TASK = { task: 'outbox' };

/**
 * The daily reminder job: EventBridge Scheduler at 07:00 Asia/Ho_Chi_Minh invokes its own function
 * (retries twice, then the event goes to an encrypted dead-letter queue); an alarm fires on a
 * failed run or a parked event.
 */
export class Reminders extends Construct {
  readonly fn: BundledFunction;
  readonly role: iam.Role;
  readonly deadLetters: sqs.Queue;
  readonly schedule: scheduler.Schedule;
  readonly outboxSchedule: scheduler.Schedule;
  readonly alarms: cloudwatch.Alarm[] = [];
  readonly configurationSet?: ses.ConfigurationSet;

  constructor(scope: Construct, id: string, props: RemindersProps) {
    super(scope, id);
    const { config, table } = props;
    const { logGroup, role, removalPolicy } = ownLogsAndRole(this, config, 'Phoi Hop daily reminder job');
    this.role = role;
    const leading = (keys: string[]) => ({ 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': keys } });
    const statements = [
      new iam.PolicyStatement({
        sid: 'DueIndex',
        actions: ['dynamodb:Query'],
        resources: [`${table.tableArn}/index/GSI1`],
        conditions: leading(JOB_KEYS.dueIndex),
      }),
      new iam.PolicyStatement({
        sid: 'Recipients',
        actions: ['dynamodb:Query', 'dynamodb:GetItem'],
        resources: [table.tableArn],
        conditions: leading(JOB_KEYS.read),
      }),
      new iam.PolicyStatement({ sid: 'Notifications', actions: ['dynamodb:PutItem'], resources: [table.tableArn], conditions: leading(JOB_KEYS.write) }),
      new iam.PolicyStatement({
        sid: 'PendingMail',
        actions: ['dynamodb:Query'],
        resources: [`${table.tableArn}/index/GSI1`],
        conditions: leading(JOB_KEYS.pendingMail),
      }),
      new iam.PolicyStatement({ sid: 'Outbox', actions: ['dynamodb:UpdateItem'], resources: [table.tableArn], conditions: leading(JOB_KEYS.outbox) }),
    ];
    for (const s of statements) this.role.addToPolicy(s);

    const environment: Record<string, string> = {
      TABLE_NAME: table.tableName,
      APP_URL: props.appUrl,
      // A CloudFormation dynamic reference: resolved at deploy time, never written into the template.
      UNSUBSCRIBE_SECRET: props.unsubscribeSecret.secretValue.unsafeUnwrap(),
    };
    if (props.mail) {
      // Bounces and complaints go on the suppression list: SES stops mailing those addresses.
      this.configurationSet = new ses.ConfigurationSet(this, 'Mail', {
        suppressionReasons: ses.SuppressionReasons.BOUNCES_AND_COMPLAINTS,
        sendingEnabled: true,
      });
      const identityArn = `arn:${Aws.PARTITION}:ses:${Aws.REGION}:${Aws.ACCOUNT_ID}:identity/${props.mail.identity}`;
      const setArn = `arn:${Aws.PARTITION}:ses:${Aws.REGION}:${Aws.ACCOUNT_ID}:configuration-set/${this.configurationSet.configurationSetName}`;
      const send = (sid: string) =>
        new iam.PolicyStatement({
          sid,
          actions: ['ses:SendEmail'],
          resources: [identityArn, setArn],
          conditions: { StringEquals: { 'ses:FromAddress': props.mail!.from } },
        });
      this.role.addToPolicy(send('SendDigests'));
      const mailEnv = { SES_FROM: props.mail.from, SES_CONFIGURATION_SET: this.configurationSet.configurationSetName };
      Object.assign(environment, mailEnv);
      // The API sends the outbox's mail right after the commit (same identity, same configuration set).
      if (props.api) {
        props.api.role.addToPrincipalPolicy(send('SendMailNow'));
        for (const [k, v] of Object.entries({ ...mailEnv, APP_URL: props.appUrl })) props.api.fn.addEnvironment(k, v);
      }
    }

    this.fn = new BundledFunction(this, 'Function', 'reminders', {
      functionName: `phoi-hop-${config.name}-reminders`,
      description: `Phoi Hop daily reminders (${config.name})`,
      memorySize: 512,
      timeout: Duration.minutes(5),
      role: this.role,
      logGroup,
      environment,
    });

    this.deadLetters = new sqs.Queue(this, 'DeadLetters', {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
      removalPolicy,
    });
    Validations.of(this.deadLetters).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason: 'This queue is itself the dead-letter queue of the reminder schedule; an alarm watches it.',
    });

    this.schedule = new scheduler.Schedule(this, 'Daily', {
      description: 'Daily reminders and digests at 07:00 Vietnam time',
      schedule: scheduler.ScheduleExpression.cron({ minute: '0', hour: '7', timeZone: TimeZone.ASIA_HO_CHI_MINH }),
      target: new targets.LambdaInvoke(this.fn, { deadLetterQueue: this.deadLetters, retryAttempts: 2, maxEventAge: Duration.hours(2) }),
    });

    // What the API could not send right after its commit (SES failed, the process ended) goes out
    // within 5 minutes; a run is short, so retries are few and an old event is useless.
    this.outboxSchedule = new scheduler.Schedule(this, 'Outbox', {
      description: 'Mail outbox (events, sign-up decisions) every 5 minutes',
      schedule: scheduler.ScheduleExpression.rate(Duration.minutes(5)),
      target: new targets.LambdaInvoke(this.fn, {
        input: scheduler.ScheduleTargetInput.fromObject(OUTBOX_TASK),
        deadLetterQueue: this.deadLetters,
        retryAttempts: 2,
        maxEventAge: Duration.minutes(15),
      }),
    });

    // The scheduler's invoke role (created by the target) names the function and its versions.
    acknowledgeWildcardResources(
      Stack.of(this),
      [`${this.fn.functionArn}:*`],
      "EventBridge Scheduler's role may invoke the reminder function and its versions only (lambda:InvokeFunction).",
    );

    if (props.alarmTopic) {
      const topic = props.alarmTopic;
      this.alarms.push(
        alarmOnAny(this, 'Failed', {
          name: `phoi-hop-${config.name}-RemindersFailed`,
          description: 'The daily reminder job failed (it is retried; see its logs)',
          metric: this.fn.metricErrors({ period: Duration.hours(1), statistic: 'Sum' }),
          topic,
        }),
        alarmOnAny(this, 'Parked', {
          name: `phoi-hop-${config.name}-RemindersParked`,
          description: 'A reminder run gave up and sits in the dead-letter queue',
          metric: this.deadLetters.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5), statistic: 'Maximum' }),
          topic,
        }),
      );
    }
  }
}
