import { describe, expect, it } from 'vitest';
import { openFromNav, signInAs, visitAs, webSuite } from '../support/browser.js';

// The narrowest phone the product supports.
const web = webSuite('browser-usage', { page: { viewport: { width: 390, height: 844 } } });

async function openUsage() {
  await openFromNav(web.page, 'Mức sử dụng');
  await web.page.waitForSelector('[data-testid=usage-table]');
}

describe('usage page in a real browser (390 px)', () => {
  it('shows two tenants to the operator, and each province admin only its own', async () => {
    // Two tenants of two provinces use the app (each sign-in and page load is a few API calls).
    await visitAs(web, 'admin.tayho@demo.phoihop.vn', '/archive');
    // a locality admin has no usage entry in the navigation, and the API refuses
    expect(await web.page.locator('nav.sidenav >> text=Mức sử dụng').count()).toBe(0);
    await visitAs(web, 'admin.thainguyen@demo.phoihop.vn', '/agreements');

    await signInAs(web.page, web.stack.url, 'vanhanh@demo.phoihop.vn');
    await openUsage();
    expect(await web.page.locator('[data-testid=usage-scope]').innerText()).toContain('Tất cả đơn vị');
    expect(await web.page.locator('[data-testid=usage-range]').innerText()).toMatch(/^01\/\d{2}\/\d{4} – \d{2}\/\d{2}\/\d{4}$/);
    const tayho = web.page.locator('tr[data-tenant="01#003"]');
    const thainguyen = web.page.locator('tr[data-tenant="19#P"]');
    expect(await tayho.innerText()).toContain('Quận Tây Hồ');
    expect(Number((await tayho.locator('td.num').first().innerText()).replace(/\D/g, ''))).toBeGreaterThan(0);
    expect(await thainguyen.innerText()).toContain('Thái Nguyên');
    // At 390 px nothing is wider than the screen: the table stays inside the content column (it
    // scrolls inside its own box should a row ever be wider).
    const fit = await web.page.evaluate(() => {
      const wrap = document.querySelector('[data-testid=usage-table]')!.parentElement!;
      const content = document.querySelector('main.content')!;
      return {
        wrapRight: wrap.getBoundingClientRect().right,
        contentRight: content.getBoundingClientRect().right,
        scrolls: wrap.scrollWidth > wrap.clientWidth,
      };
    });
    expect(fit.wrapRight).toBeLessThanOrEqual(fit.contentRight);
    expect(await web.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

    await signInAs(web.page, web.stack.url, 'admin.hanoi@demo.phoihop.vn');
    await openUsage();
    await web.page.waitForSelector('tr[data-tenant="01#003"]');
    expect(await web.page.locator('tr[data-tenant="19#P"]').count()).toBe(0);

    await signInAs(web.page, web.stack.url, 'admin.thainguyen@demo.phoihop.vn');
    await openUsage();
    await web.page.waitForSelector('tr[data-tenant="19#P"]');
    expect(await web.page.locator('tr[data-tenant="01#003"]').count()).toBe(0);

    // English second
    await web.page.click('[data-testid=lang-switch]');
    await expect.poll(() => web.page.locator('h1').innerText()).toBe('Usage per tenant');
  });
});
