import pg from 'pg';

/** Creates `name` on the cluster if it does not exist yet (the embedded cluster starts with `postgres` only). */
export async function ensureDatabase(adminUrl: string, name: string): Promise<void> {
  const client = new pg.Client(adminUrl);
  await client.connect();
  try {
    const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (!rowCount) await client.query(`create database ${pg.escapeIdentifier(name)}`);
  } finally {
    await client.end();
  }
}

/** Advisory lock key of start-up work (migrations, first demo load, first admin): one process at a time. */
export const STARTUP_LOCK = 727_001;

/**
 * Runs `fn` while holding a session-level advisory lock on its own connection, so processes
 * started together on one empty database migrate and seed one after the other, never both.
 */
export async function withStartupLock<T>(url: string, fn: () => Promise<T>): Promise<T> {
  const client = new pg.Client(url);
  await client.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [STARTUP_LOCK]);
    return await fn();
  } finally {
    await client.query('select pg_advisory_unlock($1)', [STARTUP_LOCK]).catch(() => undefined);
    await client.end();
  }
}
