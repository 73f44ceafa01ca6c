import type { Recommendation, RecommendationPatch } from '../../../shared/supervision/schema.js';
import { auditPut } from '../../audit/record.js';
import { readPlan, readRecommendation } from '../repository.js';
import { vietnamToday } from '../../../shared/dates.js';
import { supervisionStartedOn } from '../../../shared/supervision/rules.js';
import { commit } from './commit.js';
import { recommendationDue } from '../../reminders/due-entries.js';
import { AUDIT_ENTITY, checkHappenedOn, checkVersion, conflict, invalid, recommendationAuditId, type OpContext } from './context.js';
import { recommendationUpdate } from './recommendation-update.js';

/** Edits a recommendation's text, responsible unit, deadline (e.g. an extension) or the day it was made, until it is resolved. */
export async function updateRecommendation(ctx: OpContext, planId: string, no: number, patch: Omit<RecommendationPatch, 'version'>, expected: number) {
  const rec = await readRecommendation(ctx.store, ctx.tenant, planId, no);
  checkVersion(rec.version, expected);
  if (rec.status === 'resolved') throw conflict('Kiến nghị đã giải quyết xong, không thể sửa', 'The recommendation is resolved and cannot be changed');
  const set: Record<string, unknown> = {};
  for (const f of ['content', 'responsibleUnit', 'deadline'] as const) if (patch[f] !== undefined) set[f] = patch[f];
  if (patch.madeOn !== undefined && patch.madeOn !== rec.history[0]?.on) {
    // A recommendation of a past supervision first entered with today's date gets the day it was
    // made: not before the supervision began, not after today nor after its next step.
    const plan = await readPlan(ctx.store, ctx.tenant, planId);
    checkHappenedOn('madeOn', patch.madeOn, vietnamToday(ctx.now), supervisionStartedOn(plan), {
      vi: 'Kiến nghị không được đưa ra trước ngày bắt đầu giám sát',
      en: 'A recommendation must not be dated before the supervision began',
    });
    const next = rec.history[1]?.on;
    if (next !== undefined && patch.madeOn > next) {
      throw invalid('madeOn', 'Ngày kiến nghị không được sau bước tiếp theo của kiến nghị', 'The date made must not be after the recommendation’s next step');
    }
    set.history = [{ ...rec.history[0]!, on: patch.madeOn }, ...rec.history.slice(1)];
  }
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
