import { describe, expect, it } from 'vitest';
import { createTableInput, tableDefinition } from '../../shared/table.js';
import { can, roleMatrix, roles } from '../../shared/roles.js';

describe('table definition', () => {
  it('derives CreateTable input with every index key declared as a string attribute', () => {
    const input = createTableInput('x');
    const declared = input.AttributeDefinitions.map((a) => a.AttributeName).sort();
    expect(declared).toEqual(['GSI1PK', 'GSI1SK', 'GSI2PK', 'GSI2SK', 'PK', 'SK']);
    expect(input.GlobalSecondaryIndexes.map((g) => g.IndexName)).toEqual(tableDefinition.globalSecondaryIndexes.map((g) => g.indexName));
    expect(input.BillingMode).toBe('PAY_PER_REQUEST');
  });
});

describe('role matrix', () => {
  it('gives every role an entry and keeps viewers read-only', () => {
    for (const r of roles) expect(roleMatrix[r]).toBeDefined();
    const grants: Parameters<typeof can>[] = [
      ['locality_viewer', 'tenant:write'],
      ['province_viewer', 'tenant:write'],
      ['province_viewer', 'province:admin'],
      ['locality_admin', 'province:read'],
      ['operator', 'tenant:read'],
    ];
    for (const [role, permission] of grants) expect(can(role, permission), `${role} ${permission}`).toBe(false);
    expect(can('province_admin', 'province:admin')).toBe(true);
  });
});
