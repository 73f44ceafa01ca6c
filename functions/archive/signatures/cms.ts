import { constants, createHash, verify, X509Certificate, type KeyObject } from 'node:crypto';
import { children, context, DerError, expectTag, nameAttributes, oid, readNode, Tag, time, type Node } from './der.js';

/**
 * CMS SignedData (RFC 5652) as PDF signers embed it (`adbe.pkcs7.detached`, `ETSI.CAdES.detached`):
 * finds the signer's certificate, checks the message digest of the signed bytes and the signature
 * over the signed attributes, with Node's own crypto (OpenSSL) — no third-party ASN.1 or crypto code
 * in the API bundle.
 */

const OID = {
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  timestampToken: '1.2.840.113549.1.9.16.2.14',
  rsaPss: '1.2.840.113549.1.1.10',
  commonName: '2.5.4.3',
  organization: '2.5.4.10',
  organizationalUnit: '2.5.4.11',
  country: '2.5.4.6',
} as const;

const DIGESTS: Record<string, string> = {
  '1.3.14.3.2.26': 'sha1',
  '2.16.840.1.101.3.4.2.1': 'sha256',
  '2.16.840.1.101.3.4.2.2': 'sha384',
  '2.16.840.1.101.3.4.2.3': 'sha512',
  '2.16.840.1.101.3.4.2.4': 'sha224',
};

/** Signature algorithms → the hash they imply (undefined: the signer's digest algorithm). */
const SIGNATURES: Record<string, string | undefined> = {
  '1.2.840.113549.1.1.1': undefined, // rsaEncryption
  '1.2.840.113549.1.1.5': 'sha1',
  '1.2.840.113549.1.1.11': 'sha256',
  '1.2.840.113549.1.1.12': 'sha384',
  '1.2.840.113549.1.1.13': 'sha512',
  '1.2.840.113549.1.1.14': 'sha224',
  [OID.rsaPss]: undefined,
  '1.2.840.10045.2.1': undefined, // ecPublicKey
  '1.2.840.10045.4.1': 'sha1',
  '1.2.840.10045.4.3.1': 'sha224',
  '1.2.840.10045.4.3.2': 'sha256',
  '1.2.840.10045.4.3.3': 'sha384',
  '1.2.840.10045.4.3.4': 'sha512',
};

/** What a person reads about a certificate. */
export type CertificateFacts = {
  commonName?: string;
  organization?: string;
  organizationalUnit?: string;
  country?: string;
  /** Certificate serial number, upper-case hex. */
  serialNumber: string;
  issuerCommonName?: string;
  issuerOrganization?: string;
  validFrom: string;
  validTo: string;
};

export type CmsResult = {
  digestAlgorithm: string;
  digestMatches: boolean;
  signatureValid: boolean;
  /** The signing time the signer put in the signed attributes (its own claim, not a timestamp). */
  signingTime?: Date;
  /** An RFC 3161 timestamp token is attached (unsigned attribute); reported, not checked. */
  hasTimestamp: boolean;
  signerCertificate: X509Certificate;
  signer: CertificateFacts;
  /** Every certificate the signature carries (the signer's chain, as the signer sent it). */
  certificates: X509Certificate[];
};

type ParsedCert = { x509: X509Certificate; issuerRaw: Buffer; serial: Buffer; subject: Node; issuer: Node };

function parseCertificate(node: Node): ParsedCert | undefined {
  try {
    const x509 = new X509Certificate(node.raw);
    const tbs = children(children(node)[0]!);
    const offset = tbs[0]?.tag === context(0) ? 1 : 0;
    const serial = expectTag(tbs[offset], Tag.integer, 'a serial number').content;
    const issuer = expectTag(tbs[offset + 2], Tag.sequence, 'an issuer');
    const subject = expectTag(tbs[offset + 4], Tag.sequence, 'a subject');
    return { x509, issuerRaw: issuer.raw, serial, subject, issuer };
  } catch {
    return undefined; // not a certificate we can read: ignored, like any other stray certificate
  }
}

export function certificateFacts(cert: X509Certificate): CertificateFacts {
  const parsed = parseCertificate(readNode(cert.raw));
  const subject = parsed ? nameAttributes(parsed.subject) : new Map<string, string>();
  const issuer = parsed ? nameAttributes(parsed.issuer) : new Map<string, string>();
  const facts: CertificateFacts = {
    serialNumber: cert.serialNumber.toUpperCase(),
    validFrom: new Date(cert.validFrom).toISOString(),
    validTo: new Date(cert.validTo).toISOString(),
  };
  const set = (key: keyof CertificateFacts, v: string | undefined) => {
    if (v) (facts as Record<string, string>)[key] = v.slice(0, 200);
  };
  set('commonName', subject.get(OID.commonName));
  set('organization', subject.get(OID.organization));
  set('organizationalUnit', subject.get(OID.organizationalUnit));
  set('country', subject.get(OID.country));
  set('issuerCommonName', issuer.get(OID.commonName));
  set('issuerOrganization', issuer.get(OID.organization));
  return facts;
}

