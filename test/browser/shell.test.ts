import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../functions/demo/data.js';
import { webSuite } from '../support/browser.js';

const web = webSuite('browser-shell');

describe('web shell in a real browser', () => {
  it('loads the page in Vietnamese with the capability navigation', async () => {
    await web.page.goto(web.stack.url);
    await expect.poll(() => web.page.locator('h1').textContent()).toBe('Phối Hợp — công tác phối hợp ở địa phương');
    const nav = await web.page.locator('nav.sidenav').innerText();
    for (const label of ['Tổng quan', 'Quy chế & chương trình', 'Giám sát', 'Kho văn bản', 'Nhật ký thay đổi', 'Trạng thái hệ thống']) {
      expect(nav).toContain(label);
    }
    // Province roll-ups are for province staff: not offered to a visitor (or a locality).
    expect(nav).not.toContain('Tổng hợp toàn tỉnh');
    expect(await web.page.getAttribute('html', 'lang')).toBe('vi');
  });

  it('shows the API health read from DynamoDB on the status page', async () => {
    await web.page.click('text=Trạng thái hệ thống');
    await web.page.waitForSelector('[data-testid=health]');
    const text = await web.page.locator('[data-testid=health]').innerText();
    expect(text).toContain('Hoạt động bình thường');
    expect(text).toContain('browser-shell');
    // dd/mm/yyyy with Vietnam time
    expect(text).toMatch(/\d{2}:\d{2} \d{2}\/\d{2}\/\d{4}/);
  });

  it('switches to English and back', async () => {
    await web.page.click('[data-testid=lang-switch]');
    await expect.poll(() => web.page.locator('nav.sidenav').innerText()).toContain('System status');
    await web.page.click('[data-testid=lang-switch]');
    await expect.poll(() => web.page.locator('nav.sidenav').innerText()).toContain('Trạng thái hệ thống');
  });

  it('signs a demo user in through the local issuer and shows who is signed in', async () => {
    await web.page.goto(`${web.stack.url}/sign-in`);
    await web.page.fill('input[name=email]', 'admin.tayho@demo.phoihop.vn');
    await web.page.fill('input[name=password]', 'sai-mat-khau');
    await web.page.click('button[type=submit]');
    await expect.poll(() => web.page.locator('[role=alert]').innerText()).toContain('Email hoặc mật khẩu không đúng');
    await web.page.fill('input[name=password]', DEMO_PASSWORD);
    await web.page.click('button[type=submit]');
    await expect.poll(() => web.page.locator('[data-testid=who]').innerText()).toContain('Nguyễn Thu Hà · Quản trị đơn vị cấp xã');
    // Quận Tây Hồ is history since 01/07/2025: its users are told so on every page.
    await expect.poll(() => web.page.locator('[data-testid=history-banner]').innerText()).toContain('Quận Tây Hồ đã kết thúc hoạt động 01/07/2025');
  });

  it('serves the app shell for a deep link and a 404 problem for an unknown API path', async () => {
    const res = await web.page.goto(`${web.stack.url}/status`);
    expect(res?.status()).toBe(200);
    const api = await fetch(`${web.stack.url}/api/khong-co`);
    expect(api.status).toBe(404);
    expect(api.headers.get('content-type')).toMatch(/application\/problem\+json/);
  });
});
