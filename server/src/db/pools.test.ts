import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestDatabase } from '../test/db.js';
import { SqlPools, numbered } from './pools.js';
import { currentSqlCounter, withSqlCounter } from './sql-counter.js';

let pools: SqlPools;

beforeAll(async () => {
  pools = new SqlPools(await createTestDatabase());
});
afterAll(() => pools?.close());

describe('the request path\'s pools', () => {
  test('reader connections refuse to write, with no transaction of the request\'s own', async () => {
    const reader = pools.reader(5_000);
    await expect(reader.execute(`insert into committee (kind, name) values ('province', 'Tỉnh Ghi Thử')`)).rejects.toMatchObject({ code: '25006' });
    await expect(reader.execute(`select set_config('x.y', 'z', false); delete from committee`)).rejects.toThrow();
    expect(await reader.execute(`select current_setting('transaction_read_only') as ro`)).toEqual([{ ro: 'on' }]);
    expect(await reader.execute(`select count(*)::int as n from committee where name = 'Tỉnh Ghi Thử'`)).toEqual([{ n: 0 }]);
  });

  test('each reader carries its own statement_timeout: a longer statement is cancelled', async () => {
    await expect(pools.reader(50).execute('select pg_sleep(0.5)')).rejects.toMatchObject({ code: '57014' });
    expect(await pools.reader(2_000).execute('select 1 as slept from pg_sleep(0.1)')).toEqual([{ slept: 1 }]);
    expect(await pools.reader(50).execute(`select current_setting('statement_timeout') as t`)).toEqual([{ t: '50ms' }]);
  });

  test('session connections write, and statements are prepared once per shape with ? parameters', async () => {
    const sql = `insert into committee (kind, name) values ('province', ?) returning name, ? :: int as n, '?' as q`;
    for (let i = 0; i < 3; i++) {
      expect(await pools.session.execute(sql, [`Tỉnh ${i}`, i])).toEqual([{ name: `Tỉnh ${i}`, n: i, q: '?' }]);
    }
    const [{ n }] = await pools.session.execute<{ n: number }[]>(
      `select count(*)::int as n from pg_prepared_statements where statement like 'insert into committee%'`);
    // The count is per connection: at most one prepared copy of the shape on the connection that answers.
    expect(n).toBeLessThanOrEqual(1);
    expect(numbered(`select '?', "a?b", ? from t where x = ? and y like '%?%'`)).toBe(`select '?', "a?b", $1 from t where x = $2 and y like '%?%'`);
  });

  test('dates stay the strings PostgreSQL sends, as on MikroORM\'s connections, and each statement is counted', async () => {
    const counter = { statements: 0 };
    const rows = await withSqlCounter(counter, async () => {
      expect(currentSqlCounter()).toBe(counter);
      return pools.reader(5_000).execute(`select '2026-11-23'::date as d, '2026-11-23 08:00:00+00'::timestamptz as at, array['2026-01-01'::date] as ds`);
    });
    expect(rows).toEqual([{ d: '2026-11-23', at: '2026-11-23 08:00:00+00', ds: ['2026-01-01'] }]);
    expect(counter.statements).toBe(1);
  });
});
