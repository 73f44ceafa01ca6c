import { describe, expect, it } from 'vitest';
import type { environments } from '../../infra/environments.js';
import { createTableInput } from '../../shared/table.js';
import { synth as synthApp } from './support.js';

function synth(env: keyof typeof environments) {
  return synthApp(env).template;
}

describe('CDK table = local table', () => {
  it('declares the same keys and indexes as the local CreateTable input', () => {
    const template = synth('dev');
    const local = createTableInput('phoi-hop-dev');
    const [table] = Object.values(template.findResources('AWS::DynamoDB::GlobalTable')) as { Properties: Record<string, unknown> }[];
    const props = table!.Properties as {
      KeySchema: unknown;
      AttributeDefinitions: { AttributeName: string; AttributeType: string }[];
      GlobalSecondaryIndexes: { IndexName: string; KeySchema: unknown; Projection: unknown }[];
    };
    expect(props.KeySchema).toEqual(local.KeySchema);
    const sortByName = (a: { AttributeName: string }, b: { AttributeName: string }) => a.AttributeName.localeCompare(b.AttributeName);
    expect([...props.AttributeDefinitions].sort(sortByName)).toEqual([...local.AttributeDefinitions].sort(sortByName));
    expect(props.GlobalSecondaryIndexes.map((g) => ({ IndexName: g.IndexName, KeySchema: g.KeySchema, Projection: g.Projection }))).toEqual(
      local.GlobalSecondaryIndexes,
    );
  });

  it('protects the prod table and not the dev table', () => {
    synth('prod').hasResource('AWS::DynamoDB::GlobalTable', {
      DeletionPolicy: 'Retain',
      Properties: { Replicas: [{ DeletionProtectionEnabled: true, PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true } }] },
    });
    synth('dev').hasResource('AWS::DynamoDB::GlobalTable', { DeletionPolicy: 'Delete' });
  });
});
