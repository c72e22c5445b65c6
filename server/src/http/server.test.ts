import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { connectOrm, type Orm } from '../db/orm.js';
import { createTestDatabase } from '../test/db.js';
import { startServer, type AppServer } from './server.js';
import { hashPassword } from '../auth/password.js';

let orm: Orm;
let server: AppServer;
let token: string;

beforeAll(async () => {
  orm = await connectOrm(await createTestDatabase());
  const em = orm.em.fork();
  const [{ id }] = await em.execute(`insert into committee (kind, name) values ('province', 'Tỉnh Nghệ An') returning id`);
  const [account] = await em.execute(`insert into account (username, display_name, password_hash) values ('tinh.nghean', 'Văn phòng Tỉnh ủy', ?) returning id`, [await hashPassword('mật-khẩu-dài-1')]);
  await em.execute(`insert into role_binding (account_id, role, committee_id) values (?, 'committee_staff', ?)`, [account.id, id]);
  const webDist = await mkdtemp(path.join(os.tmpdir(), 'gan-bo-web-'));
  await writeFile(path.join(webDist, 'index.html'), '<!doctype html><title>Gắn Bó</title>');
  server = await startServer({ orm, port: 0, host: '127.0.0.1', webDist });
  const res = await fetch(`${server.url}/graphql`, {
    method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: 'mutation { login(input: { username: "tinh.nghean", password: "mật-khẩu-dài-1" }) { accessToken } }' }),
  });
  token = ((await res.json()) as { data: { login: { accessToken: string } } }).data.login.accessToken;
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

async function overWebSocket(query: string, authorization?: string): Promise<unknown> {
  const client = createClient({
    url: `${server.url.replace('http', 'ws')}/graphql`, webSocketImpl: WebSocket, lazy: true, retryAttempts: 0,
    connectionParams: authorization ? { authorization } : undefined,
  });
  try {
    return await new Promise<unknown>((resolve, reject) => {
      let value: unknown;
      client.subscribe({ query }, { next: (data) => { value = data; }, error: reject, complete: () => resolve(value) });
    });
  } finally {
    await client.dispose();
  }
}

test('queries run over graphql-ws on the same port and path, authenticated by the connection parameters', async () => {
  expect(await overWebSocket('{ committees { name kind } }', `Bearer ${token}`))
    .toEqual({ data: { committees: [{ name: 'Tỉnh Nghệ An', kind: 'PROVINCE' }] } });
  // Without a valid token the connection itself is refused at connection_init.
  await expect(overWebSocket('{ committees { name } }')).rejects.toMatchObject({ code: 4403 });
  await expect(overWebSocket('{ committees { name } }', 'Bearer forged')).rejects.toMatchObject({ code: 4403 });
});

test('GET queries need a preflight header: CSRF protection stays on', async () => {
  const url = `${server.url}/graphql?query=${encodeURIComponent('{ committees { name } }')}`;
  expect((await fetch(url)).status).toBe(400);
  const allowed = await fetch(url, { headers: { 'apollo-require-preflight': 'true', authorization: `Bearer ${token}` } });
  expect(allowed.status).toBe(200);
  expect(await allowed.json()).toMatchObject({ data: { committees: [{ name: 'Tỉnh Nghệ An' }] } });
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

test('API answers, refusals included, are never stored by a cache', async () => {
  const post = (body: string, headers: Record<string, string> = {}) =>
    fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  const ok = await post('{"query":"{ committees { name } }"}', { authorization: `Bearer ${token}` });
  expect(ok.headers.get('cache-control')).toBe('no-store');
  expect(ok.headers.get('etag')).toBeNull();
  const refused = await post('{"query":"{ committees { name } }"}');
  expect(((await refused.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code).toBe('UNAUTHENTICATED');
  expect(refused.headers.get('cache-control')).toBe('no-store');
  const invalid = await post('{"query":"{ nope }"}');
  expect(invalid.status).toBe(400);
  expect(invalid.headers.get('cache-control')).toBe('no-store');
});
