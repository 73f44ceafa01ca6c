import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import type { Download, Locator } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../functions/demo/data.js';
import { signInAs, webSuite } from '../support/browser.js';
import { horizontalOverflow } from '../support/locality-flow.js';

/**
 * Issue #11's done-when, in a real browser: a ward of Hà Nội (Phường Phú Thượng 00091, whose code lay
 * in Quận Tây Hồ 003) signs up with the type-ahead, Hà Nội's admin approves it, the ward's admin
 * accepts the invitation, signs in, drafts and signs a 2026 program and exports it (the ward's place
 * name in the .docx); the ward's admin reads Quận Tây Hồ's records but cannot change them; Hà Nội's
 * province viewer finds the ward among the 126 current units and the districts in their own section.
 */
const WARD = { code: '00091', name: 'Phường Phú Thượng', email: 'vanphong@phuthuong.test.vn', admin: 'Trịnh Văn Thượng', password: 'PhuThuong@2026' };

let invitationUrl = '';
const year = '2026';

// 30/11/2026, as the issue was tried: the two-level list is in force.
const web = webSuite('browser-localities', { now: () => new Date('2026-11-30T03:00:00Z'), page: { acceptDownloads: true } });

beforeAll(async () => {
  web.page.setDefaultTimeout(10_000);
});

async function signOut() {
  await web.page.click('button:has-text("Đăng xuất")');
  await web.page.waitForURL(/\/sign-in$/);
}

async function documentText(download: Download): Promise<string> {
  const zip = await JSZip.loadAsync(readFileSync(await download.path()));
  const xml = await zip.file('word/document.xml')!.async('string');
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(' ');
}

async function provinceDashboardAs(email: string) {
  await signInAs(web.page, web.stack.url, email, DEMO_PASSWORD);
  await web.page.goto(`${web.stack.url}/province`);
}

const historicalRow = (locality: string) => web.page.locator(`[data-testid=historical-section] tr[data-locality="${locality}"]`);

const dataEntryState = (row: Locator) => row.locator('[data-testid=data-entry-state]').innerText();

/** Opens a read-only historical unit for data entry, after the question that names it. */
async function openForDataEntry(row: Locator, question: string) {
  await expect.poll(() => dataEntryState(row)).toBe('Chỉ xem');
  await row.locator('[data-testid=data-entry-toggle]').click();
  expect(await row.innerText()).toContain(question);
  await row.locator('[data-testid=data-entry-confirm]').click();
  await expect.poll(() => dataEntryState(row)).toBe('Đang mở nhập bổ sung');
}

/** Each page this issue touched, at a phone's width: nothing scrolls sideways. */
async function fitsPhone(path: string, ready: string) {
  await web.page.setViewportSize({ width: 390, height: 844 });
  try {
    await web.page.goto(`${web.stack.url}${path}`);
    await web.page.waitForSelector(ready);
    expect(await horizontalOverflow(web.page), `${path} scrolls sideways at 390px`).toBeLessThanOrEqual(0);
  } finally {
    await web.page.setViewportSize({ width: 1280, height: 800 });
  }
}

