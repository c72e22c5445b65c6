import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestApi, type TestApi } from '../../test/api.js';
import { builders, type Builders } from '../../test/builders.js';

const ASSIGN = `mutation ($memberId: ID!, $householdId: ID!) {
  assignHousehold(input: { memberId: $memberId, householdId: $householdId }) { id mode active member { id } household { id } }
}`;
const UNASSIGN = `mutation ($id: ID!) { unassignHousehold(input: { assignmentId: $id, reason: "Chuyển nơi ở" }) { id active endedOn endReason } }`;

let api: TestApi;
let seed: Builders;
let commune: number;
let cell: number;

beforeAll(async () => {
  api = await startTestApi();
  seed = builders(api.sql, api.rootId);
  const district = await seed.committee({ kind: 'district' });
  commune = await seed.committee({ parentId: district });
  cell = await seed.cell(commune);
});
afterAll(() => api.close());

const activeAssignments = async (householdId: number) =>
  (await api.sql<{ n: number }>('select count(*)::int as n from assignment where household_id = $1 and ended_on is null', [householdId]))[0].n;

describe('assignHousehold', () => {
  test('assigns a household to an active resident member in regular mode', async () => {
    const member = await seed.member(cell);
    const household = await seed.household(cell);
    const res = await api.gql(ASSIGN, { memberId: member, householdId: household });
    expect(res.errors).toBeUndefined();
    expect(res.data!.assignHousehold).toMatchObject({ mode: 'REGULAR', active: true, member: { id: String(member) }, household: { id: String(household) } });
  });

  test('a member living outside the commune is assigned in non-regular mode', async () => {
    const member = await seed.member(cell, { livesInCommune: false });
    const res = await api.gql(ASSIGN, { memberId: member, householdId: await seed.household(cell) });
    expect(res.data!.assignHousehold.mode).toBe('NON_REGULAR');
  });

  test('a household already assigned is refused with HOUSEHOLD_ALREADY_ASSIGNED and nothing changes', async () => {
    const household = await seed.household(cell);
    await api.gql(ASSIGN, { memberId: await seed.member(cell), householdId: household });
    const res = await api.gql(ASSIGN, { memberId: await seed.member(cell), householdId: household });
    expect(res.data).toBeNull();
    expect(res.errors![0].extensions).toMatchObject({ code: 'HOUSEHOLD_ALREADY_ASSIGNED', field: 'householdId' });
    expect(await activeAssignments(household)).toBe(1);
  });

  test('an exempt member cannot be assigned (MEMBER_EXEMPT)', async () => {
    const household = await seed.household(cell);
    const res = await api.gql(ASSIGN, { memberId: await seed.member(cell, { status: 'exempt' }), householdId: household });
    expect(res.errors![0].extensions).toMatchObject({ code: 'MEMBER_EXEMPT', field: 'memberId' });
    expect(await activeAssignments(household)).toBe(0);
  });

  test('a household of another commune is refused unless it is the member\'s residence commune', async () => {
    const otherCommune = await seed.committee({ parentId: (await api.sql('select parent_id from committee where id = $1', [commune]))[0].parent_id });
    const otherCell = await seed.cell(otherCommune);
    const far = await seed.household(otherCell);
    const res = await api.gql(ASSIGN, { memberId: await seed.member(cell), householdId: far });
    expect(res.errors![0].extensions).toMatchObject({ code: 'HOUSEHOLD_OUTSIDE_MEMBER_COMMUNE', field: 'householdId' });

    const worksHereLivesThere = await seed.member(cell, { residenceCellId: otherCell });
    const ok = await api.gql(ASSIGN, { memberId: worksHereLivesThere, householdId: far });
    expect(ok.errors).toBeUndefined();
  });

  test('unknown or malformed ids name the offending field', async () => {
    const household = await seed.household(cell);
    const missing = await api.gql(ASSIGN, { memberId: '999999', householdId: household });
    expect(missing.errors![0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'memberId' });
    const malformed = await api.gql(ASSIGN, { memberId: 'abc', householdId: household });
    expect(malformed.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'memberId' });
  });

  test('two concurrent assignments of one household: exactly one wins', async () => {
    for (let round = 0; round < 5; round++) {
      const household = await seed.household(cell);
      const members = await Promise.all([seed.member(cell), seed.member(cell), seed.member(cell), seed.member(cell)]);
      const results = await Promise.all(members.map((memberId) => api.gql(ASSIGN, { memberId, householdId: household })));
      const winners = results.filter((r) => !r.errors);
      const losers = results.filter((r) => r.errors);
      expect(winners).toHaveLength(1);
      expect(losers.map((r) => r.errors![0].extensions!.code)).toEqual(['HOUSEHOLD_ALREADY_ASSIGNED', 'HOUSEHOLD_ALREADY_ASSIGNED', 'HOUSEHOLD_ALREADY_ASSIGNED']);
      expect(await activeAssignments(household)).toBe(1);
    }
  });
});

