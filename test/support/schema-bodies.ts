import fc from 'fast-check';
import type * as z from 'zod';

/**
 * Request bodies built from a route's own zod schema (the one its `validate('json', …)` checks, read
 * from the route table): `maximal` fills every string to its maximum length with 3-byte UTF-8
 * Vietnamese letters and every array to its maximum count (the largest body the schema accepts);
 * `random` draws any shape the schema allows. Refinements that relate two fields (a period's end
 * after its start, names ≤ count) are left to the caller's `fix` step: the generator knows types and
 * bounds only.
 */
export type Mode = 'maximal' | 'random';

/** zod's internal definition objects, untyped here. */
type Def = any;

/** Vietnamese letters of 3 UTF-8 bytes each: the worst case for storage per character. */
const WIDE = 'ữệảốờịụỹấầ';
const wideText = (n: number) => Array.from({ length: n }, (_, i) => WIDE[i % WIDE.length]).join('');

/** Dates a backfilled or current record may carry; callers narrow them where a rule demands. */
const dateArb = fc
  .date({ min: new Date('2021-01-01T00:00:00Z'), max: new Date('2025-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

function stringArb(s: Def, mode: Mode): fc.Arbitrary<string> {
  const checks: Def[] = (s._zod.def.checks ?? []).map((c: Def) => c._zod.def);
  const min: number = s.minLength ?? 0;
  const max: number = s.maxLength ?? 200;
  if (s.format === 'date') return dateArb;
  if (s.format === 'email') return fc.constantFrom('a@b.vn', 'can.bo.xa@ubnd.hanoi.gov.vn');
  if (s.format === 'uuid') return fc.uuid();
  const pattern: RegExp | undefined = checks.find((c) => c.check === 'string_format' && c.pattern)?.pattern ?? s._zod.def.pattern;
  if (pattern) {
    const matching = fc.stringMatching(pattern).filter((v) => v.length >= min && v.length <= max && v.trim() === v);
    return mode === 'maximal' ? matching.map((v) => v) : matching;
  }
  if (mode === 'maximal') return fc.constant(wideText(max));
  return fc
    .oneof(fc.string({ unit: 'grapheme', minLength: Math.max(min, 1), maxLength: Math.min(max, 40) }), fc.integer({ min: Math.max(min, 1), max }).map(wideText))
    .map((v) => (v.trim().length >= min ? v.trim() : wideText(Math.max(min, 1))));
}

function numberArb(s: Def, mode: Mode): fc.Arbitrary<number> {
  const min = Number.isFinite(s.minValue) ? (s.minValue as number) : 0;
  const max = Number.isFinite(s.maxValue) ? (s.maxValue as number) : 1_000_000;
  if (mode === 'maximal') return fc.constant(max);
  return s.isInt ? fc.integer({ min, max }) : fc.double({ min, max, noNaN: true });
}

/** An arbitrary of values `schema` accepts by type and bounds. */
export function bodyArb(schema: z.ZodType, mode: Mode): fc.Arbitrary<unknown> {
  const s = schema as Def;
  const def = s._zod.def;
  switch (def.type) {
    case 'string':
      return stringArb(s, mode);
    case 'number':
      return numberArb(s, mode);
    case 'boolean':
      return fc.boolean();
    case 'literal':
      return fc.constantFrom(...(def.values as unknown[]));
    case 'enum':
      return fc.constantFrom(...(Object.values(def.entries) as unknown[]));
    case 'nullable':
      return mode === 'maximal' ? bodyArb(def.innerType, mode) : fc.option(bodyArb(def.innerType, mode), { nil: null });
    case 'optional':
    case 'default':
    case 'prefault':
      // Maximal bodies send every field; random ones leave optional fields out half of the time.
      return mode === 'maximal' ? bodyArb(def.innerType, mode) : fc.option(bodyArb(def.innerType, mode), { nil: undefined });
    case 'pipe':
      return bodyArb(def.in, mode);
    case 'union':
      return mode === 'maximal' ? bodyArb(def.options[0], mode) : fc.oneof(...def.options.map((o: z.ZodType) => bodyArb(o, mode)));
    case 'array': {
      const checks: Def[] = (def.checks ?? []).map((c: Def) => c._zod.def);
      const max = checks.find((c) => c.check === 'max_length')?.maximum ?? 5;
      const min = checks.find((c) => c.check === 'min_length')?.minimum ?? 0;
      return mode === 'maximal'
        ? fc.array(bodyArb(def.element, mode), { minLength: max, maxLength: max })
        : fc.array(bodyArb(def.element, mode), { minLength: min, maxLength: Math.min(max, 6) });
    }
    case 'record':
      return fc.dictionary(fc.string({ minLength: 1, maxLength: 8 }), bodyArb(def.valueType, mode), { maxKeys: 3 });
    case 'object': {
      const fields = Object.fromEntries(Object.entries(def.shape as Record<string, z.ZodType>).map(([k, v]) => [k, bodyArb(v, mode)]));
      return fc.record(fields).map((o) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)));
    }
    default:
      return fc.constant(undefined);
  }
}

/** One value of the arbitrary (seeded, so a maximal body is the same on every run). */
export function sampleBody(schema: z.ZodType, mode: Mode, seed = 42): Record<string, unknown> {
  return fc.sample(bodyArb(schema, mode), { seed, numRuns: 1 })[0] as Record<string, unknown>;
}
