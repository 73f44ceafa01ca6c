import { describe, expect, it } from 'vitest';
import { makePdf } from '../support/archive-files.js';
import { signInAs, webSuite } from '../support/browser.js';

// A browser whose language is American English: a native date input would read 05/11/2026 as 11 May.
const web = webSuite('browser-dates', { page: { locale: 'en-US', timezoneId: 'America/New_York' } });

describe('one date format, whatever the browser language', () => {
  it('takes 05/11/2026 as 5 November 2026 in an en-US browser and labels the file field in Vietnamese', async () => {
    await signInAs(web.page, web.stack.url, 'admin.phuongtayho@demo.phoihop.vn');
    await web.page.goto(`${web.stack.url}/archive/new`);
    const fileField = web.page.locator('[data-testid=archive-upload-form] .file-input').first();
    await expect.poll(() => fileField.innerText()).toContain('Chưa chọn tệp');
    expect(await fileField.innerText()).toContain('Chọn tệp…');
    await web.page.setInputFiles('input[name=file]', { name: 'bien-ban-ky-ket.pdf', mimeType: 'application/pdf', buffer: makePdf('bien ban ky ket') });
    expect(await fileField.innerText()).toContain('bien-ban-ky-ket.pdf');

    // Every date field is a day-first text field, none a native date picker.
    expect(await web.page.locator('input[type=date], input[type=time], input[type=month]').count()).toBe(0);
    expect(await web.page.getAttribute('input[name=signedOn]', 'placeholder')).toBe('dd/mm/yyyy');
    await web.page.selectOption('select[name=type]', 'CTr');
    await web.page.fill('input[name=numberSymbol]', '09/CTrPH-HĐND-UBND-MTTQ');
    // A text that is no date is refused in the app's language before anything is sent.
    await web.page.fill('input[name=signedOn]', '31/11/2026');
    expect(await web.page.$eval('input[name=signedOn]', (el) => (el as HTMLInputElement).validationMessage)).toContain('ngày/tháng/năm');
    await web.page.fill('input[name=signedOn]', '05/11/2026');
    await web.page.fill('textarea[name=summary]', 'Chương trình phối hợp ký kết ngày 05/11/2026');
    await web.page.fill('textarea[name=agencies]', 'UBND phường Tây Hồ');
    await web.page.click('[data-testid=archive-submit]');
    await web.page.waitForURL(/\/archive\/[0-9A-Z]{26}$/);
    expect(await web.page.locator('[data-testid=doc-facts]').innerText()).toContain('05/11/2026');

    const id = new URL(web.page.url()).pathname.split('/').pop();
    const token = await web.page.evaluate(() => (JSON.parse(localStorage.getItem('session') ?? '{}') as { token?: string }).token);
    const stored = await (await fetch(`${web.stack.url}/api/archive/documents/${id}`, { headers: { authorization: `Bearer ${token}` } })).text();
    expect(stored).toContain('"signedOn":"2026-11-05"');
  });

  it('shows and reads the audit month as mm/yyyy and a 24-hour session time', async () => {
    await web.page.goto(`${web.stack.url}/audit`);
    const month = web.page.locator('input[name=month]');
    await expect.poll(() => month.inputValue()).toMatch(/^\d{2}\/\d{4}$/);
    await web.page.goto(`${web.stack.url}/supervision/new`);
    await web.page.waitForSelector('input[name=periodFrom]');
    if ((await web.page.locator('input[name=session-time-0]').count()) === 0) await web.page.click('[data-testid=add-session]');
    await web.page.fill('input[name=session-time-0]', '14h30');
    await web.page.locator('input[name=session-time-0]').blur();
    expect(await web.page.inputValue('input[name=session-time-0]')).toBe('14:30');
  });
});
