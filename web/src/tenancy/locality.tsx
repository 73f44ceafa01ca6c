import { A, useSearchParams } from '@solidjs/router';
import { createResource, createRoot, For, Show } from 'solid-js';
import { can } from '../../../shared/roles.js';
import { type LocalityUnit, type ProvinceListItem, provinceListSchema, provinceLocalitiesSchema } from '../../../shared/localities/views.js';
import { type Tenant, tenantResultSchema } from '../../../shared/tenancy/schema.js';
import { api } from '../api.js';
import { t, type Text } from '../i18n.js';
import { session } from '../session.js';

/**
 * Which tenant a page reads, and whether the signed-in user may change anything there.
 *
 * A page reads the user's own tenant, or — named by `?locality=` — another one the API lets the user
 * read (province staff: the localities of their province and of the provinces merged into it; a
 * commune: the 2025 district it continues). Reading another tenant is always read-only. A historical
 * tenant (a 2025 district, "đã kết thúc hoạt động 01/07/2025") is read-only for its own users too,
 * unless the province opened it for data entry. The reference lists come from the API
 * (`/api/localities`), never bundled into the web app.
 */

/** A 2025 district code (history) vs a commune-level code of the current list. */
export const isDistrictCode = (code: string | null | undefined): boolean => !!code && /^\d{3}$/.test(code);

/** `?locality=` of the current page, if any. */
export function useLocality(): () => string | undefined {
  const [params] = useSearchParams();
  return () => (typeof params.locality === 'string' && params.locality ? params.locality : undefined);
}

export function withLocality(path: string, locality: string | null | undefined): string {
  if (!locality) return path;
  return `${path}${path.includes('?') ? '&' : '?'}locality=${encodeURIComponent(locality)}`;
}

/** True when the page reads a tenant other than the signed-in user's own. */
export function readsOtherTenant(locality: string | null | undefined): boolean {
  const s = session();
  return !!locality && (!s || locality !== s.identity.localityCode);
}

/** The signed-in user's tenant profile: one request per session, shared by every page. */
const ownProfile = createRoot(() => {
  const [profile] = createResource(
    () => (session()?.identity.provinceCode ? session()!.identity.userId : false),
    () => api.get('/api/tenancy/tenant', tenantResultSchema).then((r) => r.tenant),
  );
  return profile;
});
export const ownTenant = (): Tenant | undefined => (ownProfile.error ? undefined : ownProfile.latest);

/** The own tenant is history (a 2025 district) and not open for data entry. Known from the token at once. */
export function ownTenantClosed(): boolean {
  const s = session();
  if (!s || !isDistrictCode(s.identity.localityCode)) return false;
  return ownTenant()?.dataEntryOpen !== true;
}

/** May the signed-in user change records on this page (own tenant, a writing role, not closed history)? */
export function canWriteHere(locality?: string | null): boolean {
  const s = session();
  return !!s && can(s.identity.role, 'tenant:write') && !readsOtherTenant(locality) && !ownTenantClosed();
}

export const endedOn: Text = { vi: 'đã kết thúc hoạt động 01/07/2025', en: 'ceased on 01/07/2025' };

/** Name (and validity) of a tenant read through `?locality=`: its profile, else the official list. */
async function describeLocality(code: string): Promise<{ name: string; historical: boolean }> {
  const historical = isDistrictCode(code);
  try {
    const { tenant } = await api.get(`/api/tenancy/tenant?locality=${encodeURIComponent(code)}`, tenantResultSchema);
    return { name: tenant.name, historical: historical || !!tenant.validUntil };
  } catch {
    const province = session()?.identity.provinceCode;
    if (province) {
      const found = await findUnit(province, code).catch(() => undefined);
      if (found) return { name: found.name, historical };
    }
    return { name: code, historical };
  }
}

type Unit = LocalityUnit;

/** One unit by code, from the current list (5 digits) or the 2025 list (3 digits) of a province and its predecessors. */
async function findUnit(provinceCode: string, code: string): Promise<Unit | undefined> {
  const list = isDistrictCode(code) ? '2025-03' : '2026-04';
  const inProvince = async (p: string) =>
    (await api.get(`/api/localities/${p}?list=${list}&q=${encodeURIComponent(code)}&limit=5`, provinceLocalitiesSchema)).localities.find(
      (l) => l.code === code,
    );
  const own = await inProvince(provinceCode).catch(() => undefined);
  if (own || list === '2026-04') return own;
  // A district of a province merged into this one (e.g. 06 Bắc Kạn → 19 Thái Nguyên).
  for (const p of await predecessorProvinces(provinceCode)) {
    if (p.code === provinceCode) continue;
    const found = await inProvince(p.code).catch(() => undefined);
    if (found) return found;
  }
  return undefined;
}

async function predecessorProvinces(provinceCode: string): Promise<ProvinceListItem[]> {
  const { provinces } = await api.get('/api/localities?list=2025-03', provinceListSchema);
  return provinces.filter((p) => p.successor === provinceCode);
}

/**
 * A commune user's predecessor: the 2025 district its code lay in, whose records it may read
 * (read-only). null for province staff, districts and new codes.
 */
const predecessorResource = createRoot(() => {
  const [pred] = createResource(
    () => {
      const s = session();
      return s?.identity.provinceCode && s.identity.localityCode && /^\d{5}$/.test(s.identity.localityCode)
        ? { province: s.identity.provinceCode, commune: s.identity.localityCode }
        : false;
    },
    async ({ province, commune }) => {
      const unit = await findUnit(province, commune);
      const code = unit?.predecessorDistrict;
      if (!code) return null;
      const district = await findUnit(province, code);
      return { code, name: district?.name ?? code };
    },
  );
  return pred;
});
export const predecessor = (): { code: string; name: string } | null | undefined => (predecessorResource.error ? null : predecessorResource.latest);

