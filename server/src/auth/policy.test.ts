import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestApi, type Gql, type GraphQLResponse, type TestApi } from '../test/api.js';
import { buildScopeFixture, type CellName, type RoleName, type ScopeFixture } from '../test/scope-fixture.js';
import { FIELD_POLICY, OPERATION_POLICY, operationAllowed } from './policy.js';
import { Scope, type Access } from './scope.js';
import { Role } from './viewer.js';
import { buildAppSchema } from '../graphql/schema.js';
import { uncoveredFields } from './schema-policy.js';

/**
 * The authorization matrix, generated from the policy table: every role × every restricted
 * field and every mutation × a row in its scope and a row outside it.
 */
let api: TestApi;
let fx: ScopeFixture;

beforeAll(async () => {
  api = await startTestApi();
  fx = await buildScopeFixture(api);
}, 120_000);
afterAll(() => api.close());

/** Each signed-in role: where its data lives, how it sees it, and a cell it may not see. */
const ROLES: Record<Exclude<RoleName, 'anonymous'>, { roles: Role[]; home: CellName; away: CellName; access: Access }> = {
  staffD: { roles: [Role.COMMITTEE_STAFF], home: 'X', away: 'Y', access: 'full' },
  staffC1: { roles: [Role.COMMITTEE_STAFF], home: 'A', away: 'X', access: 'full' },
  secretaryA: { roles: [Role.CELL_SECRETARY], home: 'A', away: 'B', access: 'full' },
  memberA: { roles: [Role.MEMBER], home: 'A', away: 'B', access: 'self' },
  analystP: { roles: [Role.ANALYST], home: 'A', away: 'Z', access: 'analyst' },
  admin: { roles: [Role.ADMIN], home: 'A', away: 'Z', access: 'full' },
};
const ALL_ROLES = [...Object.keys(ROLES), 'anonymous'] as RoleName[];

/** Whether a role may call an operation, straight from OPERATION_POLICY. */
function mayCall(kind: 'Query' | 'Mutation', name: string, role: RoleName): boolean {
  if (role === 'anonymous') return OPERATION_POLICY[kind][name] === 'public';
  const viewer = { bindings: ROLES[role].roles.map((r, i) => ({ id: i, role: r, committeeId: 1, cellId: 1, path: '/1/' })) };
  return operationAllowed(OPERATION_POLICY[kind][name], new Scope(viewer as never));
}

