/**
 * Subscription benchmark (not a test): N authenticated graphql-ws subscribers on one server
 * process, visits recorded at a steady rate, event-to-client latency and server memory.
 *   node dist/scripts/bench-subscriptions.js --subscribers 1000 [--rate 2] [--duration 20]
 * It starts its own embedded PostgreSQL with the demo data and the server as a child process
 * (so the server's memory is measured alone), and prints a markdown row for BENCHMARKS.md.
 */
import 'reflect-metadata';
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { startEmbeddedPostgres } from '../db/embedded.js';
import { ensureDatabase } from '../db/database.js';
import { connectOrm, migrate } from '../db/orm.js';
import { loadDemo } from '../demo/load.js';
import { DEMO_PASSWORD, seedDemoAccounts } from '../demo/accounts.js';
import { repoRoot } from '../config.js';

const { values } = parseArgs({
  options: {
    subscribers: { type: 'string', default: '1000' },
    rate: { type: 'string', default: '2' },
    duration: { type: 'string', default: '20' },
    // Gives each subscriber its own document, so no two share an execution: the worst case.
    unshared: { type: 'boolean', default: false },
  },
});
const N = Number(values.subscribers);
const RATE = Number(values.rate);
const DURATION = Number(values.duration);

const rssOf = async (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(await readFile(`/proc/${pid}/status`, 'utf8'))![1]) * 1024;
const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

async function main() {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'gan-bo-bench-live-'));
  const pg = await startEmbeddedPostgres(path.join(dir, 'pg'));
  const server = { kill: () => {} } as { kill: () => void };
  try {
    await ensureDatabase(pg.url(), 'gan_bo');
    const databaseUrl = pg.url('gan_bo');
    const orm = await connectOrm(databaseUrl);
    await migrate(orm);
    await loadDemo(databaseUrl, { scale: 'demo' });
    await seedDemoAccounts(databaseUrl);
    const households = (await orm.em.fork().execute<{ id: number }[]>(
      `select h.id from household h join cell c on c.id = h.cell_id join committee k on k.id = c.committee_id
        where k.path like (select path from committee where name = 'Huyện Tương Dương') || '%' order by h.id limit 500`)).map((r) => r.id);
    await orm.close();

    const child = spawn(process.execPath, [path.join(repoRoot, 'server/dist/main.js')], {
      env: { ...process.env, DATABASE_URL: databaseUrl, PORT: '0', GB_DEMO: 'none', GB_SQL_COUNT: '0', NODE_ENV: 'production' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    server.kill = () => child.kill('SIGTERM');
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout!.on('data', (d: Buffer) => {
        out += d.toString();
        const m = /GraphQL API: (http:\/\/[^/\s]+)\/graphql/.exec(out);
        if (m) resolve(m[1]);
      });
      child.on('exit', (code) => reject(new Error(`server exited ${code}`)));
    });
    const login = async () => {
      const res = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: `mutation { login(input: { username: "huyen.tuongduong", password: "${DEMO_PASSWORD}" }) { accessToken } }` }) });
      return ((await res.json()) as any).data.login.accessToken as string;
    };
    const token = await login();
    await new Promise((r) => setTimeout(r, 1000));
    const rssBefore = await rssOf(child.pid!);

    // N subscribers, connected in batches.
    const latencies: number[] = [];
    let delivered = 0;
    const clients: Client[] = [];
    const connectStart = performance.now();
    for (let i = 0; i < N; i += 250) {
      await Promise.all(Array.from({ length: Math.min(250, N - i) }, () => new Promise<void>((resolve, reject) => {
        const client = createClient({
          url: `${url.replace('http', 'ws')}/graphql`, webSocketImpl: WebSocket, retryAttempts: 0, lazy: false,
          connectionParams: { authorization: `Bearer ${token}` },
          on: { connected: () => resolve() },
          onNonLazyError: reject,
        });
        clients.push(client);
        const query = values.unshared ? `subscription { visitRecorded { id notes s${clients.length}: id } }` : 'subscription { visitRecorded { id notes } }';
        client.subscribe<{ visitRecorded: { notes: string } }>({ query }, {
          next: (value) => {
            const sent = Number(value.data?.visitRecorded.notes?.replace('bench ', ''));
            if (sent) latencies.push(Date.now() - sent);
            delivered++;
          },
          error: (e) => console.error('subscription error', e),
          complete: () => undefined,
        });
      })));
    }
    const connectSeconds = (performance.now() - connectStart) / 1000;
    await new Promise((r) => setTimeout(r, 2000));
    const rssConnected = await rssOf(child.pid!);

    // Visits at a steady rate.
    const total = Math.round(RATE * DURATION);
    let peak = rssConnected;
    for (let i = 0; i < total; i++) {
      const at = Date.now();
      void fetch(`${url}/graphql`, {
        method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: `mutation { recordVisit(input: { householdId: ${households[i % households.length]}, visitedOn: "${new Date().toISOString().slice(0, 10)}", notes: "bench ${at}" }) { id } }` }),
      });
      peak = Math.max(peak, await rssOf(child.pid!));
      await new Promise((r) => setTimeout(r, Math.max(0, 1000 / RATE - (Date.now() - at))));
    }
    const deadline = Date.now() + 30_000;
    while (delivered < total * N && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    latencies.sort((a, b) => a - b);
    const row = {
      subscribers: N, visits: total, rate: RATE, delivered, expected: total * N,
      p50: percentile(latencies, 50), p99: percentile(latencies, 99), max: latencies.at(-1),
      connectSeconds: connectSeconds.toFixed(1),
      rssBefore: mb(rssBefore), rssConnected: mb(rssConnected), peak: mb(peak),
      perConnectionKb: ((rssConnected - rssBefore) / N / 1024).toFixed(1),
    };
    console.log(JSON.stringify(row));
    console.log(`| ${row.subscribers}${values.unshared ? ' (unshared)' : ''} | ${row.rate}/s × ${DURATION} s | ${row.delivered}/${row.expected} | ${row.p50} | ${row.p99} | ${row.max} | ${row.connectSeconds} | ${row.rssBefore} → ${row.rssConnected} (peak ${row.peak}) | ${row.perConnectionKb} |`);
    await Promise.all(clients.map((c) => c.dispose()));
  } finally {
    server.kill();
    await new Promise((r) => setTimeout(r, 1000));
    await pg.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
