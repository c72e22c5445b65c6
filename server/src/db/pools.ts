import { createHash } from 'node:crypto';
import pg from 'pg';
import type { EntityManager } from '@mikro-orm/postgresql';
import { countStatement } from './sql-counter.js';

/**
 * How PostgreSQL plans a prepared statement: `custom` (for its parameters each time: lists and
 * aggregates, whose best plan depends on the unit, the dates, the filters; PostgreSQL's own choice
 * switched them to generic plans up to 4x slower) or `generic` (once per connection: lookups by
 * key, whose best plan does not depend on the keys).
 */
export interface ExecuteOptions {
  plan?: 'custom' | 'generic';
}

/** What runs a statement with `?` placeholders and returns its rows: a pool here, or MikroORM's EntityManager. */
export interface SqlRunner {
  execute<T = Record<string, unknown>[]>(sql: string, params?: readonly unknown[], options?: ExecuteOptions): Promise<T>;
}

/** Lookups by key: planned once per connection (see ExecuteOptions). */
export const BY_KEY: ExecuteOptions = { plan: 'generic' };

/** MikroORM's EntityManager as a SqlRunner: statements through its pool (and its transaction, if any). */
export const emRunner = (em: EntityManager): SqlRunner => ({
  execute: <T>(sql: string, params: readonly unknown[] = []) => em.execute(sql, [...params]) as Promise<T>,
});

/** `?` placeholders (MikroORM's style, used across the code) to `$1`, `$2`…, leaving quoted text and identifiers alone. */
export function numbered(sql: string): string {
  let out = '';
  let n = 0;
  let quote: string | null = null;
  for (const ch of sql) {
    if (quote) {
      if (ch === quote) quote = null;
      out += ch;
    } else if (ch === "'" || ch === '"') {
      quote = ch;
      out += ch;
    } else out += ch === '?' ? `$${++n}` : ch;
  }
  return out;
}

/** Values as MikroORM would have written them into the statement: dates in UTC, not the process's zone. */
const toValue = (value: unknown) => (value instanceof Date ? value.toISOString() : value);

/** Dates and timestamps stay the strings PostgreSQL sends, as on MikroORM's connections (entities convert them). */
function typeParsers(): pg.CustomTypesConfig {
  const types = new pg.TypeOverrides();
  for (const oid of [1082, 1114, 1184, 1186]) types.setTypeParser(oid, (text: string) => text);
  const textArray = (pg.types.getTypeParser as (oid: number) => (text: string) => unknown)(1009);
  for (const oid of [1182, 1115, 1185, 1187]) types.setTypeParser(oid, textArray);
  return types;
}

/** Statement shapes prepared per connection at most; beyond, statements are planned each time (unnamed). */
const MAX_PREPARED = 1000;

/**
 * A pool whose statements are prepared on each connection on first use (named by a hash of their
 * text) and then only bound and executed: PostgreSQL parses and plans a shape once per connection
 * instead of on every request (planning the scope predicates took 1–2.5 ms a statement, more than
 * running them). Every statement counts in the request's SQL counter.
 */
export class PreparedPool implements SqlRunner {
  private readonly pool: pg.Pool;
  private readonly statements = new Map<string, { name?: string; text: string }>();

  constructor(config: pg.PoolConfig) {
    this.pool = new pg.Pool({ types: typeParsers(), ...config });
    // A connection that dies while idle is dropped by the pool; the next query opens another.
    this.pool.on('error', () => undefined);
  }

  async execute<T = Record<string, unknown>[]>(sql: string, params: readonly unknown[] = []): Promise<T> {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = { text: numbered(sql) };
      if (this.statements.size < MAX_PREPARED) {
        statement.name = `gb_${createHash('sha1').update(sql).digest('base64url').slice(0, 24)}`;
        this.statements.set(sql, statement);
      }
    }
    countStatement();
    const result = await this.pool.query({ name: statement.name, text: statement.text, values: params.map(toValue) });
    return result.rows as T;
  }

  end(): Promise<void> {
    return this.pool.end();
  }
}

/**
 * The request path's connections, beside MikroORM's pool (which keeps writes, migrations and
 * LISTEN). `reader(timeout)` connections are read-only by default and carry a role's
 * statement_timeout from the moment they connect, so a query operation sends no BEGIN, SET or
 * ROLLBACK of its own; `session` connections (read-write, short timeout) look up the viewer and
 * spend the budget.
 */
export class SqlPools {
  readonly session: PreparedPool;
  private readonly readers = new Map<number, Reader>();

  constructor(private readonly clientUrl: string, private readonly size = { session: 10, reader: 12 }) {
    this.session = new PreparedPool({
      connectionString: clientUrl, max: size.session, idleTimeoutMillis: 30_000,
      options: '-c statement_timeout=5000 -c plan_cache_mode=force_generic_plan', application_name: 'gan-bo session',
    });
  }

  /** Read-only connections under `timeoutMs` (one reader per distinct timeout: a handful of roles). */
  reader(timeoutMs: number): Reader {
    const ms = Math.max(1, Math.trunc(timeoutMs));
    let reader = this.readers.get(ms);
    if (!reader) {
      const pool = (plan: string) => new PreparedPool({
        connectionString: this.clientUrl, max: this.size.reader, idleTimeoutMillis: 10_000,
        options: `-c default_transaction_read_only=on -c statement_timeout=${ms} -c plan_cache_mode=${plan}`,
        application_name: `gan-bo read ${ms}ms`,
      });
      reader = new Reader(pool('force_custom_plan'), pool('force_generic_plan'));
      this.readers.set(ms, reader);
    }
    return reader;
  }

  async close(): Promise<void> {
    await Promise.all([this.session.end(), ...[...this.readers.values()].map((reader) => reader.end())]);
    this.readers.clear();
  }
}

/** Read-only connections of one timeout; lookups by key go to those that plan once (ExecuteOptions). */
export class Reader implements SqlRunner {
  constructor(private readonly custom: PreparedPool, private readonly generic: PreparedPool) {}

  execute<T = Record<string, unknown>[]>(sql: string, params: readonly unknown[] = [], options?: ExecuteOptions): Promise<T> {
    return (options?.plan === 'generic' ? this.generic : this.custom).execute<T>(sql, params);
  }

  async end(): Promise<void> {
    await Promise.all([this.custom.end(), this.generic.end()]);
  }
}
