import { strFromU8, unzipSync } from 'fflate';
import { roman } from '../agreements/decree30-text.js';
import { ExtractStop, type Budget, type TextBlock } from './extract-text.js';

/**
 * Paragraphs of `word/document.xml` with their list labels (from `word/numbering.xml`), bold,
 * italic, alignment and table position. A small tag scanner rather than an XML library: the
 * WordprocessingML we read is a handful of elements, and the scanner is bounded by the budget.
 */

type Level = { fmt: string; text: string; start: number };

const ENTITY: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
export function decodeXml(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, e: string) => {
    if (e[0] !== '#') return ENTITY[e]!;
    const cp = e[1] === 'x' ? Number.parseInt(e.slice(2), 16) : Number.parseInt(e.slice(1), 10);
    return cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : '';
  });
}

const attr = (attrs: string, name: string): string | undefined => {
  const m = new RegExp(`\\b${name}="([^"]*)"`).exec(attrs);
  return m ? decodeXml(m[1]!) : undefined;
};
const on = (attrs: string) => {
  const v = attr(attrs, 'w:val');
  return v === undefined || !['0', 'false', 'off', 'none'].includes(v);
};

function unzipParts(bytes: Uint8Array, budget: Budget): Record<string, Uint8Array> {
  const wanted = new Set(['word/document.xml', 'word/numbering.xml', '[Content_Types].xml']);
  let declared = 0;
  let macros = false;
  const files = unzipSync(bytes, {
    filter: (f) => {
      if (/vbaProject\.bin$/i.test(f.name)) macros = true;
      if (!wanted.has(f.name)) return false;
      declared += f.originalSize;
      budget.unpack(f.originalSize);
      return true;
    },
  });
  if (macros) throw new ExtractStop('macros', 'the file carries macros (vbaProject.bin)');
  const types = files['[Content_Types].xml'] ? strFromU8(files['[Content_Types].xml']) : '';
  if (/macroEnabled/i.test(types)) throw new ExtractStop('macros', 'macro-enabled document (.docm)');
  if (!files['word/document.xml']) throw new ExtractStop('unsupported', 'a ZIP file without word/document.xml: not a Word document');
  // The sizes the archive declares are what the filter checked; the real ones must agree.
  const real = Object.values(files).reduce((n, f) => n + f.length, 0);
  if (real > declared) budget.unpack(real - declared);
  return files;
}

/** numId → level → format, from numbering.xml (abstractNum through num, with level overrides of start). */
function readNumbering(xml: string): Map<string, Level[]> {
  const abstract = new Map<string, Level[]>();
  for (const m of xml.matchAll(/<w:abstractNum\b[^>]*w:abstractNumId="(\d+)"[^>]*>([\s\S]*?)<\/w:abstractNum>/g)) {
    const levels: Level[] = [];
    for (const l of m[2]!.matchAll(/<w:lvl\b[^>]*w:ilvl="(\d+)"[^>]*>([\s\S]*?)<\/w:lvl>/g)) {
      const body = l[2]!;
      levels[Number(l[1])] = {
        fmt: attr(/<w:numFmt\b([^>]*)/.exec(body)?.[1] ?? '', 'w:val') ?? 'decimal',
        text: attr(/<w:lvlText\b([^>]*)/.exec(body)?.[1] ?? '', 'w:val') ?? '',
        start: Number(attr(/<w:start\b([^>]*)/.exec(body)?.[1] ?? '', 'w:val') ?? 1),
      };
    }
    abstract.set(m[1]!, levels);
  }
  const nums = new Map<string, Level[]>();
  for (const m of xml.matchAll(/<w:num\b[^>]*w:numId="(\d+)"[^>]*>([\s\S]*?)<\/w:num>/g)) {
    const abs = /<w:abstractNumId\b[^>]*w:val="(\d+)"/.exec(m[2]!)?.[1];
    if (abs && abstract.has(abs)) nums.set(m[1]!, abstract.get(abs)!);
  }
  return nums;
}

// Vietnamese lists use the Latin alphabet as Word does: a, b, c … z, aa, bb …
const letter = (n: number) => String.fromCharCode(97 + ((n - 1) % 26)).repeat(Math.floor((n - 1) / 26) + 1);

function formatCounter(fmt: string, n: number): string {
  switch (fmt) {
    case 'lowerLetter':
      return letter(n);
    case 'upperLetter':
      return letter(n).toUpperCase();
    case 'lowerRoman':
      return roman(n).toLowerCase();
    case 'upperRoman':
      return roman(n);
    case 'bullet':
    case 'none':
      return '';
    default:
      return String(n);
  }
}

/** Counters per list, reset below a level when that level moves on (as Word numbers). */
class ListCounters {
  private counters = new Map<string, number[]>();
  constructor(private readonly nums: Map<string, Level[]>) {}
  label(numId: string, ilvl: number): string | undefined {
    const levels = this.nums.get(numId);
    const lvl = levels?.[ilvl];
    if (!levels || !lvl) return undefined;
    const c = this.counters.get(numId) ?? [];
    c[ilvl] = c[ilvl] === undefined ? lvl.start : c[ilvl]! + 1;
    c.length = ilvl + 1;
    this.counters.set(numId, c);
    if (lvl.fmt === 'bullet') return /^[\p{L}\p{N}\p{P}]$/u.test(lvl.text) ? lvl.text : '-';
    return lvl.text.replace(/%(\d)/g, (_, d: string) => {
      const i = Number(d) - 1;
      return formatCounter(levels[i]?.fmt ?? 'decimal', c[i] ?? levels[i]?.start ?? 1);
    });
  }
}

