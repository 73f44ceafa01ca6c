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
    /**
     * prod: Object Lock enabled on the bucket (only possible at creation) and stored originals
     * protected from permanent deletion by the bucket policy. No default retention: it would lock the
     * short-lived `incoming/` uploads too (and S3 would demand a checksum on every presigned PUT).
     */
    worm: boolean;
    /** Days after which a replaced (noncurrent) version is deleted; null keeps them (prod). */
    noncurrentVersionDays: number | null;
    /** Days after which objects move to Standard-IA (signed documents are rarely read again). */
    infrequentAccessAfterDays: number;
    /**
     * PEM certificates of the CAs digital signatures of archived PDFs must chain to (the operator's
     * choice, e.g. the root CA of Vietnam's public digital-signature service). None are shipped: the
     * project cannot vouch for a CA file it did not source. Without any, signatures are reported
     * "no trust anchors configured". Passed to the function as ARCHIVE_TRUST_ANCHORS_PEM.
     */
    trustAnchorsPem?: string;
  };
  /** CloudWatch alarms on the API, the function and the table, sent to one SNS topic. */
  alarms: boolean;
  /** Cognito refresh token lifetime (days): how long a browser stays signed in. */
  refreshTokenDays: number;
  /**
   * How a new API version takes traffic through the `live` alias: at once (dev), or a CodeDeploy
   * canary (10 % for 5 minutes, then all) that rolls back by itself when an alarm fires. A canary
   * needs `alarms: true`: without alarms nothing would stop a bad version.
   */
  apiDeployment: 'all-at-once' | 'canary-10-percent-5-minutes';
  /**
   * Days a web asset stays in the bucket once a release no longer references it, so a page loaded
   * before the release keeps loading its scripts (scripts/deploy.ts tags superseded assets).
   */
  webAssetGraceDays: number;
};

export const environments: Record<EnvironmentName, EnvironmentConfig> = {
  dev: {
    name: 'dev',
    protect: false,
    api: { memoryMb: 512, timeoutSeconds: 10, rateLimit: 20, burstLimit: 40 },
    logRetentionDays: 7,
    accessLogDays: 30,
    archive: { worm: false, noncurrentVersionDays: 7, infrequentAccessAfterDays: 90 },
    alarms: false,
    refreshTokenDays: 7,
    apiDeployment: 'all-at-once',
    webAssetGraceDays: 7,
  },
  staging: {
    name: 'staging',
    protect: false,
    api: { memoryMb: 1024, timeoutSeconds: 10, rateLimit: 50, burstLimit: 100 },
    logRetentionDays: 30,
    accessLogDays: 90,
    archive: { worm: false, noncurrentVersionDays: 30, infrequentAccessAfterDays: 90 },
    alarms: true,
    refreshTokenDays: 7,
    apiDeployment: 'canary-10-percent-5-minutes',
    webAssetGraceDays: 14,
  },
  prod: {
    name: 'prod',
    protect: true,
    api: { memoryMb: 1024, timeoutSeconds: 10, rateLimit: 200, burstLimit: 400 },
    logRetentionDays: 365,
    accessLogDays: 365,
    // Signed documents are records: every version is kept and no principal may delete one for good.
    archive: { worm: true, noncurrentVersionDays: null, infrequentAccessAfterDays: 90 },
    alarms: true,
    refreshTokenDays: 30,
    apiDeployment: 'canary-10-percent-5-minutes',
    webAssetGraceDays: 30,
  },
};

export function environmentFromContext(value: unknown): EnvironmentConfig {
  const name = typeof value === 'string' ? value : 'dev';
  const config = environments[name as EnvironmentName];
  if (!config) throw new Error(`Unknown env "${name}": use -c env=dev|staging|prod`);
  return config;
}

/** Lambda environment variables share 4 KB: the anchors may use at most this much of it. */
export const MAX_TRUST_ANCHORS_ENV_BYTES = 3000;

/** The function's ARCHIVE_TRUST_ANCHORS_PEM for a configuration: certificates only, within the size the environment allows. */
export function trustAnchorsEnv(pem: string | undefined): Record<string, string> {
  if (!pem?.trim()) return {};
  const blocks = pem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
  if (blocks.length === 0) throw new Error('archive.trustAnchorsPem holds no PEM certificate');
  const value = blocks.join('\n');
  if (Buffer.byteLength(value) > MAX_TRUST_ANCHORS_ENV_BYTES) {
    throw new Error(`archive.trustAnchorsPem is ${Buffer.byteLength(value)} bytes; at most ${MAX_TRUST_ANCHORS_ENV_BYTES} fit the Lambda environment`);
  }
  return { ARCHIVE_TRUST_ANCHORS_PEM: value };
}
