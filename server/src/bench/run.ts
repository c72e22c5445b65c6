/**
 * API load benchmark (not a test), Gắn Bó side by side with PostGraphile v5 on the same data.
 *   npm run bench -- [--scale district|province] [--duration 10] [--connections 1,10,50]
 *                    [--only overview,overdue,cell,stats,record] [--no-postgraphile] [--data-dir DIR]
 * Starts an embedded PostgreSQL in a fresh temporary folder (or reuses --data-dir, loading it
 * only when empty), loads the demo data of the scale and the demo accounts, starts the built
 * server (NODE_ENV=production, GB_SQL_COUNT=1) and PostGraphile as child processes, then drives
 * each scenario with autocannon at each concurrency for a fixed duration, after a short warm-up.
 * The demo accounts' per-minute budget and maximum cost are lifted (GB_LIMITS) so the load is
 * not refused; every other limit (page sizes, depth, statement timeouts, scope) stays as shipped.
 * Prints markdown tables for BENCHMARKS.md.
 */
import 'reflect-metadata';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import pg from 'pg';
import { startEmbeddedPostgres } from '../db/embedded.js';
import { ensureDatabase } from '../db/database.js';
import { connectOrm, migrate } from '../db/orm.js';
import { loadDemo } from '../demo/load.js';
import { DEMO_PASSWORD, seedDemoAccounts } from '../demo/accounts.js';
import { repoRoot } from '../config.js';
import { SCENARIOS, type BenchIds, type Scenario } from './scenarios.js';

const { values } = parseArgs({
  options: {
    scale: { type: 'string', default: 'district' },
    duration: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '3' },
    connections: { type: 'string', default: '1,10,50' },
    only: { type: 'string' },
    'no-postgraphile': { type: 'boolean', default: false },
    'data-dir': { type: 'string' },
    'no-write': { type: 'boolean', default: false },
  },
});
const scale = values.scale as 'district' | 'province' | 'demo';
if (!['demo', 'district', 'province'].includes(scale)) throw new Error(`--scale must be district or province, got ${values.scale}`);
const DURATION = Number(values.duration);
const WARMUP = Number(values.warmup);
const CONNECTIONS = values.connections.split(',').map(Number);
const ONLY = values.only?.split(',');

/** Lifted for the benchmark: budget per minute and maximum cost of every signed-in role. */
const LIFTED = { budgetPerMinute: 1e12, maxCost: 1e9 };
const GB_LIMITS = JSON.stringify(Object.fromEntries(['committee_staff', 'cell_secretary', 'member', 'analyst', 'admin'].map((r) => [r, LIFTED])));

const log = (line: string) => console.error(`[bench] ${line}`);
const statusOf = async (pid: number) => readFile(`/proc/${pid}/status`, 'utf8');
const kbOf = (status: string, key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
const mb = (kb: number) => (kb / 1024).toFixed(0);

/** Clock ticks per second of /proc/<pid>/stat's utime and stime (USER_HZ: 100 on Linux). */
const TICKS = 100;
/** CPU seconds (user + system) a process has used, from /proc; 0 when it is gone or not Linux. */
async function cpuSeconds(pid: number): Promise<number> {
  try {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS;
  } catch {
    return 0;
  }
}
/** CPU seconds of each PostgreSQL process (postmaster, backends, background workers), by pid. */
async function postgresCpu(): Promise<Map<number, number>> {
  const byPid = new Map<number, number>();
  for (const entry of await readdir('/proc').catch(() => [] as string[])) {
    if (!/^\d+$/.test(entry)) continue;
    const comm = await readFile(`/proc/${entry}/comm`, 'utf8').catch(() => '');
    if (comm.trim() === 'postgres') byPid.set(Number(entry), await cpuSeconds(Number(entry)));
  }
  return byPid;
}
/** CPU seconds PostgreSQL used between two readings (processes started since count whole; a backend that ended in between is missed). */
function postgresCpuBetween(before: Map<number, number>, after: Map<number, number>): number {
  let total = 0;
  for (const [pid, seconds] of after) total += seconds - (before.get(pid) ?? 0);
  return total;
}

interface Row {
  server: 'Gắn Bó' | 'PostGraphile';
  scenario: Scenario;
  connections: number;
  requests: number;
  rps: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
  sqlPerRequest: number | null;
  hwmMb: string;
  /** CPU milliseconds per answered request: the server's process, all PostgreSQL processes (null off Linux). */
  cpuServer: number | null;
  cpuPostgres: number | null;
  firstError?: string;
}

async function startChild(name: string, script: string, env: Record<string, string>, pattern: RegExp): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [...(process.env.BENCH_NODE_ARGS?.split(' ').filter(Boolean) ?? []), script], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = pattern.exec(out);
      if (m) resolve(m[1]);
    });
    child.on('exit', (code) => reject(new Error(`${name} exited ${code}: ${out}`)));
  });
  child.stdout!.resume();
  return { child, url };
}

