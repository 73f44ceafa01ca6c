import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { signInAs, webSuite } from '../support/browser.js';
import { regulationDocx } from '../support/decree30-docx.js';

const web = webSuite('browser-imports');

beforeAll(async () => {
  await signInAs(web.page, web.stack.url, 'admin.phuongtayho@demo.phoihop.vn');
  await web.page.waitForSelector('[data-testid=who]');
});

describe('importing history in a real browser', () => {
  it('imports a 13-article regulation .docx, corrects one article beside its source, saves, and finds it in the list', async () => {
    const file = join(tmpdir(), `quy-che-13-dieu-${process.pid}.docx`);
    writeFileSync(file, await regulationDocx({ articles: 13 }));
    await web.page.goto(`${web.stack.url}/agreements`);
    await web.page.click('[data-testid=import-agreement]');
    await web.page.setInputFiles('[data-testid=import-file]', file);
    await web.page.click('[data-testid=import-read]');
    await web.page.waitForSelector('[data-testid=import-review]');
    expect(await web.page.locator('[data-testid=import-article]').count()).toBe(13);
    expect(await web.page.inputValue('input[name=termFrom]')).toBe('2021');
    expect(await web.page.inputValue('input[name=party-0]')).toBe('Thường trực Hội đồng nhân dân phường Tây Hồ');
    // Each article shows the paragraph it was read from beside it.
    const fifth = web.page.locator('[data-testid=import-article]').nth(4);
    expect(await fifth.locator('.import-source').innerText()).toContain('Điều 5. Nội dung phối hợp thứ 5');
    await web.page.fill('input[name=article-title-4]', 'Trách nhiệm của Thường trực HĐND phường');
    await web.page.click('[data-testid=save-import]');
    await web.page.waitForURL(/\/agreements\/[0-9A-Z]{26}$/);
    await expect.poll(() => web.page.locator('main').innerText()).toContain('Trách nhiệm của Thường trực HĐND phường');
    await web.page.goto(`${web.stack.url}/agreements`);
    await web.page.fill('[data-testid=search]', 'nhiem ky 2021');
    await web.page.keyboard.press('Enter');
    await expect
      .poll(() => web.page.locator('[data-testid=agreement-list]').innerText())
      .toContain('Quy chế phối hợp công tác giữa Thường trực HĐND, UBND và Ủy ban MTTQ Việt Nam phường Tây Hồ nhiệm kỳ 2021-2026');
    expect(await web.page.locator('[data-testid=agreement-list]').innerText()).toContain('3 chương, 13 điều');
  });
});

describe('items spreadsheet in a real browser', () => {
  it('imports an XLSX of 7 items into a draft program, then the same file again shows 0 changes', async () => {
    const { xlsxOf, itemRows } = await import('../support/sheets.js');
    const file = join(tmpdir(), `noi-dung-7-${process.pid}.xlsx`);
    writeFileSync(file, await xlsxOf(itemRows(7, 2026)));
    await web.page.goto(`${web.stack.url}/agreements/new`);
    await web.page.waitForSelector('[data-testid=agreement-editor]');
    await web.page.fill('input[name=title]', 'Phối hợp công tác năm 2026 (nhập từ Excel)');
    await web.page.fill('input[name=year]', '2026');
    await expect.poll(() => web.page.inputValue('input[name=party-0]')).not.toBe('');
    await web.page.click('[data-testid=save-agreement]');
    await web.page.waitForURL(/\/agreements\/[0-9A-Z]{26}$/);
    await web.page.click('[data-testid=items-sheet]');
    await web.page.setInputFiles('[data-testid=sheet-file]', file);
    await web.page.click('[data-testid=sheet-preview]');
    await expect.poll(() => web.page.locator('[data-testid=sheet-summary]').innerText()).toContain('7 thay đổi, 0 dòng giữ nguyên');
    expect(await web.page.locator('[data-testid=sheet-change]').count()).toBe(7);
    await web.page.click('[data-testid=sheet-apply]');
    await expect.poll(() => web.page.locator('[data-testid=sheet-summary]').innerText()).toContain('Đã áp dụng 7 thay đổi');
    await web.page.setInputFiles('[data-testid=sheet-file]', file);
    await web.page.click('[data-testid=sheet-preview]');
    await expect.poll(() => web.page.locator('[data-testid=sheet-summary]').innerText()).toContain('0 thay đổi, 7 dòng giữ nguyên');
    expect(await web.page.locator('[data-testid=sheet-apply]').count()).toBe(0);
  });
});