describe('unassignHousehold', () => {
  test('ends the assignment, keeps it as history, and frees the household', async () => {
    const household = await seed.household(cell);
    const first = await api.gql(ASSIGN, { memberId: await seed.member(cell), householdId: household });
    const id = first.data!.assignHousehold.id;
    const ended = await api.gql(UNASSIGN, { id });
    expect(ended.data!.unassignHousehold).toMatchObject({ active: false, endReason: 'Chuyển nơi ở' });
    const again = await api.gql(UNASSIGN, { id });
    expect(again.errors![0].extensions).toMatchObject({ code: 'ASSIGNMENT_ALREADY_ENDED', field: 'assignmentId' });
    const next = await api.gql(ASSIGN, { memberId: await seed.member(cell), householdId: household });
    expect(next.errors).toBeUndefined();
    const history = await api.gql(`query ($id: ID!) { household(id: $id) { assignments { active } activeAssignment { id } } }`, { id: household });
    expect(history.data!.household.assignments.map((a: { active: boolean }) => a.active)).toEqual([true, false]);
    expect(history.data!.household.activeAssignment.id).toBe(next.data!.assignHousehold.id);
  });
});

describe('members and exemption', () => {
  test('a member holding households cannot be made exempt (database rule)', async () => {
    const member = await seed.member(cell);
    await seed.assignment(member, await seed.household(cell));
    await expect(api.sql(`update member set status = 'exempt', exempt_reason = 'illness' where id = $1`, [member])).rejects.toThrow(/MEMBER_HAS_ACTIVE_ASSIGNMENTS/);
  });

  test('an exempt member needs a reason, and an exempt member cannot be assigned even by direct SQL', async () => {
    await expect(api.sql(`insert into member (cell_id, full_name, status) values ($1, 'Kha Văn A', 'exempt')`, [cell])).rejects.toThrow(/member_exemption_check/);
    const exempt = await seed.member(cell, { status: 'exempt' });
    await expect(seed.assignment(exempt, await seed.household(cell))).rejects.toThrow(/MEMBER_EXEMPT/);
  });

  test('a wrong mode is refused by the database', async () => {
    const away = await seed.member(cell, { livesInCommune: false });
    await expect(seed.assignment(away, await seed.household(cell), { mode: 'regular' })).rejects.toThrow(/ASSIGNMENT_MODE_MISMATCH/);
  });
});

describe('setMemberStatus', () => {
  const SET = `mutation ($m: ID!, $s: MemberStatus!, $r: ExemptReason) { setMemberStatus(input: { memberId: $m, status: $s, exemptReason: $r }) { id status exemptReason } }`;

  test('exempts a member with a reason, who then cannot be assigned, and makes them active again', async () => {
    const member = await seed.member(cell);
    expect((await api.gql(SET, { m: member, s: 'EXEMPT', r: 'AGE' })).data!.setMemberStatus).toMatchObject({ status: 'EXEMPT', exemptReason: 'AGE' });
    const refused = await api.gql(ASSIGN, { memberId: member, householdId: await seed.household(cell) });
    expect(refused.errors![0].extensions).toMatchObject({ code: 'MEMBER_EXEMPT', field: 'memberId' });
    expect((await api.gql(SET, { m: member, s: 'ACTIVE' })).data!.setMemberStatus).toMatchObject({ status: 'ACTIVE', exemptReason: null });
  });

  test('a member holding households is not exempted; a reason goes with exemption only', async () => {
    const member = await seed.member(cell);
    await api.gql(ASSIGN, { memberId: member, householdId: await seed.household(cell) });
    expect((await api.gql(SET, { m: member, s: 'EXEMPT', r: 'ILLNESS' })).errors![0].extensions).toMatchObject({ code: 'MEMBER_HAS_ACTIVE_ASSIGNMENTS', field: 'memberId' });
    expect((await api.gql(SET, { m: member, s: 'EXEMPT' })).errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'exemptReason' });
    expect((await api.gql(SET, { m: member, s: 'ACTIVE', r: 'AGE' })).errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'exemptReason' });
  });
});