export const predecessorLabel = (p: { name: string }): Text => ({
  vi: `Hồ sơ ${p.name} (trước 01/07/2025)`,
  en: `${p.name} records (before 01/07/2025)`,
});

/** Links to the predecessor district's lists (read-only), for a commune's users. */
export function PredecessorLinks(props: { variant: 'nav' | 'panel' }) {
  const sections: { href: string; label: Text }[] = [
    { href: '/agreements', label: { vi: 'Quy chế & chương trình', en: 'Agreements' } },
    { href: '/supervision', label: { vi: 'Giám sát', en: 'Supervision' } },
    { href: '/archive', label: { vi: 'Kho văn bản', en: 'Document archive' } },
  ];
  return (
    <Show when={predecessor()}>
      {(p) => (
        <Show
          when={props.variant === 'panel'}
          fallback={
            <div class="nav-group" data-testid="predecessor-nav">
              <A href={withLocality('/agreements', p().code)} class="nav-group-title">
                {t(predecessorLabel(p()))}
              </A>
              <For each={sections.slice(1)}>
                {(s) => (
                  <A href={withLocality(s.href, p().code)} class="nav-sub">
                    {t(s.label)}
                  </A>
                )}
              </For>
            </div>
          }
        >
          <div class="panel" data-testid="predecessor-panel">
            <h2 class="panel-title">{t(predecessorLabel(p()))}</h2>
            <p class="muted">
              {t({
                vi: `Đơn vị của bạn tiếp nối hồ sơ của ${p().name}, đơn vị đã kết thúc hoạt động 01/07/2025. Bạn được xem, không được thay đổi các hồ sơ này.`,
                en: `Your unit continues the records of ${p().name}, which ceased on 01/07/2025. You may read them, not change them.`,
              })}
            </p>
            <ul class="inline-links">
              <For each={sections}>
                {(s) => (
                  <li>
                    <A href={withLocality(s.href, p().code)} data-testid={`predecessor-${s.href.slice(1)}`}>
                      {t(s.label)}
                    </A>
                  </li>
                )}
              </For>
            </ul>
          </div>
        </Show>
      )}
    </Show>
  );
}

/**
 * The banner every page shows when what it shows cannot be changed here: another tenant read through
 * `?locality=` (drill-down, predecessor), or the user's own historical tenant.
 */
export function ReadOnlyBanner(props: { locality?: string }) {
  const [target] = createResource(
    () => (readsOtherTenant(props.locality) && session() ? props.locality : false),
    (code) => describeLocality(code),
  );
  const own = () => {
    const s = session();
    return s && isDistrictCode(s.identity.localityCode) && !readsOtherTenant(props.locality) ? ownTenant() : undefined;
  };
  return (
    <>
      <Show when={readsOtherTenant(props.locality) && session()}>
        <div class="banner readonly" role="status" data-testid="read-only-banner">
          <strong>{t({ vi: 'Chế độ chỉ xem', en: 'Read-only' })}</strong>
          {': '}
          {t({ vi: 'hồ sơ của ', en: 'records of ' })}
          <span data-testid="read-only-name">{target.latest?.name ?? props.locality}</span>
          <Show when={target.latest?.historical ?? isDistrictCode(props.locality)}> ({t(endedOn)})</Show>
          {'. '}
          {t({ vi: 'Không thể thay đổi dữ liệu của đơn vị khác.', en: 'Another unit’s records cannot be changed here.' })}
        </div>
      </Show>
      <Show when={own()}>
        {(tn) => (
          <div class={`banner ${tn().dataEntryOpen ? 'open' : 'readonly'}`} role="status" data-testid="history-banner">
            <strong>{tn().name}</strong> {t(endedOn)}.{' '}
            {tn().dataEntryOpen
              ? t({
                  vi: 'Cấp tỉnh đã mở nhập bổ sung hồ sơ 2021–2025: bạn có thể nhập và sửa hồ sơ cho đến khi tỉnh đóng lại.',
                  en: 'The province opened it to backfill 2021–2025 records: you may enter and edit records until the province closes it.',
                })
              : t({
                  vi: 'Hồ sơ chỉ để xem; cấp tỉnh có thể mở để nhập bổ sung hồ sơ 2021–2025.',
                  en: 'Its records are read-only; the province can open it to backfill 2021–2025 records.',
                })}
          </div>
        )}
      </Show>
    </>
  );
}

export type ProvinceUnits = {
  current: Unit[];
  historical: { province: { code: string; name: string }; units: Unit[] }[];
};

/**
 * For province staff: the current commune-level units of their province and, as history, the 2025
 * districts of the province and of the provinces merged into it (from the API, cached for a day).
 */
export async function provinceUnits(provinceCode: string): Promise<ProvinceUnits> {
  const [current, preds] = await Promise.all([
    api.get(`/api/localities/${provinceCode}`, provinceLocalitiesSchema).then((r) => r.localities),
    predecessorProvinces(provinceCode),
  ]);
  const historical = await Promise.all(
    preds.map(async (p) => ({
      province: { code: p.code, name: p.name },
      units: (await api.get(`/api/localities/${p.code}?list=2025-03`, provinceLocalitiesSchema)).localities,
    })),
  );
  return { current, historical };
}