async function post(url: string, body: unknown, token?: string): Promise<any> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  return res.json();
}

async function login(url: string, username: string): Promise<string> {
  const res = await post(url, { query: `mutation L($u: String!, $p: String!) { login(input: { username: $u, password: $p }) { accessToken } }`, variables: { u: username, p: DEMO_PASSWORD } });
  if (!res.data?.login) throw new Error(`login ${username}: ${JSON.stringify(res.errors)}`);
  return res.data.login.accessToken;
}

/** One autocannon run; counts responses carrying `errors` and sums extensions.sqlStatements. */
async function drive(url: string, token: string | undefined, body: Scenario['gb'] extends (ids: BenchIds) => infer R ? R : never, connections: number, duration: number) {
  let n = 0;
  let graphqlErrors = 0;
  let sql = 0;
  let sqlSeen = 0;
  let responses = 0;
  let firstError: string | undefined;
  const next = () => JSON.stringify(typeof body === 'function' ? body(n++) : body);
  const result = await autocannon({
    url,
    connections,
    duration,
    // Slow aggregates answer within the analyst's statement timeout (15 s) rather than time out.
    timeout: 30,
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: next(),
    requests: [{
      method: 'POST',
      setupRequest: (req: any) => (typeof body === 'function' ? { ...req, body: next() } : req),
      onResponse: (_status: number, text: string) => {
        responses++;
        try {
          const json = JSON.parse(text);
          if (json.errors) {
            graphqlErrors++;
            firstError ??= JSON.stringify(json.errors[0]).slice(0, 300);
          } else if (json.data == null) graphqlErrors++;
          if (typeof json.extensions?.sqlStatements === 'number') { sql += json.extensions.sqlStatements; sqlSeen++; }
        } catch {
          graphqlErrors++;
          firstError ??= text.slice(0, 300);
        }
      },
    } as any],
  });
  return { result, graphqlErrors, sqlPerRequest: sqlSeen ? sql / sqlSeen : null, responses, firstError };
}

/**
 * Waits until no statement of the previous run is still executing (a client that gave up does not
 * stop the server's query), cancelling what runs after 60 s, so runs do not overlap. Quiet means
 * quiet for 2 s in a row: a server still holds the requests it queued for its pool (PostGraphile,
 * after 50 abandoned visits-per-week requests, starts the next ones as the first are cancelled).
 */
async function quiesce(databaseUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const active = `select pid from pg_stat_activity where datname = current_database() and state = 'active' and pid <> pg_backend_pid() and backend_type = 'client backend' and query not ilike 'listen%'`;
    const deadline = Date.now() + 60_000;
    let cancelled = 0;
    for (let quietSince = Date.now(); Date.now() - quietSince < 2_000; ) {
      if ((await client.query(active)).rows.length > 0) {
        quietSince = Date.now();
        if (Date.now() > deadline) cancelled += (await client.query(`select pg_cancel_backend(pid) from (${active}) a`)).rows.length;
      }
      await new Promise((r) => setTimeout(r, 250));
    }
    if (cancelled) log(`cancelled ${cancelled} statements still running from the previous run`);
  } finally {
    await client.end();
  }
}

function machine(pgVersion: string): string {
  const cpus = os.cpus();
  return `${cpus.length} cores (${cpus[0]?.model.trim()}), ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${pgVersion}`;
}

const cpu = (ms: number | null) => (ms === null ? '—' : ms.toFixed(2));

/** Puts a run's tables between `<!-- bench:<scale> -->` and `<!-- /bench:<scale> -->` in BENCHMARKS.md (appended if missing). */
async function writeTable(scaleName: string, table: string): Promise<void> {
  const file = path.join(repoRoot, 'BENCHMARKS.md');
  const start = `<!-- bench:${scaleName} -->`;
  const end = `<!-- /bench:${scaleName} -->`;
  const text = await readFile(file, 'utf8').catch(() => '# Benchmarks\n');
  const block = `${start}\n${table}\n${end}`;
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  const next = from >= 0 && to > from ? text.slice(0, from) + block + text.slice(to + end.length) : `${text.trimEnd()}\n\n${block}\n`;
  await writeFile(file, next);
  log(`wrote the ${scaleName} table to ${file}`);
}

