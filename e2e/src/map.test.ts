import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, phoneContext, screenshot, watchProblems } from './browser.js';
import { apiAccessToken, callApi, committeeId, signIn } from './session.js';

const baseUrl = inject('baseUrl');
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const desktop = () => browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN' });

/** Where the first household dot of a state is drawn, in page pixels (the dots are one SVG path per state). */
async function firstDot(dots: Locator): Promise<{ x: number; y: number }> {
  return dots.evaluate((path: SVGPathElement) => {
    const point = path.getPointAtLength(0);
    const matrix = path.getScreenCTM()!;
    return { x: point.x * matrix.a + point.y * matrix.c + matrix.e, y: point.x * matrix.b + point.y * matrix.d + matrix.f };
  });
}

/** Cells of the commune that have at least one located household: each is one coloured area. */
async function locatedCells(token: string, id: string): Promise<number> {
  const answer = await callApi<{ coverageMap: { areas: { locatedHouseholds: number }[] } }>(
    baseUrl,
    'query ($id: ID!) { coverageMap(committeeId: $id, maxHouseholds: 0) { areas { locatedHouseholds } } }',
    { id },
    token,
  );
  return answer.data!.coverageMap.areas.filter((area) => area.locatedHouseholds > 0).length;
}

async function openMap(page: Page, path: string, username: string) {
  await page.goto(`${baseUrl}${path}`);
  await page.getByRole('heading', { level: 1, name: 'Đăng nhập' }).waitFor();
  await signIn(page, username);
  await page.getByTestId('coverage-map').waitFor();
}

describe('coverage map', () => {
  it('commune staff see every cell coloured, open a household from its dot, then zoom to a cell and drill down (desktop)', async () => {
    const token = await apiAccessToken(baseUrl, 'xa.huukhuong');
    const commune = await committeeId(baseUrl, token, 'Xã Hữu Khuông');
    const expectedAreas = await locatedCells(token, commune);
    expect(expectedAreas).toBeGreaterThan(0);

    const context = await desktop();
    const page = await context.newPage();
    const problems = watchProblems(page);
    await openMap(page, `/committees/${commune}/map`, 'xa.huukhuong');

    await page.getByRole('heading', { level: 1, name: 'Xã Hữu Khuông' }).waitFor();
    await page.getByRole('navigation', { name: 'Các mục của đơn vị' }).getByRole('link', { name: 'Bản đồ' }).waitFor();
    await expect.poll(() => page.getByTestId('map-area').count()).toBe(expectedAreas);
    expect(await page.getByTestId('map-households-ON_TIME').getAttribute('d')).toMatch(/^M/);
    // A commune is small enough to show every household.
    expect(await page.getByTestId('map-note-truncated').count()).toBe(0);
    // The table lists every cell, with or without located households.
    const table = page.getByRole('table', { name: 'Số liệu từng đơn vị trên bản đồ' });
    expect(await table.locator('tbody tr').count()).toBeGreaterThanOrEqual(expectedAreas);
    await screenshot(page, 'screenshots/map-01-commune-desktop');

    await page.getByRole('radio', { name: 'Tỷ lệ quá hạn thăm' }).check({ force: true });
    await expect.poll(() => page.getByTestId('map-area').first().getAttribute('fill')).not.toBe('#e5e7eb');
    await screenshot(page, 'screenshots/map-02-commune-overdue-desktop');
    await page.getByRole('radio', { name: 'Tỷ lệ hộ có người phụ trách' }).check({ force: true });

    const dot = await firstDot(page.getByTestId('map-households-OVERDUE'));
    await page.mouse.click(dot.x, dot.y);
    const head = page.getByTestId('household-head');
    await head.waitFor();
    expect((await head.innerText()).trim()).toMatch(/\p{L}{2,}/u);
    await expect.poll(() => page.getByTestId('map-household-panel').innerText()).toMatch(/Đảng viên phụ trách/);
    await screenshot(page, 'screenshots/map-03-household-desktop');
    await page.getByRole('button', { name: 'Đóng' }).click();

    // The keyboard path: the table zooms the map to a cell, whose panel opens its own map.
    await table.getByRole('row', { name: /Xốp Mạt/ }).getByRole('button', { name: 'Xem trên bản đồ' }).click();
    const panel = page.getByTestId('map-area-panel');
    await panel.getByRole('heading', { name: /Xốp Mạt/ }).waitFor();
    await page.keyboard.press('+');
    await screenshot(page, 'screenshots/map-04-cell-zoomed-desktop');
    await panel.getByRole('link', { name: 'Mở bản đồ của đơn vị này' }).click();
    await page.getByRole('heading', { level: 1, name: 'Chi bộ bản Xốp Mạt' }).waitFor();
    expect(page.url()).toMatch(/\/cells\/\d+\/map$/);
    await expect.poll(() => page.getByTestId('map-area').count()).toBe(1);
    await screenshot(page, 'screenshots/map-05-cell-desktop');

    expect(problems).toEqual([]);
    await context.close();
  });

  it('works on a phone: tap a dot, details in a bottom sheet', async () => {
    const token = await apiAccessToken(baseUrl, 'xa.huukhuong');
    const commune = await committeeId(baseUrl, token, 'Xã Hữu Khuông');
    const context = await phoneContext(browser);
    const page = await context.newPage();
    const problems = watchProblems(page);
    await openMap(page, `/committees/${commune}/map`, 'xa.huukhuong');
    await page.getByTestId('coverage-map').scrollIntoViewIfNeeded();
    await screenshot(page, 'screenshots/map-06-commune-phone');

    const dot = await firstDot(page.getByTestId('map-households-ON_TIME'));
    await page.touchscreen.tap(dot.x, dot.y);
    await page.getByTestId('household-head').waitFor();
    await expect.poll(() => page.getByTestId('map-household-panel').innerText()).toMatch(/Thăm đúng hạn/);
    await page.waitForTimeout(600); // the page scrolls the map above the sheet
    await screenshot(page, 'screenshots/map-07-household-phone');

    expect(problems).toEqual([]);
    await context.close();
  });

  it('an analyst sees the areas but no household, and is told why', async () => {
    const token = await apiAccessToken(baseUrl, 'phantich.nghean');
    const commune = await committeeId(baseUrl, token, 'Xã Hữu Khuông');
    const expectedAreas = await locatedCells(token, commune);

    const context = await desktop();
    const page = await context.newPage();
    const problems = watchProblems(page);
    await openMap(page, `/committees/${commune}/map`, 'phantich.nghean');

    await expect.poll(() => page.getByTestId('map-area').count()).toBe(expectedAreas);
    expect(await page.getByTestId('map-households-ON_TIME').count()).toBe(0);
    expect(await page.getByTestId('map-note-hidden').innerText()).toContain('Vị trí hộ không hiển thị với vai trò phân tích');
    await screenshot(page, 'screenshots/map-08-analyst-desktop');

    expect(problems).toEqual([]);
    await context.close();
  });
});
