import { beforeAll, describe, expect, it } from 'vitest';
import { fill, signInAs, webSuite } from '../support/browser.js';
import { setDataEntry } from '../support/locality-flow.js';
import { fillFindingForm, fillPlanForm, planStep } from '../support/supervision-page.js';

/**
 * Backfilling history in a real browser: Quận Đống Đa (history since 01/07/2025, opened by Hà Nội
 * for data entry) enters its 2024 supervision plan in December 2026, dating each step, the
 * recommendation, its answer and its resolution the day they happened.
 */

const clock = new Date('2026-12-06T03:00:00Z'); // 10:00 06/12/2026 in Hà Nội

const web = webSuite('browser-supervision-backfill', { now: () => clock });

const text = (selector: string) => web.page.locator(selector).innerText();
const rec = (no: number) => web.page.locator(`[data-testid=rec-${no}]`);

beforeAll(async () => {
  await setDataEntry(web.stack.url, '006', true);
});

/** Takes the plan's next step on the given day (typed as the clerk types it) and confirms. */
const step = (to: string, on: string) => planStep(web.page, to, on);

describe('a 2024 supervision plan entered in December 2026', () => {
  it('is created with the day it was planned', async () => {
    await signInAs(web.page, web.stack.url, 'admin.dongda@demo.phoihop.vn');
    await web.page.goto(`${web.stack.url}/supervision`);
    await web.page.click('[data-testid=new-plan]');
    // "Ngày diễn ra": the form offers the day the plan was really made.
    expect(await web.page.locator('label:has(input[name=plannedOn])').innerText()).toContain('Ngày diễn ra');
    await fillPlanForm(web.page, {
      topic: 'Giám sát việc giải quyết kiến nghị cử tri năm 2024',
      units: ['UBND phường Láng Hạ'],
      period: ['2024-05-01', '2024-06-30'],
      plannedOn: '2024-04-15',
      sessions: [{ on: '2024-05-20', unit: 'UBND phường Láng Hạ' }],
      leader: { name: 'Đỗ Thị Lan', agency: 'HĐND quận' },
    });
    await web.page.click('[data-testid=save-plan]');
    await web.page.waitForURL(/\/supervision\/plans\/[0-9A-Z]{26}$/);
    await expect.poll(() => text('[data-testid=plan-history]')).toContain('15/04/2024');
    expect(await text('[data-testid=report-due]')).toContain('04/06/2024');
  });

  it('takes each step on its own day, refuses a day before the previous step, and marks the late report', async () => {
    await step('notified', '2024-04-25');
    await expect.poll(() => text('[data-testid=plan-status]')).toContain('Đã thông báo');
    await step('in_progress', '2024-04-20');
    await expect.poll(() => text('[data-testid=plan-step-dialog] [role=alert]')).toContain('Ngày chuyển bước không được trước bước trước đó');
    await web.page.click('[data-testid=plan-step-dialog] .dialog-cancel');
    await step('in_progress', '2024-05-10');
    await expect.poll(() => text('[data-testid=plan-status]')).toContain('Đang giám sát');
    await step('reported', '2024-06-10');
    await expect.poll(() => text('[data-testid=reported-on]')).toContain('10/06/2024');
    expect(await text('[data-testid=reported-on]')).toContain('Báo cáo muộn');
    const history = await text('[data-testid=plan-history]');
    for (const day of ['15/04/2024', '25/04/2024', '10/05/2024', '10/06/2024']) expect(history).toContain(day);
    expect(history).not.toContain('06/12/2026');
  });

  it('dates the recommendation, its answer and its resolution the day they happened', async () => {
    await fillFindingForm(web.page, {
      title: 'Còn kiến nghị cử tri chậm giải quyết',
      recommendations: [{ content: 'Giải quyết dứt điểm kiến nghị về ngập úng', unit: 'UBND phường Láng Hạ', deadline: '2024-07-31', madeOn: '2024-06-10' }],
    });
    await web.page.click('[data-testid=save-finding]');
    await rec(1).waitFor();

    await rec(1).locator('[data-testid=rec-respond]').click();
    await fill(rec(1), { 'input[name=respondedOn]': '2024-07-20', 'textarea[name=response-content]': 'Đã nạo vét cống thoát nước.' });
    await rec(1).locator('[data-testid=save-response]').click();
    await expect.poll(() => rec(1).locator('[data-testid=rec-status]').innerText()).toBe('Đã trả lời');
    expect(await rec(1).locator('[data-testid=rec-responses]').innerText()).toContain('20/07/2024');

    await rec(1).locator('input[name=rec-step-on-1]').fill('2024-07-25');
    await rec(1).locator('[data-testid=rec-resolve]').click();
    await rec(1).locator('[data-testid=resolve-confirm]').click();
    await expect.poll(() => rec(1).locator('[data-testid=rec-status]').innerText()).toBe('Đã giải quyết xong');
    const shown = await rec(1).innerText();
    expect(shown).toContain('25/07/2024');
    expect(shown).toContain('10/06/2024'); // made on, first in its history
  });
});
