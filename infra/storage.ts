import { Aws, Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
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
      ...(a.worm ? { objectLockEnabled: true } : {}),
      serverAccessLogsBucket: props.logs,
      serverAccessLogsPrefix: 's3/archive/',
      lifecycleRules: [
        { id: 'abort-incomplete-uploads', abortIncompleteMultipartUploadAfter: Duration.days(1) },
        // Browser uploads land in incoming/ and are copied to their permanent key; leftovers (abandoned
        // or rejected uploads; an upload may complete up to 24 h after it was declared) go after 2 days.
        {
          id: 'expire-incoming',
          prefix: `${INCOMING_PREFIX}/`,
          expiration: Duration.days(2),
          noncurrentVersionExpiration: Duration.days(1),
        },
        { id: 'incoming-delete-markers', prefix: `${INCOMING_PREFIX}/`, expiredObjectDeleteMarker: true },
        {
          id: 'infrequent-access',
          transitions: [{ storageClass: s3.StorageClass.INFREQUENT_ACCESS, transitionAfter: Duration.days(a.infrequentAccessAfterDays) }],
        },
        ...(a.noncurrentVersionDays !== null ? [{ id: 'expire-replaced-versions', noncurrentVersionExpiration: Duration.days(a.noncurrentVersionDays) }] : []),
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
    if (a.worm) {
      // Stored originals start with the 2-digit province code (shared/keys.ts s3Keys.object); uploads
      // with `incoming/`. No principal, administrators included, may destroy a version of an original.
      this.bucket.addToResourcePolicy(
        new iam.PolicyStatement({
          sid: 'OriginalsAreNeverDestroyed',
          effect: iam.Effect.DENY,
          principals: [new iam.AnyPrincipal()],
          actions: ['s3:DeleteObjectVersion', 's3:BypassGovernanceRetention'],
          resources: [...'0123456789'].map((d) => this.bucket.arnForObjects(`${d}*`)),
        }),
      );
    }
  }
}

/** Where browsers PUT uploads before the API copies them under the tenant prefix (shared/keys.ts s3Keys.incoming). */
export const INCOMING_PREFIX = 'incoming';
