import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestApi, type TestApi } from '../../test/api.js';
import { builders, isoDaysAgo, type Builders } from '../../test/builders.js';

const LIST = `query ($cellId: ID, $committeeId: ID, $overdue: Boolean, $minDaysOverdue: Int, $priority: Boolean, $priorityFlags: [PriorityFlag!], $orderBy: AssignmentOrder!, $first: Int, $after: String) {
  assignments(cellId: $cellId, committeeId: $committeeId, overdue: $overdue, minDaysOverdue: $minDaysOverdue, priority: $priority,
              priorityFlags: $priorityFlags, orderBy: $orderBy, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    nodes { id intervalDays dueOn daysOverdue household { id } }
  }
}`;

interface Node { id: string; intervalDays: number; dueOn: string | null; daysOverdue: number; household: { id: string } }

let api: TestApi;
let seed: Builders;
let commune: number;
let cell: number;
/** household id → assignment id, by days since the last visit. */
const made: Record<string, { household: number; assignment: number }> = {};

beforeAll(async () => {
  api = await startTestApi();
  seed = builders(api.sql, api.rootId);
  const district = await seed.committee({ kind: 'district' });
  commune = await seed.committee({ parentId: district });
  await seed.policy(commune, 14, 30);
  cell = await seed.cell(commune);
  // Last visits 3, 20 and 60 days ago under a 14-day policy; one priority household; one never visited.
  for (const [key, days, flags] of [['fresh', 3, []], ['late', 20, ['policy_family']], ['old', 60, []]] as const) {
    const member = await seed.member(cell);
    const household = await seed.household(cell, { flags: [...flags] });
    const assignment = await seed.assignment(member, household, { startedOn: isoDaysAgo(100) });
    await seed.visit(cell, household, isoDaysAgo(days), { memberId: member });
    made[key] = { household, assignment };
  }
  const member = await seed.member(cell);
  const household = await seed.household(cell);
  made.never = { household, assignment: await seed.assignment(member, household, { startedOn: isoDaysAgo(5) }) };
});
afterAll(() => api.close());

const list = async (variables: Record<string, unknown>) => {
  const res = await api.gql<{ assignments: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string }; nodes: Node[] } }>(
    LIST, { cellId: cell, orderBy: 'DUE_ON_ASC', ...variables });
  expect(res.errors).toBeUndefined();
  return res.data!.assignments;
};
const ids = (nodes: Node[]) => nodes.map((node) => Number(node.id));

describe('the overdue list', () => {
  test('the interval comes from the policy in force and the due date from the last visit', async () => {
    const { nodes } = await list({});
    const old = nodes.find((node) => Number(node.id) === made.old.assignment)!;
    expect(old).toMatchObject({ intervalDays: 14, dueOn: isoDaysAgo(46), daysOverdue: 46 });
    const never = nodes.find((node) => Number(node.id) === made.never.assignment)!;
    expect(never).toMatchObject({ dueOn: isoDaysAgo(5 - 14), daysOverdue: 0 });
  });

  test('overdue: true keeps assignments past due, most overdue first; false keeps the others', async () => {
    expect(ids((await list({ overdue: true })).nodes)).toEqual([made.old.assignment, made.late.assignment]);
    expect(ids((await list({ overdue: true, orderBy: 'DUE_ON_DESC' })).nodes)).toEqual([made.late.assignment, made.old.assignment]);
    expect(ids((await list({ overdue: false })).nodes).sort()).toEqual([made.fresh.assignment, made.never.assignment].sort());
  });

  test('minDaysOverdue, priority and priorityFlags narrow the list; totalCount follows', async () => {
    expect(ids((await list({ minDaysOverdue: 10 })).nodes)).toEqual([made.old.assignment]);
    const priority = await list({ overdue: true, priority: true });
    expect(ids(priority.nodes)).toEqual([made.late.assignment]);
    expect(priority.totalCount).toBe(1);
    expect(ids((await list({ priorityFlags: ['POLICY_FAMILY'] })).nodes)).toEqual([made.late.assignment]);
    expect((await list({ priority: false, overdue: true })).totalCount).toBe(1);
  });

  test('pages by due date without gaps or repeats', async () => {
    const first = await list({ first: 2 });
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = await list({ first: 2, after: first.pageInfo.endCursor });
    expect([...ids(first.nodes), ...ids(second.nodes)]).toEqual(ids((await list({})).nodes));
  });

  test('a negative minDaysOverdue is refused with the field named', async () => {
    const res = await api.gql(LIST, { cellId: cell, orderBy: 'DUE_ON_ASC', minDaysOverdue: -1 });
    expect(res.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'minDaysOverdue' });
  });

  test('a visit recorded moves the assignment off the overdue list', async () => {
    const member = await seed.member(cell);
    const household = await seed.household(cell);
    const assignment = await seed.assignment(member, household, { startedOn: isoDaysAgo(40) });
    expect(ids((await list({ overdue: true })).nodes)).toContain(assignment);
    await seed.visit(cell, household, isoDaysAgo(0), { memberId: member });
    expect(ids((await list({ overdue: true })).nodes)).not.toContain(assignment);
  });
});

describe('the interval kept by the database', () => {
  const interval = async (assignment: number) =>
    (await api.sql<{ interval_days: number }>('select interval_days from assignment where id = $1', [assignment]))[0].interval_days;

  test('follows a policy set, changed and removed above the cell, and a committee moved in the tree', async () => {
    const district = await seed.committee({ kind: 'district' });
    const communeB = await seed.committee({ parentId: district });
    const cellB = await seed.cell(communeB);
    const assignment = await seed.assignment(await seed.member(cellB), await seed.household(cellB));
    expect(await interval(assignment)).toBe(30);
    await seed.policy(district, 21, 28);
    expect(await interval(assignment)).toBe(21);
    await seed.policy(communeB, 7, 28);
    expect(await interval(assignment)).toBe(7);
    await api.sql('update visit_policy set regular_interval_days = 10 where committee_id = $1', [communeB]);
    expect(await interval(assignment)).toBe(10);
    await api.sql('delete from visit_policy where committee_id = $1', [communeB]);
    expect(await interval(assignment)).toBe(21);
    // Moved to another district: that district's policy now holds.
    const otherDistrict = await seed.committee({ kind: 'district' });
    await seed.policy(otherDistrict, 5, 5);
    await api.sql('update committee set parent_id = $1 where id = $2', [otherDistrict, communeB]);
    expect(await interval(assignment)).toBe(5);
  });

  test('a non-regular assignment takes the non-regular interval', async () => {
    const member = await seed.member(cell, { livesInCommune: false });
    const assignment = await seed.assignment(member, await seed.household(cell), { mode: 'non_regular' });
    expect(await interval(assignment)).toBe(30);
  });
});
