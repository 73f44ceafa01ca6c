import { Hono, type Context } from 'hono';
import { vietnamMonth } from '../../shared/dates.js';
import type { Identity } from '../../shared/identity.js';
import { keys, PROVINCE_SCOPE, rollupProvinceOf, type TenantRef } from '../../shared/keys.js';
import { findAnyProvince, findLocalityIn, predecessorProvinces } from '../../shared/localities/index.js';
import { counterName } from '../../shared/rollups/counters.js';
import { can } from '../../shared/roles.js';
import { mayRead } from '../../shared/tenant-access.js';
import { usageKeys } from '../../shared/keys.js';
import { usageCsvHeader, usageQuerySchema, type UsageReport, type UsageRow } from '../../shared/usage/schema.js';
import type { AppEnv } from '../http/env.js';
import { ProblemError } from '../http/problem.js';
import { validate } from '../http/validate.js';
import { requireAuth } from '../auth/middleware.js';
import { MeteredStore } from '../store/metered-store.js';

/**
 * `GET /api/usage?month=yyyy-mm[&format=csv]`: requests, DynamoDB capacity and archive growth per
 * tenant for one month. Operators (`platform:operate`) see every tenant; a province admin sees its
 * province's tenants and those of the 2025 provinces merged into it (the same reach as `mayRead`);
 * everyone else gets 403. Usage items live outside the tenants' partitions (shared/usage/schema.ts),
 * so they are read with the function's own credentials, after this check, one Query per province.
 */
export const usageRoutes = new Hono<AppEnv>().use('*', requireAuth).get('/', validate('query', usageQuerySchema), async (c) => {
  const { month = vietnamMonth(c.var.deps.now()), format } = c.req.valid('query');
  const report = await loadUsage(c, month);
  if (format === 'csv') {
    const { toCsv } = await import('../export/table-export.js');
    return c.body(toCsv(usageTable(report)), 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="muc-su-dung-${month}.csv"`,
    });
  }
  return c.json(report);
});

/** The provinces whose tenants an identity may see usage of, or 'all'; throws 403 for anyone else. */
export function usageScope(identity: Identity): 'all' | string[] {
  if (can(identity.role, 'platform:operate')) return 'all';
  if (can(identity.role, 'province:admin') && identity.provinceCode && identity.localityCode === null) {
    const codes = new Set([identity.provinceCode, ...predecessorProvinces(identity.provinceCode).map((p) => p.code)]);
    return [...codes].sort();
  }
  throw new ProblemError('forbidden', {
    vi: 'Chỉ quản trị cấp tỉnh và người vận hành xem được mức sử dụng',
    en: 'Only province admins and operators see usage',
  });
}

async function loadUsage(c: Context<AppEnv>, month: string): Promise<UsageReport> {
  const identity = c.var.identity;
  const scope = usageScope(identity);
  const deps = c.var.deps;
  const store = new MeteredStore(deps.doc, deps.tableName);
  c.set('store', store); // the metering headers report these reads

  const { PK } = usageKeys.month(month);
  const items =
    scope === 'all'
      ? await store.queryAll({ KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': PK } })
      : (
          await Promise.all(
            scope.map((p) =>
              store.queryAll({
                KeyConditionExpression: 'PK = :pk AND begins_with(SK, :p)',
                ExpressionAttributeValues: { ':pk': PK, ':p': `${p}#` },
              }),
            ),
          )
        ).flat();

  const tenants = items.map((i) => ({ item: i, t: { provinceCode: i.provinceCode as string, localityCode: (i.localityCode as string | null) ?? null } }));
  // Second guard: a province admin's rows are exactly the tenants `mayRead` allows it.
  const visible = scope === 'all' ? tenants : tenants.filter(({ t }) => mayRead(identity, t));

  // Documents held now: the roll-up counter, one Query per current province involved.
  const rollupProvinces = [...new Set(visible.map(({ t }) => rollupProvinceOf(t)))];
  const documents = new Map<string, number>();
  await Promise.all(
    rollupProvinces.map(async (p) => {
      for (const r of await store.queryAll({ KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': keys.rollupsOf(p).PK } })) {
        documents.set(String(r.SK).replace(/^T#/, ''), Number(r[counterName.documents] ?? 0));
      }
    }),
  );

  const rows: UsageRow[] = visible.map(({ item, t }) => toRow(item, t, documents)).sort((a, b) => a.tenant.localeCompare(b.tenant));
  const sum = (k: keyof UsageReport['totals']) => Math.round(rows.reduce((s, r) => s + r[k], 0) * 1000) / 1000;
  return {
    month,
    scope: scope === 'all' ? 'platform' : 'province',
    provinces: scope === 'all' ? [...new Set(rows.map((r) => r.provinceCode))].sort() : scope,
    rows,
    totals: {
      requests: sum('requests'),
      errors: sum('errors'),
      rcu: sum('rcu'),
      wcu: sum('wcu'),
      archiveBytes: sum('archiveBytes'),
      archiveVersions: sum('archiveVersions'),
      archiveDocuments: sum('archiveDocuments'),
    },
  };
}

function toRow(item: Record<string, unknown>, t: TenantRef, documents: Map<string, number>): UsageRow {
  const n = (k: string) => Number(item[k] ?? 0);
  const tenant = String(item.SK);
  const province = findAnyProvince(t.provinceCode);
  return {
    provinceCode: t.provinceCode,
    localityCode: t.localityCode,
    tenant,
    provinceName: province?.name ?? t.provinceCode,
    localityName: t.localityCode === null ? (province?.name ?? PROVINCE_SCOPE) : (findLocalityIn(t.provinceCode, t.localityCode)?.name ?? t.localityCode),
    requests: n('requests'),
    errors: n('errors'),
    rcu: n('rcu'),
    wcu: n('wcu'),
    archiveBytes: n('archiveBytes'),
    archiveVersions: n('archiveVersions'),
    archiveDocuments: n('archiveDocuments'),
    documentsNow: documents.has(tenant) ? documents.get(tenant)! : null,
  };
}

function usageTable(r: UsageReport) {
  return {
    headers: usageCsvHeader,
    rows: r.rows.map((x) => [
      r.month,
      x.tenant,
      x.provinceCode,
      x.provinceName,
      x.localityCode ?? PROVINCE_SCOPE,
      x.localityName,
      x.requests,
      x.errors,
      x.rcu,
      x.wcu,
      x.archiveBytes,
      x.archiveVersions,
      x.archiveDocuments,
      x.documentsNow,
    ]),
  };
}
