import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { signInAs, webSuite } from '../support/browser.js';

// The seeds' programs are for 2021–2024; the dashboard opens on the server's current year.
const web = webSuite('browser-rollups', { now: () => new Date('2024-03-01T03:00:00Z'), page: { acceptDownloads: true } });

describe('province dashboard in a real browser', () => {
  it('shows the 126 current Hà Nội units, the 30 districts in their own section, flags, sorts and exports', async () => {
    await signInAs(web.page, web.stack.url, 'xem.hanoi@demo.phoihop.vn');
    await expect.poll(() => web.page.locator('[data-testid=who]').innerText()).toContain('Người xem cấp tỉnh');
    await web.page.click('nav.sidenav >> text=Tổng hợp toàn tỉnh');
    await web.page.waitForSelector('[data-testid=rollup-table]');
    expect(await web.page.locator('[data-testid=province-name]').innerText()).toContain('Thành phố Hà Nội');
    expect(await web.page.locator('[data-testid=rollup-table] tbody tr').count()).toBe(126);
    expect(await web.page.locator('[data-testid=totals-count]').innerText()).toBe('126');
    // No commune has signed a 2024 program (they did not exist yet): all flagged.
    expect(await web.page.locator('[data-testid=rollup-table] tr[data-locality="00103"]').getAttribute('class')).toContain('flagged');

    // The districts (history) have their own section: Tây Hồ signed its 2024 program (seed 001); Ba Đình did not.
    const history = web.page.locator('[data-testid=historical-section]');
    expect(await history.locator('tbody tr').count()).toBe(30);
    expect(await history.locator('tr[data-locality="003"]').innerText()).toContain('Đã ký');
    expect(await history.locator('tr[data-locality="001"]').innerText()).toContain('Không');
    expect(await web.page.locator('[data-testid=historical-totals]').innerText()).toContain('29 chưa ký chương trình 2024');
    expect(await web.page.locator('[data-testid=rollup-table] tr[data-locality="003"]').count()).toBe(0);

    // sort by programs signed, signed first
    await web.page.click('[data-testid=historical-table] button[data-sort=programSigned]');
    expect(await web.page.locator('[data-testid=historical-table] tbody tr').first().getAttribute('data-locality')).toBe('003');

    const [csv] = await Promise.all([web.page.waitForEvent('download'), web.page.click('text=Xuất CSV')]);
    const text = readFileSync(await csv.path(), 'utf8');
    // The CSV a Vietnamese Excel opens: BOM, ';', the code kept as text with its leading zeros.
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text.split('\r\n').find((l) => l.startsWith('="003";'))).toMatch(/^="003";Quận Tây Hồ;.*;Có;/);

    // Column heads are spelled out; the short form and meaning are a tooltip a keyboard reaches too.
    const head = web.page.locator('[data-testid=rollup-table] button[data-sort=itemsDueYear]');
    expect(await head.innerText()).toContain('Nội dung đến hạn năm 2024');
    expect(await head.getAttribute('title')).toContain('Viết tắt: ND');
    expect(await web.page.locator('[data-testid=rollup-table] thead').innerText()).not.toMatch(/\b(ND|KH|CTr)\b/);
    // The page says what the year applies to and what is as of today.
    expect(await web.page.locator('[data-testid=year-scope]').innerText()).toContain('tính đến hôm nay (01/03/2024)');

    // Filters: a name without diacritics narrows both sections; the export link carries it.
    await web.page.fill('[data-testid=rollup-filters] input[name=q]', 'tay ho');
    await web.page.click('[data-testid=rollup-filters] button[type=submit]');
    await expect.poll(() => web.page.locator('[data-testid=rollup-table] tbody tr').count()).toBe(1);
    expect(await web.page.locator('[data-testid=rollup-table] tbody tr').first().getAttribute('data-locality')).toBe('00103');
    expect(await history.locator('tbody tr').count()).toBe(1);
    expect(await web.page.locator('[data-testid=export-csv]').getAttribute('href')).toContain('q=tay+ho');
    await web.page.goto(`${web.stack.url}/province`);
    await web.page.waitForSelector('[data-testid=historical-table] tr[data-locality="003"]');
  });

  it('drills into a historical district read-only', async () => {
    await web.page.click('[data-testid=historical-table] tr[data-locality="003"] a');
    await web.page.waitForURL(/\/province\/locality\?locality=003$/);
    await expect.poll(() => web.page.locator('[data-testid=locality-name]').innerText()).toBe('Quận Tây Hồ');
    await web.page.waitForSelector('[data-testid=locality-agreements]');
    expect(await web.page.locator('[data-testid=locality-agreements]').innerText()).toContain('Phối hợp công tác năm 2024');
    expect(await web.page.locator('[data-testid=locality-figures]').innerText()).toContain('Đã ký chương trình 2024');
    await expect.poll(() => web.page.locator('[data-testid=read-only-banner]').innerText()).toContain('Quận Tây Hồ');
    // open the program: read-only for province staff (no sign/edit controls)
    await web.page.click('[data-testid=locality-agreements] >> text=Phối hợp công tác năm 2024');
    await web.page.waitForSelector('[data-testid=export-docx]');
    expect(web.page.url()).toContain('locality=003');
    expect(await web.page.locator('text=Sửa dự thảo').count()).toBe(0);
    // another province's district is not reachable by typing its code (the old address redirects)
    await web.page.goto(`${web.stack.url}/province/districts/164`);
    await web.page.waitForURL(/\/province\/locality\?locality=164$/);
    await expect.poll(() => web.page.locator('[role=alert]').first().innerText()).toContain('Không tìm thấy');
  });
});

describe('the year filter and the charts', () => {
  it('the year changes the year figures and the charts; the units without figures are one bar', async () => {
    await web.page.goto(`${web.stack.url}/province`);
    await web.page.waitForSelector('[data-testid=rollup-table]');
    const kpi = () => web.page.locator('[data-testid=historical-totals-items-year]').innerText();
    const agreements = () => web.page.locator('[data-testid=historical-totals-agreements]').innerText();
    // 2024: the districts' program items due in 2024 are counted; the agreements are as of today.
    expect(await kpi()).toContain('6 nội dung đến hạn năm 2024 chưa hoàn thành');
    const asOfToday = await agreements();
    expect(asOfToday).toContain('tính đến hôm nay');
    // The current communes have no figure due in 2024: one bar for all of them, not 126 rows of "0 / 0".
    const chart = web.page.locator('[data-testid=chart-items]');
    expect(await chart.locator('g[data-rest=true]').count()).toBe(1);
    expect(await chart.innerText()).toContain('Các đơn vị khác (126)');
    expect((await chart.innerText()).match(/0 \/ 0/g)?.length).toBe(1);

    await web.page.selectOption('[data-testid=rollup-filters] select[name=year]', '2023');
    await expect.poll(() => kpi()).toContain('0 nội dung đến hạn năm 2023 chưa hoàn thành');
    expect(await web.page.locator('[data-testid=historical-totals]').innerText()).toContain('chưa ký chương trình 2023');
    expect(await agreements()).toBe(asOfToday);
    expect(await web.page.locator('[data-testid=chart-items] figcaption').innerText()).toContain('năm 2023');
    expect(await web.page.locator('[data-testid=rollup-table] button[data-sort=itemsDueYear]').innerText()).toContain('2023');
  });
});
