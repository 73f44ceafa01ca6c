import { vietnamToday } from '../../../shared/dates.js';
import { supervisionKeys } from '../../../shared/keys.js';
import type { FieldError } from '../../../shared/problem.js';
import { planStatusLabels, recommendationStatusLabels } from '../../../shared/supervision/labels.js';
import { boardState, canMoveRecommendation, statusesAcceptingFindings } from '../../../shared/supervision/rules.js';
import { MAX_RECOMMENDATIONS_PER_PLAN, type Recommendation, type RecommendationStatus } from '../../../shared/supervision/schema.js';
import { auditPut } from '../../audit/record.js';
import { ProblemError } from '../../http/problem.js';
import { recommendationDue } from '../../reminders/due-entries.js';
import type { SupervisionChange } from '../../rollups/supervision.js';
import type { TransactItem } from '../../store/metered-store.js';
import { ENTITY, newRecommendationItem, toRecommendation } from '../items.js';
import { readPlan } from '../repository.js';
import { commit } from './commit.js';
import { AUDIT_ENTITY, recommendationAuditId, statusStep, type OpContext } from './context.js';
import { recommendationUpdate } from './recommendation-update.js';

/**
 * Many recommendations of one plan changed (and, from a spreadsheet, added) together, all or
 * nothing: a bulk change from the plan page or a spreadsheet import. Each record is conditioned on
 * the version the clerk saw and gets its own audit entry; the plan's counters and the roll-up move
 * once. Three operations per recommendation (the record, its audit entry, its reminder entry) plus
 * the plan header and the roll-up: at most MAX_RECOMMENDATION_CHANGES fit DynamoDB's 100-operation
 * transaction, and more is refused ("split the file") rather than written in several transactions
 * that could half-succeed.
 */

export const MAX_RECOMMENDATION_CHANGES = 32;

export type RecommendationSet = { content?: string; responsibleUnit?: string; deadline?: string; status?: RecommendationStatus };

export type RecommendationChange = {
  /** Where the change came from, for the messages: "Dòng 3" / "Row 3" (sheet) or none (bulk). */
  where: { vi: string; en: string; field: string } | null;
  no: number;
  /** null: a new recommendation (sheet only). */
  version: number | null;
  /** New recommendations: the finding they belong to. */
  findingNo?: number;
  set: RecommendationSet;
};

export type ChangeResult = { changed: number; recommendations: Recommendation[] };

const short = (s: string) => (s.length > 60 ? `${s.slice(0, 57)}…` : s);

function named(c: RecommendationChange, rec: Recommendation | undefined, field: string, vi: string, en: string): FieldError {
  const who = rec ? `kiến nghị số ${c.no} (“${short(rec.content)}”)` : `kiến nghị số ${c.no}`;
  const whoEn = `recommendation ${c.no}`;
  return {
    field: c.where ? `${c.where.field}.${field}` : `recommendations.${c.no}.${field}`,
    in: 'body',
    code: 'invalid',
    message_vi: c.where ? `${c.where.vi} (${who}): ${vi}` : `${who[0]!.toUpperCase()}${who.slice(1)}: ${vi}`,
    message_en: c.where ? `${c.where.en} (${whoEn}): ${en}` : `Recommendation ${c.no}: ${en}`,
  };
}

/** The fields a change really changes against the current record (none: the change is a no-op). */
export function changedFields(set: RecommendationSet, cur: Recommendation): (keyof RecommendationSet)[] {
  return (['content', 'responsibleUnit', 'deadline', 'status'] as const).filter((k) => set[k] !== undefined && set[k] !== cur[k]);
}

