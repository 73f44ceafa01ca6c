import type { SignatureProblem } from '../../../shared/archive/signatures.js';

/**
 * Finds the signature dictionaries of a PDF by their `/ByteRange` and `/Contents`, without parsing
 * (or following) the object graph: a linear, bounded scan, so circular references, huge object
 * counts or broken cross-reference tables cannot make it loop. What a signature claims is then
 * checked strictly against the file's bytes (./verify.ts).
 */

/** Signature values (hex) above this are refused: real CMS signatures with a chain are < 64 KB. */
export const MAX_CONTENTS_HEX = 2 * 512 * 1024;
export const MAX_SIGNATURES = 20;
/** How far around a `/ByteRange` its dictionary is read for `/SubFilter`, `/M`, `/Reason`… */
const DICT_WINDOW = 4096;

export type FoundSignature = {
  byteRange?: [number, number, number, number];
  /** The decoded signature value (hex between the brackets at ByteRange[1] and ByteRange[2]). */
  contents?: Buffer;
  subFilter?: string;
  claimedTime?: string;
  reason?: string;
  location?: string;
  problem?: SignatureProblem;
};

const BYTE_RANGE = Buffer.from('/ByteRange');
const ARRAY = /^\s*\[\s*(\d{1,10})\s+(\d{1,10})\s+(\d{1,10})\s+(\d{1,10})\s*\]/;

export function findSignatures(pdf: Buffer): { found: FoundSignature[]; problem?: SignatureProblem } {
  const found: FoundSignature[] = [];
  for (let at = pdf.indexOf(BYTE_RANGE); at >= 0; at = pdf.indexOf(BYTE_RANGE, at + BYTE_RANGE.length)) {
    if (found.length >= MAX_SIGNATURES) return { found, problem: 'too-many-signatures' };
    found.push(readSignature(pdf, at));
  }
  return { found };
}

