import { X509Certificate } from 'node:crypto';

/**
 * Certificate path from a signer to one of the operator's trust anchors (the root or intermediate
 * CAs an environment trusts; none are shipped). Each link: the issuer's name matches, its key
 * verifies the certificate, it is a CA, and every certificate on the path is valid at the signing
 * time. Revocation (CRL/OCSP) is not checked: the API makes no outbound calls.
 */
export type ChainVerdict =
  | { trust: 'trusted'; anchor: string }
  | { trust: 'untrusted'; reason: 'no-path' | 'expired' | 'not-yet-valid' }
  | { trust: 'no-trust-anchors' };

const MAX_PATH = 8;

/** PEM bundle → certificates; unreadable blocks are reported, not silently dropped. */
export function parseTrustAnchors(pem: string | undefined): { anchors: X509Certificate[]; errors: number } {
  const blocks = (pem ?? '').match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
  const anchors: X509Certificate[] = [];
  let errors = 0;
  for (const block of blocks) {
    try {
      anchors.push(new X509Certificate(block));
    } catch {
      errors += 1;
    }
  }
  return { anchors, errors };
}

function validAt(cert: X509Certificate, at: Date): 'ok' | 'expired' | 'not-yet-valid' {
  if (at.getTime() < new Date(cert.validFrom).getTime()) return 'not-yet-valid';
  if (at.getTime() > new Date(cert.validTo).getTime()) return 'expired';
  return 'ok';
}

function issues(issuer: X509Certificate, cert: X509Certificate): boolean {
  try {
    return cert.checkIssued(issuer) && cert.verify(issuer.publicKey);
  } catch {
    return false;
  }
}

export function chainToAnchors(signer: X509Certificate, pool: X509Certificate[], anchors: X509Certificate[], at: Date): ChainVerdict {
  if (anchors.length === 0) return { trust: 'no-trust-anchors' };
  let current = signer;
  const seen = new Set<string>([signer.fingerprint256]);
  for (let depth = 0; depth < MAX_PATH; depth++) {
    const validity = validAt(current, at);
    if (validity !== 'ok') return { trust: 'untrusted', reason: validity };
    const anchor = anchors.find((a) => a.fingerprint256 === current.fingerprint256 || (a.ca && issues(a, current)));
    if (anchor) {
      const anchorValidity = validAt(anchor, at);
      if (anchorValidity !== 'ok') return { trust: 'untrusted', reason: anchorValidity };
      return { trust: 'trusted', anchor: anchor.subject.replace(/\n/g, ', ').slice(0, 200) };
    }
    const next = pool.find((c) => !seen.has(c.fingerprint256) && c.ca && issues(c, current));
    if (!next) break;
    seen.add(next.fingerprint256);
    current = next;
  }
  return { trust: 'untrusted', reason: 'no-path' };
}