async function main() {
  const reuse = values['data-dir'] ? path.resolve(values['data-dir']) : undefined;
  const dir = reuse ?? await mkdtemp(path.join(os.tmpdir(), 'gan-bo-bench-'));
  const started = performance.now();
  const pgDb = await startEmbeddedPostgres(path.join(dir, 'pg'));
  const children: ChildProcess[] = [];
  const rows: Row[] = [];
  try {
    await ensureDatabase(pgDb.url(), 'gan_bo');
    const databaseUrl = pgDb.url('gan_bo');
    const orm = await connectOrm(databaseUrl);
    await migrate(orm);
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    const { rows: [{ n }] } = await client.query<{ n: number }>('select count(*)::int as n from committee');
    let loadSeconds: number | null = null;
    if (n === 0) {
      log(`loading ${scale}…`);
      const loaded = await loadDemo(databaseUrl, { scale, log });
      loadSeconds = loaded.seconds;
      await seedDemoAccounts(databaseUrl);
    } else log(`reusing the data in ${dir}`);
    const one = async (sql: string, params: unknown[] = []) => (await client.query(sql, params)).rows[0];
    const district = (await one(`select id from committee where name = 'Huyện Tương Dương'`)).id as number;
    const province = (await one(`select id from committee where name = 'Tỉnh Nghệ An' and parent_id is null`)).id as number;
    const commune = (await one(`select id from committee where name = 'Xã Hữu Khuông' and parent_id = $1`, [district])).id as number;
    const cell = (await one(`select id from cell where committee_id = $1 and name = 'Chi bộ bản Xốp Mạt'`, [commune])).id as number;
    const households = (await client.query<{ id: number }>(
      `select h.id from household h join cell c on c.id = h.cell_id join committee k on k.id = c.committee_id
        where k.path like (select path from committee where id = $1) || '%' order by h.id`, [district])).rows.map((r) => r.id);
    const dates = await one(`select to_char(current_date, 'YYYY-MM-DD') as today, to_char(current_date - interval '1 year', 'YYYY-MM-DD') as year_ago, version() as version,
      (select count(*)::int from household) as households, (select count(*)::int from visit) as visits`);
    await client.end();
    await orm.close();
    const ids: BenchIds = { district, province, cell, households, yearAgo: dates.year_ago, today: dates.today };
    const pgVersion = /PostgreSQL [\d.]+/.exec(dates.version)?.[0] ?? dates.version;
    log(`${scale}: ${dates.households} households, ${dates.visits} visits${loadSeconds !== null ? `, loaded in ${loadSeconds} s` : ''}`);

    const gb = await startChild('gan-bo', path.join(repoRoot, 'server/dist/main.js'), {
      DATABASE_URL: databaseUrl, PORT: '0', GB_DEMO: 'none', GB_SQL_COUNT: '1', NODE_ENV: 'production', GB_LIMITS,
    }, /GraphQL API: (http:\/\/\S+\/graphql)/);
    children.push(gb.child);
    const withPgl = !values['no-postgraphile'];
    const pgl = withPgl
      ? await startChild('postgraphile', path.join(repoRoot, 'server/dist/bench/postgraphile.js'), { DATABASE_URL: databaseUrl, PORT: '0', NODE_ENV: 'production' }, /PostGraphile API: (http:\/\/\S+\/graphql)/)
      : undefined;
    if (pgl) children.push(pgl.child);
    log(`Gắn Bó ${gb.url} (pid ${gb.child.pid})${pgl ? `, PostGraphile ${pgl.url} (pid ${pgl.child.pid})` : ''}`);

    const scenarios = SCENARIOS.filter((s) => !ONLY || ONLY.includes(s.key));
    // Reads first on both servers, the write last: it changes the data the reads see.
    const order = [...scenarios.filter((s) => !s.write), ...scenarios.filter((s) => s.write)];
    for (const scenario of order) {
      const targets: { server: Row['server']; url: string; pid: number; token?: string; body: any }[] = [];
      targets.push({ server: 'Gắn Bó', url: gb.url, pid: gb.child.pid!, token: await login(gb.url, scenario.account), body: scenario.gb(ids) });
      if (pgl && scenario.pgl) targets.push({ server: 'PostGraphile', url: pgl.url, pid: pgl.child.pid!, body: scenario.pgl(ids) });
      for (const target of targets) {
        // A check that the query answers, then a warm-up, neither measured.
        const sample = await post(target.url, typeof target.body === 'function' ? target.body(1e6) : target.body, target.token);
        if (sample.errors || !sample.data) throw new Error(`${target.server} ${scenario.key}: ${JSON.stringify(sample.errors ?? sample).slice(0, 800)}`);
        if (WARMUP > 0) await drive(target.url, target.token, target.body, 10, WARMUP);
        for (const connections of CONNECTIONS) {
          await quiesce(databaseUrl);
          const before = { server: await cpuSeconds(target.pid), postgres: await postgresCpu() };
          const run = await drive(target.url, target.token, target.body, connections, DURATION);
          const after = { server: await cpuSeconds(target.pid), postgres: await postgresCpu() };
          const status = await statusOf(target.pid);
          const r = run.result;
          const perRequest = (seconds: number) => (r.requests.total > 0 ? (seconds * 1000) / r.requests.total : null);
          const row: Row = {
            server: target.server, scenario, connections, requests: r.requests.total,
            rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99,
            non2xx: r.non2xx, errors: r.errors + r.timeouts + run.graphqlErrors,
            sqlPerRequest: run.sqlPerRequest, hwmMb: mb(kbOf(status, 'VmHWM')), firstError: run.firstError,
            cpuServer: before.server > 0 ? perRequest(after.server - before.server) : null,
            cpuPostgres: before.postgres.size > 0 ? perRequest(postgresCpuBetween(before.postgres, after.postgres)) : null,
          };
          rows.push(row);
          log(`${row.server} ${scenario.key} c=${connections}: ${row.rps.toFixed(1)} req/s, p50 ${row.p50} ms, p99 ${row.p99} ms, non-2xx ${row.non2xx}, errors ${row.errors}, sql/req ${row.sqlPerRequest?.toFixed(1) ?? '—'}, CPU ms/req ${cpu(row.cpuServer)} + ${cpu(row.cpuPostgres)} (PostgreSQL), VmHWM ${row.hwmMb} MB${row.firstError ? `, first error ${row.firstError}` : ''}`);
        }
      }
    }

    const lines: string[] = [];
    lines.push(`Scale \`${scale}\` (${dates.households.toLocaleString('en')} households, ${dates.visits.toLocaleString('en')} visits${loadSeconds !== null ? `, loaded in ${loadSeconds} s` : ''}); ${new Date().toISOString().slice(0, 10)}; ${machine(pgVersion)}; ${DURATION} s per line after a ${WARMUP} s warm-up; errors are transport errors, 30 s timeouts and responses with \`errors\`.`);
    lines.push('');
    lines.push('| scenario | server | conc. | req/s | p50 ms | p99 ms | non-2xx | errors | SQL/req | CPU ms/req server | CPU ms/req PostgreSQL | peak RSS MB |');
    lines.push('|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
    for (const r of rows) {
      const none = r.requests === 0 ? `> ${DURATION * 1000} (no answer in the run)` : null;
      lines.push(`| ${r.scenario.title} | ${r.server} | ${r.connections} | ${r.rps.toFixed(1)} | ${none ?? r.p50} | ${none ?? r.p99} | ${r.non2xx} | ${r.errors} | ${r.sqlPerRequest?.toFixed(1) ?? '—'} | ${cpu(r.cpuServer)} | ${cpu(r.cpuPostgres)} | ${r.hwmMb} |`);
    }
    const ratios = rows.filter((r) => r.server === 'Gắn Bó').flatMap((g) => {
      const p = rows.find((r) => r.server === 'PostGraphile' && r.scenario === g.scenario && r.connections === g.connections);
      // No ratio against a side that answered nothing in time (every request timed out or failed).
      const ratio = (a: number, b: number) => (b > 0 && a > 0 ? (a / b).toFixed(2) : '—');
      const total = (r: Row) => (r.cpuServer !== null && r.cpuPostgres !== null ? r.cpuServer + r.cpuPostgres : 0);
      return p ? [`| ${g.scenario.title} | ${g.connections} | ${ratio(g.rps, p.rps)} | ${ratio(g.p99, p.p99)} | ${ratio(total(g), total(p))} |`] : [];
    });
    if (ratios.length) {
      lines.push('', '| scenario | conc. | req/s Gắn Bó / PostGraphile | p99 Gắn Bó / PostGraphile | CPU per request (server + PostgreSQL) Gắn Bó / PostGraphile |', '|---|---:|---:|---:|---:|', ...ratios);
    }
    lines.push('', `Total ${((performance.now() - started) / 1000).toFixed(0)} s.`);
    console.log(lines.join('\n'));
    // A complete run (every scenario, both servers, default concurrencies) replaces its scale's table in BENCHMARKS.md.
    const complete = !ONLY && withPgl && values.connections === '1,10,50' && DURATION >= 10;
    if (complete && !values['no-write']) await writeTable(scale, lines.join('\n'));
    else log(`BENCHMARKS.md left as it is (${values['no-write'] ? '--no-write' : 'a partial run: --only, --no-postgraphile, other concurrencies or under 10 s'})`);
  } finally {
    for (const child of children) child.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 1000));
    await pgDb.stop();
    if (!reuse) await rm(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
