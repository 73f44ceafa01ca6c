import { problemSchema, type Problem } from '../../shared/problem.js';
import { lang } from './i18n.js';
import { session } from './session.js';

/** A failed API call, carrying the server's problem+json (bilingual, with field errors). */
export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.title);
  }
  /** The message in the current UI language. */
  get text(): string {
    const p = this.problem;
    const head = lang() === 'vi' ? (p.detail_vi ?? p.title_vi) : (p.detail ?? p.title);
    const fields = (p.errors ?? []).map((e) => `${e.field}: ${lang() === 'vi' ? e.message_vi : e.message_en}`);
    return [head, ...fields].join('\n');
  }
}

export async function api<T>(path: string, init: RequestInit = {}): Promise<T> {
  const headers = new Headers(init.headers);
  const token = session()?.token;
  if (token && !headers.has('authorization')) headers.set('authorization', `Bearer ${token}`);
  if (init.body && !headers.has('content-type')) headers.set('content-type', 'application/json');
  let res: Response;
  try {
    res = await fetch(path, { ...init, headers });
  } catch {
    throw new ApiError({
      type: 'urn:phoi-hop:problem:network',
      status: 0,
      title: 'Cannot reach the server',
      title_vi: 'Không kết nối được máy chủ',
    });
  }
  if (res.ok) return (await res.json()) as T;
  const body = await res.json().catch(() => null);
  const parsed = problemSchema.safeParse(body);
  throw new ApiError(parsed.success ? parsed.data : { type: 'about:blank', status: res.status, title: res.statusText, title_vi: `Lỗi ${res.status}` });
}
