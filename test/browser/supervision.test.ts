import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { signInAs, webSuite } from '../support/browser.js';
import { setDataEntry } from '../support/locality-flow.js';
import { fillFindingForm, fillPlanForm, planStep } from '../support/supervision-page.js';

/**
 * Issue #5 "done when": in a real browser a district creates a plan, records a finding with two
 * recommendations, answers one and resolves it, and sees the other become overdue when its
 * deadline passes; the follow-up board shows the right counts. The server clock is the stack's
 * injected `now` (a closure of this test), so no clock endpoint exists in any deployed app.
 */

let clock = new Date('2026-03-02T02:00:00Z'); // 09:00 02/03/2026 in Hà Nội

const web = webSuite('browser-supervision', { now: () => clock });

async function signIn(p: Page, email: string) {
  await signInAs(p, web.stack.url, email);
}

const text = (selector: string) => web.page.locator(selector).innerText();
const rec = (no: number) => web.page.locator(`[data-testid=rec-${no}]`);
const unitRow = (unit: string) => web.page.locator(`[data-testid=board-unit][data-unit="${unit}"]`);
const periodRow = (period: string) => web.page.locator(`[data-testid=board-period][data-period="${period}"]`);

beforeAll(async () => {
  // Quận Đống Đa is history since 01/07/2025 (read-only); Hà Nội opens it to backfill records, so its demo admin may write.
  await setDataEntry(web.stack.url, '006', true);
});

