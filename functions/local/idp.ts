import { randomUUID, scrypt as scryptCb, randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { promisify } from 'node:util';
import { Hono } from 'hono';
import { exportJWK, generateKeyPair, importJWK, SignJWT, createLocalJWKSet, type JWK } from 'jose';
import * as z from 'zod';
import { claimNames } from '../../shared/identity.js';
import { roleSchema } from '../../shared/roles.js';
import { validate } from '../http/validate.js';
import { ProblemError, handleError } from '../http/problem.js';

const scrypt = promisify(scryptCb) as (pw: string, salt: Buffer, len: number) => Promise<Buffer>;

/**
 * A local stand-in for the Cognito user pool: it keeps users (scrypt-hashed passwords), signs ID
 * tokens with the same claim names Cognito uses and serves its JWKS. The API verifies its tokens
 * with exactly the code that verifies Cognito's. Never deployed.
 */
export const localUserSchema = z.object({
  sub: z.string(),
  email: z.email(),
  name: z.string().optional(),
  role: roleSchema,
  provinceCode: z.string().nullable(),
  localityCode: z.string().nullable(),
  agency: z.string().optional(),
  passwordHash: z.string(),
  /** Disabled users cannot sign in (Cognito's AdminDisableUser). */
  disabled: z.boolean().optional(),
});
export type LocalUser = z.infer<typeof localUserSchema>;

type IdpState = { keys: { privateJwk: JWK; publicJwk: JWK }; users: LocalUser[] };

export const LOCAL_CLIENT_ID = 'phoi-hop-local-web';
export const TOKEN_TTL_SECONDS = 3600;

export class LocalIdentityProvider {
  private constructor(
    private state: IdpState,
    readonly issuer: string,
    private readonly file: string | null,
  ) {}

  /** Loads the persisted key and users from `file` (or starts empty in memory when file is null). */
  static async open(opts: { issuer: string; file: string | null }): Promise<LocalIdentityProvider> {
    let state: IdpState | null = null;
    if (opts.file) {
      try {
        state = JSON.parse(await readFile(opts.file, 'utf8')) as IdpState;
      } catch {
        state = null;
      }
    }
    if (!state) {
      const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
      const kid = randomUUID();
      state = {
        keys: {
          privateJwk: { ...(await exportJWK(privateKey)), kid, alg: 'RS256', use: 'sig' },
          publicJwk: { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' },
        },
        users: [],
      };
    }
    const idp = new LocalIdentityProvider(state, opts.issuer, opts.file);
    await idp.save();
    return idp;
  }

  private async save() {
    if (!this.file) return;
    await mkdir(dirname(this.file), { recursive: true });
    await writeFile(this.file, JSON.stringify(this.state, null, 2));
  }

  get jwks() {
    return { keys: [this.state.keys.publicJwk] };
  }

  /** In-process key set, for tests that verify without HTTP. */
  localKeySet() {
    return createLocalJWKSet(this.jwks);
  }

  findUser(email: string) {
    return this.state.users.find((u) => u.email.toLowerCase() === email.toLowerCase());
  }

  /** Creates or replaces a user (AdminCreateUser + AdminSetUserPassword in Cognito terms). */
  async upsertUser(user: Omit<LocalUser, 'passwordHash' | 'sub'> & { sub?: string; password: string }) {
    const salt = randomBytes(16);
    const hash = await scrypt(user.password, salt, 32);
    const existing = this.findUser(user.email);
    const { password: _pw, ...rest } = user;
    const record: LocalUser = localUserSchema.parse({
      ...rest,
      sub: existing?.sub ?? user.sub ?? randomUUID(),
      passwordHash: `${salt.toString('base64')}:${hash.toString('base64')}`,
    });
    this.state.users = [...this.state.users.filter((u) => u.sub !== record.sub), record];
    await this.save();
    return record;
  }

  /** AdminDisableUser / AdminEnableUser in Cognito terms. */
  async setDisabled(email: string, disabled: boolean) {
    const user = this.findUser(email);
    if (!user) throw new Error(`no user ${email}`);
    this.state.users = this.state.users.map((u) => (u.sub === user.sub ? { ...u, disabled } : u));
    await this.save();
  }

  /** AdminDeleteUser in Cognito terms; absent users are ignored. */
  async deleteUser(email: string) {
    const user = this.findUser(email);
    if (!user) return;
    this.state.users = this.state.users.filter((u) => u.sub !== user.sub);
    await this.save();
  }

  async checkPassword(email: string, password: string): Promise<LocalUser | null> {
    const user = this.findUser(email);
    if (!user || user.disabled) return null;
    const [salt, hash] = user.passwordHash.split(':');
    const expected = Buffer.from(hash!, 'base64');
    const actual = await scrypt(password, Buffer.from(salt!, 'base64'), expected.length);
    return timingSafeEqual(actual, expected) ? user : null;
  }

  /** An ID token with Cognito's claim layout. */
  async issueIdToken(user: LocalUser, now = new Date()): Promise<string> {
    const key = await importJWK(this.state.keys.privateJwk, 'RS256');
    const iat = Math.floor(now.getTime() / 1000);
    return new SignJWT({
      email: user.email,
      ...(user.name ? { name: user.name } : {}),
      token_use: 'id',
      'cognito:username': user.email,
      [claimNames.role]: user.role,
      [claimNames.province]: user.provinceCode ?? '',
      [claimNames.locality]: user.localityCode ?? '',
      ...(user.agency ? { [claimNames.agency]: user.agency } : {}),
    })
      .setProtectedHeader({ alg: 'RS256', kid: this.state.keys.publicJwk.kid! })
      .setSubject(user.sub)
      .setIssuer(this.issuer)
      .setAudience(LOCAL_CLIENT_ID)
      .setIssuedAt(iat)
      .setExpirationTime(iat + TOKEN_TTL_SECONDS)
      .sign(key);
  }

  /** HTTP face of the issuer, mounted at the issuer's path by the local server. */
  routes() {
    const app = new Hono();
    app.onError(handleError);
    app.get('/.well-known/jwks.json', (c) => c.json(this.jwks));
    app.post('/token', validate('json', z.object({ email: z.email(), password: z.string().min(1) })), async (c) => {
      const { email, password } = c.req.valid('json');
      const user = await this.checkPassword(email, password);
      if (!user) {
        throw new ProblemError('unauthenticated', {
          vi: 'Email hoặc mật khẩu không đúng',
          en: 'Wrong email or password',
        });
      }
      return c.json({ id_token: await this.issueIdToken(user), token_type: 'Bearer', expires_in: TOKEN_TTL_SECONDS });
    });
    return app;
  }
}
