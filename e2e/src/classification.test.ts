import type { Browser, BrowserContext, Page } from 'playwright-core';
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
const CELL = 'Chi bộ bản Xốp Mạt';
const year = new Date().getFullYear();

async function ids(): Promise<{ commune: string; cell: string }> {
  const token = await apiAccessToken(baseUrl, 'xa.huukhuong');
  const commune = await committeeId(baseUrl, token, 'Xã Hữu Khuông');
  const answer = await callApi<{ cells: { nodes: { id: string; name: string }[] } }>(
    baseUrl,
    'query ($id: ID!) { cells(committeeId: $id, first: 100) { nodes { id name } } }',
    { id: commune },
    token,
  );
  const cell = answer.data!.cells.nodes.find((node) => node.name === CELL)!;
  return { commune, cell: cell.id };
}

async function openAs(context: BrowserContext, path: string, username: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${baseUrl}${path}`);
  await page.getByRole('heading', { level: 1, name: 'Đăng nhập' }).waitFor();
  await signIn(page, username);
  await page.getByRole('heading', { level: 2, name: new RegExp(`năm ${year}`) }).waitFor();
  return page;
}

const badge = (page: Page) => page.locator('.sheet-head').getByTestId('status-badge');
const memberRows = (page: Page) => page.getByTestId('member-grades').locator('tbody tr');
const gradeSelects = (page: Page) => page.locator('select.grade-fields__grade');

describe('classification of a cell for the current year', () => {
  it('the secretary grades every member and the cell and submits; commune staff return it, then approve it; it is locked', async () => {
    const { commune, cell } = await ids();

    // The secretary, on a phone first: the member table is a list of cards.
    const phone = await phoneContext(browser);
    const phonePage = await openAs(phone, `/cells/${cell}/classification`, 'bithu.xopmat');
    await expect.poll(() => memberRows(phonePage).count()).toBeGreaterThan(0);
    await memberRows(phonePage).first().scrollIntoViewIfNeeded();
    await screenshot(phonePage, 'screenshots/classification-01-sheet-phone');
    await phone.close();

    const context = await desktop();
    const page = await openAs(context, `/cells/${cell}/classification`, 'bithu.xopmat');
    const problems = watchProblems(page);
    await page.getByRole('heading', { level: 1, name: CELL }).waitFor();
    expect(await badge(page).innerText()).toBe('Nháp');
    const rows = await memberRows(page).count();
    expect(rows).toBeGreaterThan(0);
    const required = rows - (await memberRows(page).filter({ hasText: 'Miễn sinh hoạt' }).count());

    // Sending too early lists what is missing: every active member and the cell itself.
    await page.getByRole('button', { name: 'Gửi cấp ủy' }).click();
    const submitDialog = page.getByTestId('submit-dialog');
    await submitDialog.getByText(`còn ${required + 1} mục chưa xếp loại`).waitFor();
    expect(await submitDialog.getByTestId('missing-grades').getByRole('listitem').count()).toBe(required + 1);
    await screenshot(page, 'screenshots/classification-02-missing-desktop');
    await submitDialog.getByRole('button', { name: 'Đóng' }).click();

    // Grades save one by one as they are chosen.
    for (let index = 0; index < rows; index++) {
      const row = memberRows(page).nth(index);
      await row.locator('select').selectOption(index === 0 ? 'EXCELLENT' : 'GOOD');
      await row.getByText('Đã lưu').waitFor();
    }
    const comment = memberRows(page).first().locator('textarea');
    await comment.fill('Gương mẫu, thăm hộ đều đặn.');
    await comment.blur();
    await memberRows(page).first().getByText('Đã lưu').waitFor();
    const cellCard = page.getByTestId('cell-grade');
    await cellCard.locator('select').selectOption('GOOD');
    await cellCard.getByText('Đã lưu').waitFor();

    // What was saved is what the server holds.
    await page.reload();
    await expect.poll(() => page.getByTestId('sheet-progress').innerText()).toBe(`${required}/${required} đảng viên đã xếp loại`);
    expect(await memberRows(page).first().locator('textarea').inputValue()).toBe('Gương mẫu, thăm hộ đều đặn.');
    await screenshot(page, 'screenshots/classification-03-graded-desktop', true);

    await page.getByRole('button', { name: 'Gửi cấp ủy' }).click();
    await submitDialog.getByText(`Gửi kết quả phân loại năm ${year} của ${CELL} lên cấp ủy?`).waitFor();
    await submitDialog.getByRole('button', { name: 'Gửi', exact: true }).click();
    await page.getByTestId('sheet-notice').getByText('Đã gửi cấp ủy.').waitFor();
    expect(await badge(page).innerText()).toBe('Đã gửi');
    await expect.poll(() => gradeSelects(page).evaluateAll((selects) => selects.every((s) => (s as HTMLSelectElement).disabled))).toBe(true);
    expect(await page.getByRole('button', { name: 'Gửi cấp ủy' }).count()).toBe(0);
    expect(problems).toEqual([]);
    await context.close();

    // Commune staff: the overview shows the cell waiting; they return it with a note.
    const staff = await desktop();
    const overview = await openAs(staff, `/committees/${commune}/classification`, 'xa.huukhuong');
    const overviewProblems = watchProblems(overview);
    const cellRow = overview.getByTestId('classification-overview').getByRole('row', { name: new RegExp(CELL) });
    await expect.poll(() => cellRow.getByTestId('status-badge').innerText()).toBe('Đã gửi');
    expect(await cellRow.innerText()).toContain(`${required}/${required}`);
    await screenshot(overview, 'screenshots/classification-04-overview-desktop');

    await cellRow.getByRole('link', { name: CELL }).click();
    await overview.getByRole('heading', { level: 1, name: CELL }).waitFor();
    await overview.getByRole('button', { name: 'Trả lại' }).click();
    const returnDialog = overview.getByTestId('return-dialog');
    await returnDialog.getByRole('button', { name: 'Trả lại', exact: true }).click();
    await returnDialog.getByText('Hãy ghi rõ chi bộ cần sửa gì.').waitFor();
    await returnDialog.getByLabel(/Cần sửa gì/).fill('Bổ sung nhận xét cho chi bộ.');
    await returnDialog.getByRole('button', { name: 'Trả lại', exact: true }).click();
    await overview.getByTestId('sheet-notice').getByText('Đã trả lại cho chi bộ.').waitFor();
    expect(await badge(overview).innerText()).toBe('Nháp');

    // The secretary sees why, adds the comment and sends it again.
    const again = await desktop();
    const secretary = await openAs(again, `/cells/${cell}/classification`, 'bithu.xopmat');
    await secretary.getByText('Cấp ủy đã trả lại để sửa: “Bổ sung nhận xét cho chi bộ.”').waitFor();
    const cellComment = secretary.getByTestId('cell-grade').locator('textarea');
    await cellComment.fill('Chi bộ duy trì thăm hộ đều, cần giải quyết dứt điểm ý kiến tồn đọng.');
    await cellComment.blur();
    await secretary.getByTestId('cell-grade').getByText('Đã lưu').waitFor();
    await secretary.getByRole('button', { name: 'Gửi cấp ủy' }).click();
    await secretary.getByTestId('submit-dialog').getByRole('button', { name: 'Gửi', exact: true }).click();
    await secretary.getByTestId('sheet-notice').getByText('Đã gửi cấp ủy.').waitFor();

    // Staff approve; the sheet is locked, with who approved it and when.
    await overview.reload();
    await expect.poll(() => badge(overview).innerText()).toBe('Đã gửi');
    await overview.getByRole('button', { name: 'Duyệt', exact: true }).click();
    await overview.getByTestId('approve-dialog').getByRole('button', { name: 'Duyệt', exact: true }).click();
    await overview.getByTestId('sheet-notice').getByText('Đã duyệt. Kết quả đã khóa.').waitFor();
    expect(await badge(overview).innerText()).toBe('Đã duyệt');
    expect(await overview.getByTestId('sheet-approved').innerText()).toMatch(/Cấp ủy đã duyệt( lúc .+)?, người duyệt: xa\.huukhuong/);
    expect(await overview.getByRole('button', { name: 'Duyệt', exact: true }).count()).toBe(0);
    await screenshot(overview, 'screenshots/classification-05-approved-desktop');
    expect(overviewProblems).toEqual([]);

    // For the secretary too: approved, every field disabled, nothing to send.
    await secretary.reload();
    await expect.poll(() => badge(secretary).innerText()).toBe('Đã duyệt');
    const fields = secretary.locator('.grade-fields select, .grade-fields textarea');
    expect(await fields.count()).toBe(2 * (rows + 1));
    expect(await fields.evaluateAll((elements) => elements.every((e) => (e as HTMLSelectElement | HTMLTextAreaElement).disabled))).toBe(true);
    expect(await secretary.getByRole('button', { name: 'Gửi cấp ủy' }).count()).toBe(0);
    await screenshot(secretary, 'screenshots/classification-06-locked-desktop');
    await again.close();

    // The overview on a phone.
    const staffPhone = await phoneContext(browser);
    const phoneOverview = await openAs(staffPhone, `/committees/${commune}/classification`, 'xa.huukhuong');
    await expect
      .poll(() => phoneOverview.getByTestId('classification-overview').getByRole('row', { name: new RegExp(CELL) }).getByTestId('status-badge').innerText())
      .toBe('Đã duyệt');
    await screenshot(phoneOverview, 'screenshots/classification-07-overview-phone');
    await staffPhone.close();
    await staff.close();
  });
});
