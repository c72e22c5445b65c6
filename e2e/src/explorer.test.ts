import { readFile } from 'node:fs/promises';
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

/** Analysts work at a desk: a laptop-sized, Vietnamese-speaking browser that accepts downloads. */
const desktop = (): Promise<BrowserContext> =>
  browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'vi-VN', acceptDownloads: true });

const SAVED_NAME = 'Lượt thăm theo tháng và chủ đề – Tương Dương';

/** Visits per month by topic for each commune of the district over the last year (a page of 200: what committee staff may ask too). */
const VISITS_BY_MONTH = `query LuotThamTheoThang($district: ID!, $from: LocalDate!, $to: LocalDate!) {
  visitStats(committeeId: $district, from: $from, to: $to, groupBy: [UNIT, MONTH, TOPIC], first: 200) {
    totalCount
    nodes {
      unit { name }
      period
      topic
      visits
      households
    }
  }
}
`;

/** Every member's households' visits, 100 × 10 × 100 deep: far over the analyst's 10 000 points. */
const TOO_COSTLY = `query QuaTonKem {
  members(first: 100) {
    nodes {
      assignments {
        household {
          visits(first: 100) {
            nodes { id }
          }
        }
      }
    }
  }
}
`;

/** Figures are grouped with non-breaking spaces; read them as plain spaces. */
const plain = (text: string | null) => (text ?? '').replaceAll('\u00A0', ' ').trim();
const grouped = (value: number) => String(value).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');

/** Chromium logs every 4xx answer; the server refuses queries with 400, 403 and 429 by contract, so those are expected. */
const unexpected = (problems: string[]) =>
  problems.filter((problem) => !/^console: Failed to load resource: the server responded with a status of (400|403|429) /.test(problem));

const heading = (page: Page, name: string) => page.getByRole('heading', { level: 1, name, exact: true });

/** Replaces an editor's text the way a paste does (typing would meet CodeMirror's auto-closing brackets). */
async function fillEditor(page: Page, editor: 'query' | 'variables', text: string) {
  if (editor === 'variables') {
    await page.locator('.graphiql-editor-tools').getByRole('button', { name: 'Variables', exact: true }).click();
  }
  const box = page.locator(editor === 'query' ? '.graphiql-query-editor .CodeMirror' : '.graphiql-editor-tool .CodeMirror').first();
  await box.click();
  await page.keyboard.press('Control+A');
  await page.keyboard.insertText(text);
}

async function run(page: Page) {
  await page.getByRole('button', { name: 'Execute query (Ctrl-Enter)' }).click();
}

async function openExplorer(page: Page, username: string) {
  await page.goto(`${baseUrl}/explorer`);
  await heading(page, 'Đăng nhập').waitFor();
  await signIn(page, username);
  await heading(page, 'Truy vấn').waitFor();
  await page.locator('.graphiql-container').waitFor();
}

interface Answer {
  data?: { visitStats?: { nodes: unknown[]; totalCount: number } };
  extensions?: { cost?: { requested: number } };
  errors?: { extensions?: Record<string, unknown> }[];
}

/** The district, and the last year as the query's variables. */
async function visitVariables() {
  const admin = await apiAccessToken(baseUrl, 'admin');
  const district = await committeeId(baseUrl, admin, 'Huyện Tương Dương');
  const to = new Date();
  const from = new Date(to);
  from.setFullYear(to.getFullYear() - 1);
  return { district, from: from.toISOString().slice(0, 10), to: to.toISOString().slice(0, 10) };
}

