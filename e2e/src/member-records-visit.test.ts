import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { screenshot, watchProblems } from './browser.js';
import { isOfflineNoise, todayHere, useBrowsers } from './contexts.js';
import { signIn } from './session.js';

const baseUrl = inject('baseUrl');
const browsers = useBrowsers();

const heading = (page: Page, name: string) => page.getByRole('heading', { level: 1, name, exact: true });
const card = (page: Page, householdId: string) => page.locator(`[data-testid="my-households"] [data-household-id="${householdId}"]`);
const formatted = (date: string) => date.split('-').reverse().join('/');

describe('a member records a visit on a phone (Hộ của tôi)', () => {
  it('records a visit with two topics and one feedback, keeping the draft through a reload and a lost connection', async () => {
    const context = await browsers.phone();
    const page = await context.newPage();
    const problems = watchProblems(page);
    const today = todayHere();
    const feedbackText = `Giếng chung của xóm cạn nước từ tháng trước (${Date.now()})`;

    await page.goto(`${baseUrl}/`);
    await heading(page, 'Đăng nhập').waitFor();
    await signIn(page, 'dangvien.xopmat');
    await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Hộ của tôi' }).click();
    await heading(page, 'Hộ của tôi').waitFor();
    const first = page.getByTestId('my-households').locator('[data-household-id]').first();
    await first.waitFor();
    const householdId = (await first.getAttribute('data-household-id'))!;
    const householdName = (await first.getByRole('heading', { level: 2 }).innerText()).trim();
    expect(await first.getByTestId('due-badge').count()).toBe(1);
    await screenshot(page, 'screenshots/member-households-phone', true);

    await first.getByRole('link', { name: 'Ghi lần thăm' }).click();
    await heading(page, 'Ghi lần thăm').waitFor();
    expect(new URL(page.url()).searchParams.get('household')).toBe(householdId);
    await expect.poll(() => page.getByTestId('visit-household').innerText()).toBe(householdName);
    const date = page.getByLabel('Ngày thăm', { exact: true });
    expect(await date.inputValue()).toBe(today);
    expect(await date.getAttribute('max')).toBe(today);

    await page.getByRole('button', { name: 'Sinh kế, sản xuất' }).click();
    await page.getByRole('button', { name: 'Nước sinh hoạt' }).click();
    expect(await page.getByRole('button', { name: 'Nước sinh hoạt' }).getAttribute('aria-pressed')).toBe('true');
    await page.getByLabel('Ghi chép', { exact: true }).fill('Gia đình đã thu hoạch xong lúa mùa, cần giống ngô vụ đông.');
    await page.getByRole('button', { name: '+ Thêm ý kiến' }).click();
    const feedback = page.getByTestId('feedback-draft-0');
    await feedback.getByLabel('Lĩnh vực').selectOption('DRINKING_WATER');
    await feedback.getByLabel('Nội dung bà con nêu').fill(feedbackText);

    // Sending too early: an empty second feedback is pointed out, in words, before anything is sent.
    await page.getByRole('button', { name: '+ Thêm ý kiến' }).click();
    await page.getByRole('button', { name: 'Lưu lần thăm' }).click();
    const second = page.getByTestId('feedback-draft-1');
    expect(await second.getByText('Chọn lĩnh vực của ý kiến.').count()).toBe(1);
    expect(await second.getByText('Ghi nội dung ý kiến (ít nhất 3 ký tự).').count()).toBe(1);
    await second.getByRole('button', { name: 'Bỏ ý kiến này' }).click();

    // The draft lives on the phone: a reload brings everything back.
    await page.getByTestId('draft-status').waitFor();
    await page.reload();
    await heading(page, 'Ghi lần thăm').waitFor();
    expect(await page.getByRole('button', { name: 'Sinh kế, sản xuất' }).getAttribute('aria-pressed')).toBe('true');
    expect(await page.getByTestId('feedback-draft-0').getByLabel('Nội dung bà con nêu').inputValue()).toBe(feedbackText);
    await screenshot(page, 'screenshots/member-visit-form-phone', true);

    // No signal: nothing is lost, and the member is told why.
    await context.setOffline(true);
    await page.getByRole('button', { name: 'Lưu lần thăm' }).click();
    const offline = page.locator('[data-testid="problem"][data-code="OFFLINE"]');
    await offline.waitFor();
    expect(await offline.innerText()).toContain('Chưa gửi được vì không có kết nối');
    expect(await page.evaluate((id) => Object.keys(localStorage).some((key) => key.startsWith('gan-bo.visit-draft.') && key.endsWith(`.${id}`)), householdId)).toBe(true);
    await offline.scrollIntoViewIfNeeded();
    await screenshot(page, 'screenshots/member-visit-offline-phone');
    await context.setOffline(false);

    await page.getByRole('button', { name: 'Lưu lần thăm' }).click();
    await heading(page, 'Đã ghi lần thăm').waitFor();
    expect(await page.getByTestId('visit-saved').innerText()).toContain(`Lần thăm hộ ${householdName} ngày ${formatted(today)} đã được lưu.`);
    expect(await page.getByTestId('saved-topics').innerText()).toBe('Sinh kế, sản xuất, Nước sinh hoạt');
    const saved = page.getByTestId('saved-feedback');
    expect(await saved.count()).toBe(1);
    expect(await saved.innerText()).toContain(feedbackText);
    expect(await saved.innerText()).toContain('Mới tiếp nhận');
    expect(await saved.innerText()).toMatch(/Cấp chi bộ trả lời trước \d{2}\/\d{2}\/\d{4}/);
    expect(await page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith('gan-bo.visit-draft.')).length)).toBe(0);
    await screenshot(page, 'screenshots/member-visit-saved-phone', true);

    await page.getByRole('link', { name: 'Về Hộ của tôi' }).click();
    await heading(page, 'Hộ của tôi').waitFor();
    await expect.poll(() => card(page, householdId).getByTestId('last-topics').innerText()).toBe('Đã trao đổi: Sinh kế, sản xuất, Nước sinh hoạt');
    expect(await card(page, householdId).getByTestId('last-visit').innerText()).toBe(`${formatted(today)} (hôm nay)`);

    expect(problems.filter((problem) => !isOfflineNoise(problem))).toEqual([]);
    await context.close();
  });

  it('refuses a visit date after today in words, next to the date', async () => {
    const context = await browsers.desktop();
    const page = await context.newPage();
    const problems = watchProblems(page);
    await page.goto(`${baseUrl}/my/households`);
    await heading(page, 'Đăng nhập').waitFor();
    await signIn(page, 'dangvien.xopmat');
    await heading(page, 'Hộ của tôi').waitFor();
    await screenshot(page, 'screenshots/member-households-desktop', true);
    await page.getByTestId('my-households').getByRole('link', { name: 'Ghi lần thăm' }).first().click();
    await heading(page, 'Ghi lần thăm').waitFor();

    const tomorrow = new Date(Date.now() + 86_400_000);
    const pad = (n: number) => String(n).padStart(2, '0');
    await page.getByLabel('Ngày thăm', { exact: true }).fill(`${tomorrow.getFullYear()}-${pad(tomorrow.getMonth() + 1)}-${pad(tomorrow.getDate())}`);
    await page.getByRole('button', { name: 'Lưu lần thăm' }).click();
    const problem = page.locator('#visit-date-problem');
    await problem.waitFor();
    expect(await problem.innerText()).toBe('Ngày thăm không được sau hôm nay.');
    expect(await page.getByLabel('Ngày thăm', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    await screenshot(page, 'screenshots/member-visit-form-desktop', true);

    // Leave no draft behind for the next test.
    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: 'Xóa bản nháp' }).click();
    await expect.poll(() => page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith('gan-bo.visit-draft.')).length)).toBe(0);

    expect(problems).toEqual([]);
    await context.close();
  });
});
