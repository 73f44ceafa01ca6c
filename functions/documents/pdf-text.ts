import { ExtractStop, type Budget, type TextBlock } from './extract-text.js';
import { isDict, isName, isStream, Lexer, PdfFile, type PdfDict, type PdfValue } from './pdf-objects.js';

/**
 * Lines of a PDF's text layer: the content streams of each page run through a small text-state
 * machine (BT/ET, Tf, Td/TD/Tm/T*, Tj/TJ/'/", q/Q/cm, Form XObjects), glyphs mapped to Unicode by the
 * font's ToUnicode CMap (or WinAnsi for simple fonts without one), runs grouped into lines by
 * baseline and split where a wide gap separates columns (the Decree 30 header's two columns).
 */

type Font = { bytes: 1 | 2; map: Map<number, string>; widths: Map<number, number>; defaultWidth: number; bold: boolean; italic: boolean };
type Run = { x: number; y: number; end: number; size: number; text: string; bold: boolean; italic: boolean };
type Matrix = [number, number, number, number, number, number];

const mul = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[1] * n[2],
  m[0] * n[1] + m[1] * n[3],
  m[2] * n[0] + m[3] * n[2],
  m[2] * n[1] + m[3] * n[3],
  m[4] * n[0] + m[5] * n[2] + n[4],
  m[4] * n[1] + m[5] * n[3] + n[5],
];
const ID: Matrix = [1, 0, 0, 1, 0, 0];

// WinAnsi differs from latin1 in 0x80–0x9f.
const WIN_ANSI_80 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';
const winAnsi = (c: number) => (c >= 0x80 && c < 0xa0 ? WIN_ANSI_80[c - 0x80]! : String.fromCharCode(c));

function utf16be(s: string): string {
  let out = '';
  for (let i = 0; i + 1 < s.length; i += 2) out += String.fromCharCode((s.charCodeAt(i) << 8) | s.charCodeAt(i + 1));
  return out;
}
const hexNum = (s: string) => [...s].reduce((n, c) => n * 256 + c.charCodeAt(0), 0);

/** bfchar and bfrange of a ToUnicode CMap, and whether codes are one or two bytes. */
function parseCMap(text: string): { map: Map<number, string>; bytes: 1 | 2 } {
  const map = new Map<number, string>();
  const lx = new Lexer(text);
  let bytes: 1 | 2 = 1;
  const cs = /begincodespacerange\s*<([0-9a-fA-F]+)>/.exec(text);
  if (cs && cs[1]!.length >= 4) bytes = 2;
  for (;;) {
    const t = lx.next();
    if (t === undefined) break;
    if (typeof t !== 'object' || t === null || !('op' in t)) continue;
    if (t.op === 'beginbfchar') {
      for (let v = lx.value(); typeof v === 'string'; v = lx.value()) {
        const dst = lx.value();
        if (typeof dst === 'string') map.set(hexNum(v), utf16be(dst));
      }
    } else if (t.op === 'beginbfrange') {
      for (let lo = lx.value(); typeof lo === 'string'; lo = lx.value()) {
        const hi = hexNum(String(lx.value() ?? ''));
        const dst = lx.value();
        const start = hexNum(lo);
        if (hi - start > 65535) continue;
        for (let c = start; c <= hi; c++) {
          if (typeof dst === 'string') {
            const base = utf16be(dst);
            map.set(c, base.slice(0, -1) + String.fromCharCode(base.charCodeAt(base.length - 1) + (c - start)));
          } else if (Array.isArray(dst) && typeof dst[c - start] === 'string') map.set(c, utf16be(dst[c - start] as string));
        }
      }
    }
  }
  return { map, bytes };
}

function loadFont(pdf: PdfFile, ref: PdfValue | undefined): Font {
  const d = pdf.dict(ref) ?? {};
  const base = isName(d.BaseFont) ? d.BaseFont.name : '';
  const type0 = isName(d.Subtype, 'Type0');
  const font: Font = {
    bytes: type0 ? 2 : 1,
    map: new Map(),
    widths: new Map(),
    defaultWidth: type0 ? 1000 : 500,
    bold: /bold|black|heavy/i.test(base),
    italic: /italic|oblique/i.test(base),
  };
  const tu = pdf.get(d.ToUnicode);
  if (isStream(tu)) {
    const cmap = parseCMap(Buffer.from(pdf.decode(tu)).toString('latin1'));
    font.map = cmap.map;
    if (!type0) font.bytes = 1;
  } else if (!type0) {
    for (let c = 32; c < 256; c++) font.map.set(c, winAnsi(c));
  }
  if (type0) {
    const desc = pdf.get(pdf.get(d.DescendantFonts) && (pdf.get(d.DescendantFonts) as PdfValue[])[0]);
    const dd = pdf.dict(desc) ?? {};
    if (typeof dd.DW === 'number') font.defaultWidth = dd.DW;
    const w = pdf.get(dd.W);
    if (Array.isArray(w)) {
      for (let i = 0; i < w.length; ) {
        const first = Number(pdf.get(w[i]));
        const next = pdf.get(w[i + 1]);
        if (Array.isArray(next)) {
          for (const [j, x] of next.entries()) font.widths.set(first + j, Number(pdf.get(x)));
          i += 2;
        } else {
          for (let c = first; c <= Number(next) && c - first < 65536; c++) font.widths.set(c, Number(pdf.get(w[i + 2])));
          i += 3;
        }
      }
    }
  } else {
    const first = Number(pdf.get(d.FirstChar) ?? 0);
    const w = pdf.get(d.Widths);
    if (Array.isArray(w)) for (const [j, x] of w.entries()) font.widths.set(first + j, Number(pdf.get(x)));
  }
  return font;
}

