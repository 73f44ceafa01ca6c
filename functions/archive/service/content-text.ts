import type { DocumentVersion } from '../../../shared/archive/schema.js';
import { foldVietnamese } from '../../../shared/format.js';
import type { AcceptedFile } from './upload-checks.js';

/**
 * Search inside documents: the text of a text-layer PDF or a .docx, extracted once at completion
 * (functions/documents/extract-text.ts, loaded on first use), folded like the rest of the search
 * (no diacritics, lower case) and kept on the document item, bounded, beside the metadata's search
 * text. Scans and photos have no text layer: OCR is out of scope, and the file says so.
 */

/** Folded characters kept per document: about three pages of an administrative text. Past it, `truncated`. */
export const MAX_CONTENT_CHARS = 8000;
/** Wall time the extraction may take at completion. */
const EXTRACT_TIMEOUT_MS = 5000;

export type ContentText = { text: string; facts: NonNullable<DocumentVersion['text']> };

export async function contentTextOf(file: AcceptedFile): Promise<ContentText> {
  if (file.kind === 'jpeg' || file.kind === 'png') return { text: '', facts: { status: 'no-text-layer', indexedChars: 0, truncated: false } };
  const { extractText, blocksToText } = await import('../../documents/extract-text.js');
  const result = await extractText(file.bytes, { maxBytes: file.bytes.length, timeoutMs: EXTRACT_TIMEOUT_MS });
  if (!result.ok) {
    const status = result.reason === 'no_text_layer' ? 'no-text-layer' : 'not-extracted';
    return { text: '', facts: { status, indexedChars: 0, truncated: false, ...(status === 'not-extracted' ? { reason: result.reason } : {}) } };
  }
  const folded = foldVietnamese(blocksToText(result.blocks));
  const text = folded.slice(0, MAX_CONTENT_CHARS);
  return { text, facts: { status: 'indexed', indexedChars: text.length, truncated: result.truncated || folded.length > text.length } };
}
