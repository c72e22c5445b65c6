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

/** A district office works at a desk. */
const desktop = (): Promise<BrowserContext> => browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN' });

const heading = (page: Page, name: string) => page.getByRole('heading', { level: 1, name, exact: true });
const figures = (page: Page) => page.getByRole('region', { name: 'Tình hình gắn bó với hộ dân' });
const childTable = (page: Page) => page.getByTestId('coverage-table');
/** "1.234 đúng hạn" → 1234 (Vietnamese groups thousands with dots). */
const count = async (page: Page, testId: string) => Number((await page.getByTestId(testId).innerText()).replace(/\D/g, ''));

interface Figures {
  visitsOnTime: number;
  overdue: number;
  households: number;
  householdsCovered: number;
}
interface CoverageAnswer {
  coverage: { unit: { figures: Figures }; children: { unitId: string; name: string; figures: Figures }[] };
}
const COVERAGE = `query ($id: ID!) { coverage(committeeId: $id) {
  unit { figures { visitsOnTime overdue households householdsCovered } }
  children { unitId name figures { visitsOnTime overdue households householdsCovered } } } }`;

describe('the overview of a unit', () => {
  it('shows district staff the coverage of the district and its communes, and follows a recorded visit without a reload', async () => {
    const staff = await apiAccessToken(baseUrl, 'huyen.tuongduong');
    const district = await committeeId(baseUrl, staff, 'Huyện Tương Dương');
    const before = (await callApi<CoverageAnswer>(baseUrl, COVERAGE, { id: district }, staff)).data!.coverage;

    const context = await desktop();
    const page = await context.newPage();
    const problems = watchProblems(page);
    await page.goto(`${baseUrl}/`);
    await heading(page, 'Đăng nhập').waitFor();
    await signIn(page, 'huyen.tuongduong');
    await heading(page, 'Huyện Tương Dương').waitFor();
    expect(await page.getByRole('navigation', { name: 'Các mục của đơn vị' }).getByRole('link').allTextContents()).toEqual(['Tổng quan', 'Quá hạn thăm', 'Bản đồ', 'Phản ánh', 'Phân loại']);

    // Headline figures, as the API computes them, live.
    await figures(page).getByTestId('live-status').getByText('Trực tiếp').waitFor();
    expect(await count(page, 'on-time-count')).toBe(before.unit.figures.visitsOnTime);
    expect(await count(page, 'overdue-count')).toBe(before.unit.figures.overdue);
    const households = await figures(page).getByTestId('figure-households').innerText();
    expect(households.replace(/\./g, '')).toContain(`${before.unit.figures.householdsCovered}/${before.unit.figures.households}`);

    // One row per commune, linked to its page, with the whole district in the footer.
    const rows = childTable(page).locator('tbody tr');
    expect(await rows.count()).toBe(before.children.length);
    expect(await childTable(page).locator('tbody th a').allTextContents()).toEqual(before.children.map((child) => child.name).sort((a, b) => a.localeCompare(b, 'vi')));
    expect(await childTable(page).locator('tfoot th').innerText()).toBe('Toàn đơn vị');

    // Sortable: the lowest share of visits on time first, then the highest.
    const onTimeShares = async () =>
      (await childTable(page).locator('tbody td[data-column="onTime"] .share-cell__percent').allTextContents()).map((text) => Number(text.replace(/\D/g, '')));
    await childTable(page).getByRole('button', { name: 'Thăm đúng hạn' }).click();
    expect(await childTable(page).locator('th[aria-sort="ascending"]').innerText()).toContain('Thăm đúng hạn');
    const ascending = await onTimeShares();
    expect(ascending).toEqual([...ascending].sort((a, b) => a - b));
    await childTable(page).getByRole('button', { name: 'Thăm đúng hạn' }).click();
    const descending = await onTimeShares();
    expect(descending).toEqual([...descending].sort((a, b) => b - a));

    // The chart of visits per week says what it shows, and each week on hover.
    const chart = page.getByTestId('visits-chart');
    expect(await chart.getAttribute('aria-label')).toMatch(/^Biểu đồ cột: lượt thăm mỗi tuần từ \d{2}\/\d{2}\/\d{4} đến \d{2}\/\d{2}\/\d{4}\. Tổng [\d.]+ lượt thăm/);
    expect(await chart.locator('.week-chart__bars rect').count()).toBe(53);
    await chart.hover();
    await expect.poll(() => page.getByTestId('chart-readout').innerText()).toMatch(/^Tuần từ \d{2}\/\d{2}\/\d{4}: [\d.]+ lượt thăm · [\d.]+ hộ/);
    await page.getByRole('region', { name: 'Lượt thăm theo tuần, 12 tháng qua' }).getByText('Xem số liệu dạng bảng').click();
    expect(await page.getByRole('region', { name: 'Lượt thăm theo tuần, 12 tháng qua' }).locator('tbody tr').count()).toBe(53);
    await page.mouse.move(0, 0);
    await screenshot(page, 'screenshots/overview-district-desktop', true);

    // A visit is recorded in the field; the open page follows, without a reload.
    await page.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));
    const recorded = await recordOverdueVisit(baseUrl);
    await expect.poll(() => count(page, 'on-time-count'), { timeout: 15_000 }).toBe(before.unit.figures.visitsOnTime + 1);
    expect(await count(page, 'overdue-count')).toBe(before.unit.figures.overdue - 1);
    await figures(page).getByText('Vừa thay đổi').first().waitFor();
    const commune = before.children.find((child) => child.name === 'Xã Hữu Khuông')!;
    const communeRow = rows.filter({ has: page.getByRole('link', { name: 'Xã Hữu Khuông', exact: true }) });
    expect((await communeRow.locator('td[data-column="onTime"] .share-cell__count').innerText()).startsWith(`${commune.figures.visitsOnTime + 1}/`)).toBe(true);
    expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
    expect(recorded.by).toMatch(/^(dangvien\.xopmat|bithu\.xopmat|xa\.huukhuong)$/);
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'screenshots/overview-district-live-desktop', true);

    // Drill down: the commune's row leads to the commune's overview, with its cells.
    await communeRow.getByRole('link', { name: 'Xã Hữu Khuông', exact: true }).click();
    await heading(page, 'Xã Hữu Khuông').waitFor();
    await page.getByRole('region', { name: /^Theo chi bộ/ }).waitFor();
    expect(await childTable(page).locator('tbody tr').count()).toBe(11);
    await screenshot(page, 'screenshots/overview-commune-desktop', true);

    expect(problems).toEqual([]);
    await context.close();
  });

  it('fits a phone: figures two by two, the table scrolling inside its frame, a cell’s own overview tab', async () => {
    const context = await phoneContext(browser);
    const page = await context.newPage();
    const problems = watchProblems(page);
    await page.goto(`${baseUrl}/`);
    await heading(page, 'Đăng nhập').waitFor();
    await signIn(page, 'xa.huukhuong');
    await heading(page, 'Xã Hữu Khuông').waitFor();
    await figures(page).getByTestId('live-status').getByText('Trực tiếp').waitFor();
    await childTable(page).waitFor();

    // Nothing sticks out of the page sideways; the table scrolls within its own frame.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const frame = page.locator('.table-scroll').first();
    expect(await frame.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
    await page.getByText('Vuốt ngang để xem các cột khác.').waitFor();
    await screenshot(page, 'screenshots/overview-commune-phone', true);

    // A cell's overview is a tab of the cell.
    await childTable(page).getByRole('link', { name: 'Chi bộ bản Xốp Mạt', exact: true }).click();
    await heading(page, 'Chi bộ bản Xốp Mạt').waitFor();
    expect(new URL(page.url()).pathname).toMatch(/^\/cells\/\d+\/overview$/);
    const tabs = page.getByRole('navigation', { name: 'Các mục của đơn vị' });
    expect(await tabs.getByRole('link').allTextContents()).toEqual(['Đảng viên', 'Tổng quan', 'Phân công', 'Quá hạn thăm', 'Bản đồ', 'Phản ánh', 'Phân loại']);
    expect(await tabs.getByRole('link', { name: 'Tổng quan' }).getAttribute('aria-current')).toBe('page');
    await figures(page).getByTestId('live-status').getByText('Trực tiếp').waitFor();
    await page.getByTestId('visits-chart').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await screenshot(page, 'screenshots/overview-cell-phone', true);

    expect(problems).toEqual([]);
    await context.close();
  });

  it('says so when a unit cannot be read whole, instead of failing', async () => {
    const context = await desktop();
    const page = await context.newPage();
    const problems = watchProblems(page);
    await page.goto(`${baseUrl}/`);
    await heading(page, 'Đăng nhập').waitFor();
    await signIn(page, 'xa.huukhuong');
    await heading(page, 'Xã Hữu Khuông').waitFor();
    await page.getByRole('navigation', { name: 'Vị trí' }).getByRole('link', { name: 'Huyện Tương Dương' }).click();
    await heading(page, 'Huyện Tương Dương').waitFor();
    await page.getByTestId('overview-forbidden').waitFor();
    expect(await page.getByRole('region', { name: /^Đảng bộ trực thuộc/ }).getByRole('link').count()).toBeGreaterThan(0);
    expect(problems).toEqual([]);
    await context.close();
  });
});
