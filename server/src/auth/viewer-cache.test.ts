import { afterAll, beforeAll, expect, test } from 'vitest';
import { startTestApi, type TestApi } from '../test/api.js';
import { buildScopeFixture } from '../test/scope-fixture.js';

let api: TestApi;
beforeAll(async () => { api = await startTestApi(); }, 60_000);
afterAll(async () => api?.close());

const VIEWER = '{ viewer { account { username } roles { role } } }';
const within = async (ms: number, check: () => Promise<boolean>) => {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return false;
};
let fixture: Awaited<ReturnType<typeof buildScopeFixture>> | undefined;
const world = async () => (fixture ??= await buildScopeFixture(api));

test('a viewer is read from the database once, then from memory: the next request runs no statement at all', async () => {
  const gql = await api.account([{ role: 'committee_staff', committeeId: api.rootId }]);
  const first = await gql(VIEWER);
  const second = await gql(VIEWER);
  expect(first.errors).toBeUndefined();
  expect(first.data!.viewer.roles).toEqual([{ role: 'COMMITTEE_STAFF' }]);
  expect(second.data).toEqual(first.data);
  // The first reads the viewer and takes a lease of the budget; the second needs neither.
  expect(first.extensions!.sqlStatements).toBe(2);
  expect(second.extensions!.sqlStatements).toBe(0);
});

test('a change made outside this process (SQL, another server) reaches the cached viewer through the triggers', async () => {
  const gql = await api.account([{ role: 'committee_staff', committeeId: api.rootId }]);
  const [{ id }] = await api.sql<{ id: number }>(`select a.id from account a order by a.id desc limit 1`);
  const before = await gql(VIEWER);
  expect(before.errors).toBeUndefined();
  expect(before.data!.viewer.roles).toHaveLength(1);
  await gql(VIEWER);
  await api.sql(`insert into role_binding (account_id, role, committee_id) values ($1, 'analyst', $2)`, [id, api.rootId]);
  expect(await within(2000, async () => (await gql(VIEWER)).data?.viewer.roles.length === 2)).toBe(true);
  await api.sql('update account set disabled_at = now() where id = $1', [id]);
  expect(await within(2000, async () => (await gql(VIEWER)).data?.viewer == null)).toBe(true);
});

test('signing out through this process is refused by the very next request with the same token', async () => {
  const gql = await api.account([{ role: 'committee_staff', committeeId: api.rootId }]);
  expect((await gql(VIEWER)).data!.viewer.account.username).toMatch(/^tester/);
  await gql(VIEWER);
  expect((await gql('mutation { logout }')).errors).toBeUndefined();
  expect((await gql(VIEWER)).data?.viewer ?? null).toBeNull();
});

test('a unit list finds its committee path in memory with the same visibility as the committee query, for every role and unit', async () => {
  const { as, committees } = await world();
  let compared = 0;
  for (const [role, gql] of Object.entries(as)) {
    for (const [name, id] of Object.entries(committees)) {
      const byQuery = await gql('query ($id: ID!) { committee(id: $id) { id } }', { id: String(id) });
      const list = await gql('query ($id: ID!) { assignments(committeeId: $id, first: 1) { totalCount } }', { id: String(id) });
      const code = list.errors?.[0]?.extensions?.code;
      // Refused before the unit is looked at (signed out): nothing to compare.
      if (code !== undefined && code !== 'NOT_FOUND') continue;
      compared++;
      expect(code !== 'NOT_FOUND', `${role} · ${name}`).toBe(!!byQuery.data?.committee);
    }
  }
  expect(compared).toBeGreaterThanOrEqual(5 * 8);
}, 60_000);

test('a committee moved outside this process is listed under its new path', async () => {
  const { as, committees } = await world();
  const count = async (id: number) => (await as.staffD('query ($id: ID!) { households(committeeId: $id, first: 1) { totalCount } }', { id: String(id) })).data?.households.totalCount as number;
  const before = await count(committees.C1);
  const c2 = await count(committees.C2);
  expect(before).toBeGreaterThan(0);
  await count(committees.C1);
  // C1 moves under C2 (its path and its cells' with it); a stale path would find nothing.
  await api.sql('update committee set parent_id = $1 where id = $2', [committees.C2, committees.C1]);
  expect(await within(2000, async () => (await count(committees.C1)) === before)).toBe(true);
  expect(await count(committees.C2)).toBe(c2 + before);
});
