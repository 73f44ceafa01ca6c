import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../functions/demo/data.js';
import { webSuite } from '../support/browser.js';

const web = webSuite('browser-shell-guard');

async function signInHere(page: Page, email: string) {
  await page.fill('input[name=email]', email);
  await page.fill('input[name=password]', DEMO_PASSWORD);
  await page.click('button[type=submit]');
}

describe('session guard and lazy pages', () => {
  it('draws the sign-in page from the entry chunk alone: no page chunk, no zod', async () => {
    const page = await web.browser.newPage();
    const scripts: string[] = [];
    page.on('request', (r) => {
      if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
    });
    await page.goto(`${web.stack.url}/sign-in`);
    await page.waitForSelector('input[name=email]');
    expect(scripts).toHaveLength(1);
    expect(scripts[0]).toMatch(/^\/assets\/index-[\w-]+\.js$/);
    await page.close();
  });

  it('sends a visitor on a page that needs a session to sign in, then back to that page', async () => {
    const page = await web.browser.newPage();
    await page.goto(`${web.stack.url}/audit?x=1`);
    await page.waitForURL((url) => url.pathname === '/sign-in');
    expect(new URL(page.url()).searchParams.get('next')).toBe('/audit?x=1');
    // The page behind the guard never drew for the visitor.
    expect(await page.locator('h1').textContent()).toBe('Đăng nhập');
    await signInHere(page, 'admin.tayho@demo.phoihop.vn');
    await page.waitForURL((url) => url.pathname === '/audit');
    expect(new URL(page.url()).search).toBe('?x=1');
    await expect.poll(() => page.locator('[data-testid=who]').textContent()).toContain('Nguyễn Thu Hà');

    // A reload decides from the stored session: the page stays, no detour through sign-in.
    const visited: string[] = [];
    page.on('framenavigated', (f) => visited.push(new URL(f.url()).pathname));
    await page.reload();
    await expect.poll(() => page.locator('[data-testid=who]').textContent()).toContain('Nguyễn Thu Hà');
    expect(visited).toEqual(['/audit']);
    expect(new URL(page.url()).pathname).toBe('/audit');

    // Signing out from a guarded page leaves it.
    await page.click('button:has-text("Đăng xuất")');
    await page.waitForURL((url) => url.pathname === '/sign-in');
    await page.goto(`${web.stack.url}/users`);
    await page.waitForURL((url) => url.pathname === '/sign-in');
    await page.close();
  });

  it('does not follow a return path to another site', async () => {
    const page = await web.browser.newPage();
    await page.goto(`${web.stack.url}/sign-in?next=${encodeURIComponent('//example.com/x')}`);
    await signInHere(page, 'admin.tayho@demo.phoihop.vn');
    await page.waitForURL((url) => url.pathname === '/');
    expect(new URL(page.url()).host).toBe(new URL(web.stack.url).host);
    await page.close();
  });
});

describe('navigation on a phone (390 × 844)', () => {
  it('folds into a menu button: aria-expanded, focus into the menu, Escape closes and returns focus', async () => {
    const page = await web.browser.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(`${web.stack.url}/sign-in`);
    await signInHere(page, 'admin.tayho@demo.phoihop.vn');
    await page.waitForURL((url) => url.pathname === '/');
    await page.waitForSelector('[data-testid=who]');

    const button = page.locator('[data-testid=menu-button]');
    const nav = page.locator('nav#main-nav');
    expect(await button.isVisible()).toBe(true);
    expect(await button.getAttribute('aria-expanded')).toBe('false');
    expect(await button.getAttribute('aria-controls')).toBe('main-nav');
    expect(await nav.isVisible()).toBe(false);

    await button.click();
    expect(await button.getAttribute('aria-expanded')).toBe('true');
    expect(await nav.isVisible()).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.closest('nav')?.id)).toBe('main-nav');

    await page.keyboard.press('Escape');
    expect(await button.getAttribute('aria-expanded')).toBe('false');
    expect(await nav.isVisible()).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('menu-button');

    // Keyboard: open with Enter, follow a link; the menu closes and focus moves to the new page.
    await page.keyboard.press('Enter');
    expect(await nav.isVisible()).toBe(true);
    await nav.locator('a[href="/status"]').click();
    await page.waitForURL((url) => url.pathname === '/status');
    await page.waitForSelector('h1:has-text("Trạng thái hệ thống")');
    expect(await nav.isVisible()).toBe(false);
    expect(await button.getAttribute('aria-expanded')).toBe('false');
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('MAIN');

    // The shell itself never makes the page scroll sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.close();
  });

  it('keeps the side navigation on a wide screen, without the menu button', async () => {
    const page = await web.browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(web.stack.url);
    await page.waitForSelector('nav#main-nav a');
    expect(await page.locator('nav#main-nav').isVisible()).toBe(true);
    expect(await page.locator('[data-testid=menu-button]').isVisible()).toBe(false);
    await page.close();
  });
});
