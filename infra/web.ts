import { Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import type * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import type { EnvironmentConfig } from './environments.js';

export type WebProps = {
  config: EnvironmentConfig;
  httpApi: apigwv2.IHttpApi;
  logs: s3.IBucket;
  /** The archive bucket's name: presigned uploads and downloads go there from the browser. */
  archiveBucketName: string;
  /** Custom domain (`-c domainName=… -c certificateArn=…`, ACM certificate in us-east-1). */
  domain?: WebDomain;
};

export type WebDomain = { name: string; certificateArn: string };

/**
 * Tag the publisher (infra/web-publish.ts) puts on an asset the new release no longer references;
 * the bucket's lifecycle rule deletes it `webAssetGraceDays` later. Untagged objects never expire.
 */
export const SUPERSEDED_TAG = { key: 'phoihop-superseded', value: 'true' } as const;

/**
 * SPA fallback on the viewer request: client routes (`/giam-sat/...`, no file extension) get the app
 * shell. Done here rather than with 403/404 error responses, which would also rewrite the API's own
 * problem+json 404s into index.html.
 */
export const SPA_REWRITE_CODE = `function handler(event) {
  var request = event.request;
  var last = request.uri.split('/').pop();
  if (last.indexOf('.') === -1) request.uri = '/index.html';
  return request;
}`;

/**
 * The web app: a private S3 bucket read only by CloudFront (origin access control), security
 * headers on every response, and `/api/*` routed to the HTTP API on the same origin (no CORS).
 */
export class Web extends Construct {
  readonly bucket: s3.Bucket;
  readonly distribution: cloudfront.Distribution;
  readonly headers: cloudfront.ResponseHeadersPolicy;
  readonly apiCachePolicy: cloudfront.CachePolicy;
  readonly domainName?: string;

  constructor(scope: Construct, id: string, props: WebProps) {
    super(scope, id);
    const { config } = props;
    const region = Stack.of(this).region;
    this.domainName = props.domain?.name;

    this.bucket = new s3.Bucket(this, 'Bucket', {
      encryption: s3.BucketEncryption.S3_MANAGED,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      serverAccessLogsBucket: props.logs,
      serverAccessLogsPrefix: 's3/web/',
      // The built app is reproducible from git: nothing to retain.
      removalPolicy: RemovalPolicy.DESTROY,
      // Deploys never prune: a page loaded before a release still fetches its own hashed scripts.
      // Only what the publisher tagged as superseded goes, after the grace period.
      lifecycleRules: [
        {
          id: 'expire-superseded-assets',
          tagFilters: { [SUPERSEDED_TAG.key]: SUPERSEDED_TAG.value },
          expiration: Duration.days(config.webAssetGraceDays),
        },
      ],
    });

    const archiveOrigin = `https://${props.archiveBucketName}.s3.${region}.amazonaws.com`;
    const csp = [
      "default-src 'self'",
      "script-src 'self'",
      "style-src 'self' 'unsafe-inline'",
      `img-src 'self' data: blob: ${archiveOrigin}`,
      `connect-src 'self' https://cognito-idp.${region}.amazonaws.com ${archiveOrigin}`,
      `frame-src 'self' blob: ${archiveOrigin}`,
      "font-src 'self'",
      "object-src 'none'",
      "base-uri 'self'",
      "form-action 'self'",
      "frame-ancestors 'none'",
    ].join('; ');
    this.headers = new cloudfront.ResponseHeadersPolicy(this, 'SecurityHeaders', {
      responseHeadersPolicyName: `phoi-hop-${config.name}-security-headers`,
      securityHeadersBehavior: {
        contentSecurityPolicy: { contentSecurityPolicy: csp, override: true },
        strictTransportSecurity: { accessControlMaxAge: Duration.days(730), includeSubdomains: true, preload: true, override: true },
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: cloudfront.HeadersFrameOption.DENY, override: true },
        referrerPolicy: { referrerPolicy: cloudfront.HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN, override: true },
      },
      customHeadersBehavior: {
        customHeaders: [{ header: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=()', override: true }],
      },
    });

    const spaRewrite = new cloudfront.Function(this, 'SpaRewrite', {
      code: cloudfront.FunctionCode.fromInline(SPA_REWRITE_CODE),
      runtime: cloudfront.FunctionRuntime.JS_2_0,
      comment: 'Client-side routes get index.html',
    });

    const apiOrigin = new origins.HttpOrigin(`${props.httpApi.apiId}.execute-api.${region}.amazonaws.com`, {
      protocolPolicy: cloudfront.OriginProtocolPolicy.HTTPS_ONLY,
      originSslProtocols: [cloudfront.OriginSslPolicy.TLS_V1_2],
    });

    // CloudFront drops the Authorization header of GET/HEAD requests unless it is part of the cache
    // key (an origin request policy cannot forward it). So /api/* gets its own policy: Authorization
    // and the query string in the key, and TTLs that never cache (default 0; max 1 s is the smallest
    // that allows a header in the key). Responses stay per user and per query.
    this.apiCachePolicy = new cloudfront.CachePolicy(this, 'ApiCachePolicy', {
      cachePolicyName: `phoi-hop-${config.name}-api`,
      comment: 'API: never cached; Authorization forwarded',
      minTtl: Duration.seconds(0),
      defaultTtl: Duration.seconds(0),
      maxTtl: Duration.seconds(1),
      headerBehavior: cloudfront.CacheHeaderBehavior.allowList('Authorization'),
      queryStringBehavior: cloudfront.CacheQueryStringBehavior.all(),
      cookieBehavior: cloudfront.CacheCookieBehavior.none(),
      enableAcceptEncodingGzip: true,
      enableAcceptEncodingBrotli: true,
    });

    this.distribution = new cloudfront.Distribution(this, 'Distribution', {
      comment: `Phoi Hop web (${config.name})`,
      defaultRootObject: 'index.html',
      httpVersion: cloudfront.HttpVersion.HTTP2_AND_3,
      priceClass: cloudfront.PriceClass.PRICE_CLASS_200, // includes Asia (Vietnam)
      enableLogging: true,
      logBucket: props.logs,
      logFilePrefix: 'cloudfront/',
      ...(props.domain
        ? {
            domainNames: [props.domain.name],
            certificate: acm.Certificate.fromCertificateArn(this, 'Certificate', props.domain.certificateArn),
            minimumProtocolVersion: cloudfront.SecurityPolicyProtocol.TLS_V1_2_2021,
          }
        : {}),
      defaultBehavior: {
        origin: origins.S3BucketOrigin.withOriginAccessControl(this.bucket),
        viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        cachePolicy: cloudfront.CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy: this.headers,
        compress: true,
        functionAssociations: [{ function: spaRewrite, eventType: cloudfront.FunctionEventType.VIEWER_REQUEST }],
      },
      additionalBehaviors: {
        '/api/*': {
          origin: apiOrigin,
          viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.HTTPS_ONLY,
          allowedMethods: cloudfront.AllowedMethods.ALLOW_ALL,
          cachePolicy: this.apiCachePolicy,
          // Everything else but Host: API Gateway routes by its own host name.
          originRequestPolicy: cloudfront.OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
          responseHeadersPolicy: this.headers,
          compress: true,
        },
      },
    });

    Validations.of(this.distribution).acknowledge({
      id: 'AwsSolutions-CFR1',
      reason: 'No geo restriction: officials travel and work abroad (delegations, training); access is controlled by sign-in, not location.',
    });
    Validations.of(this.distribution).acknowledge({
      id: 'AwsSolutions-CFR2',
      reason:
        'No WAF yet: a CLOUDFRONT-scope web ACL must live in us-east-1 (a second stack); the API is throttled per stage and every ' +
        'data route needs a Cognito token. Listed as follow-up in docs/deploy.md.',
    });
    if (!props.domain) {
      Validations.of(this.distribution).acknowledge({
        id: 'AwsSolutions-CFR4',
        reason:
          'No custom domain yet: the default *.cloudfront.net certificate has a fixed security policy (TLSv1). Attaching the ' +
          'government domain (-c domainName=… -c certificateArn=…, ACM in us-east-1) switches to TLSv1.2_2021; see docs/deploy.md.',
      });
    }
  }

  /** The origins the browser app runs on: CloudFront's own name and the custom domain, if any. */
  get origins(): string[] {
    return [`https://${this.distribution.distributionDomainName}`, ...(this.domainName ? [`https://${this.domainName}`] : [])];
  }
}
