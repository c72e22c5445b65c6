import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { usePhoneBrowser, screenshot, watchProblems } from './browser.js';
import { signIn } from './session.js';

const baseUrl = inject('baseUrl');
const newPhone = usePhoneBrowser();

const heading = (page: Page, name: string) => page.getByRole('heading', { level: 1, name, exact: true });
/** The list of subordinate committees (the section is a region named by its heading). */
const subordinates = (page: Page) => page.getByRole('region', { name: /^(Đảng bộ trực thuộc|Subordinate committees)/ });
const cellsRegion = (page: Page) => page.getByRole('region', { name: /^(Chi bộ trực thuộc|Cells)/ });
const rootsRegion = (page: Page) => page.getByRole('region', { name: /^(Đảng bộ cấp trên cùng|Top-level committees)/ });
const account = (page: Page) => page.getByRole('region', { name: /^(Tài khoản|Account)$/ });

describe('committee tree on a phone', () => {
  it('signs in as district staff, lands on the district and drills to the commune’s 11 cells, in Vietnamese then English', async () => {
    const context = await newPhone();
    const page = await context.newPage();
    const problems = watchProblems(page);

    await page.goto(`${baseUrl}/`);
    await heading(page, 'Đăng nhập').waitFor();
    expect(new URL(page.url()).pathname).toBe('/login');
    expect(await page.locator('html').getAttribute('lang')).toBe('vi');
    await expect.poll(() => page.title()).toBe('Đăng nhập · Gắn Bó');
    expect(await page.getByRole('navigation', { name: 'Điều hướng chính' }).count()).toBe(0);
    await screenshot(page, '01-login-vi');

    await signIn(page, 'huyen.tuongduong');
    // The start page of district staff is their own district.
    await heading(page, 'Huyện Tương Dương').waitFor();
    expect(page.url()).toMatch(/\/committees\/[^/]+$/);
    expect((await account(page).getByTestId('account-name').innerText()).trim()).not.toBe('');
    expect(await account(page).getByTestId('account-roles').innerText()).toBe('Cán bộ cấp ủy · Huyện Tương Dương');
    await account(page).getByRole('button', { name: 'Đăng xuất' }).waitFor();
    await screenshot(page, '02-home-district-vi');

    // The top of what district staff see is the province, visible as the way down to their district.
    await page.getByRole('navigation', { name: 'Vị trí' }).getByRole('link', { name: 'Tất cả' }).click();
    await heading(page, 'Tổ chức đảng').waitFor();
    await page.getByRole('region', { name: 'Đơn vị của bạn' }).getByRole('link', { name: /^Huyện Tương Dương/ }).waitFor();
    await rootsRegion(page).getByRole('link', { name: /^Tỉnh Nghệ An/ }).waitFor();
    expect(await rootsRegion(page).getByRole('link').count()).toBe(1);
    await screenshot(page, '03-roots-vi');

    await rootsRegion(page).getByRole('link', { name: /^Tỉnh Nghệ An/ }).click();
    await heading(page, 'Tỉnh Nghệ An').waitFor();
    expect(await subordinates(page).getByRole('link').allInnerTexts()).toEqual([expect.stringMatching(/^Huyện Tương Dương/)]);
    await screenshot(page, '04-province-vi');

    await subordinates(page).getByRole('link', { name: /^Huyện Tương Dương/ }).click();
    await heading(page, 'Huyện Tương Dương').waitFor();
    await subordinates(page).getByRole('link', { name: /^Xã Hữu Khuông/ }).click();
    await heading(page, 'Xã Hữu Khuông').waitFor();
    expect(page.url()).toMatch(/\/committees\/[^/]+$/);

    const breadcrumbs = page.getByRole('navigation', { name: 'Vị trí' });
    expect(await breadcrumbs.getByRole('link').allTextContents()).toEqual(['Tất cả', 'Tỉnh Nghệ An', 'Huyện Tương Dương']);

    const cells = cellsRegion(page).getByRole('listitem');
    await expect.poll(() => cells.count()).toBe(11);
    await expect.poll(() => cellsRegion(page).getByRole('heading').textContent()).toMatch(/Chi bộ trực thuộc\s*11/);
    expect((await cells.allTextContents()).some((text) => text.includes('Chi bộ bản'))).toBe(true);
    const firstCell = await cells.first().innerText();
    expect(firstCell).toMatch(/Đảng viên/);
    expect(firstCell).toMatch(/Hộ gia đình/);
    expect(await cellsRegion(page).locator('.tag').allTextContents()).toContain('Thôn, bản');
    await screenshot(page, '05-commune-vi');
    await screenshot(page, '06-commune-vi-full', true);

    await page.getByRole('button', { name: 'English' }).click();
    await cellsRegion(page).getByRole('heading', { name: /^Cells/ }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.getByRole('button', { name: 'English' }).getAttribute('aria-pressed')).toBe('true');
    expect(await page.getByText('Commune committee', { exact: true }).count()).toBe(1);
    expect(await cellsRegion(page).locator('.tag').allTextContents()).toContain('Village');
    expect(await cells.first().innerText()).toMatch(/Members[\s\S]*Households/);
    expect(await page.getByRole('navigation', { name: 'Location' }).getByRole('link').first().textContent()).toBe('All');
    expect(await account(page).getByTestId('account-roles').innerText()).toBe('Committee staff · Huyện Tương Dương');
    await screenshot(page, '07-commune-en');

    // A reload keeps the language and the session (restored from the refresh token), and the deep link is served by the SPA fallback.
    await page.reload();
    await heading(page, 'Xã Hữu Khuông').waitFor();
    await cellsRegion(page).getByRole('heading', { name: /^Cells/ }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');

    // Breadcrumbs go back up.
    await page.getByRole('navigation', { name: 'Location' }).getByRole('link', { name: 'Huyện Tương Dương' }).click();
    await heading(page, 'Huyện Tương Dương').waitFor();
    await subordinates(page).waitFor();
    await screenshot(page, '08-district-en');

    // Signing out leaves nothing behind: the login page, no saved session, and the district asks for a login again.
    const district = page.url();
    await account(page).getByRole('button', { name: 'Sign out' }).click();
    await heading(page, 'Sign in').waitFor();
    expect(new URL(page.url()).pathname).toBe('/login');
    expect(await page.evaluate(() => Object.keys(localStorage).filter((key) => key !== 'gan-bo.locale'))).toEqual([]);
    await page.goto(district);
    await heading(page, 'Sign in').waitFor();
    expect(new URL(page.url()).searchParams.get('redirect')).toBe(new URL(district).pathname);
    await screenshot(page, '09-signed-out-en');

    expect(problems).toEqual([]);
    await context.close();
  });

  it('says in Vietnamese that a committee does not exist', async () => {
    const context = await newPhone();
    const page = await context.newPage();
    await page.goto(`${baseUrl}/committees/2147483000`);
    await heading(page, 'Đăng nhập').waitFor();
    await signIn(page, 'huyen.tuongduong');
    await page.getByText('Không tìm thấy đảng bộ này.').waitFor();
    await page.getByRole('link', { name: 'Về danh sách đảng bộ' }).click();
    await heading(page, 'Tổ chức đảng').waitFor();
    await context.close();
  });
});
