import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../functions/demo/data.js';
import { signInAs, webSuite } from '../support/browser.js';

/**
 * Issue #3's done-when, in a real browser (with issue #11's localities): a new ward signs up, the
 * province admin approves it, the invited admin accepts the invitation, signs in and sees an empty unit.
 */

let invitationUrl = '';

const web = webSuite('browser-tenancy');

beforeAll(async () => {
  web.page.on('dialog', (d) => void d.accept());
});

async function signIn(email: string, password: string) {
  await signInAs(web.page, web.stack.url, email, password);
}

/** The sign-up type-ahead: type (accents optional), pick the unit by its code. */
async function pickUnit(text: string, code: string) {
  await web.page.locator('input[role=combobox]').fill(text);
  await web.page.click(`[data-testid=locality-options] [data-code="${code}"]`);
  await expect.poll(() => web.page.locator('[data-testid=locality-chosen]').innerText()).toContain(code);
}

/** Sends the public sign-up form for Phường Long Biên (00145, Hà Nội), found in the type-ahead by `search`. */
async function signUpLongBien(search: string, contact: { agency: string; name: string; email: string }) {
  await web.page.goto(`${web.stack.url}/sign-up`);
  await expect.poll(() => web.page.locator('h1').textContent()).toBe('Đăng ký đơn vị cấp xã');
  await web.page.selectOption('select[name=provinceCode]', '01');
  await pickUnit(search, '00145');
  await web.page.fill('input[name=agency]', contact.agency);
  await web.page.fill('input[name=contactName]', contact.name);
  await web.page.fill('input[name=contactEmail]', contact.email);
  await web.page.click('button[type=submit]');
}

async function signOut() {
  await web.page.click('button:has-text("Đăng xuất")');
  await web.page.waitForURL(/\/sign-in$/);
}