class PageReader {
  runs: Run[] = [];
  private fonts = new Map<string, Font>();
  constructor(private readonly pdf: PdfFile) {}

  private font(resources: PdfDict, name: string): Font {
    const ref = this.pdf.dict(resources.Font)?.[name];
    const key = `${name}:${JSON.stringify(ref ?? null)}`;
    let f = this.fonts.get(key);
    if (!f) this.fonts.set(key, (f = loadFont(this.pdf, ref)));
    return f;
  }

  read(content: string, resources: PdfDict, ctm0: Matrix, depth: number): void {
    const lx = new Lexer(content);
    const stack: Matrix[] = [];
    let ctm = ctm0;
    let tm: Matrix = ID;
    let tlm: Matrix = ID;
    let font: Font | undefined;
    let size = 12;
    let leading = 0;
    let charSpace = 0;
    let wordSpace = 0;
    let scale = 1;
    let args: PdfValue[] = [];
    let steps = 0;
    const show = (s: string) => {
      if (!font) return;
      const f = font;
      let text = '';
      const start = mul(tm, ctm);
      for (let i = 0; i + f.bytes - 1 < s.length; i += f.bytes) {
        const code = f.bytes === 2 ? (s.charCodeAt(i) << 8) | s.charCodeAt(i + 1) : s.charCodeAt(i);
        const ch = f.map.get(code) ?? (f.bytes === 1 && code >= 32 ? '' : '');
        text += ch;
        const w = ((f.widths.get(code) ?? f.defaultWidth) / 1000) * size + charSpace + (code === 32 && f.bytes === 1 ? wordSpace : 0);
        tm = mul([1, 0, 0, 1, w * scale, 0], tm);
      }
      const end = mul(tm, ctm);
      const eff = size * Math.hypot(start[2], start[3]);
      this.runs.push({ x: start[4], y: start[5], end: end[4], size: eff, text, bold: f.bold, italic: f.italic });
    };
    const moveLine = (tx: number, ty: number) => {
      tlm = mul([1, 0, 0, 1, tx, ty], tlm);
      tm = tlm;
    };
    for (let t = lx.next(); t !== undefined; t = lx.next()) {
      if (++steps % 2000 === 0) this.pdf.budget.tick();
      if (typeof t !== 'object' || t === null || !('op' in t)) {
        args.push(t as PdfValue);
        continue;
      }
      const n = args.map((a) => (typeof a === 'number' ? a : 0));
      switch (t.op) {
        case 'q':
          stack.push(ctm);
          break;
        case 'Q':
          ctm = stack.pop() ?? ctm;
          break;
        case 'cm':
          ctm = mul(n.slice(0, 6) as Matrix, ctm);
          break;
        case 'BT':
          tm = tlm = ID;
          break;
        case 'Tf':
          font = isName(args[0]) ? this.font(resources, args[0].name) : font;
          size = n[1] ?? size;
          break;
        case 'Tc':
          charSpace = n[0] ?? 0;
          break;
        case 'Tw':
          wordSpace = n[0] ?? 0;
          break;
        case 'Tz':
          scale = (n[0] ?? 100) / 100;
          break;
        case 'TL':
          leading = n[0] ?? 0;
          break;
        case 'Td':
          moveLine(n[0] ?? 0, n[1] ?? 0);
          break;
        case 'TD':
          leading = -(n[1] ?? 0);
          moveLine(n[0] ?? 0, n[1] ?? 0);
          break;
        case 'Tm':
          tm = tlm = n.slice(0, 6) as Matrix;
          break;
        case 'T*':
          moveLine(0, -leading);
          break;
        case "'":
        case '"':
          if (t.op === '"') {
            wordSpace = n[0] ?? 0;
            charSpace = n[1] ?? 0;
          }
          moveLine(0, -leading);
          if (typeof args.at(-1) === 'string') show(args.at(-1) as string);
          break;
        case 'Tj':
          if (typeof args[0] === 'string') show(args[0]);
          break;
        case 'TJ':
          for (const part of Array.isArray(args[0]) ? args[0] : []) {
            if (typeof part === 'string') show(part);
            else if (typeof part === 'number') {
              const dx = (-part / 1000) * size * scale;
              tm = mul([1, 0, 0, 1, dx, 0], tm);
              if (part < -180 && this.runs.length) this.runs.push({ ...this.runs.at(-1)!, text: ' ', x: mul(tm, ctm)[4] - 0.01, end: mul(tm, ctm)[4] });
            }
          }
          break;
        case 'Do': {
          const xo = isName(args[0]) ? this.pdf.get(this.pdf.dict(resources.XObject)?.[args[0].name]) : undefined;
          if (isStream(xo) && isName(xo.dict.Subtype, 'Form') && depth < 4) {
            const m = Array.isArray(xo.dict.Matrix) ? (xo.dict.Matrix.map(Number) as Matrix) : ID;
            this.read(Buffer.from(this.pdf.decode(xo)).toString('latin1'), this.pdf.dict(xo.dict.Resources) ?? resources, mul(m, ctm), depth + 1);
          }
          break;
        }
      }
      args = [];
    }
  }
}

