import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../functions/demo/data.js';
import { signInAs, webSuite } from '../support/browser.js';
import { signedProgram } from '../support/signed-program.js';

const EMAIL = 'admin.phuongtayho@demo.phoihop.vn';
const year = new Date(Date.now() + 7 * 3600_000).getUTCFullYear();

const web = webSuite('browser-session');

/** A signed program of Phường Tây Hồ for this year (the review form needs one). */
const signed = () => signedProgram(web.stack, EMAIL, { year, number: '07/CTrPH-HĐND-UBND-MTTQ', title: `Phối hợp công tác năm ${year} (phiên làm việc)` });

const storedToken = (page: Page) => page.evaluate(() => (JSON.parse(localStorage.getItem('session') ?? 'null') as { token?: string } | null)?.token);

describe('a session that lasts a working day', () => {
  let context: BrowserContext;
  beforeAll(async () => {
    context = await web.browser.newContext();
  });
  afterAll(async () => {
    web.stack.idp.idTokenTtlSeconds = 3600;
    await context?.close();
  });

  it('renews the token silently before it expires, and a second tab is signed in too', async () => {
    web.stack.idp.idTokenTtlSeconds = 4;
    const page = await context.newPage();
    await signInAs(page, web.stack.url, EMAIL);
    const first = await storedToken(page);
    // Well past the first token's expiry (4 s + the API's 5 s clock tolerance).
    await page.waitForTimeout(11_000);
    expect(await storedToken(page)).not.toBe(first);
    await page.goto(`${web.stack.url}/agreements`);
    await page.waitForSelector('[data-testid=agreement-list]');
    expect(await page.locator('[data-testid=sign-in-again]').isVisible()).toBe(false);

    const second = await context.newPage();
    await second.goto(`${web.stack.url}/archive`);
    await expect.poll(() => second.locator('[data-testid=who]').textContent()).toContain('Phan Thị Ngọc Anh');
    expect(new URL(second.url()).pathname).toBe('/archive');
    await second.close();
    await page.close();
  }, 40_000);

  it('when renewal is refused, asks for the password over the review form and then saves every field', async () => {
    const id = await signed();
    web.stack.idp.idTokenTtlSeconds = 4;
    const page = await context.newPage();
    await signInAs(page, web.stack.url, EMAIL);
    await page.goto(`${web.stack.url}/agreements/${id}/reviews/new`);
    await page.waitForSelector('[data-testid=review-editor]');
    await page.fill('input[name=place]', 'Hội trường UBND phường Tây Hồ');
    await page.fill('input[name=number]', '15/BC-HĐND-UBND-MTTQ');
    await page.fill('input[name=reportedBy]', 'Phó Chủ tịch UBND phường');
    await page.fill('textarea[name=achievements]', 'Hoàn thành 02 nội dung phối hợp đúng hạn.');
    await page.fill('textarea[name=shortcomings]', 'Việc báo cáo còn chậm.');
    // The administrator signs the user out everywhere: the refresh token stops working, the ID token runs out.
    await web.stack.idp.globalSignOut(EMAIL);
    await page.waitForTimeout(11_000);
    await page.click('[data-testid=save-review]');
    const dialog = page.locator('[data-testid=sign-in-again]');
    await dialog.waitFor({ state: 'visible' });
    expect(await dialog.innerText()).toContain('Phiên đăng nhập đã hết hạn');
    expect(await page.inputValue('input[name=place]')).toBe('Hội trường UBND phường Tây Hồ');
    web.stack.idp.idTokenTtlSeconds = 3600;
    await dialog.locator('input[name=password]').fill(DEMO_PASSWORD);
    await dialog.locator('button[type=submit]').click();
    // The save that was waiting goes through: the page moves on to the agreement with the review.
    await page.waitForURL((url) => url.pathname === `/agreements/${id}`);
    const review = await page.locator('[data-testid=review]').innerText();
    expect(review).toContain(`Sơ kết 6 tháng đầu năm ${year}`);
    const token = await storedToken(page);
    const saved = (await (await fetch(`${web.stack.url}/api/agreements/${id}`, { headers: { authorization: `Bearer ${token}` } })).json()) as {
      reviews: { number: string; place: string; reportedBy: string; achievements: string; shortcomings: string }[];
    };
    expect(saved.reviews[0]).toMatchObject({
      number: '15/BC-HĐND-UBND-MTTQ',
      place: 'Hội trường UBND phường Tây Hồ',
      reportedBy: 'Phó Chủ tịch UBND phường',
      achievements: 'Hoàn thành 02 nội dung phối hợp đúng hạn.',
      shortcomings: 'Việc báo cáo còn chậm.',
    });
    await page.close();
  }, 60_000);

  it('signs out every tab at once; Back after signing out shows the sign-in page', async () => {
    const page = await context.newPage();
    await signInAs(page, web.stack.url, EMAIL);
    await page.goto(`${web.stack.url}/agreements`);
    await page.waitForSelector('[data-testid=agreement-list]');
    await page.click('nav a[href="/archive"]');
    await page.waitForURL((url) => url.pathname === '/archive');
    const other = await context.newPage();
    await other.goto(`${web.stack.url}/archive`);
    await other.waitForSelector('[data-testid=who]');

    const refreshToken = await page.evaluate(() => (JSON.parse(localStorage.getItem('session') ?? '{}') as { refreshToken?: string }).refreshToken);
    expect(refreshToken).toBeTruthy();
    await page.click('button:has-text("Đăng xuất")');
    await page.waitForURL((url) => url.pathname === '/sign-in');
    await other.waitForURL((url) => url.pathname === '/sign-in');
    expect(await other.locator('[data-testid=who]').count()).toBe(0);

    await page.goBack({ waitUntil: 'commit' });
    await expect.poll(() => `${new URL(page.url()).pathname} ${new URL(page.url()).searchParams.get('next') ?? ''}`).toBe('/sign-in /agreements');
    await expect.poll(() => page.locator('h1').textContent()).toBe('Đăng nhập');
    expect(await page.locator('body').innerText()).not.toContain('Thiếu mã xác thực');
    // The refresh token was revoked with the sign-out: it renews nothing any more.
    await expect
      .poll(async () => {
        const res = await fetch(`${web.stack.url}/local-idp/token`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ grant_type: 'refresh_token', refresh_token: refreshToken }),
        });
        return res.status;
      })
      .toBe(401);
    await page.close();
    await other.close();
  }, 40_000);
});
