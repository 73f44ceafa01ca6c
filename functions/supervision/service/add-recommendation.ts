import type { RecommendationInput } from '../../../shared/supervision/schema.js';
import { allocateAndWrite } from './allocate-recommendations.js';
import { idempotent, type Idem, type OpContext } from './context.js';

/** Adds one recommendation to an existing finding. */
export async function addRecommendation(ctx: OpContext, planId: string, findingNo: number, input: RecommendationInput, idem: Idem) {
  return idempotent(ctx, idem, async (record) => {
    const r = await allocateAndWrite(ctx, planId, { finding: null, findingNo, recommendations: [input], field: (_i, name) => name }, record);
    return { status: r.status, body: { recommendation: r.body.recommendations[0]! } };
  });
}