describe('a ward of Hà Nội on Phối Hợp (issue #11)', () => {
  it('signs the ward up with a type-ahead over the current list that ignores diacritics', async () => {
    await web.page.goto(`${web.stack.url}/sign-up`);
    await expect.poll(() => web.page.locator('h1').textContent()).toBe('Đăng ký đơn vị cấp xã');
    // 34 provinces of the current list (plus the placeholder).
    await expect.poll(() => web.page.locator('select[name=provinceCode] option').count()).toBe(35);
    await web.page.selectOption('select[name=provinceCode]', '01');
    await expect.poll(() => web.page.locator('[data-testid=locality-hint]').innerText()).toContain('126 đơn vị cấp xã');

    // Keyboard only: type without accents, move with ↓, pick with Enter.
    const box = web.page.locator('input[role=combobox]');
    await box.focus();
    await web.page.keyboard.type('phu thuong');
    await expect.poll(() => web.page.locator('[data-testid=locality-options] [role=option]').first().innerText()).toContain(WARD.name);
    expect(await box.getAttribute('aria-expanded')).toBe('true');
    await web.page.keyboard.press('ArrowDown');
    await web.page.keyboard.press('ArrowUp');
    await web.page.keyboard.press('Enter');
    await expect.poll(() => web.page.locator('[data-testid=locality-chosen]').innerText()).toContain(`${WARD.name} (mã ${WARD.code})`);
    expect(await box.inputValue()).toBe(WARD.name);

    await web.page.fill('input[name=agency]', 'Văn phòng HĐND và UBND');
    await web.page.fill('input[name=contactName]', WARD.admin);
    await web.page.fill('input[name=contactEmail]', WARD.email);
    await web.page.click('button[type=submit]');
    const done = await web.page.waitForSelector('[data-testid=signup-done]');
    expect(await done.innerText()).toContain(WARD.name);
    expect(await done.innerText()).toContain('Thành phố Hà Nội');

    // A second sign-up of the same ward is refused with the API's problem, shown as such.
    await web.page.goto(`${web.stack.url}/sign-up`);
    await web.page.selectOption('select[name=provinceCode]', '01');
    await web.page.locator('input[role=combobox]').fill('Phú Thượng');
    await web.page.click(`[data-testid=locality-options] [data-code="${WARD.code}"]`);
    await web.page.fill('input[name=agency]', 'UBND');
    await web.page.fill('input[name=contactName]', 'Người Khác');
    await web.page.fill('input[name=contactEmail]', 'khac@phuthuong.test.vn');
    await web.page.click('button[type=submit]');
    await expect.poll(() => web.page.locator('[data-testid=signup-problem]').innerText()).toContain(`${WARD.name} (Thành phố Hà Nội) đã được đăng ký`);
  });

  it("lets Hà Nội's admin approve the ward", async () => {
    await signInAs(web.page, web.stack.url, 'admin.hanoi@demo.phoihop.vn');
    await web.page.click('nav.sidenav >> text=Phê duyệt đăng ký');
    await expect.poll(() => web.page.locator('h1').innerText()).toBe('Phê duyệt đăng ký của xã, phường, đặc khu');
    const row = web.page.locator(`tr[data-locality="${WARD.code}"]`);
    await expect.poll(() => row.innerText()).toContain('Chờ duyệt');
    await row.locator('button:has-text("Phê duyệt")').click();
    // Approving says what it does and that it cannot be undone.
    expect(await web.page.locator('[data-testid=approve-dialog]').innerText()).toContain('Không thể hủy phê duyệt');
    await web.page.click('[data-testid=approve-confirm]');
    const link = web.page.locator('[data-testid=invitation-link]');
    await expect.poll(() => link.inputValue()).toMatch(new RegExp(`/invitation#01\\.${WARD.code}\\.`));
    invitationUrl = await link.inputValue();
    await signOut();
  });

  it("lets the ward's admin accept the invitation and sign in", async () => {
    await web.page.goto(invitationUrl);
    await expect.poll(() => web.page.locator('[data-testid=invitation-preview]').innerText()).toContain(WARD.name);
    await web.page.fill('input[name=password]', WARD.password);
    await web.page.fill('input[name=confirm]', WARD.password);
    await web.page.click('button[type=submit]');
    await web.page.waitForSelector('[data-testid=accepted]');

    await signInAs(web.page, web.stack.url, WARD.email, WARD.password);
    await expect.poll(() => web.page.locator('[data-testid=who]').innerText()).toContain(`${WARD.admin} · Quản trị đơn vị cấp xã`);
    await web.page.goto(`${web.stack.url}/`);
    await expect.poll(() => web.page.locator('[data-testid=tenant-summary]').innerText()).toContain(`${WARD.name}, Thành phố Hà Nội`);
    // A current unit: no history banner; its predecessor's records are one click away.
    expect(await web.page.locator('[data-testid=history-banner]').count()).toBe(0);
    await expect.poll(() => web.page.locator('[data-testid=predecessor-panel]').innerText()).toContain('Hồ sơ Quận Tây Hồ (trước 01/07/2025)');
    expect(await web.page.locator('[data-testid=predecessor-nav]').innerText()).toContain('Hồ sơ Quận Tây Hồ (trước 01/07/2025)');
  });

  it('drafts and signs a 2026 program and exports it with the ward as the place', async () => {
    await web.page.goto(`${web.stack.url}/agreements`);
    await web.page.click('[data-testid=new-agreement]');
    await web.page.waitForSelector('[data-testid=agreement-editor]');
    await web.page.fill('input[name=number]', '03/CTrPH-HĐND-UBND-MTTQ');
    await web.page.fill('input[name=title]', `Phối hợp công tác năm ${year}`);
    await web.page.fill('input[name=party-0]', 'Thường trực Hội đồng nhân dân phường Phú Thượng');
    await web.page.fill('input[name=party-1]', 'Ủy ban nhân dân phường Phú Thượng');
    await web.page.fill('input[name=party-2]', 'Ủy ban Mặt trận Tổ quốc Việt Nam phường Phú Thượng');
    await web.page.click('[data-testid=add-item]');
    await web.page.fill('input[name=item-title-0]', 'Phối hợp tổ chức tiếp xúc cử tri');
    await web.page.selectOption('select[name=item-lead-0]', { label: 'Ủy ban nhân dân phường Phú Thượng' });
    await web.page.fill('input[name=item-due-0]', `${year}-12-20`);
    await web.page.click('[data-testid=save-agreement]');
    await web.page.waitForSelector('[data-testid=agreement-title]');
    expect(await web.page.locator('[data-testid=agreement-status]').innerText()).toBe('Dự thảo');

    await web.page.click('[data-testid=open-sign]');
    await web.page.waitForSelector('[data-testid=sign-dialog]');
    const signers = ['Nguyễn Thị Hồng', 'Phạm Văn Khánh', 'Lê Thị Thu'];
    for (let i = 0; i < signers.length; i++) {
      await web.page.fill(`input[name=title-${i}]`, 'Chủ tịch');
      await web.page.fill(`input[name=name-${i}]`, signers[i]!);
    }
    await web.page.click('[data-testid=confirm-sign]');
    await expect.poll(() => web.page.locator('[data-testid=agreement-status]').innerText()).toBe('Đang có hiệu lực');

    const [file] = await Promise.all([web.page.waitForEvent('download'), web.page.click('[data-testid=export-docx]')]);
    const text = await documentText(file);
    expect(text).toContain('Phú Thượng, ngày');
    expect(text.toUpperCase()).toContain('PHƯỜNG PHÚ THƯỢNG');
    expect(text).not.toContain('Tây Hồ, ngày');
  });

  it("lets the ward's admin read Quận Tây Hồ's records, not change them", async () => {
    await web.page.goto(`${web.stack.url}/`);
    await web.page.click('[data-testid=predecessor-agreements]');
    await web.page.waitForURL(/\/agreements\?locality=003$/);
    await expect.poll(() => web.page.locator('[data-testid=read-only-banner]').innerText()).toContain('Chế độ chỉ xem');
    await expect.poll(() => web.page.locator('[data-testid=read-only-name]').innerText()).toBe('Quận Tây Hồ');
    expect(await web.page.locator('[data-testid=read-only-banner]').innerText()).toContain('đã kết thúc hoạt động 01/07/2025');
    await expect.poll(() => web.page.locator('[data-testid=agreement-list]').innerText()).toContain('Chương trình phối hợp công tác năm 2024');
    expect(await web.page.locator('[data-testid=new-agreement]').count()).toBe(0);
    await web.page.click('[data-testid=agreement-list] >> text=Chương trình phối hợp công tác năm 2024');
    await web.page.waitForSelector('[data-testid=items]');
    expect(web.page.url()).toContain('locality=003');
    expect(await web.page.locator('[data-testid=read-only-banner]').count()).toBe(1);
    for (const action of ['open-progress', 'open-sign', 'edit', 'new-review']) {
      expect(await web.page.locator(`[data-testid=${action}]`).count(), action).toBe(0);
    }

    // Supervision and the archive of Tây Hồ: readable, nothing to create.
    await web.page.goto(`${web.stack.url}/supervision?locality=003`);
    await web.page.waitForSelector('[data-testid=read-only-banner]');
    await expect.poll(() => web.page.locator('main').innerText()).toContain('Kế hoạch giám sát');
    expect(await web.page.locator('a[href="/supervision/new"]').count()).toBe(0);
    await web.page.goto(`${web.stack.url}/archive?locality=003`);
    await web.page.waitForSelector('[data-testid=read-only-banner]');
    expect(await web.page.locator('[data-testid=archive-new]').count()).toBe(0);

    // Another district (Ba Đình, not a predecessor) stays closed.
    await web.page.goto(`${web.stack.url}/agreements?locality=001`);
    await expect.poll(() => web.page.locator('[data-testid=form-error]').innerText()).toContain('Không tìm thấy');

    await fitsPhone('/', '[data-testid=predecessor-panel]');
    await fitsPhone('/agreements?locality=003', '[data-testid=agreement-list]');
    await fitsPhone('/supervision?locality=003', '[data-testid=read-only-banner]');
    await fitsPhone('/archive?locality=003', '[data-testid=read-only-banner]');
    await signOut();
  });

  it("lets Hà Nội's province viewer find the ward among 126 current units and the districts in their own section", async () => {
    await signInAs(web.page, web.stack.url, 'xem.hanoi@demo.phoihop.vn', DEMO_PASSWORD);
    await web.page.click('nav.sidenav >> text=Tổng hợp toàn tỉnh');
    await web.page.waitForSelector('[data-testid=rollup-table]');
    await expect.poll(() => web.page.locator('[data-testid=totals-count]').innerText()).toBe('126');
    expect(await web.page.locator('[data-testid=rollup-table] tbody tr').count()).toBe(126);
    const ward = web.page.locator(`[data-testid=rollup-table] tr[data-locality="${WARD.code}"]`);
    expect(await ward.innerText()).toContain('Đã ký');

    const history = web.page.locator('[data-testid=historical-section]');
    expect(await history.locator('h2').innerText()).toBe('Đơn vị lịch sử (trước 01/07/2025)');
    expect(await history.locator('tr[data-locality="003"]').innerText()).toContain('Quận Tây Hồ');
    expect(await history.locator('tr[data-locality="003"]').innerText()).toContain('đến 30/06/2025');
    expect(await web.page.locator('[data-testid=rollup-table] tr[data-locality="003"]').count()).toBe(0);
    // A viewer sees the state of history, not the button that changes it.
    expect(await history.locator('[data-testid=data-entry-toggle]').count()).toBe(0);

    // Filters: name without diacritics, type, signed this year's program — and the export links carry them.
    await web.page.fill('[data-testid=rollup-filters] input[name=q]', 'phu thuong');
    await web.page.click('[data-testid=rollup-filters] button[type=submit]');
    await expect.poll(() => web.page.locator('[data-testid=rollup-table] tbody tr').count()).toBe(1);
    await web.page.selectOption('[data-testid=rollup-filters] select[name=type]', 'phuong');
    await web.page.selectOption('[data-testid=rollup-filters] select[name=signed]', 'yes');
    await expect.poll(() => web.page.url()).toContain('signed=yes');
    await expect.poll(() => web.page.locator('[data-testid=rollup-table] tbody tr').count()).toBe(1);
    const csv = await web.page.locator('[data-testid=export-csv]').getAttribute('href');
    expect(csv).toContain('format=csv');
    for (const part of ['q=phu+thuong', 'type=phuong', 'signed=yes']) expect(csv).toContain(part);
    expect(await web.page.locator('[data-testid=export-xlsx]').getAttribute('href')).toContain('signed=yes');
    await web.page.selectOption('[data-testid=rollup-filters] select[name=signed]', 'no');
    await expect.poll(() => web.page.locator('[data-testid=rollup-table-empty]').count()).toBe(1);

    // Drill-down into the ward, read-only, through ?locality=.
    await web.page.goto(`${web.stack.url}/province`);
    await web.page.click(`[data-testid=rollup-table] tr[data-locality="${WARD.code}"] a`);
    await web.page.waitForURL(new RegExp(`/province/locality\\?locality=${WARD.code}$`));
    await expect.poll(() => web.page.locator('[data-testid=locality-name]').innerText()).toBe(WARD.name);
    await expect.poll(() => web.page.locator('[data-testid=locality-agreements]').innerText()).toContain(`Phối hợp công tác năm ${year}`);
    expect(await web.page.locator('[data-testid=read-only-banner]').innerText()).toContain(WARD.name);

    await fitsPhone('/province', '[data-testid=historical-section]');
    await signOut();
  });

  it("lets Hà Nội's admin open Quận Tây Hồ for data entry after confirming, and close it again", async () => {
    await provinceDashboardAs('admin.hanoi@demo.phoihop.vn');
    const row = historicalRow('003');
    await openForDataEntry(row, 'Mở Quận Tây Hồ để nhập bổ sung hồ sơ 2021–2025?');
    await signOut();

    // Tây Hồ's own admin sees it open, with the actions back.
    await signInAs(web.page, web.stack.url, 'admin.tayho@demo.phoihop.vn', DEMO_PASSWORD);
    await web.page.goto(`${web.stack.url}/agreements`);
    await expect.poll(() => web.page.locator('[data-testid=history-banner]').innerText()).toContain('Cấp tỉnh đã mở nhập bổ sung');
    await web.page.waitForSelector('[data-testid=new-agreement]');
    await signOut();

    await provinceDashboardAs('admin.hanoi@demo.phoihop.vn');
    await expect.poll(() => dataEntryState(row)).toBe('Đang mở nhập bổ sung');
    await row.locator('[data-testid=data-entry-toggle]').click();
    await row.locator('[data-testid=data-entry-confirm]').click();
    await expect.poll(() => dataEntryState(row)).toBe('Chỉ xem');
    await signOut();

    // Thái Nguyên's admin opens merged Bắc Kạn's own province tenant the same way, and its viewer sees the state.
    await provinceDashboardAs('admin.thainguyen@demo.phoihop.vn');
    const bacKan = historicalRow('P06');
    await openForDataEntry(bacKan, 'Mở Tỉnh Bắc Kạn để nhập bổ sung hồ sơ 2021–2025?');
    await signOut();
    await provinceDashboardAs('xem.thainguyen@demo.phoihop.vn');
    await expect.poll(() => dataEntryState(bacKan)).toBe('Đang mở nhập bổ sung');
    expect(await bacKan.locator('[data-testid=data-entry-toggle]').count()).toBe(0);
    await signOut();

    // Closed again: Tây Hồ's admin reads, with the banner saying why, and writes nothing.
    await signInAs(web.page, web.stack.url, 'admin.tayho@demo.phoihop.vn', DEMO_PASSWORD);
    await web.page.goto(`${web.stack.url}/agreements`);
    await expect.poll(() => web.page.locator('[data-testid=history-banner]').innerText()).toContain('Quận Tây Hồ đã kết thúc hoạt động 01/07/2025');
    await web.page.waitForSelector('[data-testid=agreement-row]');
    expect(await web.page.locator('[data-testid=new-agreement]').count()).toBe(0);
    await fitsPhone('/sign-up', 'select[name=provinceCode]');
  });
});
