import pg from 'pg';
import { expect, test } from 'vitest';
import { createTestDatabase } from './db.js';

test('the template database is migrated', async () => {
  const client = new pg.Client(await createTestDatabase());
  await client.connect();
  const { rows } = await client.query(`select count(*)::int as n from information_schema.tables where table_name = 'assignment'`);
  await client.end();
  expect(rows[0].n).toBe(1);
});
