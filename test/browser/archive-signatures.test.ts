import { beforeAll, describe, expect, it } from 'vitest';
import { makePdf } from '../support/archive-files.js';
import { signInAs, webSuite } from '../support/browser.js';
import { flipByte, makeTestPki, signPdf } from '../support/pdf-signing.js';

/** Upload a signed PDF in the real web app: the page names the signer and says "toàn vẹn"; a tampered copy shows the failure. */
let signed: Buffer;

const web = webSuite('browser-signatures');

beforeAll(async () => {
  const pki = await makeTestPki();
  web.stack.deps.trustAnchorsPem = pki.rootPem;
  signed = await signPdf(makePdf('QUYET DINH 15 KY SO PHUONG TAY HO'), pki.signer);
}, 60_000);

async function upload(name: string, bytes: Buffer, numberSymbol: string) {
  await web.page.goto(`${web.stack.url}/archive/new`);
  await web.page.setInputFiles('input[name=file]', { name, mimeType: 'application/pdf', buffer: bytes });
  await web.page.selectOption('select[name=type]', 'QĐ');
  await web.page.fill('input[name=numberSymbol]', numberSymbol);
  await web.page.fill('input[name=signedOn]', '2024-02-28');
  await web.page.fill('textarea[name=summary]', 'Quyết định ban hành quy chế phối hợp, ký số');
  await web.page.fill('textarea[name=agencies]', 'UBND phường Tây Hồ');
  await web.page.click('[data-testid=archive-submit]');
  await web.page.waitForURL(/\/archive\/[0-9A-Z]{26}$/);
}

describe('digital signatures on the archive pages', () => {
  it('shows the signer, the time and "toàn vẹn" for a signed PDF', async () => {
    await signInAs(web.page, web.stack.url, 'bientap.phuongtayho@demo.phoihop.vn');
    await upload('quyet-dinh-15.pdf', signed, '15/QĐ-UBND');
    const box = web.page.locator('[data-testid=signature]');
    await expect.poll(() => box.innerText()).toContain('Đã ký số bởi Nguyễn Văn An (UBND phường Tây Hồ), lúc 10:00 28/02/2024, toàn vẹn');
    expect(await box.getAttribute('data-status')).toBe('trusted');
    expect(await box.innerText()).toContain('Chữ ký số hợp lệ, chứng thư được tin cậy');
    expect(await box.innerText()).toContain('0A1B2C3D4E');
  });

  it('shows the failure for a copy with one byte changed, and re-checks on demand', async () => {
    await upload('quyet-dinh-15-sua.pdf', flipByte(signed, 'KY SO'), '16/QĐ-UBND');
    const box = web.page.locator('[data-testid=signature]');
    await expect.poll(() => box.innerText()).toContain('Chữ ký số không hợp lệ');
    expect(await box.innerText()).toContain('Nội dung đã bị thay đổi sau khi ký');
    expect(await box.getAttribute('data-status')).toBe('broken');
    await web.page.click('[data-testid=verify-1]');
    await expect.poll(() => web.page.locator('[data-testid=verify-signature-1]').innerText()).toContain('KHÔNG toàn vẹn');
  });

  it('filters the list to documents with a digital signature', async () => {
    await web.page.goto(`${web.stack.url}/archive`);
    await web.page.check('input[name=signed]');
    await web.page.click('[data-testid=archive-search]');
    const results = web.page.locator('[data-testid=archive-results]');
    await expect.poll(() => results.innerText()).toContain('15/QĐ-UBND');
    expect(await results.innerText()).toContain('Ký số hợp lệ');
    expect(await results.innerText()).toContain('Chữ ký không hợp lệ');
  });

  it('warns before saving a number and symbol the register already holds for the same agency', async () => {
    await web.page.goto(`${web.stack.url}/archive/new`);
    await web.page.fill('input[name=numberSymbol]', '15/QD-UBND');
    await web.page.fill('textarea[name=agencies]', 'UBND phuong Tay Ho');
    const warning = web.page.locator('[data-testid=number-clash]');
    await expect.poll(() => warning.innerText()).toContain('Quyết định 15/QĐ-UBND');
    expect(await warning.innerText()).toContain('đã có trong sổ văn bản');
    await web.page.fill('input[name=numberSymbol]', '99/QD-UBND');
    await expect.poll(() => warning.count()).toBe(0);
  });

  it('lets province staff pick a ward and read its archive, signatures included, without writing', async () => {
    const province = await (await web.browser.newContext()).newPage();
    await signInAs(province, web.stack.url, 'admin.hanoi@demo.phoihop.vn');
    await province.goto(`${web.stack.url}/archive`);
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
