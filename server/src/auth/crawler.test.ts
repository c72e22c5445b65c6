import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { connectOrm, type Orm } from '../db/orm.js';
import { startServer, type AppServer } from '../http/server.js';
import { createTestDatabase } from '../test/db.js';
import { loadDemo } from '../demo/load.js';
import { DEMO_PASSWORD, seedDemoAccounts } from '../demo/accounts.js';
import { FIELD_POLICY } from './policy.js';
import { DEFAULT_LIMITS } from '../graphql/limits.js';

/**
 * Walks the whole schema by introspection as each demo account, follows every connection, and
 * checks each object that comes back against an oracle written in plain SQL for that account:
 * no row outside its scope, and for the analyst no value of a field the policy masks.
 */
let orm: Orm;
let server: AppServer;

beforeAll(async () => {
  const url = await createTestDatabase();
  await loadDemo(url, { scale: 'demo', seed: 7 });
  await seedDemoAccounts(url);
  orm = await connectOrm(url);
  // The crawl is hundreds of queries a minute: budgets are lifted, per-query limits are not.
  const limits = Object.fromEntries(Object.entries(DEFAULT_LIMITS).map(([role, l]) => [role, { ...l, budgetPerMinute: 100_000_000 }])) as typeof DEFAULT_LIMITS;
  server = await startServer({ orm, port: 0, host: '127.0.0.1', limits });
}, 120_000);
afterAll(async () => {
  await server.close();
  await orm.close();
});

const sql = <T>(text: string, params: unknown[] = []) => orm.em.fork().getConnection().execute(text, params) as Promise<T[]>;

async function post(token: string | null, query: string, variables: Record<string, unknown> = {}) {
  const res = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return (await res.json()) as { data?: any; errors?: { extensions?: { code?: string } }[] };
}

interface TypeRef { kind: string; name: string | null; ofType: TypeRef | null }
interface IntrospectedField { name: string; args: { name: string; type: TypeRef; defaultValue: string | null }[]; type: TypeRef }
const named = (t: TypeRef): TypeRef => (t.ofType ? named(t.ofType) : t);

/** Ids each account may see, per type: the oracle, independent of the server's Scope class. */
async function oracle(username: string): Promise<Record<string, Set<string>>> {
  const [account] = await sql<{ id: number; member_id: number | null }>('select id, member_id from account where username = ?', [username]);
  const bindings = await sql<{ role: string; path: string | null; cell_id: number | null }>(
    `select b.role, coalesce(k.path, ck.path) as path, b.cell_id from role_binding b
       left join committee k on k.id = b.committee_id left join cell c on c.id = b.cell_id left join committee ck on ck.id = c.committee_id
      where b.account_id = ?`, [account.id]);
  const subtree = bindings.filter((b) => b.role === 'committee_staff' || b.role === 'analyst').map((b) => b.path!);
  // Admins see the units (committees and cells) they administer, not people's data.
  const adminTree = bindings.filter((b) => b.role === 'admin').map((b) => b.path ?? '/');
  const secretaryCells = bindings.filter((b) => b.role === 'cell_secretary').map((b) => b.cell_id!);
  const memberId = bindings.some((b) => b.role === 'member') ? account.member_id ?? 0 : 0;
  const ids = async (text: string, params: unknown[] = []) => new Set((await sql<{ id: number }>(text, params)).map((r) => String(r.id)));
  const dataCells = [...(await ids(`select c.id from cell c join committee k on k.id = c.committee_id
      where exists (select 1 from unnest(?::text[]) p where k.path like p || '%')`, [`{${subtree.join(',')}}`]))].map(Number).concat(secretaryCells);
  const cells = `{${dataCells.join(',')}}`;
  const anchors = [...bindings.map((b) => b.path).filter(Boolean), ...(memberId ? (await sql<{ path: string }>(
    'select k.path from member m join cell c on c.id in (m.cell_id, m.residence_cell_id) join committee k on k.id = c.committee_id where m.id = ?', [memberId])).map((r) => r.path) : [])];
  const own = `(select household_id from assignment where member_id = ${Number(memberId)} and ended_on is null)`;
  const ownVisits = `(select visit_id from visit_participant where member_id = ${Number(memberId)})`;
  return {
    Committee: await ids(`select id from committee k where exists (select 1 from unnest(?::text[]) p where k.path like p || '%' or p like k.path || '%')`,
      [`{${[...subtree, ...adminTree, ...anchors].join(',')}}`]),
    Cell: await ids(`select c.id from cell c join committee k on k.id = c.committee_id where c.id = any(?::int[])
      or c.id in (select cell_id from member where id = ? union select residence_cell_id from member where id = ?)
      or exists (select 1 from unnest(?::text[]) p where k.path like p || '%')`, [cells, memberId, memberId, `{${adminTree.join(',')}}`]),
    // A secretary also sees whoever holds a household of the cell, a member elsewhere or not.
    Member: await ids(`select id from member where cell_id = any(?::int[]) or residence_cell_id = any(?::int[]) or id = ?
      or id in (select a.member_id from assignment a join household h on h.id = a.household_id where a.ended_on is null and h.cell_id = any(?::int[]))`,
      [cells, `{${secretaryCells.join(',')}}`, memberId, `{${secretaryCells.join(',')}}`]),
    Household: await ids(`select id from household where cell_id = any(?::int[]) or id in ${own}`, [cells]),
    HouseholdGroup: await ids(`select id from household_group where cell_id = any(?::int[])`, [cells]),
    Assignment: await ids(`select a.id from assignment a join household h on h.id = a.household_id where h.cell_id = any(?::int[]) or a.member_id = ?`, [cells, memberId]),
    Visit: await ids(`select id from visit where cell_id = any(?::int[]) or household_id in ${own} or id in ${ownVisits}`, [cells]),
    Feedback: await ids(`select id from feedback where cell_id = any(?::int[]) or household_id in ${own} or visit_id in ${ownVisits}`, [cells]),
    Account: await ids('select id from account where id = ? or ?', [account.id, bindings.some((b) => b.role === 'admin')]),
  };
}

