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

/** Why one signature (or the whole file) could not be verified or failed. Stable codes; labels below. */
export const signatureProblems = {
  truncated: { vi: 'Tệp bị cắt cụt: vùng ký vượt quá cuối tệp', en: 'The file is truncated: the signed range runs past its end' },
  'contents-too-large': { vi: 'Giá trị chữ ký quá lớn', en: 'The signature value is too large' },
  'too-many-signatures': { vi: 'Quá nhiều chữ ký trong một tệp', en: 'Too many signatures in one file' },
  'byte-range-invalid': { vi: 'Vùng ký (ByteRange) không đọc được', en: 'The signed byte range cannot be read' },
  'byte-range-gap': {
    vi: 'Vùng ký không bao trọn tệp ngoài giá trị chữ ký',
    en: 'The signed range does not cover the whole file except the signature value',
  },
  'not-revision-end': { vi: 'Vùng ký không kết thúc ở cuối một phiên bản của tệp', en: 'The signed range does not end at the end of a revision' },
  'unsupported-subfilter': { vi: 'Kiểu chữ ký không được hỗ trợ', en: 'Unsupported signature format' },
  'cms-unreadable': { vi: 'Không đọc được chữ ký (CMS)', en: 'The signature (CMS) cannot be read' },
  'digest-mismatch': { vi: 'Nội dung đã bị thay đổi sau khi ký', en: 'The content changed after signing' },
  'signature-invalid': { vi: 'Chữ ký không khớp với chứng thư số', en: 'The signature does not verify with the certificate' },
  'time-budget': { vi: 'Quá thời gian cho phép để kiểm tra', en: 'Verification took longer than allowed' },
  'stored-object-changed': {
    vi: 'Tệp đang lưu khác tệp đã tải lên (SHA-256 không khớp)',
    en: 'The stored file differs from the one uploaded (SHA-256 mismatch)',
  },
  internal: { vi: 'Lỗi khi kiểm tra chữ ký', en: 'Error while verifying' },
} as const;
export type SignatureProblem = keyof typeof signatureProblems;
const problemSchema = z.enum(Object.keys(signatureProblems) as [SignatureProblem, ...SignatureProblem[]]);

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

export const signatureStatusLabels: Record<SignatureStatus, { vi: string; en: string }> = {
  trusted: { vi: 'Chữ ký số hợp lệ, chứng thư được tin cậy', en: 'Valid digital signature, trusted certificate' },
  untrusted: { vi: 'Chữ ký số nguyên vẹn nhưng chứng thư không được tin cậy', en: 'Intact signature, but the certificate is not trusted' },
  'no-trust-anchors': {
    vi: 'Chữ ký số nguyên vẹn; chưa cấu hình tổ chức chứng thực tin cậy để kiểm tra chứng thư',
    en: 'Intact signature; no trust anchors are configured to check the certificate',
  },
  broken: { vi: 'Chữ ký số không hợp lệ: tệp đã bị thay đổi hoặc chữ ký sai', en: 'Invalid signature: the file was changed or the signature is wrong' },
  'not-signed': { vi: 'Không có chữ ký số', en: 'Not digitally signed' },
  unverifiable: { vi: 'Không kiểm tra được chữ ký số', en: 'The digital signature cannot be verified' },
};

/** Statuses in which at least one signature was found and verified intact. */
export function hasIntactSignature(check: Pick<SignatureCheck, 'status'> | undefined): boolean {
  return check?.status === 'trusted' || check?.status === 'untrusted' || check?.status === 'no-trust-anchors';
}
