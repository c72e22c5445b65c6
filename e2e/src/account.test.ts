import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { usePhoneBrowser, screenshot, watchProblems } from './browser.js';
import { DEMO_PASSWORD, signIn } from './session.js';

const baseUrl = inject('baseUrl');
const newPhone = usePhoneBrowser();

const heading = (page: Page, name: string) => page.getByRole('heading', { level: 1, name, exact: true });

async function changePassword(page: Page, current: string, next: string, confirm = next) {
  await page.getByLabel('Mật khẩu hiện tại', { exact: true }).fill(current);
  await page.getByLabel('Mật khẩu mới', { exact: true }).fill(next);
  await page.getByLabel('Nhập lại mật khẩu mới', { exact: true }).fill(confirm);
  await page.getByRole('button', { name: 'Đổi mật khẩu', exact: true }).click();
}

describe('changing the password on a phone', () => {
  it('refuses a wrong current password, then changes it, and only the new one opens the account', async () => {
    const context = await newPhone();
    const page = await context.newPage();
    const problems = watchProblems(page);
    const next = 'gan-bo-moi-2026';

    await page.goto(`${baseUrl}/account/password`);
    await heading(page, 'Đăng nhập').waitFor();
    await signIn(page, 'phantich.nghean');
    await heading(page, 'Đổi mật khẩu').waitFor();

    await changePassword(page, DEMO_PASSWORD, next, 'khac-han');
    expect(await page.getByRole('alert').innerText()).toBe('Hai lần nhập mật khẩu mới không khớp.');

    await changePassword(page, 'mat-khau-sai', next);
    await page.getByRole('alert').getByText('Mật khẩu hiện tại không đúng.').waitFor();
    expect(await page.getByLabel('Mật khẩu hiện tại', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    await screenshot(page, '14-password-wrong-current-vi');

    await changePassword(page, DEMO_PASSWORD, next);
    await page.getByRole('status').getByText('Đã đổi mật khẩu.').waitFor();
    await screenshot(page, '15-password-changed-vi');

    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await heading(page, 'Đăng nhập').waitFor();
    await signIn(page, 'phantich.nghean');
    await page.getByText('Tên đăng nhập hoặc mật khẩu không đúng.').waitFor();
    await signIn(page, 'phantich.nghean', next);
    await heading(page, 'Tỉnh Nghệ An').waitFor();

    // Put the demo password back for the other tests.
    await page.goto(`${baseUrl}/account/password`);
    await heading(page, 'Đổi mật khẩu').waitFor();
    await changePassword(page, next, DEMO_PASSWORD);
    await page.getByRole('status').getByText('Đã đổi mật khẩu.').waitFor();

    expect(problems).toEqual([]);
    await context.close();
  });
});