const MASKED_FOR_ANALYSTS = Object.fromEntries(Object.entries(FIELD_POLICY).map(([type, fields]) =>
  [type, Object.entries(fields).filter(([, rule]) => !rule.includes('analyst')).map(([field]) => field)]));

describe.each([
  'huyen.tuongduong', 'xa.huukhuong', 'bithu.xopmat', 'dangvien.xopmat', 'phantich.nghean', 'admin',
])('crawling the schema as %s', (username) => {
  test('returns no row outside the account\'s scope and no masked value', async () => {
    const login = await post(null, `mutation { login(input: { username: "${username}", password: "${DEMO_PASSWORD}" }) { accessToken } }`);
    const token = login.data.login.accessToken as string;
    const allowed = await oracle(username);
    const isAnalyst = username === 'phantich.nghean';
    const schema = (await post(token, `{ __schema { types { name kind fields { name args { name defaultValue type { ...T } } type { ...T } } } } }
      fragment T on __Type { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } } }`)).data.__schema;
    const types = new Map<string, { kind: string; fields: IntrospectedField[] | null }>(schema.types.map((t: any) => [t.name, t]));

    const selection = (typeName: string, depth: number): string => {
      const parts = ['__typename'];
      for (const field of types.get(typeName)!.fields ?? []) {
        if (field.args.some((a) => a.type.kind === 'NON_NULL' && a.defaultValue === null)) continue;
        const target = named(field.type);
        const kind = types.get(target.name!)!.kind;
        if (kind !== 'OBJECT') parts.push(field.name);
        else if (depth > 0) parts.push(`${field.name}${field.args.some((a) => a.name === 'first') ? '(first: 10)' : ''} { ${selection(target.name!, depth - 1)} }`);
      }
      return parts.join(' ');
    };

    const seen = new Map<string, Set<string>>();
    let objects = 0;
    const violations: string[] = [];
    const inspect = (value: unknown): void => {
      if (Array.isArray(value)) return value.forEach(inspect);
      if (!value || typeof value !== 'object') return;
      const object = value as Record<string, unknown>;
      const type = object.__typename as string | undefined;
      if (type && typeof object.id === 'string') {
        objects++;
        if (!seen.has(type)) seen.set(type, new Set());
        seen.get(type)!.add(object.id);
        if (allowed[type] && !allowed[type].has(object.id)) violations.push(`${type} ${object.id} is outside the scope`);
      }
      if (type && isAnalyst) {
        for (const field of MASKED_FOR_ANALYSTS[type] ?? []) {
          if (object[field] !== undefined && object[field] !== null) violations.push(`${type}.${field} = ${JSON.stringify(object[field])}`);
        }
      }
      Object.values(object).forEach(inspect);
    };

    // Every root field that needs no argument, with every connection followed for a few pages.
    const query = types.get('Query')!;
    for (const root of query.fields!) {
      const needsArgs = root.args.some((a) => a.type.kind === 'NON_NULL' && a.defaultValue === null);
      if (needsArgs) continue;
      const target = named(root.type).name!;
      const paged = root.args.some((a) => a.name === 'after');
      let after: string | null = null;
      for (let page = 0; page < (paged ? 3 : 1); page++) {
        // The widest selection the account's cost limit allows.
        let res: Awaited<ReturnType<typeof post>> = { errors: [] };
        for (const depth of [3, 2, 1]) {
          res = paged
            ? await post(token, `query ($after: String) { ${root.name}(first: 50, after: $after) { ${selection(target, depth)} } }`, { after })
            : await post(token, `{ ${root.name} { ${selection(target, depth)} } }`);
          if (!['QUERY_TOO_COSTLY', 'QUERY_TOO_DEEP'].includes(res.errors?.[0]?.extensions?.code ?? '')) break;
        }
        // FORBIDDEN: not this role's; BAD_USER_INPUT: a root that needs one of its optional arguments (coverage).
        if (['FORBIDDEN', 'BAD_USER_INPUT'].includes(res.errors?.[0]?.extensions?.code ?? '')) break;
        expect(res.errors, `${root.name}: ${JSON.stringify(res.errors)}`).toBeUndefined();
        inspect(res.data);
        after = res.data[root.name]?.pageInfo?.endCursor ?? null;
        if (!res.data[root.name]?.pageInfo?.hasNextPage) break;
      }
    }
    // Then every object found, asked for by id, and the lists of every committee found.
    for (const [type, ids] of [...seen]) {
      const root = query.fields!.find((f) => named(f.type).name === type && f.args.length === 1 && f.args[0].name === 'id');
      if (!root) continue;
      for (const id of [...ids].slice(0, 8)) inspect((await post(token, `query ($id: ID!) { ${root.name}(id: $id) { ${selection(type, 2)} } }`, { id })).data);
    }
    for (const committeeId of [...(seen.get('Committee') ?? [])].slice(0, 6)) {
      inspect((await post(token, `query ($c: ID!) { cells(committeeId: $c, first: 50) { ${selection('CellConnection', 3)} } }`, { c: committeeId })).data);
      const coverage = await post(token, `query ($c: ID!) { coverage(committeeId: $c) { ${selection('CoverageReport', 3)} } }`, { c: committeeId });
      if (coverage.errors) expect(['FORBIDDEN', 'NOT_FOUND']).toContain(coverage.errors[0].extensions?.code);
      else expect(allowed.Committee.has(committeeId) && !['bithu.xopmat', 'dangvien.xopmat', 'admin'].includes(username)).toBe(true);
    }
    // Rows outside the scope, asked for by id, are NOT_FOUND.
    for (const [type, root, table] of [['Member', 'member', 'member'], ['Household', 'household', 'household'], ['Visit', 'visit', 'visit'], ['Feedback', 'feedback', 'feedback']]) {
      const outside = (await sql<{ id: number }>(`select id from ${table} order by id`)).map((r) => String(r.id)).filter((id) => !allowed[type].has(id)).slice(0, 3);
      for (const id of outside) {
        const res = await post(token, `query ($id: ID!) { ${root}(id: $id) { id } }`, { id });
        expect(['NOT_FOUND', 'FORBIDDEN']).toContain(res.errors?.[0]?.extensions?.code);
      }
    }

    expect(violations.slice(0, 20)).toEqual([]);
    expect(objects).toBeGreaterThan(username === 'admin' ? 5 : 50);
  }, 120_000);
});
