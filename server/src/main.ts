import 'reflect-metadata';
import path from 'node:path';
import { loadConfig } from './config.js';
import { startEmbeddedPostgres, type EmbeddedDatabase } from './db/embedded.js';
import { ensureDatabase } from './db/database.js';
import { connectOrm, migrate } from './db/orm.js';
import { startServer } from './http/server.js';
import { loadDemo } from './demo/load.js';

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
  const applied = await migrate(orm);
  if (applied.length) log(`applied migrations: ${applied.join(', ')}`);

  const [{ n }] = await orm.em.fork().execute<{ n: number }[]>('select count(*)::int as n from committee');
  if (n === 0 && config.demo !== 'none') {
    log(`empty database: loading the "${config.demo}" demo data set`);
    const result = await loadDemo(databaseUrl, { scale: config.demo, log });
    log(`demo data loaded in ${result.seconds.toFixed(1)} s`);
  }

  const server = await startServer({ orm, port: config.port, host: config.host, webDist: config.webDist, exposeSqlCount: config.exposeSqlCount });
  log(`ready in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  log(`dashboard: ${server.url}/`);
  log(`GraphQL API: ${server.url}/graphql (WebSocket: ${server.url.replace('http', 'ws')}/graphql)`);
  if (embedded) log('database: embedded PostgreSQL (set DATABASE_URL to use your own)');

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

main().catch((error) => {
  console.error('[gan-bo] failed to start:', error);
  process.exit(1);
});
