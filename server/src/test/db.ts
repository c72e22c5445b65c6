import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';

export const TEMPLATE_DATABASE = 'gb_template';

/** A fresh, migrated database for one test file, cloned from the template; returns its URL. `empty`: not even migrated. */
export async function createTestDatabase({ empty = false } = {}): Promise<string> {
  const adminUrl = inject('pgAdminUrl');
  const name = `gb_test_${randomBytes(6).toString('hex')}`;
  const client = new pg.Client(adminUrl);
  await client.connect();
  try {
    if (empty) {
      await client.query(`create database ${name}`);
      return adminUrl.replace(/\/[^/]*$/, `/${name}`);
    }
    for (let attempt = 0; ; attempt++) {
      try {
        await client.query(`create database ${name} template ${TEMPLATE_DATABASE}`);
        break;
      } catch (error) {
        // Two files cloning the template at the same instant: wait and retry.
        if (attempt > 20 || !String(error).includes('being accessed by other users')) throw error;
        await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
      }
    }
  } finally {
    await client.end();
  }
  return adminUrl.replace(/\/[^/]*$/, `/${name}`);
}
