import { Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';
import { claimNames } from '../shared/identity.js';
import type { EnvironmentConfig } from './environments.js';

/** Custom attribute names as Cognito stores them (`custom:` is added in the token). */
const custom = (claim: string) => claim.replace(/^custom:/, '');

/**
 * The user pool: email sign-in, the tenant claims the API reads from the ID token
 * (`custom:province`, `custom:district`, `custom:role`, `custom:agency`, see shared/identity.ts),
 * and one public app client for the web app (InitiateAuth USER_PASSWORD_AUTH, no secret).
 * Users never self-register: the API creates them (sign-up approval, invitations).
 */
export class Auth extends Construct {
  readonly userPool: cognito.UserPool;
  readonly client: cognito.UserPoolClient;
  /** `https://cognito-idp.<region>.amazonaws.com/<poolId>`: the ID token's `iss`. */
  readonly issuer: string;

  constructor(scope: Construct, id: string, props: { config: EnvironmentConfig }) {
    super(scope, id);
    const { config } = props;
    this.userPool = new cognito.UserPool(this, 'UserPool', {
      userPoolName: `phoi-hop-${config.name}`,
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      signInCaseSensitive: false,
      autoVerify: { email: true },
      standardAttributes: { email: { required: true, mutable: true }, fullname: { required: false, mutable: true } },
      customAttributes: {
        [custom(claimNames.province)]: new cognito.StringAttribute({ minLen: 2, maxLen: 2, mutable: true }),
        // Kept: users created before the two-level reform carry it (custom attributes cannot change).
        [custom(claimNames.legacyDistrict)]: new cognito.StringAttribute({ minLen: 0, maxLen: 3, mutable: true }),
        [custom(claimNames.locality)]: new cognito.StringAttribute({ minLen: 0, maxLen: 5, mutable: true }),
        [custom(claimNames.role)]: new cognito.StringAttribute({ minLen: 1, maxLen: 32, mutable: true }),
        [custom(claimNames.agency)]: new cognito.StringAttribute({ minLen: 0, maxLen: 64, mutable: true }),
      },
      passwordPolicy: {
        minLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
      },
      mfa: cognito.Mfa.OPTIONAL,
      mfaSecondFactor: { sms: false, otp: true },
      accountRecovery: cognito.AccountRecovery.EMAIL_ONLY,
      deletionProtection: config.protect,
      removalPolicy: config.protect ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });

    // Users may read their claims but never write the tenant ones: a user who could set
    // custom:province would choose their own tenant. Only the API (admin APIs) sets them.
    const tenantClaims = [claimNames.province, claimNames.legacyDistrict, claimNames.locality, claimNames.role, claimNames.agency].map(custom);
    this.client = this.userPool.addClient('WebClient', {
      userPoolClientName: `phoi-hop-${config.name}-web`,
      generateSecret: false,
      authFlows: { userPassword: true, userSrp: true },
      disableOAuth: true,
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      idTokenValidity: Duration.hours(1),
      accessTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.days(config.refreshTokenDays),
      readAttributes: new cognito.ClientAttributes()
        .withStandardAttributes({ email: true, emailVerified: true, fullname: true })
        .withCustomAttributes(...tenantClaims),
      writeAttributes: new cognito.ClientAttributes().withStandardAttributes({ fullname: true }),
    });
    this.issuer = `https://cognito-idp.${Stack.of(this).region}.amazonaws.com/${this.userPool.userPoolId}`;

    Validations.of(this.userPool).acknowledge({
      id: 'AwsSolutions-COG2',
      reason:
        'MFA is OPTIONAL (TOTP): officials sign in from shared office machines and the web app signs in with USER_PASSWORD_AUTH; ' +
        'requiring MFA needs the challenge flow in the web app first (tracked in docs/deploy.md). Passwords are 12+ chars with all classes.',
    });
    Validations.of(this.userPool).acknowledge({
      id: 'AwsSolutions-COG8',
      reason:
        'Essentials feature plan: the Plus plan (threat protection) is billed per monthly active user; enable it per environment ' +
        'with featurePlan PLUS when the budget allows (docs/deploy.md). Sign-in is throttled by Cognito and the API by API Gateway.',
    });
  }
}
