import type * as z from 'zod';

type Json = unknown;

const getAt = (value: Json, path: PropertyKey[]): Json =>
  path.reduce<Json>((v, k) => (v && typeof v === 'object' ? (v as Record<PropertyKey, Json>)[k] : undefined), value);

function setAt(value: Json, path: PropertyKey[], next: Json): void {
  const parent = getAt(value, path.slice(0, -1));
  if (!parent || typeof parent !== 'object') return;
  const key = path[path.length - 1] as PropertyKey;
  if (next === undefined) {
    if (Array.isArray(parent)) parent.splice(Number(key), 1);
    else delete (parent as Record<PropertyKey, Json>)[key];
  } else {
    (parent as Record<PropertyKey, Json>)[key] = structuredClone(next);
  }
}

/**
 * Makes a generated body valid for `schema` where the generator cannot (refinements relating two
 * fields): each failing path takes the value a known-valid `base` body has there (or is removed
 * when the base has none); a path that fails again is widened to its parent, up to the top field.
 * Returns the body, valid when repair succeeded.
 */
export function repairBody<T extends Json>(schema: z.ZodType, body: T, base: Json): T {
  const tries = new Map<string, number>();
  for (let round = 0; round < 40; round++) {
    const result = schema.safeParse(body);
    if (result.success) return body;
    const issue = result.error.issues[0];
    if (!issue) return body;
    const key = issue.path.map(String).join('.');
    const attempt = tries.get(key) ?? 0;
    tries.set(key, attempt + 1);
    if (issue.path.length === 0) return structuredClone(base) as T;
    const path = issue.path.slice(0, Math.max(1, issue.path.length - attempt)) as PropertyKey[];
    setAt(body, path, getAt(base, path));
  }
  return body;
}

const bytes = (v: Json) => Buffer.byteLength(JSON.stringify(v) ?? '', 'utf8');

/**
 * The part of a value that fits `budget` bytes of JSON: arrays keep their first elements that fit,
 * objects give each field what the earlier ones left. Used to cut a schema-maximal body (several MB
 * for an agreement) to the largest body the API's 1 MB request limit lets through.
 */
export function fitBytes(value: Json, budget: number): Json {
  if (bytes(value) <= budget) return value;
  if (Array.isArray(value)) {
    // Whole elements while they fit; the first that does not is cut (when it has parts) and ends the list.
    const out: Json[] = [];
    let used = 2;
    for (const el of value) {
      const whole = bytes(el) + 1;
      if (used + whole <= budget) {
        out.push(el);
        used += whole;
        continue;
      }
      const part = el !== null && typeof el === 'object' ? fitBytes(el, budget - used - 1) : undefined;
      if (part !== undefined && used + bytes(part) + 1 <= budget) out.push(part);
      break;
    }
    return out;
  }
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, Json>);
    const nested = (v: Json) => v !== null && typeof v === 'object';
    const out: Record<string, Json> = Object.fromEntries(entries.filter(([, v]) => !nested(v)));
    let used = bytes(out);
    for (const [k, v] of entries.filter(([, x]) => nested(x))) {
      out[k] = fitBytes(v, budget - used - k.length - 4);
      used = bytes(out);
    }
    return out;
  }
  return typeof value === 'string' ? value.slice(0, Math.max(0, Math.floor(budget / 3) - 2)) : value;
}
