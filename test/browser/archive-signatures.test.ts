import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalStack } from '../../functions/local/server.js';
import { makePdf } from '../support/archive-files.js';
import { launchBrowser, signInAs, startWebStack } from '../support/browser.js';
import { flipByte, makeTestPki, signPdf } from '../support/pdf-signing.js';

/** Upload a signed PDF in the real web app: the page names the signer and says "toàn vẹn"; a tampered copy shows the failure. */
let stack: LocalStack;
let browser: Browser;
let page: Page;
let signed: Buffer;

beforeAll(async () => {
  stack = await startWebStack('browser-signatures');
  const pki = await makeTestPki();
  stack.deps.trustAnchorsPem = pki.rootPem;
  signed = await signPdf(makePdf('QUYET DINH 15 KY SO PHUONG TAY HO'), pki.signer);
  browser = await launchBrowser();
  page = await browser.newPage();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

async function upload(name: string, bytes: Buffer, numberSymbol: string) {
  await page.goto(`${stack.url}/archive/new`);
  await page.setInputFiles('input[name=file]', { name, mimeType: 'application/pdf', buffer: bytes });
  await page.selectOption('select[name=type]', 'QĐ');
  await page.fill('input[name=numberSymbol]', numberSymbol);
  await page.fill('input[name=signedOn]', '2024-02-28');
  await page.fill('textarea[name=summary]', 'Quyết định ban hành quy chế phối hợp, ký số');
  await page.fill('textarea[name=agencies]', 'UBND phường Tây Hồ');
  await page.click('[data-testid=archive-submit]');
  await page.waitForURL(/\/archive\/[0-9A-Z]{26}$/);
}

describe('digital signatures on the archive pages', () => {
  it('shows the signer, the time and "toàn vẹn" for a signed PDF', async () => {
    await signInAs(page, stack.url, 'bientap.phuongtayho@demo.phoihop.vn');
    await upload('quyet-dinh-15.pdf', signed, '15/QĐ-UBND');
    const box = page.locator('[data-testid=signature]');
    await expect.poll(() => box.innerText()).toContain('Đã ký số bởi Nguyễn Văn An (UBND phường Tây Hồ), lúc 10:00 28/02/2024, toàn vẹn');
    expect(await box.getAttribute('data-status')).toBe('trusted');
    expect(await box.innerText()).toContain('Chữ ký số hợp lệ, chứng thư được tin cậy');
    expect(await box.innerText()).toContain('0A1B2C3D4E');
  });

  it('shows the failure for a copy with one byte changed, and re-checks on demand', async () => {
    await upload('quyet-dinh-15-sua.pdf', flipByte(signed, 'KY SO'), '16/QĐ-UBND');
    const box = page.locator('[data-testid=signature]');
    await expect.poll(() => box.innerText()).toContain('Chữ ký số không hợp lệ');
    expect(await box.innerText()).toContain('Nội dung đã bị thay đổi sau khi ký');
    expect(await box.getAttribute('data-status')).toBe('broken');
    await page.click('[data-testid=verify-1]');
    await expect.poll(() => page.locator('[data-testid=verify-signature-1]').innerText()).toContain('KHÔNG toàn vẹn');
  });

  it('filters the list to documents with a digital signature', async () => {
    await page.goto(`${stack.url}/archive`);
    await page.check('input[name=signed]');
    await page.click('[data-testid=archive-search]');
    const results = page.locator('[data-testid=archive-results]');
    await expect.poll(() => results.innerText()).toContain('15/QĐ-UBND');
    expect(await results.innerText()).toContain('Ký số hợp lệ');
    expect(await results.innerText()).toContain('Chữ ký không hợp lệ');
  });

  it('warns before saving a number and symbol the register already holds for the same agency', async () => {
    await page.goto(`${stack.url}/archive/new`);
    await page.fill('input[name=numberSymbol]', '15/QD-UBND');
    await page.fill('textarea[name=agencies]', 'UBND phuong Tay Ho');
    const warning = page.locator('[data-testid=number-clash]');
    await expect.poll(() => warning.innerText()).toContain('Quyết định 15/QĐ-UBND');
    expect(await warning.innerText()).toContain('đã có trong sổ văn bản');
    await page.fill('input[name=numberSymbol]', '99/QD-UBND');
    await expect.poll(() => warning.count()).toBe(0);
  });

  it('lets province staff pick a ward and read its archive, signatures included, without writing', async () => {
    const province = await (await browser.newContext()).newPage();
    await signInAs(province, stack.url, 'admin.hanoi@demo.phoihop.vn');
    await province.goto(`${stack.url}/archive`);
    await province.selectOption('[data-testid=archive-locality]', '00103');
    await province.waitForURL(/locality=00103/);
    const results = province.locator('[data-testid=archive-results]');
    await expect.poll(() => results.innerText()).toContain('15/QĐ-UBND');
    expect(await province.locator('[data-testid=archive-new]').count()).toBe(0);
    await province.click('text=15/QĐ-UBND');
    await expect.poll(() => province.locator('[data-testid=signature]').innerText()).toContain('Đã ký số bởi Nguyễn Văn An');
    expect(province.url()).toContain('locality=00103');
    await province.context().close();
  });
});
