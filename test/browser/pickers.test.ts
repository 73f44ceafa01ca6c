import { beforeAll, describe, expect, it } from 'vitest';
import { makePdf } from '../support/archive-files.js';
import { signInAs, webSuite } from '../support/browser.js';
import { signedProgram } from '../support/signed-program.js';

let agreementId = '';
const EMAIL = 'admin.phuongtayho@demo.phoihop.vn';
const year = new Date(Date.now() + 7 * 3600_000).getUTCFullYear();
const ULID = /\b[0-9A-HJKMNP-TV-Z]{26}\b/;

const web = webSuite('browser-pickers');

beforeAll(async () => {
  agreementId = await signedProgram(web.stack, EMAIL, { year, number: '31/CTrPH-HĐND-UBND-MTTQ', title: `Phối hợp giám sát đầu tư công năm ${year}` });
});

describe('records are picked and shown by title and number, never by id', () => {
  it('"Tải bản ký lên" opens the upload with the agreement’s number, date, parties, signers and link filled in', async () => {
    await signInAs(web.page, web.stack.url, EMAIL);
    await web.page.goto(`${web.stack.url}/agreements/${agreementId}`);
    await web.page.click('[data-testid=upload-signed]');
    await web.page.waitForURL((url) => url.pathname === '/archive/new');
    await expect.poll(() => web.page.inputValue('input[name=numberSymbol]')).toBe('31/CTrPH-HĐND-UBND-MTTQ');
    expect(await web.page.inputValue('select[name=type]')).toBe('CTr');
    expect(await web.page.inputValue('input[name=signedOn]')).toBe(`15/01/${year}`);
    expect(await web.page.inputValue('textarea[name=summary]')).toBe(`Chương trình phối hợp giám sát đầu tư công năm ${year}`);
    expect(await web.page.inputValue('textarea[name=agencies]')).toContain('Ủy ban nhân dân quận Tây Hồ');
    expect(await web.page.inputValue('textarea[name=signers]')).toBe('Nguyễn Văn An; Chủ tịch; HĐND');
    await expect.poll(() => web.page.locator('[data-testid=picked-record]').innerText()).toContain('31/CTrPH-HĐND-UBND-MTTQ');

    await web.page.setInputFiles('input[name=file]', { name: 'ban-ky.pdf', mimeType: 'application/pdf', buffer: makePdf('ban ky') });
    await web.page.click('[data-testid=archive-submit]');
    await web.page.waitForURL(/\/archive\/[0-9A-Z]{26}$/);
    const links = web.page.locator('[data-testid=doc-links]');
    await expect.poll(() => links.innerText()).toContain(`Chương trình phối hợp giám sát đầu tư công năm ${year}`);
    expect(await links.innerText()).not.toMatch(ULID);
    // And the other way: the agreement lists the document by its number.
    await web.page.goto(`${web.stack.url}/agreements/${agreementId}`);
    await expect.poll(() => web.page.locator('[data-testid=documents]').innerText()).toContain('31/CTrPH-HĐND-UBND-MTTQ');
  });

  it('takes an item’s evidence from the archive by typing part of the document’s summary without diacritics', async () => {
    await web.page.goto(`${web.stack.url}/agreements/${agreementId}`);
    await web.page.locator('[data-testid=open-progress]').first().click();
    const picker = web.page.locator('input[name=docId]').first();
    await picker.waitFor();
    await picker.fill('giam sat dau tu cong');
    await web.page.click('[data-testid=picker-options] [role=option]:has-text("31/CTrPH-HĐND-UBND-MTTQ")');
    await expect.poll(() => web.page.locator('[data-testid=picked-record]').first().innerText()).toContain('31/CTrPH-HĐND-UBND-MTTQ');
    // The evidence gets the document's number and summary as its name, and is shown by it.
    await web.page.selectOption('[data-testid=progress-form] select[name=status]', 'in_progress');
    await web.page.click('[data-testid=progress-form] button[type=submit]');
    await expect.poll(() => web.page.locator('[data-testid=item-1]').innerText(), { timeout: 10_000 }).toContain('Minh chứng: 31/CTrPH-HĐND-UBND-MTTQ');
    expect(await web.page.locator('[data-testid=item-1]').innerText()).not.toMatch(ULID);
  });

  it('a new review starts from where each item stands, and the agreement prints without the app around it', async () => {
    // Item 1 was moved to "in progress" with a note in the test before.
    await web.page.goto(`${web.stack.url}/agreements/${agreementId}/reviews/new`);
    await web.page.waitForSelector('[data-testid=review-editor]');
    await expect.poll(() => web.page.inputValue('select[name=result-status-1]')).toBe('in_progress');
    expect(await web.page.inputValue('select[name=result-status-2]')).toBe('not_started');

    await web.page.goto(`${web.stack.url}/agreements/${agreementId}`);
    await web.page.waitForSelector('[data-testid=agreement-title]');
    await web.page.emulateMedia({ media: 'print' });
    expect(await web.page.locator('nav.sidenav').isVisible()).toBe(false);
    expect(await web.page.locator('[data-testid=upload-signed]').isVisible()).toBe(false);
    expect(await web.page.locator('[data-testid=agreement-title]').isVisible()).toBe(true);
    await web.page.emulateMedia({ media: 'screen' });
  });

  it('links a supervision plan to an agreement picked by title', async () => {
    await web.page.goto(`${web.stack.url}/supervision/new`);
    await web.page.fill('input[name=agreementId]', 'dau tu cong');
    await web.page.click('[data-testid=picker-options] [role=option]:has-text("đầu tư công")');
    await expect.poll(() => web.page.locator('[data-testid=picked-record]').innerText()).toContain(`Chương trình phối hợp giám sát đầu tư công năm ${year}`);
  });
});
