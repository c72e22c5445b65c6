import { afterAll, beforeAll, expect, test } from 'vitest';
import { startTestApi, type TestApi } from '../test/api.js';
import { builders } from '../test/builders.js';

let api: TestApi;
let commune: number;
let cell: number;
const memberIds: number[] = [];

beforeAll(async () => {
  api = await startTestApi();
  const seed = builders(api.sql, api.rootId);
  commune = await seed.committee({ parentId: await seed.committee() });
  cell = await seed.cell(commune);
  const other = await seed.cell(commune);
  for (let i = 0; i < 23; i++) memberIds.push(await seed.member(i % 2 ? cell : other));
});
afterAll(() => api.close());

const PAGE = `query ($committeeId: ID!, $after: String) {
  members(committeeId: $committeeId, first: 5, after: $after) {
    totalCount nodes { id } pageInfo { hasNextPage hasPreviousPage endCursor }
  }
}`;

test('walking a connection with cursors returns every row once, in order', async () => {
  const seen: string[] = [];
  let after: string | null = null;
  let pages = 0;
  for (;;) {
    const res: any = await api.gql(PAGE, { committeeId: commune, after });
    const page = res.data.members;
    expect(page.totalCount).toBe(23);
    expect(page.pageInfo.hasPreviousPage).toBe(after !== null);
    seen.push(...page.nodes.map((n: { id: string }) => n.id));
    pages++;
    if (!page.pageInfo.hasNextPage) break;
    after = page.pageInfo.endCursor;
  }
  expect(pages).toBe(5);
  expect(seen).toEqual(memberIds.map(String));
});

test('nested connections paginate per parent', async () => {
  const res = await api.gql(`query ($id: ID!) { cell(id: $id) { members(first: 4) { totalCount nodes { id } pageInfo { hasNextPage endCursor } } } }`, { id: cell });
  const page = res.data!.cell.members;
  expect(page.totalCount).toBe(11);
  expect(page.nodes).toHaveLength(4);
  const next = await api.gql(`query ($id: ID!, $after: String) { cell(id: $id) { members(first: 50, after: $after) { nodes { id } pageInfo { hasNextPage } } } }`, { id: cell, after: page.pageInfo.endCursor });
  expect(next.data!.cell.members.nodes).toHaveLength(7);
  expect(next.data!.cell.members.pageInfo.hasNextPage).toBe(false);
});

test('a page larger than the maximum, or a forged cursor, is refused on its argument', async () => {
  const big = await api.gql(`query ($c: ID!) { members(committeeId: $c, first: 1000) { nodes { id } } }`, { c: commune });
  expect(big.errors![0].extensions).toMatchObject({ code: 'PAGE_SIZE_TOO_LARGE', field: 'first', maximum: 200 });
  const forged = await api.gql(`query ($c: ID!) { members(committeeId: $c, after: "bm9wZQ") { nodes { id } } }`, { c: commune });
  expect(forged.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
});

test('an unknown committee is NOT_FOUND, not an empty list', async () => {
  const res = await api.gql(`{ members(committeeId: "99999") { nodes { id } } }`);
  expect(res.errors![0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'committeeId' });
});

test('an ordered list pages by keyset on (value, id): every row once, in order, with ties and nulls', async () => {
  const seed = builders(api.sql, api.rootId);
  const cellWithVisits = await seed.cell(commune);
  const ids: number[] = [];
  for (let i = 0; i < 13; i++) {
    const household = await seed.household(cellWithVisits);
    ids.push(household);
    if (i % 3 !== 0) await seed.visit(cellWithVisits, household, `2026-0${1 + (i % 4)}-1${i % 2}`);
  }
  const PAGE = `query ($c: ID!, $after: String) { households(cellId: $c, first: 4, after: $after, orderBy: LAST_VISIT_ON_ASC) { nodes { id lastVisitOn } pageInfo { hasNextPage endCursor } } }`;
  const seen: { id: string; lastVisitOn: string | null }[] = [];
  let after: string | null = null;
  for (;;) {
    const res: any = await api.gql(PAGE, { c: cellWithVisits, after });
    seen.push(...res.data.households.nodes);
    if (!res.data.households.pageInfo.hasNextPage) break;
    after = res.data.households.pageInfo.endCursor;
  }
  expect(seen.map((s) => Number(s.id)).sort((a, b) => a - b)).toEqual(ids);
  const keys = seen.map((s) => s.lastVisitOn ?? '0001-01-01');
  expect(keys).toEqual([...keys].sort());
  expect(seen.slice(0, 5).every((s) => s.lastVisitOn === null)).toBe(true);
  const idCursor = (await api.gql(`query ($c: ID!) { households(cellId: $c, first: 1) { pageInfo { endCursor } } }`, { c: cellWithVisits })).data!.households.pageInfo.endCursor;
  const mixed = await api.gql(PAGE, { c: cellWithVisits, after: idCursor });
  expect(mixed.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
});

test('households priority first, paged, and the priority filter', async () => {
  const seed = builders(api.sql, api.rootId);
  const mixedCell = await seed.cell(commune);
  const priority: number[] = [];
  const others: number[] = [];
  for (let i = 0; i < 9; i++) {
    const flagged = i % 3 === 1;
    const id = await seed.household(mixedCell, { flags: flagged ? ['retired_cadre'] : [] });
    (flagged ? priority : others).push(id);
  }
  const poor = others.pop()!;
  await api.sql(`update household set poverty_status = 'poor' where id = $1`, [poor]);
  priority.push(poor);
  const PAGE = `query ($c: ID!, $after: String, $p: Boolean) { households(cellId: $c, first: 2, after: $after, priority: $p, orderBy: PRIORITY_FIRST) { totalCount nodes { id isPriority } pageInfo { hasNextPage endCursor } } }`;
  const walk = async (p?: boolean) => {
    const seen: { id: string; isPriority: boolean }[] = [];
    let after: string | null = null;
    for (;;) {
      const res: any = await api.gql(PAGE, { c: mixedCell, after, p });
      seen.push(...res.data.households.nodes);
      if (!res.data.households.pageInfo.hasNextPage) return seen;
      after = res.data.households.pageInfo.endCursor;
    }
  };
  const all = await walk();
  expect(all.map((h) => Number(h.id))).toEqual([...priority.sort((a, b) => a - b), ...others]);
  expect((await walk(true)).map((h) => Number(h.id))).toEqual(priority);
  expect((await walk(false)).every((h) => !h.isPriority)).toBe(true);
});