/** JSON calls to the running stack as one of the demo's users (a browser test's starting point). */
async function apiAs(email: string) {
  const token = await web.stack.idp.issueIdToken(web.stack.idp.findUser(email)!);
  return async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${web.stack.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (!res.ok) throw new Error(`${method} ${path} ${res.status}: ${await res.text()}`);
    return res.json() as Promise<any>;
  };
}
const ADMIN = 'admin.phuongtayho@demo.phoihop.vn';
const noSidewaysScroll = () => web.page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

describe('bulk changes in a real browser, at 390 px and by keyboard', () => {
  it('selects two items of a signed program with the keyboard and moves both to “Đang thực hiện” at once', async () => {
    const { signedProgram } = await import('../support/signed-program.js');
    const id = await signedProgram(web.stack, ADMIN, {
      year: 2026,
      number: '09/CTrPH-HĐND-UBND-MTTQ',
      title: 'Phối hợp công tác năm 2026 (thay đổi hàng loạt)',
    });
    await web.page.setViewportSize({ width: 390, height: 844 });
    await web.page.goto(`${web.stack.url}/agreements/${id}`);
    await web.page.waitForSelector('[data-testid=bulk-bar]');
    for (const no of [1, 2]) await web.page.press(`[data-testid=select-item-${no}]`, 'Space');
    await expect.poll(() => web.page.locator('[data-testid=bulk-count]').innerText()).toContain('Đã chọn 2 nội dung');
    await web.page.focus('[data-testid=bulk-status]');
    await web.page.selectOption('[data-testid=bulk-status]', 'in_progress');
    await web.page.press('[data-testid=bulk-apply]', 'Enter');
    await expect.poll(() => web.page.locator('[data-testid=bulk-count]').innerText()).toContain('đã cập nhật 2 nội dung');
    await expect.poll(() => web.page.locator('[data-testid=item-1]').innerText()).toContain('Đang thực hiện');
    expect(await web.page.locator('[data-testid=item-2]').innerText()).toContain('Đang thực hiện');
    expect(await noSidewaysScroll()).toBe(true);
    const detail = await (await apiAs(ADMIN))('GET', `/api/agreements/${id}`);
    expect(detail.items.map((i: { status: string; version: number }) => [i.status, i.version])).toEqual([
      ['in_progress', 2],
      ['in_progress', 2],
    ]);
  });

  it('imports the recommendations sheet (a new deadline and a new recommendation), then changes two recommendations’ unit together', async () => {
    const call = await apiAs(ADMIN);
    const { samplePlan } = await import('../support/supervision-fixtures.js');
    const { xlsxOf } = await import('../support/sheets.js');
    const { RECOMMENDATION_COLUMNS } = await import('../../shared/imports/schema.js');
    const plan = (await call('POST', '/api/supervision/plans', samplePlan({ topic: 'Giám sát việc thu gom rác thải sinh hoạt' }))).plan;
    await call('POST', `/api/supervision/plans/${plan.id}/transitions`, { to: 'notified', version: 1 });
    await call('POST', `/api/supervision/plans/${plan.id}/transitions`, { to: 'in_progress', version: 2 });
    const { recommendations } = await call('POST', `/api/supervision/plans/${plan.id}/findings`, {
      kind: 'shortcoming',
      title: 'Điểm tập kết rác chưa đúng giờ',
      recommendations: [
        { content: 'Bố trí lại giờ thu gom ở tổ dân phố số 3', responsibleUnit: 'UBND phường Tây Hồ', deadline: '2026-12-31' },
        { content: 'Kiểm tra đơn vị thu gom', responsibleUnit: 'Phòng Kinh tế', deadline: '2026-12-31' },
      ],
    });
    const row = (r: { no: number; content: string; responsibleUnit: string; version: number }, deadline: string) => [
      r.no,
      1,
      r.content,
      r.responsibleUnit,
      deadline,
      'Chưa trả lời',
      r.version,
    ];
    const file = join(tmpdir(), `kien-nghi-${process.pid}.xlsx`);
    writeFileSync(
      file,
      await xlsxOf(
        [
          row(recommendations[0], '31/12/2026'),
          row(recommendations[1], '15/01/2027'),
          [3, 1, 'Công khai lịch thu gom', 'UBND phường Tây Hồ', '31/01/2027', '', null],
        ],
        { headers: RECOMMENDATION_COLUMNS.map((c) => c.vi) },
      ),
    );
    await web.page.goto(`${web.stack.url}/supervision/plans/${plan.id}`);
    await web.page.click('[data-testid=recs-sheet]');
    await web.page.setInputFiles('[data-testid=sheet-file]', file);
    await web.page.click('[data-testid=sheet-preview]');
    await expect.poll(() => web.page.locator('[data-testid=sheet-summary]').innerText()).toContain('2 thay đổi, 1 dòng giữ nguyên');
    expect(await web.page.locator('[data-testid=sheet-change]').allInnerTexts()).toEqual([
      expect.stringContaining('Thời hạn'),
      expect.stringContaining('Thêm mới'),
    ]);
    await web.page.click('[data-testid=sheet-apply]');
    await expect.poll(() => web.page.locator('[data-testid=sheet-summary]').innerText()).toContain('Đã áp dụng 2 thay đổi');
    await web.page.setInputFiles('[data-testid=sheet-file]', file);
    await web.page.click('[data-testid=sheet-preview]');
    await expect.poll(() => web.page.locator('[data-testid=sheet-summary]').innerText()).toContain('0 thay đổi, 3 dòng giữ nguyên');
    expect(await noSidewaysScroll()).toBe(true);

    await web.page.goto(`${web.stack.url}/supervision/plans/${plan.id}`);
    await web.page.waitForSelector('[data-testid=bulk-bar]');
    expect(await web.page.locator('[data-testid=rec-3]').innerText()).toContain('Công khai lịch thu gom');
    for (const no of [2, 3]) await web.page.press(`[data-testid=select-rec-${no}]`, 'Space');
    await web.page.fill('[data-testid=bulk-unit]', 'Phòng Tài nguyên và Môi trường');
    await web.page.press('[data-testid=bulk-apply]', 'Enter');
    await expect.poll(() => web.page.locator('[data-testid=bulk-count]').innerText()).toContain('đã cập nhật 2 kiến nghị');
    await expect.poll(() => web.page.locator('[data-testid=rec-2] [data-testid=rec-unit]').innerText()).toBe('Phòng Tài nguyên và Môi trường');
    expect(await web.page.locator('[data-testid=rec-3] [data-testid=rec-unit]').innerText()).toBe('Phòng Tài nguyên và Môi trường');
    expect(await web.page.locator('[data-testid=rec-1] [data-testid=rec-unit]').innerText()).toBe('UBND phường Tây Hồ');
    expect(await web.page.locator('[data-testid=rec-2] [data-testid=rec-deadline]').innerText()).toBe('15/01/2027');
    expect(await noSidewaysScroll()).toBe(true);
  });
});

