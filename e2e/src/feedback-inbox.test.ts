import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { screenshot, watchProblems } from './browser.js';
import { apiData, openSignedIn, todayHere, useBrowsers } from './contexts.js';
import { apiAccessToken, committeeId } from './session.js';

const baseUrl = inject('baseUrl');
const browsers = useBrowsers();

const item = (page: Page, text: string) => page.getByTestId('feedback-item').filter({ hasText: text });
const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const formatted = (date: string) => date.split('-').reverse().join('/');

/** A member records a visit with one feedback for the cell, as on their phone. */
async function raiseFeedback(content: string): Promise<{ cellId: string; household: string }> {
  const token = await apiAccessToken(baseUrl, 'dangvien.xopmat');
  const { viewer } = await apiData<{ viewer: { account: { member: { id: string; cell: { id: string } } } } }>(
    baseUrl,
    token,
    '{ viewer { account { member { id cell { id } } } } }',
  );
  const { assignments } = await apiData<{ assignments: { nodes: { household: { id: string; headName: string } }[] } }>(
    baseUrl,
    token,
    'query ($id: ID!) { assignments(memberId: $id, first: 1) { nodes { household { id headName } } } }',
    { id: viewer.account.member.id },
  );
  const household = assignments.nodes[0].household;
  await apiData(baseUrl, token, 'mutation ($input: RecordVisitInput!) { recordVisit(input: $input) { id } }', {
    input: { householdId: household.id, visitedOn: todayHere(), topics: ['INFRASTRUCTURE'], feedback: [{ topic: 'INFRASTRUCTURE', content }] },
  });
  return { cellId: viewer.account.member.cell.id, household: household.headName };
}

