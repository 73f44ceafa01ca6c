import type { TenantRef } from '../keys.js';
import type { PlanStatus, RecommendationStatus } from './schema.js';

/**
 * What a supervision write changed, in terms other capabilities count. Each write in
 * functions/supervision/service/ describes its change with these events; the province roll-up
 * (functions/rollups/supervision.ts) turns them into counter moves in the SAME transaction. The type
 * lives here, below both, so neither folder imports the other's code for it.
 */
export type SupervisionChange =
  | { kind: 'plan-created'; planId: string; status: PlanStatus; start: string }
  | { kind: 'plan-moved'; planId: string; from: PlanStatus; to: PlanStatus }
  | { kind: 'plan-edited'; planId: string; status: PlanStatus; startBefore: string; start: string }
  | { kind: 'finding-added'; planId: string; no: number }
  | { kind: 'recommendation-added'; planId: string; no: number; deadline: string }
  | { kind: 'recommendation-answered'; planId: string; no: number; from: RecommendationStatus; to: RecommendationStatus; deadline: string }
  | { kind: 'recommendation-moved'; planId: string; no: number; from: RecommendationStatus; to: RecommendationStatus; deadline: string }
  | { kind: 'recommendation-edited'; planId: string; no: number; status: RecommendationStatus; deadlineBefore: string; deadline: string };

/** One write's changes, of one tenant, at one instant. */
export type SupervisionChangeSet = { tenant: TenantRef; now: Date; changes: readonly SupervisionChange[] };