describe('supervision in a real browser', () => {
  let planUrl = '';

  it('creates a plan and shows its report due date, 15 days after the last working session', async () => {
    await signIn(web.page, 'admin.dongda@demo.phoihop.vn');
    await web.page.click('nav.sidenav >> text=Giám sát');
    await web.page.waitForSelector('[data-testid=no-plans]');
    await web.page.click('[data-testid=new-plan]');
    await fillPlanForm(web.page, {
      ownerBody: 'hdnd_standing',
      type: 'thematic',
      topic: 'Giám sát công tác quản lý trật tự xây dựng trên địa bàn quận',
      units: ['UBND phường Láng Hạ', 'UBND phường Ô Chợ Dừa'],
      period: ['2026-03-01', '2026-04-30'],
      sessions: [
        { on: '2026-03-10', unit: 'UBND phường Láng Hạ' },
        { on: '2026-03-17', unit: 'UBND phường Ô Chợ Dừa' },
      ],
      leader: { name: 'Đỗ Thị Lan', title: 'Phó Chủ tịch HĐND quận', agency: 'HĐND quận' },
      members: [{ name: 'Nguyễn Văn Thành', agency: 'Ủy ban MTTQ quận' }],
    });
    // The due date shows on the form, before the plan is saved.
    expect(await text('[data-testid=form-report-due]')).toContain('01/04/2026');
    await web.page.check('input[name=methods][value=field_survey]');
    await web.page.click('[data-testid=save-plan]');
    await web.page.waitForURL(/\/supervision\/plans\/[0-9A-Z]{26}$/);
    planUrl = web.page.url();
    await expect.poll(() => text('[data-testid=plan-topic]')).toBe('Giám sát công tác quản lý trật tự xây dựng trên địa bàn quận');
    expect(await text('[data-testid=report-due]')).toContain('01/04/2026');
    expect(await text('[data-testid=plan-status]')).toContain('Đã lập kế hoạch');
  });

  it('moves the plan to in progress and records a finding with two recommendations', async () => {
    await web.page.click('[data-testid=plan-move-notified]');
    // Each step says what it does and how long it can be undone, before it is taken.
    expect(await text('[data-testid=plan-step-dialog]')).toContain('có thể hoàn tác trong 10 phút');
    await web.page.click('[data-testid=plan-step-confirm]');
    await expect.poll(() => text('[data-testid=plan-status]')).toContain('Đã thông báo');
    // Taken by mistake: its author takes it back from the notice, and the plan is as before.
    expect(await text('[data-testid=plan-undo]')).toContain('Kế hoạch vừa chuyển sang "Đã thông báo"');
    await web.page.click('[data-testid=plan-undo-undo]');
    await expect.poll(() => text('[data-testid=plan-status]')).toContain('Đã lập kế hoạch');
    expect(await web.page.locator('[data-testid=plan-undo]').count()).toBe(0);
    await planStep(web.page, 'notified');
    await expect.poll(() => text('[data-testid=plan-status]')).toContain('Đã thông báo');
    await planStep(web.page, 'in_progress');
    await expect.poll(() => text('[data-testid=plan-status]')).toContain('Đang giám sát');
    expect(await text('[data-testid=plan-history]')).toContain('02/03/2026');

    await fillFindingForm(web.page, {
      kind: 'shortcoming',
      title: 'Còn công trình vi phạm trật tự xây dựng chậm xử lý',
      recommendations: [
        { content: 'Xử lý dứt điểm công trình vi phạm tại phường Láng Hạ', unit: 'UBND phường Láng Hạ', deadline: '2026-03-31' },
        { content: 'Rà soát, báo cáo danh sách công trình vi phạm', unit: 'Phòng Quản lý đô thị quận', deadline: '2026-03-20' },
      ],
    });
    await web.page.click('[data-testid=save-finding]');
    await rec(2).waitFor();
    expect(await rec(1).locator('[data-testid=rec-status]').innerText()).toBe('Chưa trả lời');
    expect(await rec(2).locator('[data-testid=rec-deadline]').innerText()).toBe('20/03/2026');
    expect(await text('[data-testid=open-count]')).toContain('2 kiến nghị chưa giải quyết xong');
  });

  it('answers the first recommendation with an attachment and resolves it', async () => {
    await rec(1).locator('[data-testid=rec-respond]').click();
    await rec(1).locator('textarea[name=response-content]').fill('Đã ban hành quyết định cưỡng chế và tháo dỡ phần vi phạm.');
    await rec(1).locator('input[name=attachment-label-0]').fill('Báo cáo số 45/BC-UBND ngày 02/03/2026');
    await rec(1).locator('[data-testid=save-response]').click();
    await expect.poll(() => rec(1).locator('[data-testid=rec-status]').innerText()).toBe('Đã trả lời');
    expect(await rec(1).locator('[data-testid=rec-responses]').innerText()).toContain('Báo cáo số 45/BC-UBND');
    await rec(1).locator('[data-testid=rec-resolve]').click();
    expect(await rec(1).locator('[data-testid=resolve-dialog]').innerText()).toContain('hoàn tác trong 10 phút; sau đó không thể mở lại');
    await rec(1).locator('[data-testid=resolve-confirm]').click();
    await expect.poll(() => rec(1).locator('[data-testid=rec-status]').innerText()).toBe('Đã giải quyết xong');
    await expect.poll(() => text('[data-testid=open-count]')).toContain('1 kiến nghị chưa giải quyết xong');
    // Undo within the window: answered again and counted open; resolved once more, the notice is back.
    await rec(1).locator('[data-testid=rec-1-undo-undo]').click();
    await expect.poll(() => rec(1).locator('[data-testid=rec-status]').innerText()).toBe('Đã trả lời');
    await expect.poll(() => text('[data-testid=open-count]')).toContain('2 kiến nghị chưa giải quyết xong');
    await rec(1).locator('[data-testid=rec-resolve]').click();
    await rec(1).locator('[data-testid=resolve-confirm]').click();
    await expect.poll(() => rec(1).locator('[data-testid=rec-status]').innerText()).toBe('Đã giải quyết xong');
    expect(await rec(1).locator('[data-testid=rec-1-undo]').count()).toBe(1);
    // Eleven minutes later (the server's clock, whatever the browser's) the button is gone.
    clock = new Date(clock.getTime() + 11 * 60_000);
    await web.page.reload();
    await expect.poll(() => rec(1).locator('[data-testid=rec-status]').innerText()).toBe('Đã giải quyết xong');
    expect(await rec(1).locator('[data-testid=rec-1-undo]').count()).toBe(0);
    expect(await web.page.locator('[data-testid=plan-undo]').count()).toBe(0);
    expect(await rec(2).locator('[data-testid=rec-overdue]').count()).toBe(0);
  });

  it('shows the follow-up board with the right counts', async () => {
    await web.page.click('nav.sidenav >> text=Giám sát');
    await web.page.click('[data-testid=open-board]');
    await web.page.waitForSelector('[data-testid=board-units]');
    expect(await text('[data-testid=kpi-open]')).toContain('1');
    expect(await text('[data-testid=kpi-overdue]')).toContain('0');
    expect(await web.page.locator('[data-testid=board-unit]').count()).toBe(1);
    expect(await unitRow('Phòng Quản lý đô thị quận').locator('[data-testid=unit-open]').innerText()).toBe('1');
    expect(await unitRow('Phòng Quản lý đô thị quận').locator('[data-testid=unit-overdue]').innerText()).toBe('0');
    expect(await periodRow('2026-Q1').locator('[data-testid=period-due]').innerText()).toBe('2');
    expect(await periodRow('2026-Q1').locator('[data-testid=period-resolved]').innerText()).toBe('1');
    expect(await periodRow('2026-Q1').locator('[data-testid=period-rate]').innerText()).toBe('50%');
  });

  it('shows the second recommendation overdue once its deadline has passed', async () => {
    clock = new Date('2026-03-21T02:00:00Z');
    await web.page.reload();
    await expect.poll(() => text('[data-testid=board-today]')).toBe('21/03/2026');
    expect(await text('[data-testid=kpi-overdue]')).toContain('1');
    expect(await unitRow('Phòng Quản lý đô thị quận').locator('[data-testid=unit-overdue]').innerText()).toBe('1');
    expect(await web.page.locator('[data-testid=board-rec] [data-testid=rec-overdue]').count()).toBe(1);

    await web.page.goto(planUrl);
    await rec(2).waitFor();
    expect(await rec(2).locator('[data-testid=rec-overdue]').innerText()).toBe('Quá hạn');
    expect(await rec(1).locator('[data-testid=rec-overdue]').count()).toBe(0);
    // the plan cannot close while it is open
    await planStep(web.page, 'reported');
    await expect.poll(() => text('[data-testid=plan-status]')).toContain('Đã báo cáo kết quả');
    await planStep(web.page, 'closed');
    // The refusal is said in the dialog that asked.
    await expect.poll(() => text('[data-testid=plan-step-dialog] [role=alert]')).toContain('Còn 1 kiến nghị chưa giải quyết xong');
    await web.page.click('[data-testid=plan-step-dialog] .dialog-cancel');
  });

  it("lets Hà Nội's province viewer read a district's plans read-only", async () => {
    const ctx = await web.browser.newContext();
    const viewer = await ctx.newPage();
    try {
      await signIn(viewer, 'xem.hanoi@demo.phoihop.vn');
      await viewer.goto(`${web.stack.url}/supervision`);
      await viewer.waitForSelector('[data-testid=locality-picker] option[value="006"]', { state: 'attached' });
      await viewer.selectOption('[data-testid=locality-picker]', '006');
      await viewer.waitForSelector('[data-testid=plan-row]');
      expect(await viewer.locator('[data-testid=plan-list]').innerText()).toContain('Giám sát công tác quản lý trật tự xây dựng trên địa bàn quận');
      expect(await viewer.locator('[data-testid=new-plan]').count()).toBe(0);
      await viewer.click('[data-testid=plan-row] a');
      await viewer.waitForSelector('[data-testid=rec-2]');
      expect(viewer.url()).toContain('locality=006');
      expect(await viewer.locator('[data-testid=read-only-banner]').innerText()).toContain('Quận Đống Đa');
      expect(await viewer.locator('[data-testid=rec-respond]').count()).toBe(0);
      expect(await viewer.locator('[data-testid=finding-form]').count()).toBe(0);
    } finally {
      await ctx.close();
    }
  });
});
