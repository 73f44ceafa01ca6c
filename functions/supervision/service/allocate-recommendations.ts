import { recommendationDue } from '../../reminders/due-entries.js';
import { vietnamToday } from '../../../shared/dates.js';
import { supervisionKeys } from '../../../shared/keys.js';
import { planStatusLabels } from '../../../shared/supervision/labels.js';
import { statusesAcceptingFindings, supervisionStartedOn } from '../../../shared/supervision/rules.js';
import { MAX_RECOMMENDATIONS_PER_PLAN, type FindingInput, type RecommendationInput } from '../../../shared/supervision/schema.js';
import { notFound } from '../../auth/tenant-scope.js';
import { auditPut } from '../../audit/record.js';
import type { SupervisionChange } from '../../rollups/supervision.js';
import type { RecordResult } from '../../store/idempotency.js';
import type { TransactItem } from '../../store/metered-store.js';
import { staleVersion } from '../../store/versioning.js';
import { newFindingItem, newRecommendationItem, toFinding, toRecommendation } from '../items.js';
import { readPlan } from '../repository.js';
import { tryCommit } from './commit.js';
import { AUDIT_ENTITY, checkHappenedOn, conflict, findingAuditId, invalid, recommendationAuditId, type OpContext } from './context.js';

const MAX_ALLOCATION_ATTEMPTS = 3;

export type Allocation = {
  finding: Omit<FindingInput, 'recommendations'> | null;
  findingNo?: number;
  recommendations: RecommendationInput[];
  /** Where recommendation i's fields are in the request body (for problems naming a field). */
  field: (i: number, name: string) => string;
};

/**
 * The transaction behind adding a finding or a recommendation: recommendations (and, for a new
 * finding, the finding itself) get the next numbers of the plan. Numbers come from counters on the
 * plan header, taken under a condition; when another writer took them first the allocation is
 * retried with fresh numbers, then answered 409.
 */
export async function allocateAndWrite(ctx: OpContext, planId: string, opts: Allocation, record: RecordResult) {
  for (let attempt = 1; ; attempt++) {
    const plan = await readPlan(ctx.store, ctx.tenant, planId);
    if (!statusesAcceptingFindings.includes(plan.status)) {
      throw conflict(
        `Chỉ ghi nhận kết quả, kiến nghị khi kế hoạch đang giám sát hoặc đã báo cáo (hiện: "${planStatusLabels[plan.status].vi}")`,
        `Findings and recommendations are recorded while the plan is in progress or reported (now: "${planStatusLabels[plan.status].en}")`,
      );
    }
    const findingNo = opts.finding ? plan.findingCount + 1 : opts.findingNo!;
    if (!opts.finding && (findingNo < 1 || findingNo > plan.findingCount)) throw notFound();
    const n = opts.recommendations.length;
    if (plan.recommendationCount + n > MAX_RECOMMENDATIONS_PER_PLAN) {
      throw invalid(
        'recommendations',
        `Mỗi kế hoạch có tối đa ${MAX_RECOMMENDATIONS_PER_PLAN} kiến nghị (đã có ${plan.recommendationCount})`,
        `A plan holds at most ${MAX_RECOMMENDATIONS_PER_PLAN} recommendations (it has ${plan.recommendationCount})`,
      );
    }
    const today = vietnamToday(ctx.now);
    const started = supervisionStartedOn(plan);
    opts.recommendations.forEach((r, i) => {
      if (r.madeOn) {
        checkHappenedOn(opts.field(i, 'madeOn'), r.madeOn, today, started, {
          vi: 'Kiến nghị không được đưa ra trước ngày bắt đầu giám sát',
          en: 'A recommendation must not be dated before the supervision began',
        });
      }
    });
    const recItems = opts.recommendations.map((r, i) =>
      newRecommendationItem(ctx.tenant, plan, findingNo, plan.recommendationCount + 1 + i, r, ctx.actor, ctx.now, r.madeOn ?? today),
    );
    const findingItem = opts.finding ? newFindingItem(ctx.tenant, planId, findingNo, opts.finding, ctx.actor, ctx.now) : null;
    const recs = recItems.map(toRecommendation);
    const body = { ...(findingItem ? { finding: toFinding(findingItem) } : {}), recommendations: recs };

    const items: TransactItem[] = [
      {
        Update: {
          Key: supervisionKeys.plan(ctx.tenant, planId),
          UpdateExpression: 'SET findingCount = :f, recommendationCount = :r ADD openRecommendations :n',
          ConditionExpression: 'findingCount = :f0 AND recommendationCount = :r0 AND #topic = :topic AND #status IN (:s1, :s2)',
          ExpressionAttributeNames: { '#status': 'status', '#topic': 'topic' },
          ExpressionAttributeValues: {
            ':f': findingItem ? findingNo : plan.findingCount,
            ':r': plan.recommendationCount + n,
            ':n': n,
            ':f0': plan.findingCount,
            ':r0': plan.recommendationCount,
            ':topic': plan.topic,
            ':s1': statusesAcceptingFindings[0],
            ':s2': statusesAcceptingFindings[1],
          },
        },
      },
    ];
    if (findingItem) {
      items.push({ Put: { Item: findingItem, ConditionExpression: 'attribute_not_exists(PK)' } });
      items.push(
        auditPut({
          tenant: ctx.tenant,
          actor: ctx.actor,
          entity: AUDIT_ENTITY,
          entityId: findingAuditId(planId, findingNo),
          action: 'create',
          after: toFinding(findingItem),
          at: ctx.now,
        }),
      );
    }
    for (const [i, item] of recItems.entries()) {
      items.push({ Put: { Item: item, ConditionExpression: 'attribute_not_exists(PK)' } });
      items.push(
        auditPut({
          tenant: ctx.tenant,
          actor: ctx.actor,
          entity: AUDIT_ENTITY,
          entityId: recommendationAuditId(planId, recs[i]!.no),
          action: 'create',
          after: recs[i]!,
          at: ctx.now,
        }),
      );
    }
    items.push(...record(201, body), ...recs.flatMap((r) => recommendationDue(ctx.tenant, r)));
    const changes: SupervisionChange[] = [
      ...(findingItem ? [{ kind: 'finding-added' as const, planId, no: findingNo }] : []),
      ...recs.map((r) => ({ kind: 'recommendation-added' as const, planId, no: r.no, deadline: r.deadline })),
    ];
    if (await tryCommit(ctx, items, changes)) return { status: 201, body };
    if (attempt >= MAX_ALLOCATION_ATTEMPTS) throw staleVersion();
  }
}
