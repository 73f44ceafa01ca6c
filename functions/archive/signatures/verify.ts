import {
  SIGNATURE_VERIFIER_VERSION,
  type SignatureCheck,
  type SignatureProblem,
  type SignatureReport,
  type SignatureStatus,
} from '../../../shared/archive/signatures.js';
import { chainToAnchors, parseTrustAnchors } from './chain.js';
import { verifyCms } from './cms.js';
import { DerError } from './der.js';
import { findSignatures, type FoundSignature } from './pdf.js';

/**
 * Verifies every signature of a PDF (docs/data-model.md, "Digital signatures"): the byte range
 * covers the whole file except the signature value and ends at the end of a revision, the digest
 * of those bytes matches, the CMS signature over the signed attributes verifies, and the signer's
 * certificate chains to one of the operator's trust anchors at the signing time. Never throws:
 * anything unexpected is an `unverifiable` result.
 */
export type VerifyOptions = {
  /** PEM bundle of the environment's trust anchors (none shipped). */
  trustAnchorsPem?: string;
  now: Date;
  /** CPU time allowed; past it the remaining signatures are not checked and the file is unverifiable. */
  budgetMs?: number;
};

const SUPPORTED = new Set(['adbe.pkcs7.detached', 'ETSI.CAdES.detached']);
const DEFAULT_BUDGET_MS = 10_000;

export function verifyPdfSignatures(pdf: Buffer, opts: VerifyOptions): SignatureCheck {
  const started = performance.now();
  const { anchors } = parseTrustAnchors(opts.trustAnchorsPem);
  const base = { checkedAt: opts.now.toISOString(), verifier: SIGNATURE_VERIFIER_VERSION, trustAnchors: anchors.length };
  const finish = (fields: Omit<SignatureCheck, keyof typeof base | 'durationMs'>): SignatureCheck => ({
    ...fields,
    ...base,
    durationMs: Math.round(performance.now() - started),
  });
  try {
    const { found, problem } = findSignatures(pdf);
    if (problem) return finish({ status: 'unverifiable', problem, signatures: [], appendedBytes: 0, modifiedAfterSigning: false });
    if (found.length === 0) return finish({ status: 'not-signed', signatures: [], appendedBytes: 0, modifiedAfterSigning: false });
    const budget = opts.budgetMs ?? DEFAULT_BUDGET_MS;
    const signatures: SignatureReport[] = [];
    for (const [i, sig] of found.entries()) {
      if (performance.now() - started > budget) {
        return finish({ status: 'unverifiable', problem: 'time-budget', signatures, appendedBytes: 0, modifiedAfterSigning: false });
      }
      signatures.push(checkOne(pdf, sig, i + 1, anchors, opts.now));
    }
    // What was signed ends where the last signature that VERIFIED ends: a later dictionary that could
    // not be checked (no /SubFilter, an unknown one, a decoy /ByteRange) must not vouch for the bytes
    // after a genuine signature. Nothing intact: the whole file counts as unsigned by a valid signature.
    const intactEnds = signatures.filter((s) => s.integrity === 'intact').map((s) => s.byteRange[2]! + s.byteRange[3]!);
    const lastEnd = intactEnds.length ? Math.max(...intactEnds) : 0;
    const appendedBytes = lastEnd > 0 && lastEnd <= pdf.length ? trailingChange(pdf, lastEnd) : 0;
    return finish({ status: verdict(signatures), signatures, appendedBytes, modifiedAfterSigning: appendedBytes > 0 });
  } catch (err) {
    console.error(JSON.stringify({ level: 'error', msg: 'signature verification failed unexpectedly', error: String(err) }));
    return finish({ status: 'unverifiable', problem: 'internal', signatures: [], appendedBytes: 0, modifiedAfterSigning: false });
  }
}

/** Bytes after the last signed range, not counting a final end-of-line some writers add. */
function trailingChange(pdf: Buffer, end: number): number {
  const rest = pdf.subarray(end);
  return /^[\r\n]{0,2}$/.test(rest.toString('latin1', 0, Math.min(rest.length, 3))) && rest.length <= 2 ? 0 : rest.length;
}