function pagesOf(pdf: PdfFile): PdfDict[] {
  let root = pdf.dict(pdf.trailer.Root);
  if (!root) for (const o of pdf.all()) if (isDict(o) && isName((o as PdfDict).Type, 'Catalog')) root = o as PdfDict;
  const pages: PdfDict[] = [];
  // A page tree is a tree: a node seen before (a /Kids loop, or one node listed twice) is not walked
  // again, so a hostile file cannot make the walk exponential; the time budget is checked as it goes.
  const seen = new Set<PdfDict>();
  const walk = (node: PdfValue | undefined, inherited: PdfDict, depth: number) => {
    const d = pdf.dict(node);
    if (!d || depth > 32 || pages.length >= pdf.budget.limits.maxPages || seen.has(d)) return;
    seen.add(d);
    pdf.budget.tick();
    const res = pdf.dict(d.Resources) ?? inherited.Resources;
    const box = pdf.get(d.MediaBox) ?? inherited.MediaBox;
    const kids = pdf.get(d.Kids);
    if (Array.isArray(kids)) for (const k of kids) walk(k, { ...(res ? { Resources: res } : {}), ...(box ? { MediaBox: box } : {}) }, depth + 1);
    else pages.push({ ...d, ...(res ? { Resources: res } : {}), ...(box ? { MediaBox: box } : {}) });
  };
  walk(root?.Pages, {}, 0);
  return pages;
}

/** Runs of one page → lines (top to bottom), each split into blocks at column gaps. */
function linesOf(runs: Run[], width: number, page: number): TextBlock[] {
  const sorted = runs.filter((r) => r.text).sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: Run[][] = [];
  for (const r of sorted) {
    const line = lines.at(-1);
    if (line && Math.abs(line[0]!.y - r.y) <= Math.max(2, r.size * 0.35)) line.push(r);
    else lines.push([r]);
  }
  const blocks: TextBlock[] = [];
  for (const line of lines) {
    line.sort((a, b) => a.x - b.x);
    let seg: Run[] = [];
    const flush = () => {
      const text = seg
        .map((r) => r.text)
        .join('')
        .replace(/\s+/g, ' ')
        .trim();
      if (text) {
        const left = seg[0]!.x;
        const right = Math.max(...seg.map((r) => r.end));
        const mid = (left + right) / 2;
        const visible = seg.filter((r) => r.text.trim());
        const centred = Math.abs(mid - width / 2) < width * 0.04 || (left > width * 0.12 && Math.abs(left - (width - right)) < width * 0.05);
        blocks.push({
          text,
          bold: visible.every((r) => r.bold),
          italic: visible.every((r) => r.italic),
          align: centred && left > width * 0.1 ? 'center' : 'left',
          page,
        });
      }
      seg = [];
    };
    for (const r of line) {
      const prev = seg.at(-1);
      if (prev && r.x - prev.end > Math.max(prev.size, r.size) * 3) flush();
      else if (prev && r.x - prev.end > Math.max(prev.size, r.size) * 0.2 && !/\s$/.test(prev.text) && !/^\s/.test(r.text)) seg.push({ ...r, text: ' ' });
      seg.push(r);
    }
    flush();
  }
  return blocks;
}

export function pdfBlocks(bytes: Uint8Array, budget: Budget): { blocks: TextBlock[]; truncated: boolean; pages: number } {
  const pdf = new PdfFile(bytes, budget);
  const pages = pagesOf(pdf);
  if (!pages.length) throw new ExtractStop('corrupt', 'no pages found');
  const blocks: TextBlock[] = [];
  let truncated = false;
  pages.forEach((p, i) => {
    if (truncated) return;
    budget.tick();
    const box = pdf.get(p.MediaBox);
    const width = Array.isArray(box) && box.length === 4 ? Number(box[2]) - Number(box[0]) : 595;
    const contents = pdf.get(p.Contents);
    const streams = (Array.isArray(contents) ? contents : [contents]).map((c) => pdf.get(c)).filter(isStream);
    const text = streams.map((s) => Buffer.from(pdf.decode(s)).toString('latin1')).join('\n');
    const reader = new PageReader(pdf);
    reader.read(text, pdf.dict(p.Resources) ?? {}, ID, 0);
    for (const b of linesOf(reader.runs, width, i + 1)) {
      if (blocks.length >= budget.limits.maxBlocks) truncated = true;
      else blocks.push(b);
    }
  });
  return { blocks, truncated, pages: pages.length };
}
