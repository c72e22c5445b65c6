/**
 * Bulk-loads generated demo data into an empty, migrated database in one transaction.
 * Committees go through ordinary INSERTs (their path trigger runs); everything else is copied
 * unit by unit with user triggers disabled, foreign keys and secondary indexes dropped and
 * rebuilt afterwards. The generator writes the columns those triggers would have derived.
 * Disabling user triggers also skips the audit trigger on the bulk tables: millions of audit
 * rows for generated data would be noise; committees, policies and cells are still audited.
 */
import pg from 'pg';
import { copyRows } from './copy.js';
import { generateDemo, type GenerateOptions } from './generate.js';
import { BATCH_TABLES, COLUMNS, type CommitteeRow, type Scale } from './tables.js';

export interface LoadOptions {
  scale: Scale;
  seed?: number;
  referenceDate?: string;
  log?: (line: string) => void;
}

export interface LoadResult {
  scale: string;
  seconds: number;
  rows: Record<string, number>;
}

const TABLES = ['committee', 'visit_policy', 'cell', ...BATCH_TABLES] as const;
/** Tables with an identity `id` whose sequence must follow the explicit ids. */
const IDENTITY_TABLES = TABLES.filter((t) => t !== 'visit_policy' && t !== 'visit_participant');

export async function loadDemo(databaseUrl: string, options: LoadOptions): Promise<LoadResult> {
  const started = performance.now();
  const log = options.log ?? (() => {});
  const elapsed = () => ((performance.now() - started) / 1000).toFixed(1);
  const generateOptions: GenerateOptions = { scale: options.scale, seed: options.seed, referenceDate: options.referenceDate };
  const data = generateDemo(generateOptions);
  const rows: Record<string, number> = Object.fromEntries(TABLES.map((t) => [t, 0]));
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('begin');
    await refuseUnlessEmpty(client);
    // The visit trigger refuses visits after tomorrow; demo data must not be any later either.
    const { rows: [latest] } = await client.query<{ ok: boolean }>(`select $1::date <= current_date + 1 as ok`, [data.referenceDate]);
    if (!latest.ok) throw new Error(`The reference date ${data.referenceDate} is in the future for this database`);
    await client.query(`set local maintenance_work_mem = '256MB'`);
    await client.query(`set local synchronous_commit = off`);
    const foreignKeys = await dropForeignKeys(client);
    const indexes = await dropIndexes(client);
    for (const table of BATCH_TABLES) await client.query(`alter table ${table} disable trigger user`);
    log(`demo ${data.scale}: seed ${data.seed}, reference date ${data.referenceDate}, ${data.units.length} units`);

    rows.committee = await insertCommittees(client, data.committees);
    rows.visit_policy = await copyRows(client, 'visit_policy', COLUMNS.visit_policy, data.visitPolicies);
    rows.cell = await copyRows(client, 'cell', COLUMNS.cell, data.cells);

    const plannedHouseholds = data.units.reduce((sum, u) => sum + u.cells.reduce((s, c) => s + c.households, 0), 0);
    let lastLog = performance.now();
    let done = 0;
    for (const { unit, batch } of data.batches()) {
      for (const table of BATCH_TABLES) {
        rows[table] += await copyRows(client, table, COLUMNS[table] as readonly string[], batch[table] as never[]);
      }
      done++;
      if (performance.now() - lastLog > 2000 || done === data.units.length) {
        lastLog = performance.now();
        const estimate = rows.household > 0 ? Math.round((rows.visit / rows.household) * plannedHouseholds) : 0;
        const rss = Math.round(process.memoryUsage().rss / 1e6);
        log(`${done}/${data.units.length} units (${unit.committee.name}) · households ${rows.household}/${plannedHouseholds} · visits ${rows.visit}/~${estimate} · ${elapsed()} s · rss ${rss} MB`);
      }
    }

    // The interval in force per assignment, set-based (its row trigger is disabled during the copy).
    await client.query('select gb_refresh_intervals(null)');
    // Visits per cell and day, week and month, counted set-based (their trigger is disabled during the copy).
    await client.query('select gb_refresh_visit_counts()');
    log(`rebuilding ${indexes.length} indexes · ${elapsed()} s`);
    for (const index of indexes) await client.query(index.definition);
    // After the indexes: it looks up each feedback's events (without feedback_event's index, a scan
    // of every event per feedback: 11 minutes at district scale).
    await client.query('select gb_refresh_feedback_level_since()');
    log(`validating ${foreignKeys.length} foreign keys · ${elapsed()} s`);
    for (const fk of foreignKeys) await client.query(`alter table ${fk.table} add constraint ${pg.escapeIdentifier(fk.name)} ${fk.definition}`);
    for (const table of BATCH_TABLES) await client.query(`alter table ${table} enable trigger user`);
    for (const table of IDENTITY_TABLES) {
      await client.query(`select setval(pg_get_serial_sequence($1, 'id'), coalesce(max(id), 0) + 1, false) from ${table}`, [table]);
    }
    await client.query('commit');
    // Outside the transaction (VACUUM cannot run in one, and rows count as changed for autovacuum
    // only once committed): statistics, the visibility map and hint bits of a running database,
    // so index-only scans skip the heap, the first readers do not rewrite every page, and
    // autovacuum does not analyze every loaded table again during the first minutes of use.
    log(`vacuum analyze · ${elapsed()} s`);
    await client.query(`vacuum (analyze) ${TABLES.join(', ')}, visit_count`);
  } catch (error) {
    await client.query('rollback').catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
  const seconds = Math.round((performance.now() - started) / 100) / 10;
  log(`loaded in ${seconds} s`);
  return { scale: data.scale, seconds, rows };
}

