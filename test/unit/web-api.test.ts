import { afterEach, describe, expect, it, vi } from 'vitest';
import * as z from 'zod';
import { makeProblem } from '../../shared/problem.js';
import { api, ApiError } from '../../web/src/api.js';

const json = (status: number, body: unknown, type = 'application/json') => new Response(JSON.stringify(body), { status, headers: { 'content-type': type } });

afterEach(() => vi.unstubAllGlobals());

describe('web api client: responses parsed with the shared schemas', () => {
  const itemSchema = z.object({ id: z.string(), count: z.number().int() });

  it('returns the parsed body, typed by the schema', async () => {
    const fetchMock = vi.fn(async () => json(200, { id: 'a', count: 2, extra: true }));
    vi.stubGlobal('fetch', fetchMock);
    const item = await api.get('/api/x', itemSchema);
    expect(item).toEqual({ id: 'a', count: 2 });
    const [path, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(path).toBe('/api/x');
    expect(init.method).toBe('GET');
  });

  it('sends JSON bodies with their content type', async () => {
    const fetchMock = vi.fn(async () => json(201, { id: 'b', count: 1 }));
    vi.stubGlobal('fetch', fetchMock);
    await api.post('/api/x', { name: 'Tây Hồ' }, itemSchema, { headers: { 'idempotency-key': 'k1' } });
    const [, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    const headers = new Headers(init.headers);
    expect(init.method).toBe('POST');
    expect(init.body).toBe('{"name":"Tây Hồ"}');
    expect(headers.get('content-type')).toBe('application/json');
    expect(headers.get('idempotency-key')).toBe('k1');
  });

  it('refuses a 2xx body that does not match, naming the fields', async () => {
    vi.stubGlobal('fetch', async () => json(200, { id: 'a', count: 'two' }));
    const err = await api.get('/api/x', itemSchema).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).type).toBe('urn:phoi-hop:problem:unexpected-response');
    expect((err as ApiError).fieldErrors.map((f) => f.field)).toEqual(['count']);
  });

  it('turns problem+json into an ApiError with errors per field', async () => {
    const problem = makeProblem('validation', {
      errors: [
        { field: 'contactName', in: 'body', code: 'too_small', message_vi: 'Họ và tên cần ít nhất 2 ký tự', message_en: 'Name needs at least 2 characters' },
      ],
    });
    vi.stubGlobal('fetch', async () => json(400, problem, 'application/problem+json'));
    const err = (await api.post('/api/x', {}, itemSchema).catch((e: unknown) => e)) as ApiError;
    expect(err).toBeInstanceOf(ApiError);
    expect(err.status).toBe(400);
    expect(err.type).toBe('urn:phoi-hop:problem:validation');
    expect(err.fieldError('contactName')).toBe('Họ và tên cần ít nhất 2 ký tự');
    expect(err.fieldError('email')).toBeUndefined();
    // The message says the field in words; its code (contactName) is never shown.
    expect(err.text).toContain('Họ và tên cần ít nhất 2 ký tự');
    expect(err.text).not.toContain('contactName');
  });

  it('makes a problem from the status when the error body is not problem+json, and one for a network failure', async () => {
    vi.stubGlobal('fetch', async () => new Response('<html>bad gateway</html>', { status: 502, statusText: 'Bad Gateway' }));
    const err = (await api.get('/api/x', itemSchema).catch((e: unknown) => e)) as ApiError;
    expect(err.problem).toMatchObject({ type: 'about:blank', status: 502, title_vi: 'Lỗi 502' });
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('Failed to fetch');
    });
    const offline = (await api.get('/api/x', itemSchema).catch((e: unknown) => e)) as ApiError;
    expect(offline.type).toBe('urn:phoi-hop:problem:network');
  });
});
