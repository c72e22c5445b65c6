import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { OUTPUT_DIR, REPO, SERVER_MAIN, WEB_INDEX } from './paths.js';

const READY_TIMEOUT_MS = 90_000;
const STOP_TIMEOUT_MS = 20_000;

/**
 * Starts the built server as users run it: embedded PostgreSQL in a fresh data folder,
 * demo data loaded, dashboard served from web/dist. E2E_BASE_URL skips this and tests
 * a server that is already running.
 */
export default async function setup(project: TestProject) {
  await mkdir(OUTPUT_DIR, { recursive: true });
  const external = process.env.E2E_BASE_URL;
  if (external) {
    project.provide('baseUrl', external.replace(/\/$/, ''));
    return;
  }
  for (const [file, build] of [[SERVER_MAIN, 'npm run build -w server'], [WEB_INDEX, 'npm run build -w web']]) {
    if (!existsSync(file)) throw new Error(`${path.relative(REPO, file)} is missing: run \`${build}\` (or \`npm run build\`) first`);
  }

  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'gan-bo-e2e-'));
  await chmod(dataDir, 0o755); // as root, PostgreSQL runs as the `postgres` user, which must reach its data folder
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const log = createWriteStream(path.join(OUTPUT_DIR, 'server.log'));
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), HOST: '127.0.0.1', GB_DATA_DIR: path.join(dataDir, 'data'), GB_DEMO: 'demo' };
  delete env.DATABASE_URL; // an inherited URL would point the test at someone's real database

  const server = spawn(process.execPath, ['--enable-source-maps', SERVER_MAIN], { cwd: REPO, env, stdio: ['ignore', 'pipe', 'pipe'] });
  server.stdout!.pipe(log, { end: false });
  server.stderr!.pipe(log, { end: false });
  const exited = new Promise<number | null>((resolve) => server.once('exit', (code, signal) => resolve(code ?? (signal ? -1 : null))));

  const stop = async () => {
    await stopProcess(server, exited);
    log.end();
    await rm(dataDir, { recursive: true, force: true });
  };

  try {
    await waitForHealth(baseUrl, exited);
  } catch (error) {
    await stop();
    throw new Error(`${(error as Error).message}; see e2e/output/server.log`);
  }
  project.provide('baseUrl', baseUrl);
  return stop;
}

async function waitForHealth(baseUrl: string, exited: Promise<number | null>): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  let gone: number | null | undefined;
  void exited.then((code) => (gone = code));
  while (Date.now() < deadline) {
    if (gone !== undefined) throw new Error(`the server exited with code ${gone} before it was ready`);
    try {
      const response = await fetch(`${baseUrl}/healthz`, { signal: AbortSignal.timeout(2_000) });
      if (response.ok && ((await response.json()) as { status?: string }).status === 'ok') return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the server did not answer GET /healthz within ${READY_TIMEOUT_MS / 1000} s`);
}

/** SIGTERM lets the server stop its embedded PostgreSQL; SIGKILL only if it hangs. */
async function stopProcess(child: ChildProcess, exited: Promise<unknown>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const timer = new Promise<'timeout'>((resolve) => setTimeout(resolve, STOP_TIMEOUT_MS, 'timeout').unref());
  if ((await Promise.race([exited, timer])) === 'timeout') {
    child.kill('SIGKILL');
    await exited;
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no free port'))));
    });
  });
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}
