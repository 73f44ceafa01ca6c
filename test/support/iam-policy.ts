import type { SessionTags } from '../../shared/tenant-access.js';

/**
 * A small evaluator of the IAM features the tenant-data role uses: Allow statements, action and
 * resource globs, `${aws:PrincipalTag/x}` policy variables, `StringEquals` on principal tags and
 * `ForAllValues:StringLike` on `dynamodb:LeadingKeys`. Anything else throws, so it can never
 * silently allow what IAM would evaluate differently.
 */
export type PolicyStatement = {
  Sid?: string;
  Effect: string;
  Action: string | string[];
  Resource: string[];
  Condition?: Record<string, Record<string, string | string[]>>;
};

export type IamRequest = { action: string; resource: string; leadingKeys?: string[] };

/** CloudFormation values rendered with stand-ins (`subs`) for references and pseudo parameters. */
export function renderCfn(v: unknown, subs: Record<string, string>): string {
  if (typeof v === 'string') return v;
  const o = v as Record<string, unknown>;
  if ('Ref' in o) return subs[o.Ref as string] ?? `<${o.Ref as string}>`;
  if ('Fn::GetAtt' in o) {
    const key = (o['Fn::GetAtt'] as string[]).join('.');
    return subs[key] ?? `<${key}>`;
  }
  if ('Fn::Join' in o) {
    const [sep, parts] = o['Fn::Join'] as [string, unknown[]];
    return parts.map((p) => renderCfn(p, subs)).join(sep);
  }
  throw new Error(`unexpected value ${JSON.stringify(v)}`);
}

export function glob(pattern: string, value: string): boolean {
  const re = new RegExp(
    `^${pattern
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replace(/\*/g, '.*')
      .replace(/\?/g, '.')}$`,
  );
  return re.test(value);
}

/** IAM policy variables: `${aws:PrincipalTag/province}` → the session's tag value. */
export function substitute(s: string, tags: SessionTags): string {
  return s.replace(/\$\{aws:PrincipalTag\/([a-z]+)\}/g, (_, k: keyof SessionTags) => {
    if (!(k in tags)) throw new Error(`unknown tag ${k}`);
    return tags[k];
  });
}

export function isAllowed(statements: PolicyStatement[], tags: SessionTags, req: IamRequest): boolean {
  return statements.some((st) => {
    if (st.Effect !== 'Allow') throw new Error(`evaluator handles Allow only, got ${st.Effect}`);
    const actions = Array.isArray(st.Action) ? st.Action : [st.Action];
    if (!actions.some((a) => glob(a, req.action))) return false;
    if (!st.Resource.some((r) => glob(substitute(r, tags), req.resource))) return false;
    for (const [op, entries] of Object.entries(st.Condition ?? {})) {
      for (const [key, raw] of Object.entries(entries)) {
        const expected = (Array.isArray(raw) ? raw : [raw]).map((e) => substitute(e, tags));
        if (op === 'StringEquals') {
          const m = /^aws:PrincipalTag\/([a-z]+)$/.exec(key);
          if (!m) throw new Error(`unsupported StringEquals key ${key}`);
          if (!expected.includes(tags[m[1] as keyof SessionTags])) return false;
        } else if (op === 'ForAllValues:StringLike' && key === 'dynamodb:LeadingKeys') {
          // Vacuously true without keys: which is why the policy grants no Scan.
          if (!(req.leadingKeys ?? []).every((k) => expected.some((p) => glob(p, k)))) return false;
        } else {
          throw new Error(`unsupported condition ${op} ${key}`);
        }
      }
    }
    return true;
  });
}
