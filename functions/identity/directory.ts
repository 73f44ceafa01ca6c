import type { Role } from '../../shared/roles.js';

/**
 * The user directory behind sign-in: Cognito on AWS, the local issuer locally. The API creates users
 * here when an invitation is accepted (with the tenant and role as claims) and disables them; the
 * ID tokens it then issues carry `custom:province`, `custom:district`, `custom:role`.
 */
export type DirectoryUser = {
  email: string;
  name?: string;
  role: Role;
  provinceCode: string | null;
  localityCode: string | null;
  agency?: string;
};

export interface IdentityDirectory {
  /** Creates a user with its claims and a permanent password; returns its `sub`. */
  createUser(user: DirectoryUser & { password: string }): Promise<{ sub: string }>;
  /** Blocks sign-in (tokens already issued stay valid until they expire). Idempotent. */
  disableUser(email: string): Promise<void>;
  /** Allows sign-in again after `disableUser`. Idempotent. */
  enableUser(email: string): Promise<void>;
  /** Removes a user: only to undo a creation whose table write failed. Idempotent. */
  deleteUser(email: string): Promise<void>;
}

/** The email already has an account (in any tenant: the email is the sign-in name). */
export class DirectoryUserExistsError extends Error {
  constructor(email: string) {
    super(`user ${email} already exists`);
    this.name = 'DirectoryUserExistsError';
  }
}

/** The directory refused the password (its policy is stricter than ours). */
export class DirectoryPasswordRejectedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DirectoryPasswordRejectedError';
  }
}
