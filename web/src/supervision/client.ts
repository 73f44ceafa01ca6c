import { useSearchParams } from '@solidjs/router';
import type {
  Board,
  FindingInput,
  PlanDetail,
  PlanInput,
  PlanPatch,
  PlanList,
  PlanStatus,
  PlanSummary,
  Recommendation,
  RecommendationInput,
  RecommendationPatch,
  ResponseInput,
} from '../../../shared/supervision/schema.js';
import { api } from '../api.js';
import { canWriteHere, withLocality as withLocalityParam } from '../tenancy/locality.jsx';

/** Typed calls to /api/supervision; request bodies are the shared zod types. */

const base = '/api/supervision';
const json = (method: string, body: unknown, headers: Record<string, string> = {}): RequestInit => ({ method, body: JSON.stringify(body), headers });
const q = (params: Record<string, string | number | undefined>) => {
  const s = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') s.set(k, String(v));
  const str = s.toString();
  return str ? `?${str}` : '';
};

/** One key per submitted form: a retried submission cannot create twice. */
export const newIdempotencyKey = () => `web-${crypto.randomUUID()}`;

export const supervisionApi = {
  list: (p: { status?: string; year?: number; q?: string; locality?: string; cursor?: string }) => api<PlanList>(`${base}/plans${q(p)}`),
  detail: (id: string, locality?: string) => api<PlanDetail>(`${base}/plans/${id}${q({ locality })}`),
  board: (p: { year?: number; q?: string; locality?: string }) => api<Board>(`${base}/board${q(p)}`),
  create: (body: PlanInput, key: string) => api<{ plan: PlanSummary }>(`${base}/plans`, json('POST', body, { 'idempotency-key': key })),
  update: (id: string, body: PlanPatch) => api<{ plan: PlanSummary }>(`${base}/plans/${id}`, json('PATCH', body)),
  move: (id: string, body: { to: PlanStatus; version: number; on?: string; note?: string }) =>
    api<{ plan: PlanSummary }>(`${base}/plans/${id}/transitions`, json('POST', body)),
  addFinding: (id: string, body: FindingInput, key: string) => api<unknown>(`${base}/plans/${id}/findings`, json('POST', body, { 'idempotency-key': key })),
  addRecommendation: (id: string, findingNo: number, body: RecommendationInput, key: string) =>
    api<{ recommendation: Recommendation }>(`${base}/plans/${id}/findings/${findingNo}/recommendations`, json('POST', body, { 'idempotency-key': key })),
  updateRecommendation: (id: string, no: number, body: RecommendationPatch) =>
    api<{ recommendation: Recommendation }>(`${base}/plans/${id}/recommendations/${no}`, json('PATCH', body)),
  respond: (id: string, no: number, body: ResponseInput, key: string) =>
    api<{ recommendation: Recommendation }>(`${base}/plans/${id}/recommendations/${no}/responses`, json('POST', body, { 'idempotency-key': key })),
  moveRecommendation: (id: string, no: number, body: { to: 'accepted' | 'resolved' | 'open'; version: number; on?: string; note?: string }) =>
    api<{ recommendation: Recommendation }>(`${base}/plans/${id}/recommendations/${no}/transitions`, json('POST', body)),
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
