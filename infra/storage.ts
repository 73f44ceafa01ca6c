import { Aws, Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import type { EnvironmentConfig } from './environments.js';

/**
 * Access-log bucket: S3 server access logs of the other buckets and CloudFront standard logs.
 * CloudFront standard logging still writes through ACLs, hence BUCKET_OWNER_PREFERRED.
 */
export class LogBucket extends Construct {
  readonly bucket: s3.Bucket;

  constructor(scope: Construct, id: string, props: { config: EnvironmentConfig }) {
    super(scope, id);
    const { config } = props;
    this.bucket = new s3.Bucket(this, 'Bucket', {
      encryption: s3.BucketEncryption.S3_MANAGED,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_PREFERRED,
      lifecycleRules: [{ id: 'expire-logs', expiration: Duration.days(config.accessLogDays) }],
      removalPolicy: config.protect ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
      autoDeleteObjects: false,
    });
  }
}

export type ArchiveBucketProps = {
  config: EnvironmentConfig;
  logs: s3.IBucket;
  /** Origins allowed to PUT/GET with presigned URLs from the browser (the web app's CloudFront URL). */
  corsOrigins: string[];
};

/**
 * Signed-document archive. Files go straight from the browser to S3 with presigned URLs (PUT) and
 * come back the same way (GET); the API only signs. Object keys start with the tenant prefix
 * (`19/164/...`), which the tenant role fences.
 */
export class ArchiveBucket extends Construct {
  readonly bucket: s3.Bucket;

  /** Deterministic name: the Lambda environment and the web CSP can name it without a reference cycle. */
  static bucketName(config: EnvironmentConfig): string {
    return `phoi-hop-${config.name}-archive-${Aws.ACCOUNT_ID}-${Aws.REGION}`;
  }

  constructor(scope: Construct, id: string, props: ArchiveBucketProps) {
    super(scope, id);
    const { config } = props;
    const a = config.archive;
    this.bucket = new s3.Bucket(this, 'Bucket', {
      bucketName: ArchiveBucket.bucketName(config),
      encryption: s3.BucketEncryption.S3_MANAGED,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      versioned: true,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      ...(a.objectLockYears
        ? { objectLockEnabled: true, objectLockDefaultRetention: s3.ObjectLockRetention.governance(Duration.days(365 * a.objectLockYears)) }
        : {}),
      serverAccessLogsBucket: props.logs,
      serverAccessLogsPrefix: 's3/archive/',
      lifecycleRules: [
        { id: 'abort-incomplete-uploads', abortIncompleteMultipartUploadAfter: Duration.days(1) },
        {
          id: 'infrequent-access',
          transitions: [{ storageClass: s3.StorageClass.INFREQUENT_ACCESS, transitionAfter: Duration.days(a.infrequentAccessAfterDays) }],
        },
        ...(a.noncurrentVersionDays !== null
          ? [{ id: 'expire-replaced-versions', noncurrentVersionExpiration: Duration.days(a.noncurrentVersionDays) }]
          : []),
      ],
      cors: [
        {
          allowedMethods: [s3.HttpMethods.PUT, s3.HttpMethods.GET, s3.HttpMethods.HEAD],
          allowedOrigins: props.corsOrigins,
          allowedHeaders: ['content-type', 'content-md5', 'x-amz-*'],
          exposedHeaders: ['ETag', 'x-amz-version-id'],
          maxAge: 3000,
        },
      ],
      removalPolicy: config.protect ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });
  }
}
