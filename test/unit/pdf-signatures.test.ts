import { beforeAll, describe, expect, it } from 'vitest';
import { verifyPdfSignatures } from '../../functions/archive/signatures/verify.js';
import { makePdf } from '../support/archive-files.js';
import { appendUpdate, flipByte, makeTestPki, signPdf, type TestPki } from '../support/pdf-signing.js';
import { hostilePdfs } from '../support/hostile-pdfs.js';

/** The verifier alone, on fixtures signed here by an independent CMS implementation (pkijs). */
let pki: TestPki;
let signedOnce: Buffer;
let signedTwice: Buffer;
const now = new Date('2026-11-30T03:00:00Z');

beforeAll(async () => {
  pki = await makeTestPki();
  signedOnce = await signPdf(makePdf('QUY CHE PHOI HOP KY SO'), pki.signer);
  signedTwice = await signPdf(signedOnce, pki.signer, { reason: 'Dong ky', signingTime: new Date(Date.UTC(2024, 2, 1, 2, 0, 0)) });
}, 30_000);

describe('PDF signature verification', () => {
  it('verifies a file signed once: signer, time, integrity, chain to the configured anchor', () => {
    const check = verifyPdfSignatures(signedOnce, { trustAnchorsPem: pki.rootPem, now });
    expect(check).toMatchObject({ status: 'trusted', modifiedAfterSigning: false, appendedBytes: 0, trustAnchors: 1 });
    expect(check.signatures).toHaveLength(1);
    expect(check.signatures[0]).toMatchObject({
      index: 1,
      integrity: 'intact',
      coversWholeFile: true,
      trust: 'trusted',
      subFilter: 'adbe.pkcs7.detached',
      digestAlgorithm: 'sha256',
      signingTime: '2024-02-28T03:00:00.000Z',
      reason: 'Ky ban hanh',
      signer: { commonName: 'Nguyễn Văn An', organization: 'UBND phường Tây Hồ', serialNumber: '0A1B2C3D4E', issuerCommonName: 'Phoi Hop Test Root CA' },
    });
  });

  it('says "no trust anchors configured" without anchors, and "untrusted" for another CA', async () => {
    expect(verifyPdfSignatures(signedOnce, { now }).status).toBe('no-trust-anchors');
    const foreign = await signPdf(makePdf('VAN BAN LA'), pki.otherSigner);
    const check = verifyPdfSignatures(foreign, { trustAnchorsPem: pki.rootPem, now });
    expect(check.status).toBe('untrusted');
    expect(check.signatures[0]).toMatchObject({ integrity: 'intact', trust: 'untrusted', trustReason: 'no-path', signer: { commonName: 'Trần Thị Bình' } });
    // Trusting both CAs makes it trusted.
    expect(verifyPdfSignatures(foreign, { trustAnchorsPem: pki.rootPem + pki.otherRootPem, now }).status).toBe('trusted');
  });

  it('reports each of two signatures; only the last covers the whole file', () => {
    const check = verifyPdfSignatures(signedTwice, { trustAnchorsPem: pki.rootPem, now });
    expect(check.status).toBe('trusted');
    expect(check.signatures.map((s) => [s.index, s.integrity, s.coversWholeFile, s.reason])).toEqual([
      [1, 'intact', false, 'Ky ban hanh'],
      [2, 'intact', true, 'Dong ky'],
    ]);
    expect(check.modifiedAfterSigning).toBe(false);
  });

  it('tells bytes appended after the last signature apart from a broken signature', () => {
    const appended = appendUpdate(signedOnce, 'THEM SAU KHI KY');
    const check = verifyPdfSignatures(appended, { trustAnchorsPem: pki.rootPem, now });
    expect(check).toMatchObject({ status: 'trusted', modifiedAfterSigning: true });
    expect(check.appendedBytes).toBe(appended.length - signedOnce.length);
    expect(check.signatures[0]).toMatchObject({ integrity: 'intact', coversWholeFile: false });
  });

  it('does not let an unverifiable later "signature" vouch for bytes appended after a genuine one', () => {
    // Review finding: a decoy dictionary (no /SubFilter) whose /ByteRange reaches the new end of file.
    const changed = appendUpdate(signedOnce, 'NOI DUNG SUA SAU KHI KY');
    const decoyAt = changed.length;
    const tail = (end: number) => `% /Type /Sig /Contents <00> /ByteRange [0 ${decoyAt + 22} ${decoyAt + 26} ${end}]\n%%EOF\n`;
    // Two passes: the range's last number depends on the length of the line that holds it.
    let line = tail(0);
    line = tail(decoyAt + line.length - (decoyAt + 26));
    line = tail(decoyAt + line.length - (decoyAt + 26));
    const withDecoy = Buffer.concat([changed, Buffer.from(line, 'latin1')]);
    const check = verifyPdfSignatures(withDecoy, { trustAnchorsPem: pki.rootPem, now });
    expect(check.signatures[0]).toMatchObject({ integrity: 'intact', coversWholeFile: false });
    expect(check.modifiedAfterSigning).toBe(true);
    expect(check.appendedBytes).toBe(withDecoy.length - signedOnce.length);
  });

  it('finds one changed byte inside the signed range', () => {
    const check = verifyPdfSignatures(flipByte(signedOnce, 'KY SO'), { trustAnchorsPem: pki.rootPem, now });
    expect(check.status).toBe('broken');
    expect(check.signatures[0]).toMatchObject({ integrity: 'broken', problem: 'digest-mismatch', signer: { commonName: 'Nguyễn Văn An' } });
  });

  it('refuses a byte range that leaves more than the signature value out', () => {
    // Move the start of the second range forward: the bytes in between would be unsigned.
    const text = signedOnce.toString('latin1');
    const m = /\/ByteRange \[0 (\d+) (\d+) (\d+)\s*\]/.exec(text)!;
    const forged = text.replace(m[0], `/ByteRange [0 ${m[1]} ${Number(m[2]) + 10} ${Number(m[3]) - 10}`.padEnd(m[0].length - 1, ' ') + ']');
    const check = verifyPdfSignatures(Buffer.from(forged, 'latin1'), { trustAnchorsPem: pki.rootPem, now });
    expect(check.status).toBe('broken');
    expect(check.signatures[0]!.problem).toBe('byte-range-gap');
  });

  it('says "not signed" for an unsigned PDF', () => {
    expect(verifyPdfSignatures(makePdf('KHONG KY'), { now })).toMatchObject({ status: 'not-signed', signatures: [] });
  });

  it('ends every hostile file in a clear verdict, quickly', async () => {
    for (const [name, { bytes, expected }] of Object.entries(await hostilePdfs(signedOnce, pki.signer))) {
      const started = performance.now();
      const check = verifyPdfSignatures(bytes, { trustAnchorsPem: pki.rootPem, now });
      expect([name, check.status]).toEqual([name, expected.status]);
      if (expected.problem) expect([name, check.problem ?? check.signatures.find((s) => s.problem)?.problem]).toEqual([name, expected.problem]);
      expect(performance.now() - started, name).toBeLessThan(2000);
    }
  });
});
