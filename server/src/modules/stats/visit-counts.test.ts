import pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { connectOrm, type Orm } from '../../db/orm.js';
import { startServer, type AppServer } from '../../http/server.js';
import { createTestDatabase } from '../../test/db.js';
import { loadDemo } from '../../demo/load.js';
import { DEMO_PASSWORD, seedDemoAccounts } from '../../demo/accounts.js';
import { DEFAULT_LIMITS } from '../../graphql/limits.js';
import { countRanges, startOf } from './visit-counts.js';

/**
 * Visit statistics without topics or distinct households read the per cell-day counters
 * (visit_day_count): they must answer exactly what counting the visits answers, and the counters
 * must stay equal to the visits under concurrent writes.
 */
let url: string;
let orm: Orm;
let server: AppServer;
let db: pg.Pool;

beforeAll(async () => {
  url = await createTestDatabase();
  await loadDemo(url, { scale: 'demo', seed: 11, referenceDate: '2026-10-31' });
  await seedDemoAccounts(url);
  orm = await connectOrm(url);
  // Many statistics in a minute: the analyst's budget is lifted, every other limit stays.
  const limits = { ...DEFAULT_LIMITS, analyst: { ...DEFAULT_LIMITS.analyst, budgetPerMinute: 1e9 } };
  server = await startServer({ orm, port: 0, host: '127.0.0.1', exposeSqlCount: true, limits });
  db = new pg.Pool({ connectionString: url, max: 12 });
}, 120_000);
afterAll(async () => {
  await server?.close();
  await orm?.close();
  await db?.end();
});

async function analyst() {
  const post = async (body: object, token?: string) => (await fetch(`${server.url}/graphql`, {
    method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(body),
  })).json() as Promise<{ data?: any; errors?: unknown[] }>;
  const token = (await post({ query: `mutation { login(input: { username: "phantich.nghean", password: "${DEMO_PASSWORD}" }) { accessToken } }` })).data.login.accessToken;
  return async (query: string, variables: Record<string, unknown>) => {
    const res = await post({ query, variables }, token);
    expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
    return res.data;
  };
}

/** The counters that differ from counting the visits now, at every grain (none when they agree). */
async function drift(): Promise<unknown[]> {
  const { rows } = await db.query(`
    with counted as (select g.grain, v.cell_id, g.starts_on, v.kind, count(*)::int as visits, (count(*) filter (where v.hot_spot))::int as hot_spots
                       from visit v cross join lateral (values ('day', v.visited_on), ('week', date_trunc('week', v.visited_on)::date),
                                                               ('month', date_trunc('month', v.visited_on)::date)) g(grain, starts_on)
                      group by 1, 2, 3, 4),
         kept as (select grain, cell_id, starts_on, kind, visits, hot_spots from visit_count where visits > 0 or hot_spots > 0)
    (select 'counted' as side, * from counted except select 'counted', * from kept)
    union all
    (select 'kept', * from kept except select 'kept', * from counted)`);
  return rows;
}

const province = async () => (await db.query(`select id from committee where name = 'Tỉnh Nghệ An' and parent_id is null`)).rows[0].id as number;

describe('the ranges the counters answer', () => {
  const days = (from: string, to: string) => {
    const out: string[] = [];
    for (let d = new Date(`${from}T00:00:00Z`); d <= new Date(`${to}T00:00:00Z`); d = new Date(d.getTime() + 86_400_000)) out.push(d.toISOString().slice(0, 10));
    return out;
  };
  test('whole weeks or months and the edge days cover a range exactly once', () => {
    const all = days('2025-12-20', '2026-03-15');
    for (const grain of ['week', 'month'] as const) {
      for (let i = 0; i < all.length; i += 3) {
        for (let j = i; j < all.length; j += 5) {
          const [from, to] = [all[i], all[j]];
          const { whole, days: edges } = countRanges(grain, from, to);
          // Days in whole periods, plus edge days: each day of the range exactly once.
          const inWhole = (day: string) => whole !== null && (whole[0] === null || startOf(grain, day) >= whole[0]) && (whole[1] === null || startOf(grain, day) <= whole[1]);
          const covered = [...days(from, to).filter(inWhole), ...edges.flatMap(([a, b]) => days(a, b))];
          // Whole periods lie inside the range: the first starts on or after `from`, the last ends by `to`.
          if (whole) {
            expect(whole[0]! >= from).toBe(true);
            const after = days(to, '2026-12-31')[1];
            expect(startOf(grain, after) > whole[1]!, `${grain} ${from}..${to}`).toBe(true);
          }
          expect(covered.sort(), `${grain} ${from}..${to}`).toEqual(days(from, to));
        }
      }
    }
    expect(countRanges('week', null, null)).toEqual({ whole: [null, null], days: [] });
    expect(countRanges('month', null, '2026-02-10')).toEqual({ whole: [null, '2026-01-01'], days: [['2026-02-01', '2026-02-10']] });
    expect(countRanges('week', '2026-11-25', null)).toEqual({ whole: ['2026-11-30', null], days: [['2026-11-25', '2026-11-29']] });
  });
});

