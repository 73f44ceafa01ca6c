import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalStack } from '../../functions/local/server.js';
import { launchBrowser, signInAs, startWebStack } from '../support/browser.js';

let stack: LocalStack;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  stack = await startWebStack('browser-operator');
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 390, height: 844 } });
});
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

const rows = () => page.locator('[data-testid=tenants] tbody tr');

describe('the operator page in a real browser (390 px, keyboard)', () => {
  it('onboards a province by keyboard, shows its invitation link, and lists and filters tenants', async () => {
    // Other roles have no entry for it.
    await signInAs(page, stack.url, 'admin.hanoi@demo.phoihop.vn');
    await page.goto(`${stack.url}/province`);
    await page.waitForLoadState('networkidle');
    expect(await page.locator('nav.sidenav >> text=Đơn vị trên hệ thống').count()).toBe(0);

    await signInAs(page, stack.url, 'vanhanh@demo.phoihop.vn');
    const menu = page.locator('[aria-controls=main-nav]');
    if (await menu.isVisible()) await menu.click();
    await page.click('nav.sidenav >> text=Đơn vị trên hệ thống');
    await page.waitForSelector('[data-testid=tenants] tbody tr');
    expect(await page.locator('h1').innerText()).toBe('Vận hành: các đơn vị trên hệ thống');
    // The demo's tenants: Hà Nội and Thái Nguyên provinces among them; Hồ Chí Minh not yet.
    await page.waitForSelector('tr[data-tenant="19/P"]');
    expect(await page.locator('tr[data-tenant="01/P"]').innerText()).toContain('Đang hoạt động');
    expect(await page.locator('tr[data-tenant="79/P"]').count()).toBe(0);

    // Hồ Chí Minh has no tenant yet: its filter shows the empty list.
    await page.selectOption('select[name=province]', '79');
    await page.waitForSelector('[data-testid=no-tenants]');

    // Keyboard only: the province, then Tab through the e-mail and the name, Enter submits.
    await page.focus('select[name=provinceCode]');
    await page.selectOption('select[name=provinceCode]', '79');
    await page.keyboard.press('Tab');
    await page.keyboard.type('qt.tphcm@tphcm.gov.vn');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Trần Văn Bảy');
    await page.keyboard.press('Enter');
    const dialog = page.locator('[data-testid=onboard-dialog]');
    await dialog.waitFor();
    expect(await dialog.innerText()).toContain('Thành phố Hồ Chí Minh');
    expect(await dialog.innerText()).toContain('qt.tphcm@tphcm.gov.vn');
    // Escape cancels: nothing is created.
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect(await page.locator('[data-testid=invitation]').count()).toBe(0);
    // Again, and confirm from the keyboard.
    await page.focus('input[name=adminName]');
    await page.keyboard.press('Enter');
    await dialog.waitFor();
    await page.focus('[data-testid=onboard-confirm]');
    await page.keyboard.press('Enter');
    const link = page.locator('[data-testid=invitation-link]');
    await link.waitFor();
    const url = await link.inputValue();
    expect(url).toMatch(/\/invitation#79\.P\./);
    expect(await page.locator('[data-testid=invitation]').innerText()).toContain('qt.tphcm@tphcm.gov.vn');
    // The list (still filtered to Hồ Chí Minh) reloads with the new province.
    await page.waitForSelector('tr[data-tenant="79/P"]');
    expect(await page.locator('tr[data-tenant="79/P"]').innerText()).toContain('Thành phố Hồ Chí Minh');
    expect(await rows().count()).toBe(1);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

    // Filters: every province, one status; pages follow with "Xem thêm".
    await page.selectOption('select[name=province]', { index: 0 });
    await expect.poll(() => page.locator('select[name=province]').inputValue()).toBe('');
    // Each status shows only its own (the list reloads: the rows before it had every status).
    const onlyStatus = async (label: string) => {
      const texts = await rows().allInnerTexts();
      const empty = await page.locator('[data-testid=no-tenants]').count();
      return empty > 0 || (texts.length > 0 && texts.every((text) => text.includes(label)));
    };
    await page.selectOption('select[name=status]', 'rejected');
    await expect.poll(() => onlyStatus('Bị từ chối'), { timeout: 15_000 }).toBe(true);
    await page.selectOption('select[name=status]', 'active');
    await expect.poll(() => onlyStatus('Đang hoạt động'), { timeout: 15_000 }).toBe(true);
    await page.waitForSelector('tr[data-tenant="01/P"]');
    for (let more = 0; (await page.locator('tr[data-tenant="79/P"]').count()) === 0 && more < 10; more++) {
      const before = await rows().count();
      await page.click('[data-testid=tenants-more]');
      await expect.poll(() => rows().count(), { timeout: 15_000 }).toBeGreaterThan(before);
    }
    expect(await page.locator('tr[data-tenant="79/P"]').count()).toBe(1);
    for (const row of await rows().all()) expect(await row.innerText()).toContain('Đang hoạt động');

    // A second onboarding of the same province is refused in plain words.
    await page.selectOption('select[name=provinceCode]', '79');
    await page.fill('input[name=adminEmail]', 'khac@tphcm.gov.vn');
    await page.fill('input[name=adminName]', 'Người Khác');
    await page.keyboard.press('Enter');
    await dialog.waitFor();
    await page.click('[data-testid=onboard-confirm]');
    await expect
      .poll(() => page.locator('[data-testid=onboard-problem]').innerText(), { timeout: 15_000 })
      .toContain('Thành phố Hồ Chí Minh đã có đơn vị trên hệ thống');

    // The link works: the invitation page names the province admin's role.
    await page.goto(url);
    await page.waitForSelector('[data-testid=invitation-preview]');
    expect(await page.locator('[data-testid=invitation-preview]').innerText()).toContain('Thành phố Hồ Chí Minh');

    // English second.
    await signInAs(page, stack.url, 'vanhanh@demo.phoihop.vn');
    await page.goto(`${stack.url}/operator`);
    await page.waitForSelector('[data-testid=tenants] tbody tr');
    await page.click('[data-testid=lang-switch]');
    await expect.poll(() => page.locator('h1').innerText()).toBe('Operations: tenants of the platform');
  }, 120_000);
});
