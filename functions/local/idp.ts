import { randomUUID, scrypt as scryptCb, randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { promisify } from 'node:util';
import { Hono } from 'hono';
import { createLocalJWKSet, decodeJwt, exportJWK, generateKeyPair, importJWK, type JWK, jwtVerify, SignJWT } from 'jose';
import * as z from 'zod';
import { claimNames } from '../../shared/identity.js';
import { accountFields } from '../../shared/users/schema.js';
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
  ...accountFields,
  /** The pool stores well-formed addresses only. */
  email: z.email(),
  provinceCode: z.string().nullable(),
  localityCode: z.string().nullable(),
  passwordHash: z.string(),
  /** Disabled users cannot sign in (Cognito's AdminDisableUser). */
  disabled: z.boolean().optional(),
  /** Refresh tokens issued before this instant (epoch seconds) are refused (AdminUserGlobalSignOut). */
  tokensValidAfter: z.number().optional(),
});
export type LocalUser = z.infer<typeof localUserSchema>;

type IdpState = { keys: { privateJwk: JWK; publicJwk: JWK }; users: LocalUser[]; revoked?: string[] };

export const LOCAL_CLIENT_ID = 'phoi-hop-local-web';
export const TOKEN_TTL_SECONDS = 3600;
/** As the Cognito client's refresh token validity in dev (infra/environments.ts). */
export const REFRESH_TTL_SECONDS = 7 * 24 * 3600;

/** The token endpoint's two grants: a password (USER_PASSWORD_AUTH) or a refresh token (REFRESH_TOKEN_AUTH). */
const tokenRequestSchema = z.union([
  z.object({ email: z.email(), password: z.string().min(1) }),
  z.object({ grant_type: z.literal('refresh_token'), refresh_token: z.string().min(1) }),
]);

export class LocalIdentityProvider {
  private constructor(
    private state: IdpState,
    readonly issuer: string,
    private readonly file: string | null,
  ) {}

  /** ID token lifetime; tests shorten it to watch the web app renew its session. */
  idTokenTtlSeconds = TOKEN_TTL_SECONDS;

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
      .setExpirationTime(iat + this.idTokenTtlSeconds)
      .sign(key);
  }

  /**
   * A refresh token (Cognito's is opaque; this one is a signed JWT with its own id, so it can be
   * revoked one by one like Cognito's RevokeToken, or all at once like AdminUserGlobalSignOut).
   */
  async issueRefreshToken(user: LocalUser, now = new Date()): Promise<string> {
    const key = await importJWK(this.state.keys.privateJwk, 'RS256');
    const iat = Math.floor(now.getTime() / 1000);
    return new SignJWT({ token_use: 'refresh' })
      .setProtectedHeader({ alg: 'RS256', kid: this.state.keys.publicJwk.kid! })
      .setSubject(user.sub)
      .setJti(randomUUID())
      .setIssuer(this.issuer)
      .setAudience(LOCAL_CLIENT_ID)
      .setIssuedAt(iat)
      .setExpirationTime(iat + REFRESH_TTL_SECONDS)
      .sign(key);
  }

  /** The user a refresh token still speaks for, or null (expired, revoked, signed out, disabled). */
  async userOfRefreshToken(token: string): Promise<LocalUser | null> {
    try {
      const { payload } = await jwtVerify(token, this.localKeySet(), { issuer: this.issuer, audience: LOCAL_CLIENT_ID, algorithms: ['RS256'] });
      if (payload.token_use !== 'refresh' || !payload.jti || this.state.revoked?.includes(payload.jti)) return null;
      const user = this.state.users.find((u) => u.sub === payload.sub);
      if (!user || user.disabled || (user.tokensValidAfter ?? 0) > (payload.iat ?? 0)) return null;
      return user;
    } catch {
      return null;
    }
  }

  /** RevokeToken in Cognito terms: that refresh token no longer renews a session. */
  async revokeRefreshToken(token: string) {
    let jti: unknown;
    try {
      jti = decodeJwt(token).jti;
    } catch {
      return; // not a token of ours: nothing to revoke
    }
    if (typeof jti !== 'string') return;
    this.state.revoked = [...(this.state.revoked ?? []), jti];
    await this.save();
  }

  /** AdminUserGlobalSignOut in Cognito terms: every refresh token issued so far stops working. */
  async globalSignOut(email: string, now = new Date()) {
    const user = this.findUser(email);
    if (!user) throw new Error(`no user ${email}`);
    const after = Math.floor(now.getTime() / 1000) + 1;
    this.state.users = this.state.users.map((u) => (u.sub === user.sub ? { ...u, tokensValidAfter: after } : u));
    await this.save();
  }

  /** HTTP face of the issuer, mounted at the issuer's path by the local server. */
  routes() {
    const app = new Hono();
    app.onError(handleError);
    app.get('/.well-known/jwks.json', (c) => c.json(this.jwks));
    app.post('/token', validate('json', tokenRequestSchema), async (c) => {
      const body = c.req.valid('json');
      if ('refresh_token' in body) {
        // Like Cognito's REFRESH_TOKEN_AUTH: a new ID token, the same refresh token.
        const user = await this.userOfRefreshToken(body.refresh_token);
        if (!user) throw new ProblemError('unauthenticated', { vi: 'Phiên đăng nhập đã kết thúc', en: 'The session has ended' });
        return c.json({ id_token: await this.issueIdToken(user), token_type: 'Bearer', expires_in: this.idTokenTtlSeconds });
      }
      const user = await this.checkPassword(body.email, body.password);
      if (!user) {
        throw new ProblemError('unauthenticated', {
          vi: 'Email hoặc mật khẩu không đúng',
          en: 'Wrong email or password',
        });
      }
      return c.json({
        id_token: await this.issueIdToken(user),
        refresh_token: await this.issueRefreshToken(user),
        token_type: 'Bearer',
        expires_in: this.idTokenTtlSeconds,
      });
    });
    app.post('/revoke', validate('json', z.object({ token: z.string().min(1) })), async (c) => {
      await this.revokeRefreshToken(c.req.valid('json').token);
      return c.body(null, 204);
    });
    return app;
  }
}
