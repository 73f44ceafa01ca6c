import type { LocalIdentityProvider } from '../local/idp.js';
import { DirectoryUserExistsError, type DirectoryUser, type IdentityDirectory } from './directory.js';

/** The directory over the local issuer (`functions/local/idp.ts`): same contract as Cognito's. */
export class LocalIdentityDirectory implements IdentityDirectory {
  constructor(private readonly idp: LocalIdentityProvider) {}

  async createUser(user: DirectoryUser & { password: string }) {
    if (this.idp.findUser(user.email)) throw new DirectoryUserExistsError(user.email);
    const created = await this.idp.upsertUser({
      email: user.email,
      name: user.name,
      role: user.role,
      provinceCode: user.provinceCode,
      localityCode: user.localityCode,
      agency: user.agency,
      password: user.password,
    });
    return { sub: created.sub };
  }

  async disableUser(email: string) {
    // No such user: nobody can sign in as it, which is what disabling wants (as with Cognito).
    if (this.idp.findUser(email)) await this.idp.setDisabled(email, true);
  }

  async enableUser(email: string) {
    if (this.idp.findUser(email)) await this.idp.setDisabled(email, false);
  }

  async deleteUser(email: string) {
    await this.idp.deleteUser(email);
  }
}
