import { beforeAll, describe, expect, it } from 'vitest';
import { environments, MAX_TRUST_ANCHORS_ENV_BYTES, trustAnchorsEnv } from '../../infra/environments.js';
import { makeTestPki, type TestPki } from '../support/pdf-signing.js';

/** Trust anchors for digital signatures come from the environment's configuration; none are shipped. */
let pki: TestPki;
beforeAll(async () => {
  pki = await makeTestPki();
}, 30_000);

describe('trust anchors in the stack configuration', () => {
  it('ships none in any environment', () => {
    for (const env of Object.values(environments)) expect(env.archive.trustAnchorsPem, env.name).toBeUndefined();
    expect(trustAnchorsEnv(undefined)).toEqual({});
  });

  it('passes configured PEM certificates (and nothing else) to the function', () => {
    const env = trustAnchorsEnv(`# Root CA chosen by the operator\n${pki.rootPem}\n${pki.otherRootPem}`);
    expect(env.ARCHIVE_TRUST_ANCHORS_PEM).toBe(`${pki.rootPem.trim()}\n${pki.otherRootPem.trim()}`);
    expect(env.ARCHIVE_TRUST_ANCHORS_PEM).not.toContain('#');
  });

  it('refuses a value without certificates or too large for the Lambda environment', () => {
    expect(() => trustAnchorsEnv('not a certificate')).toThrow(/no PEM certificate/);
    expect(() => trustAnchorsEnv(pki.rootPem.repeat(3))).toThrow(new RegExp(`at most ${MAX_TRUST_ANCHORS_ENV_BYTES}`));
  });
});
