import type { FindingInput, RecommendationInput } from '../../../shared/supervision/schema.js';
import { allocateAndWrite } from './allocate-recommendations.js';
import { idempotent, type Idem, type OpContext } from './context.js';

/** Records a finding of the supervision with its recommendations (numbered on from the plan's counters). */
export async function addFinding(ctx: OpContext, planId: string, input: FindingInput & { recommendations: RecommendationInput[] }, idem: Idem) {
  const { recommendations, ...finding } = input;
  return idempotent(ctx, idem, (record) =>
    allocateAndWrite(ctx, planId, { finding, recommendations, field: (i, name) => `recommendations.${i}.${name}` }, record),
  );
}
