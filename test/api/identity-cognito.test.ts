import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  AdminGetUserCommand,
  CognitoIdentityProviderClient,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  InitiateAuthCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { createRemoteJWKSet, decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTokenVerifier } from '../../functions/auth/verify.js';
import { CognitoIdentityDirectory } from '../../functions/identity/cognito-directory.js';
import { DirectoryUserExistsError } from '../../functions/identity/directory.js';
import { freePort } from '../../functions/local/dynamodb-local.js';

/**
 * The Cognito directory against `cognito-local` (a user-pool emulator: AdminCreateUser,
 * AdminSetUserPassword, InitiateAuth, JWKS), and the tokens it issues through the API's own verifier.
 */
const bin = join(import.meta.dirname, '..', '..', 'node_modules', '.bin', 'cognito-local');
let child: ChildProcess;
let dir: string;
let endpoint: string;
let client: CognitoIdentityProviderClient;
let poolId: string;
let clientId: string;
let directory: CognitoIdentityDirectory;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cognito-local-'));
  const port = await freePort();
  endpoint = `http://127.0.0.1:${port}`;
  child = spawn(bin, [], { cwd: dir, env: { ...process.env, PORT: String(port), HOST: '127.0.0.1' }, detached: true, stdio: 'ignore' });
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      await fetch(endpoint);
      break;
    } catch {
      if (Date.now() > deadline) throw new Error('cognito-local did not start');
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  client = new CognitoIdentityProviderClient({ endpoint, region: 'local', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  const pool = await client.send(
    new CreateUserPoolCommand({
      PoolName: 'phoi-hop-test',
      UsernameAttributes: ['email'],
      Schema: ['province', 'district', 'role', 'agency'].map((Name) => ({ Name, AttributeDataType: 'String', Mutable: true })),
    }),
  );
  poolId = pool.UserPool!.Id!;
  const app = await client.send(new CreateUserPoolClientCommand({ UserPoolId: poolId, ClientName: 'web', ExplicitAuthFlows: ['USER_PASSWORD_AUTH'] }));
  clientId = app.UserPoolClient!.ClientId!;
  directory = new CognitoIdentityDirectory({ userPoolId: poolId, endpoint, region: 'local' });
});

afterAll(() => {
  directory?.destroy();
  client?.destroy();
  if (child?.pid) {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      /* gone */
    }
  }
  rmSync(dir, { recursive: true, force: true });
});

const signIn = (email: string, password: string) =>
  client.send(new InitiateAuthCommand({ ClientId: clientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: email, PASSWORD: password } }));

describe('Cognito identity directory (against cognito-local)', () => {
  it('creates an invited user whose ID token carries the tenant and role, verified by the API verifier', async () => {
    const { sub } = await directory.createUser({
      email: 'admin@longbien.gov.vn',
      name: 'Chánh Văn Phòng',
      role: 'locality_admin',
      provinceCode: '01',
      localityCode: '00145',
      agency: 'UBND',
      password: 'MatKhau@2026',
    });
    expect(sub).toMatch(/^[0-9a-f-]{36}$/);
    const auth = await signIn('admin@longbien.gov.vn', 'MatKhau@2026');
    const token = auth.AuthenticationResult!.IdToken!;
    // cognito-local names itself by the host it listens on; Cognito's issuer is https://cognito-idp.<region>.amazonaws.com/<pool>
    const issuer = decodeJwt(token).iss!;
    expect(issuer.endsWith(`:${new URL(endpoint).port}/${poolId}`)).toBe(true);
    const verify = createTokenVerifier({ issuer, audience: clientId, keys: createRemoteJWKSet(new URL(`${endpoint}/${poolId}/.well-known/jwks.json`)) });
    const identity = await verify(token);
    expect(identity).toMatchObject({
      userId: sub,
      email: 'admin@longbien.gov.vn',
      role: 'locality_admin',
      provinceCode: '01',
      localityCode: '00145',
      agency: 'UBND',
    });
  });

  it('creates a province user without a district attribute', async () => {
    await directory.createUser({ email: 'tinh@hanoi.gov.vn', role: 'province_viewer', provinceCode: '01', localityCode: null, password: 'MatKhau@2026' });
    const user = await client.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: 'tinh@hanoi.gov.vn' }));
    const attrs = Object.fromEntries((user.UserAttributes ?? []).map((a) => [a.Name, a.Value]));
    expect(attrs).toMatchObject({ 'custom:province': '01', 'custom:role': 'province_viewer', email_verified: 'true' });
    expect(attrs['custom:district']).toBeUndefined();
    expect(user.UserStatus).toBe('CONFIRMED'); // permanent password: no forced change at first sign-in
  });

  it('refuses a second account for the same email', async () => {
    await expect(
      directory.createUser({ email: 'admin@longbien.gov.vn', role: 'locality_viewer', provinceCode: '01', localityCode: '00166', password: 'MatKhau@2026' }),
    ).rejects.toBeInstanceOf(DirectoryUserExistsError);
  });

  it('disables and deletes users', async () => {
    const warn = console.warn;
    console.warn = () => {}; // cognito-local lacks AdminUserGlobalSignOut; the directory logs and goes on
    await directory.disableUser('admin@longbien.gov.vn').finally(() => (console.warn = warn));
    const user = await client.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: 'admin@longbien.gov.vn' }));
    expect(user.Enabled).toBe(false);
    await directory.deleteUser('tinh@hanoi.gov.vn');
    await directory.deleteUser('tinh@hanoi.gov.vn'); // idempotent
    await directory.disableUser('khong-co@hanoi.gov.vn'); // absent: nothing to block
    await expect(client.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: 'tinh@hanoi.gov.vn' }))).rejects.toMatchObject({
      name: 'UserNotFoundException',
    });
  });
});
