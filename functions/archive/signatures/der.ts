/**
 * A small, bounded DER/BER reader: enough of ASN.1 to walk a CMS SignedData and an X.509 Name.
 * Every read is checked against the buffer's end and a depth limit, so a hostile signature value
 * can only make it throw `DerError`, never read out of bounds or recurse without end.
 */
export class DerError extends Error {}

export type Node = {
  /** Identifier octet (class, constructed bit, tag number < 31). */
  tag: number;
  /** Offset of the identifier octet and of the content, and the content's end (exclusive). */
  start: number;
  contentStart: number;
  end: number;
  /** The whole encoding (identifier, length, content) and the content alone. */
  raw: Buffer;
  content: Buffer;
};

const MAX_DEPTH = 32;

export const Tag = {
  integer: 0x02,
  bitString: 0x03,
  octetString: 0x04,
  oid: 0x06,
  utf8: 0x0c,
  printable: 0x13,
  t61: 0x14,
  ia5: 0x16,
  utcTime: 0x17,
  generalizedTime: 0x18,
  bmp: 0x1e,
  sequence: 0x30,
  set: 0x31,
} as const;

/** Context-specific tag `[n]`, constructed or primitive. */
export const context = (n: number, constructed = true) => (constructed ? 0xa0 : 0x80) | n;

/** Reads one element at `offset` (BER indefinite lengths allowed for constructed elements). */
export function readNode(buf: Buffer, offset = 0, depth = 0): Node {
  if (depth > MAX_DEPTH) throw new DerError('nesting too deep');
  if (offset + 2 > buf.length) throw new DerError('truncated element');
  const tag = buf[offset]!;
  if ((tag & 0x1f) === 0x1f) throw new DerError('high tag numbers are not used by CMS');
  let pos = offset + 1;
  const first = buf[pos++]!;
  let length: number;
  if (first < 0x80) length = first;
  else if (first === 0x80) {
    if (!(tag & 0x20)) throw new DerError('indefinite length on a primitive element');
    return readIndefinite(buf, offset, pos, tag, depth);
  } else {
    const n = first & 0x7f;
    if (n > 4 || pos + n > buf.length) throw new DerError('bad length');
    length = 0;
    for (let i = 0; i < n; i++) length = length * 256 + buf[pos++]!;
  }
  const end = pos + length;
  if (end > buf.length) throw new DerError('element runs past the end');
  return { tag, start: offset, contentStart: pos, end, raw: buf.subarray(offset, end), content: buf.subarray(pos, end) };
}

function readIndefinite(buf: Buffer, offset: number, contentStart: number, tag: number, depth: number): Node {
  let pos = contentStart;
  for (;;) {
    if (pos + 2 > buf.length) throw new DerError('unterminated indefinite length');
    if (buf[pos] === 0 && buf[pos + 1] === 0) break;
    pos = readNode(buf, pos, depth + 1).end;
  }
  return { tag, start: offset, contentStart, end: pos + 2, raw: buf.subarray(offset, pos + 2), content: buf.subarray(contentStart, pos) };
}

/** The elements inside a constructed element. */
export function children(node: Node, depth = 0): Node[] {
  if (!(node.tag & 0x20)) throw new DerError('not a constructed element');
  const out: Node[] = [];
  let pos = 0;
  while (pos < node.content.length) {
    if (node.content[pos] === 0 && node.content[pos + 1] === 0 && pos + 2 === node.content.length) break; // BER end-of-contents
    const child = readNode(node.content, pos, depth + 1);
    out.push(child);
    pos = child.end;
    if (out.length > 10_000) throw new DerError('too many elements');
  }
  return out;
}

export function expectTag(node: Node | undefined, tag: number, what: string): Node {
  if (!node || node.tag !== tag) throw new DerError(`expected ${what}`);
  return node;
}

/** Dotted OID text. */
export function oid(node: Node): string {
  const b = expectTag(node, Tag.oid, 'an object identifier').content;
  if (b.length === 0 || b.length > 64) throw new DerError('bad object identifier');
  const parts: number[] = [];
  let value = 0;
  for (const byte of b) {
    value = value * 128 + (byte & 0x7f);
    if (!(byte & 0x80)) {
      parts.push(value);
      value = 0;
    }
  }
  const head = parts.shift() ?? 0;
  const first = head < 80 ? Math.floor(head / 40) : 2;
  return [first, head - first * 40, ...parts].join('.');
}

/** A string of any of the X.509 directory string types, decoded. */
export function text(node: Node): string {
  switch (node.tag) {
    case Tag.bmp: {
      const swapped = Buffer.from(node.content);
      swapped.swap16();
      return swapped.toString('utf16le');
    }
    case Tag.printable:
    case Tag.ia5:
    case Tag.t61:
      return node.content.toString('latin1');
    default:
      return node.content.toString('utf8');
  }
}

/** UTCTime / GeneralizedTime as a Date (undefined when it is neither or unreadable). */
export function time(node: Node): Date | undefined {
  const s = node.content.toString('latin1');
  const m =
    node.tag === Tag.utcTime
      ? /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})?Z$/.exec(s)
      : node.tag === Tag.generalizedTime
        ? /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})?(?:\.\d+)?Z$/.exec(s)
        : null;
  if (!m) return undefined;
  let year = Number(m[1]);
  if (node.tag === Tag.utcTime) year += year < 50 ? 2000 : 1900;
  const d = new Date(Date.UTC(year, Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6] ?? 0)));
  return Number.isNaN(d.getTime()) ? undefined : d;
}

/** An X.509 Name as `{ oid → value }` for the attributes people read (CN, O, OU, C, …). */
export function nameAttributes(node: Node): Map<string, string> {
  const out = new Map<string, string>();
  for (const rdn of children(expectTag(node, Tag.sequence, 'a name'))) {
    for (const atv of children(rdn)) {
      const [type, value] = children(atv);
      if (!type || !value) continue;
      const key = oid(type);
      if (!out.has(key)) out.set(key, text(value));
    }
  }
  return out;
}