function verdict(signatures: SignatureReport[]): SignatureStatus {
  const checked = signatures.filter((s) => s.problem !== 'unsupported-subfilter');
  if (checked.some((s) => s.integrity === 'broken')) return 'broken';
  if (checked.length === 0 || checked.some((s) => s.integrity === 'unverifiable')) return 'unverifiable';
  if (checked.some((s) => s.trust === 'no-trust-anchors')) return 'no-trust-anchors';
  return checked.every((s) => s.trust === 'trusted') ? 'trusted' : 'untrusted';
}

/** Problems of the byte range that mean the bytes were not signed as the file presents them. */
const BROKEN: ReadonlySet<SignatureProblem> = new Set(['byte-range-gap', 'not-revision-end', 'digest-mismatch', 'signature-invalid']);

function checkOne(pdf: Buffer, sig: FoundSignature, index: number, anchors: ReturnType<typeof parseTrustAnchors>['anchors'], now: Date): SignatureReport {
  const byteRange = sig.byteRange ?? [];
  const base = {
    index,
    byteRange,
    coversWholeFile: sig.byteRange ? sig.byteRange[2] + sig.byteRange[3] >= pdf.length - trailingEol(pdf) : false,
    hasTimestamp: false,
    ...(sig.subFilter ? { subFilter: sig.subFilter } : {}),
    ...(sig.claimedTime ? { claimedTime: sig.claimedTime } : {}),
    ...(sig.reason ? { reason: sig.reason } : {}),
    ...(sig.location ? { location: sig.location } : {}),
  };
  const fail = (problem: SignatureProblem): SignatureReport => ({ ...base, integrity: BROKEN.has(problem) ? 'broken' : 'unverifiable', problem });
  if (sig.problem) return fail(sig.problem);
  if (!sig.byteRange || !sig.contents) return fail('byte-range-invalid');
  if (!sig.subFilter || !SUPPORTED.has(sig.subFilter)) return fail('unsupported-subfilter');
  const [start, firstLength, second, secondLength] = sig.byteRange;
  if (start !== 0) return fail('byte-range-gap');
  if (second + secondLength > pdf.length) return fail('truncated');
  if (!endsRevision(pdf, second + secondLength)) return fail('not-revision-end');

  let cms: ReturnType<typeof verifyCms>;
  try {
    cms = verifyCms(sig.contents, [pdf.subarray(0, firstLength), pdf.subarray(second, second + secondLength)]);
  } catch (err) {
    if (err instanceof DerError) return fail('cms-unreadable');
    throw err;
  }
  const signed = {
    ...base,
    digestAlgorithm: cms.digestAlgorithm,
    signer: cms.signer,
    hasTimestamp: cms.hasTimestamp,
    ...(cms.signingTime ? { signingTime: cms.signingTime.toISOString() } : {}),
  };
  if (!cms.digestMatches) return { ...signed, integrity: 'broken', problem: 'digest-mismatch' };
  if (!cms.signatureValid) return { ...signed, integrity: 'broken', problem: 'signature-invalid' };
  // Certificates are judged at the time the signer states (or now, when it states none).
  const at = cms.signingTime ?? (sig.claimedTime ? new Date(sig.claimedTime) : now);
  const chain = chainToAnchors(cms.signerCertificate, cms.certificates, anchors, at);
  return {
    ...signed,
    integrity: 'intact',
    trust: chain.trust,
    ...(chain.trust === 'untrusted' ? { trustReason: chain.reason } : chain.trust === 'trusted' ? { trustReason: chain.anchor } : {}),
  };
}

function trailingEol(pdf: Buffer): number {
  let n = 0;
  while (n < 2 && (pdf[pdf.length - 1 - n] === 0x0a || pdf[pdf.length - 1 - n] === 0x0d)) n++;
  return n;
}

/** A signed revision ends with `%%EOF` (and at most an end-of-line). */
function endsRevision(pdf: Buffer, end: number): boolean {
  return /%%EOF[\r\n]{0,2}$/.test(pdf.toString('latin1', Math.max(0, end - 8), end));
}
