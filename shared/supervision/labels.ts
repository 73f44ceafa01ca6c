import type { Text } from '../text.js';
import * as catalog from './labels.json';
import type { FindingKind, OwnerBody, PlanStatus, PlanType, RecommendationStatus, SupervisionMethod } from './schema.js';

/**
 * Vietnamese and English names of the supervision vocabularies (DESIGN.md glossary), kept in
 * ./labels.json; each table is typed by its vocabulary here, so a missing word fails the type check.
 */
export const ownerBodyLabels: Record<OwnerBody, Text> = catalog.ownerBody;
export const planTypeLabels: Record<PlanType, Text> = catalog.planType;
export const planStatusLabels: Record<PlanStatus, Text> = catalog.planStatus;
/** Button text for moving a plan into a status. */
export const planStatusActions: Record<PlanStatus, Text> = catalog.planStatusAction;
export const methodLabels: Record<SupervisionMethod, Text> = catalog.method;
export const findingKindLabels: Record<FindingKind, Text> = catalog.findingKind;
export const recommendationStatusLabels: Record<RecommendationStatus, Text> = catalog.recommendationStatus;
export const overdueLabel: Text = catalog.overdue;