describe('the feedback inbox (Phản ánh)', () => {
  it('a cell secretary passes a feedback up to the commune, whose staff see it arrive live and answer it', async () => {
    const content = `Đường vào bản sạt lở sau mưa lớn, xe máy không qua được (${Date.now()})`;
    const { cellId, household } = await raiseFeedback(content);
    const staffToken = await apiAccessToken(baseUrl, 'xa.huukhuong');
    const commune = await committeeId(baseUrl, staffToken, 'Xã Hữu Khuông');
    const today = todayHere();

    // Commune staff watch their inbox, narrowed to what the commune must answer.
    const staffContext = await browsers.phone();
    const staff = await staffContext.newPage();
    const staffProblems = watchProblems(staff);
    await openSignedIn(staff, baseUrl, `/committees/${commune}/feedback`, 'xa.huukhuong', 'Xã Hữu Khuông');
    await staff.getByLabel('Cấp xử lý').selectOption('COMMUNE');
    const levels = () => staff.getByTestId('feedback-level').evaluateAll((tags) => [...new Set(tags.map((tag) => tag.textContent))]);
    await expect.poll(levels).toEqual(['Đảng ủy xã']);
    expect(await item(staff, content).count()).toBe(0);
    // Open feedback comes most overdue first, in red.
    const late = staff.getByTestId('feedback-item').first();
    expect(await late.getByTestId('due-badge').getAttribute('data-tone')).toBe('overdue');
    expect(await late.getByTestId('due-badge').innerText()).toMatch(/^Quá hạn \d+ ngày · hạn \d{2}\/\d{2}\/\d{4}$/);
    await expect.poll(() => late.getByTestId('due-badge').evaluate((badge) => getComputedStyle(badge).color)).toBe('rgb(164, 22, 26)');
    await screenshot(staff, 'screenshots/feedback-commune-phone');

    // The cell's secretary sees it raised at the cell, due in 30 days, and passes it up.
    const secretaryContext = await browsers.desktop();
    const secretary = await secretaryContext.newPage();
    const secretaryProblems = watchProblems(secretary);
    await openSignedIn(secretary, baseUrl, `/cells/${cellId}/feedback`, 'bithu.xopmat', 'Chi bộ bản Xốp Mạt');
    const raised = item(secretary, content);
    await raised.waitFor();
    expect(await raised.getByTestId('feedback-status').innerText()).toBe('Mới tiếp nhận');
    expect(await raised.getByTestId('feedback-level').innerText()).toBe('Chi bộ');
    expect(await raised.getByTestId('due-badge').innerText()).toBe(`Còn 30 ngày · hạn ${formatted(addDays(today, 30))}`);
    await screenshot(secretary, 'screenshots/feedback-cell-desktop');
    await raised.getByRole('button', { name: 'Chuyển lên xã' }).click();
    expect(await raised.getByText('Chuyển ý kiến lên xã?').count()).toBe(1);
    await raised.getByLabel('Ghi chú (không bắt buộc)').fill('Vượt khả năng của chi bộ: cần kinh phí của xã');
    await raised.getByRole('button', { name: 'Xác nhận chuyển' }).click();
    await secretary.getByTestId('feedback-done').waitFor();
    expect(await secretary.getByTestId('feedback-done').innerText()).toBe(`Đã chuyển ý kiến của hộ ${household} lên xã.`);
    await expect.poll(() => item(secretary, content).getByTestId('feedback-level').innerText()).toBe('Đảng ủy xã');
    expect(await item(secretary, content).getByTestId('feedback-status').innerText()).toBe('Đã chuyển cấp trên');
    // The commune answers now, not the cell: the secretary has nothing left to press.
    expect(await item(secretary, content).getByRole('button').count()).toBe(0);

    // It reaches the commune's open page without a reload, due in the commune's 15 days.
    const escalated = item(staff, content);
    await escalated.waitFor({ timeout: 15_000 });
    expect(await escalated.getByTestId('feedback-status').innerText()).toBe('Đã chuyển cấp trên');
    expect(await escalated.getByTestId('due-badge').innerText()).toBe(`Còn 15 ngày · hạn ${formatted(addDays(today, 15))}`);
    await escalated.getByRole('button', { name: 'Trả lời', exact: true }).click();
    // An empty answer is refused in words before anything is sent.
    await escalated.getByRole('button', { name: 'Gửi trả lời' }).click();
    expect(await escalated.getByText('Ghi nội dung trả lời (ít nhất 2 ký tự).').count()).toBe(1);
    const answer = 'UBND xã đã bố trí máy xúc thông đường trong tuần này.';
    await escalated.getByLabel('Nội dung trả lời').fill(answer);
    await escalated.scrollIntoViewIfNeeded();
    await screenshot(staff, 'screenshots/feedback-answer-phone');
    await escalated.getByRole('button', { name: 'Gửi trả lời' }).click();
    await staff.getByTestId('feedback-done').waitFor();
    expect(await staff.getByTestId('feedback-done').innerText()).toBe(`Đã trả lời ý kiến của hộ ${household}.`);
    await expect.poll(() => item(staff, content).count()).toBe(0);

    // Answered: with the answer and every dated step.
    await staff.getByRole('button', { name: /^Đã trả lời/ }).click();
    const answered = item(staff, content);
    await answered.waitFor();
    expect(await answered.getByTestId('feedback-status').innerText()).toBe('Đã trả lời bằng văn bản');
    expect(await answered.innerText()).toContain(answer);
    expect(await answered.getByTestId('due-badge').count()).toBe(0);
    // The dated steps are read when opened.
    await answered.getByTestId('feedback-history').click();
    await expect.poll(() => answered.getByTestId('feedback-history').innerText()).toBe('Quá trình xử lý (3 bước)');
    const steps = await answered.locator('.history__what').allInnerTexts();
    expect(steps.map((step) => step.split(' bởi ')[0].trim())).toEqual(['Tiếp nhận ở chi bộ', 'Chuyển lên xã', 'Trả lời bằng văn bản, cấp xã']);
    expect(await answered.innerText()).toContain('Ghi chú: Vượt khả năng của chi bộ: cần kinh phí của xã');
    await answered.scrollIntoViewIfNeeded();
    await screenshot(staff, 'screenshots/feedback-answered-phone');

    const { feedbackItems } = await apiData<{ feedbackItems: { nodes: { content: string; status: string; level: string }[] } }>(
      baseUrl,
      staffToken,
      'query ($id: ID!) { feedbackItems(committeeId: $id, statuses: [ANSWERED_IN_WRITING], first: 20) { nodes { content status level } } }',
      { id: commune },
    );
    expect(feedbackItems.nodes.find((node) => node.content === content)).toEqual({ content, status: 'ANSWERED_IN_WRITING', level: 'COMMUNE' });

    expect(staffProblems).toEqual([]);
    expect(secretaryProblems).toEqual([]);
    await staffContext.close();
    await secretaryContext.close();
  });

  it('shows the commune inbox on a wide screen, overdue answers first and in red', async () => {
    const token = await apiAccessToken(baseUrl, 'xa.huukhuong');
    const commune = await committeeId(baseUrl, token, 'Xã Hữu Khuông');
    const context = await browsers.desktop();
    const page = await context.newPage();
    const problems = watchProblems(page);
    await openSignedIn(page, baseUrl, `/committees/${commune}/feedback`, 'xa.huukhuong', 'Xã Hữu Khuông');
    await page.getByLabel(/^Chỉ ý kiến quá hạn/).check();
    const tones = () =>
      page.getByTestId('feedback-item').getByTestId('due-badge').evaluateAll((badges) => [...new Set(badges.map((badge) => badge.getAttribute('data-tone')))]);
    await expect.poll(tones).toEqual(['overdue']);
    await screenshot(page, 'screenshots/feedback-commune-desktop');

    expect(problems).toEqual([]);
    await context.close();
  });
});
