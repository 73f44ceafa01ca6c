import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalStack } from '../../functions/local/server.js';
import { launchBrowser, signInAs, startWebStack } from '../support/browser.js';

let stack: LocalStack;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  stack = await startWebStack('browser-usage');
  browser = await launchBrowser();
  // The narrowest phone the product supports.
  page = await browser.newPage({ viewport: { width: 390, height: 844 } });
});
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

async function openUsage() {
  // At 390 px the navigation is folded into the menu button; open the menu, then follow the link.
  const menu = page.locator('[aria-controls=main-nav]');
  if (await menu.isVisible()) await menu.click();
  await page.click('nav.sidenav >> text=Mức sử dụng');
  await page.waitForSelector('[data-testid=usage-table]');
}

describe('usage page in a real browser (390 px)', () => {
  it('shows two tenants to the operator, and each province admin only its own', async () => {
    // Two tenants of two provinces use the app (each sign-in and page load is a few API calls).
    await signInAs(page, stack.url, 'admin.tayho@demo.phoihop.vn');
    await page.goto(`${stack.url}/archive`);
    await page.waitForLoadState('networkidle');
    // a locality admin has no usage entry in the navigation, and the API refuses
    expect(await page.locator('nav.sidenav >> text=Mức sử dụng').count()).toBe(0);
    await signInAs(page, stack.url, 'admin.thainguyen@demo.phoihop.vn');
    await page.goto(`${stack.url}/agreements`);
    await page.waitForLoadState('networkidle');

    await signInAs(page, stack.url, 'vanhanh@demo.phoihop.vn');
    await openUsage();
    expect(await page.locator('[data-testid=usage-scope]').innerText()).toContain('Tất cả đơn vị');
    expect(await page.locator('[data-testid=usage-range]').innerText()).toMatch(/^01\/\d{2}\/\d{4} – \d{2}\/\d{2}\/\d{4}$/);
    const tayho = page.locator('tr[data-tenant="01#003"]');
    const thainguyen = page.locator('tr[data-tenant="19#P"]');
    expect(await tayho.innerText()).toContain('Quận Tây Hồ');
    expect(Number((await tayho.locator('td.num').first().innerText()).replace(/\D/g, ''))).toBeGreaterThan(0);
    expect(await thainguyen.innerText()).toContain('Thái Nguyên');
    // At 390 px nothing is wider than the screen: the table stays inside the content column (it
    // scrolls inside its own box should a row ever be wider).
    const fit = await page.evaluate(() => {
      const wrap = document.querySelector('[data-testid=usage-table]')!.parentElement!;
      const content = document.querySelector('main.content')!;
      return {
        wrapRight: wrap.getBoundingClientRect().right,
        contentRight: content.getBoundingClientRect().right,
        scrolls: wrap.scrollWidth > wrap.clientWidth,
      };
    });
    expect(fit.wrapRight).toBeLessThanOrEqual(fit.contentRight);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

    await signInAs(page, stack.url, 'admin.hanoi@demo.phoihop.vn');
    await openUsage();
    await page.waitForSelector('tr[data-tenant="01#003"]');
    expect(await page.locator('tr[data-tenant="19#P"]').count()).toBe(0);

    await signInAs(page, stack.url, 'admin.thainguyen@demo.phoihop.vn');
    await openUsage();
    await page.waitForSelector('tr[data-tenant="19#P"]');
    expect(await page.locator('tr[data-tenant="01#003"]').count()).toBe(0);

    // English second
    await page.click('[data-testid=lang-switch]');
    await expect.poll(() => page.locator('h1').innerText()).toBe('Usage per tenant');
  });
});
