import { strFromU8, unzipSync } from 'fflate';
import { readFile } from 'node:fs/promises';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, phoneContext, screenshot, watchProblems } from './browser.js';
import { recordOverdueVisit } from './field-visit.js';
import { apiAccessToken, callApi, committeeId, signIn } from './session.js';

const baseUrl = inject('baseUrl');

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const desktop = (): Promise<BrowserContext> => browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN', acceptDownloads: true });

const heading = (page: Page, name: string) => page.getByRole('heading', { level: 1, name, exact: true });
const rows = (page: Page) => page.getByTestId('overdue-row');
const daysShown = async (page: Page) => (await page.locator('[data-testid="overdue-row"] [data-days]').evaluateAll((els) => els.map((el) => Number(el.getAttribute('data-days')))));
const query = (page: Page) => Object.fromEntries(new URL(page.url()).searchParams);

/** The total the page shows, once it has answered for the filters in the address bar. */
async function shownTotal(page: Page): Promise<number> {
  await page.locator('[data-testid="overdue-count"][data-total]').waitFor();
  await expect.poll(() => page.locator('.overdue-table[aria-busy="true"]').count()).toBe(0);
  return Number(await page.getByTestId('overdue-count').getAttribute('data-total'));
}

interface ListAnswer {
  assignments: { totalCount: number; nodes: { daysOverdue: number; household: { isPriority: boolean; cell: { id: string; name: string } } }[] };
}
const LIST = `query ($committeeId: ID, $cellId: ID, $memberId: ID, $minDaysOverdue: Int, $priority: Boolean, $first: Int) {
  assignments(committeeId: $committeeId, cellId: $cellId, memberId: $memberId, overdue: true, minDaysOverdue: $minDaysOverdue, priority: $priority, orderBy: DUE_ON_ASC, first: $first) {
    totalCount nodes { daysOverdue household { isPriority cell { id name } } } } }`;

async function apiTotal(token: string, variables: Record<string, unknown>): Promise<number> {
  const answer = await callApi<ListAnswer>(baseUrl, LIST, { first: 1, ...variables }, token);
  expect(answer.errors).toBeUndefined();
  return answer.data!.assignments.totalCount;
}

/** Clicks an export button and returns the downloaded file's name and bytes. */
async function exportFile(page: Page, button: string): Promise<{ name: string; bytes: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
  const bytes = await readFile((await download.path())!);
  await page.getByTestId('export-status').getByText(/^Đã xuất/).waitFor();
  return { name: download.suggestedFilename(), bytes };
}

const csvRecords = (bytes: Buffer) => {
  const text = bytes.toString('utf8');
  expect(text.startsWith('\uFEFF')).toBe(true);
  return text.slice(1).trimEnd().split('\r\n');
};
const xlsxRows = (bytes: Buffer) => strFromU8(unzipSync(new Uint8Array(bytes))['xl/worksheets/sheet1.xml']).match(/<row /g)?.length ?? 0;

