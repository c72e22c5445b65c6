import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { createTestDatabase } from '../test/db.js';
import { connectOrm } from '../db/orm.js';
import { repoRoot } from '../config.js';
import { hashPassword } from '../auth/password.js';

/**
 * Two real server processes (the built `server/dist/main.js`) on one database: a visit recorded
 * through one reaches a subscriber of the other, through PostgreSQL LISTEN/NOTIFY.
 */
const MAIN = path.join(repoRoot, 'server/dist/main.js');
const processes: ChildProcess[] = [];
let databaseUrl: string;
let ids: { cell: number; household: number };

function startProcess(url = databaseUrl, demo = 'none'): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [MAIN], {
      env: { ...process.env, DATABASE_URL: url, PORT: '0', HOST: '127.0.0.1', GB_DEMO: demo, GB_WEB_DIST: '/nonexistent' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    processes.push(child);
    let output = '';
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /GraphQL API: (http:\/\/[^/\s]+)\/graphql/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
  });
}

async function login(url: string): Promise<string> {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: 'mutation { login(input: { username: "huyen.hai", password: "mật-khẩu-hai-tiến-trình" }) { accessToken } }' }),
  });
  return ((await res.json()) as any).data.login.accessToken;
}

beforeAll(async () => {
  expect(existsSync(MAIN), `${MAIN} is missing: build the server first (npm run build -w server)`).toBe(true);
  databaseUrl = await createTestDatabase();
  const orm = await connectOrm(databaseUrl);
  const em = orm.em.fork();
  const [{ id: district }] = await em.execute(`insert into committee (kind, name) values ('district', 'Huyện Hai') returning id`);
  const [{ id: cell }] = await em.execute(`insert into cell (committee_id, kind, name) values (?, 'village', 'Chi bộ bản Một') returning id`, [district]);
  const [{ id: household }] = await em.execute(`insert into household (cell_id, head_name, address) values (?, 'Vi Văn Hộ', 'Bản Một') returning id`, [cell]);
  const [{ id: account }] = await em.execute(`insert into account (username, display_name, password_hash) values ('huyen.hai', 'Huyện ủy Hai', ?) returning id`, [await hashPassword('mật-khẩu-hai-tiến-trình')]);
  await em.execute(`insert into role_binding (account_id, role, committee_id) values (?, 'committee_staff', ?)`, [account, district]);
  await orm.close();
  ids = { cell, household };
}, 60_000);

afterAll(async () => {
  await Promise.all(processes.map((child) => new Promise<void>((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  })));
});

test('a visit recorded through one process reaches a subscriber of the other', async () => {
  const [first, second] = await Promise.all([startProcess(), startProcess()]);
  expect(first).not.toBe(second);
  const client = createClient({
    url: `${second.replace('http', 'ws')}/graphql`, webSocketImpl: WebSocket, retryAttempts: 0,
    connectionParams: { authorization: `Bearer ${await login(second)}` },
  });
  try {
    const received = new Promise<any>((resolve, reject) => {
      client.subscribe({ query: 'subscription { visitRecorded { id visitedOn household { headName } } }' }, {
        next: (value) => resolve(value), error: reject, complete: () => undefined,
      });
    });
    await new Promise((r) => setTimeout(r, 500));
    const token = await login(first);
    const recorded = await fetch(`${first}/graphql`, {
      method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: `mutation { recordVisit(input: { householdId: ${ids.household}, visitedOn: "2026-01-10" }) { id } }` }),
    });
    const visitId = ((await recorded.json()) as any).data.recordVisit.id;
    expect(await received).toEqual({ data: { visitRecorded: { id: visitId, visitedOn: '2026-01-10', household: { headName: 'Vi Văn Hộ' } } } });
  } finally {
    await client.dispose();
  }
}, 60_000);

test('two processes started together on an empty database migrate and load the demo once', async () => {
  const url = await createTestDatabase({ empty: true });
  const [first, second] = await Promise.all([startProcess(url, 'demo'), startProcess(url, 'demo')]);
  expect(first).not.toBe(second);
  const orm = await connectOrm(url);
  try {
    const em = orm.em.fork();
    const [{ migrations }] = await em.execute(`select count(*)::int as migrations from schema_migration`);
    const [{ communes }] = await em.execute(`select count(*)::int as communes from committee where name = 'Xã Hữu Khuông'`);
    expect(migrations).toBeGreaterThanOrEqual(8);
    expect(communes).toBe(1);
  } finally {
    await orm.close();
  }
}, 90_000);
