import { afterAll, beforeAll, expect, test } from 'vitest';
import { startTestApi, type TestApi } from '../test/api.js';
import { builders, isoDaysAgo } from '../test/builders.js';

/**
 * Lists filtered to a committee's subtree drop their per-row visibility predicate when the viewer
 * reads that subtree whole (Scope.visibleWithin); when it reads only part of it, the predicate
 * stays. Either way a list returns exactly the rows of the unit the viewer may see.
 */
let api: TestApi;
let district: number;
let communes: number[];
const cells: number[] = [];

beforeAll(async () => {
  api = await startTestApi();
  const seed = builders(api.sql, api.rootId);
  district = await seed.committee({ kind: 'district' });
  communes = [await seed.committee({ parentId: district }), await seed.committee({ parentId: district })];
  for (const commune of communes) {
    for (let c = 0; c < 2; c++) {
      const cell = await seed.cell(commune);
      cells.push(cell);
      for (let m = 0; m < 3; m++) {
        const member = await seed.member(cell);
        const household = await seed.household(cell);
        await seed.assignment(member, household);
        await seed.visit(cell, household, isoDaysAgo(m + 2), { memberId: member });
      }
    }
  }
});
afterAll(() => api.close());

const LISTS = {
  assignments: `query ($c: ID!) { assignments(committeeId: $c, first: 100) { totalCount nodes { id household { cell { id } } } } }`,
  members: `query ($c: ID!) { members(committeeId: $c, first: 100) { totalCount nodes { id cell { id } } } }`,
  households: `query ($c: ID!) { households(committeeId: $c, first: 100) { totalCount nodes { id cell { id } } } }`,
  visits: `query ($c: ID!) { visits(committeeId: $c, first: 100) { totalCount nodes { id cell { id } } } }`,
};

const cellsOf = (res: any, field: keyof typeof LISTS) =>
  res.data[field].nodes.map((n: any) => Number(field === 'assignments' ? n.household.cell.id : n.cell.id)).sort();

test('a list of a unit read whole, or read in part, returns the rows the viewer may see, and counts them', async () => {
  const whole = await api.account([{ role: 'committee_staff', committeeId: district }]);
  const part = await api.account([{ role: 'committee_staff', committeeId: communes[0] }]);
  const secretary = await api.account([{ role: 'cell_secretary', cellId: cells[2] }]);
  for (const field of Object.keys(LISTS) as (keyof typeof LISTS)[]) {
    const all = await whole(LISTS[field], { c: String(district) });
    expect(all.errors, JSON.stringify(all.errors)).toBeUndefined();
    expect(cellsOf(all, field)).toEqual([...cells, ...cells, ...cells].sort());
    expect(all.data![field].totalCount).toBe(12);

    const first = await part(LISTS[field], { c: String(district) });
    expect(cellsOf(first, field), field).toEqual([cells[0], cells[0], cells[0], cells[1], cells[1], cells[1]].sort());
    expect(first.data![field].totalCount).toBe(6);

    const own = await secretary(LISTS[field], { c: String(communes[1]) });
    expect(cellsOf(own, field), field).toEqual([cells[2], cells[2], cells[2]]);
    expect(own.data![field].totalCount).toBe(3);
  }
});
