import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { usePhoneBrowser, screenshot, watchProblems } from './browser.js';
import { apiAccessToken, callApi, committeeId, signIn } from './session.js';

const baseUrl = inject('baseUrl');
const newPhone = usePhoneBrowser();

const heading = (page: Page, name: string) => page.getByRole('heading', { level: 1, name, exact: true });
const roles = (page: Page) => page.getByRole('region', { name: 'Tài khoản' }).getByTestId('account-roles');

describe('login on a phone', () => {
  it('says in Vietnamese that the password is wrong, and lets the user see what they typed', async () => {
    const context = await newPhone();
    const page = await context.newPage();
    const problems = watchProblems(page);
    await page.goto(`${baseUrl}/login`);
    await heading(page, 'Đăng nhập').waitFor();

    await signIn(page, 'xa.huukhuong', 'mat-khau-sai');
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.innerText()).toBe('Tên đăng nhập hoặc mật khẩu không đúng.');
    const password = page.getByLabel('Mật khẩu', { exact: true });
    expect(await password.getAttribute('aria-invalid')).toBe('true');
    expect(new URL(page.url()).pathname).toBe('/login');

    const toggle = page.getByRole('button', { name: 'Hiện mật khẩu' });
    expect(await password.getAttribute('type')).toBe('password');
    await toggle.click();
    expect(await password.getAttribute('type')).toBe('text');
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    expect(await password.inputValue()).toBe('mat-khau-sai');
    await screenshot(page, '10-login-wrong-password-vi');

    expect(problems).toEqual([]);
    await context.close();
  });

  it('sends an unauthenticated deep link to the login page and back to it after login', async () => {
    const token = await apiAccessToken(baseUrl, 'admin');
    const commune = await committeeId(baseUrl, token, 'Xã Hữu Khuông');
    // The API itself refuses the same page's data without a token.
    const anonymous = await callApi(baseUrl, 'query ($id: ID!) { committee(id: $id) { name } }', { id: commune });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

    const context = await newPhone();
    const page = await context.newPage();
    const problems = watchProblems(page);
    await page.goto(`${baseUrl}/committees/${commune}`);
    await heading(page, 'Đăng nhập').waitFor();
    const url = new URL(page.url());
    expect(url.pathname).toBe('/login');
    expect(url.searchParams.get('redirect')).toBe(`/committees/${commune}`);
    await page.getByText('Đăng nhập để mở trang bạn vừa chọn.').waitFor();
    await screenshot(page, '11-deep-link-login-vi');

    await signIn(page, 'huyen.tuongduong');
    await heading(page, 'Xã Hữu Khuông').waitFor();
    expect(new URL(page.url()).pathname).toBe(`/committees/${commune}`);
    await screenshot(page, '12-deep-link-after-login-vi');

    // Back to the login page while signed in goes to the start page, not to a second login.
    await page.goto(`${baseUrl}/login`);
    await heading(page, 'Huyện Tương Dương').waitFor();

    expect(problems).toEqual([]);
    await context.close();
  });

  it('refreshes the access token a minute before it expires, and carries on with the rotated tokens', async () => {
    const context = await newPhone();
    await context.clock.install();
    const page = await context.newPage();
    const problems = watchProblems(page);
    const operations: { name: string; authorization?: string }[] = [];
    page.on('request', (request) => {
      if (!request.url().endsWith('/graphql') || request.method() !== 'POST') return;
      const name = /^\s*(?:query|mutation)\s+(\w+)/.exec((request.postDataJSON() as { query: string }).query)?.[1] ?? '?';
      operations.push({ name, authorization: request.headers().authorization });
    });
    const refreshed: string[] = [];
    page.on('response', async (response) => {
      const body = response.request().postData() ?? '';
      if (response.url().endsWith('/graphql') && body.includes('RefreshSession')) {
        refreshed.push(((await response.json()) as { data: { refreshSession: { accessToken: string } } }).data.refreshSession.accessToken);
      }
    });
    const named = (name: string) => operations.filter((operation) => operation.name === name);
    const savedSession = () => page.evaluate(() => localStorage.getItem('gan-bo.session'));

    await page.goto(`${baseUrl}/`);
    await heading(page, 'Đăng nhập').waitFor();
    await signIn(page, 'xa.huukhuong');
    await heading(page, 'Xã Hữu Khuông').waitFor();
    const firstToken = named('CommitteePage').at(-1)?.authorization;
    expect(firstToken).toMatch(/^Bearer \S+$/);
    const firstSession = await savedSession();
    expect(firstSession).not.toContain(firstToken!.slice('Bearer '.length));

    await page.clock.fastForward('13:30');
    expect(named('RefreshSession')).toHaveLength(0);
    await page.clock.fastForward('01:00');
    await expect.poll(() => refreshed.length).toBe(1);
    expect(named('RefreshSession')).toHaveLength(1);
    await expect.poll(savedSession).not.toBe(firstSession);

    // The next request carries the access token the refresh returned.
    await page.getByRole('navigation', { name: 'Vị trí' }).getByRole('link', { name: 'Huyện Tương Dương' }).click();
    await heading(page, 'Huyện Tương Dương').waitFor();
    expect(named('CommitteePage').at(-1)?.authorization).toBe(`Bearer ${refreshed[0]}`);
    // The spent refresh token is refused by the API: rotation happened on the server too.
    const spent = JSON.parse(firstSession!).refreshToken as string;
    const reused = await callApi(baseUrl, 'mutation ($t: String!) { refreshSession(refreshToken: $t) { accessToken } }', { t: spent });
    expect(reused.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

    expect(problems).toEqual([]);
    await context.close();
  });

  it.each([
    ['admin', 'Tổ chức đảng', 'Quản trị'],
    ['huyen.tuongduong', 'Huyện Tương Dương', 'Cán bộ cấp ủy · Huyện Tương Dương'],
    ['xa.huukhuong', 'Xã Hữu Khuông', 'Cán bộ cấp ủy · Xã Hữu Khuông'],
    ['bithu.xopmat', 'Xã Hữu Khuông', 'Bí thư chi bộ, Đảng viên · Chi bộ bản Xốp Mạt'],
    ['dangvien.xopmat', 'Xã Hữu Khuông', 'Đảng viên · Chi bộ bản Xốp Mạt'],
    ['phantich.nghean', 'Tỉnh Nghệ An', 'Phân tích · Tỉnh Nghệ An'],
  ])('starts %s at their own unit (%s) and shows the role', async (username, landing, roleLine) => {
    const context = await newPhone();
    const page = await context.newPage();
    const problems = watchProblems(page);
    await page.goto(`${baseUrl}/`);
    await heading(page, 'Đăng nhập').waitFor();
    await signIn(page, username);
    await heading(page, landing).waitFor();
    expect(await roles(page).innerText()).toBe(roleLine);
    await page.locator('.card-list, .empty').first().waitFor();
    expect(await page.getByRole('alert').count()).toBe(0);
    await screenshot(page, `13-home-${username}`);
    expect(problems).toEqual([]);
    await context.close();
  });
});