describe('from the archive to a draft', () => {
  it('a .docx in the archive offers “Nhập thành dự thảo”, which opens the review screen on that document', async () => {
    const call = await apiAs(ADMIN);
    const bytes = await regulationDocx({ articles: 3 });
    const ticket = await call('POST', '/api/archive/uploads', {
      file: { name: 'quy-che.docx', size: bytes.length, contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
      document: {
        type: 'QC',
        numberSymbol: '01/QC-HĐND-UBND-MTTQ',
        issuingAgencies: ['HĐND phường Tây Hồ'],
        signedOn: '2021-07-15',
        signers: [],
        summary: 'Quy chế phối hợp nhiệm kỳ 2021-2026',
        links: [],
        tags: [],
      },
    });
    const put = await fetch(ticket.put.url, { method: 'PUT', headers: ticket.put.headers, body: new Uint8Array(bytes) });
    expect(put.status).toBe(200);
    const doc = await call('POST', `/api/archive/uploads/${ticket.uploadId}/complete`);
    await web.page.goto(`${web.stack.url}/archive/${doc.id}`);
    await web.page.waitForSelector('[data-testid=doc-title]');
    expect(await web.page.getAttribute('[data-testid=import-as-draft]', 'href')).toBe(`/agreements/import?document=${doc.id}`);
    await web.page.press('[data-testid=import-as-draft]', 'Enter');
    await web.page.waitForURL(/\/agreements\/import\?document=/);
    await web.page.waitForSelector('[data-testid=import-review]');
    expect(await web.page.locator('[data-testid=import-article]').count()).toBe(3);
  });
});