describe('visit statistics from the counters', () => {
  test('answer what counting the visits answers, for every grouping and filter they serve', async () => {
    const gql = await analyst();
    const unit = String(await province());
    const groupings = [['WEEK'], ['MONTH'], ['UNIT'], ['CELL'], ['KIND'], ['UNIT', 'MONTH', 'KIND'], ['CELL', 'WEEK']];
    const filters = [
      {}, { from: '2026-03-01' }, { from: '2026-01-15', to: '2026-06-20' }, { to: '2026-05-31' }, { from: '2026-04-06', to: '2026-04-19' },
      { from: '2026-04-08', to: '2026-04-10' }, { from: '2026-02-27', to: '2026-03-02' }, { kinds: ['HOME_VISIT'] },
      { kinds: ['DELEGATION', 'GROUP_ACTIVITY'], from: '2026-02-01', to: '2026-09-13' },
    ];
    let compared = 0;
    for (const groupBy of groupings) {
      for (const filter of filters) {
        const variables = { c: unit, groupBy, ...filter };
        const args = `committeeId: $c, groupBy: $groupBy, from: $from, to: $to, kinds: $kinds, first: 500`;
        const head = `query ($c: ID!, $groupBy: [VisitGroupBy!]!, $from: LocalDate, $to: LocalDate, $kinds: [VisitKind!])`;
        // Without `households` the counters answer; asking for it makes the statement count the visits.
        const fast = await gql(`${head} { visitStats(${args}) { totalCount nodes { unit { name } cellId period kind visits hotSpots } } }`, variables);
        const raw = await gql(`${head} { visitStats(${args}) { totalCount nodes { unit { name } cellId period kind visits hotSpots households } } }`, variables);
        expect(fast.visitStats, JSON.stringify(variables)).toEqual({
          totalCount: raw.visitStats.totalCount,
          nodes: raw.visitStats.nodes.map(({ households: _h, ...node }: { households: number }) => node),
        });
        compared += raw.visitStats.totalCount;
      }
    }
    expect(compared).toBeGreaterThan(100);
  });

  test('stay equal to the visits after concurrent inserts, moves and deletes', async () => {
    const { rows: homes } = await db.query<{ id: number; cell_id: number }>(
      `select h.id, h.cell_id from household h order by h.id limit 6`);
    const day = '2026-10-20';
    // 12 writers at once on the same few cell-days (first visits of a day included): each records
    // visits one per transaction, as recordVisit does, then inserts several in one statement; one
    // in four rolls its last transaction back.
    let committed = 0;
    await Promise.all(Array.from({ length: 12 }, async (_, i) => {
      for (let k = 0; k < 3; k++) {
        const home = homes[(i + k) % homes.length];
        await db.query(`insert into visit (kind, cell_id, household_id, visited_on, hot_spot) values ('home_visit', $1, $2, $3, $4)`,
          [home.cell_id, home.id, day, (i + k) % 4 === 0]);
        committed++;
      }
      const client = await db.connect();
      try {
        await client.query('begin');
        await client.query(`insert into visit (kind, cell_id, household_id, visited_on) select 'home_visit', cell_id, id, $1::date - $2::int from household where id = any($3::int[])`,
          [day, i % 3, (i % 2 ? homes : [...homes].reverse()).map((h) => h.id)]);
        await client.query(i % 4 === 3 ? 'rollback' : 'commit');
        if (i % 4 !== 3) committed++;
      } finally {
        client.release();
      }
    }));
    expect(committed).toBe(12 * 3 + 9);
    expect(await drift()).toEqual([]);

    // Visits moved to another day, kind changed, then some deleted, concurrently.
    const { rows: recent } = await db.query<{ id: number }>(`select id from visit where visited_on = $1 order by id`, [day]);
    await Promise.all([
      db.query(`update visit set visited_on = visited_on - 1 where id = any($1::int[])`, [recent.filter((_, i) => i % 3 === 0).map((r) => r.id)]),
      db.query(`update visit set hot_spot = not hot_spot where id = any($1::int[])`, [recent.filter((_, i) => i % 3 === 1).map((r) => r.id)]),
      db.query(`delete from visit_participant where visit_id = any($1::int[])`, [recent.filter((_, i) => i % 3 === 2).map((r) => r.id)])
        .then(() => db.query(`delete from feedback where visit_id = any($1::int[])`, [recent.filter((_, i) => i % 3 === 2).map((r) => r.id)]))
        .then(() => db.query(`delete from visit where id = any($1::int[])`, [recent.filter((_, i) => i % 3 === 2).map((r) => r.id)])),
    ]);
    expect(await drift()).toEqual([]);
  });

  test('a visit recorded through the API counts at once', async () => {
    const gql = await analyst();
    const { rows: [home] } = await db.query<{ id: number; cell_id: number }>(`select id, cell_id from household order by id desc limit 1`);
    const query = `query ($c: ID!) { visitStats(cellId: $c, groupBy: [KIND], from: "2026-10-31", to: "2026-10-31") { nodes { kind visits } } }`;
    const before = (await gql(query, { c: String(home.cell_id) })).visitStats.nodes;
    await db.query(`insert into visit (kind, cell_id, household_id, visited_on) values ('home_visit', $1, $2, '2026-10-31')`, [home.cell_id, home.id]);
    const after = (await gql(query, { c: String(home.cell_id) })).visitStats.nodes;
    const homeVisits = (nodes: { kind: string; visits: number }[]) => nodes.find((n) => n.kind === 'HOME_VISIT')?.visits ?? 0;
    expect(homeVisits(after)).toBe(homeVisits(before) + 1);
  });
});