const refusal = (role: RoleName) => (role === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN');
const codeOf = (res: GraphQLResponse) => res.errors?.[0]?.extensions?.code ?? 'ok';

test('every field and operation of the schema has a policy entry (default deny)', async () => {
  expect(uncoveredFields(await buildAppSchema())).toEqual([]);
});

describe('fields', () => {
  /** How to read a restricted field of a row by id, for each type the policy restricts. */
  const READERS: Record<string, { root: string; rowOf: (r: ScopeFixture['rows'][CellName]) => number; select: (field: string) => string; pick: (data: any) => any }> = {
    Member: { root: 'member', rowOf: (r) => r.m, select: (f) => f, pick: (d) => d.member },
    Household: { root: 'household', rowOf: (r) => r.h, select: (f) => (f === 'location' ? 'location { lat }' : f), pick: (d) => d.household },
    HouseholdPoverty: { root: 'household', rowOf: (r) => r.h, select: (f) => `povertyHistory { ${f} }`, pick: (d) => d.household?.povertyHistory[0] },
    Visit: { root: 'visit', rowOf: (r) => r.v, select: (f) => f, pick: (d) => d.visit },
    Feedback: { root: 'feedback', rowOf: (r) => r.f, select: (f) => f, pick: (d) => d.feedback },
    FeedbackEvent: { root: 'feedback', rowOf: (r) => r.f, select: (f) => `events { ${f} }`, pick: (d) => d.feedback?.events.at(-1) },
  };
  const restricted = Object.entries(FIELD_POLICY).flatMap(([type, fields]) =>
    Object.entries(fields).filter(([, rule]) => rule.length < 3).map(([field, rule]) => ({ type, field, rule })));

  test('every restricted field has a reader in this test', () => {
    expect(restricted.length).toBeGreaterThan(10);
    expect(restricted.filter((r) => !READERS[r.type]).map((r) => r.type)).toEqual([]);
  });

  for (const { type, field, rule } of restricted) {
    for (const role of ALL_ROLES) {
      test(`${type}.${field} as ${role}`, async () => {
        const reader = READERS[type];
        const read = (cell: CellName) => fx.as[role](`query ($id: ID!) { ${reader.root}(id: $id) { id ${reader.select(field)} } }`, { id: reader.rowOf(fx.rows[cell]) });
        if (!mayCall('Query', reader.root, role)) {
          expect(codeOf(await read('A'))).toBe(refusal(role));
          return;
        }
        const { home, away, access } = ROLES[role as keyof typeof ROLES];
        const res = await read(home);
        expect(res.errors).toBeUndefined();
        const value = reader.pick(res.data)?.[field];
        if (rule.includes(access)) {
          expect(value).not.toBeNull();
          expect(value).toBeDefined();
        } else {
          expect(value).toBeNull();
          expect(res.extensions?.forbiddenFields).toContainEqual(expect.objectContaining({ field: `${type}.${field}` }));
        }
        const outside = await read(away);
        expect(codeOf(outside)).toBe('NOT_FOUND');
        expect(outside.data?.[reader.root] ?? null).toBeNull();
      });
    }
  }

  test('a secretary sees who holds a household of the cell, even a member of another cell; not that member\'s other cell', async () => {
    const holder = (await api.sql<{ id: number }>(`insert into member (cell_id, full_name) values ($1, 'Lò Văn Bản Bên') returning id`, [fx.cells.B]))[0].id;
    const household = (await api.sql<{ id: number }>(`insert into household (cell_id, head_name, address) values ($1, 'Hộ bản A', 'Bản A') returning id`, [fx.cells.A]))[0].id;
    await api.sql(`insert into assignment (member_id, household_id, mode) values ($1, $2, 'regular')`, [holder, household]);
    const res = await fx.as.secretaryA(`query ($h: ID!, $m: ID!) { household(id: $h) { activeAssignment { member { id fullName cell { id } } } } member(id: $m) { fullName } }`, { h: household, m: holder });
    expect(res.errors).toBeUndefined();
    expect(res.data!.household.activeAssignment.member).toEqual({ id: String(holder), fullName: 'Lò Văn Bản Bên', cell: null });
    expect(res.data!.member.fullName).toBe('Lò Văn Bản Bên');
    await api.sql(`update assignment set ended_on = current_date where member_id = $1`, [holder]);
    expect(codeOf(await fx.as.secretaryA(`query ($m: ID!) { member(id: $m) { id } }`, { m: holder }))).toBe('NOT_FOUND');
  });

  test('a member sees no other member of the cell, nor households held by others', async () => {
    for (const [root, id] of [['member', fx.rows.A.m2], ['household', fx.rows.A.h2], ['visit', fx.rows.A.v2], ['feedback', fx.rows.A.f2]] as const) {
      expect(codeOf(await fx.as.memberA(`query ($id: ID!) { ${root}(id: $id) { id } }`, { id }))).toBe('NOT_FOUND');
    }
  });
});

describe('mutations', () => {
  const one = async (text: string, params: unknown[]) => (await api.sql<{ id: number }>(text, params))[0].id;
  /** Fresh rows for one call, in a cell; for a member's "home", households are the member's own. */
  const fresh = {
    household: (cell: CellName) => one(`insert into household (cell_id, head_name, address) values ($1, 'Hộ mới', 'Bản') returning id`, [fx.cells[cell]]),
    member: (cell: CellName) => one(`insert into member (cell_id, full_name) values ($1, 'Đảng viên mới') returning id`, [fx.cells[cell]]),
    async ownHousehold(cell: CellName, role: RoleName) {
      const household = await this.household(cell);
      const member = role === 'memberA' && cell === 'A' ? fx.rows.A.m : await this.member(cell);
      await api.sql(`insert into assignment (member_id, household_id, mode) values ($1, $2, 'regular')`, [member, household]);
      return household;
    },
    async visit(cell: CellName, role: RoleName) {
      const household = await this.ownHousehold(cell, role);
      return one(`insert into visit (kind, cell_id, household_id, visited_on) values ('home_visit', $1, $2, current_date) returning id`, [fx.cells[cell], household]);
    },
    async feedback(cell: CellName, role: RoleName, status = 'raised') {
      const visit = await this.visit(cell, role);
      const id = await one(`insert into feedback (visit_id, cell_id, topic, content, raised_on) values ($1, $2, 'land', 'Tranh chấp đất', current_date) returning id`, [visit, fx.cells[cell]]);
      if (status !== 'raised') await api.sql(`update feedback set status = $1, answer = 'Đã trả lời' where id = $2`, [status, id]);
      return id;
    },
  };
  /** A cell's sheet for a year with every active member and the cell graded, submitted or not (existing rows kept). */
  const sheet = async (cell: CellName, year: number, submitted: boolean) => {
    await api.sql(`insert into member_classification (member_id, year, grade, submitted_at)
                   select id, $1, 'good', case when $2 then now() end from member where cell_id = $3 and status = 'active' on conflict do nothing`,
      [year, submitted, fx.cells[cell]]);
    await api.sql(`insert into cell_classification (cell_id, year, grade, submitted_at) values ($1, $2, 'good', case when $3 then now() end) on conflict do nothing`,
      [fx.cells[cell], year, submitted]);
  };
  let accounts = 0;
  const newAccount = () => one(`insert into account (username, display_name, password_hash) values ($1, 'Người mới', 'x') returning id`, [`new.account${++accounts}`]);

  /** One call of each mutation against fresh targets in a cell. Not scoped: admin operations without a unit. */
  const SCENARIOS: Record<string, { call: (gql: Gql, cell: CellName, role: RoleName) => Promise<GraphQLResponse>; scoped?: boolean }> = {
    assignHousehold: { call: async (gql, cell) => gql(`mutation ($m: ID!, $h: ID!) { assignHousehold(input: { memberId: $m, householdId: $h }) { id } }`, { m: await fresh.member(cell), h: await fresh.household(cell) }) },
    unassignHousehold: { call: async (gql, cell, role) => {
      const household = await fresh.ownHousehold(cell, role);
      const [{ id }] = await api.sql('select id from assignment where household_id = $1', [household]);
      return gql(`mutation ($a: ID!) { unassignHousehold(input: { assignmentId: $a }) { id } }`, { a: id });
    } },
    recordVisit: { call: async (gql, cell, role) => gql(`mutation ($h: ID!) { recordVisit(input: { householdId: $h, visitedOn: "2026-01-05" }) { id } }`, { h: await fresh.ownHousehold(cell, role) }) },
    raiseFeedback: { call: async (gql, cell, role) => gql(`mutation ($v: ID!) { raiseFeedback(input: { visitId: $v, topic: LAND, content: "Tranh chấp đất" }) { id } }`, { v: await fresh.visit(cell, role) }) },
    escalateFeedback: { call: async (gql, cell, role) => gql(`mutation ($f: ID!) { escalateFeedback(input: { feedbackId: $f }) { id } }`, { f: await fresh.feedback(cell, role) }) },
    answerFeedback: { call: async (gql, cell, role) => gql(`mutation ($f: ID!) { answerFeedback(input: { feedbackId: $f, answer: "Đã trả lời" }) { id } }`, { f: await fresh.feedback(cell, role) }) },
    closeFeedback: { call: async (gql, cell, role) => gql(`mutation ($f: ID!) { closeFeedback(input: { feedbackId: $f }) { id } }`, { f: await fresh.feedback(cell, role, 'answered_in_writing') }) },
    createCommittee: { call: async (gql, cell) => gql(`mutation ($p: ID!, $n: String!) { createCommittee(input: { parentId: $p, kind: COMMUNE, name: $n }) { id } }`, { p: (await api.sql('select committee_id from cell where id = $1', [fx.cells[cell]]))[0].committee_id, n: `Xã mới ${++accounts}` }), scoped: false },
    createCell: { call: async (gql, cell) => gql(`mutation ($c: ID!, $n: String!) { createCell(input: { committeeId: $c, kind: HAMLET, name: $n }) { id } }`, { c: (await api.sql('select committee_id from cell where id = $1', [fx.cells[cell]]))[0].committee_id, n: `Chi bộ ấp ${++accounts}` }), scoped: false },
    createAccount: { call: (gql) => gql(`mutation ($u: String!) { createAccount(input: { username: $u, displayName: "Cán bộ mới", password: "mật-khẩu-đủ-dài" }) { id } }`, { u: `can.bo${++accounts}` }), scoped: false },
    grantRole: { call: async (gql, cell) => gql(`mutation ($a: ID!, $c: ID!) { grantRole(input: { accountId: $a, role: CELL_SECRETARY, cellId: $c }) { id } }`, { a: await newAccount(), c: fx.cells[cell] }), scoped: false },
    revokeRole: { call: async (gql, cell) => {
      const id = await one(`insert into role_binding (account_id, role, cell_id) values ($1, 'cell_secretary', $2) returning id`, [await newAccount(), fx.cells[cell]]);
      return gql(`mutation ($b: ID!) { revokeRole(roleBindingId: $b) }`, { b: id });
    }, scoped: false },
    setAccountDisabled: { call: async (gql) => gql(`mutation ($a: ID!) { setAccountDisabled(accountId: $a, disabled: true) { disabled } }`, { a: await newAccount() }), scoped: false },
    setMemberStatus: { call: async (gql, cell) => gql(`mutation ($m: ID!) { setMemberStatus(input: { memberId: $m, status: EXEMPT, exemptReason: ILLNESS }) { status } }`, { m: await fresh.member(cell) }) },
    setMemberClassification: { call: async (gql, cell) => gql(`mutation ($m: ID!) { setMemberClassification(input: { memberId: $m, year: 2045, grade: GOOD }) { status } }`, { m: await fresh.member(cell) }) },
    setCellClassification: { call: (gql, cell) => gql(`mutation ($c: ID!) { setCellClassification(input: { cellId: $c, year: 2045, grade: GOOD }) { status } }`, { c: fx.cells[cell] }) },
    submitClassification: { call: async (gql, cell) => {
      await sheet(cell, 2050, false);
      return gql(`mutation ($c: ID!) { submitClassification(input: { cellId: $c, year: 2050 }) { status } }`, { c: fx.cells[cell] });
    } },
    approveClassification: { call: async (gql, cell) => {
      await sheet(cell, 2060, true);
      return gql(`mutation ($c: ID!) { approveClassification(input: { cellId: $c, year: 2060 }) { status } }`, { c: fx.cells[cell] });
    } },
    returnClassification: { call: async (gql, cell) => {
      await sheet(cell, 2070, true);
      return gql(`mutation ($c: ID!) { returnClassification(input: { cellId: $c, year: 2070, note: "Xem lại" }) { status } }`, { c: fx.cells[cell] });
    } },
    rateResidentMember: { call: async (gql, cell, role) => {
      // Lives in `cell`; at home works in a cell the role also reads, away in one it does not.
      const home = cell === (ROLES[role as keyof typeof ROLES] ?? ROLES.admin).home;
      const work = home ? (cell === 'A' ? 'B' : 'A') : cell === 'Z' ? 'Y' : 'Z';
      const member = await one(`insert into member (cell_id, residence_cell_id, full_name) values ($1, $2, 'Đảng viên cư trú') returning id`, [fx.cells[work as CellName], fx.cells[cell]]);
      return gql(`mutation ($m: ID!) { rateResidentMember(input: { memberId: $m, year: 2045, rating: GOOD }) { residenceRating } }`, { m: member });
    } },
    saveQuery: { call: (gql) => gql(`mutation ($n: String!) { saveQuery(input: { name: $n, document: "{ viewer { account { id } } }" }) { id } }`, { n: `Truy vấn ${++accounts}` }), scoped: false },
    deleteSavedQuery: { call: async (gql) => {
      const saved = await gql(`mutation ($n: String!) { saveQuery(input: { name: $n, document: "{ viewer { account { id } } }" }) { id } }`, { n: `Truy vấn ${++accounts}` });
      return saved.errors ? saved : gql(`mutation ($id: ID!) { deleteSavedQuery(id: $id) }`, { id: saved.data!.saveQuery.id });
    }, scoped: false },
  };
  const SESSION = new Set(['login', 'refreshSession', 'logout', 'changePassword']);

  test('every mutation of the policy table has a scenario here (session mutations have their own tests)', () => {
    expect(Object.keys(OPERATION_POLICY.Mutation).filter((m) => !SCENARIOS[m] && !SESSION.has(m))).toEqual([]);
  });

  for (const [mutation, scenario] of Object.entries(SCENARIOS)) {
    for (const role of ALL_ROLES) {
      test(`${mutation} as ${role}`, async () => {
        const where = role === 'anonymous' ? ROLES.admin : ROLES[role];
        const home = await scenario.call(fx.as[role], where.home, role);
        if (!mayCall('Mutation', mutation, role)) {
          expect(codeOf(home)).toBe(refusal(role));
          return;
        }
        expect(home.errors).toBeUndefined();
        if (scenario.scoped === false) return;
        expect(codeOf(await scenario.call(fx.as[role], where.away, role))).toBe('NOT_FOUND');
      });
    }
  }

  test('feedback is acted on at its level: the secretary at the cell, commune staff at the commune, district staff above', async () => {
    const atLevel = async (level: string) => {
      const id = await fresh.feedback('A', 'staffC1');
      await api.sql(`update feedback set status = 'escalated', level = $1 where id = $2`, [level === 'district' ? 'commune' : level, id]);
      if (level === 'district') await api.sql(`update feedback set status = 'escalated', level = 'district' where id = $1`, [id]);
      return id;
    };
    const answer = (gql: Gql, f: number) => gql(`mutation ($f: ID!) { answerFeedback(input: { feedbackId: $f, answer: "Trả lời bằng văn bản" }) { status } }`, { f });
    expect(codeOf(await answer(fx.as.secretaryA, await atLevel('commune')))).toBe('FORBIDDEN');
    expect(codeOf(await answer(fx.as.staffC1, await atLevel('commune')))).toBe('ok');
    expect(codeOf(await answer(fx.as.staffC1, await atLevel('district')))).toBe('FORBIDDEN');
    expect(codeOf(await answer(fx.as.staffD, await atLevel('district')))).toBe('ok');
  });

  test('a refused write changes nothing', async () => {
    const household = await fresh.household('A');
    const member = await fresh.member('A');
    const res = await fx.as.analystP(`mutation ($m: ID!, $h: ID!) { assignHousehold(input: { memberId: $m, householdId: $h }) { id } }`, { m: member, h: household });
    expect(codeOf(res)).toBe('FORBIDDEN');
    expect(await api.sql('select 1 from assignment where household_id = $1', [household])).toEqual([]);
  });

  test('an admin bound to a committee administers only inside it', async () => {
    const adminC1 = await api.account([{ role: 'admin', committeeId: fx.committees.C1 }]);
    const create = (committeeId: number) => adminC1(`mutation ($c: ID!, $n: String!) { createCell(input: { committeeId: $c, kind: HAMLET, name: $n }) { id } }`, { c: committeeId, n: `Ấp ${++accounts}` });
    expect(codeOf(await create(fx.committees.C1))).toBe('ok');
    expect(codeOf(await create(fx.committees.C2))).toBe('NOT_FOUND');
  });
});
