import { DEMO_PASSWORD } from '../../functions/local/demo-data.js';

/**
 * Browser tests' set-up through the product's own API (no demo-data edits): sign in like the web app
 * does (local issuer), open a historical tenant for data entry as the province admin, and onboard a
 * commune-level unit (sign-up → province approval → invitation accepted).
 */

export async function apiToken(baseUrl: string, email: string, password = DEMO_PASSWORD): Promise<string> {
  const config = (await (await fetch(`${baseUrl}/api/config`)).json()) as { auth: { kind: string; tokenUrl?: string } };
  if (config.auth.kind !== 'local' || !config.auth.tokenUrl) throw new Error('browser tests expect the local issuer');
  const res = await fetch(`${baseUrl}${new URL(config.auth.tokenUrl).pathname}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (!res.ok) throw new Error(`sign-in of ${email} failed: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { id_token: string }).id_token;
}

async function call<T>(baseUrl: string, path: string, body: unknown, token?: string): Promise<T> {
  const res = await fetch(`${baseUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`POST ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** The province admin (Hà Nội by default) opens or closes a 2025 district for data entry. */
export async function setDataEntry(baseUrl: string, localityCode: string, open: boolean, adminEmail = 'admin.hanoi@demo.phoihop.vn') {
  const token = await apiToken(baseUrl, adminEmail);
  return call<{ tenant: { dataEntryOpen?: boolean } }>(baseUrl, `/api/tenancy/history/${localityCode}/data-entry`, { open }, token);
}

/** Signs a commune-level unit up, has the province admin approve it, accepts the invitation; returns the sign-in. */
export async function onboardCommune(
  baseUrl: string,
  unit: { provinceCode: string; localityCode: string; email: string; name: string; password: string; adminEmail?: string },
) {
  await call(baseUrl, '/api/tenancy/signups', {
    provinceCode: unit.provinceCode,
    localityCode: unit.localityCode,
    agency: 'Văn phòng HĐND và UBND',
    contactName: unit.name,
    contactEmail: unit.email,
  });
  const admin = await apiToken(baseUrl, unit.adminEmail ?? 'admin.hanoi@demo.phoihop.vn');
  const decided = await call<{ invitation: { token: string } }>(
    baseUrl,
    `/api/tenancy/signups/${unit.localityCode}/decision`,
    { decision: 'approve', version: 1 },
    admin,
  );
  await call(baseUrl, '/api/tenancy/invitations/accept', { token: decided.invitation.token, name: unit.name, password: unit.password });
  return { email: unit.email, password: unit.password };
}

/** The page does not scroll sideways (checked at a phone's width). */
export async function horizontalOverflow(page: import('playwright-core').Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}
