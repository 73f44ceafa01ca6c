import { useSearchParams } from '@solidjs/router';
import type {
  BulkRecommendations,
  FindingInput,
  PlanInput,
  PlanPatch,
  PlanStatus,
  RecommendationInput,
  RecommendationPatch,
  ResponseInput,
} from '../../../shared/supervision/schema.js';
import {
  boardSchema,
  bulkRecommendationsResultSchema,
  findingResultSchema,
  planDetailSchema,
  planListSchema,
  planResultSchema,
  recommendationResultSchema,
} from '../../../shared/supervision/views.js';
import { api } from '../api.js';
import { canWriteHere, withLocality as withLocalityParam } from '../tenancy/locality.jsx';

/** Typed calls to /api/supervision; request bodies are the shared zod types. */

const base = '/api/supervision';
const once = (key: string): RequestInit => ({ headers: { 'idempotency-key': key } });
const q = (params: Record<string, string | number | undefined>) => {
  const s = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') s.set(k, String(v));
  const str = s.toString();
  return str ? `?${str}` : '';
};

/** One key per submitted form: a retried submission cannot create twice. */
export const newIdempotencyKey = () => `web-${crypto.randomUUID()}`;

export const supervisionApi = {
  list: (p: { status?: string; year?: number; q?: string; locality?: string; cursor?: string }) => api.get(`${base}/plans${q(p)}`, planListSchema),
  detail: (id: string, locality?: string) => api.get(`${base}/plans/${id}${q({ locality })}`, planDetailSchema),
  board: (p: { year?: number; q?: string; locality?: string }) => api.get(`${base}/board${q(p)}`, boardSchema),
  create: (body: PlanInput, key: string) => api.post(`${base}/plans`, body, planResultSchema, once(key)),
  update: (id: string, body: PlanPatch) => api.patch(`${base}/plans/${id}`, body, planResultSchema),
  move: (id: string, body: { to: PlanStatus; version: number; on?: string; note?: string }) =>
    api.post(`${base}/plans/${id}/transitions`, body, planResultSchema),
  addFinding: (id: string, body: FindingInput, key: string) => api.post(`${base}/plans/${id}/findings`, body, findingResultSchema, once(key)),
  addRecommendation: (id: string, findingNo: number, body: RecommendationInput, key: string) =>
    api.post(`${base}/plans/${id}/findings/${findingNo}/recommendations`, body, recommendationResultSchema, once(key)),
  updateRecommendation: (id: string, no: number, body: RecommendationPatch) =>
    api.patch(`${base}/plans/${id}/recommendations/${no}`, body, recommendationResultSchema),
  respond: (id: string, no: number, body: ResponseInput, key: string) =>
    api.post(`${base}/plans/${id}/recommendations/${no}/responses`, body, recommendationResultSchema, once(key)),
  bulkRecommendations: (id: string, body: BulkRecommendations) => api.post(`${base}/plans/${id}/recommendations/bulk`, body, bulkRecommendationsResultSchema),
  moveRecommendation: (id: string, no: number, body: { to: 'accepted' | 'resolved' | 'open'; version: number; on?: string; note?: string }) =>
    api.post(`${base}/plans/${id}/recommendations/${no}/transitions`, body, recommendationResultSchema),
};

/** The tenant read through `?locality=` (province drill-down, a commune's predecessor), if any; read-only. */
export function useLocality() {
  const [params, setParams] = useSearchParams<{ locality?: string }>();
  const locality = () => (typeof params.locality === 'string' && params.locality ? params.locality : undefined);
  return { locality, setLocality: (code: string | undefined) => setParams({ locality: code }) };
}

/** May the signed-in user change records here? Not when reading another tenant, nor in closed history. */
export function canWrite(locality: string | undefined): boolean {
  return canWriteHere(locality);
}

export const withLocality = (path: string, locality: string | undefined) => withLocalityParam(path, locality);
