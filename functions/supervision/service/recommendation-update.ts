import { supervisionKeys } from '../../../shared/keys.js';
import type { Recommendation } from '../../../shared/supervision/schema.js';
import type { TransactItem } from '../../store/metered-store.js';
import { recommendationIndexKeys } from '../items.js';
import type { OpContext } from './context.js';

/** The UpdateItem of a recommendation guarded by its version; GSI2 keys are rewritten from the new state and deadline. */
export function recommendationUpdate(
  ctx: OpContext,
  rec: Recommendation,
  expected: number,
  set: Record<string, unknown>,
  extra: { append?: unknown[]; addResponses?: number } = {},
) {
  const next = { ...rec, ...set } as Recommendation;
  const index = recommendationIndexKeys(ctx.tenant, next);
  const names: Record<string, string> = { '#version': 'version' };
  const values: Record<string, unknown> = { ':expectedVersion': expected, ':next': expected + 1, ':at': ctx.now.toISOString(), ':gsi2sk': index.GSI2SK };
  const parts = ['#version = :next', 'updatedAt = :at', 'GSI2SK = :gsi2sk'];
  for (const [k, v] of Object.entries(set)) {
    names[`#${k}`] = k;
    values[`:${k}`] = v;
    parts.push(`#${k} = :${k}`);
  }
  if (extra.append) {
    values[':entry'] = extra.append;
    names['#history'] = 'history';
    parts.push('#history = list_append(#history, :entry)');
  }
  if (extra.addResponses) {
    values[':one'] = extra.addResponses;
    parts.push('responseCount = responseCount + :one');
  }
  return {
    Update: {
      Key: supervisionKeys.recommendation(ctx.tenant, rec.planId, rec.no),
      UpdateExpression: `SET ${parts.join(', ')}`,
      ConditionExpression: 'attribute_exists(PK) AND #version = :expectedVersion',
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
    },
  } satisfies TransactItem;
}
