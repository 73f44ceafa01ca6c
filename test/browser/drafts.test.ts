import { beforeAll, describe, expect, it } from 'vitest';
import { signInAs, webSuite } from '../support/browser.js';

const dialogs: string[] = [];

const web = webSuite('browser-drafts');

beforeAll(async () => {
  web.page.on('dialog', (d) => {
    dialogs.push(`${d.type()}: ${d.message()}`);
    void d.accept();
  });
});

const openNewAgreement = async () => {
  await web.page.click('nav a[href="/agreements"]');
  await web.page.click('[data-testid=new-agreement]');
  await web.page.waitForSelector('[data-testid=agreement-editor]');
  await expect.poll(() => web.page.inputValue('input[name=party-0]')).toBe('Thường trực Hội đồng nhân dân phường Tây Hồ');
};

describe('nothing typed is lost', () => {
  it('leaves an untouched form without asking', async () => {
    await signInAs(web.page, web.stack.url, 'admin.phuongtayho@demo.phoihop.vn');
    await openNewAgreement();
    await web.page.click('nav a[href="/supervision"]');
    await web.page.waitForURL((url) => url.pathname === '/supervision');
    expect(dialogs).toEqual([]);
  });

  it('warns before leaving a changed form, and restores the draft when it is opened again', async () => {
    await openNewAgreement();
    await web.page.fill('input[name=number]', '21/CTrPH-HĐND-UBND-MTTQ');
    await web.page.fill('input[name=title]', 'Phối hợp giám sát việc giải quyết kiến nghị cử tri');
    await web.page.fill('textarea[name=areas]', 'Tiếp xúc cử tri\nGiám sát');
    await web.page.click('nav a[href="/supervision"]');
    await web.page.waitForURL((url) => url.pathname === '/supervision');
    expect(dialogs).toHaveLength(1);
    expect(dialogs[0]).toContain('confirm: Biểu mẫu có thay đổi chưa lưu');

    await openNewAgreement();
    await web.page.waitForSelector('[data-testid=draft-notice]');
    expect(await web.page.locator('[data-testid=draft-notice]').innerText()).toContain('Đã khôi phục bản nháp chưa lưu');
    expect(await web.page.inputValue('input[name=number]')).toBe('21/CTrPH-HĐND-UBND-MTTQ');
    expect(await web.page.inputValue('input[name=title]')).toBe('Phối hợp giám sát việc giải quyết kiến nghị cử tri');
    expect(await web.page.inputValue('textarea[name=areas]')).toBe('Tiếp xúc cử tri\nGiám sát');

    // Also after a reload of the whole app (which asks first, as closing the tab would).
    await web.page.reload();
    expect(dialogs[1]).toBe('beforeunload: ');
    await web.page.waitForSelector('[data-testid=draft-notice]');
    expect(await web.page.inputValue('input[name=number]')).toBe('21/CTrPH-HĐND-UBND-MTTQ');

    // Discarding returns to the empty form and forgets the draft.
    await web.page.click('[data-testid=discard-draft]');
    expect(await web.page.inputValue('input[name=number]')).toBe('');
    expect(await web.page.locator('[data-testid=draft-notice]').count()).toBe(0);
    await web.page.click('nav a[href="/supervision"]');
    await web.page.waitForURL((url) => url.pathname === '/supervision');
    expect(dialogs).toHaveLength(2);
    expect(await web.page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('draft:')))).toEqual([]);
  });
});
