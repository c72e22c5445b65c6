import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { screenshot, watchProblems } from './browser.js';
import { apiData, openSignedIn, useBrowsers } from './contexts.js';
import { apiAccessToken, committeeId } from './session.js';

const baseUrl = inject('baseUrl');
const browsers = useBrowsers();

interface Member {
  id: string;
  fullName: string;
  status: 'ACTIVE' | 'EXEMPT';
  assignments: { id: string }[];
}
interface Household {
  id: string;
  headName: string;
}

const CELL_STATE = `query ($cellId: ID!) {
  households(cellId: $cellId, assigned: false, first: 100) { nodes { id headName } }
  members(cellId: $cellId, first: 100) { nodes { id fullName status assignments(activeOnly: true) { id } } }
}`;
const ASSIGN = `mutation ($input: AssignHouseholdInput!) { assignHousehold(input: $input) { id } }`;

async function secretaryCell(token: string): Promise<string> {
  const { viewer } = await apiData<{ viewer: { roles: { role: string; cell: { id: string } | null }[] } }>(
    baseUrl,
    token,
    '{ viewer { roles { role cell { id } } } }',
  );
  return viewer.roles.find((binding) => binding.role === 'CELL_SECRETARY')!.cell!.id;
}

async function cellState(token: string, cellId: string) {
  const data = await apiData<{ households: { nodes: Household[] }; members: { nodes: Member[] } }>(baseUrl, token, CELL_STATE, { cellId });
  const active = data.members.nodes.filter((member) => member.status === 'ACTIVE');
  return { free: data.households.nodes, byLoad: [...active].sort((a, b) => a.assignments.length - b.assignments.length) };
}

const loadText = (n: number) => (n === 0 ? 'Chưa phụ trách hộ nào' : `Đang phụ trách ${n} hộ`);
const memberLoad = (page: Page, memberId: string) => page.locator(`[data-testid="member-loads"] [data-member-id="${memberId}"] [data-testid="member-load"]`);
const freeHousehold = (page: Page, householdId: string) => page.locator(`[data-testid="free-households"] [data-household-id="${householdId}"]`);
const currentAssignment = (page: Page, householdId: string) => page.locator(`[data-testid="assignment-list"] [data-household-id="${householdId}"]`);
const assignButton = (page: Page) => page.getByTestId('assign-form').getByRole('button', { name: 'Phân công', exact: true });

