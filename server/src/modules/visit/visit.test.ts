import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestApi, type TestApi } from '../../test/api.js';
import { builders, isoDaysAgo, type Builders } from '../../test/builders.js';

const RECORD = `mutation ($input: RecordVisitInput!) {
  recordVisit(input: $input) {
    id kind visitedOn topics hotSpot notes
    household { id lastVisitOn }
    assignment { id lastVisitOn daysOverdue }
    participants { id }
    feedback { status answer level events { fromStatus toStatus } }
  }
}`;

let api: TestApi;
let seed: Builders;
let cell: number;

beforeAll(async () => {
  api = await startTestApi();
  seed = builders(api.sql, api.rootId);
  const commune = await seed.committee({ parentId: await seed.committee() });
  cell = await seed.cell(commune);
});
afterAll(() => api.close());

const count = async (table: string) => (await api.sql<{ n: number }>(`select count(*)::int as n from ${table}`))[0].n;

describe('recordVisit', () => {
  test('records a home visit under the active assignment and moves the last-visit dates', async () => {
    const member = await seed.member(cell);
    const household = await seed.household(cell);
    const assignment = await seed.assignment(member, household, { startedOn: isoDaysAgo(90) });
    const res = await api.gql(RECORD, {
      input: { householdId: household, visitedOn: isoDaysAgo(2), recordedByMemberId: member, topics: ['DRINKING_WATER', 'HEALTH_INSURANCE'], notes: 'Gia đình thiếu nước mùa khô' },
    });
    expect(res.errors).toBeUndefined();
    const visit = res.data!.recordVisit;
    expect(visit).toMatchObject({ kind: 'HOME_VISIT', visitedOn: isoDaysAgo(2), topics: ['DRINKING_WATER', 'HEALTH_INSURANCE'], hotSpot: false });
    expect(visit.household.lastVisitOn).toBe(isoDaysAgo(2));
    expect(visit.assignment).toMatchObject({ id: String(assignment), lastVisitOn: isoDaysAgo(2), daysOverdue: 0 });
    expect(visit.participants).toEqual([{ id: String(member) }]);
  });

  test('an older visit does not move the last-visit date back', async () => {
    const household = await seed.household(cell);
    await api.gql(RECORD, { input: { householdId: household, visitedOn: isoDaysAgo(1) } });
    const res = await api.gql(RECORD, { input: { householdId: household, visitedOn: isoDaysAgo(20) } });
    expect(res.data!.recordVisit.household.lastVisitOn).toBe(isoDaysAgo(1));
  });

  test('feedback heard on the visit is stored with it; an answer on the spot is dated as a second step', async () => {
    const res = await api.gql(RECORD, {
      input: {
        householdId: await seed.household(cell), visitedOn: isoDaysAgo(0), hotSpot: true,
        feedback: [
          { topic: 'INFRASTRUCTURE', content: 'Đề nghị sửa đường vào bản' },
          { topic: 'HEALTH_INSURANCE', content: 'Hỏi về thẻ bảo hiểm y tế', answer: 'Đã hướng dẫn gia hạn tại UBND xã' },
        ],
      },
    });
    expect(res.errors).toBeUndefined();
    expect(res.data!.recordVisit.hotSpot).toBe(true);
    expect(res.data!.recordVisit.feedback).toEqual([
      { status: 'RAISED', answer: null, level: 'CELL', events: [{ fromStatus: null, toStatus: 'RAISED' }] },
      { status: 'ANSWERED_ON_THE_SPOT', answer: 'Đã hướng dẫn gia hạn tại UBND xã', level: 'CELL',
        events: [{ fromStatus: null, toStatus: 'RAISED' }, { fromStatus: 'RAISED', toStatus: 'ANSWERED_ON_THE_SPOT' }] },
    ]);
  });

  test('a visit in the future is refused (VISIT_IN_FUTURE) and nothing is stored', async () => {
    const before = await count('visit');
    const res = await api.gql(RECORD, { input: { householdId: await seed.household(cell), visitedOn: isoDaysAgo(-5) } });
    expect(res.errors![0].extensions).toMatchObject({ code: 'VISIT_IN_FUTURE', field: 'visitedOn' });
    expect(await count('visit')).toBe(before);
  });

  test('a home visit needs a household; a group activity needs a cell', async () => {
    const home = await api.gql(RECORD, { input: { visitedOn: isoDaysAgo(1) } });
    expect(home.errors![0].extensions).toMatchObject({ code: 'VISIT_NEEDS_HOUSEHOLD', field: 'householdId' });
    const group = await api.gql(RECORD, { input: { kind: 'GROUP_ACTIVITY', visitedOn: isoDaysAgo(1) } });
    expect(group.errors![0].extensions).toMatchObject({ code: 'VISIT_NEEDS_CELL', field: 'cellId' });
    const ok = await api.gql(RECORD, { input: { kind: 'DELEGATION', cellId: cell, visitedOn: isoDaysAgo(1), topics: ['SECURITY_ORDER'] } });
    expect(ok.errors).toBeUndefined();
    expect(ok.data!.recordVisit.household).toBeNull();
  });

  test('invalid feedback rolls the whole visit back and names the field', async () => {
    const visits = await count('visit');
    const feedback = await count('feedback');
    const res = await api.gql(RECORD, {
      input: { householdId: await seed.household(cell), visitedOn: isoDaysAgo(1), feedback: [{ topic: 'LAND', content: 'ok' }] },
    });
    expect(res.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'feedback.0.content' });
    expect([await count('visit'), await count('feedback')]).toEqual([visits, feedback]);
  });

  test('an unknown participant rolls back the visit with NOT_FOUND on participantIds', async () => {
    const visits = await count('visit');
    const res = await api.gql(RECORD, { input: { householdId: await seed.household(cell), visitedOn: isoDaysAgo(1), participantIds: ['987654'] } });
    expect(res.errors![0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'participantIds' });
    expect(await count('visit')).toBe(visits);
  });

  test('an unknown topic is rejected by the schema', async () => {
    const res = await api.gql(RECORD, { input: { householdId: await seed.household(cell), visitedOn: isoDaysAgo(1), topics: ['WEATHER'] } });
    expect(res.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
  });
});

