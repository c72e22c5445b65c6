import 'reflect-metadata';
import path from 'node:path';
import { loadConfig } from './config.js';
import { startEmbeddedPostgres, type EmbeddedDatabase } from './db/embedded.js';
import { ensureDatabase, withStartupLock } from './db/database.js';
import { connectOrm, migrate } from './db/orm.js';
import { startServer } from './http/server.js';
import { hashPassword } from './auth/password.js';
import { loadDemo } from './demo/load.js';
import { DEMO_PASSWORD, seedDemoAccounts } from './demo/accounts.js';

const log = (line: string) => console.log(`[gan-bo] ${line}`);

async function main() {
  const started = performance.now();
  const config = loadConfig();
  let embedded: EmbeddedDatabase | undefined;
  let databaseUrl = config.databaseUrl;
  if (!databaseUrl) {
    const dir = path.join(config.dataDir, 'pg');
    log(`starting the embedded PostgreSQL (data in ${dir})`);
    embedded = await startEmbeddedPostgres(dir);
    await ensureDatabase(embedded.url(), 'gan_bo');
    databaseUrl = embedded.url('gan_bo');
  }
  const orm = await connectOrm(databaseUrl);
  // Several processes may start together on one database: the first migrates and seeds, the others wait.
  await withStartupLock(databaseUrl, async () => {
    const applied = await migrate(orm);
    if (applied.length) log(`applied migrations: ${applied.join(', ')}`);

    const [{ n }] = await orm.em.fork().execute<{ n: number }[]>('select count(*)::int as n from committee');
    if (n === 0 && config.demo !== 'none') {
      log(`empty database: loading the "${config.demo}" demo data set`);
      const result = await loadDemo(databaseUrl, { scale: config.demo, log });
      await seedDemoAccounts(databaseUrl);
      log(`demo data loaded in ${result.seconds.toFixed(1)} s`);
    }
    await bootstrapAdmin(orm);
  });
  const demoAccounts = await orm.em.fork().execute<{ username: string; display_name: string }[]>(
    `select username, display_name from account where username in (?, ?, ?, ?, ?, ?) order by id`,
    ['admin', 'huyen.tuongduong', 'xa.huukhuong', 'bithu.xopmat', 'dangvien.xopmat', 'phantich.nghean']);

  const server = await startServer({ orm, port: config.port, host: config.host, webDist: config.webDist, exposeSqlCount: config.exposeSqlCount });
  log(`ready in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  log(`dashboard: ${server.url}/`);
  log(`GraphQL API: ${server.url}/graphql (WebSocket: ${server.url.replace('http', 'ws')}/graphql)`);
  if (embedded) log('database: embedded PostgreSQL (set DATABASE_URL to use your own)');
  if (demoAccounts.length && config.demo !== 'none') {
    log(`demo logins (password "${DEMO_PASSWORD}"): ${demoAccounts.map((a) => `${a.username} (${a.display_name})`).join(', ')}`);
  }

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: shutting down`);
    await server.close();
    await orm.close();
    await embedded?.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

/** GB_ADMIN_USERNAME / GB_ADMIN_PASSWORD create the first admin of a database that has no account yet. */
async function bootstrapAdmin(orm: Awaited<ReturnType<typeof connectOrm>>) {
  const username = process.env.GB_ADMIN_USERNAME;
  const password = process.env.GB_ADMIN_PASSWORD;
  if (!username || !password) return;
  const em = orm.em.fork();
  const [{ n }] = await em.execute<{ n: number }[]>('select count(*)::int as n from account');
  if (n > 0) return;
  if (password.length < 10) throw new Error('GB_ADMIN_PASSWORD must be at least 10 characters');
  const [account] = await em.execute<{ id: number }[]>(
    `insert into account (username, display_name, password_hash) values (?, ?, ?) returning id`,
    [username, 'Quản trị', await hashPassword(password)]);
  await em.execute(`insert into role_binding (account_id, role) values (?, 'admin')`, [account.id]);
  log(`created the first admin account "${username}"`);
}

main().catch((error) => {
  console.error('[gan-bo] failed to start:', error);
  process.exit(1);
});
