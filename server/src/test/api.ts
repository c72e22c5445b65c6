import { connectOrm, type Orm } from '../db/orm.js';
import { startServer } from '../http/server.js';
import { hashPassword } from '../auth/password.js';
import type { Live } from '../live/live.js';
import { DEFAULT_LIMITS, type Limits } from '../graphql/limits.js';
import { createTestDatabase } from './db.js';

export interface GraphQLResponse<T = Record<string, any>> {
  data?: T | null;
  errors?: { message: string; path?: string[]; extensions?: { code?: string; field?: string; [key: string]: unknown } }[];
  extensions?: { sqlStatements?: number; forbiddenFields?: { field: string; count: number }[]; [key: string]: unknown };
}

export type Gql = <T = Record<string, any>>(query: string, variables?: Record<string, unknown>) => Promise<GraphQLResponse<T>>;

export interface TestApi {
  url: string;
  databaseUrl: string;
  orm: Orm;
  /** The server's live updates (coverage hub counters). */
  live: Live;
  /** Root committee of the test tree; every builder committee goes under it by default. */
  rootId: number;
  /** POSTs a GraphQL operation over real HTTP as committee staff of the root (sees everything). */
  gql: Gql;
  /** The same, with another bearer token (or none). */
  as: (token: string | null) => Gql;
  /** Signs in over the API; returns the access token. */
  login: (username: string, password?: string) => Promise<string>;
  /** Creates an account with roles and returns a signed-in client for it. */
  account: (roles: { role: string; committeeId?: number; cellId?: number }[], memberId?: number) => Promise<Gql>;
  /** Runs SQL directly against the test database. */
  sql: <T = Record<string, any>>(text: string, params?: unknown[]) => Promise<T[]>;
  close: () => Promise<void>;
}

export const TEST_PASSWORD = 'mật-khẩu-thử-nghiệm';
let passwordHash: Promise<string> | undefined;

/** A real server on a random port over a fresh database of its own. */
export async function startTestApi(options: { limits?: Record<string, Partial<Limits>> } = {}): Promise<TestApi> {
  const databaseUrl = await createTestDatabase();
  const orm = await connectOrm(databaseUrl);
  const limits = options.limits
    ? Object.fromEntries(Object.entries(DEFAULT_LIMITS).map(([role, l]) => [role, { ...l, ...options.limits![role] }])) as typeof DEFAULT_LIMITS
    : undefined;
  const server = await startServer({ orm, port: 0, host: '127.0.0.1', exposeSqlCount: true, limits });
  const sql: TestApi['sql'] = (text, params = []) => orm.em.fork().getConnection().execute(text.replace(/\$\d+/g, '?'), params) as Promise<any[]>;
  const as = (token: string | null): Gql => async (query, variables) => {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return response.json() as Promise<GraphQLResponse<any>>;
  };
  const login = async (username: string, password = TEST_PASSWORD) => {
    const res = await as(null)(`mutation ($u: String!, $p: String!) { login(input: { username: $u, password: $p }) { accessToken } }`, { u: username, p: password });
    if (!res.data?.login) throw new Error(`login failed: ${JSON.stringify(res.errors)}`);
    return res.data.login.accessToken as string;
  };
  let accounts = 0;
  const account: TestApi['account'] = async (roles, memberId) => {
    const username = `tester${++accounts}`;
    passwordHash ??= hashPassword(TEST_PASSWORD);
    const [{ id }] = await sql<{ id: number }>('insert into account (username, display_name, password_hash, member_id) values ($1, $2, $3, $4) returning id',
      [username, `Người thử ${accounts}`, await passwordHash, memberId ?? null]);
    for (const r of roles) {
      await sql('insert into role_binding (account_id, role, committee_id, cell_id) values ($1, $2, $3, $4)', [id, r.role, r.committeeId ?? null, r.cellId ?? null]);
    }
    return as(await login(username));
  };
  const [{ id: rootId }] = await sql<{ id: number }>(`insert into committee (kind, name) values ('province', 'Tỉnh Kiểm Thử') returning id`);
  const gql = await account([{ role: 'committee_staff', committeeId: rootId }]);
  return {
    url: server.url, databaseUrl, orm, live: server.live, rootId, gql, as, login, account, sql,
    close: async () => {
      await server.close();
      await orm.close();
    },
  };
}
