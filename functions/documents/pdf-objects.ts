import { Unzlib } from 'fflate';
import { ExtractStop, type Budget } from './extract-text.js';

/**
 * The object layer of a PDF, as much as reading a text layer needs: every `n g obj … endobj` found
 * by scanning the file (so a damaged cross-reference table does not matter; later definitions win,
 * as incremental updates do), objects inside object streams, and FlateDecode streams inflated in
 * chunks under the budget. Encrypted files are refused before anything is decoded.
 */

export type PdfRef = { ref: number };
export type PdfName = { name: string };
export type PdfDict = { [key: string]: PdfValue };
export type PdfValue = number | boolean | null | string | PdfName | PdfRef | PdfValue[] | PdfDict | PdfStream;
/** Strings are kept as latin1 strings of their bytes. */
export type PdfStream = { dict: PdfDict; raw: Uint8Array };

export const isName = (v: unknown, n?: string): v is PdfName => typeof v === 'object' && v !== null && 'name' in v && (n === undefined || v.name === n);
export const isRef = (v: unknown): v is PdfRef => typeof v === 'object' && v !== null && 'ref' in v;
export const isStream = (v: unknown): v is PdfStream => typeof v === 'object' && v !== null && 'raw' in v && 'dict' in v;
export const isDict = (v: unknown): v is PdfDict => typeof v === 'object' && v !== null && !Array.isArray(v) && !isName(v) && !isRef(v) && !isStream(v);

const WS_CHARS = new Set([0, 9, 10, 12, 13, 32]);
const DELIM_CHARS = new Set([...'()<>[]{}/%'].map((c) => c.charCodeAt(0)));
/** Character tests by code (a regex per character made a 36-page manual take seconds). */
const WS = { test: (c: string) => WS_CHARS.has(c.charCodeAt(0)) };
const DELIM = { test: (c: string) => DELIM_CHARS.has(c.charCodeAt(0)) };

/** A tokenizer and value parser over a latin1 string (objects and content streams alike). */
export class Lexer {
  pos = 0;
  constructor(readonly s: string) {}

  skipSpace(): void {
    const s = this.s;
    while (this.pos < s.length) {
      const c = s[this.pos]!;
      if (WS.test(c)) this.pos++;
      else if (c === '%') while (this.pos < s.length && s[this.pos] !== '\n' && s[this.pos] !== '\r') this.pos++;
      else break;
    }
  }

  /** Next value, or an operator / keyword as `{ op }`; undefined at the end. */
  next(): PdfValue | { op: string } | undefined {
    this.skipSpace();
    const s = this.s;
    if (this.pos >= s.length) return undefined;
    const c = s[this.pos]!;
    if (c === '/') {
      let e = ++this.pos;
      while (e < s.length && !WS.test(s[e]!) && !DELIM.test(s[e]!)) e++;
      const name = s.slice(this.pos, e).replace(/#([0-9a-fA-F]{2})/g, (_, h: string) => String.fromCharCode(Number.parseInt(h, 16)));
      this.pos = e;
      return { name };
    }
    if (c === '(') return this.literal();
    if (c === '<' && s[this.pos + 1] === '<') {
      this.pos += 2;
      const d: PdfDict = {};
      for (;;) {
        this.skipSpace();
        if (s.startsWith('>>', this.pos) || this.pos >= s.length) {
          this.pos += 2;
          return d;
        }
        const k = this.next();
        if (!isName(k)) continue;
        const v = this.value();
        if (v !== undefined) d[k.name] = v;
      }
    }
    if (c === '<') {
      const e = s.indexOf('>', this.pos);
      const hex = s.slice(this.pos + 1, e < 0 ? s.length : e).replace(/[^0-9a-fA-F]/g, '');
      this.pos = e < 0 ? s.length : e + 1;
      let out = '';
      for (let i = 0; i < hex.length; i += 2) out += String.fromCharCode(Number.parseInt((hex[i] ?? '0') + (hex[i + 1] ?? '0'), 16));
      return out;
    }
    if (c === '[') {
      this.pos++;
      const a: PdfValue[] = [];
      for (;;) {
        this.skipSpace();
        if (s[this.pos] === ']' || this.pos >= s.length) {
          this.pos++;
          return a;
        }
        const v = this.value();
        if (v !== undefined) a.push(v);
      }
    }
    if (c === ']' || c === '>' || c === ')' || c === '{' || c === '}') {
      this.pos++;
      return { op: c };
    }
    let e = this.pos;
    while (e < s.length && !WS.test(s[e]!) && !DELIM.test(s[e]!)) e++;
    if (e === this.pos) e++;
    const word = s.slice(this.pos, e);
    this.pos = e;
    if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(word)) return Number(word);
    if (word === 'true' || word === 'false') return word === 'true';
    if (word === 'null') return null;
    return { op: word };
  }

  /** A value where one is expected: `n g R` becomes a reference. */
  value(): PdfValue | undefined {
    const v = this.next();
    if (v === undefined || (typeof v === 'object' && v !== null && 'op' in v)) return undefined;
    if (typeof v === 'number' && Number.isInteger(v)) {
      const save = this.pos;
      const g = this.next();
      const r = this.next();
      if (typeof g === 'number' && typeof r === 'object' && r !== null && 'op' in r && r.op === 'R') return { ref: v };
      this.pos = save;
    }
    return v as PdfValue;
  }

