import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalStack } from '../../functions/local/server.js';
import { launchBrowser, signInAs, startWebStack } from '../support/browser.js';

let stack: LocalStack;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  // The seeds' programs are for 2021–2024; the dashboard opens on the server's current year.
  stack = await startWebStack('browser-rollups', { now: () => new Date('2024-03-01T03:00:00Z') });
  browser = await launchBrowser();
  page = await browser.newPage({ acceptDownloads: true });
});
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

describe('province dashboard in a real browser', () => {
  it('shows the 126 current Hà Nội units, the 30 districts in their own section, flags, sorts and exports', async () => {
    await signInAs(page, stack.url, 'xem.hanoi@demo.phoihop.vn');
    await expect.poll(() => page.locator('[data-testid=who]').innerText()).toContain('Người xem cấp tỉnh');
    await page.click('nav.sidenav >> text=Tổng hợp toàn tỉnh');
    await page.waitForSelector('[data-testid=rollup-table]');
    expect(await page.locator('[data-testid=province-name]').innerText()).toContain('Thành phố Hà Nội');
    expect(await page.locator('[data-testid=rollup-table] tbody tr').count()).toBe(126);
    expect(await page.locator('[data-testid=totals-count]').innerText()).toBe('126');
    // No commune has signed a 2024 program (they did not exist yet): all flagged.
    expect(await page.locator('[data-testid=rollup-table] tr[data-locality="00103"]').getAttribute('class')).toContain('flagged');

    // The districts (history) have their own section: Tây Hồ signed its 2024 program (seed 001); Ba Đình did not.
    const history = page.locator('[data-testid=historical-section]');
    expect(await history.locator('tbody tr').count()).toBe(30);
    expect(await history.locator('tr[data-locality="003"]').innerText()).toContain('Đã ký');
    expect(await history.locator('tr[data-locality="001"]').innerText()).toContain('Không');
    expect(await page.locator('[data-testid=historical-totals]').innerText()).toContain('29 chưa ký chương trình 2024');
    expect(await page.locator('[data-testid=rollup-table] tr[data-locality="003"]').count()).toBe(0);

    // sort by programs signed, signed first
    await page.click('[data-testid=historical-table] button[data-sort=programSigned]');
    expect(await page.locator('[data-testid=historical-table] tbody tr').first().getAttribute('data-locality')).toBe('003');

    const [csv] = await Promise.all([page.waitForEvent('download'), page.click('text=Xuất CSV')]);
    const text = readFileSync(await csv.path(), 'utf8');
    expect(text.split('\r\n').find((l) => l.startsWith('003,'))).toMatch(/^003,Quận Tây Hồ,.*,Có,/);

    // Filters: a name without diacritics narrows both sections; the export link carries it.
    await page.fill('[data-testid=rollup-filters] input[name=q]', 'tay ho');
    await page.click('[data-testid=rollup-filters] button[type=submit]');
    await expect.poll(() => page.locator('[data-testid=rollup-table] tbody tr').count()).toBe(1);
    expect(await page.locator('[data-testid=rollup-table] tbody tr').first().getAttribute('data-locality')).toBe('00103');
    expect(await history.locator('tbody tr').count()).toBe(1);
    expect(await page.locator('[data-testid=export-csv]').getAttribute('href')).toContain('q=tay+ho');
    await page.goto(`${stack.url}/province`);
    await page.waitForSelector('[data-testid=historical-table] tr[data-locality="003"]');
  });

  it('drills into a historical district read-only', async () => {
    await page.click('[data-testid=historical-table] tr[data-locality="003"] a');
    await page.waitForURL(/\/province\/locality\?locality=003$/);
    await expect.poll(() => page.locator('[data-testid=locality-name]').innerText()).toBe('Quận Tây Hồ');
    await page.waitForSelector('[data-testid=locality-agreements]');
    expect(await page.locator('[data-testid=locality-agreements]').innerText()).toContain('Phối hợp công tác năm 2024');
    expect(await page.locator('[data-testid=locality-figures]').innerText()).toContain('Đã ký chương trình 2024');
    await expect.poll(() => page.locator('[data-testid=read-only-banner]').innerText()).toContain('Quận Tây Hồ');
    // open the program: read-only for province staff (no sign/edit controls)
    await page.click('[data-testid=locality-agreements] >> text=Phối hợp công tác năm 2024');
    await page.waitForSelector('[data-testid=export-docx]');
    expect(page.url()).toContain('locality=003');
    expect(await page.locator('text=Sửa dự thảo').count()).toBe(0);
    // another province's district is not reachable by typing its code (the old address redirects)
    await page.goto(`${stack.url}/province/districts/164`);
    await page.waitForURL(/\/province\/locality\?locality=164$/);
    await expect.poll(() => page.locator('[role=alert]').first().innerText()).toContain('Không tìm thấy');
  });
});
