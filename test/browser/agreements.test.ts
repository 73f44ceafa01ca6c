import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { fill, signInAs, webSuite } from '../support/browser.js';
import { setDataEntry } from '../support/locality-flow.js';

const web = webSuite('browser-agreements', { page: { acceptDownloads: true } });

beforeAll(async () => {
  // Quận Tây Hồ is history since 01/07/2025 (read-only); Hà Nội opens it to backfill records, so its demo admin may write.
  await setDataEntry(web.stack.url, '003', true);
});

async function signIn(email: string, name: string) {
  await signInAs(web.page, web.stack.url, email);
  await expect.poll(() => web.page.locator('[data-testid=who]').innerText()).toContain(name);
}

async function documentText(download: import('playwright-core').Download): Promise<string> {
  const path = await download.path();
  const zip = await JSZip.loadAsync(readFileSync(path));
  const xml = await zip.file('word/document.xml')!.async('string');
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(' ');
}

describe('agreements in a real browser', () => {
  it('lists the seeded Tây Hồ programs and finds one without diacritics', async () => {
    await signIn('admin.tayho@demo.phoihop.vn', 'Nguyễn Thu Hà');
    await web.page.goto(`${web.stack.url}/agreements`);
    await expect.poll(() => web.page.locator('[data-testid=agreement-row]').count()).toBe(2);
    await web.page.fill('[data-testid=search]', 'ky hop hdnd');
    await web.page.keyboard.press('Enter');
    await expect.poll(() => web.page.locator('[data-testid=agreement-row]').count()).toBe(1);
    expect(await web.page.locator('[data-testid=agreement-list]').innerText()).toContain('Chương trình phối hợp công tác năm 2024');
  });

  it('drafts a program with items, signs it, updates progress, writes a semi-annual review and downloads the .docx files', async () => {
    // Today's unit: Phường Tây Hồ (Quận Tây Hồ is history since 01/07/2025, read-only).
    await signIn('admin.phuongtayho@demo.phoihop.vn', 'Phan Thị Ngọc Anh');
    const year = String(new Date(Date.now() + 7 * 3600_000).getUTCFullYear());
    await web.page.goto(`${web.stack.url}/agreements`);
    await web.page.click('[data-testid=new-agreement]');
    await web.page.waitForSelector('[data-testid=agreement-editor]');
    await web.page.fill('input[name=number]', '12/CTrPH-HĐND-UBND-MTTQ');
    await web.page.fill('input[name=title]', `Phối hợp công tác năm ${year} (thử nghiệm trình duyệt)`);
    // The ward's three bodies are offered, named after the ward; the ward has no Đoàn ĐBQH.
    await expect.poll(() => web.page.inputValue('input[name=party-0]')).toBe('Thường trực Hội đồng nhân dân phường Tây Hồ');
    expect(await web.page.inputValue('input[name=party-1]')).toBe('Ủy ban nhân dân phường Tây Hồ');
    expect(await web.page.inputValue('input[name=party-2]')).toBe('Ủy ban Mặt trận Tổ quốc Việt Nam phường Tây Hồ');
    expect(await web.page.locator('select[name=party-agency-0] option[value=DBQH]').count()).toBe(0);
    // A new program may continue one of Quận Tây Hồ's.
    await web.page.waitForSelector('[data-testid=continues] select option:nth-child(2)', { state: 'attached' });
    await web.page.selectOption('[data-testid=continues] select', { label: 'Chương trình phối hợp công tác năm 2024 (2024)' });
    await web.page.click('[data-testid=add-item]');
    await web.page.fill('input[name=item-title-0]', 'Phối hợp tổ chức phản biện xã hội');
    await web.page.selectOption('select[name=item-lead-0]', { label: 'Ủy ban Mặt trận Tổ quốc Việt Nam phường Tây Hồ' });
    await web.page.fill('input[name=item-due-0]', `${year}-12-15`);
    await web.page.click('[data-testid=add-item]');
    await web.page.fill('input[name=item-title-1]', 'Phối hợp thực hiện giám sát');
    await web.page.click('[data-testid=save-agreement]');

    await web.page.waitForSelector('[data-testid=agreement-title]');
    expect(await web.page.locator('[data-testid=agreement-title]').innerText()).toBe(`Chương trình phối hợp công tác năm ${year} (thử nghiệm trình duyệt)`);
    expect(await web.page.locator('[data-testid=agreement-status]').innerText()).toBe('Dự thảo');
    expect(await web.page.locator('[data-testid=items] [data-testid^=item-]').count()).toBe(2);
    expect(await web.page.locator('[data-testid=continues]').innerText()).toContain('Quận Tây Hồ');

    // Sign: the dialog is pre-filled with one signatory per party, titled for the ward.
    await web.page.click('[data-testid=open-sign]');
    await web.page.waitForSelector('[data-testid=sign-dialog]');
    expect(await web.page.locator('[data-testid=signatory]').count()).toBe(3);
    await expect.poll(() => web.page.inputValue('input[name=title-1]')).toBe('Chủ tịch UBND phường Tây Hồ');
    const signers = ['Nguyễn Văn An', 'Trần Thị Bình', 'Lê Văn Cường'];
    for (let i = 0; i < 3; i++) {
      await web.page.fill(`input[name=name-${i}]`, signers[i]!);
    }
    await web.page.fill('input[name=place]', 'Hội trường UBND phường Tây Hồ');
    await web.page.click('[data-testid=confirm-sign]');
    await expect.poll(() => web.page.locator('[data-testid=agreement-status]').innerText()).toBe('Đang có hiệu lực');
    expect(await web.page.locator('[data-testid=signing]').innerText()).toContain('Lê Văn Cường');
    expect(await web.page.locator('[data-testid=edit]').count()).toBe(0); // frozen

    // Progress of item 1, with a dated note on its timeline.
    const item = web.page.locator('[data-testid=item-1]');
    await item.locator('[data-testid=open-progress]').click();
    await fill(item, {
      'select[name=status]': 'in_progress',
      'input[name=progress]': '60',
      'input[name=noteText]': 'Đã tổ chức hội nghị phản biện lần 1',
    });
    await item.locator('button[type=submit]').click();
    await expect.poll(() => item.locator('[role=progressbar]').getAttribute('aria-valuenow')).toBe('60');
    expect(await item.locator('[data-testid=timeline]').innerText()).toContain('Đã tổ chức hội nghị phản biện lần 1');
    expect(await item.innerText()).toContain('Đang thực hiện');

    // Semi-annual review.
    await web.page.click('[data-testid=new-review]');
    await web.page.waitForSelector('[data-testid=review-editor]');
    await fill(web.page, {
      'select[name=half]': 'H1',
      'input[name=result-1]': 'Tổ chức 01 hội nghị phản biện',
      'textarea[name=achievements]': 'Ba cơ quan phối hợp chặt chẽ, đúng kế hoạch.',
      'textarea[name=shortcomings]': 'Công tác tuyên truyền có lúc chưa thường xuyên.',
      'textarea[name=priorities]': 'Tổ chức kỳ họp cuối năm.',
      'input[name=decidedBy]': 'UBND Quận',
      'input[name=collectives]': '9',
      'input[name=individuals]': '11',
    });
    await web.page.click('[data-testid=save-review]');
    await web.page.waitForSelector('[data-testid=review]');
    const review = await web.page.locator('[data-testid=review]').innerText();
    expect(review).toContain(`Sơ kết 6 tháng đầu năm ${year}`);
    expect(review).toContain('9 tập thể, 11 cá nhân');

    // The agreement and the review as .docx.
    const [agreementFile] = await Promise.all([web.page.waitForEvent('download'), web.page.click('[data-testid=export-docx]')]);
    expect(agreementFile.suggestedFilename()).toBe(`Chương trình phối hợp công tác năm ${year} (thử nghiệm trình duyệt).docx`);
    const agreementText = await documentText(agreementFile);
    for (const s of [
      'HĐND - UBND - ỦY BAN MTTQ VIỆT NAM PHƯỜNG TÂY HỒ',
      'Tây Hồ, ngày',
      'CHỦ TỊCH UBND PHƯỜNG TÂY HỒ',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Số: 12/CTrPH-HĐND-UBND-MTTQ',
      'CHƯƠNG TRÌNH',
      '1. Phối hợp tổ chức phản biện xã hội',
      'Trần Thị Bình',
      'Nơi nhận:',
    ]) {
      expect(agreementText).toContain(s);
    }
    const [reviewFile] = await Promise.all([web.page.waitForEvent('download'), web.page.click('[data-testid=export-review]')]);
    const reviewText = await documentText(reviewFile);
    for (const s of [
      'BÁO CÁO',
      `Sơ kết 6 tháng đầu năm ${year}`,
      'Tổ chức 01 hội nghị phản biện',
      'UBND Quận quyết định khen thưởng 09 tập thể và 11 cá nhân',
    ]) {
      expect(reviewText).toContain(s);
    }
  });

  it('lets Hà Nội province staff look into Tây Hồ read-only', async () => {
    await signIn('xem.hanoi@demo.phoihop.vn', 'Bùi Thị Hương');
    await web.page.goto(`${web.stack.url}/agreements`);
    await web.page.waitForSelector('[data-testid=filter-locality] option[value="003"]', { state: 'attached' });
    await web.page.selectOption('[data-testid=filter-locality]', '003');
    await expect.poll(() => web.page.locator('[data-testid=agreement-row]').count()).toBe(2);
    expect(await web.page.locator('[data-testid=new-agreement]').count()).toBe(0);
    await web.page.click('text=Chương trình phối hợp công tác năm 2024');
    await web.page.waitForSelector('[data-testid=items]');
    expect(await web.page.locator('[data-testid=items] [data-testid^=item-]').count()).toBe(6);
    expect(await web.page.locator('[data-testid=open-progress]').count()).toBe(0);
    expect(await web.page.locator('[data-testid=open-sign]').count()).toBe(0);
  });
});
