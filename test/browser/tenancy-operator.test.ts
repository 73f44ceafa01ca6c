import { describe, expect, it } from 'vitest';
import { openFromNav, signInAs, visitAs, webSuite } from '../support/browser.js';

const web = webSuite('browser-operator', { page: { viewport: { width: 390, height: 844 } } });

const rows = () => web.page.locator('[data-testid=tenants] tbody tr');

describe('the operator page in a real browser (390 px, keyboard)', () => {
  it('onboards a province by keyboard, shows its invitation link, and lists and filters tenants', async () => {
    // Other roles have no entry for it.
    await visitAs(web, 'admin.hanoi@demo.phoihop.vn', '/province');
    expect(await web.page.locator('nav.sidenav >> text=Đơn vị trên hệ thống').count()).toBe(0);

    await signInAs(web.page, web.stack.url, 'vanhanh@demo.phoihop.vn');
    await openFromNav(web.page, 'Đơn vị trên hệ thống');
    await web.page.waitForSelector('[data-testid=tenants] tbody tr');
    expect(await web.page.locator('h1').innerText()).toBe('Vận hành: các đơn vị trên hệ thống');
    // The demo's tenants: Hà Nội and Thái Nguyên provinces among them; Hồ Chí Minh not yet.
    await web.page.waitForSelector('tr[data-tenant="19/P"]');
    expect(await web.page.locator('tr[data-tenant="01/P"]').innerText()).toContain('Đang hoạt động');
    expect(await web.page.locator('tr[data-tenant="79/P"]').count()).toBe(0);

    // Hồ Chí Minh has no tenant yet: its filter shows the empty list.
    await web.page.selectOption('select[name=province]', '79');
    await web.page.waitForSelector('[data-testid=no-tenants]');

    // Keyboard only: the province, then Tab through the e-mail and the name, Enter submits.
    await web.page.focus('select[name=provinceCode]');
    await web.page.selectOption('select[name=provinceCode]', '79');
    await web.page.keyboard.press('Tab');
    await web.page.keyboard.type('qt.tphcm@tphcm.gov.vn');
    await web.page.keyboard.press('Tab');
    await web.page.keyboard.type('Trần Văn Bảy');
    await web.page.keyboard.press('Enter');
    const dialog = web.page.locator('[data-testid=onboard-dialog]');
    await dialog.waitFor();
    expect(await dialog.innerText()).toContain('Thành phố Hồ Chí Minh');
    expect(await dialog.innerText()).toContain('qt.tphcm@tphcm.gov.vn');
    // Escape cancels: nothing is created.
    await web.page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect(await web.page.locator('[data-testid=invitation]').count()).toBe(0);
    // Again, and confirm from the keyboard.
    await web.page.focus('input[name=adminName]');
    await web.page.keyboard.press('Enter');
    await dialog.waitFor();
    await web.page.focus('[data-testid=onboard-confirm]');
    await web.page.keyboard.press('Enter');
    const link = web.page.locator('[data-testid=invitation-link]');
    await link.waitFor();
    const url = await link.inputValue();
    expect(url).toMatch(/\/invitation#79\.P\./);
    expect(await web.page.locator('[data-testid=invitation]').innerText()).toContain('qt.tphcm@tphcm.gov.vn');
    // The list (still filtered to Hồ Chí Minh) reloads with the new province.
    await web.page.waitForSelector('tr[data-tenant="79/P"]');
    expect(await web.page.locator('tr[data-tenant="79/P"]').innerText()).toContain('Thành phố Hồ Chí Minh');
    expect(await rows().count()).toBe(1);
    expect(await web.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

    // Filters: every province, one status; pages follow with "Xem thêm".
    await web.page.selectOption('select[name=province]', { index: 0 });
    await expect.poll(() => web.page.locator('select[name=province]').inputValue()).toBe('');
    // Each status shows only its own (the list reloads: the rows before it had every status).
    const onlyStatus = async (label: string) => {
      const texts = await rows().allInnerTexts();
      const empty = await web.page.locator('[data-testid=no-tenants]').count();
      return empty > 0 || (texts.length > 0 && texts.every((text) => text.includes(label)));
    };
    await web.page.selectOption('select[name=status]', 'rejected');
    await expect.poll(() => onlyStatus('Bị từ chối'), { timeout: 15_000 }).toBe(true);
    await web.page.selectOption('select[name=status]', 'active');
    await expect.poll(() => onlyStatus('Đang hoạt động'), { timeout: 15_000 }).toBe(true);
    await web.page.waitForSelector('tr[data-tenant="01/P"]');
    for (let more = 0; (await web.page.locator('tr[data-tenant="79/P"]').count()) === 0 && more < 10; more++) {
      const before = await rows().count();
      await web.page.click('[data-testid=tenants-more]');
      await expect.poll(() => rows().count(), { timeout: 15_000 }).toBeGreaterThan(before);
    }
    expect(await web.page.locator('tr[data-tenant="79/P"]').count()).toBe(1);
    for (const row of await rows().all()) expect(await row.innerText()).toContain('Đang hoạt động');

    // A second onboarding of the same province is refused in plain words.
    await web.page.selectOption('select[name=provinceCode]', '79');
    await web.page.fill('input[name=adminEmail]', 'khac@tphcm.gov.vn');
    await web.page.fill('input[name=adminName]', 'Người Khác');
    await web.page.keyboard.press('Enter');
    await dialog.waitFor();
    await web.page.click('[data-testid=onboard-confirm]');
    await expect
      .poll(() => web.page.locator('[data-testid=onboard-problem]').innerText(), { timeout: 15_000 })
      .toContain('Thành phố Hồ Chí Minh đã có đơn vị trên hệ thống');

    // The link works: the invitation page names the province admin's role.
    await web.page.goto(url);
    await web.page.waitForSelector('[data-testid=invitation-preview]');
    expect(await web.page.locator('[data-testid=invitation-preview]').innerText()).toContain('Thành phố Hồ Chí Minh');

    // English second.
    await signInAs(web.page, web.stack.url, 'vanhanh@demo.phoihop.vn');
    await web.page.goto(`${web.stack.url}/operator`);
    await web.page.waitForSelector('[data-testid=tenants] tbody tr');
    await web.page.click('[data-testid=lang-switch]');
    await expect.poll(() => web.page.locator('h1').innerText()).toBe('Operations: tenants of the platform');
  }, 120_000);
});
