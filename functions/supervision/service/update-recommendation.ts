import type { Recommendation, RecommendationPatch } from '../../../shared/supervision/schema.js';
import { auditPut } from '../../audit/record.js';
import { readRecommendation } from '../repository.js';
import { commit } from './commit.js';
import { recommendationDue } from '../../reminders/due-entries.js';
import { AUDIT_ENTITY, checkVersion, conflict, recommendationAuditId, type OpContext } from './context.js';
import { recommendationUpdate } from './recommendation-update.js';

/** Edits a recommendation's text, responsible unit or deadline (e.g. an extension) until it is resolved. */
export async function updateRecommendation(ctx: OpContext, planId: string, no: number, patch: Omit<RecommendationPatch, 'version'>, expected: number) {
  const rec = await readRecommendation(ctx.store, ctx.tenant, planId, no);
  checkVersion(rec.version, expected);
  if (rec.status === 'resolved') throw conflict('Kiến nghị đã giải quyết xong, không thể sửa', 'The recommendation is resolved and cannot be changed');
  const set: Record<string, unknown> = {};
  for (const f of ['content', 'responsibleUnit', 'deadline'] as const) if (patch[f] !== undefined) set[f] = patch[f];
  const after: Recommendation = { ...rec, ...set, version: expected + 1, updatedAt: ctx.now.toISOString() };
  await commit(
    ctx,
    [
      recommendationUpdate(ctx, rec, expected, set),
      auditPut({
        tenant: ctx.tenant,
        actor: ctx.actor,
        entity: AUDIT_ENTITY,
        entityId: recommendationAuditId(planId, no),
        action: 'update',
        before: rec,
        after,
        at: ctx.now,
      }),
      ...recommendationDue(ctx.tenant, after),
    ],
    [{ kind: 'recommendation-edited', planId, no, status: rec.status, deadlineBefore: rec.deadline, deadline: after.deadline }],
  );
  return { recommendation: after };
}