function readSignature(pdf: Buffer, at: number): FoundSignature {
  const m = ARRAY.exec(pdf.toString('latin1', at + BYTE_RANGE.length, at + BYTE_RANGE.length + 80));
  const dict = dictionaryText(pdf, at, m ? [Number(m[2]), Number(m[3])] : undefined);
  const meta = {
    ...optional('subFilter', /\/SubFilter\s*\/([A-Za-z0-9.#_-]{1,64})/.exec(dict)?.[1]),
    ...optional('claimedTime', pdfDate(literal(dict, '/M'))),
    ...optional('reason', literal(dict, '/Reason')),
    ...optional('location', literal(dict, '/Location')),
  };
  if (!m) return { ...meta, problem: 'byte-range-invalid' };
  const byteRange = [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4])] as [number, number, number, number];
  const [, gapStart, gapEnd] = byteRange;
  if (gapEnd - gapStart > MAX_CONTENTS_HEX + 2) return { ...meta, byteRange, problem: 'contents-too-large' };
  if (gapEnd > pdf.length) return { ...meta, byteRange, problem: 'truncated' };
  if (!isContentsAt(pdf, gapStart, gapEnd, at)) return { ...meta, byteRange, problem: 'byte-range-gap' };
  const hex = pdf.toString('latin1', gapStart + 1, gapEnd - 1).replace(/\s+/g, '');
  if (!/^[0-9a-fA-F]*$/.test(hex)) return { ...meta, byteRange, problem: 'byte-range-gap' };
  return { ...meta, byteRange, contents: Buffer.from(hex.length % 2 ? `${hex}0` : hex, 'hex') };
}

/**
 * The gap of the byte range must be exactly the hex string of this dictionary's `/Contents`:
 * `<` at its start, `>` at its end, `/Contents` just before it, and no object boundary between the
 * `/ByteRange` and it (both in one dictionary).
 */
function isContentsAt(pdf: Buffer, gapStart: number, gapEnd: number, byteRangeAt: number): boolean {
  if (gapStart < 0 || gapEnd <= gapStart + 1 || pdf[gapStart] !== 0x3c || pdf[gapEnd - 1] !== 0x3e) return false;
  const before = pdf.toString('latin1', Math.max(0, gapStart - 32), gapStart);
  if (!/\/Contents\s*$/.test(before)) return false;
  const between =
    byteRangeAt < gapStart ? pdf.toString('latin1', byteRangeAt, gapStart) : pdf.toString('latin1', gapEnd, Math.min(byteRangeAt, gapEnd + DICT_WINDOW));
  if (byteRangeAt > gapStart && byteRangeAt - gapEnd > DICT_WINDOW) return false;
  return !/\bendobj\b|\bobj\b|\bstream\b/.test(between);
}

/** The text around a `/ByteRange` (its dictionary), without the signature value and other long hex strings. */
function dictionaryText(pdf: Buffer, at: number, gap: [number, number] | undefined): string {
  const skip = (from: number, to: number) =>
    gap && gap[0] >= from && gap[0] < to
      ? pdf.toString('latin1', from, gap[0]) + pdf.toString('latin1', Math.min(gap[1], pdf.length), to + gap[1] - gap[0])
      : pdf.toString('latin1', from, to);
  const from = Math.max(0, at - DICT_WINDOW);
  const head = skip(from, at);
  const start = Math.max(head.lastIndexOf(' obj'), head.lastIndexOf('\nobj'), 0);
  const tail = skip(at, Math.min(pdf.length, at + DICT_WINDOW));
  const endobj = tail.indexOf('endobj');
  return (head.slice(start) + (endobj >= 0 ? tail.slice(0, endobj) : tail)).replace(/<[0-9a-fA-F\s]{64,}>?/g, '<…>');
}

function optional<K extends string>(key: K, value: string | undefined): Partial<Record<K, string>> {
  return value ? ({ [key]: value } as Record<K, string>) : {};
}

/** A PDF literal string after `key` (escapes resolved; UTF-16BE with BOM decoded), at most 200 characters. */
function literal(dict: string, key: string): string | undefined {
  const i = dict.search(new RegExp(`${key.replace('/', '\\/')}\\s*\\(`));
  if (i < 0) return undefined;
  let pos = dict.indexOf('(', i) + 1;
  let depth = 1;
  let out = '';
  while (pos < dict.length && out.length < 400) {
    const c = dict[pos++]!;
    if (c === '\\') {
      const n = dict[pos++] ?? '';
      const octal = /^[0-7]{1,3}/.exec(dict.slice(pos - 1, pos + 2));
      if (octal) {
        out += String.fromCharCode(Number.parseInt(octal[0], 8));
        pos += octal[0].length - 1;
      } else out += ({ n: '\n', r: '\r', t: '\t', b: '\b', f: '\f' } as Record<string, string>)[n] ?? n;
      continue;
    }
    if (c === '(') depth++;
    if (c === ')' && --depth === 0) break;
    out += c;
  }
  const bytes = Buffer.from(out, 'latin1');
  const decoded = bytes[0] === 0xfe && bytes[1] === 0xff ? Buffer.from(bytes.subarray(2)).swap16().toString('utf16le') : out;
  return decoded.trim().slice(0, 200) || undefined;
}

/** `D:YYYYMMDDHHmmSS+07'00'` → ISO instant. */
export function pdfDate(value: string | undefined): string | undefined {
  const m = /^D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(Z|[+-]\d{2}'?\d{2}'?)?/.exec(value ?? '');
  if (!m) return undefined;
  const [, y, mo = '01', d = '01', h = '00', mi = '00', s = '00', tz] = m;
  const offset = !tz || tz === 'Z' ? 'Z' : `${tz.slice(0, 3)}:${tz.replace(/'/g, '').slice(3, 5) || '00'}`;
  const date = new Date(`${y}-${mo}-${d}T${h}:${mi}:${s}${offset}`);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}
