import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { demoUsers } from '../../functions/demo/data.js';
import { signInAs, webSuite } from '../support/browser.js';

/**
 * Every page of the app on a phone (390×844), as the demo users see it: nothing scrolls sideways,
 * axe-core (injected into the page) finds no serious or critical accessibility violation, and the
 * page's text holds no internal id, field path, JSON or ISO date.
 */

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const PHONE = { width: 390, height: 844 };

// A current ward (the reform's commune level) when the demo has one, else the 2025 district.
const WARD_ADMIN = demoUsers.some((u) => u.email === 'admin.phuongtayho@demo.phoihop.vn') ? 'admin.phuongtayho@demo.phoihop.vn' : 'admin.tayho@demo.phoihop.vn';
const PROVINCE_ADMIN = 'admin.hanoi@demo.phoihop.vn';

const findings: string[] = [];
const visited: string[] = [];
const leaks: string[] = [];

/** What a user must never read: an internal id, a field path, JSON, an ISO date. */
const RAW_TEXT: [string, RegExp][] = [
  ['ULID', /\b[0-9A-HJKMNP-TV-Z]{26}\b/],
  ['field path', /\b[a-z]+\.[0-9]+\.[a-z]+/i],
  ['JSON', /\{"/],
  ['ISO date', /\b\d{4}-\d{2}-\d{2}\b/],
];

const web = webSuite('browser-phone-a11y', { page: { viewport: PHONE } });

type AxeViolation = { id: string; impact: string | null; help: string; nodes: { target: string[] }[] };

/** What a page draws once it has its data, for whichever role opens it (by default its title). */
const READY: Record<string, string> = {
  '/sign-up': 'select[name=provinceCode]',
  '/status': '[data-testid=health]',
  '/agreements': '[data-testid=agreement-list], [data-testid=empty]',
  '/agreements/new': '[data-testid=agreement-editor]',
  '/agreements/import': '[data-testid=import-file]',
  '/supervision': '[data-testid=plan-list], [data-testid=no-plans]',
  '/supervision/new': '[data-testid=plan-form]',
  '/supervision/board': '[data-testid=kpi-open]',
  '/archive': '[data-testid=archive-results], [data-testid=archive-empty]',
  '/archive/new': '[data-testid=archive-upload-form]',
  '/archive/check': 'input[name=check-file]',
  '/users': '[data-testid=users]',
  '/audit': '[data-testid=audit], [data-testid=audit-empty]',
  '/notifications': '[data-testid=notifications], [data-testid=notifications-empty]',
  '/notifications/settings': '[data-testid=notification-settings]',
  '/province': '[data-testid=rollup-table]',
  '/usage': '[data-testid=usage-table], [data-testid=usage-table-empty]',
  '/approvals': '[data-testid=signups], [data-testid=no-signups]',
  '/operator': '[data-testid=tenants] tbody tr',
  // Quận Tây Hồ (003), history: its records read-only, its unit in the province's drill-down.
  '/agreements?locality=003': '[data-testid=agreement-list]',
  '/archive?locality=003': '[data-testid=read-only-banner]',
  '/supervision/board?locality=003': '[data-testid=kpi-open]',
  '/province/locality?locality=003': '[data-testid=locality-name]',
};

/** Opens a page, waits until it has drawn its title and data, then measures its width and runs axe. */
async function check(path: string, ready = READY[path] ?? 'main h1') {
  await web.page.goto(`${web.stack.url}${path}`);
  await web.page.waitForSelector(ready);
  await web.page.waitForLoadState('networkidle').catch(() => undefined);
  await web.page
    .waitForFunction(() => !document.querySelector('main [role=status]')?.textContent?.includes('Đang tải'), null, { timeout: 10_000 })
    .catch(() => undefined);
  visited.push(path);
  const text = await web.page.evaluate(() => document.body.innerText);
  for (const [what, pattern] of RAW_TEXT) {
    const found = pattern.exec(text);
    if (found) leaks.push(`${path}: ${what} "${text.slice(Math.max(0, found.index - 40), found.index + found[0].length + 20).replace(/\s+/g, ' ')}"`);
  }
  const width = await web.page.evaluate(() => document.documentElement.scrollWidth);
  if (width > PHONE.width) findings.push(`${path}: scrolls sideways (${width}px wide at ${PHONE.width}px)`);
  await web.page.addScriptTag({ content: axeSource });
  const violations = await web.page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: AxeViolation[] }> } }).axe;
    if (!axe) throw new Error('axe-core did not load');
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => ({ target: n.target })) }));
  });
  for (const v of violations.filter((x) => x.impact === 'serious' || x.impact === 'critical')) {
    findings.push(`${path}: ${v.impact} ${v.id} (${v.help}) at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  }
}

/** The address of the first link in a list, to visit a detail page the seed created. */
async function firstLink(listPath: string, selector: string): Promise<string | null> {
  await web.page.goto(`${web.stack.url}${listPath}`);
  await web.page.waitForSelector(selector, { timeout: 10_000 }).catch(() => undefined);
  const href = await web.page
    .locator(selector)
    .first()
    .getAttribute('href')
    .catch(() => null);
  return href ? new URL(href, web.stack.url).pathname + new URL(href, web.stack.url).search : null;
}

async function signOut() {
  await web.page.evaluate(() => localStorage.removeItem('session'));
}

describe('every page at 390×844: no sideways scrolling, no serious or critical axe violation', () => {
  it('a visitor: sign-in, sign-up, invitation, not found', async () => {
    await check('/sign-in');
    await check('/sign-up');
    await check('/invitation#khong-hop-le', 'main h1');
    await check('/khong-co-trang-nay');
    // Signed out, the home cards only describe the sections: no link, nothing that looks clickable.
    await check('/', '[data-testid=home-cards]');
    expect(await web.page.locator('[data-testid=home-cards] a').count()).toBe(0);
    expect(await web.page.locator('[data-testid=home-cards]').getAttribute('class')).toContain('plain');
  }, 60_000);

  it("a ward's admin: overview, agreements, supervision, archive, users, audit, status", async () => {
    await signInAs(web.page, web.stack.url, WARD_ADMIN);
    await check('/', '[data-testid=tenant-summary]');
    // Each card is a link to its section; a ward's user has no province card.
    expect(await web.page.locator('[data-testid=home-cards] li[data-card="/province"]').count()).toBe(0);
    expect(await web.page.locator('[data-testid=home-cards] a.card-link').evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toEqual([
      '/agreements',
      '/supervision',
      '/archive',
    ]);
    const pages = [
      '/status',
      '/agreements',
      '/agreements/new',
      '/agreements/import',
      '/supervision',
      '/supervision/new',
      '/supervision/board',
      '/archive',
      '/archive/new',
      '/archive/check',
      '/users',
      '/audit',
      '/notifications',
      '/notifications/settings',
      '/agreements?locality=003', // the predecessor district's records, read-only
    ];
    for (const path of pages) await check(path);
    await signOut();
  }, 120_000);

  it('records in detail: an agreement, its review and draft editors, a document, a plan', async () => {
    await signInAs(web.page, web.stack.url, 'admin.tayho@demo.phoihop.vn');
    const agreement = await firstLink('/agreements', '[data-testid=agreement-row] a');
    expect(agreement, 'the demo has agreements').not.toBeNull();
    await check(agreement!, '[data-testid=agreement-title]');
    await check(`${agreement}/reviews/new`, '[data-testid=review-editor]');
    await check(`${agreement}/edit`, '[data-testid=agreement-editor]');
    await check(`${agreement}/items-sheet`, '[data-testid=export-xlsx]');
    await check(`${agreement}/reviews/2022-H1/results-sheet`, '[data-testid=export-xlsx]');
    const document = await firstLink('/archive', '[data-testid=archive-results] a');
    if (document) await check(document, '[data-testid=doc-title]');
    await signOut();
    // The demo's supervision plans are the ward's.
    await signInAs(web.page, web.stack.url, WARD_ADMIN);
    const plan = await firstLink('/supervision', '[data-testid=plan-row] a');
    expect(plan, 'the demo has supervision plans').not.toBeNull();
    await check(plan!, '[data-testid=plan-topic]');
    await check(`${plan}/edit`, '[data-testid=plan-form]');
    await check(`${plan}/recommendations-sheet`, '[data-testid=export-xlsx]');
    await signOut();
  }, 120_000);

  it("the province admin: roll-ups, a unit's drill-down, approvals, users, audit", async () => {
    await signInAs(web.page, web.stack.url, PROVINCE_ADMIN);
    await web.page.goto(`${web.stack.url}/`);
    await web.page.waitForSelector('[data-testid=home-cards] a.card-link');
    expect(await web.page.locator('[data-testid=home-cards] li[data-card="/province"] a').getAttribute('href')).toBe('/province');
    const pages = [
      '/province',
      '/usage',
      '/province/locality?locality=003',
      '/approvals',
      '/users',
      '/audit',
      '/supervision/board?locality=003',
      '/archive?locality=003',
    ];
    for (const path of pages) await check(path);
    await signOut();
  }, 120_000);

  it('the operator: tenants of the platform, usage', async () => {
    await signInAs(web.page, web.stack.url, 'vanhanh@demo.phoihop.vn');
    for (const path of ['/operator', '/usage']) await check(path);
    await signOut();
  }, 60_000);

  it('reports what it found', () => {
    expect(visited.length).toBeGreaterThanOrEqual(30);
    expect(findings, findings.join('\n')).toEqual([]);
  });

  it('no page shows an internal id, a raw field path, JSON or an ISO date', () => {
    expect(leaks, leaks.join('\n')).toEqual([]);
  });
});
