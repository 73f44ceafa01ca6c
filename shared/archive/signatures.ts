import * as z from 'zod';

/**
 * The digital-signature check of one archived version (chữ ký số, Law 20/2023/QH15 on electronic
 * transactions): every PDF signature with its integrity, signer and trust, and one verdict for the
 * file. Stored with the version, returned by the API, shown by the web app.
 */

/** Changes whenever the verifier's rules change: a stored result says which rules produced it. */
export const SIGNATURE_VERIFIER_VERSION = 'pdf-signatures/1';

export const signatureStatuses = ['trusted', 'untrusted', 'no-trust-anchors', 'broken', 'not-signed', 'unverifiable'] as const;
export type SignatureStatus = (typeof signatureStatuses)[number];

/** Why one signature (or the whole file) could not be verified or failed. Stable codes; labels in ./signature-labels.ts. */
export const signatureProblemCodes = [
  'truncated',
  'contents-too-large',
  'too-many-signatures',
  'byte-range-invalid',
  'byte-range-gap',
  'not-revision-end',
  'unsupported-subfilter',
  'cms-unreadable',
  'digest-mismatch',
  'signature-invalid',
  'time-budget',
  'stored-object-changed',
  'internal',
] as const;
export type SignatureProblem = (typeof signatureProblemCodes)[number];
const problemSchema = z.enum(signatureProblemCodes);

export const certificateFactsSchema = z.object({
  commonName: z.string().optional(),
  organization: z.string().optional(),
  organizationalUnit: z.string().optional(),
  country: z.string().optional(),
  serialNumber: z.string(),
  issuerCommonName: z.string().optional(),
  issuerOrganization: z.string().optional(),
  validFrom: z.string(),
  validTo: z.string(),
});

export const signatureReportSchema = z.object({
  /** 1-based, in file order (the first signature applied comes first). */
  index: z.number().int(),
  subFilter: z.string().optional(),
  integrity: z.enum(['intact', 'broken', 'unverifiable']),
  problem: problemSchema.optional(),
  byteRange: z.array(z.number().int()),
  /** This signature covers the whole file (later ones, or appended bytes, make it false). */
  coversWholeFile: z.boolean(),
  digestAlgorithm: z.string().optional(),
  signer: certificateFactsSchema.optional(),
  /** Signing time from the signed attributes: the signer's own claim. */
  signingTime: z.string().optional(),
  /** `/M` of the signature dictionary (not signed; shown only when no signed time exists). */
  claimedTime: z.string().optional(),
  hasTimestamp: z.boolean().default(false),
  trust: z.enum(['trusted', 'untrusted', 'no-trust-anchors']).optional(),
  trustReason: z.string().optional(),
  reason: z.string().optional(),
  location: z.string().optional(),
});
export type SignatureReport = z.infer<typeof signatureReportSchema>;

export const signatureCheckSchema = z.object({
  status: z.enum(signatureStatuses),
  signatures: z.array(signatureReportSchema),
  /** Bytes after the end of the last signature's range: an incremental update made after signing. */
  appendedBytes: z.number().int(),
  modifiedAfterSigning: z.boolean(),
  problem: problemSchema.optional(),
  /** How many trust anchors the environment had configured when the check ran. */
  trustAnchors: z.number().int(),
  checkedAt: z.string(),
  verifier: z.string(),
  durationMs: z.number().optional(),
});
export type SignatureCheck = z.infer<typeof signatureCheckSchema>;

/** Statuses in which at least one signature was found and verified intact. */
export function hasIntactSignature(check: Pick<SignatureCheck, 'status'> | undefined): boolean {
  return check?.status === 'trusted' || check?.status === 'untrusted' || check?.status === 'no-trust-anchors';
}