function stripLeadingZeros(b: Buffer): Buffer {
  let i = 0;
  while (i < b.length - 1 && b[i] === 0) i++;
  return b.subarray(i);
}

/** The public key and options `crypto.verify` needs for this signature algorithm. */
function verifyKey(algorithm: string, key: KeyObject) {
  return algorithm === OID.rsaPss ? { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: constants.RSA_PSS_SALTLEN_AUTO } : key;
}

/**
 * Verifies the first signer of a detached CMS signature over `signed` (the PDF's byte ranges,
 * passed as slices: a 20 MB file is hashed without being copied). Throws `DerError` when the
 * structure cannot be read or uses what this verifier does not support.
 */
export function verifyCms(der: Buffer, signed: Buffer[]): CmsResult {
  const contentInfo = children(expectTag(readNode(der), Tag.sequence, 'a ContentInfo'));
  if (oid(contentInfo[0]!) !== OID.signedData) throw new DerError('not a CMS SignedData');
  const signedData = children(expectTag(children(expectTag(contentInfo[1], context(0), 'SignedData content'))[0], Tag.sequence, 'a SignedData'));
  const certsNode = signedData.find((n) => n.tag === context(0));
  const certs = (certsNode ? children(certsNode) : []).filter((n) => n.tag === Tag.sequence).flatMap((n) => parseCertificate(n) ?? []);
  const signerInfos = children(expectTag(signedData[signedData.length - 1], Tag.set, 'signer infos'));
  if (signerInfos.length === 0) throw new DerError('no signer');
  const si = children(expectTag(signerInfos[0], Tag.sequence, 'a SignerInfo'));
  const [, sid, digestAlg] = si;
  let i = 3;
  const signedAttrs = si[i]?.tag === context(0) ? si[i++] : undefined;
  const signatureAlgorithm = oid(children(expectTag(si[i++], Tag.sequence, 'a signature algorithm'))[0]!);
  const signature = expectTag(si[i++], Tag.octetString, 'a signature value').content;
  const unsignedAttrs = si[i]?.tag === context(1) ? si[i] : undefined;

  const digestOid = oid(children(expectTag(digestAlg, Tag.sequence, 'a digest algorithm'))[0]!);
  const digestAlgorithm = DIGESTS[digestOid];
  if (!digestAlgorithm) throw new DerError(`unsupported digest algorithm ${digestOid}`);
  if (!(signatureAlgorithm in SIGNATURES)) throw new DerError(`unsupported signature algorithm ${signatureAlgorithm}`);
  const signatureHash = SIGNATURES[signatureAlgorithm] ?? digestAlgorithm;

  const hash = createHash(digestAlgorithm);
  for (const part of signed) hash.update(part);
  const digest = hash.digest();

  let digestMatches: boolean;
  let toVerify: Buffer;
  let signingTime: Date | undefined;
  if (signedAttrs) {
    const attributes = new Map<string, Node>();
    for (const attr of children(signedAttrs)) {
      const [type, values] = children(attr);
      if (type && values) attributes.set(oid(type), values);
    }
    const md = attributes.get(OID.messageDigest);
    if (!md || !attributes.has(OID.contentType)) throw new DerError('signed attributes lack content type or message digest');
    digestMatches = expectTag(children(md)[0], Tag.octetString, 'a message digest').content.equals(digest);
    const st = attributes.get(OID.signingTime);
    signingTime = st ? time(children(st)[0]!) : undefined;
    // The signature covers the attributes' DER encoding with the SET tag, not the [0] of the SignerInfo.
    toVerify = Buffer.concat([Buffer.from([Tag.set]), signedAttrs.raw.subarray(1)]);
  } else {
    digestMatches = true; // no attributes: the signature itself is over the content
    toVerify = Buffer.concat(signed);
  }

  const candidates =
    sid?.tag === Tag.sequence
      ? certs.filter((c) => {
          const [issuer, serial] = children(sid);
          return issuer && serial && c.issuerRaw.equals(issuer.raw) && stripLeadingZeros(c.serial).equals(stripLeadingZeros(serial.content));
        })
      : certs; // identified by key id: the certificate whose key verifies the signature
  let signerCert: X509Certificate | undefined;
  let signatureValid = false;
  for (const c of candidates) {
    signerCert ??= c.x509;
    let ok = false;
    try {
      ok = verify(signatureHash, toVerify, verifyKey(signatureAlgorithm, c.x509.publicKey), signature);
    } catch {
      ok = false;
    }
    if (ok) {
      signerCert = c.x509;
      signatureValid = true;
      break;
    }
  }
  if (!signerCert) throw new DerError('the signer’s certificate is not in the signature');
  const hasTimestamp = unsignedAttrs ? children(unsignedAttrs).some((a) => oid(children(a)[0]!) === OID.timestampToken) : false;
  return {
    digestAlgorithm,
    digestMatches,
    signatureValid: digestMatches && signatureValid,
    ...(signingTime ? { signingTime } : {}),
    hasTimestamp,
    signerCertificate: signerCert,
    signer: certificateFacts(signerCert),
    certificates: certs.map((c) => c.x509),
  };
}
