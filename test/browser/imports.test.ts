import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalStack } from '../../functions/local/server.js';
import { launchBrowser, signInAs, startWebStack } from '../support/browser.js';
import { regulationDocx } from '../support/decree30-docx.js';

let stack: LocalStack;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  stack = await startWebStack('browser-imports');
  browser = await launchBrowser();
  page = await browser.newPage();
  await signInAs(page, stack.url, 'admin.phuongtayho@demo.phoihop.vn');
  await page.waitForSelector('[data-testid=who]');
});
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

describe('importing history in a real browser', () => {
  it('imports a 13-article regulation .docx, corrects one article beside its source, saves, and finds it in the list', async () => {
    const file = join(tmpdir(), `quy-che-13-dieu-${process.pid}.docx`);
    writeFileSync(file, await regulationDocx({ articles: 13 }));
    await page.goto(`${stack.url}/agreements`);
    await page.click('[data-testid=import-agreement]');
    await page.setInputFiles('[data-testid=import-file]', file);
    await page.click('[data-testid=import-read]');
    await page.waitForSelector('[data-testid=import-review]');
    expect(await page.locator('[data-testid=import-article]').count()).toBe(13);
    expect(await page.inputValue('input[name=termFrom]')).toBe('2021');
    expect(await page.inputValue('input[name=party-0]')).toBe('Thường trực Hội đồng nhân dân phường Tây Hồ');
    // Each article shows the paragraph it was read from beside it.
    const fifth = page.locator('[data-testid=import-article]').nth(4);
    expect(await fifth.locator('.import-source').innerText()).toContain('Điều 5. Nội dung phối hợp thứ 5');
    await page.fill('input[name=article-title-4]', 'Trách nhiệm của Thường trực HĐND phường');
    await page.click('[data-testid=save-import]');
    await page.waitForURL(/\/agreements\/[0-9A-Z]{26}$/);
    await expect.poll(() => page.locator('main').innerText()).toContain('Trách nhiệm của Thường trực HĐND phường');
    await page.goto(`${stack.url}/agreements`);
    await page.fill('[data-testid=search]', 'nhiem ky 2021');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.locator('[data-testid=agreement-list]').innerText())
      .toContain('Quy chế phối hợp công tác giữa Thường trực HĐND, UBND và Ủy ban MTTQ Việt Nam phường Tây Hồ nhiệm kỳ 2021-2026');
    expect(await page.locator('[data-testid=agreement-list]').innerText()).toContain('3 chương, 13 điều');
  });
});

describe('items spreadsheet in a real browser', () => {
  it('imports an XLSX of 7 items into a draft program, then the same file again shows 0 changes', async () => {
    const { xlsxOf, itemRows } = await import('../support/sheets.js');
    const file = join(tmpdir(), `noi-dung-7-${process.pid}.xlsx`);
    writeFileSync(file, await xlsxOf(itemRows(7, 2026)));
    await page.goto(`${stack.url}/agreements/new`);
    await page.waitForSelector('[data-testid=agreement-editor]');
    await page.fill('input[name=title]', 'Phối hợp công tác năm 2026 (nhập từ Excel)');
    await page.fill('input[name=year]', '2026');
    await expect.poll(() => page.inputValue('input[name=party-0]')).not.toBe('');
    await page.click('[data-testid=save-agreement]');
    await page.waitForURL(/\/agreements\/[0-9A-Z]{26}$/);
    await page.click('[data-testid=items-sheet]');
    await page.setInputFiles('[data-testid=sheet-file]', file);
    await page.click('[data-testid=sheet-preview]');
    await expect.poll(() => page.locator('[data-testid=sheet-summary]').innerText()).toContain('7 thay đổi, 0 dòng giữ nguyên');
    expect(await page.locator('[data-testid=sheet-change]').count()).toBe(7);
    await page.click('[data-testid=sheet-apply]');
    await expect.poll(() => page.locator('[data-testid=sheet-summary]').innerText()).toContain('Đã áp dụng 7 thay đổi');
    await page.setInputFiles('[data-testid=sheet-file]', file);
    await page.click('[data-testid=sheet-preview]');
    await expect.poll(() => page.locator('[data-testid=sheet-summary]').innerText()).toContain('0 thay đổi, 7 dòng giữ nguyên');
    expect(await page.locator('[data-testid=sheet-apply]').count()).toBe(0);
  });
});