const ALIGN: Record<string, TextBlock['align']> = { center: 'center', right: 'right', end: 'right', both: 'justify', distribute: 'justify' };

type Para = { text: string; runs: { bold: boolean; italic: boolean; text: string }[]; align: TextBlock['align']; numId?: string; ilvl: number };

export function docxBlocks(bytes: Uint8Array, budget: Budget): { blocks: TextBlock[]; truncated: boolean } {
  const files = unzipParts(bytes, budget);
  const xml = strFromU8(files['word/document.xml']!);
  const counters = new ListCounters(files['word/numbering.xml'] ? readNumbering(strFromU8(files['word/numbering.xml'])) : new Map());
  const blocks: TextBlock[] = [];
  const tables: { index: number; row: number; col: number }[] = [];
  let tableCount = 0;
  let p: Para | undefined;
  let run: { bold: boolean; italic: boolean; text: string } | undefined;
  let where: 'pPr' | 'rPr' | undefined;
  let inText = false;
  let skip = 0; // inside w:del / w:instrText
  let steps = 0;
  let truncated = false;

  const finish = () => {
    if (!p) return;
    const text = p.runs
      .map((r) => r.text)
      .join('')
      .replace(/[ \t\u00a0]+/g, ' ')
      .trim();
    const visible = p.runs.filter((r) => r.text.trim());
    const label = p.numId && p.numId !== '0' ? counters.label(p.numId, p.ilvl) : undefined;
    const t = tables.at(-1);
    if (text || label) {
      if (blocks.length >= budget.limits.maxBlocks) truncated = true;
      else
        blocks.push({
          text,
          bold: visible.length > 0 && visible.every((r) => r.bold),
          italic: visible.length > 0 && visible.every((r) => r.italic),
          align: p.align,
          ...(label !== undefined ? { list: { level: p.ilvl, label } } : {}),
          ...(t ? { cell: { table: t.index, row: t.row, col: t.col } } : {}),
        });
    }
    p = undefined;
  };

  for (const m of xml.matchAll(/<(\/?)([\w:]+)([^>]*?)(\/?)>|([^<]+)/g)) {
    if (++steps % 5000 === 0) budget.tick();
    if (truncated) break;
    const [, close, name, attrs = '', selfClose, chars] = m;
    if (chars !== undefined) {
      if (inText && run && !skip) run.text += decodeXml(chars);
      continue;
    }
    if (name === 'w:del' || name === 'w:instrText' || name === 'w:delText') {
      if (!selfClose) skip += close ? -1 : 1;
      continue;
    }
    if (close) {
      if (name === 'w:p') finish();
      else if (name === 'w:r') run = undefined;
      else if (name === 'w:t') inText = false;
      else if (name === 'w:pPr' || name === 'w:rPr') where = undefined;
      else if (name === 'w:tbl') tables.pop();
      else if (name === 'w:tr') {
        const t = tables.at(-1);
        if (t) {
          t.row++;
          t.col = 0;
        }
      } else if (name === 'w:tc') {
        const t = tables.at(-1);
        if (t) t.col++;
      }
      continue;
    }
    switch (name) {
      case 'w:tbl':
        tables.push({ index: tableCount++, row: 0, col: 0 });
        break;
      case 'w:p':
        finish();
        p = { text: '', runs: [], align: 'left', ilvl: 0 };
        if (selfClose) finish();
        break;
      case 'w:pPr':
      case 'w:rPr':
        if (!selfClose) where = name === 'w:pPr' && where === undefined ? 'pPr' : name === 'w:rPr' && run ? 'rPr' : where;
        break;
      case 'w:jc':
        if (p && where === 'pPr') p.align = ALIGN[attr(attrs, 'w:val') ?? ''] ?? 'left';
        break;
      case 'w:ilvl':
        if (p && where === 'pPr') p.ilvl = Math.min(8, Number(attr(attrs, 'w:val') ?? 0));
        break;
      case 'w:numId':
        if (p && where === 'pPr') p.numId = attr(attrs, 'w:val');
        break;
      case 'w:r':
        if (p && !skip && !selfClose) {
          run = { bold: false, italic: false, text: '' };
          p.runs.push(run);
        }
        break;
      case 'w:b':
        if (run && where === 'rPr') run.bold = on(attrs);
        break;
      case 'w:i':
        if (run && where === 'rPr') run.italic = on(attrs);
        break;
      case 'w:t':
        inText = !selfClose;
        break;
      case 'w:tab':
        if (run && where !== 'pPr') run.text += '\t';
        break;
      case 'w:br':
      case 'w:cr':
        if (run) run.text += ' ';
        break;
    }
  }
  finish();
  return { blocks, truncated };
}
