import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../shared/ids.js';
import { keys } from '../../shared/keys.js';
import { makePdf, sha256 } from '../support/archive-files.js';
import { signInAs, webSuite } from '../support/browser.js';
import { setDataEntry } from '../support/locality-flow.js';

const TAYHO = { provinceCode: '01', localityCode: '003' };

const agreementId = newId();
const pdf = makePdf('CHUONG TRINH PHOI HOP CONG TAC NAM 2024 - TAY HO');

const web = webSuite('browser-archive');

beforeAll(async () => {
  // The signed 2024 program of Tây Hồ (seed 001). Agreements (#4) own these records; the archive
  // only needs the header to exist to link to it.
  await web.stack.deps.doc.send(
    new PutCommand({
      TableName: web.stack.tableName,
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
  await setDataEntry(web.stack.url, '003', true);
});

describe('signed-document archive in a real browser', () => {
  let docUrl = '';

  it('uploads a signed PDF straight to S3 and links it to a signed agreement', async () => {
    await signInAs(web.page, web.stack.url, 'admin.tayho@demo.phoihop.vn');
    await expect.poll(() => web.page.locator('[data-testid=who]').innerText()).toContain('Nguyễn Thu Hà');

    await web.page.click('nav.sidenav >> text=Kho văn bản');
    // The demo archive (seed 001: Tây Hồ's 2024 program) is there from the start.
    await expect.poll(() => web.page.locator('[data-testid=archive-results]').innerText()).toContain('02/CTrPH-HĐND-UBND-MTTQ');
    await web.page.click('[data-testid=archive-new]');
    await web.page.setInputFiles('input[name=file]', { name: 'chuong-trinh-phoi-hop-2024.pdf', mimeType: 'application/pdf', buffer: pdf });
    await web.page.selectOption('select[name=type]', 'CTr');
    await web.page.fill('input[name=numberSymbol]', '05/CTrPH-HĐND-UBND-MTTQ');
    await web.page.fill('input[name=signedOn]', '2024-02-28');
    await web.page.fill(
      'textarea[name=summary]',
      'Chương trình phối hợp công tác năm 2024 giữa Thường trực HĐND, UBND và Ban Thường trực Ủy ban MTTQ quận, ký kết tại hội nghị tổng kết năm 2023',
    );
    await web.page.fill('textarea[name=agencies]', 'Thường trực HĐND quận Tây Hồ\nUBND quận Tây Hồ\nBan Thường trực Ủy ban MTTQ Việt Nam quận Tây Hồ');
    await web.page.fill('textarea[name=signers]', 'Nguyễn Thu Hà; Chủ tịch HĐND quận; HĐND');
    await web.page.fill('input[name=tags]', 'chương trình 2024, 06 nội dung');
    await web.page.click('[data-testid=add-link]');
    // The agreement is found by part of its title, typed without diacritics, never by its id.
    await web.page.fill('input[name=link-id-0]', 'cong tac nam 2024');
    await web.page.click('[data-testid=picker-options] [role=option]:has-text("Chương trình phối hợp công tác năm 2024")');
    await expect.poll(() => web.page.locator('[data-testid=picked-record]').innerText()).toContain('Chương trình phối hợp công tác năm 2024');
    await web.page.click('[data-testid=archive-submit]');

    await web.page.waitForURL(/\/archive\/[0-9A-Z]{26}$/);
    docUrl = web.page.url();
    await expect.poll(() => web.page.locator('[data-testid=doc-title]').innerText()).toBe('Chương trình 05/CTrPH-HĐND-UBND-MTTQ');
    const facts = await web.page.locator('[data-testid=doc-facts]').innerText();
    expect(facts).toContain('28/02/2024');
    await expect.poll(() => web.page.locator('[data-testid=doc-links]').innerText()).toContain('Chương trình phối hợp công tác năm 2024');
    expect(await web.page.locator('[data-testid=doc-links]').innerText()).not.toMatch(/[0-9A-Z]{26}/);
    expect(await web.page.locator('[data-testid=versions]').innerText()).toContain(sha256(pdf));
  });

  it('finds it by a search without diacritics', async () => {
    const search = async (q: string) => {
      await web.page.fill('input[name=q]', q);
      await web.page.click('[data-testid=archive-search]');
    };
    await web.page.goto(`${web.stack.url}/archive`);
    await search('ky ket chuong trinh phoi hop');
    await expect.poll(() => web.page.locator('[data-testid=archive-results]').innerText()).toContain('05/CTrPH-HĐND-UBND-MTTQ');
    await search('khong co van ban nay');
    await web.page.waitForSelector('[data-testid=archive-empty]');
    await search('NGUYEN THU HA');
    await web.page.click('[data-testid=archive-results] >> text=05/CTrPH-HĐND-UBND-MTTQ');
    await web.page.waitForURL(docUrl);
  });

  it('previews the PDF in the page through a short-lived presigned URL of the tenant', async () => {
    const frame = web.page.locator('iframe[data-testid=preview]');
    await frame.waitFor();
    const src = (await frame.getAttribute('src'))!;
    const u = new URL(src);
    expect(`${u.protocol}//${u.host}`).toBe(web.stack.s3Endpoint);
    expect(u.pathname.startsWith(`/${web.stack.archiveBucket}/01/003/`)).toBe(true);
    expect(u.searchParams.get('X-Amz-Expires')).toBe('300');
    expect(u.searchParams.get('response-content-disposition')).toMatch(/^inline;/);
    // The browser loaded that frame, and the URL serves exactly the uploaded bytes as a PDF.
    await expect.poll(() => web.page.frames().some((f) => f.url() === src)).toBe(true);
    const served = await web.page.evaluate(async (url) => {
      const r = await fetch(url);
      const b = new Uint8Array(await r.arrayBuffer());
      const d = await crypto.subtle.digest('SHA-256', b);
      return { status: r.status, type: r.headers.get('content-type'), sha: [...new Uint8Array(d)].map((x) => x.toString(16).padStart(2, '0')).join('') };
    }, src);
    expect(served).toEqual({ status: 200, type: 'application/pdf', sha: sha256(pdf) });
  });

  it('verifies its hash, and the check-a-file tool recognises the same file', async () => {
    await web.page.click('[data-testid=verify-1]');
    await expect.poll(() => web.page.locator('[data-testid=verify-result-1]').innerText()).toContain('Khớp SHA-256');

    await web.page.goto(`${web.stack.url}/archive/check`);
    await web.page.setInputFiles('input[name=check-file]', { name: 'ban-sao.pdf', mimeType: 'application/pdf', buffer: pdf });
    await expect.poll(() => web.page.locator('[data-testid=check-result]').innerText()).toContain('Kho đang lưu đúng tệp này');
    expect(await web.page.locator('[data-testid=check-hash]').innerText()).toBe(sha256(pdf));
    await web.page.setInputFiles('input[name=check-file]', { name: 'khac.pdf', mimeType: 'application/pdf', buffer: makePdf('mot tep khac') });
    await expect.poll(() => web.page.locator('[data-testid=check-result]').innerText()).toContain('Kho không có tệp nào trùng khớp');
  });
});