async function refuseUnlessEmpty(client: pg.Client): Promise<void> {
  try {
    // Two loads at once: the second waits here, then sees the first one's committees.
    await client.query('lock table committee in exclusive mode');
  } catch (error) {
    if ((error as { code?: string }).code === '42P01') throw new Error('Cannot load demo data: the database is not migrated (no committee table)');
    throw error;
  }
  const { rows } = await client.query<{ n: number }>('select count(*)::int as n from committee');
  if (rows[0].n > 0) {
    throw new Error(`Refusing to load demo data: the database already has ${rows[0].n} committees; demo data loads only into an empty database`);
  }
}

/** Committees level by level, so each row's parent exists when its path trigger runs. */
async function insertCommittees(client: pg.Client, committees: readonly CommitteeRow[]): Promise<number> {
  const depth = new Map<number, number>();
  for (const c of committees) depth.set(c.id, c.parent_id === null ? 0 : depth.get(c.parent_id)! + 1);
  const levels = Math.max(...depth.values()) + 1;
  for (let level = 0; level < levels; level++) {
    const rows = committees.filter((c) => depth.get(c.id) === level);
    const values: unknown[] = [];
    const tuples = rows.map((c, i) => {
      values.push(c.id, c.parent_id, c.kind, c.name, c.code);
      return `($${i * 5 + 1}::int, $${i * 5 + 2}::int, $${i * 5 + 3}, $${i * 5 + 4}, $${i * 5 + 5})`;
    });
    await client.query(`insert into committee (id, parent_id, kind, name, code) values ${tuples.join(', ')}`, values);
  }
  return committees.length;
}

interface SavedForeignKey { table: string; name: string; definition: string }
interface SavedIndex { name: string; definition: string }

async function dropForeignKeys(client: pg.Client): Promise<SavedForeignKey[]> {
  const { rows } = await client.query<SavedForeignKey>(
    `select c.relname as table, k.conname as name, pg_get_constraintdef(k.oid) as definition
       from pg_constraint k join pg_class c on c.oid = k.conrelid
      where k.contype = 'f' and c.relnamespace = current_schema()::regnamespace and c.relname = any($1)
      order by c.relname, k.conname`,
    [BATCH_TABLES],
  );
  for (const fk of rows) await client.query(`alter table ${fk.table} drop constraint ${pg.escapeIdentifier(fk.name)}`);
  return rows;
}

/** Secondary indexes (not backing a primary key or unique constraint), rebuilt in one pass each after the load. */
async function dropIndexes(client: pg.Client): Promise<SavedIndex[]> {
  const { rows } = await client.query<SavedIndex>(
    `select i.relname as name, pg_get_indexdef(x.indexrelid) as definition
       from pg_index x join pg_class i on i.oid = x.indexrelid join pg_class c on c.oid = x.indrelid
      where c.relnamespace = current_schema()::regnamespace and c.relname = any($1)
        and not exists (select 1 from pg_constraint k where k.conindid = x.indexrelid and k.contype in ('p', 'u', 'x'))
      order by c.relname, i.relname`,
    [BATCH_TABLES],
  );
  for (const index of rows) await client.query(`drop index ${pg.escapeIdentifier(index.name)}`);
  return rows;
}