export async function changeRecommendations(
  ctx: OpContext,
  planId: string,
  all: RecommendationChange[],
  opts: { on?: string; note?: string; source: 'sheet' | 'bulk' },
): Promise<ChangeResult> {
  const plan = await readPlan(ctx.store, ctx.tenant, planId);
  const stored = await ctx.store.queryAll({
    KeyConditionExpression: 'PK = :pk AND begins_with(SK, :rec)',
    ExpressionAttributeValues: { ':pk': supervisionKeys.partition(ctx.tenant, planId).PK, ':rec': 'REC#' },
    ConsistentRead: true,
  });
  const byNo = new Map(stored.filter((i) => i.entity === ENTITY.recommendation).map((i) => [Number(i.no), toRecommendation(i)]));
  const unknown = all.filter((c) => c.version !== null && !byNo.has(c.no));
  if (unknown.length) {
    throw new ProblemError(
      'validation',
      { vi: 'Có kiến nghị không thuộc kế hoạch này', en: 'Some recommendations are not in this plan' },
      unknown.map((c) => named(c, undefined, 'no', 'không có trong kế hoạch này', 'not in this plan')),
    );
  }
  const changes = all.filter((c) => c.version === null || changedFields(c.set, byNo.get(c.no)!).length > 0);
  if (!changes.length) return { changed: 0, recommendations: [] };

  // Changed meanwhile: the version the clerk saw (the list, the file) is no longer the record's.
  const stale = changes.filter((c) => c.version !== null && byNo.get(c.no)!.version !== c.version);
  if (stale.length) {
    const list = stale.map((c) => `${c.no} (“${short(byNo.get(c.no)!.content)}”)`).join(', ');
    throw new ProblemError(
      'conflict',
      {
        vi: `Kiến nghị ${list} đã được người khác sửa trong lúc này: hãy tải lại`,
        en: `Recommendations ${stale.map((c) => c.no).join(', ')} changed meanwhile: reload`,
      },
      stale.map((c) => named(c, byNo.get(c.no), 'version', 'đã được người khác sửa trong lúc này', 'was changed by someone else meanwhile')),
    );
  }

  const errors: FieldError[] = [];
  const creates = changes.filter((c) => c.version === null).sort((a, b) => a.no - b.no);
  if (creates.length && !statusesAcceptingFindings.includes(plan.status)) {
    errors.push(
      named(
        creates[0]!,
        undefined,
        'no',
        `chỉ thêm kiến nghị khi kế hoạch đang giám sát hoặc đã báo cáo (hiện: “${planStatusLabels[plan.status].vi}”)`,
        `recommendations are added while the plan is in progress or reported (now: “${planStatusLabels[plan.status].en}”)`,
      ),
    );
  }
  creates.forEach((c, i) => {
    const expected = plan.recommendationCount + 1 + i;
    if (c.no !== expected) errors.push(named(c, undefined, 'no', `số thứ tự mới phải là ${expected}`, `a new number must be ${expected}`));
    if (!c.findingNo || c.findingNo > plan.findingCount)
      errors.push(named(c, undefined, 'findingNo', `kế hoạch không có kết quả giám sát số ${c.findingNo ?? ''}`.trim(), 'no such finding in this plan'));
    if (c.set.status && c.set.status !== 'open')
      errors.push(named(c, undefined, 'status', 'kiến nghị mới ở trạng thái “Chưa trả lời”', 'a new recommendation is open'));
  });
  if (plan.recommendationCount + creates.length > MAX_RECOMMENDATIONS_PER_PLAN) {
    errors.push(
      named(
        creates[0]!,
        undefined,
        'no',
        `mỗi kế hoạch có tối đa ${MAX_RECOMMENDATIONS_PER_PLAN} kiến nghị`,
        `a plan holds at most ${MAX_RECOMMENDATIONS_PER_PLAN}`,
      ),
    );
  }
  for (const c of changes.filter((x) => x.version !== null)) {
    const rec = byNo.get(c.no)!;
    if (rec.status === 'resolved') {
      errors.push(named(c, rec, 'status', 'đã giải quyết xong, không sửa được', 'is resolved and cannot change'));
      continue;
    }
    const to = c.set.status;
    if (to !== undefined && to !== rec.status && !canMoveRecommendation(rec.status, to)) {
      errors.push(
        named(
          c,
          rec,
          'status',
          rec.status === 'open'
            ? 'chưa có trả lời của đơn vị chịu trách nhiệm (ghi nhận trả lời trước)'
            : `không chuyển được từ “${recommendationStatusLabels[rec.status].vi}” sang “${recommendationStatusLabels[to].vi}”`,
          rec.status === 'open'
            ? 'the responsible unit has not answered yet'
            : `cannot move from “${recommendationStatusLabels[rec.status].en}” to “${recommendationStatusLabels[to].en}”`,
        ),
      );
    }
  }
  if (errors.length) {
    throw new ProblemError(
      'validation',
      { vi: `${errors.length} lỗi: không có gì được lưu`, en: `${errors.length} error(s): nothing was saved` },
      errors.slice(0, 200),
    );
  }
  if (changes.length > MAX_RECOMMENDATION_CHANGES) {
    const vi = `Tối đa ${MAX_RECOMMENDATION_CHANGES} kiến nghị thay đổi trong một lần (${changes.length}): hãy chia ${opts.source === 'sheet' ? 'tệp' : 'lựa chọn'}`;
    const en = `At most ${MAX_RECOMMENDATION_CHANGES} recommendations change at once (${changes.length}): split the ${opts.source === 'sheet' ? 'file' : 'selection'}`;
    throw new ProblemError('validation', { vi, en }, [{ field: 'recommendations', in: 'body', code: 'too_many', message_vi: vi, message_en: en }]);
  }

  const tx: TransactItem[] = [];
  const rollup: SupervisionChange[] = [];
  const after: Recommendation[] = [];
  let leaving = 0;
  for (const c of changes.filter((x) => x.version !== null)) {
    const rec = byNo.get(c.no)!;
    const fields = changedFields(c.set, rec);
    const set: Record<string, unknown> = {};
    for (const f of fields) if (f !== 'status') set[f] = c.set[f];
    let append: unknown[] | undefined;
    const to = fields.includes('status') ? c.set.status! : null;
    if (to) {
      // Dated no earlier than the recommendation's last step, as a single move is.
      const previousOn = rec.history.at(-1)?.on ?? null;
      const step = statusStep(ctx, to, { on: opts.on, note: opts.note ?? (opts.source === 'sheet' ? 'Nhập từ bảng tính' : 'Thay đổi hàng loạt') }, previousOn);
      set.status = to;
      if (to === 'resolved') set.resolvedOn = step.on;
      append = [step.entry];
    }
    const next = {
      ...rec,
      ...set,
      history: append ? [...rec.history, ...(append as Recommendation['history'])] : rec.history,
      version: rec.version + 1,
      updatedAt: ctx.now.toISOString(),
    } as Recommendation;
    tx.push(
      recommendationUpdate(ctx, rec, rec.version, set, append ? { append } : {}),
      auditPut({
        tenant: ctx.tenant,
        actor: ctx.actor,
        entity: AUDIT_ENTITY,
        entityId: recommendationAuditId(planId, c.no),
        action: 'update',
        before: rec,
        after: next,
        at: ctx.now,
      }),
      ...recommendationDue(ctx.tenant, next),
    );
    if (next.deadline !== rec.deadline)
      rollup.push({ kind: 'recommendation-edited', planId, no: c.no, status: rec.status, deadlineBefore: rec.deadline, deadline: next.deadline });
    if (to) {
      rollup.push({ kind: 'recommendation-moved', planId, no: c.no, from: rec.status, to, deadline: next.deadline });
      if (boardState(to) !== boardState(rec.status)) leaving++;
    }
    after.push(next);
  }
  const today = vietnamToday(ctx.now);
  for (const c of creates) {
    const item = newRecommendationItem(
      ctx.tenant,
      plan,
      c.findingNo!,
      c.no,
      { content: c.set.content ?? '', responsibleUnit: c.set.responsibleUnit ?? '', deadline: c.set.deadline ?? today },
      ctx.actor,
      ctx.now,
      today,
    );
    const rec = toRecommendation(item);
    tx.push(
      { Put: { Item: item, ConditionExpression: 'attribute_not_exists(PK)' } },
      auditPut({
        tenant: ctx.tenant,
        actor: ctx.actor,
        entity: AUDIT_ENTITY,
        entityId: recommendationAuditId(planId, c.no),
        action: 'create',
        after: rec,
        at: ctx.now,
      }),
      ...recommendationDue(ctx.tenant, rec),
    );
    rollup.push({ kind: 'recommendation-added', planId, no: c.no, deadline: rec.deadline });
    after.push(rec);
  }
  // The plan header: new numbers are taken under its counters; the open count moves with the records.
  const delta = creates.length - leaving;
  if (creates.length || delta) {
    tx.push({
      Update: {
        Key: supervisionKeys.plan(ctx.tenant, planId),
        UpdateExpression: creates.length ? 'SET recommendationCount = :r ADD openRecommendations :d' : 'ADD openRecommendations :d',
        ConditionExpression: creates.length
          ? 'attribute_exists(PK) AND recommendationCount = :r0 AND #status IN (:s1, :s2)'
          : 'attribute_exists(PK) AND openRecommendations >= :leaving',
        ...(creates.length ? { ExpressionAttributeNames: { '#status': 'status' } } : {}),
        ExpressionAttributeValues: creates.length
          ? {
              ':r': plan.recommendationCount + creates.length,
              ':d': delta,
              ':r0': plan.recommendationCount,
              ':s1': statusesAcceptingFindings[0],
              ':s2': statusesAcceptingFindings[1],
            }
          : { ':d': delta, ':leaving': leaving },
      },
    });
  }
  await commit(ctx, tx, rollup);
  return { changed: changes.length, recommendations: after.sort((a, b) => a.no - b.no) };
}
