import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (server/dist/config.js or server/src/config.ts → ../..). */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export type DemoScale = 'demo' | 'district' | 'province' | 'none';

export interface Config {
  port: number;
  host: string;
  databaseUrl?: string;
  dataDir: string;
  demo: DemoScale;
  webDist: string;
  /** Adds `extensions.sqlStatements` to responses (development, tests, benchmarks). */
  exposeSqlCount: boolean;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 4000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, got "${env.PORT}"`);
  const demo = (env.GB_DEMO ?? 'demo') as DemoScale;
  if (!['demo', 'district', 'province', 'none'].includes(demo)) throw new Error(`GB_DEMO must be demo, district, province or none, got "${demo}"`);
  return {
    port,
    host: env.HOST ?? '127.0.0.1',
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: path.resolve(env.GB_DATA_DIR ?? path.join(repoRoot, '.data')),
    demo,
    webDist: path.resolve(env.GB_WEB_DIST ?? path.join(repoRoot, 'web/dist')),
    exposeSqlCount: (env.GB_SQL_COUNT ?? (env.NODE_ENV === 'production' ? '0' : '1')) === '1',
  };
}
