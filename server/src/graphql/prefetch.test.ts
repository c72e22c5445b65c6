import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { connectOrm, type Orm } from '../db/orm.js';
import { startServer, type AppServer } from '../http/server.js';
import { createTestDatabase } from '../test/db.js';
import { loadDemo } from '../demo/load.js';
import { DEMO_PASSWORD, seedDemoAccounts } from '../demo/accounts.js';
import { DEFAULT_LIMITS } from './limits.js';
import { getMetadataStorage } from 'type-graphql';
import { NEEDS, RELATIONS } from './prefetch.js';

/**
 * Rows fetched along with a list (prefetch.ts) must be exactly what each field's own loader
 * returns: the same rows, scope, access and masking. Each list below is compared, node by node,
 * with the same selection asked for one object at a time by id (no look-ahead on that path).
 */
let orm: Orm;
let server: AppServer;
const lifted = Object.fromEntries(Object.entries(DEFAULT_LIMITS).map(([role, l]) => [role, { ...l, maxCost: 1e9, budgetPerMinute: 1e12, maxDepth: 20 }])) as typeof DEFAULT_LIMITS;

beforeAll(async () => {
  const url = await createTestDatabase();
  await loadDemo(url, { scale: 'demo', seed: 5, referenceDate: '2026-10-31' });
  await seedDemoAccounts(url);
  orm = await connectOrm(url);
  server = await startServer({ orm, port: 0, host: '127.0.0.1', exposeSqlCount: true, limits: lifted });
}, 120_000);
afterAll(async () => {
  await server?.close();
  await orm?.close();
});

type Response = { data?: any; errors?: unknown[]; extensions?: { sqlStatements?: number } };

