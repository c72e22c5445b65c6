/**
 * Loads demo data and prints how long each part took.
 *   node dist/scripts/load-demo.js --scale district [--seed 1] [--reference-date 2026-11-23] [--database-url URL]
 * Without a URL it starts an embedded PostgreSQL in a temporary folder, migrates it, loads and stops it.
 */
import 'reflect-metadata';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../db/embedded.js';
import { connectOrm, migrate } from '../db/orm.js';
import { SCALES, type Scale } from '../demo/generate.js';
import { loadDemo } from '../demo/load.js';
import { DEMO_PASSWORD, seedDemoAccounts } from '../demo/accounts.js';

const USAGE = `usage: load-demo --scale ${SCALES.join('|')} [--seed N] [--reference-date YYYY-MM-DD] [--database-url URL] [--keep]`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      scale: { type: 'string', default: 'demo' },
      seed: { type: 'string' },
      'reference-date': { type: 'string' },
      'database-url': { type: 'string' },
      keep: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) return void console.log(USAGE);
  const scale = values.scale as Scale;
  if (!SCALES.includes(scale)) throw new Error(`Unknown scale "${values.scale}"\n${USAGE}`);
  const seed = values.seed === undefined ? undefined : Number(values.seed);
  if (seed !== undefined && !Number.isSafeInteger(seed)) throw new Error(`--seed must be an integer\n${USAGE}`);

  let url = values['database-url'] ?? process.env.DATABASE_URL;
  let embedded: EmbeddedDatabase | undefined;
  let dir: string | undefined;
  try {
    if (!url) {
      dir = await mkdtemp(path.join(os.tmpdir(), 'gan-bo-demo-'));
      const t = performance.now();
      embedded = await startEmbeddedPostgres(path.join(dir, 'pg'));
      url = embedded.url();
      const orm = await connectOrm(url, { entities: [], discovery: { warnWhenNoEntities: false } });
      try {
        await migrate(orm);
      } finally {
        await orm.close();
      }
      console.log(`embedded PostgreSQL in ${dir}, started and migrated in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    }
    const result = await loadDemo(url, {
      scale, seed, referenceDate: values['reference-date'], log: (line) => console.log(line),
    });
    printTable(result.rows, result.seconds, scale);
    const accounts = await seedDemoAccounts(url);
    console.log(`demo accounts (password "${DEMO_PASSWORD}"): ${accounts.map((a) => a.username).join(', ')}`);
    if (embedded && values.keep) {
      console.log(`--keep: PostgreSQL still running at ${url} (Ctrl-C to stop)`);
      await new Promise<void>((resolve) => process.once('SIGINT', () => resolve()));
    }
  } finally {
    if (embedded) await embedded.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  }
}

function printTable(rows: Record<string, number>, seconds: number, scale: string): void {
  const width = Math.max(...Object.keys(rows).map((k) => k.length));
  const total = Object.values(rows).reduce((a, b) => a + b, 0);
  console.log(`\nscale ${scale}`);
  for (const [table, count] of Object.entries(rows)) console.log(`  ${table.padEnd(width)}  ${count.toLocaleString('en-US').padStart(12)}`);
  console.log(`  ${'total'.padEnd(width)}  ${total.toLocaleString('en-US').padStart(12)}`);
  console.log(`  ${'seconds'.padEnd(width)}  ${seconds.toFixed(1).padStart(12)}`);
  console.log(`  ${'rows/s'.padEnd(width)}  ${Math.round(total / seconds).toLocaleString('en-US').padStart(12)}`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
