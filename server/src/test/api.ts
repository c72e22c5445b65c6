import { connectOrm, type Orm } from '../db/orm.js';
import { startServer } from '../http/server.js';
import { createTestDatabase } from './db.js';

export interface GraphQLResponse<T = Record<string, any>> {
  data?: T | null;
  errors?: { message: string; path?: string[]; extensions?: { code?: string; field?: string; [key: string]: unknown } }[];
  extensions?: { sqlStatements?: number; [key: string]: unknown };
}

export interface TestApi {
  url: string;
  databaseUrl: string;
  orm: Orm;
  /** POSTs a GraphQL operation over real HTTP. */
  gql: <T = Record<string, any>>(query: string, variables?: Record<string, unknown>) => Promise<GraphQLResponse<T>>;
  /** Runs SQL directly against the test database. */
  sql: <T = Record<string, any>>(text: string, params?: unknown[]) => Promise<T[]>;
  close: () => Promise<void>;
}

/** A real server on a random port over a fresh database of its own. */
export async function startTestApi(): Promise<TestApi> {
  const databaseUrl = await createTestDatabase();
  const orm = await connectOrm(databaseUrl);
  const server = await startServer({ orm, port: 0, host: '127.0.0.1', exposeSqlCount: true });
  return {
    url: server.url,
    databaseUrl,
    orm,
    gql: async (query, variables) => {
      const response = await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, variables }),
      });
      return response.json() as Promise<GraphQLResponse<any>>;
    },
    sql: (text, params = []) => orm.em.fork().getConnection().execute(text.replace(/\$\d+/g, '?'), params) as Promise<any[]>,
    close: async () => {
      await server.close();
      await orm.close();
    },
  };
}