describe('a cell secretary assigns households (Phân công)', () => {
  it('assigns a free household to a member, sees the load change, then ends the assignment', async () => {
    const token = await apiAccessToken(baseUrl, 'bithu.xopmat');
    const cellId = await secretaryCell(token);
    const { free, byLoad } = await cellState(token, cellId);
    const household = free[0];
    const member = byLoad[0];
    const before = member.assignments.length;

    const context = await browsers.desktop();
    const page = await context.newPage();
    const problems = watchProblems(page);
    await openSignedIn(page, baseUrl, `/cells/${cellId}/assignments`, 'bithu.xopmat', 'Chi bộ bản Xốp Mạt');
    expect(await page.getByRole('navigation', { name: 'Các mục của đơn vị' }).getByRole('link', { name: 'Phân công' }).getAttribute('aria-current')).toBe('page');
    await expect.poll(() => memberLoad(page, member.id).innerText()).toBe(loadText(before));
    await freeHousehold(page, household.id).waitFor();

    // Picking a household from the list fills it in the form.
    await freeHousehold(page, household.id).getByRole('button', { name: 'Phân công' }).click();
    expect(await page.getByLabel('Hộ được phân công', { exact: true }).inputValue()).toBe(household.id);
    await page.getByLabel('Đảng viên phụ trách', { exact: true }).selectOption(member.id);
    await screenshot(page, 'screenshots/secretary-assign-desktop', true);
    await assignButton(page).click();

    const done = page.getByTestId('assign-done');
    await done.waitFor();
    expect(await done.innerText()).toBe(`Đã phân công đồng chí ${member.fullName} phụ trách hộ ${household.headName}.`);
    await expect.poll(() => memberLoad(page, member.id).innerText()).toBe(loadText(before + 1));
    await expect.poll(() => freeHousehold(page, household.id).count()).toBe(0);
    await currentAssignment(page, household.id).waitFor();
    expect(await currentAssignment(page, household.id).innerText()).toContain(member.fullName);
    const { household: saved } = await apiData<{ household: { activeAssignment: { member: { id: string } } | null } }>(
      baseUrl,
      token,
      'query ($id: ID!) { household(id: $id) { activeAssignment { member { id } } } }',
      { id: household.id },
    );
    expect(saved.activeAssignment?.member.id).toBe(member.id);

    // Ending it asks first, then frees the household again.
    await currentAssignment(page, household.id).getByRole('button', { name: 'Kết thúc phân công' }).click();
    const confirm = currentAssignment(page, household.id).getByRole('group', { name: 'Kết thúc phân công' });
    expect(await confirm.innerText()).toContain(`Kết thúc phân công hộ ${household.headName}?`);
    await confirm.getByLabel('Lý do (không bắt buộc)').fill('Phân công lại theo nhóm hộ');
    await confirm.getByRole('button', { name: 'Xác nhận kết thúc' }).click();
    await page.getByTestId('unassign-done').waitFor();
    expect(await page.getByTestId('unassign-done').innerText()).toBe(`Đã kết thúc phân công hộ ${household.headName}.`);
    await expect.poll(() => memberLoad(page, member.id).innerText()).toBe(loadText(before));
    await freeHousehold(page, household.id).waitFor();

    expect(problems).toEqual([]);
    await context.close();
  });

  it('warns, without blocking, when a member would hold more than two households', async () => {
    const token = await apiAccessToken(baseUrl, 'bithu.xopmat');
    const cellId = await secretaryCell(token);
    const { byLoad } = await cellState(token, cellId);
    const busy = byLoad.at(-1)!;
    expect(busy.assignments.length).toBeGreaterThanOrEqual(2);

    const context = await browsers.phone();
    const page = await context.newPage();
    const problems = watchProblems(page);
    await openSignedIn(page, baseUrl, `/cells/${cellId}/assignments`, 'bithu.xopmat', 'Chi bộ bản Xốp Mạt');
    await page.getByLabel('Đảng viên phụ trách', { exact: true }).selectOption(busy.id);
    const warning = page.getByTestId('overload-warning');
    await warning.waitFor();
    const held = busy.assignments.length;
    expect(await warning.innerText()).toContain(`Đồng chí ${busy.fullName} đang phụ trách ${held} hộ; nhận thêm hộ này sẽ thành ${held + 1} hộ`);
    expect(await assignButton(page).isEnabled()).toBe(true);
    await warning.scrollIntoViewIfNeeded();
    await screenshot(page, 'screenshots/secretary-assign-phone');
    await screenshot(page, 'screenshots/secretary-assign-phone-full', true);

    expect(problems).toEqual([]);
    await context.close();
  });

  it('says in words, next to the household, that someone else assigned it a moment earlier', async () => {
    const token = await apiAccessToken(baseUrl, 'bithu.xopmat');
    const staff = await apiAccessToken(baseUrl, 'xa.huukhuong');
    const cellId = await secretaryCell(token);
    const { free, byLoad } = await cellState(token, cellId);
    const household = free.at(-1)!;
    const [member, other] = byLoad;

    const context = await browsers.desktop();
    const page = await context.newPage();
    const problems = watchProblems(page);
    await openSignedIn(page, baseUrl, `/cells/${cellId}/assignments`, 'bithu.xopmat', 'Chi bộ bản Xốp Mạt');
    await page.getByLabel('Hộ được phân công', { exact: true }).selectOption(household.id);
    await page.getByLabel('Đảng viên phụ trách', { exact: true }).selectOption(member.id);
    // The commune's staff assign the same household just before this request reaches the API.
    await page.route('**/graphql', async (route) => {
      if ((route.request().postDataJSON() as { operationName?: string } | null)?.operationName === 'AssignHousehold') {
        await apiData(baseUrl, staff, ASSIGN, { input: { householdId: household.id, memberId: other.id } });
      }
      await route.continue();
    });
    await assignButton(page).click();

    const problem = page.locator('#assign-household-problem');
    await problem.waitFor();
    expect(await problem.getAttribute('data-code')).toBe('HOUSEHOLD_ALREADY_ASSIGNED');
    expect(await problem.innerText()).toBe(
      'Hộ này vừa có đảng viên khác phụ trách. Mỗi hộ chỉ có một đảng viên phụ trách; hãy chọn hộ khác.',
    );
    expect(await page.getByLabel('Hộ được phân công', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    // The page shows the cell as it now is: the household has left the free list.
    await expect.poll(() => freeHousehold(page, household.id).count()).toBe(0);
    await screenshot(page, 'screenshots/secretary-assign-already-assigned-desktop');
    await page.unroute('**/graphql');

    // Leave the cell as it was for the other tests.
    const { household: taken } = await apiData<{ household: { activeAssignment: { id: string } } }>(
      baseUrl,
      staff,
      'query ($id: ID!) { household(id: $id) { activeAssignment { id } } }',
      { id: household.id },
    );
    await apiData(baseUrl, staff, 'mutation ($input: UnassignHouseholdInput!) { unassignHousehold(input: $input) { id } }', {
      input: { assignmentId: taken.activeAssignment.id, reason: 'e2e' },
    });

    expect(problems).toEqual([]);
    await context.close();
  });

  it('shows the API’s refusal of a member exempted after the page was loaded, next to the member field', async () => {
    const token = await apiAccessToken(baseUrl, 'bithu.xopmat');
    const cellId = await secretaryCell(token);
    const { free, byLoad } = await cellState(token, cellId);
    const member = byLoad[0];
    const held: { id: string; household: { id: string } }[] = [];
    if (member.assignments.length) {
      // Only a member without households can be exempted: relieve this one for the test, and restore after.
      const { member: withHouseholds } = await apiData<{ member: { assignments: { id: string; household: { id: string } }[] } }>(
        baseUrl, token, 'query ($id: ID!) { member(id: $id) { assignments(activeOnly: true) { id household { id } } } }', { id: member.id });
      for (const assignment of withHouseholds.assignments) {
        held.push(assignment);
        await apiData(baseUrl, token, 'mutation ($input: UnassignHouseholdInput!) { unassignHousehold(input: $input) { id } }', { input: { assignmentId: assignment.id, reason: 'e2e' } });
      }
    }

    const context = await browsers.phone();
    const page = await context.newPage();
    const problems = watchProblems(page);
    await openSignedIn(page, baseUrl, `/cells/${cellId}/assignments`, 'bithu.xopmat', 'Chi bộ bản Xốp Mạt');
    await page.getByLabel('Hộ được phân công', { exact: true }).selectOption(free[0].id);
    await page.getByLabel('Đảng viên phụ trách', { exact: true }).selectOption(member.id);
    // Meanwhile the member is exempted (ill), through the API, by the same secretary on another device.
    const SET_STATUS = 'mutation ($input: SetMemberStatusInput!) { setMemberStatus(input: $input) { status } }';
    await apiData(baseUrl, token, SET_STATUS, { input: { memberId: member.id, status: 'EXEMPT', exemptReason: 'ILLNESS' } });
    try {
      await assignButton(page).click();
      const problem = page.locator('#assign-member-problem');
      await problem.waitFor();
      expect(await problem.getAttribute('data-code')).toBe('MEMBER_EXEMPT');
      expect(await problem.innerText()).toBe('Đảng viên này được miễn sinh hoạt nên không phân công phụ trách hộ.');
      expect(await page.getByLabel('Đảng viên phụ trách', { exact: true }).getAttribute('aria-invalid')).toBe('true');
      expect(problems).toEqual([]);
    } finally {
      await apiData(baseUrl, token, SET_STATUS, { input: { memberId: member.id, status: 'ACTIVE' } });
      for (const assignment of held) await apiData(baseUrl, token, ASSIGN, { input: { householdId: assignment.household.id, memberId: member.id } });
      await context.close();
    }
  });

  it('lists an exempt member with the reason, and never offers them (commune staff, a cell that has one)', async () => {
    const staff = await apiAccessToken(baseUrl, 'xa.huukhuong');
    const commune = await committeeId(baseUrl, staff, 'Xã Hữu Khuông');
    const { members } = await apiData<{ members: { nodes: { id: string; fullName: string; exemptReason: string; cell: { id: string; name: string } }[] } }>(
      baseUrl,
      staff,
      'query ($id: ID!) { members(committeeId: $id, status: EXEMPT, first: 20) { nodes { id fullName exemptReason cell { id name } } } }',
      { id: commune },
    );
    const exempt = members.nodes.find((member) => member.cell.name.startsWith('Chi bộ bản'))!;

    const context = await browsers.phone();
    const page = await context.newPage();
    const problems = watchProblems(page);
    await openSignedIn(page, baseUrl, `/cells/${exempt.cell.id}/assignments`, 'xa.huukhuong', exempt.cell.name);
    const row = page.locator(`[data-testid="member-loads"] [data-member-id="${exempt.id}"]`);
    await row.waitFor();
    expect(await row.getByTestId('exempt-reason').innerText()).toMatch(/^Miễn sinh hoạt \(.+\): không phân công phụ trách hộ$/);
    const option = page.locator(`#assign-member option[value="${exempt.id}"]`);
    expect(await option.isDisabled()).toBe(true);
    expect(await option.innerText()).toBe(`${exempt.fullName} (miễn sinh hoạt)`);
    await row.scrollIntoViewIfNeeded();
    await screenshot(page, 'screenshots/secretary-assign-exempt-phone');

    expect(problems).toEqual([]);
    await context.close();
  });
});
