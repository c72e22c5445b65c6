import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { serverAudits } from 'graphql-http';
import { connectOrm, type Orm } from '../db/orm.js';
import { startServer, type AppServer } from '../http/server.js';
import { createTestDatabase } from '../test/db.js';
import { loadDemo } from '../demo/load.js';
import { DEMO_PASSWORD, seedDemoAccounts } from '../demo/accounts.js';
import { DEFAULT_LIMITS, type Limits } from './limits.js';

/**
 * Analysts' protections against the real server on the demo data: cost, depth, page size,
 * statement timeout, budget per minute, saved queries and the saved-queries-only mode, and
 * aggregates that obey the row scope.
 */
let orm: Orm;
const servers: AppServer[] = [];
let databaseUrl: string;

beforeAll(async () => {
  databaseUrl = await createTestDatabase();
  await loadDemo(databaseUrl, { scale: 'demo', seed: 3 });
  await seedDemoAccounts(databaseUrl);
  orm = await connectOrm(databaseUrl);
}, 120_000);
afterAll(async () => {
  for (const server of servers) await server.close();
  await orm.close();
});

async function serverWith(overrides: Partial<Record<keyof typeof DEFAULT_LIMITS, Partial<Limits>>> = {}) {
  const limits = Object.fromEntries(Object.entries(DEFAULT_LIMITS).map(([role, l]) => [role, { ...l, ...overrides[role as keyof typeof DEFAULT_LIMITS] }])) as typeof DEFAULT_LIMITS;
  const server = await startServer({ orm, port: 0, host: '127.0.0.1', exposeSqlCount: true, limits });
  servers.push(server);
  const post = async (token: string | null, body: Record<string, unknown>) => {
    const res = await fetch(`${server.url}/graphql`, {
      method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as { data?: any; errors?: { extensions: Record<string, any> }[]; extensions?: Record<string, any> } };
  };
  const login = async (username: string) => (await post(null, { query: `mutation { login(input: { username: "${username}", password: "${DEMO_PASSWORD}" }) { accessToken } }` })).body.data.login.accessToken as string;
  const as = async (username: string) => {
    const token = await login(username);
    return (query: string, variables?: Record<string, unknown>) => post(token, { query, variables });
  };
  return { server, post, as };
}

const sql = async <T>(text: string, params: unknown[] = []) => orm.em.fork().getConnection().execute(text, params) as Promise<T[]>;
const committeeId = async (name: string) => String((await sql<{ id: number }>('select id from committee where name = ?', [name]))[0].id);

const EXPENSIVE = `{ members(first: 100) { nodes { assignments { household { visits(first: 100) { nodes { id participants { id } } } } } } } }`;

describe('limits per role', () => {
  test('a query over its cost is refused before it runs, with its cost, and costs the database nothing', async () => {
    const analyst = await (await serverWith()).as('phantich.nghean');
    const { status, body } = await analyst(EXPENSIVE);
    expect(status).toBe(400);
    expect(body.errors![0].extensions).toMatchObject({ code: 'QUERY_TOO_COSTLY', maximum: 10_000 });
    expect(body.errors![0].extensions.cost).toBeGreaterThan(10_000);
    // One statement: reading the viewer's session, before the operation is known.
    expect(body.extensions!.sqlStatements).toBe(1);
  });

  test('too deep, and pages larger than the role allows, are refused with their limits', async () => {
    const { as } = await serverWith();
    const secretary = await as('bithu.xopmat');
    const staff = await as('huyen.tuongduong');
    const deep = `{ visits(first: 1) { nodes { household { activeAssignment { member { cell { committee { parent { parent { children { children { name } } } } } } } } } } } }`;
    expect((await secretary(deep)).body.errors![0].extensions).toMatchObject({ code: 'QUERY_TOO_DEEP', maximum: 10 });
    expect((await secretary('{ households(first: 150) { nodes { id } } }')).body.errors![0].extensions).toMatchObject({ code: 'PAGE_SIZE_TOO_LARGE', field: 'first', maximum: 100 });
    const ok = await staff('{ households(first: 150) { nodes { id } } }');
    expect(ok.body.errors, JSON.stringify(ok.body.errors)).toBeUndefined();
    expect(ok.body.extensions!.cost).toMatchObject({ requested: 151, maximum: 20_000, budget: { limit: 200_000 } });
  });

  test('a statement past the role\'s timeout is cancelled with QUERY_TIMEOUT', async () => {
    const analyst = await (await serverWith({ analyst: { statementTimeoutMs: 1 } })).as('phantich.nghean');
    const res = await analyst(`query ($c: ID!) { visitStats(committeeId: $c, groupBy: [UNIT, WEEK, TOPIC], first: 10) { totalCount } }`, { c: await committeeId('Tỉnh Nghệ An') });
    expect(res.body.errors![0].extensions.code).toBe('QUERY_TIMEOUT');
  });

  test('each account has a budget of cost points per minute; the response says what is left', async () => {
    const analyst = await (await serverWith({ analyst: { budgetPerMinute: 250 } })).as('phantich.nghean');
    // Budgets live in the database, shared by every process: start this minute afresh.
    await sql('delete from query_budget');
    const QUERY = '{ households(first: 50) { nodes { id size } } }';
    const first = await analyst(QUERY);
    expect(first.body.extensions!.cost).toMatchObject({ requested: 101, budget: { limit: 250, remaining: 149 } });
    expect((await analyst(QUERY)).body.extensions!.cost.budget.remaining).toBe(48);
    const refused = await analyst(QUERY);
    expect(refused.status).toBe(429);
    expect(refused.body.errors![0].extensions).toMatchObject({ code: 'RATE_LIMITED', cost: 101, limit: 250 });
    expect(refused.body.errors![0].extensions.retryAfterSeconds).toBeGreaterThan(0);
    expect(refused.body.errors![0].extensions.retryAfterSeconds).toBeLessThanOrEqual(60);
  });

  test('a process takes its budget from the database a share at a time: parallel requests wait for one lease, the last points are exact', async () => {
    const analyst = await (await serverWith({ analyst: { budgetPerMinute: 10_000 } })).as('phantich.nghean');
    // Within one minute: wait past a boundary that is close.
    const second = new Date().getSeconds();
    if (second > 45) await new Promise((resolve) => setTimeout(resolve, (61 - second) * 1000));
    await sql('delete from query_budget');
    const QUERY = '{ households(first: 50) { nodes { id size } } }';
    const parallel = await Promise.all(Array.from({ length: 5 }, () => analyst(QUERY)));
    expect(parallel.map((r) => r.body.extensions!.cost.budget.remaining).sort((a, b) => b - a)).toEqual([9899, 9798, 9697, 9596, 9495]);
    // Two leases of a 20th of the budget (the second topped up to it), not five.
    const [{ spent }] = await sql<{ spent: number }>('select spent::int as spent from query_budget');
    expect(spent).toBe(904);
    // The database refuses what would pass the budget; the process then takes exactly what it needs.
    let served = 5;
    for (;;) {
      const res = await analyst(QUERY);
      if (res.status === 429) break;
      served++;
    }
    expect(served).toBe(Math.floor(10_000 / 101));
    expect((await sql<{ spent: number }>('select spent::int as spent from query_budget'))[0].spent).toBeLessThanOrEqual(10_000);
  }, 60_000);
});

describe('saved queries', () => {
  const SAVE = `mutation ($n: String!, $d: String!, $c: ID, $v: JSONObject) { saveQuery(input: { name: $n, document: $d, sharedWithCommitteeId: $c, variables: $v }) { id mine } }`;
  const MONTHLY = `query ($c: ID!, $from: LocalDate) { visitStats(committeeId: $c, from: $from, groupBy: [UNIT, MONTH, TOPIC], first: 200) { totalCount nodes { unit { name } period topic visits } } }`;

  test('are shared with a unit, run by id by whoever belongs to it, and by no one else', async () => {
    const { as, post, server } = await serverWith();
    const analyst = await as('phantich.nghean');
    const province = await committeeId('Tỉnh Nghệ An');
    const saved = await analyst(SAVE, { n: 'Lượt thăm theo tháng, chủ đề, xã', d: MONTHLY, c: province, v: { c: await committeeId('Huyện Tương Dương'), from: '2025-11-01' } });
    expect(saved.body.data.saveQuery.mine).toBe(true);
    const id = saved.body.data.saveQuery.id;

    const staffToken = (await post(null, { query: `mutation { login(input: { username: "huyen.tuongduong", password: "${DEMO_PASSWORD}" }) { accessToken } }` })).body.data.login.accessToken;
    const listed = await post(staffToken, { query: '{ savedQueries { nodes { id name mine owner { username } sharedWith { name } } } }' });
    expect(listed.body.data.savedQueries.nodes).toContainEqual({ id, name: 'Lượt thăm theo tháng, chủ đề, xã', mine: false, owner: { username: 'phantich.nghean' }, sharedWith: { name: 'Tỉnh Nghệ An' } });
    const run = await post(staffToken, { extensions: { savedQueryId: id } });
    expect(run.body.errors, JSON.stringify(run.body.errors)).toBeUndefined();
    expect(run.body.data.visitStats.totalCount).toBeGreaterThan(0);

    // Someone of another tree neither sees nor runs it.
    const em = orm.em.fork();
    const [{ id: other }] = await em.execute(`insert into committee (kind, name) values ('province', 'Tỉnh Khác') returning id`);
    const [{ id: account }] = await em.execute(`insert into account (username, display_name, password_hash) select 'tinh.khac', 'Tỉnh khác', password_hash from account where username = 'admin' returning id`);
    await em.execute(`insert into role_binding (account_id, role, committee_id) values (?, 'analyst', ?)`, [account, other]);
    const outsider = (await post(null, { query: `mutation { login(input: { username: "tinh.khac", password: "${DEMO_PASSWORD}" }) { accessToken } }` })).body.data.login.accessToken;
    expect((await post(outsider, { query: '{ savedQueries { nodes { id } } }' })).body.data.savedQueries.nodes).toEqual([]);
    const refused = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${outsider}` }, body: JSON.stringify({ extensions: { savedQueryId: id } }) });
    expect(refused.status).toBe(404);
  });

  test('a document that does not validate is refused on its field', async () => {
    const analyst = await (await serverWith()).as('phantich.nghean');
    const res = await analyst(SAVE, { n: 'Hỏng', d: '{ visits { nope } }' });
    expect(res.body.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'document' });
  });

  test('in saved-queries-only mode a role runs saved queries and nothing else', async () => {
    const { as, post } = await serverWith({ analyst: { savedQueriesOnly: true } });
    const staff = await as('huyen.tuongduong');
    const saved = await staff(SAVE, { n: 'Được phép', d: MONTHLY, c: await committeeId('Tỉnh Nghệ An'), v: { c: await committeeId('Huyện Tương Dương') } });
    const analystToken = (await post(null, { query: `mutation { login(input: { username: "phantich.nghean", password: "${DEMO_PASSWORD}" }) { accessToken } }` })).body.data.login.accessToken;
    const free = await post(analystToken, { query: '{ households(first: 5) { nodes { id } } }' });
    expect(free.status).toBe(403);
    expect(free.body.errors![0].extensions.code).toBe('SAVED_QUERIES_ONLY');
    const list = await post(analystToken, { query: '{ viewer { account { username } } savedQueries { nodes { id name } } }' });
    expect(list.body.data.savedQueries.nodes).toContainEqual({ id: saved.body.data.saveQuery.id, name: 'Được phép' });
    const allowed = await post(analystToken, { extensions: { savedQueryId: saved.body.data.saveQuery.id } });
    expect(allowed.body.errors, JSON.stringify(allowed.body.errors)).toBeUndefined();
    expect(allowed.body.data.visitStats.totalCount).toBeGreaterThan(0);
  });
});

describe('aggregates obey the row scope and the field policy', () => {
  test('counts equal the rows of the unit, units read only in part are refused, and no personal value appears', async () => {
    const { as } = await serverWith();
    const analyst = await as('phantich.nghean');
    const secretary = await as('bithu.xopmat');
    const district = await committeeId('Huyện Tương Dương');
    const res = await analyst(`query ($c: ID!) { visitStats(committeeId: $c, groupBy: [UNIT], first: 100) { nodes { unit { name } visits households hotSpots } } }`, { c: district });
    const expected = await sql<{ name: string; visits: number }>(
      `select k.name, count(*)::int as visits from visit v join cell c on c.id = v.cell_id join committee k on k.id = c.committee_id
        where k.parent_id = ? group by k.name order by k.name`, [district]);
    const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, 'vi');
    expect(res.body.data.visitStats.nodes.map((n: any) => ({ name: n.unit.name, visits: n.visits })).sort(byName)).toEqual(expected.sort(byName));
    expect(JSON.stringify(res.body.data)).not.toMatch(/\d{4} \d{3} \d{3}/);

    expect((await secretary(`query ($c: ID!) { visitStats(committeeId: $c, groupBy: [MONTH]) { totalCount } }`, { c: district })).body.errors![0].extensions.code).toBe('FORBIDDEN');
    const [{ id: cell }] = await sql<{ id: number }>(`select id from cell where name = 'Chi bộ bản Xốp Mạt'`);
    const own = await secretary(`query ($c: ID!) { visitStats(cellId: $c, groupBy: [KIND]) { nodes { kind visits } } feedbackStats(cellId: $c, groupBy: [STATUS]) { nodes { status count } } }`, { c: cell });
    const [{ n }] = await sql<{ n: number }>('select count(*)::int as n from visit where cell_id = ?', [cell]);
    expect(own.body.data.visitStats.nodes.reduce((sum: number, r: any) => sum + r.visits, 0)).toBe(n);
    const [{ f }] = await sql<{ f: number }>('select count(*)::int as f from feedback where cell_id = ?', [cell]);
    expect(own.body.data.feedbackStats.nodes.reduce((sum: number, r: any) => sum + r.count, 0)).toBe(f);
  });
});

test('GraphQL-over-HTTP conformance: the graphql-http server audits pass without error', async () => {
  const { server } = await serverWith();
  const results = await Promise.all(serverAudits({ url: `${server.url}/graphql` }).map(async (audit) => ({ audit, result: await audit.fn() })));
  const errors = results.filter((r) => r.result.status === 'error').map((r) => `${r.audit.name}: ${(r.result as { reason?: string }).reason}`);
  expect(errors).toEqual([]);
  expect(results.filter((r) => r.result.status === 'ok').length).toBeGreaterThan(40);
});
