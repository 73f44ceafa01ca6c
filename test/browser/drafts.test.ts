import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalStack } from '../../functions/local/server.js';
import { launchBrowser, signInAs, startWebStack } from '../support/browser.js';

let stack: LocalStack;
let browser: Browser;
let page: Page;
const dialogs: string[] = [];

beforeAll(async () => {
  stack = await startWebStack('browser-drafts');
  browser = await launchBrowser();
  page = await browser.newPage();
  page.on('dialog', (d) => {
    dialogs.push(`${d.type()}: ${d.message()}`);
    void d.accept();
  });
});
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

const openNewAgreement = async () => {
  await page.click('nav a[href="/agreements"]');
  await page.click('[data-testid=new-agreement]');
  await page.waitForSelector('[data-testid=agreement-editor]');
  await expect.poll(() => page.inputValue('input[name=party-0]')).toBe('Thường trực Hội đồng nhân dân phường Tây Hồ');
};

describe('nothing typed is lost', () => {
  it('leaves an untouched form without asking', async () => {
    await signInAs(page, stack.url, 'admin.phuongtayho@demo.phoihop.vn');
    await openNewAgreement();
    await page.click('nav a[href="/supervision"]');
    await page.waitForURL((url) => url.pathname === '/supervision');
    expect(dialogs).toEqual([]);
  });

  it('warns before leaving a changed form, and restores the draft when it is opened again', async () => {
    await openNewAgreement();
    await page.fill('input[name=number]', '21/CTrPH-HĐND-UBND-MTTQ');
    await page.fill('input[name=title]', 'Phối hợp giám sát việc giải quyết kiến nghị cử tri');
    await page.fill('textarea[name=areas]', 'Tiếp xúc cử tri\nGiám sát');
    await page.click('nav a[href="/supervision"]');
    await page.waitForURL((url) => url.pathname === '/supervision');
    expect(dialogs).toHaveLength(1);
    expect(dialogs[0]).toContain('confirm: Biểu mẫu có thay đổi chưa lưu');

    await openNewAgreement();
    await page.waitForSelector('[data-testid=draft-notice]');
    expect(await page.locator('[data-testid=draft-notice]').innerText()).toContain('Đã khôi phục bản nháp chưa lưu');
    expect(await page.inputValue('input[name=number]')).toBe('21/CTrPH-HĐND-UBND-MTTQ');
    expect(await page.inputValue('input[name=title]')).toBe('Phối hợp giám sát việc giải quyết kiến nghị cử tri');
    expect(await page.inputValue('textarea[name=areas]')).toBe('Tiếp xúc cử tri\nGiám sát');

    // Also after a reload of the whole app (which asks first, as closing the tab would).
    await page.reload();
    expect(dialogs[1]).toBe('beforeunload: ');
    await page.waitForSelector('[data-testid=draft-notice]');
    expect(await page.inputValue('input[name=number]')).toBe('21/CTrPH-HĐND-UBND-MTTQ');

    // Discarding returns to the empty form and forgets the draft.
    await page.click('[data-testid=discard-draft]');
    expect(await page.inputValue('input[name=number]')).toBe('');
    expect(await page.locator('[data-testid=draft-notice]').count()).toBe(0);
    await page.click('nav a[href="/supervision"]');
    await page.waitForURL((url) => url.pathname === '/supervision');
    expect(dialogs).toHaveLength(2);
    expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('draft:')))).toEqual([]);
  });
});
