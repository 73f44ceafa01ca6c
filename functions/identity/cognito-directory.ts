import type { AdminCreateUserCommandOutput, AttributeType, CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { claimNames } from '../../shared/identity.js';
import { DirectoryPasswordRejectedError, DirectoryUserExistsError, type DirectoryUser, type IdentityDirectory } from './directory.js';

export type CognitoDirectoryConfig = { userPoolId: string; region?: string; endpoint?: string };

/**
 * The directory on AWS: a Cognito user pool whose username is the email. Users are created by the
 * API (never self sign-up) with the tenant and role as custom attributes, which Cognito copies into
 * every ID token. The app client must not be allowed to write `custom:*` attributes (infra), or a
 * user could change its own role.
 */
export class CognitoIdentityDirectory implements IdentityDirectory {
  private loaded?: Promise<{ client: CognitoIdentityProviderClient; sdk: typeof import('@aws-sdk/client-cognito-identity-provider') }>;

  constructor(private readonly cfg: CognitoDirectoryConfig) {}

  /** The Cognito SDK is imported on first use: most requests never manage users (cold start). */
  private cognito() {
    this.loaded ??= import('@aws-sdk/client-cognito-identity-provider').then((sdk) => ({
      sdk,
      client: new sdk.CognitoIdentityProviderClient({
        region: this.cfg.region ?? process.env.AWS_REGION ?? 'ap-southeast-1',
        ...(this.cfg.endpoint ? { endpoint: this.cfg.endpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } } : {}),
        maxAttempts: 3,
      }),
    }));
    return this.loaded;
  }

  /** Sends one command built from the lazily imported SDK. */
  private async sdkSend(build: (sdk: typeof import('@aws-sdk/client-cognito-identity-provider')) => object): Promise<unknown> {
    const { client, sdk } = await this.cognito();
    return client.send(build(sdk) as never);
  }

  private get pool() {
    if (!this.cfg.userPoolId) throw new Error('USER_POOL_ID is not set');
    return this.cfg.userPoolId;
  }

  async createUser(user: DirectoryUser & { password: string }) {
    const attributes: AttributeType[] = [
      { Name: 'email', Value: user.email },
      { Name: 'email_verified', Value: 'true' },
      { Name: claimNames.role, Value: user.role },
      ...(user.name ? [{ Name: 'name', Value: user.name }] : []),
      ...(user.provinceCode ? [{ Name: claimNames.province, Value: user.provinceCode }] : []),
      ...(user.localityCode ? [{ Name: claimNames.locality, Value: user.localityCode }] : []),
      ...(user.agency ? [{ Name: claimNames.agency, Value: user.agency }] : []),
    ];
    let sub: string | undefined;
    try {
      const out = (await this.sdkSend(
        (sdk) => new sdk.AdminCreateUserCommand({ UserPoolId: this.pool, Username: user.email, UserAttributes: attributes, MessageAction: 'SUPPRESS' }),
      )) as AdminCreateUserCommandOutput;
      sub = out.User?.Attributes?.find((a) => a.Name === 'sub')?.Value ?? out.User?.Username;
    } catch (err) {
      if ((err as Error).name === 'UsernameExistsException' || (err as Error).name === 'AliasExistsException') {
        throw new DirectoryUserExistsError(user.email);
      }
      throw err;
    }
    try {
      await this.sdkSend(
        (sdk) => new sdk.AdminSetUserPasswordCommand({ UserPoolId: this.pool, Username: user.email, Password: user.password, Permanent: true }),
      );
    } catch (err) {
      await this.deleteUser(user.email);
      if ((err as Error).name === 'InvalidPasswordException') throw new DirectoryPasswordRejectedError((err as Error).message);
      throw err;
    }
    if (!sub) throw new Error('Cognito returned no sub for the new user');
    return { sub };
  }

  async enableUser(email: string) {
    await this.sdkSend((sdk) => new sdk.AdminEnableUserCommand({ UserPoolId: this.pool, Username: email }));
  }

  async disableUser(email: string) {
    try {
      await this.sdkSend((sdk) => new sdk.AdminDisableUserCommand({ UserPoolId: this.pool, Username: email }));
    } catch (err) {
      // No such user in the pool: nobody can sign in as it, which is what disabling wants.
      if ((err as Error).name === 'UserNotFoundException') return;
      throw err;
    }
    // Belt and braces: also revoke refresh tokens (a disabled user's refresh is refused anyway, so a
    // failure here — e.g. an emulator without this call — is logged, not fatal).
    try {
      await this.sdkSend((sdk) => new sdk.AdminUserGlobalSignOutCommand({ UserPoolId: this.pool, Username: email }));
    } catch (err) {
      console.warn(JSON.stringify({ level: 'warn', msg: 'AdminUserGlobalSignOut failed after disabling', error: String(err) }));
    }
  }

  async deleteUser(email: string) {
    try {
      await this.sdkSend((sdk) => new sdk.AdminDeleteUserCommand({ UserPoolId: this.pool, Username: email }));
    } catch (err) {
      if ((err as Error).name !== 'UserNotFoundException') throw err;
    }
  }

  destroy() {
    void this.loaded?.then(({ client }) => client.destroy());
  }
}
