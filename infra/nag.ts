import { Stack, Validations } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';

/**
 * A CloudFormation value as cdk-nag prints it in finding ids: `Fn::GetAtt` → `<Logical.Attr>`,
 * `Ref` → `<Name>`, `Fn::Join` → concatenation, policy variables `${aws:x}` → `<aws:x>`.
 */
export function nagValue(scope: IConstruct, value: string): string {
  return render(Stack.of(scope).resolve(value));
}

function render(v: unknown): string {
  if (typeof v === 'string') return v.replace(/\$\{([^}]+)\}/g, '<$1>');
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if ('Ref' in o) return `<${String(o.Ref)}>`;
    if ('Fn::GetAtt' in o) return `<${(o['Fn::GetAtt'] as string[]).join('.')}>`;
    if ('Fn::Join' in o) {
      const [sep, parts] = o['Fn::Join'] as [string, unknown[]];
      return parts.map(render).join(sep);
    }
  }
  throw new Error(`cannot render ${JSON.stringify(v)} for a cdk-nag finding id`);
}

/**
 * Acknowledges AwsSolutions-IAM5 for each wildcard resource of a policy, one finding at a time
 * (cdk-nag 3 has no blanket IAM5 acknowledgement), always with the reason.
 */
export function acknowledgeWildcardResources(scope: IConstruct, resources: string[], reason: string) {
  for (const r of resources) {
    const rendered = nagValue(scope, r);
    if (rendered.includes('*')) Validations.of(scope).acknowledge({ id: `AwsSolutions-IAM5[Resource::${rendered}]`, reason });
  }
}