async function as(username: string) {
  const post = async (query: string, variables: Record<string, unknown> = {}, token?: string): Promise<Response> => {
    const res = await fetch(`${server.url}/graphql`, {
      method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return res.json() as Promise<Response>;
  };
  const login = await post(`mutation { login(input: { username: "${username}", password: "${DEMO_PASSWORD}" }) { accessToken } }`);
  const token = login.data.login.accessToken as string;
  return async (query: string, variables: Record<string, unknown> = {}) => {
    const res = await post(query, variables, token);
    expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
    return res;
  };
}

const ASSIGNMENT = `id mode dueOn household { id headName address isPriority lastVisit { id visitedOn notes } activeAssignment { id } cell { name } } member { id fullName phone cell { name } } lastVisit { id visitedOn hotSpot }`;
const MEMBER = `id fullName phone healthNote cell { id name } assignments { ${ASSIGNMENT} } all: assignments(activeOnly: false) { id endedOn }`;
const HOUSEHOLD = `id headName address lastVisit { id visitedOn notes household { id headName } } assignments { id member { fullName } } activeAssignment { id lastVisit { visitedOn } } cell { name }`;
const VISIT = `id visitedOn notes household { id headName lastVisit { id visitedOn } cell { name } }`;

const ACCOUNTS = ['huyen.tuongduong', 'bithu.xopmat', 'dangvien.xopmat', 'phantich.nghean'];

describe.each(ACCOUNTS)('look-ahead as %s', (username) => {
  test('lists with nested relations answer what each object answers by id', async () => {
    const gql = await as(username);
    const lists: [string, string, string, string][] = [
      ['assignments', `{ assignments(first: 60, orderBy: LAST_VISIT_ON_ASC) { nodes { ${ASSIGNMENT} } } }`, 'assignment', ASSIGNMENT],
      ['assignments', `{ assignments(first: 60, active: null) { edges { node { ${ASSIGNMENT} } } } }`, 'assignment', ASSIGNMENT],
      ['members', `{ members(first: 60) { nodes { ${MEMBER} } } }`, 'member', MEMBER],
      ['households', `{ households(first: 60, orderBy: LAST_VISIT_ON_ASC) { nodes { ${HOUSEHOLD} } } }`, 'household', HOUSEHOLD],
      ['visits', `{ visits(first: 60) { nodes { ${VISIT} } } }`, 'visit', VISIT],
    ];
    let compared = 0;
    for (const [field, query, byId, selection] of lists) {
      const res = await gql(query);
      const page = res.data[field];
      const nodes: any[] = page.nodes ?? page.edges.map((e: any) => e.node);
      for (const node of nodes.slice(0, 25)) {
        const one = await gql(`query ($id: ID!) { ${byId}(id: $id) { ${selection} } }`, { id: node.id });
        expect(node, `${field} ${node.id}`).toEqual(one.data[byId]);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(0);
  });

  test('every field of the rows fetched along (projected to the columns the query reads) answers as by id', async () => {
    const gql = await as(username);
    // Every field without required arguments whose type is a scalar or an enum, read from the schema.
    const leaves = async (type: string) => {
      const res = await gql(`query ($t: String!) { __type(name: $t) { fields { name args { type { kind } } type { kind ofType { kind ofType { kind ofType { kind } } } } } } }`, { t: type });
      const base = (t: any): string => (t.ofType ? base(t.ofType) : t.kind);
      return res.data.__type.fields
        .filter((f: any) => ['SCALAR', 'ENUM'].includes(base(f.type)) && !f.args.some((a: any) => a.type.kind === 'NON_NULL'))
        .map((f: any) => f.name).join(' ');
    };
    const [assignment, household, member, visit, cell] = await Promise.all(['Assignment', 'Household', 'Member', 'Visit', 'Cell'].map(leaves));
    const selections: [string, string, string][] = [
      ['assignments', 'assignment', `${assignment} household { ${household} cell { ${cell} } lastVisit { ${visit} } } member { ${member} } lastVisit { ${visit} }`],
      ['members', 'member', `${member} cell { ${cell} } assignments(activeOnly: false) { ${assignment} household { ${household} } }`],
      ['households', 'household', `${household} assignments { ${assignment} member { ${member} } } activeAssignment { id } lastVisit { ${visit} }`],
      ['visits', 'visit', `${visit} household { ${household} lastVisit { ${visit} } }`],
    ];
    for (const [list, byId, selection] of selections) {
      const res = await gql(`{ ${list}(first: 30) { nodes { ${selection} } } }`);
      const nodes: any[] = res.data[list].nodes;
      expect(nodes.length, list).toBeGreaterThan(0);
      for (const node of nodes.slice(0, 10)) {
        const one = await gql(`query ($id: ID!) { ${byId}(id: $id) { ${selection} } }`, { id: node.id });
        expect(node, `${list} ${node.id}`).toEqual(one.data[byId]);
      }
    }
    // Two fields read the same households, one through a list fetched along: each answers its own fields.
    const both = await gql(`{ assignments(first: 20) { nodes { household { id headName } } } households(first: 100) { nodes { id address size isPriority } } }`);
    for (const h of both.data.households.nodes) {
      const one = await gql(`query ($id: ID!) { household(id: $id) { id address size isPriority } }`, { id: h.id });
      expect(h).toEqual(one.data.household);
    }
  });

  test('a cell page fetches its members, their households and last visits in one statement', async () => {
    const gql = await as(username);
    const cells = await gql(`{ members(first: 5) { nodes { cell { id } } } }`);
    const cellId = cells.data.members.nodes[0]?.cell?.id;
    if (!cellId) return;
    const page = await gql(`query ($id: ID!) { cell(id: $id) { members(first: 50) { nodes { ${MEMBER} } } } }`, { id: cellId });
    for (const member of page.data.cell?.members.nodes ?? []) {
      const one = await gql(`query ($id: ID!) { member(id: $id) { ${MEMBER} } }`, { id: member.id });
      expect(member).toEqual(one.data.member);
    }
  });
});

test('look-ahead fetches every nested level of a list in one more statement', async () => {
  const gql = await as('huyen.tuongduong');
  // The viewer and a lease of the budget are read by the first request only.
  await gql('{ viewer { roles { role } } }');
  const plain = await gql(`{ assignments(first: 50, orderBy: LAST_VISIT_ON_ASC) { nodes { id } } }`);
  const one = await gql(`{ assignments(first: 50, orderBy: LAST_VISIT_ON_ASC) { nodes { id household { headName } } } }`);
  const nested = await gql(`{ assignments(first: 50, orderBy: LAST_VISIT_ON_ASC) { nodes { id household { headName lastVisit { visitedOn } } member { fullName } lastVisit { visitedOn } } } }`);
  // The page, then the related rows of every level by the page's ids (planned once per connection).
  expect(one.extensions!.sqlStatements).toBe(plain.extensions!.sqlStatements! + 1);
  expect(nested.extensions!.sqlStatements).toBe(one.extensions!.sqlStatements);
});

test('every field resolver or getter of a type fetched along says which columns it reads, or is a relation', () => {
  const fetchedAlong = new Set(Object.values(RELATIONS).map((r) => r.type));
  const missing: string[] = [];
  for (const resolver of getMetadataStorage().fieldResolvers) {
    const type = (resolver.resolverClassMetadata?.getObjectType?.() ?? resolver.target) as { name?: string } | undefined;
    const key = `${type?.name}.${resolver.schemaName}`;
    if (type?.name && fetchedAlong.has(type.name) && !NEEDS[key] && !RELATIONS[key]) missing.push(key);
  }
  expect(fetchedAlong.size).toBeGreaterThan(3);
  expect(missing).toEqual([]);
});
