/**
 * Per-environment names, sizes and protections, chosen with `-c env=dev|staging|prod`.
 * Everything that differs between environments is here; the constructs only read it.
 */
export type EnvironmentName = 'dev' | 'staging' | 'prod';

export type EnvironmentConfig = {
  name: EnvironmentName;
  /** prod: retain data on stack deletion, deletion protection on table and user pool, Object Lock. */
  protect: boolean;
  api: {
    /** Lambda memory (MB); CPU scales with it. */
    memoryMb: number;
    timeoutSeconds: number;
    /** HTTP API stage throttling: steady requests per second and burst. */
    rateLimit: number;
    burstLimit: number;
  };
  /** CloudWatch Logs retention (days) for the function and the API access log. */
  logRetentionDays: 7 | 30 | 90 | 365;
  /** Days S3 access logs and CloudFront logs are kept. */
  accessLogDays: number;
  archive: {
    /** Object Lock (set at bucket creation, cannot be added later) with this default retention. */
    objectLockYears: number | null;
    /** Days after which a replaced (noncurrent) version is deleted; null keeps them (prod). */
    noncurrentVersionDays: number | null;
    /** Days after which objects move to Standard-IA (signed documents are rarely read again). */
    infrequentAccessAfterDays: number;
  };
  /** CloudWatch alarms on the API, the function and the table, sent to one SNS topic. */
  alarms: boolean;
  /** Cognito refresh token lifetime (days): how long a browser stays signed in. */
  refreshTokenDays: number;
};

export const environments: Record<EnvironmentName, EnvironmentConfig> = {
  dev: {
    name: 'dev',
    protect: false,
    api: { memoryMb: 512, timeoutSeconds: 10, rateLimit: 20, burstLimit: 40 },
    logRetentionDays: 7,
    accessLogDays: 30,
    archive: { objectLockYears: null, noncurrentVersionDays: 7, infrequentAccessAfterDays: 90 },
    alarms: false,
    refreshTokenDays: 7,
  },
  staging: {
    name: 'staging',
    protect: false,
    api: { memoryMb: 1024, timeoutSeconds: 10, rateLimit: 50, burstLimit: 100 },
    logRetentionDays: 30,
    accessLogDays: 90,
    archive: { objectLockYears: null, noncurrentVersionDays: 30, infrequentAccessAfterDays: 90 },
    alarms: true,
    refreshTokenDays: 7,
  },
  prod: {
    name: 'prod',
    protect: true,
    api: { memoryMb: 1024, timeoutSeconds: 10, rateLimit: 200, burstLimit: 400 },
    logRetentionDays: 365,
    accessLogDays: 365,
    // Signed documents are records: versions are kept and locked (GOVERNANCE: an administrator with
    // s3:BypassGovernanceRetention can still correct a mistake; nobody else can delete or overwrite).
    archive: { objectLockYears: 10, noncurrentVersionDays: null, infrequentAccessAfterDays: 90 },
    alarms: true,
    refreshTokenDays: 30,
  },
};

export function environmentFromContext(value: unknown): EnvironmentConfig {
  const name = typeof value === 'string' ? value : 'dev';
  const config = environments[name as EnvironmentName];
  if (!config) throw new Error(`Unknown env "${name}": use -c env=dev|staging|prod`);
  return config;
}