describe('the query explorer', () => {
  it('lets an analyst read the schema docs, run a query with its cost, export CSV, save and share it, and see a costly query refused', async () => {
    const variables = await visitVariables();
    const analyst = await apiAccessToken(baseUrl, 'phantich.nghean');
    // The same query from the API, to know what the page must show and export.
    const expected = (await callApi(baseUrl, VISITS_BY_MONTH, variables, analyst)) as Answer;
    const rows = expected.data!.visitStats!.nodes.length;
    const total = expected.data!.visitStats!.totalCount;
    expect(rows).toBeGreaterThan(10);
    const costly = (await callApi(baseUrl, TOO_COSTLY, {}, analyst)).errors![0].extensions!;
    expect(costly.code).toBe('QUERY_TOO_COSTLY');

    const context = await desktop();
    const page = await context.newPage();
    const problems = watchProblems(page);
    await openExplorer(page, 'phantich.nghean');
    const nav = page.getByRole('navigation', { name: 'Điều hướng chính' });
    expect(await nav.getByRole('link', { name: 'Truy vấn' }).getAttribute('class')).toContain('app-nav__link--active');

    // Schema docs from the introspection the viewer is allowed.
    await page.getByRole('button', { name: 'Show Documentation Explorer' }).click();
    await page.locator('.graphiql-doc-explorer').getByText('Query', { exact: true }).click();
    await page.locator('.graphiql-doc-explorer').getByText('visitStats', { exact: true }).first().waitFor();

    await fillEditor(page, 'query', VISITS_BY_MONTH);
    await fillEditor(page, 'variables', JSON.stringify(variables, null, 2));
    await run(page);
    const cost = page.getByTestId('query-cost');
    await cost.waitFor();
    expect(plain(await cost.textContent())).toMatch(/^Chi phí [\d ]+ \/ 10 000 · còn [\d ]+ điểm trong phút này$/);
    expect(plain(await cost.textContent())).toContain(`Chi phí ${grouped(expected.extensions!.cost!.requested)} / 10 000`);
    const rowsText = total > rows ? `${grouped(rows)}/${grouped(total)} dòng từ visitStats: một trang, tăng first hoặc lấy tiếp bằng after` : `${grouped(rows)} dòng từ visitStats`;
    expect(plain(await page.getByTestId('export-rows').textContent())).toBe(rowsText);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Xuất CSV' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^truy-van-\d{4}-\d{2}-\d{2}\.csv$/);
    const bytes = await readFile((await download.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString('utf8').split('\r\n').filter(Boolean);
    expect(lines[0]).toBe('unit.name,period,topic,visits,households');
    expect(lines).toHaveLength(rows + 1);
    expect(lines[1]).toMatch(/^Xã [^,]+,\d{4}-\d{2}-01,[A-Z_]+,\d+,\d+$/);

    // Saved with its variables, shared with the analyst's province.
    await page.getByLabel('Tên truy vấn').fill(SAVED_NAME);
    await page.getByLabel('Dùng chung với').selectOption({ label: 'Tỉnh Nghệ An' });
    await page.getByRole('button', { name: 'Lưu', exact: true }).click();
    await page.getByText(`Đã lưu “${SAVED_NAME}”.`).waitFor();
    const saved = page.getByTestId('saved-queries').getByRole('listitem').filter({ hasText: SAVED_NAME });
    expect(plain(await saved.locator('.saved-item__meta').textContent())).toMatch(/^Của bạn · Dùng chung với Tỉnh Nghệ An · Sửa /);
    await screenshot(page, '30-explorer-analyst-desktop-vi');

    // A query over the analyst's maximum is refused before it runs, with its figures.
    await fillEditor(page, 'query', TOO_COSTLY);
    await run(page);
    const refusal = page.getByTestId('query-problem');
    await refusal.waitFor();
    expect(plain(await refusal.textContent())).toContain(
      `Máy chủ từ chối truy vấn vì quá tốn kém: ${grouped(costly.cost as number)} điểm, tối đa 10 000 điểm.`,
    );
    await screenshot(page, '31-explorer-too-costly-desktop-vi');

    // Run by id: the request names the saved query and carries no document.
    const request = page.waitForRequest((r) => r.url().endsWith('/graphql') && r.method() === 'POST' && !!r.postDataJSON()?.extensions?.savedQueryId);
    await saved.getByRole('button', { name: `Chạy: ${SAVED_NAME}` }).click();
    expect((await request).postDataJSON().query).toBeUndefined();
    await expect.poll(async () => plain(await page.getByTestId('export-rows').textContent())).toBe(rowsText);
    expect(await page.getByTestId('query-problem').count()).toBe(0);
    expect(await page.locator('.graphiql-query-editor .CodeMirror').textContent()).toContain('LuotThamTheoThang');

    await page.getByRole('button', { name: 'English' }).click();
    expect(plain(await cost.textContent())).toMatch(/^Cost [\d ]+ \/ 10 000 · [\d ]+ points left this minute$/);

    // A reload keeps the query being worked on (this tab, this account).
    await page.reload();
    await page.locator('.graphiql-query-editor .CodeMirror').waitFor();
    expect(await page.locator('.graphiql-query-editor .CodeMirror').textContent()).toContain('LuotThamTheoThang');

    expect(unexpected(problems)).toEqual([]);
    await context.close();
  });

  it('shows a committee’s staff on a phone the query shared with their province, to run but not to delete', async () => {
    const context = await phoneContext(browser);
    const page = await context.newPage();
    const problems = watchProblems(page);
    await openExplorer(page, 'huyen.tuongduong');

    const shared = page.getByTestId('saved-queries').getByRole('listitem').filter({ hasText: SAVED_NAME });
    await shared.waitFor();
    expect(plain(await shared.locator('.saved-item__meta').textContent())).toMatch(/^Của Ban Tổ chức Tỉnh ủy \(phân tích\) · Dùng chung với Tỉnh Nghệ An/);
    expect(await shared.getByRole('button', { name: `Xóa: ${SAVED_NAME}` }).count()).toBe(0);

    await shared.getByRole('button', { name: `Chạy: ${SAVED_NAME}` }).click();
    const cost = page.getByTestId('query-cost');
    await cost.waitFor();
    // The staff's own limits price the run: 20 000 points a query.
    expect(plain(await cost.textContent())).toMatch(/^Chi phí [\d ]+ \/ 20 000 · còn [\d ]+ điểm trong phút này$/);
    await page.getByTestId('export-rows').waitFor();
    await screenshot(page, '32-explorer-staff-phone-vi');
    await screenshot(page, '33-explorer-staff-phone-full-vi', true);

    expect(unexpected(problems)).toEqual([]);
    await context.close();
  });

  it('where the server runs only saved queries for the role, hides Run and offers the saved list', async () => {
    const context = await desktop();
    const page = await context.newPage();
    const problems = watchProblems(page);
    // The answer the server gives such a role for a free query (GB_LIMITS `savedQueriesOnly`).
    await page.route('**/graphql', async (route) => {
      const body = route.request().postDataJSON() as { query?: string } | null;
      if (body?.query?.includes('QuaTonKem')) {
        await route.fulfill({
          status: 403,
          contentType: 'application/json',
          body: JSON.stringify({ errors: [{ message: 'Vai trò của bạn chỉ chạy truy vấn đã lưu / Your role may only run saved queries', extensions: { code: 'SAVED_QUERIES_ONLY' } }] }),
        });
        return;
      }
      await route.continue();
    });
    await openExplorer(page, 'phantich.nghean');
    await fillEditor(page, 'query', TOO_COSTLY);
    await run(page);
    await page.getByTestId('saved-only-hint').waitFor();
    expect(plain(await page.getByTestId('query-problem').textContent())).toBe(
      'Vai trò của bạn chỉ được chạy các truy vấn đã lưu. Chọn một truy vấn trong danh sách.',
    );
    expect(await page.getByRole('button', { name: 'Execute query (Ctrl-Enter)' }).isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'Lưu', exact: true }).count()).toBe(0);

    const saved = page.getByTestId('saved-queries').getByRole('listitem').filter({ hasText: SAVED_NAME });
    await saved.getByRole('button', { name: `Chạy: ${SAVED_NAME}` }).click();
    await page.getByTestId('query-cost').waitFor();
    expect(await page.getByTestId('query-problem').count()).toBe(0);
    await screenshot(page, '34-explorer-saved-only-desktop-vi');

    expect(unexpected(problems)).toEqual([]);
    await context.close();
  });

  it('lets the analyst delete their own saved query', async () => {
    const context = await desktop();
    const page = await context.newPage();
    const problems = watchProblems(page);
    await openExplorer(page, 'phantich.nghean');
    const saved = page.getByTestId('saved-queries').getByRole('listitem').filter({ hasText: SAVED_NAME });
    page.once('dialog', (dialog) => {
      expect(dialog.message()).toBe(`Xóa truy vấn “${SAVED_NAME}”?`);
      void dialog.accept();
    });
    await saved.getByRole('button', { name: `Xóa: ${SAVED_NAME}` }).click();
    await page.getByText(`Đã xóa “${SAVED_NAME}”.`).waitFor();
    expect(await saved.count()).toBe(0);
    await page.getByText('Chưa có truy vấn nào được lưu.').waitFor();

    expect(unexpected(problems)).toEqual([]);
    await context.close();
  });
});
