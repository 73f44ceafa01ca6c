import { describe, expect, it } from 'vitest';
import { environments, type EnvironmentName } from '../../infra/environments.js';

const envNames = Object.keys(environments) as EnvironmentName[];
import { onlyResource, synth } from './support.js';

/** Issue #16 part 4: a CloudWatch dashboard per environment (dev included, unlike the alarms). */
describe.each(envNames)('dashboard of %s', (env) => {
  it('shows requests, errors, p99 latency, DynamoDB capacity and per-tenant usage from the logs', () => {
    const { template } = synth(env);
    const d = onlyResource(template, 'AWS::CloudWatch::Dashboard');
    expect(d.Properties.DashboardName).toBe(`phoi-hop-${env}`);
    const body = JSON.stringify(d.Properties.DashboardBody);
    for (const needle of ['Count', '4xx', '5xx', 'p99', 'ConsumedReadCapacityUnits', 'ConsumedWriteCapacityUnits', 'by tenant, province', 'AWS/Lambda']) {
      expect(body, needle).toContain(needle);
    }
  });
});
