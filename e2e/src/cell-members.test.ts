import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { usePhoneBrowser, screenshot, watchProblems } from './browser.js';
import { apiAccessToken, callApi, committeeId, signIn } from './session.js';

const baseUrl = inject('baseUrl');
const newPhone = usePhoneBrowser();

const heading = (page: Page, name: string) => page.getByRole('heading', { level: 1, name, exact: true });
const members = (page: Page) => page.getByTestId('member-list').getByRole('listitem');

describe('a cell’s members on a phone', () => {
  it('shows a cell secretary the names of the members of their cell', async () => {
    const context = await newPhone();
    const page = await context.newPage();
    const problems = watchProblems(page);
    await page.goto(`${baseUrl}/`);
    await heading(page, 'Đăng nhập').waitFor();
    await signIn(page, 'bithu.xopmat');
    await heading(page, 'Xã Hữu Khuông').waitFor();

    await page.getByRole('link', { name: 'Chi bộ bản Xốp Mạt' }).click();
    await heading(page, 'Chi bộ bản Xốp Mạt').waitFor();
    expect(await page.getByRole('navigation', { name: 'Vị trí' }).getByRole('link').allTextContents()).toEqual([
      'Tất cả',
      'Tỉnh Nghệ An',
      'Huyện Tương Dương',
      'Xã Hữu Khuông',
    ]);
    await expect.poll(() => members(page).count()).toBeGreaterThan(1);
    expect(await page.locator('[data-masked]').count()).toBe(0);
    expect(await page.getByTestId('masked-note').count()).toBe(0);
    for (const name of await members(page).allInnerTexts()) expect(name.trim()).not.toMatch(/^—/);
    await screenshot(page, '16-cell-secretary-vi', true);

    expect(problems).toEqual([]);
    await context.close();
  });

  it('hides member names from an analyst, saying why', async () => {
    const admin = await apiAccessToken(baseUrl, 'admin');
    const commune = await committeeId(baseUrl, admin, 'Xã Hữu Khuông');
    const answer = await callApi<{ committee: { cells: { nodes: { id: string; name: string }[] } } }>(
      baseUrl,
      'query ($id: ID!) { committee(id: $id) { cells(first: 50) { nodes { id name } } } }',
      { id: commune },
      admin,
    );
    const cell = answer.data!.committee.cells.nodes.find((node) => node.name === 'Chi bộ bản Xốp Mạt')!;

    const context = await newPhone();
    const page = await context.newPage();
    const problems = watchProblems(page);
    await page.goto(`${baseUrl}/cells/${cell.id}`);
    await heading(page, 'Đăng nhập').waitFor();
    await signIn(page, 'phantich.nghean');
    await heading(page, 'Chi bộ bản Xốp Mạt').waitFor();

    await expect.poll(() => members(page).count()).toBeGreaterThan(1);
    const masked = page.locator('[data-masked]');
    expect(await masked.count()).toBe(await members(page).count());
    expect(await masked.first().getAttribute('title')).toBe('Ẩn theo quyền truy cập');
    expect(await masked.first().locator('[aria-hidden="true"]').textContent()).toBe('—');
    // Screen readers hear the reason instead of a dash.
    expect(await masked.first().locator('.visually-hidden').textContent()).toBe('Ẩn theo quyền truy cập');
    expect(await page.getByTestId('masked-note').innerText()).toBe('Họ tên được ẩn theo quyền truy cập của bạn.');
    await screenshot(page, '17-cell-analyst-vi', true);

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: /^Members/ }).waitFor();
    expect(await masked.first().getAttribute('title')).toBe('Hidden by your access rights');

    expect(problems).toEqual([]);
    await context.close();
  });
});
