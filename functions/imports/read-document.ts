import { createHash } from 'node:crypto';
import { agreementContentSchema } from '../../shared/agreements/schema.js';
import { levelOfLocality, type Unit } from '../../shared/agreements/parties.js';
import type { DocumentProposal } from '../../shared/imports/schema.js';
import { predecessorDistrict } from '../../shared/localities/index.js';
import { fieldErrorsFromZod } from '../../shared/problem.js';
import type { TenantRef } from '../../shared/keys.js';
import { unitOf } from '../agreements/decree30-text.js';
import type { ExtractFailure, ExtractLimits } from '../documents/extract-text.js';
import { ProblemError } from '../http/problem.js';
import { parseDecree30 } from './decree30-parse.js';
import { formatDate } from '../../shared/format.js';

/**
 * Reads a .docx or text-layer PDF and proposes a draft agreement (nothing is written). The text
 * extraction and the parser load on first use (`await import`), not at the API's cold start.
 */

const FAILURES: Record<ExtractFailure, { type: 'too-large' | 'unsupported-media-type' | 'validation'; vi: string; en: string }> = {
  too_large: { type: 'too-large', vi: 'Tệp quá lớn (kể cả khi giải nén)', en: 'The file is too large (also once decompressed)' },
  encrypted: {
    type: 'validation',
    vi: 'Tệp có mật khẩu hoặc bị mã hoá: hãy gỡ mật khẩu rồi tải lại',
    en: 'The file is password-protected or encrypted: remove the password and upload again',
  },
  macros: {
    type: 'unsupported-media-type',
    vi: 'Tệp có macro (.docm): hãy lưu lại thành .docx không có macro',
    en: 'The file carries macros (.docm): save it as a .docx without macros',
  },
  corrupt: { type: 'validation', vi: 'Tệp bị hỏng, không đọc được', en: 'The file is damaged and cannot be read' },
  unsupported: {
    type: 'unsupported-media-type',
    vi: 'Chỉ nhận tệp Word (.docx) hoặc PDF có lớp chữ',
    en: 'Only Word (.docx) or PDF files with a text layer are accepted',
  },
  no_text_layer: {
    type: 'validation',
    vi: 'PDF không có lớp chữ (bản quét): hãy dùng tệp Word hoặc PDF xuất từ Word',
    en: 'The PDF has no text layer (a scan): use the Word file or a PDF saved from Word',
  },
  timeout: { type: 'validation', vi: 'Đọc tệp quá thời gian cho phép', en: 'Reading the file took too long' },
};

/** The units a document of this tenant may name: itself and, for a commune, its predecessor district. */
export function unitsOf(t: TenantRef): Unit[] {
  const units = [unitOf(t)];
  if (t.localityCode && levelOfLocality(t.localityCode) === 'commune') {
    const d = predecessorDistrict(t.localityCode);
    if (d) units.push(unitOf({ provinceCode: d.provinceCode, localityCode: d.code }));
  }
  return units;
}

export async function proposeFromDocument(
  bytes: Uint8Array,
  file: { fileName: string; documentId: string | null },
  tenant: TenantRef,
  limits: Partial<ExtractLimits> = {},
): Promise<DocumentProposal> {
  const started = performance.now();
  const { extractText } = await import('../documents/extract-text.js');
  const r = await extractText(bytes, limits);
  if (!r.ok) {
    const f = FAILURES[r.reason];
    throw new ProblemError(f.type, { vi: f.vi, en: `${f.en} (${r.detail})` }, [
      { field: 'file', in: 'body', code: r.reason, message_vi: f.vi, message_en: f.en },
    ]);
  }
  const parsed = parseDecree30(r.blocks, unitsOf(tenant));
  const c = parsed.content;
  const remarks = [
    `Nhập từ tệp “${file.fileName}”${r.pages ? ` (${r.pages} trang)` : ''}, SHA-256 ${createHash('sha256').update(bytes).digest('hex').slice(0, 16)}…`,
    parsed.signedOn ? `Ngày ký theo văn bản: ${formatDate(parsed.signedOn)}.` : '',
    parsed.signatories.length
      ? `Người ký theo văn bản: ${parsed.signatories.map((s) => [s.onBehalf, s.title, s.name].filter(Boolean).join(' – ')).join('; ')}.`
      : '',
    r.truncated ? 'Văn bản dài: chỉ đọc phần đầu.' : '',
  ].filter(Boolean);
  c.remarks = remarks.join('\n').slice(0, 4000);
  const check = agreementContentSchema.safeParse(c);
  return {
    source: {
      fileName: file.fileName,
      format: r.format,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      size: bytes.byteLength,
      pages: r.pages ?? null,
      documentId: file.documentId,
    },
    blocks: r.blocks.map((b) => ({ text: b.text, label: b.list?.label ?? null, page: b.page ?? null })),
    truncated: r.truncated,
    content: c,
    signedOn: parsed.signedOn,
    signatories: parsed.signatories,
    sources: parsed.sources,
    unreadable: parsed.unreadable,
    problems: check.success ? [] : fieldErrorsFromZod(check.error.issues, 'body'),
    parseMs: Math.round(performance.now() - started),
  };
}
