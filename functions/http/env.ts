import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Identity } from '../../shared/identity.js';
import type { SessionTags } from '../../shared/tenant-access.js';
import type { ArchiveStorage } from '../archive/storage.js';
import type { TokenVerifier } from '../auth/verify.js';
import type { IdentityDirectory } from '../identity/directory.js';
import type { MailSettings } from '../reminders/daily.js';
import type { MeteredStore } from '../store/metered-store.js';
import type { TenantAccess } from '../store/scoped-credentials.js';
import type { UsageSink } from './usage.js';

/** What the app needs from the outside world; the Lambda entry and the local server both build it. */
export type AppDeps = {
  doc: DynamoDBDocumentClient;
  tableName: string;
  /** Signed-document archive bucket (S3 on AWS, s3rver locally) and its client. */
  archive: ArchiveStorage;
  verifyToken: TokenVerifier;
  /** Where invited users are created and disabled: Cognito on AWS, the local issuer locally. */
  directory: IdentityDirectory;
  /** Injectable clock: tests move time (overdue items, expiring invitations). */
  now: () => Date;
  /** Public auth settings the web app needs to sign in (local issuer or Cognito). */
  authConfig: AuthClientConfig;
  version: string;
  /** On AWS: tenant-scoped credentials for authenticated requests (IAM LeadingKeys fence). Unset locally. */
  tenantAccess?: TenantAccess;
  /**
   * Sending mail at once (events users opted into, sign-up decisions), through the SES v2 code of
   * the digest; unset: the mail stays queued in the outbox for the scheduled sender.
   */
  mail?: MailSettings | null;
  /** Where each answered request's usage goes (functions/http/usage.ts): log lines on Lambda, a buffer locally. */
  usage: UsageSink;
  /** PEM bundle of the trust anchors digital signatures are checked against (ARCHIVE_TRUST_ANCHORS_PEM); none shipped. */
  trustAnchorsPem?: string;
};

export type AuthClientConfig = { kind: 'local'; tokenUrl: string } | { kind: 'cognito'; region: string; userPoolId: string; clientId: string };

export type AppEnv = {
  Variables: {
    deps: AppDeps;
    store: MeteredStore;
    identity: Identity;
    requestId: string;
    /** The tenant session the request's store signs with (set with the scoped store; absent locally). */
    sessionTags: SessionTags | undefined;
    /** The route that answered, when a lazily loaded capability did (Hono's own `routePath` names the mount). */
    routePath?: string;
  };
};
