import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalStack } from '../../functions/local/server.js';
import { newId } from '../../shared/ids.js';
import { keys } from '../../shared/keys.js';
import { makePdf, sha256 } from '../support/archive-files.js';
import { launchBrowser, signInAs, startWebStack } from '../support/browser.js';
import { setDataEntry } from '../support/locality-flow.js';

const TAYHO = { provinceCode: '01', localityCode: '003' };

let stack: LocalStack;
let browser: Browser;
let page: Page;
const agreementId = newId();
const pdf = makePdf('CHUONG TRINH PHOI HOP CONG TAC NAM 2024 - TAY HO');

beforeAll(async () => {
  stack = await startWebStack('browser-archive');
  // The signed 2024 program of Tây Hồ (seed 001). Agreements (#4) own these records; the archive
  // only needs the header to exist to link to it.
  await stack.deps.doc.send(
    new PutCommand({
      TableName: stack.tableName,
      Item: {
        ...keys.agreement(TAYHO, agreementId),
        entity: 'agreement',
        kind: 'program',
        status: 'signed',
        numberSymbol: '05/CTrPH-HĐND-UBND-MTTQ',
        version: 1,
      },
    }),
  );
  // Quận Tây Hồ is history since 01/07/2025 (read-only); Hà Nội opens it to backfill records, so its demo admin may write.
  await setDataEntry(stack.url, '003', true);
  browser = await launchBrowser();
  page = await browser.newPage();
});
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

describe('signed-document archive in a real browser', () => {
  let docUrl = '';

  it('uploads a signed PDF straight to S3 and links it to a signed agreement', async () => {
    await signInAs(page, stack.url, 'admin.tayho@demo.phoihop.vn');
    await expect.poll(() => page.locator('[data-testid=who]').innerText()).toContain('Nguyễn Thu Hà');

    await page.click('nav.sidenav >> text=Kho văn bản');
    // The demo archive (seed 001: Tây Hồ's 2024 program) is there from the start.
    await expect.poll(() => page.locator('[data-testid=archive-results]').innerText()).toContain('02/CTrPH-HĐND-UBND-MTTQ');
    await page.click('[data-testid=archive-new]');
    await page.setInputFiles('input[name=file]', { name: 'chuong-trinh-phoi-hop-2024.pdf', mimeType: 'application/pdf', buffer: pdf });
    await page.selectOption('select[name=type]', 'CTr');
    await page.fill('input[name=numberSymbol]', '05/CTrPH-HĐND-UBND-MTTQ');
    await page.fill('input[name=signedOn]', '2024-02-28');
    await page.fill(
      'textarea[name=summary]',
      'Chương trình phối hợp công tác năm 2024 giữa Thường trực HĐND, UBND và Ban Thường trực Ủy ban MTTQ quận, ký kết tại hội nghị tổng kết năm 2023',
    );
    await page.fill('textarea[name=agencies]', 'Thường trực HĐND quận Tây Hồ\nUBND quận Tây Hồ\nBan Thường trực Ủy ban MTTQ Việt Nam quận Tây Hồ');
    await page.fill('textarea[name=signers]', 'Nguyễn Thu Hà; Chủ tịch HĐND quận; HĐND');
    await page.fill('input[name=tags]', 'chương trình 2024, 06 nội dung');
    await page.click('[data-testid=add-link]');
    // The agreement is found by part of its title, typed without diacritics, never by its id.
    await page.fill('input[name=link-id-0]', 'cong tac nam 2024');
    await page.click('[data-testid=picker-options] [role=option]:has-text("Chương trình phối hợp công tác năm 2024")');
    await expect.poll(() => page.locator('[data-testid=picked-record]').innerText()).toContain('Chương trình phối hợp công tác năm 2024');
    await page.click('[data-testid=archive-submit]');

    await page.waitForURL(/\/archive\/[0-9A-Z]{26}$/);
    docUrl = page.url();
    await expect.poll(() => page.locator('[data-testid=doc-title]').innerText()).toBe('Chương trình 05/CTrPH-HĐND-UBND-MTTQ');
    const facts = await page.locator('[data-testid=doc-facts]').innerText();
    expect(facts).toContain('28/02/2024');
    await expect.poll(() => page.locator('[data-testid=doc-links]').innerText()).toContain('Chương trình phối hợp công tác năm 2024');
    expect(await page.locator('[data-testid=doc-links]').innerText()).not.toMatch(/[0-9A-Z]{26}/);
    expect(await page.locator('[data-testid=versions]').innerText()).toContain(sha256(pdf));
  });

  it('finds it by a search without diacritics', async () => {
    await page.goto(`${stack.url}/archive`);
    await page.fill('input[name=q]', 'ky ket chuong trinh phoi hop');
    await page.click('[data-testid=archive-search]');
    await expect.poll(() => page.locator('[data-testid=archive-results]').innerText()).toContain('05/CTrPH-HĐND-UBND-MTTQ');
    await page.fill('input[name=q]', 'khong co van ban nay');
    await page.click('[data-testid=archive-search]');
    await page.waitForSelector('[data-testid=archive-empty]');
    await page.fill('input[name=q]', 'NGUYEN THU HA');
    await page.click('[data-testid=archive-search]');
    await page.click('[data-testid=archive-results] >> text=05/CTrPH-HĐND-UBND-MTTQ');
    await page.waitForURL(docUrl);
  });

  it('previews the PDF in the page through a short-lived presigned URL of the tenant', async () => {
    const frame = page.locator('iframe[data-testid=preview]');
    await frame.waitFor();
    const src = (await frame.getAttribute('src'))!;
    const u = new URL(src);
    expect(`${u.protocol}//${u.host}`).toBe(stack.s3Endpoint);
    expect(u.pathname.startsWith(`/${stack.archiveBucket}/01/003/`)).toBe(true);
    expect(u.searchParams.get('X-Amz-Expires')).toBe('300');
    expect(u.searchParams.get('response-content-disposition')).toMatch(/^inline;/);
    // The browser loaded that frame, and the URL serves exactly the uploaded bytes as a PDF.
    await expect.poll(() => page.frames().some((f) => f.url() === src)).toBe(true);
    const served = await page.evaluate(async (url) => {
      const r = await fetch(url);
      const b = new Uint8Array(await r.arrayBuffer());
      const d = await crypto.subtle.digest('SHA-256', b);
      return { status: r.status, type: r.headers.get('content-type'), sha: [...new Uint8Array(d)].map((x) => x.toString(16).padStart(2, '0')).join('') };
    }, src);
    expect(served).toEqual({ status: 200, type: 'application/pdf', sha: sha256(pdf) });
  });

  it('verifies its hash, and the check-a-file tool recognises the same file', async () => {
    await page.click('[data-testid=verify-1]');
    await expect.poll(() => page.locator('[data-testid=verify-result-1]').innerText()).toContain('Khớp SHA-256');

    await page.goto(`${stack.url}/archive/check`);
    await page.setInputFiles('input[name=check-file]', { name: 'ban-sao.pdf', mimeType: 'application/pdf', buffer: pdf });
    await expect.poll(() => page.locator('[data-testid=check-result]').innerText()).toContain('Kho đang lưu đúng tệp này');
    expect(await page.locator('[data-testid=check-hash]').innerText()).toBe(sha256(pdf));
    await page.setInputFiles('input[name=check-file]', { name: 'khac.pdf', mimeType: 'application/pdf', buffer: makePdf('mot tep khac') });
    await expect.poll(() => page.locator('[data-testid=check-result]').innerText()).toContain('Kho không có tệp nào trùng khớp');
  });
});
