import { reportDue } from '../../reminders/due-entries.js';
import { vietnamToday } from '../../../shared/dates.js';
import { supervisionKeys } from '../../../shared/keys.js';
import { fieldErrorsFromZod } from '../../../shared/problem.js';
import { planEditable, summarizePlan } from '../../../shared/supervision/rules.js';
import { planInputSchema, type PlanPatch } from '../../../shared/supervision/schema.js';
import { ProblemError } from '../../http/problem.js';
import { auditPut } from '../../audit/record.js';
import type { TransactItem } from '../../store/metered-store.js';
import { by, editablePlanFields, planSearchText } from '../items.js';
import { readPlan } from '../repository.js';
import { commit } from './commit.js';
import { AUDIT_ENTITY, checkHappenedOn, checkVersion, conflict, invalid, type OpContext } from './context.js';

/** Edits plan fields (never status or counters) with the version read; a topic change is copied onto the plan's recommendations. */
export async function updatePlan(ctx: OpContext, planId: string, patch: Omit<PlanPatch, 'version'>, expected: number) {
  const current = await readPlan(ctx.store, ctx.tenant, planId);
  checkVersion(current.version, expected);
  if (!planEditable(current.status)) throw conflict('Kế hoạch đã kết thúc, không thể sửa', 'The plan is closed and cannot be changed');

  const merged: Record<string, unknown> = {};
  for (const f of editablePlanFields) {
    const v = f in patch ? (patch as Record<string, unknown>)[f] : current[f];
    if (v !== undefined && v !== null) merged[f] = v;
  }
  const parsed = planInputSchema.safeParse(merged);
  if (!parsed.success) {
    throw new ProblemError(
      'validation',
      { vi: 'Vui lòng kiểm tra các trường được nêu', en: 'Check the fields listed in errors' },
      fieldErrorsFromZod(parsed.error.issues, 'body'),
    );
  }
  const fields = parsed.data;
  const at = ctx.now.toISOString();
  const names: Record<string, string> = { '#version': 'version', '#status': 'status', '#topic': 'topic', '#recs': 'recommendationCount' };
  const values: Record<string, unknown> = {
    ':expectedVersion': expected,
    ':next': expected + 1,
    ':at': at,
    ':search': planSearchText(fields),
    ':gsi1sk': supervisionKeys.planListEntry(ctx.tenant, current.status, fields.period.from, planId).GSI1SK,
    ':closed': 'closed',
    ':recs': current.recommendationCount,
    ':by': by(ctx.actor),
  };
  const set = ['#version = :next', 'updatedAt = :at', 'searchText = :search', 'GSI1SK = :gsi1sk', 'updatedBy = :by'];
  const remove: string[] = [];
  for (const f of editablePlanFields) {
    const v = (fields as Record<string, unknown>)[f];
    if (v === undefined) {
      if (current[f] === undefined) continue;
      remove.push(`#${f}`);
    } else {
      set.push(`#${f} = :${f}`);
      values[`:${f}`] = v;
    }
    names[`#${f}`] = f;
  }
  const after = { ...current, ...fields, version: expected + 1, updatedAt: at };
  for (const f of editablePlanFields) if ((fields as Record<string, unknown>)[f] === undefined) delete (after as Record<string, unknown>)[f];
  if (patch.plannedOn !== undefined) {
    // A past plan first entered with today's date gets the day it was really made: any past day,
    // but not after the step that followed it.
    const next = current.statusHistory[1]?.on ?? null;
    checkHappenedOn('plannedOn', patch.plannedOn, vietnamToday(ctx.now));
    if (next !== null && patch.plannedOn > next) {
      throw invalid('plannedOn', 'Ngày lập kế hoạch không được sau bước tiếp theo', 'The planned date must not be after the next step');
    }
    set.push('statusHistory[0].#on = :plannedOn');
    names['#on'] = 'on';
    values[':plannedOn'] = patch.plannedOn;
    after.statusHistory = [{ ...current.statusHistory[0]!, on: patch.plannedOn }, ...current.statusHistory.slice(1)];
  }

  const items: TransactItem[] = [
    {
      Update: {
        Key: supervisionKeys.plan(ctx.tenant, planId),
        UpdateExpression: `SET ${set.join(', ')}${remove.length ? ` REMOVE ${remove.join(', ')}` : ''}`,
        // The recommendation count is part of the condition so a recommendation added meanwhile
        // (with the old topic copied onto it) makes this edit retry instead of leaving it stale.
        ConditionExpression: 'attribute_exists(PK) AND #version = :expectedVersion AND #status <> :closed AND #recs = :recs',
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
      },
    },
  ];
  if (fields.topic !== current.topic) {
    for (let no = 1; no <= current.recommendationCount; no++) {
      items.push({
        Update: {
          Key: supervisionKeys.recommendation(ctx.tenant, planId, no),
          UpdateExpression: 'SET planTopic = :topic',
          ConditionExpression: 'attribute_exists(PK)',
          ExpressionAttributeValues: { ':topic': fields.topic },
        },
      });
    }
  }
  items.push(auditPut({ tenant: ctx.tenant, actor: ctx.actor, entity: AUDIT_ENTITY, entityId: planId, action: 'update', before: current, after, at: ctx.now }));
  items.push(...reportDue(ctx.tenant, after));
  await commit(ctx, items, [{ kind: 'plan-edited', planId, status: current.status, startBefore: current.period.from, start: fields.period.from }]);
  return { plan: summarizePlan(after, vietnamToday(ctx.now)) };
}
