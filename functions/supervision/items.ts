import { supervisionKeys, tenantPrefix, type TenantRef } from '../../shared/keys.js';
import { foldVietnamese } from '../../shared/format.js';
import type { Identity } from '../../shared/identity.js';
import { ownerBodyLabels } from '../../shared/supervision/labels.js';
import { boardState } from '../../shared/supervision/rules.js';
import type {
  Finding,
  FindingInput,
  Plan,
  PlanFields,
  PlanStatus,
  Recommendation,
  RecommendationInput,
  RecommendationResponse,
  RecommendationStatus,
} from '../../shared/supervision/schema.js';

/**
 * Item shapes of the supervision partition and their mapping to the shared records. The service,
 * the repository and the demo seed build and read items only through these functions.
 */

export const ENTITY = {
  plan: 'supervision-plan',
  finding: 'supervision-finding',
  recommendation: 'supervision-recommendation',
  response: 'supervision-response',
} as const;

export type Actor = Pick<Identity, 'userId' | 'name'>;
export const by = (a: Actor) => ({ userId: a.userId, ...(a.name ? { name: a.name } : {}) });

/** Folded text the plan list searches (topic, owner, units, sessions' units, team). */
export function planSearchText(f: PlanFields): string {
  return foldVietnamese(
    [
      f.topic,
      ownerBodyLabels[f.owner.body].vi,
      f.owner.name ?? '',
      ...f.supervisedUnits,
      ...f.sessions.map((s) => s.unit),
      f.team.leader.name,
      ...f.team.members.map((m) => m.name),
    ].join(' '),
  );
}

/** The plan fields a PATCH may set, in a stable order (the UpdateExpression is built from it). */
export const editablePlanFields = [
  'owner',
  'type',
  'topic',
  'supervisedUnits',
  'period',
  'sessions',
  'team',
  'methods',
  'methodNote',
  'agreementRef',
  'note',
] as const satisfies readonly (keyof PlanFields)[];

/** A new plan item: `planned` on `plannedOn` (the day it was made; today unless a past plan is entered), recorded at `now`. */
export function newPlanItem(t: TenantRef, id: string, fields: PlanFields, actor: Actor, now: Date, plannedOn: string, opts: { demo?: boolean } = {}) {
  const at = now.toISOString();
  const status: PlanStatus = 'planned';
  const plan: Plan = {
    ...fields,
    id,
    status,
    statusHistory: [{ status, on: plannedOn, at, by: by(actor) }],
    openRecommendations: 0,
    findingCount: 0,
    recommendationCount: 0,
    version: 1,
    createdAt: at,
    updatedAt: at,
    ...(opts.demo ? { demo: true } : {}),
  };
  return {
    ...supervisionKeys.plan(t, id),
    ...supervisionKeys.planListEntry(t, status, fields.period.from, id),
    entity: ENTITY.plan,
    tenant: tenantPrefix(t),
    searchText: planSearchText(fields),
    createdBy: by(actor),
    ...plan,
  };
}

const KEY_ATTRS = ['PK', 'SK', 'GSI1PK', 'GSI1SK', 'GSI2PK', 'GSI2SK', 'entity', 'tenant', 'searchText', 'createdBy', 'updatedBy'];

function strip(item: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(item)) if (!KEY_ATTRS.includes(k)) out[k] = v;
  return out;
}

export const toPlan = (item: Record<string, unknown>) => strip(item) as Plan;
export const toFinding = (item: Record<string, unknown>) => strip(item) as Finding;
export const toRecommendation = (item: Record<string, unknown>) => strip(item) as Recommendation;
export const toResponse = (item: Record<string, unknown>) => strip(item) as RecommendationResponse & { recNo: number; planId: string };

export function newFindingItem(t: TenantRef, planId: string, no: number, input: Omit<FindingInput, 'recommendations'>, actor: Actor, now: Date) {
  const finding: Finding = {
    planId,
    no,
    kind: input.kind,
    title: input.title,
    ...(input.detail ? { detail: input.detail } : {}),
    createdAt: now.toISOString(),
    version: 1,
  };
  return { ...supervisionKeys.finding(t, planId, no), entity: ENTITY.finding, tenant: tenantPrefix(t), createdBy: by(actor), ...finding };
}

export function recommendationIndexKeys(t: TenantRef, rec: { status: RecommendationStatus; deadline: string; planId: string; no: number }) {
  return supervisionKeys.recommendationIndex(t, boardState(rec.status), rec.deadline, rec.planId, rec.no);
}

export function newRecommendationItem(
  t: TenantRef,
  plan: { id: string; topic: string },
  findingNo: number,
  no: number,
  input: RecommendationInput,
  actor: Actor,
  now: Date,
  madeOn: string,
) {
  const at = now.toISOString();
  const rec: Recommendation = {
    planId: plan.id,
    planTopic: plan.topic,
    no,
    findingNo,
    content: input.content,
    responsibleUnit: input.responsibleUnit,
    deadline: input.deadline,
    status: 'open',
    history: [{ status: 'open', on: madeOn, at, by: by(actor) }],
    responseCount: 0,
    version: 1,
    createdAt: at,
    updatedAt: at,
  };
  return {
    ...supervisionKeys.recommendation(t, plan.id, no),
    ...recommendationIndexKeys(t, rec),
    entity: ENTITY.recommendation,
    tenant: tenantPrefix(t),
    createdBy: by(actor),
    ...rec,
  };
}

export function newResponseItem(
  t: TenantRef,
  planId: string,
  recNo: number,
  responseId: string,
  input: { respondedOn: string; respondent: string; content: string; attachments: RecommendationResponse['attachments'] },
  actor: Actor,
  now: Date,
) {
  const response: RecommendationResponse = {
    id: responseId,
    respondedOn: input.respondedOn,
    respondent: input.respondent,
    content: input.content,
    attachments: input.attachments,
    createdAt: now.toISOString(),
  };
  return {
    ...supervisionKeys.response(t, planId, recNo, responseId),
    entity: ENTITY.response,
    tenant: tenantPrefix(t),
    planId,
    recNo,
    createdBy: by(actor),
    ...response,
  };
}
