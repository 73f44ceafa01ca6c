import { recommendationDue } from '../../reminders/due-entries.js';
import { vietnamToday } from '../../../shared/dates.js';
import { newId } from '../../../shared/ids.js';
import { lastStepOn, recommendationMadeOn, statusAfterResponse } from '../../../shared/supervision/rules.js';
import type { Recommendation, ResponseInput } from '../../../shared/supervision/schema.js';
import { auditPut } from '../../audit/record.js';
import { by, newResponseItem, toResponse } from '../items.js';
import { readRecommendation } from '../repository.js';
import { commit } from './commit.js';
import { AUDIT_ENTITY, checkVersion, checkHappenedOn, conflict, idempotent, recommendationAuditId, type Idem, type OpContext } from './context.js';
import { recommendationUpdate } from './recommendation-update.js';

export type ResponseFields = Omit<ResponseInput, 'version'> & { attachments: NonNullable<ResponseInput['attachments']> };

/** Records the responsible unit's answer (with date and attachments); the first answer moves `open` to `answered`. */
export async function recordResponse(ctx: OpContext, planId: string, no: number, input: ResponseFields, expected: number, idem: Idem) {
  return idempotent(ctx, idem, async (record) => {
    const rec = await readRecommendation(ctx.store, ctx.tenant, planId, no);
    checkVersion(rec.version, expected);
    const next = statusAfterResponse(rec.status);
    if (!next) throw conflict('Kiến nghị đã giải quyết xong, không nhận thêm trả lời', 'The recommendation is resolved; no more responses');
    // An answer is not dated before the recommendation was made; the first answer (which moves the
    // recommendation to `answered`) nor before its last step, e.g. the day it was sent back.
    const notBefore = next !== rec.status ? lastStepOn(rec.history) : recommendationMadeOn(rec);
    checkHappenedOn('respondedOn', input.respondedOn, vietnamToday(ctx.now), notBefore, {
      vi: next !== rec.status ? 'Ngày trả lời không được trước bước trước đó của kiến nghị' : 'Ngày trả lời không được trước ngày đưa ra kiến nghị',
      en:
        next !== rec.status
          ? 'The answer must not be dated before the recommendation’s previous step'
          : 'The answer must not be dated before the recommendation was made',
    });
    const responseItem = newResponseItem(
      ctx.tenant,
      planId,
      no,
      newId(ctx.now),
      { respondedOn: input.respondedOn, respondent: input.respondent ?? rec.responsibleUnit, content: input.content, attachments: input.attachments },
      ctx.actor,
      ctx.now,
    );
    const response = toResponse(responseItem);
    const lastResponseOn = rec.lastResponseOn && rec.lastResponseOn > input.respondedOn ? rec.lastResponseOn : input.respondedOn;
    const at = ctx.now.toISOString();
    const entry = next !== rec.status ? [{ status: next, on: input.respondedOn, at, by: by(ctx.actor) }] : undefined;
    const after: Recommendation = {
      ...rec,
      status: next,
      lastResponseOn,
      responseCount: rec.responseCount + 1,
      history: [...rec.history, ...(entry ?? [])],
      version: expected + 1,
      updatedAt: at,
    };
    const { id, respondedOn, respondent, content, attachments, createdAt } = response;
    const body = { recommendation: after, response: { id, respondedOn, respondent, content, attachments, createdAt } };
    await commit(
      ctx,
      [
        recommendationUpdate(ctx, rec, expected, { status: next, lastResponseOn }, { append: entry, addResponses: 1 }),
        { Put: { Item: responseItem, ConditionExpression: 'attribute_not_exists(PK)' } },
        auditPut({
          tenant: ctx.tenant,
          actor: ctx.actor,
          entity: AUDIT_ENTITY,
          entityId: `${recommendationAuditId(planId, no)}/${response.id}`,
          action: 'create',
          before: { status: rec.status, responseCount: rec.responseCount },
          after: { status: next, responseCount: after.responseCount, response: body.response },
          at: ctx.now,
        }),
        ...record(201, body),
        ...recommendationDue(ctx.tenant, after),
      ],
      [{ kind: 'recommendation-answered', planId, no, from: rec.status, to: next, deadline: rec.deadline }],
    );
    return { status: 201, body };
  });
}