  private literal(): string {
    const s = this.s;
    let depth = 0;
    let out = '';
    for (this.pos++; this.pos < s.length; this.pos++) {
      const c = s[this.pos]!;
      if (c === '\\') {
        const n = s[++this.pos]!;
        const esc: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f' };
        if (n in esc) out += esc[n];
        else if (/[0-7]/.test(n)) {
          const oct = /^[0-7]{1,3}/.exec(s.slice(this.pos, this.pos + 3))![0];
          out += String.fromCharCode(Number.parseInt(oct, 8) & 0xff);
          this.pos += oct.length - 1;
        } else if (n === '\r') {
          if (s[this.pos + 1] === '\n') this.pos++;
        } else if (n !== '\n') out += n;
      } else if (c === '(') {
        depth++;
        out += c;
      } else if (c === ')') {
        if (depth-- === 0) {
          this.pos++;
          return out;
        }
        out += c;
      } else out += c;
    }
    return out;
  }
}

/** Inflates in 64 KB steps, counting every byte against the budget (a deflate bomb stops early). */
function inflate(data: Uint8Array, budget: Budget): Uint8Array {
  const parts: Uint8Array[] = [];
  const z = new Unzlib((chunk) => {
    budget.unpack(chunk.length);
    parts.push(chunk);
  });
  try {
    for (let i = 0; i < data.length; i += 65536) z.push(data.subarray(i, i + 65536), i + 65536 >= data.length);
  } catch (e) {
    if (e instanceof ExtractStop) throw e;
    // A truncated or damaged stream: keep what was inflated.
  }
  return Buffer.concat(parts);
}

export class PdfFile {
  private readonly objects = new Map<number, PdfValue>();
  readonly text: string;
  trailer: PdfDict = {};

  constructor(
    readonly bytes: Uint8Array,
    readonly budget: Budget,
  ) {
    this.text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
    this.scan();
  }

  private scan(): void {
    const re = /(\d+)\s+(\d+)\s+obj\b/g;
    const streams: PdfStream[] = [];
    let m: RegExpExecArray | null;
    let count = 0;
    while ((m = re.exec(this.text))) {
      if (++count % 500 === 0) this.budget.tick();
      const lx = new Lexer(this.text);
      lx.pos = m.index + m[0].length;
      let v = lx.value() ?? null;
      lx.skipSpace();
      if (isDict(v) && this.text.startsWith('stream', lx.pos)) {
        let start = lx.pos + 6;
        if (this.text[start] === '\r') start++;
        if (this.text[start] === '\n') start++;
        const len = (v as PdfDict).Length;
        let end = typeof len === 'number' && this.text.startsWith('endstream', this.skipWs(start + len)) ? start + len : this.text.indexOf('endstream', start);
        if (end < 0) end = this.text.length;
        v = { dict: v as PdfDict, raw: this.bytes.subarray(start, end) };
        re.lastIndex = end;
        if (isName(v.dict.Type, 'ObjStm')) streams.push(v);
        if (isName(v.dict.Type, 'XRef')) this.trailer = { ...v.dict, ...this.trailer };
      } else re.lastIndex = lx.pos;
      this.objects.set(Number(m[1]), v);
    }
    for (const t of this.text.matchAll(/trailer\s*<</g)) {
      const lx = new Lexer(this.text);
      lx.pos = (t.index ?? 0) + t[0].length - 2;
      const d = lx.value();
      if (isDict(d)) this.trailer = { ...this.trailer, ...d };
    }
    if (this.trailer.Encrypt !== undefined) throw new ExtractStop('encrypted', 'the PDF is encrypted (password or permissions)');
    for (const s of streams) this.unpackObjectStream(s);
  }

  private skipWs(i: number): number {
    while (i < this.text.length && WS.test(this.text[i]!)) i++;
    return i;
  }

  private unpackObjectStream(s: PdfStream): void {
    const body = Buffer.from(this.decode(s)).toString('latin1');
    // /N is the file's word: a hostile /N 1000000000 must not build a billion-entry index. Each entry
    // takes at least 4 bytes ("1 0 "), so the stream's own length bounds it.
    const n = Math.min(Math.max(0, Math.trunc(Number(s.dict.N ?? 0)) || 0), Math.floor(body.length / 4));
    const first = Number(s.dict.First ?? 0);
    const lx = new Lexer(body);
    const index: [number, number][] = [];
    for (let i = 0; i < n; i++) index.push([Number(lx.next()), Number(lx.next())]);
    for (const [num, off] of index) {
      if (this.objects.has(num)) continue;
      lx.pos = first + off;
      this.objects.set(num, lx.value() ?? null);
    }
  }

  get(v: PdfValue | undefined, depth = 0): PdfValue | undefined {
    if (isRef(v) && depth < 32) return this.get(this.objects.get(v.ref), depth + 1);
    return v;
  }

  dict(v: PdfValue | undefined): PdfDict | undefined {
    const d = this.get(v);
    if (isStream(d)) return d.dict;
    return isDict(d) ? d : undefined;
  }

  /** The stream's bytes with its filters applied (FlateDecode; others give nothing to read). */
  decode(s: PdfStream): Uint8Array {
    const f = this.get(s.dict.Filter);
    const filters = (Array.isArray(f) ? f : f ? [f] : []).map((x) => (isName(x) ? x.name : ''));
    let data = s.raw;
    for (const name of filters) {
      if (name === 'FlateDecode' || name === 'Fl') data = inflate(data, this.budget);
      else return new Uint8Array(0);
    }
    return data;
  }

  /** Every object; used to find the catalog when no trailer names it. */
  *all(): Iterable<PdfValue> {
    yield* this.objects.values();
  }
}
