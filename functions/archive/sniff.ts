import type { FileKind } from '../../shared/archive/schema.js';

/**
 * Decides what a file is from its bytes, while they stream past (the archive reads each upload
 * once: hashing and sniffing in the same pass). Accepted: PDF, JPEG, PNG and DOCX — a ZIP that has
 * an entry under `word/` (an XLSX, a plain ZIP or a JAR is not a Word document).
 */
export class FileSniffer {
  private head = Buffer.alloc(0);
  /** Bytes kept from the previous chunk so a ZIP local header split across chunks is still seen. */
  private carry = Buffer.alloc(0);
  private zip = false;
  private wordEntry = false;

  static readonly HEAD_BYTES = 8;
  /** Local file header: signature (4) … name length at 26 (2) … name at 30; we need 5 name bytes. */
  private static readonly LOCAL_HEADER = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
  private static readonly NEEDED = 30 + 5;

  push(chunk: Buffer): void {
    if (this.head.length < FileSniffer.HEAD_BYTES) {
      this.head = Buffer.concat([this.head, chunk.subarray(0, FileSniffer.HEAD_BYTES - this.head.length)]);
      if (this.head.length >= 4 && this.head.subarray(0, 4).equals(FileSniffer.LOCAL_HEADER)) this.zip = true;
    }
    if (!this.zip || this.wordEntry) return;
    const buf = this.carry.length ? Buffer.concat([this.carry, chunk]) : chunk;
    this.wordEntry = FileSniffer.findWordEntry(buf);
    this.carry = Buffer.from(buf.subarray(Math.max(0, buf.length - (FileSniffer.NEEDED - 1))));
  }

  /** The kind once every byte has been pushed, or undefined when the content is not accepted. */
  result(): FileKind | undefined {
    const h = this.head;
    if (h.length >= 5 && h.subarray(0, 5).toString('latin1') === '%PDF-') return 'pdf';
    if (h.length >= 3 && h[0] === 0xff && h[1] === 0xd8 && h[2] === 0xff) return 'jpeg';
    if (h.length >= 8 && h.equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'png';
    if (this.zip && this.wordEntry) return 'docx';
    return undefined;
  }

  /** Finds a local header whose entry name starts with `word/`. */
  private static findWordEntry(buf: Buffer): boolean {
    let i = buf.indexOf(FileSniffer.LOCAL_HEADER);
    while (i >= 0) {
      if (i + FileSniffer.NEEDED > buf.length) return false; // incomplete: the carry sees it again
      const nameLength = buf.readUInt16LE(i + 26);
      if (nameLength >= 5 && buf.subarray(i + 30, i + 35).toString('latin1') === 'word/') return true;
      i = buf.indexOf(FileSniffer.LOCAL_HEADER, i + 1);
    }
    return false;
  }
}

export function sniff(bytes: Buffer): FileKind | undefined {
  const s = new FileSniffer();
  s.push(bytes);
  return s.result();
}
