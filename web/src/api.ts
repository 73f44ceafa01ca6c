// Types only: zod's code loads with the pages (and schemas) that parse, never with the sign-in page.
import type * as z from 'zod';
import type { FieldError, Problem } from '../../shared/problem.js';
import { lang } from './i18n.js';
import { recoverSession, session } from './session.js';

/** A failed API call, carrying the server's problem+json (bilingual, with field errors). */
export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.title);
  }
  /** The stable problem type, e.g. `urn:phoi-hop:problem:conflict`: branch on it, never on text. */
  get type(): string {
    return this.problem.type;
  }
  get status(): number {
    return this.problem.status;
  }
  /** Errors per field (dotted path, e.g. `items.0.title`); empty when the problem names none. */
  get fieldErrors(): readonly FieldError[] {
    return this.problem.errors ?? [];
  }
  /** The message for one field in the current UI language, if the server named that field. */
  fieldError(field: string): string | undefined {
    const e = this.fieldErrors.find((f) => f.field === field);
    return e && (lang() === 'vi' ? e.message_vi : e.message_en);
  }
  /** The message in the current UI language. */
  get text(): string {
    const p = this.problem;
    const head = lang() === 'vi' ? (p.detail_vi ?? p.title_vi) : (p.detail ?? p.title);
    const fields = this.fieldErrors.map((e) => (lang() === 'vi' ? e.message_vi : e.message_en)).filter((m) => m !== head);
    return [head, ...new Set(fields)].join('\n');
  }
}

const networkProblem: Problem = {
  type: 'urn:phoi-hop:problem:network',
  status: 0,
  title: 'Cannot reach the server',
  title_vi: 'Không kết nối được máy chủ',
};

/** Sends a request with the session's token; resolves with the response when it is 2xx, else throws ApiError. */
async function send(path: string, init: RequestInit = {}, retried = false): Promise<Response> {
  const headers = new Headers(init.headers);
  const ownToken = headers.has('authorization');
  const token = session()?.token;
  if (token && !ownToken) headers.set('authorization', `Bearer ${token}`);
  if (init.body && !headers.has('content-type')) headers.set('content-type', 'application/json');
  let res: Response;
  try {
    res = await fetch(path, { ...init, headers });
  } catch {
    throw new ApiError(networkProblem);
  }
  if (res.ok) return res;
  // The session's token expired or was revoked: renew it (or let the user sign in again over the
  // page) and send the same request once more, so a save is not lost.
  if (res.status === 401 && token && !ownToken && !retried && (await recoverSession())) return send(path, init, true);
  throw await problemFrom(res);
}

/**
 * The error of a non-2xx response: its problem+json, parsed with the shared schema (loaded on the
 * first error, so a page that never fails never loads zod for it), else a problem made from the status.
 */
export async function problemFrom(res: Response): Promise<ApiError> {
  const body: unknown = await res.json().catch(() => null);
  const { problemSchema } = await import('../../shared/problem-schema.js');
  const parsed = problemSchema.safeParse(body);
  return new ApiError(
    parsed.success ? parsed.data : { type: 'about:blank', status: res.status, title: res.statusText || `Error ${res.status}`, title_vi: `Lỗi ${res.status}` },
  );
}

/** A 2xx body that does not match the schema the page expects: a bug between API and web, said plainly. */
function unexpectedResponse(path: string, status: number, issues: readonly z.core.$ZodIssue[]): ApiError {
  return new ApiError({
    type: 'urn:phoi-hop:problem:unexpected-response',
    status,
    title: `Unexpected response from ${path}`,
    title_vi: `Máy chủ trả về dữ liệu không đúng dạng (${path})`,
    errors: issues.map((issue) => ({
      field: issue.path.map(String).join('.'),
      in: 'body',
      code: issue.code,
      message_vi: issue.message,
      message_en: issue.message,
    })),
  });
}

async function parsed<S extends z.ZodType>(path: string, init: RequestInit, schema: S): Promise<z.output<S>> {
  const res = await send(path, init);
  const body: unknown = res.status === 204 ? undefined : await res.json().catch(() => undefined);
  const result = schema.safeParse(body);
  if (!result.success) throw unexpectedResponse(path, res.status, result.error.issues);
  return result.data;
}

const withBody = (method: string, body: unknown, init: RequestInit): RequestInit => ({
  ...init,
  method,
  ...(body === undefined ? {} : { body: JSON.stringify(body) }),
});

/**
 * The API, every response checked: `api.get(path, schema)`, `api.post(path, body, schema)`, … parse
 * the body with a shared zod schema (a mismatch is an `unexpected-response` error, not a silent cast);
 * `api.send(path, init)` is for writes whose answer the page does not read (it reloads instead).
 */
export const api = {
  /** GET, the response parsed with `schema` (a shared zod schema, or an envelope around one). */
  get: <S extends z.ZodType>(path: string, schema: S, init: RequestInit = {}): Promise<z.output<S>> => parsed(path, { ...init, method: 'GET' }, schema),
  /** POST a JSON body; the response parsed with `schema`. */
  post: <S extends z.ZodType>(path: string, body: unknown, schema: S, init: RequestInit = {}): Promise<z.output<S>> =>
    parsed(path, withBody('POST', body, init), schema),
  /** PUT a JSON body; the response parsed with `schema`. */
  put: <S extends z.ZodType>(path: string, body: unknown, schema: S, init: RequestInit = {}): Promise<z.output<S>> =>
    parsed(path, withBody('PUT', body, init), schema),
  /** PATCH a JSON body; the response parsed with `schema`. */
  patch: <S extends z.ZodType>(path: string, body: unknown, schema: S, init: RequestInit = {}): Promise<z.output<S>> =>
    parsed(path, withBody('PATCH', body, init), schema),
  /** DELETE; the response (often empty) parsed with `schema`. */
  delete: <S extends z.ZodType>(path: string, schema: S, init: RequestInit = {}): Promise<z.output<S>> => parsed(path, { ...init, method: 'DELETE' }, schema),
  /** A file (a .docx, a CSV) as the raw 2xx response, with the session's token renewed like any call. */
  file: (path: string, init: RequestInit = {}): Promise<Response> => send(path, init),
  /** A write whose answer the page does not read: resolves when the API accepted it (2xx). */
  send: async (path: string, init: RequestInit = {}): Promise<true> => {
    await send(path, init);
    return true;
  },
};