describe('locality onboarding in a real browser', () => {
  it('signs a new ward up from the current official list; a second sign-up gets a clear refusal', async () => {
    await signUpLongBien('long bien', { agency: 'Văn phòng HĐND và UBND', name: 'Nguyễn Văn Long', email: 'vanphong@longbien.test.vn' });
    const done = await web.page.waitForSelector('[data-testid=signup-done]');
    expect(await done.innerText()).toContain('Phường Long Biên');
    expect(await done.innerText()).toContain('chờ duyệt');

    await signUpLongBien('Long Biên', { agency: 'UBND', name: 'Người Khác', email: 'khac@longbien.test.vn' });
    await expect.poll(() => web.page.locator('[role=alert]').innerText()).toContain('Phường Long Biên (Thành phố Hà Nội) đã được đăng ký');
  });

  it('lets the Hà Nội province admin approve it and shows the invitation link to hand over', async () => {
    await signIn('admin.hanoi@demo.phoihop.vn', DEMO_PASSWORD);
    await web.page.click('nav.sidenav >> text=Phê duyệt đăng ký');
    const row = web.page.locator('tr[data-locality="00145"]');
    await expect.poll(() => row.innerText()).toContain('Chờ duyệt');
    expect(await row.innerText()).toContain('vanphong@longbien.test.vn');
    // The seeded Phường Ba Đình sign-up waits too; pending rows come first.
    expect(await web.page.locator('tr[data-locality="00004"]').innerText()).toContain('Chờ duyệt');
    await row.locator('button:has-text("Phê duyệt")').click();
    await web.page.click('[data-testid=approve-confirm]');
    const link = web.page.locator('[data-testid=invitation-link]');
    await expect.poll(() => link.inputValue()).toMatch(/\/invitation#01\.00145\./);
    invitationUrl = await link.inputValue();
    expect(await web.page.locator('[data-testid=invitation]').innerText()).toContain('Hệ thống chưa gửi thư điện tử');
    await expect.poll(() => row.innerText()).toContain('Đang hoạt động');
    await signOut();
  });

  it('lets the invited admin set a password, sign in and see an empty ward', async () => {
    await web.page.goto(invitationUrl);
    const preview = web.page.locator('[data-testid=invitation-preview]');
    await expect.poll(() => preview.innerText()).toContain('Phường Long Biên');
    expect(await preview.innerText()).toContain('Quản trị đơn vị cấp xã');
    expect(await web.page.inputValue('input[name=name]')).toBe('Nguyễn Văn Long');
    await web.page.fill('input[name=password]', 'LongBien@2026');
    await web.page.fill('input[name=confirm]', 'LongBien@2025');
    await web.page.click('button[type=submit]');
    await expect.poll(() => web.page.locator('[role=alert]').innerText()).toContain('không khớp');
    await web.page.fill('input[name=confirm]', 'LongBien@2026');
    await web.page.click('button[type=submit]');
    await web.page.waitForSelector('[data-testid=accepted]');

    await signIn('vanphong@longbien.test.vn', 'LongBien@2026');
    await expect.poll(() => web.page.locator('[data-testid=who]').innerText()).toContain('Nguyễn Văn Long · Quản trị đơn vị cấp xã');
    await expect.poll(() => web.page.locator('[data-testid=tenant-summary]').innerText()).toContain('Phường Long Biên, Thành phố Hà Nội');
    expect(await web.page.locator('[data-testid=tenant-summary]').innerText()).toContain('Đang hoạt động');

    // Its predecessor district's records (Quận Long Biên) are offered read-only.
    await expect.poll(() => web.page.locator('[data-testid=predecessor-panel]').innerText()).toContain('Hồ sơ Quận Long Biên (trước 01/07/2025)');

    // Empty ward: its only user is the new admin, nothing pending.
    await web.page.click('nav.sidenav >> text=Người dùng');
    await expect.poll(() => web.page.locator('[data-testid=users] tbody tr').count()).toBe(1);
    expect(await web.page.locator('[data-testid=users]').innerText()).toContain('vanphong@longbien.test.vn');
    expect(await web.page.locator('text=Không có lời mời nào đang chờ.').count()).toBe(1);
    expect(await web.page.locator('nav.sidenav').innerText()).not.toContain('Phê duyệt đăng ký');
  });

  it('invites an editor from the users page and shows the link', async () => {
    await web.page.fill('[data-testid=invite-form] input[name=email]', 'bientap@longbien.test.vn');
    await web.page.selectOption('[data-testid=invite-form] select[name=role]', 'locality_editor');
    await web.page.click('[data-testid=invite-form] button[type=submit]');
    await expect.poll(() => web.page.locator('[data-testid=invitation-link]').inputValue()).toMatch(/\/invitation#01\.00145\./);
    await expect.poll(() => web.page.locator('[data-testid=invitations]').innerText()).toContain('bientap@longbien.test.vn');
  });

  it("shows the ward's audit log newest first, filterable by action", async () => {
    await web.page.click('nav.sidenav >> text=Nhật ký thay đổi');
    await expect.poll(() => web.page.locator('[data-testid=audit] tbody tr').count()).toBe(5);
    const actions = await web.page.locator('[data-testid=audit] tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-action')));
    // (the approval's own "approve" and "invite" share one instant, so only the ends have a fixed order)
    expect(actions[0]).toBe('invite');
    expect(actions.at(-1)).toBe('sign-up');
    expect(new Set(actions)).toEqual(new Set(['invite', 'accept', 'approve', 'sign-up']));
    // Each entry is a sentence ending with the day and time: "…, 30/11/2026 09:12".
    expect(await web.page.locator('[data-testid=audit]').innerText()).toMatch(/, \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/);
    await web.page.selectOption('[data-testid=audit-filters] select[name=action]', 'approve');
    await web.page.click('[data-testid=audit-filters] button[type=submit]');
    await expect.poll(() => web.page.locator('[data-testid=audit] tbody tr').count()).toBe(1);
    expect(await web.page.locator('[data-testid=audit]').innerText()).toContain('Hoàng Anh Tuấn phê duyệt đăng ký của Phường Long Biên');
  });

  it('shows an invitation link again, once the page no longer holds it, by issuing a new one', async () => {
    // Coming back to the page (as after a reload): the link shown at invitation time is gone.
    await web.page.click('nav.sidenav >> text=Người dùng');
    await expect.poll(() => web.page.locator('[data-testid=invitations]').innerText()).toContain('bientap@longbien.test.vn');
    expect(await web.page.locator('[data-testid=invitation-link]').count()).toBe(0);
    await web.page.click('[data-testid=reissue-invitation]');
    await expect.poll(() => web.page.locator('[data-testid=invitation-link]').inputValue()).toMatch(/\/invitation#01\.00145\./);
    await expect.poll(() => web.page.locator('[data-testid=invitations] tbody tr').count()).toBe(1);
  });
});
