/**
 * Text out of a Word (.docx) or text-layer PDF file, bounded in size, time and memory.
 *
 * One call, one result: `extractText(bytes)` answers either `{ ok: true, format, blocks }` — the
 * document's paragraphs (docx) or lines (PDF) in reading order — or `{ ok: false, reason }` with a
 * stable reason the caller turns into a problem+json (`too_large`, `encrypted`, `macros`, `corrupt`,
 * `unsupported`, `no_text_layer`, `timeout`). It never throws for bad input.
 *
 * Used by the import of programs and regulations (#18) and by search inside archived documents (#14).
 * Load it with `await import('../documents/extract-text.js')` from the operation that needs it, so
 * the API's cold start does not evaluate it. Dependencies: fflate only (already in the bundle).
 *
 * Not read: images (no OCR — a scanned PDF answers `no_text_layer`), headers and footers, footnotes,
 * text boxes, legacy .doc files (`unsupported`), tracked deletions (dropped; insertions kept).
 */
import { docxBlocks } from './docx-text.js';
import { pdfBlocks } from './pdf-text.js';

export type TextBlock = {
  /** The paragraph's or line's text, whitespace collapsed, without the list label. */
  text: string;
  /** Every non-empty run is bold / italic. */
  bold: boolean;
  italic: boolean;
  align: 'left' | 'center' | 'right' | 'justify';
  /** Automatic numbering (docx): its level (0 = top) and the label Word shows, e.g. `1.`, `a)`, `-`. */
  list?: { level: number; label: string };
  /** Inside a table (docx): table index in the document, row and column (0-based). */
  cell?: { table: number; row: number; col: number };
  /** 1-based page (PDF only). */
  page?: number;
};

export type ExtractFailure = 'too_large' | 'encrypted' | 'macros' | 'corrupt' | 'unsupported' | 'no_text_layer' | 'timeout';

export type ExtractResult =
  | { ok: true; format: 'docx' | 'pdf'; blocks: TextBlock[]; pages?: number /** stopped at `maxBlocks` */; truncated: boolean }
  | { ok: false; reason: ExtractFailure; detail: string };

export type ExtractLimits = {
  /** The file itself. */
  maxBytes: number;
  /** All decompressed parts together (zip entries, PDF streams): the zip-bomb guard. */
  maxUnpackedBytes: number;
  /** Paragraphs or lines kept; more sets `truncated`. */
  maxBlocks: number;
  maxPages: number;
  /** Wall time of the parse; past it the answer is `timeout`. */
  timeoutMs: number;
};

export const DEFAULT_LIMITS: ExtractLimits = {
  maxBytes: 15 * 1024 * 1024,
  maxUnpackedBytes: 80 * 1024 * 1024,
  maxBlocks: 20_000,
  maxPages: 500,
  timeoutMs: 10_000,
};

/** Thrown inside the parsers to stop early; turned into a failure result here. */
export class ExtractStop extends Error {
  constructor(
    readonly reason: ExtractFailure,
    detail: string,
  ) {
    super(detail);
  }
}

/** The running budget the parsers check as they go. */
export class Budget {
  private unpacked = 0;
  private readonly until: number;
  constructor(readonly limits: ExtractLimits) {
    this.until = performance.now() + limits.timeoutMs;
  }
  /** Counts decompressed bytes; stops past the limit. */
  unpack(n: number): void {
    this.unpacked += n;
    if (this.unpacked > this.limits.maxUnpackedBytes) throw new ExtractStop('too_large', `more than ${this.limits.maxUnpackedBytes} bytes once decompressed`);
  }
  /** Stops when the time is up. Cheap enough to call per paragraph or per content-stream operator batch. */
  tick(): void {
    if (performance.now() > this.until) throw new ExtractStop('timeout', `parsing took longer than ${this.limits.timeoutMs} ms`);
  }
}

const startsWith = (b: Uint8Array, sig: number[]) => sig.every((v, i) => b[i] === v);
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const CFB = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d];

/** Which of the two formats the bytes are, by signature (never by file name). */
export function detectFormat(bytes: Uint8Array): 'docx' | 'pdf' | 'ole' | undefined {
  if (startsWith(bytes, PDF)) return 'pdf';
  if (startsWith(bytes, ZIP)) return 'docx';
  if (startsWith(bytes, CFB)) return 'ole';
  return undefined;
}

/** A password-protected Office file is an OLE compound file holding an `EncryptedPackage` stream. */
function isEncryptedOffice(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(Buffer.from('EncryptedPackage', 'utf16le'));
}

export async function extractText(bytes: Uint8Array, limits: Partial<ExtractLimits> = {}): Promise<ExtractResult> {
  const all = { ...DEFAULT_LIMITS, ...limits };
  if (bytes.byteLength > all.maxBytes) return { ok: false, reason: 'too_large', detail: `file over ${all.maxBytes} bytes` };
  const budget = new Budget(all);
  try {
    const format = detectFormat(bytes);
    if (format === 'ole') {
      return isEncryptedOffice(bytes)
        ? { ok: false, reason: 'encrypted', detail: 'password-protected Office file' }
        : { ok: false, reason: 'unsupported', detail: 'legacy Word 97–2003 (.doc) file; save it as .docx' };
    }
    if (format === 'docx') {
      const { blocks, truncated } = docxBlocks(bytes, budget);
      return { ok: true, format, blocks, truncated };
    }
    if (format === 'pdf') {
      const { blocks, truncated, pages } = pdfBlocks(bytes, budget);
      if (!blocks.some((b) => b.text.trim())) return { ok: false, reason: 'no_text_layer', detail: `no text layer on ${pages} page(s): a scan needs OCR` };
      return { ok: true, format, blocks, truncated, pages };
    }
    return { ok: false, reason: 'unsupported', detail: 'neither a .docx nor a PDF file' };
  } catch (e) {
    if (e instanceof ExtractStop) return { ok: false, reason: e.reason, detail: e.message };
    return { ok: false, reason: 'corrupt', detail: e instanceof Error ? e.message : String(e) };
  }
}

/** Paragraphs as plain text lines (list labels in front), e.g. for a search index. */
export function blocksToText(blocks: TextBlock[]): string {
  return blocks.map((b) => (b.list ? `${b.list.label} ${b.text}` : b.text)).join('\n');
}
