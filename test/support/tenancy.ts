import { expect } from 'vitest';
import type { Problem } from '../../shared/problem.js';
import { problemSchema } from '../../shared/problem-schema.js';
import type { Harness } from './harness.js';

export function json(body: unknown, headers: Record<string, string> = {}): RequestInit {
  return { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) };
}

export async function problemOf(res: Response): Promise<Problem> {
  expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  return problemSchema.parse(await res.json());
}

/** Asserts a 400 problem naming `field` (in `in`) with a message in both languages. */
export async function expectFieldError(res: Response, field: string, where: 'body' | 'query' | 'path' | 'header' = 'body') {
  expect(res.status, `expected 400 for ${field}`).toBe(400);
  const p = await problemOf(res);
  const e = p.errors?.find((x) => x.field === field && x.in === where);
  expect(e, `no error for ${where}:${field} in ${JSON.stringify(p.errors)}`).toBeDefined();
  expect(e!.message_vi.length).toBeGreaterThan(0);
  expect(e!.message_en.length).toBeGreaterThan(0);
  return p;
}

export const signUpBody = (provinceCode: string, localityCode: string, email = `lienhe.${localityCode}@ubnd.vn`) => ({
  provinceCode,
  localityCode,
  agency: 'Văn phòng HĐND và UBND',
  contactName: 'Nguyễn Văn An',
  contactEmail: email,
});

/** Signs a district up, has a fresh province admin approve it, and returns the invitation token. */
export async function onboardDistrict(h: Harness, provinceCode: string, localityCode: string, email?: string) {
  const res = await h.app.request('/api/tenancy/signups', json(signUpBody(provinceCode, localityCode, email)));
  expect(res.status, await res.clone().text()).toBe(201);
  const admin = await h.userToken({ role: 'province_admin', provinceCode, localityCode: null });
  const decided = await h.app.request(`/api/tenancy/signups/${localityCode}/decision`, json({ decision: 'approve', version: 1 }, admin.headers));
  expect(decided.status, await decided.clone().text()).toBe(200);
  const body = (await decided.json()) as { invitation: { token: string; link: string } };
  return { token: body.invitation.token, provinceAdmin: admin };
}

/** Accepts an invitation and returns a bearer header for the new user, signed by the local issuer. */
export async function acceptInvitation(h: Harness, token: string, name = 'Người Được Mời', password = 'MatKhau@2026') {
  const res = await h.app.request('/api/tenancy/invitations/accept', json({ token, name, password }));
  expect(res.status, await res.clone().text()).toBe(201);
  const body = (await res.json()) as { user: { userId: string; email: string } };
  const user = h.idp.findUser(body.user.email)!;
  return { user: body.user, headers: { authorization: `Bearer ${await h.idp.issueIdToken(user)}` } };
}
