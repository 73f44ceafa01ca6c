import type { SignatureProblem, SignatureStatus } from './signatures.js';

/**
 * What the web app says about a signature check, in Vietnamese and English. Kept apart from the
 * schema (./signatures.ts) so that the API bundle carries the codes only.
 */
export const signatureProblems: Record<SignatureProblem, { vi: string; en: string }> = {
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
};

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