describe('the overdue-visit list', () => {
  it('lets district staff filter, sort, page through and export the overdue households of the district', async () => {
    const staff = await apiAccessToken(baseUrl, 'huyen.tuongduong');
    const district = await committeeId(baseUrl, staff, 'Huyện Tương Dương');
    const all = (await callApi<ListAnswer>(baseUrl, LIST, { committeeId: district, first: 200 }, staff)).data!.assignments;
    expect(all.totalCount).toBeGreaterThan(50); // more than one page
    // The cell with the most overdue households, for the cell filter.
    const perCell = new Map<string, { name: string; n: number }>();
    for (const node of all.nodes) {
      const entry = perCell.get(node.household.cell.id) ?? { name: node.household.cell.name, n: 0 };
      perCell.set(node.household.cell.id, { ...entry, n: entry.n + 1 });
    }
    const [busiestCell, busiest] = [...perCell.entries()].sort((a, b) => b[1].n - a[1].n)[0];

    const context = await desktop();
    const page = await context.newPage();
    const problems = watchProblems(page);
    await page.goto(`${baseUrl}/committees/${district}/overdue`);
    await heading(page, 'Đăng nhập').waitFor();
    await signIn(page, 'huyen.tuongduong');
    await heading(page, 'Huyện Tương Dương').waitFor();
    const tabs = page.getByRole('navigation', { name: 'Các mục của đơn vị' });
    expect(await tabs.getByRole('link', { name: 'Quá hạn thăm' }).getAttribute('aria-current')).toBe('page');
    await expect.poll(() => page.title()).toBe('Quá hạn thăm · Gắn Bó');

    // The whole list, most overdue first, 50 a page.
    expect(await shownTotal(page)).toBe(all.totalCount);
    expect(await rows(page).count()).toBe(50);
    expect(await page.getByTestId('pager-shown').innerText()).toBe(`Dòng 1–50 trong ${all.totalCount}`);
    const firstPage = await daysShown(page);
    expect(firstPage).toEqual([...firstPage].sort((a, b) => b - a));
    expect(firstPage[0]).toBe(all.nodes[0].daysOverdue);
    expect(await page.locator('th[aria-sort="descending"]').innerText()).toContain('Quá hạn');
    await page.getByTestId('overdue-live').getByText('Tự cập nhật khi có lượt thăm mới').waitFor();
    await screenshot(page, 'screenshots/overdue-district-desktop', true);

    // Next page by cursor, and back.
    await page.getByRole('button', { name: 'Trang sau' }).click();
    await expect.poll(() => page.getByTestId('pager-shown').innerText()).toBe(`Dòng 51–${Math.min(100, all.totalCount)} trong ${all.totalCount}`);
    const secondPage = await daysShown(page);
    expect(secondPage[0]).toBeLessThanOrEqual(firstPage.at(-1)!);
    expect(await page.getByText(`Trang 2/${Math.ceil(all.totalCount / 50)}`).count()).toBe(1);
    await page.getByRole('button', { name: 'Trang trước' }).click();
    await expect.poll(() => page.getByTestId('pager-shown').innerText()).toBe(`Dòng 1–50 trong ${all.totalCount}`);

    // Sorting by the column headings: least overdue first, then the oldest last visit; the address bar keeps it.
    await page.locator('[data-sort="daysOverdue"]').click();
    await expect.poll(() => query(page).sort).toBe('least-overdue');
    await shownTotal(page);
    await expect.poll(async () => (await daysShown(page))[0]).toBe(Math.min(...all.nodes.map((node) => node.daysOverdue)));
    const ascending = await daysShown(page);
    expect(ascending).toEqual([...ascending].sort((a, b) => a - b));
    expect(await page.locator('th[aria-sort="ascending"]').innerText()).toContain('Quá hạn');
    await page.locator('[data-sort="lastVisit"]').click();
    await expect.poll(() => query(page).sort).toBe('last-visit');
    expect(await page.locator('th[aria-sort="ascending"]').innerText()).toContain('Lần thăm cuối');
    await page.getByLabel('Sắp xếp').selectOption('most-overdue');
    await expect.poll(() => query(page).sort).toBeUndefined();

    // Filters: one cell, then at least 30 days and priority households only, each as the API counts it.
    await page.getByLabel('Chi bộ').selectOption(busiestCell);
    await expect.poll(() => query(page).cell).toBe(busiestCell);
    expect(await shownTotal(page)).toBe(busiest.n);
    expect(new Set(await page.locator('[data-column="cell"]').allInnerTexts())).toEqual(new Set([busiest.name]));
    await page.getByLabel('Chi bộ').selectOption('');
    await page.getByLabel('Quá hạn từ (ngày)').fill('30');
    await expect.poll(() => query(page)).toEqual({ min: '30' });
    expect(await shownTotal(page)).toBe(await apiTotal(staff, { committeeId: district, minDaysOverdue: 30 }));
    expect(Math.min(...(await daysShown(page)))).toBeGreaterThanOrEqual(30);
    await page.getByLabel('Chỉ hộ ưu tiên').check();
    await expect.poll(() => query(page)).toEqual({ min: '30', priority: '1' });
    const filteredTotal = await apiTotal(staff, { committeeId: district, minDaysOverdue: 30, priority: true });
    expect(await shownTotal(page)).toBe(filteredTotal);
    expect(filteredTotal).toBeGreaterThan(0);
    for (const row of await rows(page).all()) expect(await row.locator('.tag--priority, .tag--poverty').count()).toBeGreaterThan(0);

    // A reload (or a shared link) shows the same list.
    await page.reload();
    await heading(page, 'Huyện Tương Dương').waitFor();
    expect(await shownTotal(page)).toBe(filteredTotal);
    expect(await page.getByLabel('Quá hạn từ (ngày)').inputValue()).toBe('30');
    expect(await page.getByLabel('Chỉ hộ ưu tiên').isChecked()).toBe(true);
    await screenshot(page, 'screenshots/overdue-filtered-desktop', true);

    // Export the filtered list: every row the list counts, as CSV and as XLSX.
    const csv = await exportFile(page, 'Xuất CSV');
    expect(csv.name).toMatch(/^qua-han-tham-huyen-tuong-duong-\d{4}-\d{2}-\d{2}\.csv$/);
    const lines = csvRecords(csv.bytes);
    expect(lines[0]).toBe('Chủ hộ,Địa chỉ,Chi bộ,Đảng viên phụ trách,Lần thăm cuối,Hạn thăm,Số ngày quá hạn,Chu kỳ thăm (ngày),Hộ ưu tiên,Diện ưu tiên,"Hộ nghèo, cận nghèo",Mã phân công,Mã hộ,Mã đảng viên');
    expect(lines.length - 1).toBe(filteredTotal);
    const xlsx = await exportFile(page, 'Xuất Excel (XLSX)');
    expect(xlsx.name).toMatch(/\.xlsx$/);
    expect(xlsxRows(xlsx.bytes) - 1).toBe(filteredTotal);

    // And the whole list, more than one page of the list, in one file.
    await page.getByRole('button', { name: 'Xóa bộ lọc' }).click();
    await expect.poll(() => query(page)).toEqual({});
    expect(await shownTotal(page)).toBe(all.totalCount);
    const whole = await exportFile(page, 'Xuất Excel (XLSX)');
    expect(xlsxRows(whole.bytes) - 1).toBe(all.totalCount);
    expect(await page.getByTestId('export-status').innerText()).toContain(`Đã xuất ${all.totalCount} dòng`);
    await screenshot(page, 'screenshots/overdue-exported-desktop');

    // A visit recorded in the field takes its household off the open list, and the page says so.
    await recordOverdueVisit(baseUrl);
    await page.getByTestId('overdue-live').getByText(/^Đã cập nhật lúc \d{2}:\d{2}:\d{2} sau lượt thăm mới$/).waitFor({ timeout: 15_000 });
    expect(await shownTotal(page)).toBe(all.totalCount - 1);
    expect(await page.getByTestId('pager-shown').innerText()).toBe(`Dòng 1–50 trong ${all.totalCount - 1}`);
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'screenshots/overdue-live-desktop');

    expect(problems).toEqual([]);
    await context.close();
  });

  it('shows a cell’s list to its secretary and, filtered by member, to commune staff; and an analyst the list without names, as cards on a phone', async () => {
    const secretary = await apiAccessToken(baseUrl, 'bithu.xopmat');
    const viewer = await callApi<{ viewer: { roles: { role: string; cell: { id: string } | null }[] } }>(baseUrl, '{ viewer { roles { role cell { id } } } }', {}, secretary);
    const cellId = viewer.data!.viewer.roles.find((binding) => binding.role === 'CELL_SECRETARY')!.cell!.id;

    const context = await phoneContext(browser);
    const page = await context.newPage();
    const problems = watchProblems(page);
    await page.goto(`${baseUrl}/cells/${cellId}/overdue`);
    await heading(page, 'Đăng nhập').waitFor();
    await signIn(page, 'bithu.xopmat');
    await heading(page, 'Chi bộ bản Xốp Mạt').waitFor();
    expect(await shownTotal(page)).toBe(await apiTotal(secretary, { cellId }));
    // Cards, not a table squeezed sideways: nothing wider than the phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(await page.locator('.overdue-table thead').evaluate((el) => el.getBoundingClientRect().height)).toBeLessThanOrEqual(1);
    await screenshot(page, 'screenshots/overdue-cell-secretary-phone', true);
    await context.close();

    // Commune staff see every responsible member, and narrow the cell's list to one of them.
    const staff = await apiAccessToken(baseUrl, 'xa.huukhuong');
    const held = await callApi<{ assignments: { nodes: { member: { id: string; fullName: string } | null }[] } }>(
      baseUrl,
      'query ($cellId: ID) { assignments(cellId: $cellId, overdue: true, first: 100) { nodes { member { id fullName } } } }',
      { cellId },
      staff,
    );
    const member = held.data!.assignments.nodes.find((node) => node.member)?.member;
    expect(member, 'an overdue household in Xốp Mạt').toBeTruthy();
    const staffContext = await phoneContext(browser);
    const staffPage = await staffContext.newPage();
    problems.push(...watchProblems(staffPage));
    await staffPage.goto(`${baseUrl}/cells/${cellId}/overdue`);
    await heading(staffPage, 'Đăng nhập').waitFor();
    await signIn(staffPage, 'xa.huukhuong');
    await heading(staffPage, 'Chi bộ bản Xốp Mạt').waitFor();
    await shownTotal(staffPage);
    await staffPage.getByLabel('Đảng viên phụ trách').selectOption(member!.id);
    await expect.poll(() => query(staffPage).member).toBe(member!.id);
    expect(await shownTotal(staffPage)).toBe(await apiTotal(staff, { cellId, memberId: member!.id }));
    for (const text of await rows(staffPage).locator('td:nth-of-type(1)').allInnerTexts()) expect(text).toContain(member!.fullName);
    await staffPage.getByTestId('overdue-count').evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await screenshot(staffPage, 'screenshots/overdue-cell-member-phone');
    await staffContext.close();

    // An analyst reads the district's list, pseudonymous.
    const admin = await apiAccessToken(baseUrl, 'admin');
    const district = await committeeId(baseUrl, admin, 'Huyện Tương Dương');
    const analystContext = await phoneContext(browser);
    const analystPage = await analystContext.newPage();
    const analystProblems = watchProblems(analystPage);
    await analystPage.goto(`${baseUrl}/committees/${district}/overdue?priority=1`);
    await heading(analystPage, 'Đăng nhập').waitFor();
    await signIn(analystPage, 'phantich.nghean');
    await heading(analystPage, 'Huyện Tương Dương').waitFor();
    const analyst = await apiAccessToken(baseUrl, 'phantich.nghean');
    expect(await shownTotal(analystPage)).toBe(await apiTotal(analyst, { committeeId: district, priority: true }));
    await analystPage.getByTestId('masked-note').waitFor();
    expect(await analystPage.locator('[data-testid="overdue-row"] [data-masked]').count()).toBeGreaterThan(0);
    expect(await analystPage.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await analystPage.getByTestId('overdue-count').evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await screenshot(analystPage, 'screenshots/overdue-analyst-phone');

    expect([...problems, ...analystProblems]).toEqual([]);
    await analystContext.close();
  });
});
