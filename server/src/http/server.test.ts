import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { connectOrm, type Orm } from '../db/orm.js';
import { createTestDatabase } from '../test/db.js';
import { startServer, type AppServer } from './server.js';

let orm: Orm;
let server: AppServer;

beforeAll(async () => {
  orm = await connectOrm(await createTestDatabase());
  await orm.em.fork().execute(`insert into committee (kind, name) values ('province', 'Tỉnh Nghệ An')`);
  const webDist = await mkdtemp(path.join(os.tmpdir(), 'gan-bo-web-'));
  await writeFile(path.join(webDist, 'index.html'), '<!doctype html><title>Gắn Bó</title>');
  server = await startServer({ orm, port: 0, host: '127.0.0.1', webDist });
});
afterAll(async () => {
  await server.close();
  await orm.close();
});

test('GET /healthz answers once the database is reachable', async () => {
  const res = await fetch(`${server.url}/healthz`);
  expect(res.status).toBe(200);
  expect(await res.json()).toEqual({ status: 'ok' });
});

test('queries run over graphql-ws on the same port and path', async () => {
  const client = createClient({ url: `${server.url.replace('http', 'ws')}/graphql`, webSocketImpl: WebSocket, lazy: true, retryAttempts: 0 });
  try {
    const result = await new Promise<unknown>((resolve, reject) => {
      let value: unknown;
      client.subscribe({ query: '{ committees { name kind } }' }, {
        next: (data) => { value = data; },
        error: reject,
        complete: () => resolve(value),
      });
    });
    expect(result).toEqual({ data: { committees: [{ name: 'Tỉnh Nghệ An', kind: 'PROVINCE' }] } });
  } finally {
    await client.dispose();
  }
});

test('GET queries need a preflight header: CSRF protection stays on', async () => {
  const url = `${server.url}/graphql?query=${encodeURIComponent('{ committees { name } }')}`;
  expect((await fetch(url)).status).toBe(400);
  const allowed = await fetch(url, { headers: { 'apollo-require-preflight': 'true' } });
  expect(allowed.status).toBe(200);
  expect(await allowed.json()).toEqual({ data: { committees: [{ name: 'Tỉnh Nghệ An' }] } });
});

test('the dashboard is served at / with a fallback for its routes, and /graphql is not swallowed', async () => {
  const home = await fetch(`${server.url}/`);
  expect(await home.text()).toContain('<title>Gắn Bó</title>');
  const route = await fetch(`${server.url}/committees/1`);
  expect(route.status).toBe(200);
  expect(await route.text()).toContain('Gắn Bó');
  const api = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}' });
  expect(await api.json()).toMatchObject({ data: { __typename: 'Query' } });
});

test('malformed JSON gets a 400, not a crash', async () => {
  const res = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":' });
  expect(res.status).toBe(400);
});