describe('retries', () => {
  test('the same clientRef records one visit, sent again or three times at once; a malformed one is refused', async () => {
    const household = await seed.household(cell);
    await seed.assignment(await seed.member(cell), household);
    const clientRef = '0f6f7a3c-5d2e-4b1a-9c8d-7e6f5a4b3c2d';
    const input = { householdId: household, visitedOn: isoDaysAgo(0), clientRef, feedback: [{ topic: 'LAND', content: 'Ranh giới đất' }] };
    const results = await Promise.all([1, 2, 3].map(() => api.gql(RECORD, { input })));
    expect(results.map((r) => r.errors)).toEqual([undefined, undefined, undefined]);
    const again = await api.gql(RECORD, { input });
    expect(new Set([...results, again].map((r) => r.data!.recordVisit.id)).size).toBe(1);
    expect((await api.sql<{ n: number }>('select count(*)::int as n from visit where household_id = $1', [household]))[0].n).toBe(1);
    expect((await api.sql<{ n: number }>('select count(*)::int as n from feedback where household_id = $1', [household]))[0].n).toBe(1);
    const bad = await api.gql(RECORD, { input: { ...input, clientRef: 'not-a-uuid' } });
    expect(bad.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'clientRef' });
  });
});

describe('overdue', () => {
  test('an assignment is overdue once its last visit is older than the inherited policy interval', async () => {
    const district = await seed.committee();
    const commune = await seed.committee({ parentId: district });
    await seed.policy(district, 14, 30);
    const strictCell = await seed.cell(commune);
    const resident = await seed.assignment(await seed.member(strictCell), await seed.household(strictCell), { startedOn: isoDaysAgo(100) });
    const away = await seed.assignment(await seed.member(strictCell, { livesInCommune: false }), await seed.household(strictCell), { startedOn: isoDaysAgo(100), mode: 'non_regular' });
    for (const id of [resident, away]) {
      const [{ household_id }] = await api.sql('select household_id from assignment where id = $1', [id]);
      await seed.visit(strictCell, household_id, isoDaysAgo(20));
    }
    const q = `query ($id: ID!) { assignment(id: $id) { intervalDays dueOn daysOverdue } }`;
    expect((await api.gql(q, { id: resident })).data!.assignment).toEqual({ intervalDays: 14, dueOn: isoDaysAgo(6), daysOverdue: 6 });
    expect((await api.gql(q, { id: away })).data!.assignment).toEqual({ intervalDays: 30, dueOn: isoDaysAgo(-10), daysOverdue: 0 });
    const policy = await api.gql(`query ($id: ID!) { committee(id: $id) { visitPolicy { regularIntervalDays sourceCommitteeId } } }`, { id: commune });
    expect(policy.data!.committee.visitPolicy).toEqual({ regularIntervalDays: 14, sourceCommitteeId: String(district) });
  });
});
